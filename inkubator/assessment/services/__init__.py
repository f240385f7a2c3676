"""Writes to the readiness assessment. Each function checks permission and scope inside its transaction,
refuses stale saves (optimistic locking on `version`) and records an audit entry.

Parts: `instruments` (instruments and their scoring rules), `rounds` (rounds and assignments),
`assessments` (save, submit, return, verify, rescore), `evidence` (files attached to answers) and
`submissions` (one field submission from ODK/Kobo) and `checks` (the version check they share).
"""

from inkubator.assessment.services.assessments import (
    STALE_ASSESSMENT,
    assessment_rescore,
    assessment_return,
    assessment_save,
    assessment_submit,
    assessment_verify,
    parse_number,
    submission_problems,
)
from inkubator.assessment.services.evidence import (
    SIGNATURES,
    evidence_add,
    evidence_remove,
    sniff_evidence_type,
)
from inkubator.assessment.services.instruments import (
    install_default_instrument,
    instrument_create_from_spec,
    instrument_new_version,
    instrument_replace,
    instrument_rules,
    instrument_to_spec,
)
from inkubator.assessment.services.rounds import (
    ROUND_FIELDS,
    round_assign,
    round_assign_balanced,
    round_create,
    round_set_status,
    round_update,
)
from inkubator.assessment.services.submissions import assessment_import_submission

__all__ = [
    "ROUND_FIELDS",
    "SIGNATURES",
    "STALE_ASSESSMENT",
    "assessment_import_submission",
    "assessment_rescore",
    "assessment_return",
    "assessment_save",
    "assessment_submit",
    "assessment_verify",
    "evidence_add",
    "evidence_remove",
    "install_default_instrument",
    "instrument_create_from_spec",
    "instrument_new_version",
    "instrument_replace",
    "instrument_rules",
    "instrument_to_spec",
    "parse_number",
    "round_assign",
    "round_assign_balanced",
    "round_create",
    "round_set_status",
    "round_update",
    "sniff_evidence_type",
    "submission_problems",
]
