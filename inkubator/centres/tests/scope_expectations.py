"""Scope rows of the registry (pages and API) for the project's matrix (`programme/tests/scope_matrix.py`).

The world's records sit at sby (Surabaya, Jawa Timur). Reading needs `centres.view` (every role) and the
record in scope; changing needs `centres.change` (national admin, regional officer, centre manager) and
the record in scope under it; creating a centre or host needs a region to place it in (a province,
regency or national grant: not a cluster or one-centre grant); deactivating is for national admins.
Exports need `centres.export` (not assessors). The detailed registry cases: `test_scope_registry.py`.
"""

from inkubator.centres.tests.scope_rows import (
    ADMIN_ONLY,
    ADMIN_ONLY_WRITE,
    API_LIST,
    CENTRE_RECORD_ADDED_TO_SBY,
    CENTRE_RECORD_FORM,
    CHANGE_SBY,
    CHANGED_SBY,
    CREATE_FORM,
    CREATED_IN_SURABAYA,
    EVERYONE_SIGNED_IN,
    EXPORT,
    IMPORT,
    IMPORT_STARTED,
    OWN_IMPORT,
    OWN_IMPORT_COMMITTED,
    READ_SBY,
    centre_edit,
    new_centre,
    new_centre_json,
    sby,
)
from inkubator.programme.tests.scope_matrix import Expect, row
from inkubator.programme.tests.scope_world import registry_upload

