"""Scope rows of the readiness assessment (pages and API) for the project's matrix
(`programme/tests/scope_matrix.py`).

The world (`scope_world.py`): a finished round over sby + bali, both verified; an open round over sby, bali
and bgr (Jawa Barat, outside the researcher's cluster) with the assessor's draft of sby and submitted
assessment of bali. `assessment.view` is every role's; assessors see only their own assessments; those who
cannot review (viewers, regional officers, centre managers) see only verified ones. Filling is the assigned
assessor's (`assessment.fill`), reviewing the researcher's and national admin's, managing instruments and
rounds too; consolidated results are not for assessors, exports not for centre managers.
"""

from inkubator.assessment.tests.conftest import PNG
from inkubator.assessment.tests.scope_rows import (
    ANSWERS,
    API_EVERYONE,
    API_FILL,
    API_REVIEW,
    EVERYONE_SIGNED_IN,
    FILL,
    FILLED,
    MANAGE_OPEN_ROUND,
    MANAGED_OPEN_ROUND,
    MANAGERS,
    MANAGERS_WRITE,
    OWN_SUBMISSION_IMPORT,
    OWN_SUBMISSION_IMPORT_COMMITTED,
    READ_DRAFT,
    READ_ROUND,
    READ_VERIFIED_SBY,
    RESULTS,
    RESULTS_EXPORT,
    finished,
    instrument,
    open,
    round_form,
    workbook,
)
from inkubator.programme.tests.scope_matrix import Expect, row
from inkubator.programme.tests.scope_world import submission_upload, upload

