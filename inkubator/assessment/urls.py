from django.urls import path

from inkubator.assessment import views, views_results, views_submissions

app_name = "assessment"
urlpatterns = [
    path("asesmen/", views.assessment_list, name="assessment_list"),
    path("asesmen/<int:pk>/", views.assessment_form, name="assessment_form"),
    path("asesmen/<int:pk>/simpan/", views.assessment_autosave, name="assessment_autosave"),
    path("asesmen/<int:pk>/kirim/", views.assessment_submit, name="assessment_submit"),
    path("asesmen/<int:pk>/bukti/", views.evidence_upload, name="evidence_upload"),
    path("asesmen/<int:pk>/tinjau/", views.assessment_review, name="assessment_review"),
    path("asesmen/bukti/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("asesmen/bukti/<int:pk>/hapus/", views.evidence_delete, name="evidence_delete"),
    path("asesmen/instrumen/", views.instrument_list, name="instrument_list"),
    path("asesmen/instrumen/impor/", views.instrument_import, name="instrument_import"),
    path("asesmen/instrumen/<int:pk>/", views.instrument_detail, name="instrument_detail"),
    path("asesmen/instrumen/<int:pk>/xlsx/", views.instrument_xlsx, name="instrument_xlsx"),
    path("asesmen/instrumen/<int:pk>/xlsform/", views.instrument_xlsform, name="instrument_xlsform"),
    path("asesmen/instrumen/<int:pk>/versi-baru/", views.instrument_new_version, name="instrument_new_version"),
    path("asesmen/instrumen/<int:pk>/ganti/", views.instrument_replace, name="instrument_replace"),
    path("asesmen/putaran/", views.round_list, name="round_list"),
    path("asesmen/putaran/baru/", views.round_create, name="round_create"),
    path("asesmen/putaran/<int:pk>/ubah/", views.round_update, name="round_update"),
    path("asesmen/putaran/<int:pk>/penugasan/", views.round_assign, name="round_assign"),
    path("asesmen/putaran/<int:pk>/", views.round_detail, name="round_detail"),
    # results (views_results) and submission import (views_submissions) are appended below
    path("asesmen/putaran/<int:pk>/hasil/", views_results.round_results, name="round_results"),
    path("asesmen/putaran/<int:pk>/blk/<int:centre_id>/", views_results.centre_report, name="round_centre_report"),
    path(
        "asesmen/putaran/<int:pk>/blk/<int:centre_id>/pdf/", views_results.centre_report_pdf,
        name="round_centre_report_pdf",
    ),
    path("asesmen/putaran/<int:pk>/banding/", views_results.round_compare, name="round_compare"),
    path("asesmen/putaran/<int:pk>/reliabilitas/", views_results.round_reliability, name="round_reliability"),
    path("asesmen/putaran/<int:pk>/impor/", views_submissions.submission_import, name="submission_import"),
    path(
        "asesmen/putaran/<int:pk>/impor/<uuid:uuid>/", views_submissions.submission_import_detail,
        name="submission_import_detail",
    ),
    path(
        "asesmen/putaran/<int:pk>/impor/<uuid:uuid>/simpan/", views_submissions.submission_import_commit,
        name="submission_import_commit",
    ),
]
