"""Import of field submissions exported from KoboToolbox or ODK Central into an assessment round.

The XLSForm made by `instrument_io.spec_to_xlsform` is filled in on phones (KoboCollect, ODK Collect);
the server's export of its submissions is uploaded here. Accepted files, recognised by their content:

- CSV (comma, semicolon or tab; UTF-8 or Windows-1252) and XLSX, as ODK Central ("A-A1", "KEY",
  "location-Latitude" …) and KoboToolbox ("A/A1" or "A1", "_uuid", "location" …) write them;
- JSON: KoboToolbox's `/api/v2/assets/<uid>/data/` ({"results": [{"A/A1": …, "_uuid": …}]}), ODK
  Central's OData ({"value": [{"__id": "uuid:…", "A": {"A1": …}}]}, groups as nested objects, geopoints
  as GeoJSON), or a plain list of flat objects.

Headers are matched (ignoring case) with `instrument_io.SUBMISSION_COLUMNS` and `META_COLUMNS`. Each
submission goes to the assessment of its centre (`centre` or `centre_code` = the centre's code, a centre
of the round) and assessor (`assessor` = the username of an assessor *already assigned* to that centre in
the round: an unassigned name is refused rather than assigned, because it is far more often a typo or a
swap than a planned assignment, and assignments are planned on the round). The submission id (ODK
`KEY`/`__id`, Kobo `meta/rootUuid`/`_uuid`, `meta/instanceID`; "uuid:" added to a bare uuid) is stored in
`ImportedSubmission` (and the latest on `Assessment.external_id`), so the same submission is never imported twice.

Every problem is reported with the file's row number and the header of its column; a file with any
problem writes nothing. A valid file is written in one transaction through
`services.assessment_import_submission`.

Parts: `reading` (the file into a table), `columns` (headers to form fields), `rows` (each row
checked against the round), and `run` (the importer on core's pipeline).
"""

from inkubator.assessment.submissions.columns import (
    CENTRE_COLUMNS,
    ID_COLUMNS,
    SYSTEM_COLUMNS,
    UUID_RE,
    Columns,
    map_columns,
)
from inkubator.assessment.submissions.reading import BINARY_SIGNATURES, MAX_DEPTH, Table, read_submissions
from inkubator.assessment.submissions.rows import Submission
from inkubator.assessment.submissions.run import JOB_KIND, SubmissionImporter, submission_import_run

__all__ = [
    "BINARY_SIGNATURES",
    "CENTRE_COLUMNS",
    "Columns",
    "JOB_KIND",
    "ID_COLUMNS",
    "MAX_DEPTH",
    "SYSTEM_COLUMNS",
    "Submission",
    "SubmissionImporter",
    "Table",
    "UUID_RE",
    "map_columns",
    "read_submissions",
    "submission_import_run",
]
