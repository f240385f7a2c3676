"""Seed the editable vocation list with Kemnaker's kejuruan."""

from django.db import migrations


def load(apps, schema_editor):
    from inkubator.centres.reference import VOCATIONS

    Vocation = apps.get_model("centres", "Vocation")
    for code, name, name_en in VOCATIONS:
        Vocation.objects.get_or_create(code=code, defaults={"name": name, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("centres", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
