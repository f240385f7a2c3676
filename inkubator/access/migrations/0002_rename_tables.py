"""Rename the moved tables to this app's names, once `accounts` no longer claims them (ADR 0014)."""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("cluster", "scopegrant"):
        old = ContentType.objects.filter(app_label="accounts", model=model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label="access", model=model).exclude(pk=old.pk).delete()
        old.app_label = "access"
        old.save(update_fields=["app_label"])


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="access", model__in=["cluster", "scopegrant"]).update(app_label="accounts")


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_initial"),
        ("accounts", "0002_move_scope_to_access"),
    ]

    operations = [
        migrations.AlterModelTable(name="cluster", table=None),
        migrations.AlterModelTable(name="scopegrant", table=None),
        migrations.RunPython(forwards, backwards),
    ]
