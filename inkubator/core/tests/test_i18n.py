"""The translation catalogues: Indonesian (default) and English are complete, consistent with each other
and with the source, and the interface really switches language.

Refresh the catalogues with scripts/update_translations.sh, then compile them with
`inkubator compile_translations`.
"""

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGS = ("id", "en")
PLURAL_FORMS = {"id": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}

# The same walk as scripts/update_translations.sh (makemessages run from the project root).
IGNORE_PATTERNS = [".venv", "node_modules", "var"]
SOURCE_EXTENSIONS = {".py", ".html", ".txt"}

# %(name)s, %s, %d ... (after dropping literal %%), and {name} / {{ name }} placeholders.
PERCENT_RE = re.compile(r"%(?:\([^)]*\))?[#0+-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa]")
BRACE_RE = re.compile(r"\{\{\s*[\w.|:\"' ]*?\s*\}\}|\{[\w.\[\]!:]*\}")


def _po(lang):
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing; run scripts/update_translations.sh"
    return polib.pofile(str(path))


def _key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def _live(po):
    return [e for e in po if not e.obsolete]


def _describe(keys):
    return "\n".join(
        f"  {msgid!r}" + (f" (context {ctx!r})" if ctx else "") for ctx, msgid, _plural in sorted(keys)
    )


def _placeholders(text):
    """Named placeholders as a set (a translation may reorder them), positional ones with their count."""
    found = PERCENT_RE.findall(text.replace("%%", "")) + BRACE_RE.findall(text)
    named = {p for p in found if "(" in p or "{" in p}
    positional = Counter(p for p in found if p not in named)
    return named, positional


