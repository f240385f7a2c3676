"""The main menu, by programme phase (ADR 0017): Registri, Asesmen, Seleksi, Inkubasi, Capaian, Administrasi.

Each app declares its links in `<app>/navigation.py` as `ENTRIES` (a list of `core.navigation.MenuEntry`
naming its phase by key); this module collects them from every installed `inkubator.*` app once, and
`menu(user, path)` gives the phases the user has at least one link in, in programme order, with the entry
the current path lies under marked. A phase without entries (Inkubasi and Capaian until their apps
exist) is simply not shown. An entry naming an unknown phase is an error at start-up.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inkubator.core.navigation import MenuEntry

# key -> label, in the order of the programme (and of the menu)
PHASES = {
    "registry": _("Registry"),
    "assessment": _("Assessment"),
    "selection": _("Selection"),
    "incubation": _("Incubation"),
    "outcomes": _("Outcomes"),
    "administration": _("Administration"),
}


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    links: tuple[Link, ...]

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)


@cache
def entries() -> tuple[MenuEntry, ...]:
    """Every `ENTRIES` of every installed `inkubator.*` app with a `navigation` module."""
    found: list[MenuEntry] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("inkubator."):
            continue
        name = f"{config.name}.navigation"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        for entry in getattr(module, "ENTRIES", ()):
            if entry.phase not in PHASES:
                raise ValueError(f"{name}: {entry.url_name} names the unknown phase {entry.phase!r}")
            found.append(entry)
    phase_order = list(PHASES)
    return tuple(sorted(found, key=lambda e: (phase_order.index(e.phase), e.order, e.url_name)))


def menu(user, path: str) -> list[Group]:
    """The phases with the links `user` may follow; the link whose prefix is longest under `path` is current."""
    shown = [(e, reverse(e.url_name)) for e in entries() if e.shown_to(user)]
    best = max(
        (len(e.prefix or url) for e, url in shown if path.startswith(e.prefix or url)),
        default=0,
    )
    groups = []
    for key, label in PHASES.items():
        links = tuple(
            Link(
                label=str(e.label),
                url=url,
                current=bool(best) and len(e.prefix or url) == best and path.startswith(e.prefix or url),
            )
            for e, url in shown
            if e.phase == key
        )
        if links:
            groups.append(Group(key=key, label=str(label), links=links))
    return groups
