"""Scope rows of the selection and the Grand Design (pages and API) for the project's matrix
(`programme/tests/scope_matrix.py`).

Selection pages need `selection.view` (national roles and researchers) and a run is seen when its round is;
creating weight sets and runs needs `selection.manage` (researchers, national admins), publishing
`selection.publish` (national admins), editing the Grand Design's reference data `centres.manage_reference`
(national admins). Published decisions are public. The world's runs are over the finished round (sby + bali).
"""

from inkubator.programme.tests.scope_matrix import Expect, row

VIEW = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=200,
    regional_officer=403,
    researcher=200,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
MANAGE = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=200,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
MANAGED = row(
    anonymous=302,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=302,
    assessor=403,
    centre_manager=403,
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
PUBLIC = row(
    anonymous=200,
    no_scope=200,
    outsider=200,
    national_viewer=200,
    regional_officer=200,
    researcher=200,
    assessor=200,
    centre_manager=200,
    national_admin=200,
)

API_VIEW = row(
    anonymous=401,
    no_scope=403,
    outsider=403,
    national_viewer=200,
    regional_officer=403,
    researcher=200,
    assessor=403,
    centre_manager=403,
    national_admin=200,
)
API_CREATED = row(
    anonymous=401,
    no_scope=403,
    outsider=403,
    national_viewer=403,
    regional_officer=403,
    researcher=201,
    assessor=403,
    centre_manager=403,
    national_admin=201,
)


def _run(w):
    return {"pk": w.run.pk}


def _run_form(w):
    return {
        "name": "Seleksi dari halaman",
        "weight_set": w.weight_set.pk,
        "method": "saw",
        "n": "1",
        "min_class": "",
        "require_active": "on",
        "draws": "20",
        "concentration": "100",
        "seed": "7",
        "rows": "5",
        "action": "compute",
    }


def _scenario_form(w, name="Peta jalan baru"):
    return {
        "name": name,
        "start_year": 2027,
        "years": 3,
        "incubators_first_year": 5,
        "growth_per_year": 2,
        "tenants_per_incubator_per_year": "6",
        "survival_rate": "50",
        "jobs_per_tenant": "1.5",
        "note": "",
    }


EXPECTATIONS = [
    Expect("selection:overview", VIEW),
    # --- weight sets ---------------------------------------------------------------------------------------------
    Expect("selection:weightset_list", VIEW),
    Expect("selection:weightset_create", MANAGE),
    Expect(
        "selection:weightset_create",
        MANAGED,
        method="POST",
        changes=True,
        query=lambda w: {"instrument": w.instrument.pk},
        data=lambda w: {
            "name": "Bobot tangan",
            "source": "manual",
            "weight_A": "0.5",
            "weight_B": "0.5",
            "note": "",
            "experts": "1",
            "action": "save",
        },
    ),
    Expect("selection:weightset_detail", VIEW, kwargs=lambda w: {"pk": w.weight_set.pk}),
    # --- runs --------------------------------------------------------------------------------------------------------
    Expect("selection:run_list", VIEW),
    Expect("selection:run_create", MANAGE, query=lambda w: {"round": w.finished_round.pk}),
    Expect(
        "selection:run_create",
        MANAGED,
        method="POST",
        changes=True,
        query=lambda w: {"round": w.finished_round.pk},
        data=_run_form,
    ),
    # The job computing a run is its creator's (the researcher's): the national admin gets 404.
    Expect(
        "selection:run_job",
        row(
            anonymous=302,
            no_scope=403,
            outsider=403,
            national_viewer=403,
            regional_officer=403,
            researcher=200,
            assessor=403,
            centre_manager=403,
            national_admin=404,
        ),
        kwargs=lambda w: {"uuid": w.run_job.uuid},
    ),
    Expect("selection:run_detail", VIEW, kwargs=_run),
    # Re-running from the frozen inputs is audited on the run.
    Expect("selection:run_verify", VIEW, method="POST", changes=True, kwargs=_run),
    Expect("selection:run_xlsx", VIEW, kwargs=_run),
    Expect("selection:run_pdf", VIEW, kwargs=_run),
    Expect(
        "selection:run_publish",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        kwargs=_run,
        data=lambda w: {"title": "Penetapan inkubator 2026", "reference": "KEP.1/2026", "note": ""},
    ),
    # --- decisions: public ------------------------------------------------------------------------------------------
    Expect("selection:decision_list", PUBLIC, public=True),
    Expect("selection:decision_detail", PUBLIC, public=True, kwargs=lambda w: {"pk": w.decision.pk}),
    Expect("selection:decision_pdf", PUBLIC, public=True, kwargs=lambda w: {"pk": w.decision.pk}),
    # --- Grand Design -------------------------------------------------------------------------------------------------
    Expect("selection:grand_design", VIEW),
    Expect("selection:grand_design_typology", VIEW),
    Expect("selection:roadmapscenario_list", VIEW),
    Expect("selection:roadmapscenario_create", ADMIN_ONLY),
    Expect(
        "selection:roadmapscenario_create", ADMIN_ONLY_WRITE, method="POST", changes=True, data=_scenario_form
    ),
    Expect("selection:roadmapscenario_detail", VIEW, kwargs=lambda w: {"pk": w.scenario.pk}),
    Expect("selection:roadmapscenario_update", ADMIN_ONLY, kwargs=lambda w: {"pk": w.scenario.pk}),
    Expect(
        "selection:roadmapscenario_update",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.scenario.pk},
        data=lambda w: _scenario_form(w, name="Peta jalan (diubah)"),
    ),
    Expect("selection:unemploymentrate_list", VIEW),
    Expect("selection:unemploymentrate_create", ADMIN_ONLY),
    Expect(
        "selection:unemploymentrate_create",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        data=lambda w: {
            "province": "35",
            "year": 2025,
            "rate": "4.00",
            "source": "BPS, Sakernas Agustus 2025",
        },
    ),
    Expect("selection:unemploymentrate_update", ADMIN_ONLY, kwargs=lambda w: {"pk": w.rate.pk}),
    Expect(
        "selection:unemploymentrate_update",
        ADMIN_ONLY_WRITE,
        method="POST",
        changes=True,
        kwargs=lambda w: {"pk": w.rate.pk},
        data=lambda w: {"province": "35", "year": 2024, "rate": "4.20", "source": "BPS (revisi)"},
    ),
    # --- API -------------------------------------------------------------------------------------------------------------
    Expect("GET /api/v1/selection/weight-sets", API_VIEW),
    Expect(
        "POST /api/v1/selection/weight-sets",
        API_CREATED,
        changes=True,
        data=lambda w: {"name": "Bobot API", "instrument_id": w.instrument.pk, "source": "instrument"},
    ),
    Expect(
        "GET /api/v1/selection/weight-sets/{weight_set_id}",
        API_VIEW,
        kwargs=lambda w: {"weight_set_id": w.weight_set.pk},
    ),
    Expect("GET /api/v1/selection/runs", API_VIEW),
    # A run is computed by a job: 202 with the job to follow (GET /api/v1/jobs/{uuid}).
    Expect(
        "POST /api/v1/selection/runs",
        row(
            anonymous=401,
            no_scope=403,
            outsider=403,
            national_viewer=403,
            regional_officer=403,
            researcher=202,
            assessor=403,
            centre_manager=403,
            national_admin=202,
        ),
        changes=True,
        data=lambda w: {
            "name": "Seleksi API",
            "round_id": w.finished_round.pk,
            "weight_set_id": w.weight_set.pk,
            "method": "saw",
            "constraints": {"n": 1},
            "draws": 20,
            "seed": 7,
        },
    ),
    Expect("GET /api/v1/selection/runs/{run_id}", API_VIEW, kwargs=lambda w: {"run_id": w.run.pk}),
    Expect(
        "POST /api/v1/selection/runs/{run_id}/verify",
        API_VIEW,
        changes=True,
        kwargs=lambda w: {"run_id": w.run.pk},
    ),
    Expect(
        "POST /api/v1/selection/runs/{run_id}/publish",
        row(
            anonymous=401,
            no_scope=403,
            outsider=403,
            national_viewer=403,
            regional_officer=403,
            researcher=403,
            assessor=403,
            centre_manager=403,
            national_admin=201,
        ),
        changes=True,
        kwargs=lambda w: {"run_id": w.run.pk},
        data=lambda w: {"title": "Penetapan API"},
    ),
    Expect("GET /api/v1/selection/decisions", PUBLIC, public=True),
]
