"""Ship the default readiness instrument (an editable starting point, not an official Kemnaker form)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from inkubator.assessment.services import install_default_instrument

    install_default_instrument(apps)


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