EXPECTATIONS = [
    # --- centres ----------------------------------------------------------------------------------------------
    Expect("centres:centre_list", EVERYONE_SIGNED_IN),
    Expect("centres:centre_list", EXPORT, label="export", query=lambda w: {"format": "csv"}),
    Expect("centres:centre_create", CREATE_FORM),
    Expect("centres:centre_create", CREATED_IN_SURABAYA, method="POST", changes=True, data=new_centre),
    Expect("centres:centre_detail", READ_SBY, kwargs=sby),
    Expect("centres:centre_update", CHANGE_SBY, kwargs=sby),
    Expect("centres:centre_update", CHANGED_SBY, method="POST", changes=True, kwargs=sby, data=centre_edit),
    Expect("centres:centre_deactivate", ADMIN_ONLY, kwargs=sby),
    Expect(
        "centres:centre_deactivate",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        kwargs=sby,
        data=lambda w: {"reason": "Lembaga tidak aktif sejak 2025"},
    ),
    Expect(
        "centres:centre_reactivate",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.inactive.pk},
    ),
    # --- host institutions ----------------------------------------------------------------------------------
    Expect("centres:host_list", EVERYONE_SIGNED_IN),
    Expect("centres:host_list", EXPORT, label="export", query=lambda w: {"format": "csv"}),
    Expect("centres:host_create", CREATE_FORM),
    Expect(
        "centres:host_create",
        CREATED_IN_SURABAYA,
        method="POST",
        changes=True,
        data=lambda w: {
            "name": "Pondok Pesantren Baru",
            "kind": "pesantren",
            "foundation": "",
            "regency": "35.78",
            "address": "",
        },
    ),
    # A host is seen in its region, or with a centre it hosts (the cluster and one-centre grants).
    Expect("centres:host_detail", READ_SBY, kwargs=lambda w: {"pk": w.host.pk}),
    # NOTE: a centre manager may rename and re-address the host institution of their centre (the host is
    # reached through the centre), though a host may run other centres outside the manager's scope.
    Expect("centres:host_update", CHANGE_SBY, kwargs=lambda w: {"pk": w.host.pk}),
    Expect(
        "centres:host_update",
        CHANGED_SBY,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.host.pk},
        data=lambda w: {
            "name": f"{w.host.name} (diubah)",
            "kind": w.host.kind,
            "foundation": "",
            "regency": w.host.regency_id,
            "address": "Jl. Ampel 2",
        },
    ),
    # --- grants, training outputs ---------------------------------------------------------------------------
    Expect("centres:grant_list", EVERYONE_SIGNED_IN),
    Expect("centres:grant_list", EXPORT, label="export", query=lambda w: {"format": "csv"}),
    Expect("centres:grant_create", CENTRE_RECORD_FORM),
    Expect(
        "centres:grant_create",
        CENTRE_RECORD_ADDED_TO_SBY,
        method="POST",
        changes=True,
        data=lambda w: {
            "centre": w.centre.pk,
            "kind": "construction",
            "year": 2023,
            "amount": "100000000",
            "status": "received",
            "note": "",
        },
    ),
    Expect("centres:grant_update", CHANGE_SBY, kwargs=lambda w: {"pk": w.grant.pk}),
    Expect(
        "centres:grant_update",
        CHANGED_SBY,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.grant.pk},
        data=lambda w: {
            "centre": w.centre.pk,
            "kind": w.grant.kind,
            "year": w.grant.year,
            "amount": "60000000",
            "status": "received",
            "note": "Revisi",
        },
    ),
    Expect("centres:output_create", CENTRE_RECORD_FORM),
    Expect(
        "centres:output_create",
        CENTRE_RECORD_ADDED_TO_SBY,
        method="POST",
        changes=True,
        data=lambda w: {"centre": w.centre.pk, "year": 2025, "packages": 2, "graduates": 32},
    ),
    # --- vocations (a reference list of national admins) ------------------------------------------------------
    Expect("centres:vocation_list", EVERYONE_SIGNED_IN),
    Expect("centres:vocation_create", ADMIN_ONLY),
    Expect(
        "centres:vocation_create",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        data=lambda w: {
            "code": "perikanan-uji",
            "name": "Perikanan (uji)",
            "name_en": "Fisheries (test)",
            "is_active": "on",
        },
    ),
    Expect("centres:vocation_update", ADMIN_ONLY, kwargs=lambda w: {"pk": w.vocation.pk}),
    Expect(
        "centres:vocation_update",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.vocation.pk},
        data=lambda w: {
            "code": w.vocation.code,
            "name": "Tata boga (diubah)",
            "name_en": "Catering",
            "is_active": "on",
        },
    ),
    # --- import ---------------------------------------------------------------------------------------------------
    Expect("centres:import_start", IMPORT),
    Expect(
        "centres:import_start",
        IMPORT_STARTED,
        method="POST",
        changes=True,
        data=lambda w: {"kind": "hosts", "file": registry_upload()},
    ),
    Expect("centres:import_template", IMPORT, kwargs=lambda w: {"kind": "centres"}),
    Expect("centres:import_detail", OWN_IMPORT, kwargs=lambda w: {"uuid": w.registry_job.uuid}),
    Expect(
        "centres:import_commit",
        OWN_IMPORT_COMMITTED,
        method="POST",
        changes=True,
        kwargs=lambda w: {"uuid": w.registry_job.uuid},
    ),
    # --- API ----------------------------------------------------------------------------------------------------------
    Expect("GET /api/v1/centres", API_LIST),
    Expect(
        "POST /api/v1/centres",
        row(
            anonymous=401,
            no_scope=403,
            outsider=422,
            national_viewer=403,
            regional_officer=201,
            researcher=403,
            assessor=403,
            centre_manager=403,
            national_admin=201,
        ),
        changes=True,
        data=new_centre_json,
    ),
    Expect(
        "GET /api/v1/centres/{centre_id}",
        row(
            anonymous=401,
            no_scope=404,
            outsider=404,
            national_viewer=200,
            regional_officer=200,
            researcher=200,
            assessor=200,
            centre_manager=200,
            national_admin=200,
        ),
        kwargs=lambda w: {"centre_id": w.centre.pk},
    ),
    Expect(
        "PATCH /api/v1/centres/{centre_id}",
        row(
            anonymous=401,
            no_scope=404,
            outsider=404,
            national_viewer=403,
            regional_officer=200,
            researcher=403,
            assessor=403,
            centre_manager=200,
            national_admin=200,
        ),
        changes=True,
        kwargs=lambda w: {"centre_id": w.centre.pk},
        data=lambda w: {"name": "BLK Komunitas Nurul Huda (API)", "version": w.centre.version},
    ),
    Expect("GET /api/v1/hosts", API_LIST),
    Expect("GET /api/v1/grants", API_LIST),
]
