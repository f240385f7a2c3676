from django.core.management.base import BaseCommand

from inkubator.programme.demo import DEMO_ACCOUNTS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo accounts (demo-only password)."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD} — demo only):")
        for username, _first, _last, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<10} {role}")
