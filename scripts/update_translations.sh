#!/usr/bin/env bash
# Refresh the translation catalogues (locale/{id,en}/LC_MESSAGES/django.po) from the source.
#
#   scripts/update_translations.sh
#
# New strings arrive with an empty msgstr (or a "#, fuzzy" guess): translate them in locale/id, copy the
# msgid into msgstr in locale/en, remove every fuzzy flag, then run `.venv/bin/inkubator compile_translations`
# and `.venv/bin/pytest -q inkubator/core/tests/test_i18n.py`. Needs GNU gettext (xgettext, msgmerge).
# `scripts/fill_translations.py FILE.json` fills Indonesian texts from a JSON map and mirrors locale/en.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

INKUBATOR="${INKUBATOR:-.venv/bin/inkubator}"

for tool in xgettext msgmerge msguniq msgattrib; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool not found: install GNU gettext (e.g. apt-get install gettext, or make system-deps)." >&2
    exit 1
  fi
done

"$INKUBATOR" makemessages -l id -l en \
  --ignore=.venv --ignore=node_modules --ignore=var \
  --no-location "$@"

# Report what still needs a translator's attention.
for lang in id en; do
  po="locale/$lang/LC_MESSAGES/django.po"
  untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when there is anything to print.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
  echo "$po: $untranslated untranslated, $fuzzy fuzzy"
done
