"""Command line for the decision methods: a JSON spec in, a JSON result out.

    inkubator mcda INPUT.json                 (Django management command; delegates here)
    python -m inkubator.selection.methods INPUT.json
    ... - < INPUT.json                        ("-" reads the spec from standard input)

Errors print one line on standard error and exit with status 2. The spec and result formats are
described in docs/mcda.md; `run` (module `evaluate`) is the whole logic, usable from Python too; `spec`
holds the small checks of the JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from .._core import MCDAError
from .evaluate import run
from .spec import plain_json

__all__ = ["add_arguments", "build_parser", "dumps", "execute", "load_spec", "main", "run"]


def load_spec(source: str, *, stdin: IO[str] | None = None) -> tuple[Any, Path | None]:
    """Parse the spec from a file path, or from standard input when `source` is "-".

    Returns the spec and the directory relative matrix paths are resolved against.
    """
    try:
        if source == "-":
            text = (stdin or sys.stdin).read()
            base = None
        else:
            path = Path(source)
            text = path.read_text(encoding="utf-8-sig")
            base = path.resolve().parent
    except FileNotFoundError:
        raise MCDAError(f"input file not found: {source}")
    except (OSError, UnicodeDecodeError) as exc:
        raise MCDAError(f"cannot read {source}: {exc}")
    try:
        return json.loads(text), base
    except json.JSONDecodeError as exc:
        where = "standard input" if source == "-" else source
        raise MCDAError(f"{where} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.")


def execute(source: str, *, stdin: IO[str] | None = None) -> dict[str, Any]:
    """Load the spec from `source` ("-" = stdin) and run it."""
    spec, base = load_spec(source, stdin=stdin)
    return run(spec, base_dir=base)


def dumps(result: Mapping[str, Any], *, indent: int | None = 2) -> str:
    """The result as JSON text (numpy arrays become lists; NaN/inf are refused)."""
    return json.dumps(plain_json(result), indent=indent, ensure_ascii=False, allow_nan=False)


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Decision methods (SAW, TOPSIS, AHP, entropy, CRITIC), constrained selection and "
        "weight sensitivity: a JSON spec in, a JSON result out. See docs/mcda.md.",
    )
    add_arguments(parser)
    return parser


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help='the JSON spec file, or "-" to read it from standard input')
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (0 = compact; default 2)")


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: IO[str] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    prog: str | None = None,
) -> int:
    """Run the command line; returns the exit status (0, or 2 after a one-line error on stderr)."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = build_parser(prog).parse_args(argv)
    try:
        result = execute(args.input, stdin=stdin)
        text = dumps(result, indent=args.indent or None)
    except (MCDAError, ValueError) as exc:
        message = " ".join(str(exc).split())
        print(f"mcda: error: {message}", file=stderr)
        return 2
    print(text, file=stdout)
    return 0
