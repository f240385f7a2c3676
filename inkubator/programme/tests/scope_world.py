"""The world of the scope matrix: one object of everything the project's URLs need, built through the services.

Everything sits at centre "sby" (Surabaya, Jawa Timur): in the scope of the regional officer (province 35),
the researcher and the assessor (the UINSA cluster: sby + bali) and the centre manager (sby only), and outside
the scope of the `outsider` (a regional officer of Aceh) and of `no_scope` (no grant at all). Where a URL needs
something else it says so below (a submitted assessment to review sits at bali, the cluster's other centre).

`build_world(registry, users)` is called once per test (`inkubator/conftest.py` gives `registry` and `users`);
principals are `PRINCIPALS`, in the order the matrix reports them.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from inkubator.access.tests.factories import make_user
from inkubator.assessment.tests.conftest import PNG, SMALL_SPEC

# The rows of the matrix, in this order; `anonymous` is no user at all.
PRINCIPALS = (
    "anonymous",
    "no_scope",
    "outsider",
    "national_viewer",
    "regional_officer",
    "researcher",
    "assessor",
    "centre_manager",
    "national_admin",
)

# The answers of the finished round (selection/tests/conftest.py): A1 level, A2, B1, B2 staff.
FINISHED_ANSWERS = {"sby": ("5", "yes", "yayasan", "7"), "bali": ("2", "no", "none", "0")}
SUBMISSION_UUID = "3f0c0b9e-8a1e-4c53-9a53-1b8d2f6c7a01"
PASSWORD = "s3cret-pass-123"  # every user of access.tests.factories.make_user


@dataclass
class World:
    """What the URLs of the matrix point at (see the module docstring for where each thing sits)."""

    registry: dict
    users: dict  # principal -> User (without "anonymous")
    centre: object = None  # sby
    host: object = None
    grant: object = None
    output: object = None
    vocation: object = None
    instrument: object = None  # frozen: the rounds use it
    draft_instrument: object = None  # not used by any round: its contents may still be replaced
    finished_round: object = None  # sby + bali, both verified
    verified: object = None  # the finished round's assessment of sby
    verified_evidence: object = None
    open_round: object = None  # sby + bali + bgr (Jawa Barat, outside the cluster), open
    inactive: object = None  # mlg, deactivated
    draft: object = None  # the assessor's draft of sby in the open round
    draft_evidence: object = None
    submitted: object = None  # the assessor's submitted assessment of bali in the open round
    weight_set: object = None
    run: object = None  # not published
    published_run: object = None
    decision: object = None
    scenario: object = None
    rate: object = None
    registry_job: object = None  # a checked registry import of the regional officer (with a result file)
    submission_job: object = None  # a checked submission import of the researcher into the open round
    run_job: object = None  # a queued selection-run job of the researcher
    person: object = None  # a user to administer
    person_grant: object = None
    token: object = None  # the researcher's API token
    extra: dict = field(default_factory=dict)

    def user(self, principal: str):
        return None if principal == "anonymous" else self.users[principal]


def _registry_csv() -> bytes:
    """One host in Surabaya: inside the regional officer's province."""
    return (
        b"Nama Lembaga,Jenis,Yayasan,Provinsi,Kabupaten/Kota,Alamat\r\n"
        b"Pondok Pesantren Al-Amin,Ponpes,Yayasan Al-Amin,Jawa Timur,Kota Surabaya,Jl. Ampel 1\r\n"
    )


def _submission_json() -> bytes:
    """One complete submission of sby by the assessor, as a plain list of flat objects (KoboToolbox JSON)."""
    return json.dumps(
        [
            {
                "start": "2026-02-03T08:15:02.125+07:00",
                "end": "2026-02-03T10:41:57.380+07:00",
                "instrument_code": "uji-kecil",
                "instrument_version": "1",
                "centre": "2035000001",
                "assessor": "asesor1",
                "location": "",
                "A1": "4",
                "A1_note": "",
                "A1_photo": "",
                "A2": "no",
                "A2_note": "",
                "B1": "koperasi",
                "B1_note": "",
                "B2": "7",
                "B2_note": "",
                "B3": "",
                "B3_note": "",
                "_uuid": SUBMISSION_UUID,
            }
        ]
    ).encode()


