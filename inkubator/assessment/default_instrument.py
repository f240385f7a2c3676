"""The default readiness instrument, "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha" v1.

The spec itself (see `instrument_io` for the schema) is data, in `data/default_instrument.json`,
shipped with the package; migration 0002 installs it through `services.install_default_instrument`,
so the file must keep describing exactly that instrument (a test pins its content).

Built from the incubation standard of Permenkop UKM 3/2021 (items a–e: registration, professional
staff with a full-time manager, facilities, incubation curriculum, continuing funding) and the
KemenKopUKM incubator recognition criteria (founding decree, legitimate space, SOPs for tenant
selection, graduation and post-incubation monitoring, short- and medium-term work programmes), plus
the weakness factors reported for Indonesian incubators (non-professional managers, short-term funds,
limited facilities). It is **not** an official Kemnaker instrument: the IPB/UINSA pre-identification
instrument is not public. Treat it as an editable starting point.

Dimension weights (our choice, to be revisited, e.g. with AHP): the four dimensions that carry the
Permenkop items a–d and the recognition criteria get 0.15 each (A–D); funding (item e) and the three
context dimensions (networks, track record, local potential) get 0.10 each. They sum to exactly 1.
Within a dimension most indicators weigh 1; the founding decree (A1), the full-time managers (B1)
and the curriculum (D1) weigh 2 because the standard names them explicitly. Free-text indicators are
not scored (weight 0).
"""

from __future__ import annotations

import json
from importlib import resources

DATA_PACKAGE = "inkubator.assessment"
DATA_PATH = ("data", "default_instrument.json")  # package data: pyproject's "*.json" pattern


def default_instrument_spec() -> dict:
    """A fresh copy of the default instrument's spec: plain JSON data (decimals as strings), not validated."""
    text = resources.files(DATA_PACKAGE).joinpath(*DATA_PATH).read_text(encoding="utf-8")
    return json.loads(text)
