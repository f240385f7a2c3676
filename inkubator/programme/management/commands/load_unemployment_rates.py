"""`inkubator load_unemployment_rates --actor USERNAME`: the BPS rates of August 2023 and 2024 (demo.unemployment)."""

from django.core.management.base import BaseCommand, CommandError

from inkubator.accounts.models import User
from inkubator.programme.demo.unemployment import load_unemployment_rates


class Command(BaseCommand):
    help = "Add the published province unemployment rates (BPS, August 2023 and 2024) not yet recorded."

    def add_arguments(self, parser):
        parser.add_argument(
            "--actor", required=True, help="a national admin's username (recorded in the audit)"
        )

    def handle(self, *args, **options):
        actor = User.objects.filter(username=options["actor"], is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user {options['actor']!r}.")
        added = load_unemployment_rates(actor=actor)
        self.stdout.write(f"{added} unemployment rates added.")
