"""Static files: only what pages load is collected and compressed.

npm packages ship whole distributions (ECharts alone: 40 MB of builds, source maps and ES modules) of
which a page loads one or two files. `ListedFilesFinder` offers exactly the files named in the setting
`INKUBATOR_STATIC_FILES` — ``{prefix: (directory, [relative paths])}`` — so `collectstatic` copies,
hashes and compresses those and nothing else; `AppDirectoriesFinder` adds the project's ignore patterns for
the files Django's own apps ship that no page loads. A missing listed file is an error at `check` time
(a package upgrade that moved it fails loudly instead of giving a page a 404).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    """Django's app finder, leaving out what no page loads (`INKUBATOR_STATIC_IGNORE`, e.g. admin's xregexp).

    (A finder rather than a custom staticfiles AppConfig: tools look for "django.contrib.staticfiles" in
    INSTALLED_APPS, e.g. the live server of the browser tests serves static files only then.)
    """

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *getattr(settings, "INKUBATOR_STATIC_IGNORE", [])])


class _ListedStorage(FileSystemStorage):
    """One listed directory, seen through the static prefix it is served under."""

    def __init__(self, location: Path, prefix: str):
        super().__init__(location=str(location))
        self.prefix = prefix


class ListedFilesFinder(BaseFinder):
    """Finds the files listed in `INKUBATOR_STATIC_FILES` and only those."""

    def __init__(self, app_names=None, *args, **kwargs):
        self.entries: list[tuple[str, Path, tuple[str, ...]]] = [
            (prefix.strip("/"), Path(directory), tuple(files))
            for prefix, (directory, files) in getattr(settings, "INKUBATOR_STATIC_FILES", {}).items()
        ]
        self.storages = {prefix: _ListedStorage(directory, prefix) for prefix, directory, _f in self.entries}

    def check(self, **kwargs):
        return [
            Error(
                f"INKUBATOR_STATIC_FILES lists {directory / name}, which does not exist.",
                hint="Run `npm ci` (or `make install`); if a package moved the file, update the list.",
                id="inkubator.E001",
            )
            for _prefix, directory, files in self.entries
            for name in files
            if not (directory / name).is_file()
        ]

    def find(self, path, find_all=False, **kwargs):
        find_all = find_all or kwargs.get("all", False)
        found = []
        for prefix, directory, files in self.entries:
            if path.startswith(prefix + "/") and path[len(prefix) + 1 :] in files:
                full = directory / path[len(prefix) + 1 :]
                if full.is_file():
                    if not find_all:
                        return str(full)
                    found.append(str(full))
        return found

    def list(self, ignore_patterns):
        for prefix, directory, files in self.entries:
            for name in files:
                if (directory / name).is_file():
                    yield name, self.storages[prefix]