@pytest.fixture(scope="module")
def catalogues():
    return {lang: _po(lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_header_is_valid(catalogues, lang):
    po = catalogues[lang]
    assert not po.metadata_is_fuzzy, f"{lang}: the header is still marked fuzzy"
    assert po.metadata.get("Language") == lang
    assert po.metadata.get("Content-Type") == "text/plain; charset=UTF-8"
    assert po.metadata.get("Plural-Forms") == PLURAL_FORMS[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_complete(catalogues, lang):
    po = catalogues[lang]
    nplurals = 1 if lang == "id" else 2
    fuzzy, empty = [], []
    entries = _live(po)
    assert entries, f"{lang}: the catalogue holds no messages"
    for entry in entries:
        if "fuzzy" in entry.flags:
            fuzzy.append(_key(entry))
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(nplurals)]
            if not all(form.strip() for form in forms) or len(entry.msgstr_plural) != nplurals:
                empty.append(_key(entry))
        elif not entry.msgstr.strip():
            empty.append(_key(entry))
    assert not fuzzy, f"{lang}: fuzzy entries (check and remove the flag):\n{_describe(fuzzy)}"
    assert not empty, f"{lang}: untranslated entries:\n{_describe(empty)}"


def test_both_catalogues_hold_the_same_messages(catalogues):
    ids = {_key(e) for e in _live(catalogues["id"])}
    ens = {_key(e) for e in _live(catalogues["en"])}
    assert not ids - ens, f"only in the Indonesian catalogue:\n{_describe(ids - ens)}"
    assert not ens - ids, f"only in the English catalogue:\n{_describe(ens - ids)}"


def test_english_catalogue_repeats_the_source(catalogues):
    wrong = []
    for entry in _live(catalogues["en"]):
        if entry.msgid_plural:
            if (entry.msgstr_plural.get(0), entry.msgstr_plural.get(1)) != (entry.msgid, entry.msgid_plural):
                wrong.append(_key(entry))
        elif entry.msgstr != entry.msgid:
            wrong.append(_key(entry))
    assert not wrong, f"English msgstr differs from msgid:\n{_describe(wrong)}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(catalogues, lang):
    nplurals = 1 if lang == "id" else 2
    problems = []
    for entry in _live(catalogues[lang]):
        if entry.msgid_plural:
            # With one plural form, msgstr[0] serves every n, so it must carry the plural's placeholders.
            sources = [
                entry.msgid if (i == 0 and nplurals > 1) else entry.msgid_plural for i in range(nplurals)
            ]
            pairs = [(src, entry.msgstr_plural.get(i, "")) for i, src in enumerate(sources)]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translation in pairs:
            if _placeholders(source) != _placeholders(translation):
                problems.append(f"  {source!r} -> {translation!r}")
    assert not problems, f"{lang}: placeholders differ between msgid and msgstr:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogue_matches_the_po(catalogues, lang):
    mo_path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), f"{mo_path} is missing; run `inkubator compile_translations`"
    mo = polib.mofile(str(mo_path))

    def translations(entries):
        return {
            (e.msgctxt or "", e.msgid): (e.msgstr, {int(i): v for i, v in e.msgstr_plural.items()})
            for e in entries
            if e.msgid and not e.obsolete
        }

    compiled, source = translations(mo), translations(catalogues[lang])
    stale = [key for key, value in source.items() if compiled.get(key) != value]
    assert not stale, (
        f"{lang}: {mo_path.name} is out of date for {len(stale)} message(s); run `inkubator compile_translations`"
    )


def _copy_sources(src_root: Path, dst_root: Path):
    """Copy the files makemessages would read (same walk and ignores as the update script)."""
    for dirpath, dirnames, filenames in os.walk(src_root):
        rel = Path(dirpath).relative_to(src_root)
        dirnames[:] = [
            d
            for d in dirnames
            if not d.startswith(".") and d not in IGNORE_PATTERNS and d != "locale" and d != "__pycache__"
        ]
        for name in filenames:
            if Path(name).suffix in SOURCE_EXTENSIONS and not name.startswith("."):
                (dst_root / rel).mkdir(parents=True, exist_ok=True)
                shutil.copy2(Path(dirpath) / name, dst_root / rel / name)


def test_catalogues_are_up_to_date_with_the_source(tmp_path, monkeypatch):
    """Extract the messages again, without touching the repository, and compare the msgid sets.

    makemessages prefers any `locale/` directory it finds while walking the current directory over
    LOCALE_PATHS, so it runs from a copy of the source tree (with no `locale/`) and LOCALE_PATHS pointing
    at a copy of the Indonesian catalogue. This also keeps its temporary `*.html.py` files out of the repo.
    """
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.fail(
            "GNU gettext (xgettext, msgmerge) is needed to check the catalogues; `make system-deps` installs it"
        )
    repo_po = LOCALE_DIR / "id" / "LC_MESSAGES" / "django.po"
    repo_before = repo_po.read_bytes()
    before = {_key(e) for e in _live(polib.pofile(str(repo_po)))}

    source = tmp_path / "src"
    _copy_sources(Path(settings.BASE_DIR), source)
    locale = tmp_path / "locale"
    (locale / "id" / "LC_MESSAGES").mkdir(parents=True)
    work_po = locale / "id" / "LC_MESSAGES" / "django.po"
    shutil.copy2(repo_po, work_po)

    monkeypatch.chdir(source)
    with override_settings(LOCALE_PATHS=[str(locale)]):
        call_command(
            "makemessages", locale=["id"], ignore_patterns=IGNORE_PATTERNS, no_location=True, verbosity=0
        )

    assert repo_po.read_bytes() == repo_before, "the check must not modify the repository's catalogue"
    assert not list(source.rglob("*.html.py")), "makemessages left temporary files behind"
    after = {_key(e) for e in _live(polib.pofile(str(work_po)))}
    missing, stale = after - before, before - after
    assert not missing, (
        "strings in the source are missing from the catalogues; run scripts/update_translations.sh and translate:\n"
        + _describe(missing)
    )
    assert not stale, (
        "the catalogues hold strings no longer in the source; run scripts/update_translations.sh:\n"
        + _describe(stale)
    )


@pytest.mark.django_db
def test_interface_is_indonesian_by_default_and_switches_to_english(client):
    page = client.get("/").content.decode()
    assert '<html lang="id">' in page
    assert "Masuk" in page  # "Log in"
    assert "BLK Komunitas sebagai inkubator kewirausahaan" in page
    assert "Log in" not in page

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302

    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Log in" in page
    assert "BLK Komunitas as entrepreneurship incubators" in page
    assert "Masuk" not in page

    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Masuk" in client.get("/").content.decode()
