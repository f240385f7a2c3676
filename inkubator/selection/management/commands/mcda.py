"""`inkubator mcda INPUT.json`: the decision-methods command line (logic in methods/cli/)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from inkubator.selection.methods import MCDAError, cli


class Command(BaseCommand):
    help = (
        "Decision methods (SAW, TOPSIS, AHP, entropy, CRITIC), constrained selection and weight "
        'sensitivity: a JSON spec in (a file, or "-" for standard input), a JSON result out. See docs/mcda.md.'
    )
    requires_system_checks = []
    stealth_options = ("stdin",)  # call_command(..., stdin=io.StringIO(...)) in tests

    def add_arguments(self, parser):
        cli.add_arguments(parser)

    def handle(self, *args, **options):
        try:
            result = cli.execute(options["input"], stdin=options.get("stdin") or sys.stdin)
            text = cli.dumps(result, indent=options["indent"] or None)
        except (MCDAError, ValueError) as exc:
            raise CommandError(" ".join(str(exc).split()), returncode=2)
        self.stdout.write(text)
