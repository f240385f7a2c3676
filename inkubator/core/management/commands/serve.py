"""Serve inkubator for development or the demo (Django's server, static files through WhiteNoise)."""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the application on 127.0.0.1:PORT (default: $PORT or 8000)."

    def add_arguments(self, parser):
        parser.add_argument("port", nargs="?", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, **options):
        self.stdout.write(
            f"inkubator is serving on http://{options['host']}:{options['port']}/ (Ctrl+C stops it)"
        )
        call_command("runserver", f"{options['host']}:{options['port']}", "--nostatic", use_reloader=False)
