"""Forms of the selection pages, one module per sub-domain: `weight_sets`, `runs`, `decisions` and
`grand_design` (the Grand Design filters, unemployment rates and roadmap scenarios).

The forms parse what the pages send; the rules are the services' (`selection.services`).
"""
