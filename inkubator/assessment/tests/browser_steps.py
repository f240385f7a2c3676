"""Steps the assessment's browser tests share: autosave waits, choosing answers, reading what was stored."""

import re
from contextlib import contextmanager

from playwright.sync_api import expect

from inkubator.assessment.models import Answer, Assessment
from inkubator.core.testing.browser import id_text


def no_problems(*problems):
    """Nothing went wrong in these pages so far: no script or console error, no CSP violation, no
    missing static file, no server error."""
    for p in problems:
        assert p.items == []


def sent_fields(request):
    """The fields of a multipart/form-data request (what the page's FormData sent)."""
    body = request.post_data or ""
    return dict(re.findall(r'Content-Disposition: form-data; name="([^"]+)"\r\n\r\n(.*?)\r\n--', body, re.S))


@contextmanager
def autosaved(page, assessment, **fields):
    """Wait for the autosave that carries `fields` (the first one sent after the changes made in the
    block), then for the page to take its answer in: the new version and "Saved at <time>".

    Yields a dict that holds the JSON answer of that autosave afterwards."""
    path = f"/asesmen/{assessment.pk}/simpan/"

    def carries(response):
        if not response.url.endswith(path):
            return False
        sent = sent_fields(response.request)
        return all(sent.get(name) == value for name, value in fields.items())

    saved = {}
    with page.expect_response(carries) as response_info:
        yield saved
    response = response_info.value
    assert response.status == 200
    saved.update(response.json())
    assert saved["ok"] is True
    expect(page.locator("#id_version")).to_have_value(str(saved["version"]))
    expect(page.locator("#save-status")).to_have_text(f"{id_text('Saved at')} {saved['saved_at']}")


def choose(page, code, label):
    """Tap an option of an indicator by its label, as a thumb would."""
    option = page.locator(f"#ind-{code} label.opt").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
    )
    option.tap()
    expect(option.locator("input[type=radio]")).to_be_checked()


def stored_answers(assessment):
    """code → (option value, number, text, returned, return comment) of the stored answers."""
    return {
        a.indicator.code: (a.value, a.number, a.text, a.returned, a.return_comment)
        for a in Answer.objects.filter(assessment=assessment).select_related("indicator")
    }


def status_of(assessment):
    return Assessment.objects.values_list("status", flat=True).get(pk=assessment.pk)


def list_row(page, centre_name):
    return page.locator("#assessment-table tbody tr").filter(has=page.get_by_role("link", name=centre_name))


# --- the test ----------------------------------------------------------------------------------
