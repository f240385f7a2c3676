"""Selection pages, one module per sub-domain: `overview`, `weight_sets`, `runs` (computed as a job, detail,
re-run check, workbook, report, publishing), `decisions` (public), `grand_design` (province table and
typology) and `reference_data` (the Grand Design's roadmap scenarios and unemployment rates).

Everything but the decisions needs `SELECTION_VIEW`; a run is visible when its round is
(`selectors.runs`). Creating needs `SELECTION_MANAGE`, publishing `DECISION_PUBLISH`; the services
check again.
"""
