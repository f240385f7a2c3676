"""Readiness assessment: versioned instruments, rounds, assessments with answers and evidence.

An instrument (dimensions → indicators → options/bands) is frozen as soon as a round uses it;
changing it means copying it into a new version. An `Assessment` is one assessor's work on one centre
in one round: it is created when the assessor is assigned (status "assigned") and carries the answers,
the evidence files and the computed scores. Scores are never typed in: `services.assessment_rescore`
computes them from the answers (see `scoring.py`).

Parts: `instruments` (instruments, dimensions, indicators, options, bands), `rounds`, `assessments`
(assessments, answers, status changes), `evidence` (files and their storage; migration 0001 refers to
`inkubator.assessment.models.evidence_storage` and `evidence_path`) and `submissions` (imported ids).
"""

from inkubator.assessment.models.assessments import Answer, Assessment, Transition
from inkubator.assessment.models.evidence import Evidence, evidence_path, evidence_storage
from inkubator.assessment.models.instruments import (
    CODE_VALIDATOR,
    WEIGHT,
    Dimension,
    Indicator,
    IndicatorOption,
    Instrument,
    ScoreBand,
)
from inkubator.assessment.models.rounds import AssessmentRound
from inkubator.assessment.models.submissions import ImportedSubmission

__all__ = [
    "CODE_VALIDATOR",
    "WEIGHT",
    "Answer",
    "Assessment",
    "AssessmentRound",
    "Dimension",
    "Evidence",
    "ImportedSubmission",
    "Indicator",
    "IndicatorOption",
    "Instrument",
    "ScoreBand",
    "Transition",
    "evidence_path",
    "evidence_storage",
]
