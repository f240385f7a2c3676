"""The expectation rows and URL arguments of the centres app's scope matrix (`scope_expectations`)."""

from inkubator.programme.tests.scope_matrix import row

EVERYONE_SIGNED_IN = row(
    anonymous=302,
    no_scope=200,
    outsider=200,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=200,
    centre_manager=200,
    national_admin=200,
)
EXPORT = row(
    anonymous=302,
    no_scope=200,
    outsider=200,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=403,
    centre_manager=200,
    national_admin=200,
)
READ_SBY = row(
    anonymous=302,
    no_scope=404,
    outsider=404,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=200,
    centre_manager=200,
    national_admin=200,
)
CHANGE_SBY = row(
    anonymous=302,
    no_scope=404,
    outsider=404,
    national_viewer=403,
    regional_officer=200,
    researcher=403,
    assessor=403,
    centre_manager=200,
    national_admin=200,
)
CHANGED_SBY = row(
    anonymous=302,
    no_scope=404,
    outsider=404,
    national_viewer=403,
    regional_officer=302,
    researcher=403,
    assessor=403,
    centre_manager=302,
    national_admin=302,
)
# Creating needs a region to place the record in: a centre manager's one-centre grant is not one.
CREATE_FORM = row(
    anonymous=302,
    no_scope=403,
    outsider=200,
    national_viewer=403,
    regional_officer=200,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
# ...and the region must be the record's: Surabaya is not in Aceh (the outsider's form refuses it, 422).
CREATED_IN_SURABAYA = row(
    anonymous=302,
    no_scope=403,
    outsider=422,
    national_viewer=403,
    regional_officer=302,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=302,
)
# Grants and training outputs are added to a centre chosen among those the user may change.
CENTRE_RECORD_FORM = row(
    anonymous=302,
    no_scope=200,
    outsider=200,
    national_viewer=403,
    regional_officer=200,
    researcher=403,
    assessor=403,
    centre_manager=200,
    national_admin=200,
)
CENTRE_RECORD_ADDED_TO_SBY = row(
    anonymous=302,
    no_scope=422,
    outsider=422,
    national_viewer=403,
    regional_officer=302,
    researcher=403,
    assessor=403,
    centre_manager=302,
    national_admin=302,
)
ADMIN_ONLY = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
ADMIN_ONLY_WRITE = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=302,
)
# Imports: `centres.import` (national admins and regional officers); scope is checked row by row in the job.
IMPORT = row(
    anonymous=302,
    no_scope=200,
    outsider=200,
    national_viewer=403,
    regional_officer=200,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
IMPORT_STARTED = row(
    anonymous=302,
    no_scope=302,
    outsider=302,
    national_viewer=403,
    regional_officer=302,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=302,
)
# An import job is its creator's (the regional officer's): other importers, the national admin too, get 404.
OWN_IMPORT = row(
    anonymous=302,
    no_scope=404,
    outsider=404,
    national_viewer=403,
    regional_officer=200,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=404,
)
OWN_IMPORT_COMMITTED = row(
    anonymous=302,
    no_scope=404,
    outsider=404,
    national_viewer=403,
    regional_officer=302,
    researcher=403,
    assessor=403,
    centre_manager=403,
    national_admin=404,
)

API_LIST = row(
    anonymous=401,
    no_scope=200,
    outsider=200,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=200,
    centre_manager=200,
    national_admin=200,
)


def sby(w):
    return {"pk": w.centre.pk}


def centre_edit(w):
    c = w.centre
    return {
        "code": c.code,
        "name": "BLK Komunitas Nurul Huda (diubah)",
        "host": c.host_id,
        "regency": c.regency_id,
        "address": "",
        "latitude": "",
        "longitude": "",
        "established_year": c.established_year,
        "vocation": c.vocation_id,
        "instructors": 2,
        "facilities": "",
        "licence_number": "",
        "accreditation": "",
        "maturity_class": "berkembang",
        "expected_version": c.version,
    }


def new_centre(w):
    return {
        "code": "2035000099",
        "name": "BLK Komunitas Baru",
        "host": w.host.pk,
        "regency": "35.78",
        "address": "",
        "latitude": "",
        "longitude": "",
        "established_year": 2022,
        "vocation": w.vocation.pk,
        "instructors": 1,
        "facilities": "",
        "licence_number": "",
        "accreditation": "",
        "maturity_class": "tumbuh",
    }


def new_centre_json(w):
    return {key: value for key, value in new_centre(w).items() if value != ""}
