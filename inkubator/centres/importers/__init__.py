"""Spreadsheet import of host institutions, centres and grants (on `core.imports`).

Parts: `values` (lenient reading of words, regions and numbers), `rows` (what each kind of row holds
and how it is saved) and `registry` (the importer: check every row, then write all or none).
"""

from inkubator.centres.importers.registry import (
    JOB_KIND,
    RegistryImporter,
    import_run,
    import_template,
    template_response,
)
from inkubator.centres.importers.rows import ROW_KINDS

__all__ = ["JOB_KIND", "ROW_KINDS", "RegistryImporter", "import_run", "import_template", "template_response"]
