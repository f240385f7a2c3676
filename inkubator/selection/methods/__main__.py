"""`python -m inkubator.selection.methods INPUT.json` (or `-` for standard input)."""

import sys

from .cli import main

sys.exit(main(prog="python -m inkubator.selection.methods"))
