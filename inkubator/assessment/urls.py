from django.urls import path

from inkubator.assessment.views import assessments, instruments, results, rounds, submissions

app_name = "assessment"
urlpatterns = [
    path("asesmen/", assessments.assessment_list, name="assessment_list"),
    path("asesmen/<int:pk>/", assessments.assessment_form, name="assessment_form"),
    path("asesmen/<int:pk>/simpan/", assessments.assessment_autosave, name="assessment_autosave"),
    path("asesmen/<int:pk>/kirim/", assessments.assessment_submit, name="assessment_submit"),
    path("asesmen/<int:pk>/bukti/", assessments.evidence_upload, name="evidence_upload"),
    path("asesmen/<int:pk>/tinjau/", assessments.assessment_review, name="assessment_review"),
    path("asesmen/bukti/<int:pk>/", assessments.evidence_file, name="evidence_file"),
    path("asesmen/bukti/<int:pk>/hapus/", assessments.evidence_delete, name="evidence_delete"),
    path("asesmen/instrumen/", instruments.instrument_list, name="instrument_list"),
    path("asesmen/instrumen/impor/", instruments.instrument_import, name="instrument_import"),
    path("asesmen/instrumen/<int:pk>/", instruments.instrument_detail, name="instrument_detail"),
    path("asesmen/instrumen/<int:pk>/xlsx/", instruments.instrument_xlsx, name="instrument_xlsx"),
    path("asesmen/instrumen/<int:pk>/xlsform/", instruments.instrument_xlsform, name="instrument_xlsform"),
    path(
        "asesmen/instrumen/<int:pk>/versi-baru/",
        instruments.instrument_new_version,
        name="instrument_new_version",
    ),
    path("asesmen/instrumen/<int:pk>/ganti/", instruments.instrument_replace, name="instrument_replace"),
    path("asesmen/putaran/", rounds.round_list, name="round_list"),
    path("asesmen/putaran/baru/", rounds.round_create, name="round_create"),
    path("asesmen/putaran/<int:pk>/ubah/", rounds.round_update, name="round_update"),
    path("asesmen/putaran/<int:pk>/penugasan/", rounds.round_assign, name="round_assign"),
    path("asesmen/putaran/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("asesmen/putaran/<int:pk>/hasil/", results.round_results, name="round_results"),
    path("asesmen/putaran/<int:pk>/blk/<int:centre_id>/", results.centre_report, name="round_centre_report"),
    path(
        "asesmen/putaran/<int:pk>/blk/<int:centre_id>/pdf/",
        results.centre_report_pdf,
        name="round_centre_report_pdf",
    ),
    path("asesmen/putaran/<int:pk>/banding/", results.round_compare, name="round_compare"),
    path("asesmen/putaran/<int:pk>/reliabilitas/", results.round_reliability, name="round_reliability"),
    path("asesmen/putaran/<int:pk>/impor/", submissions.submission_import, name="submission_import"),
    path(
        "asesmen/putaran/<int:pk>/impor/<uuid:uuid>/",
        submissions.submission_import_detail,
        name="submission_import_detail",
    ),
    path(
        "asesmen/putaran/<int:pk>/impor/<uuid:uuid>/simpan/",
        submissions.submission_import_commit,
        name="submission_import_commit",
    ),
]
