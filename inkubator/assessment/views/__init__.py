"""Pages of the readiness assessment, by sub-domain.

`instruments` (list, detail, downloads, import), `rounds` (list, progress, create, edit, assign),
`assessments` (the list, the field form with autosave and submit, evidence files, review), `results`
(results table and exports, centre report and PDF, comparison, reliability) and `submissions` (import
of ODK/Kobo submissions). `urls.py` names each view by its module.
"""
