"""Fill the Indonesian translations given on the command line's JSON file and mirror msgids into locale/en.

    .venv/bin/python scripts/fill_translations.py translations.json

`translations.json` maps an English msgid to its Indonesian text (for plurals: a list with one text).
Entries that are untranslated or fuzzy and not in the file are listed and left alone. Afterwards run
`.venv/bin/inkubator compile_translations` and the i18n test.
"""

import json
import sys

import polib


def main(path: str) -> int:
    given = json.loads(open(path, encoding="utf-8").read())
    missing = []
    for lang in ("id", "en"):
        po_path = f"locale/{lang}/LC_MESSAGES/django.po"
        po = polib.pofile(po_path)
        for entry in po.untranslated_entries() + po.fuzzy_entries():
            if lang == "en":
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                else:
                    entry.msgstr = entry.msgid
            elif entry.msgid in given:
                text = given[entry.msgid]
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: text[0] if isinstance(text, list) else text}
                else:
                    entry.msgstr = text
            else:
                missing.append(entry.msgid)
                continue
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
        po.save(po_path)
    for msgid in missing:
        print(f"not translated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
