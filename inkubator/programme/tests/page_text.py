"""What a page says, and what an Indonesian page must not say (used by `test_pages_in_indonesian.py`).

- `visible_text(html)`: the text a reader sees (scripts, styles and attribute values left out), and the
  text of the change-history section on its own;
- `english_leaks(text)`: English interface text in an Indonesian page. The English is read from the
  catalogue: every msgid whose Indonesian translation differs (multi-word ones as they are, between their
  placeholders; single capitalised words that Indonesian does not also use), plus the words Django and
  django-filter bring themselves;
- `grouped_years(text)`: years written with a thousands separator ("2.021", "2,024");
- `raw_structures(text)`: JSON or Python structures (``{"a": 1}``, ``['x']``) in the change history.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.conf import settings

# Words of Django and django-filter (not in our catalogue) that an Indonesian page must not show.
THIRD_PARTY = ("All", "Any", "Unknown", "Previous", "Next", "ascending", "descending", "Yes")
# Catalogue words an Indonesian page may show as they are: Indonesian uses them too, or they are names.
SAME_IN_INDONESIAN = {
    "API",
    "Status",
    "Total",
    "Grand Design",
    "Core",
    "Programme",
    "Regions",
    "Accounts",
    "Min",
    "Max",
    "Item",
    "Method",
    "Rank",  # "Rank" appears inside no Indonesian word, but "Ranking" is the Indonesian label as well
    "Ranking",
    "Prefix",
    "Username",
    "Index",
    "Cluster",
}
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0+-]*\d*(?:\.\d+)?[sdifr]|\{[^}]*\}")
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d[.,]\d{3}(?![\d.,])|(?<![\d.,])2[.,]0[0-4]\d(?![\d.,])")
STRUCTURE = re.compile(r"[{}\[\]]|\"\w+\"\s*:|'\w+'\s*:")


class _Text(HTMLParser):
    SKIP = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.history: list[str] = []
        self.data: list[str] = []  # the strings of json_script data (chart labels)
        self._json = False
        self._skip = 0
        self._history_depth = 0
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
            self._json = tag == "script" and dict(attrs).get("type") == "application/json"
        if tag in ("br", "img", "input", "meta", "link", "hr"):
            return
        self._depth += 1
        if dict(attrs).get("id") == "history":
            self._history_depth = self._depth

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        if self._history_depth and self._depth == self._history_depth:
            self._history_depth = 0
        self._depth -= 1

    def handle_data(self, data):
        if self._json:
            self.data.extend(_strings(json.loads(data)))
            self._json = False
        if self._skip:
            return
        self.parts.append(data)
        if self._history_depth:
            self.history.append(data)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def visible_text(html: str) -> tuple[str, str]:
    """(the page's visible text with the strings of its chart data, the change history's text), collapsed.

    Chart labels live in json_script elements and are drawn by the browser: they count as visible text.
    """
    parser = _Text()
    parser.feed(html)
    collapse = lambda parts: re.sub(r"\s+", " ", " | ".join(parts)).strip()  # noqa: E731
    return collapse(parser.parts + parser.data), collapse(parser.history)


def _catalogue() -> dict[str, str]:
    """msgid -> Indonesian text, from the committed catalogue and the branch's pending translations."""
    base = Path(settings.BASE_DIR)
    po = polib.pofile(str(base / "locale" / "id" / "LC_MESSAGES" / "django.po"))
    found = {e.msgid: (e.msgstr or (e.msgstr_plural or {}).get(0, "")) for e in po if not e.obsolete}
    pending = base / "translations.json"
    if pending.exists():
        for msgid, text in json.loads(pending.read_text(encoding="utf-8")).items():
            found.setdefault(msgid, text[0] if isinstance(text, list) else text)
    return found


@cache
def _english() -> re.Pattern:
    fragments = set(THIRD_PARTY)
    for msgid, indonesian in _catalogue().items():
        if not indonesian or indonesian == msgid or msgid in SAME_IN_INDONESIAN:
            continue
        for piece in PLACEHOLDER.split(msgid):
            piece = piece.strip(" .,:;()·—-\n")
            words = piece.split()
            if len(words) >= 2 and len(piece) >= 10 and "<" not in piece:
                fragments.add(piece)
            elif len(words) == 1 and len(piece) >= 4 and piece[0].isupper() and piece.isalpha():
                fragments.add(piece)
    fragments -= SAME_IN_INDONESIAN
    alternatives = sorted((re.escape(f) for f in fragments), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")


def english_leaks(text: str) -> list[str]:
    return sorted(set(_english().findall(text)))


def grouped_years(text: str) -> list[str]:
    return sorted(set(YEAR.findall(text)))


def raw_structures(history_text: str) -> list[str]:
    return sorted(set(STRUCTURE.findall(history_text)))


def untitled_filter_choices(html: str) -> bool:
    """A filter form offering "---------" where Indonesian says "Semua" (forms keep Django's dashes)."""
    form = re.search(r'id="filter-form".*?</form>', html, flags=re.S)
    return bool(form and "---------" in form.group(0))