EXPECTATIONS = [
    # --- instruments: shared reference material, seen by everyone who may view assessments -----------------
    Expect("assessment:instrument_list", EVERYONE_SIGNED_IN),
    Expect("assessment:instrument_import", MANAGERS),
    Expect(
        "assessment:instrument_import",
        MANAGERS_WRITE,
        method="POST",
        changes=True,
        data=lambda w: {"file": upload("instrumen.xlsx", workbook(w, w.instrument))},
    ),
    Expect("assessment:instrument_detail", EVERYONE_SIGNED_IN, kwargs=instrument),
    Expect("assessment:instrument_xlsx", EVERYONE_SIGNED_IN, kwargs=instrument),
    Expect("assessment:instrument_xlsform", EVERYONE_SIGNED_IN, kwargs=instrument),
    Expect(
        "assessment:instrument_new_version", MANAGERS_WRITE, method="POST", changes=True, kwargs=instrument
    ),
    Expect(
        "assessment:instrument_replace",
        MANAGERS_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.draft_instrument.pk},
        data=lambda w: {"file": upload("instrumen.xlsx", workbook(w, w.draft_instrument))},
    ),
    # --- rounds -------------------------------------------------------------------------------------------------
    Expect("assessment:round_list", EVERYONE_SIGNED_IN),
    Expect("assessment:round_create", MANAGERS),
    Expect(
        "assessment:round_create",
        MANAGERS_WRITE,
        method="POST",
        changes=True,
        data=lambda w: round_form(w, name="Putaran baru", codes="2035000001"),
    ),
    Expect("assessment:round_detail", READ_ROUND, kwargs=open),
    Expect("assessment:round_update", MANAGE_OPEN_ROUND, kwargs=open),
    Expect(
        "assessment:round_update",
        MANAGED_OPEN_ROUND,
        method="POST",
        changes=True,
        kwargs=open,
        data=lambda w: round_form(w, version=w.open_round.version),
    ),
    Expect("assessment:round_assign", MANAGE_OPEN_ROUND, kwargs=open),
    Expect(
        "assessment:round_assign",
        MANAGED_OPEN_ROUND,
        method="POST",
        changes=True,
        kwargs=open,
        data=lambda w: {"action": "closed"},
    ),
    # --- results of the finished round ---------------------------------------------------------------------------
    Expect("assessment:round_results", RESULTS, kwargs=finished),
    Expect(
        "assessment:round_results",
        RESULTS_EXPORT,
        label="export",
        kwargs=finished,
        query=lambda w: {"format": "csv"},
    ),
    Expect(
        "assessment:round_centre_report",
        RESULTS,
        kwargs=lambda w: {"pk": w.finished_round.pk, "centre_id": w.centre.pk},
    ),
    Expect(
        "assessment:round_centre_report_pdf",
        RESULTS,
        kwargs=lambda w: {"pk": w.finished_round.pk, "centre_id": w.centre.pk},
    ),
    Expect("assessment:round_compare", RESULTS, kwargs=finished),
    Expect("assessment:round_reliability", RESULTS, kwargs=finished),
    # --- importing field submissions into the open round ------------------------------------------------------------
    Expect("assessment:submission_import", MANAGE_OPEN_ROUND, kwargs=open),
    Expect(
        "assessment:submission_import",
        MANAGED_OPEN_ROUND,
        method="POST",
        changes=True,
        kwargs=open,
        data=lambda w: {"file": submission_upload()},
    ),
    Expect(
        "assessment:submission_import_detail",
        OWN_SUBMISSION_IMPORT,
        kwargs=lambda w: {"pk": w.open_round.pk, "uuid": w.submission_job.uuid},
    ),
    Expect(
        "assessment:submission_import_commit",
        OWN_SUBMISSION_IMPORT_COMMITTED,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.open_round.pk, "uuid": w.submission_job.uuid},
    ),
    # --- assessments: the field form, evidence and review -------------------------------------------------------
    Expect("assessment:assessment_list", EVERYONE_SIGNED_IN),
    Expect("assessment:assessment_form", READ_VERIFIED_SBY, kwargs=lambda w: {"pk": w.verified.pk}),
    Expect("assessment:assessment_form", READ_DRAFT, label="draft", kwargs=lambda w: {"pk": w.draft.pk}),
    Expect(
        "assessment:assessment_autosave",
        FILL,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.draft.pk},
        data=lambda w: ANSWERS,
    ),
    Expect(
        "assessment:assessment_submit",
        FILLED,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.draft.pk},
        data=lambda w: ANSWERS,
    ),
    Expect(
        "assessment:evidence_upload",
        FILLED,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.draft.pk},
        data=lambda w: {"indicator": "A1", "file": upload("foto.png", PNG + b"\x00kedua")},
    ),
    Expect("assessment:assessment_review", MANAGERS, kwargs=lambda w: {"pk": w.submitted.pk}),
    Expect(
        "assessment:assessment_review",
        MANAGERS_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.submitted.pk},
        data=lambda w: {"action": "verify", "comment": "Lengkap."},
    ),
    Expect("assessment:evidence_file", READ_VERIFIED_SBY, kwargs=lambda w: {"pk": w.verified_evidence.pk}),
    # NOTE: removing evidence answers 404 (not 403) to everyone who may not fill assessments, national admin
    # included, where the other `assessment.fill` actions answer 403: the evidence is looked up under the
    # permission first. Harmless, but not the project's usual "403 without the permission".
    Expect(
        "assessment:evidence_delete",
        row(
            anonymous=302,
            no_scope=404,
            outsider=404,
            national_viewer=404,
            regional_officer=404,
            researcher=404,
            assessor=302,
            centre_manager=404,
            national_admin=404,
        ),
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.draft_evidence.pk},
    ),
    # --- API --------------------------------------------------------------------------------------------------------
    Expect("GET /api/v1/assessment/instruments", API_EVERYONE),
    Expect(
        "GET /api/v1/assessment/instruments/{instrument_id}",
        API_EVERYONE,
        kwargs=lambda w: {"instrument_id": w.instrument.pk},
    ),
    Expect(
        "GET /api/v1/assessment/instruments/{instrument_id}/xlsform",
        API_EVERYONE,
        kwargs=lambda w: {"instrument_id": w.instrument.pk},
    ),
    Expect("GET /api/v1/assessment/rounds", API_EVERYONE),
    Expect("GET /api/v1/assessment/assessments", API_EVERYONE),
    Expect(
        "GET /api/v1/assessment/assessments/{assessment_id}",
        row(
            anonymous=401,
            no_scope=404,
            outsider=404,
            national_viewer=200,
            regional_officer=200,
            researcher=200,
            assessor=200,
            centre_manager=200,
            national_admin=200,
        ),
        kwargs=lambda w: {"assessment_id": w.verified.pk},
    ),
    Expect(
        "PATCH /api/v1/assessment/assessments/{assessment_id}",
        API_FILL,
        changes=True,
        kwargs=lambda w: {"assessment_id": w.draft.pk},
        data=lambda w: {"version": w.draft.version, "answers": {"B2": {"number": "5"}}},
    ),
    Expect(
        "POST /api/v1/assessment/assessments/{assessment_id}/submit",
        API_FILL,
        changes=True,
        kwargs=lambda w: {"assessment_id": w.draft.pk},
        data=lambda w: {"version": w.draft.version},
    ),
    Expect(
        "POST /api/v1/assessment/assessments/{assessment_id}/return",
        API_REVIEW,
        changes=True,
        kwargs=lambda w: {"assessment_id": w.submitted.pk},
        data=lambda w: {"version": w.submitted.version, "comment": "Foto SK belum terbaca."},
    ),
    Expect(
        "POST /api/v1/assessment/assessments/{assessment_id}/verify",
        API_REVIEW,
        changes=True,
        kwargs=lambda w: {"assessment_id": w.submitted.pk},
        data=lambda w: {"version": w.submitted.version},
    ),
    Expect(
        "GET /api/v1/assessment/rounds/{round_id}/results",
        row(
            anonymous=401,
            no_scope=404,
            outsider=404,
            national_viewer=200,
            regional_officer=200,
            researcher=200,
            assessor=403,
            centre_manager=200,
            national_admin=200,
        ),
        kwargs=lambda w: {"round_id": w.finished_round.pk},
    ),
    # Assigning the assessor to bgr: the national admin may; the researcher manages the round (NOTE above) but
    # bgr is outside their cluster, so the service refuses that centre (403).
    Expect(
        "POST /api/v1/assessment/rounds/{round_id}/assignments",
        row(
            anonymous=401,
            no_scope=403,
            outsider=403,
            national_viewer=403,
            regional_officer=403,
            researcher=403,
            assessor=403,
            centre_manager=403,
            national_admin=201,
        ),
        changes=True,
        kwargs=lambda w: {"round_id": w.open_round.pk},
        data=lambda w: {"centre_id": w.registry["bgr"].pk, "assessor": "asesor1"},
    ),
]