def _fill(services, assessor, assessment, answers) -> object:
    a1, a2, b1, b2 = answers
    return services.assessment_save(
        actor=assessor,
        assessment=assessment,
        answers={"A1": {"value": a1}, "A2": {"value": a2}, "B1": {"value": b1}, "B2": {"number": b2}},
    )


def _evidence(services, assessor, assessment, content: bytes = PNG):
    return services.evidence_add(
        actor=assessor,
        assessment=assessment,
        indicator_code="A1",
        upload=SimpleUploadedFile("sk.png", content),
    )


def _checked_job(*, kind: str, actor, params: dict, name: str, content: bytes):
    """An import job that has checked its file (a dry run), as the upload page leaves it."""
    from inkubator.core import jobs

    job = jobs.job_create(
        kind=kind,
        actor=actor,
        params={**params, "dry_run": True, "filename": name},
        input_file=ContentFile(content, name=name),
    )
    job = jobs.job_execute(job.pk)
    assert (job.status, job.errors) == ("succeeded", []), (kind, job.status, job.message, job.errors)
    return job


def build_world(registry: dict, users: dict) -> World:
    """Build the world (about a second); `users` gains the `outsider`."""
    from inkubator.access import services as access_services
    from inkubator.accounts import services as account_services
    from inkubator.assessment import services as assessment
    from inkubator.assessment.submissions import JOB_KIND as SUBMISSION_JOB
    from inkubator.centres import services as centres
    from inkubator.centres.importers import JOB_KIND as REGISTRY_JOB
    from inkubator.regions.models import Province
    from inkubator.selection import services as selection

    users = {**users, "outsider": make_user("aceh1", "regional_officer", province="11")}
    admin, assessor, researcher = users["national_admin"], users["assessor"], users["researcher"]
    sby, bali = registry["sby"], registry["bali"]
    w = World(registry=registry, users=users, centre=sby, host=sby.host)

    # --- the registry -------------------------------------------------------------------------------------
    w.grant = centres.grant_create(
        actor=admin,
        data={
            "centre": sby,
            "kind": "entrepreneurship",
            "year": 2024,
            "amount": Decimal("50000000"),
            "status": "received",
            "note": "",
        },
    )
    w.output = centres.output_save(
        actor=admin, data={"centre": sby, "year": 2024, "packages": 4, "graduates": 64}
    )
    w.vocation = centres.vocation_save(
        actor=admin,
        data={
            "code": "tata-boga-uji",
            "name": "Tata boga (uji)",
            "name_en": "Catering (test)",
            "is_active": True,
        },
        vocation=None,
    )
    w.inactive = centres.centre_deactivate(
        actor=admin, centre=registry["mlg"], reason="Tidak aktif sejak 2023"
    )

    # --- the assessment ---------------------------------------------------------------------------------
    w.instrument = assessment.instrument_create_from_spec(actor=admin, spec=SMALL_SPEC)
    w.draft_instrument = assessment.instrument_create_from_spec(
        actor=admin, spec={**SMALL_SPEC, "code": "uji-draf", "name": "Instrumen draf"}
    )
    w.finished_round = assessment.round_create(
        actor=admin,
        centres=[sby, bali],
        data={
            "name": "Pra-identifikasi 2025",
            "instrument": w.instrument,
            "starts_on": datetime.date(2025, 7, 1),
            "ends_on": datetime.date(2025, 9, 30),
        },
    )
    for key, answers in FINISHED_ANSWERS.items():
        a = assessment.round_assign(
            actor=admin, round=w.finished_round, centre=registry[key], assessor=assessor
        )
        a = _fill(assessment, assessor, a, answers)
        evidence = _evidence(assessment, assessor, a)
        a = assessment.assessment_submit(actor=assessor, assessment=a)
        a = assessment.assessment_verify(actor=admin, assessment=a)
        if key == "sby":
            w.verified, w.verified_evidence = a, evidence

    # bgr (outside the researcher's cluster) shows who may manage a round that reaches beyond their scope.
    w.open_round = assessment.round_create(
        actor=admin,
        centres=[sby, bali, registry["bgr"]],
        data={
            "name": "Pra-identifikasi 2026",
            "instrument": w.instrument,
            "starts_on": datetime.date(2026, 1, 5),
            "ends_on": datetime.date(2026, 3, 31),
            "due_on": datetime.date(2026, 3, 1),
        },
    )
    w.open_round = assessment.round_set_status(actor=admin, round=w.open_round, status="open")
    draft = assessment.round_assign(actor=admin, round=w.open_round, centre=sby, assessor=assessor)
    w.draft = _fill(assessment, assessor, draft, ("4", "no", "koperasi", "3"))
    w.draft_evidence = _evidence(assessment, assessor, w.draft)
    submitted = assessment.round_assign(actor=admin, round=w.open_round, centre=bali, assessor=assessor)
    submitted = _fill(assessment, assessor, submitted, ("3", "yes", "yayasan", "2"))
    _evidence(assessment, assessor, submitted)
    w.submitted = assessment.assessment_submit(actor=assessor, assessment=submitted)

    # --- the selection and the Grand Design --------------------------------------------------------------
    w.weight_set = selection.weight_set_create(
        actor=admin, name="Bobot instrumen", instrument=w.instrument, source="instrument"
    )
    runs = [
        selection.run_create(
            actor=admin,
            name=name,
            rnd=w.finished_round,
            weight_set=w.weight_set,
            constraints={"n": 1, "require_active": True},
            draws=20,
            seed=7,
        )
        for name in ("Seleksi uji", "Seleksi terbit")
    ]
    w.run, w.published_run = runs
    w.decision = selection.decision_publish(actor=admin, run=w.published_run, title="Penetapan uji")
    w.scenario = selection.scenario_save(
        actor=admin,
        data={
            "name": "Peta jalan uji",
            "start_year": 2026,
            "years": 3,
            "incubators_first_year": 10,
            "growth_per_year": 5,
            "tenants_per_incubator_per_year": Decimal("8"),
            "survival_rate": Decimal("60"),
            "jobs_per_tenant": Decimal("2"),
            "note": "",
        },
    )
    w.rate = selection.unemployment_rate_save(
        actor=admin,
        data={
            "province": Province.objects.get(code="35"),
            "year": 2024,
            "rate": Decimal("4.19"),
            "source": "BPS",
        },
    )

    # --- jobs, accounts ---------------------------------------------------------------------------------------
    w.registry_job = _checked_job(
        kind=REGISTRY_JOB,
        actor=users["regional_officer"],
        params={"kind": "hosts"},
        name="lembaga.csv",
        content=_registry_csv(),
    )
    w.registry_job.result_file.save("hasil.csv", ContentFile(b"kode,nama\r\n"), save=True)
    w.submission_job = _checked_job(
        kind=SUBMISSION_JOB,
        actor=researcher,
        params={"round": w.open_round.pk},
        name="ekspor.json",
        content=_submission_json(),
    )
    w.run_job = selection.run_enqueue(
        actor=researcher,
        language="id",
        rnd=w.finished_round,
        weight_set=w.weight_set,
        name="Seleksi dari halaman",
        constraints={"n": 1, "require_active": True},
        seed=7,
        draws=20,
    )

    w.person, _link = account_services.user_invite(
        actor=admin,
        data={
            "username": "staf1",
            "first_name": "Staf",
            "last_name": "Baru",
            "email": "",
            "role": "regional_officer",
            "organisation": None,
        },
    )
    w.person_grant = access_services.scope_grant_add(
        actor=admin,
        user=w.person,
        data={
            "kind": "province",
            "province": Province.objects.get(code="35"),
            "regency": None,
            "cluster": None,
            "centre": None,
        },
    )
    w.token, _key = account_services.token_create(user=researcher, name="skrip uji")
    for obj in (w.draft, w.submitted, w.verified):
        obj.refresh_from_db()
    return w


def xlsx_of_instrument(instrument) -> bytes:
    """The instrument as the workbook the instrument pages export and import."""
    from inkubator.assessment import instrument_io, services

    return instrument_io.spec_to_xlsx(services.instrument_to_spec(instrument))


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    """A fresh file for a form (a file is read once, so each request gets its own)."""
    return SimpleUploadedFile(name, content)


def registry_upload() -> SimpleUploadedFile:
    return upload("lembaga.csv", _registry_csv())


def submission_upload() -> SimpleUploadedFile:
    return upload("ekspor.json", _submission_json())
