"""Indonesian by default whatever the browser says; a choice is remembered on the account and in a cookie."""

import pytest
from django.conf import settings

from inkubator.access.tests.factories import make_user

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def lang_of(response) -> str:
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_an_english_browser_still_gets_indonesian(client):
    response = client.get("/", **ENGLISH_BROWSER)
    assert lang_of(response) == "id"
    assert response["Content-Language"] == "id"
    assert "Accept-Language" not in response.get("Vary", "")


def test_an_anonymous_choice_is_kept_in_a_cookie_for_a_year(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/blk/"})
    assert (response.status_code, response["Location"]) == (302, "/blk/")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie.value, cookie["max-age"]) == ("en", 365 * 24 * 60 * 60)
    assert lang_of(client.get("/")) == "en"


def test_a_signed_in_choice_is_kept_on_the_account_and_follows_the_person(client):
    user = make_user("pengguna1", "national_viewer")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"

    other = client.__class__()  # another browser, no cookie: the account decides
    other.force_login(user)
    assert lang_of(other.get("/", HTTP_ACCEPT_LANGUAGE="id")) == "en"


def test_an_unknown_language_changes_nothing(client):
    user = make_user("pengguna2", "national_viewer")
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == ""
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert lang_of(client.get("/")) == "id"


def test_error_pages_speak_the_chosen_language_and_lead_back(client):
    response = client.get("/tidak-ada/", **ENGLISH_BROWSER)
    page = response.content.decode()
    assert response.status_code == 404
    assert "Halaman ini tidak ada" in page
    assert 'href="/" id="error-home">Kembali ke beranda<' in page

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/tidak-ada/", HTTP_REFERER="http://testserver/blk/").content.decode()
    assert "This page does not exist" in page
    assert 'href="/blk/" id="error-back">Back to the previous page<' in page
    # a referer from elsewhere is not offered as "back"
    page = client.get("/tidak-ada/", HTTP_REFERER="https://example.org/").content.decode()
    assert 'id="error-back"' not in page


def test_a_refusal_shows_the_403_page_in_indonesian(client):
    client.force_login(make_user("asesor9", "assessor"))
    response = client.get("/pengguna/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "Anda tidak dapat membuka halaman ini" in page
    assert "Masuk dengan akun lain" in page


def test_the_500_page_stands_alone(client, settings):
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("id"):
        page = render_to_string("500.html")
    assert "Terjadi kesalahan di sisi kami" in page
    assert 'href="/" id="error-home">Kembali ke beranda<' in page
