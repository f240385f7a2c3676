"""Header names of an instrument's fields in ODK Central and KoboToolbox submission exports."""

from __future__ import annotations

from inkubator.assessment.instrument_io.validation import validate_spec

META_COLUMNS = {
    "centre": ["centre"],
    "centre_code": ["centre_code"],
    "assessor": ["assessor"],
    "instrument_code": ["instrument_code"],
    "instrument_version": ["instrument_version"],
    "start": ["start"],
    "end": ["end"],
    "location_latitude": ["location-Latitude", "_location_latitude"],
    "location_longitude": ["location-Longitude", "_location_longitude"],
    "location_altitude": ["location-Altitude", "_location_altitude"],
    "location_accuracy": ["location-Accuracy", "_location_precision"],
    "location": ["location"],
    "instance_id": ["KEY", "meta-instanceID", "meta/instanceID", "_uuid"],
}
"""Header variants of the fields outside the dimension groups.

ODK Central's CSV splits a geopoint into `location-Latitude`, `-Longitude`, `-Altitude`, `-Accuracy`
and names the submission `KEY` (also `meta-instanceID`); KoboToolbox keeps `location` ("lat lon alt
precision") and adds `_location_latitude`, `_location_longitude`, `_location_altitude`,
`_location_precision`, and `_uuid`.
"""


def SUBMISSION_COLUMNS(spec, *, suffix: str = "") -> dict[str, list[str]]:  # noqa: N802 - named in the brief
    """For each indicator code, the CSV headers its answer may have in an export, most specific first.

    - ODK Central (and ODK Briefcase) join the group path with "-": ``A-A1``.
    - KoboToolbox ("XML values and headers", groups included) joins it with "/": ``A/A1``.
    - KoboToolbox with "include groups in headers" turned off, or a form without groups: ``A1``.

    `suffix` gives the companion fields instead: ``"_note"`` → ``A-A1_note`` …, ``"_photo"`` →
    ``A-A1_photo`` … (a photo column holds the file name; the file comes with the attachments).
    Headers in label mode (question texts instead of names) are not supported.
    """
    spec = validate_spec(spec)
    columns = {}
    for dim in spec["dimensions"]:
        for ind in dim["indicators"]:
            name = ind["code"] + suffix
            columns[ind["code"]] = [f"{dim['code']}-{name}", f"{dim['code']}/{name}", name]
    return columns
