"""Clusters and scope grants now belong to `inkubator.access` (ADR 0014): drop them from this app's
state only; their tables stay and `access.0002` renames them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("access", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ScopeGrant"),
                migrations.DeleteModel(name="Cluster"),
            ],
            database_operations=[],
        ),
    ]
