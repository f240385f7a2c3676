"""`inkubator demo`: migrate, load the demo data, print the demo accounts, serve."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Set up the demo database and serve it."

    def add_arguments(self, parser):
        parser.add_argument("port", nargs="?", default=None)

    def handle(self, *args, **options):
        call_command("compile_translations")
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed", scale="demo", seed=2024)
        call_command("demo_accounts")
        call_command("serve", *([options["port"]] if options["port"] else []))
