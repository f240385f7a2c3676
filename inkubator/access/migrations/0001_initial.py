"""Clusters and scope grants move here from `accounts` (ADR 0014): the tables stay, renamed.

The models enter this app's state under their old table names (nothing happens in the database),
`accounts.0002` drops them from that app's state, then the tables (and the cluster–centre table)
are renamed to this app's names, and the content types follow so that audit entries keep pointing at
the right model.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0001_initial"),
        ("centres", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("regions", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Cluster",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                        ("centres", models.ManyToManyField(blank=True, related_name="clusters", to="centres.centre", verbose_name="centres")),
                        ("partner", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="clusters", to="accounts.partnerorganisation", verbose_name="partner")),
                    ],
                    options={
                        "verbose_name": "cluster",
                        "verbose_name_plural": "clusters",
                        "ordering": ["-year", "name"],
                        "db_table": "accounts_cluster",
                        "constraints": [models.UniqueConstraint(fields=("partner", "name", "year"), name="cluster_unique_name")],
                    },
                ),
                migrations.CreateModel(
                    name="ScopeGrant",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("national", "National"), ("province", "Province"), ("regency", "Regency/city"), ("cluster", "Partner cluster"), ("centre", "One centre")], max_length=20, verbose_name="kind")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("centre", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="centres.centre", verbose_name="centre")),
                        ("cluster", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="grants", to="access.cluster", verbose_name="cluster")),
                        ("granted_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("province", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="regions.province", verbose_name="province")),
                        ("regency", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="regions.regency", verbose_name="regency/city")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scope_grants", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "scope grant",
                        "verbose_name_plural": "scope grants",
                        "ordering": ["kind", "id"],
                        "db_table": "accounts_scopegrant",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
