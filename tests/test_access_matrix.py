"""Every URL rule of the app, as every role and as an anonymous visitor.

The table below is the access policy written out. A new view without a
line here fails :func:`test_every_rule_has_an_expectation`, so no page can
appear without someone deciding who may open it.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask
from sqlalchemy import select

from backoffice.auth.models import Role
from backoffice.cases.models import Document, FollowUp
from backoffice.catalogue.models import Service
from backoffice.correspondence.models import IssuedLetter
from backoffice.extensions import db
from tests.conftest import PASSWORD
from tests.workflow_helpers import Desk, approved_case, case_from, scan_bytes

FO, BO, SV, AD = Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.SUPERVISOR, Role.ADMIN
ALL = frozenset({FO, BO, SV, AD})
CASE = frozenset({FO, BO, SV})
ADMIN = frozenset({AD})
NOBODY: frozenset[Role] = frozenset()
PUBLIC = "public"


def model_view(
    prefix: str,
    read: frozenset[Role],
    write: frozenset[Role],
    *,
    create: bool = True,
    edit: bool = True,
    delete: bool = True,
    export: bool = False,
) -> dict[str, object]:
    writers = read & write
    return {
        f"{prefix}.index_view": read,
        f"{prefix}.details_view": read,
        f"{prefix}.ajax_lookup": read,
        f"{prefix}.create_view": writers if create else NOBODY,
        f"{prefix}.edit_view": writers if edit else NOBODY,
        f"{prefix}.delete_view": writers if delete else NOBODY,
        f"{prefix}.action_view": writers if edit else NOBODY,
        f"{prefix}.ajax_update": writers if edit else NOBODY,
        f"{prefix}.export": writers if export else NOBODY,
    }


EXPECTED: dict[str, object] = {
    "static": PUBLIC,
    "admin.static": PUBLIC,
    "core.healthz": PUBLIC,
    "auth.login": PUBLIC,
    "correspondence.verify": PUBLIC,
    "auth.logout": ALL,
    "admin.index": ALL,
    **model_view("service", ALL, ADMIN, delete=False, export=True),
    **model_view("kecamatan", ALL, ADMIN, delete=False),
    **model_view("desa", ALL, ADMIN),
    **model_view("day_off", ALL, ADMIN),
    **model_view("user", ADMIN, ADMIN, delete=False),
    **model_view("audit", ADMIN, NOBODY),
    **model_view("case", CASE, NOBODY),
    **model_view("issuedletter", frozenset({BO, SV}), NOBODY),
    "issuedletter.export_xlsx": frozenset({BO, SV}),
    **model_view("lettertemplate", ADMIN, ADMIN, create=False, delete=False),
    "lettertemplate.preview": ADMIN,
    **model_view("officeprofile", ADMIN, ADMIN, create=False, delete=False),
    "dtks.index": frozenset({BO, SV}),
    "personal_data.index": frozenset({SV}),
    "personal_data.copy": frozenset({SV}),
    "cases.index": CASE,
    "cases.scans": CASE,
    "cases.case_page": CASE,
    "cases.receipt": CASE,
    "cases.return_note": CASE,
    "cases.document": CASE,
    "cases.transition": CASE,
    "cases.intake": frozenset({FO, BO}),
    "cases.upload": frozenset({FO, BO}),
    "cases.assign": frozenset({FO, BO}),
    "cases.check_requirement": frozenset({FO, BO}),
    "cases.person": frozenset({FO, BO}),
    "cases.dismiss_reading": frozenset({FO, BO}),
    "cases.claim": frozenset({BO}),
    "cases.letter_preview": frozenset({BO, SV}),
    "cases.dtks": frozenset({BO}),
    "cases.assessment": frozenset({BO}),
    "cases.follow_up": frozenset({BO, SV}),
    "correspondence.download_letter": CASE,
    "correspondence.revoke": frozenset({SV}),
    "correspondence.reissue": frozenset({SV}),
}


def test_every_rule_has_an_expectation(app: Flask):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}

    assert endpoints - set(EXPECTED) == set(), "views without an access rule"
    assert set(EXPECTED) - endpoints == set(), "rules for views that do not exist"


@pytest.fixture()
def records(app, make_user):
    """A JAMKESDA case with a scan, an issued letter and a follow-up."""
    fo = Desk(app, make_user(FO), PASSWORD)
    bo = Desk(app, make_user(BO), PASSWORD)
    sv = Desk(app, make_user(SV, full_name="Pejabat"), PASSWORD)
    case = approved_case(fo, bo, sv, "ODGJ-KELUARGA")
    letter = db.session.scalar(select(IssuedLetter))
    document = db.session.scalar(
        select(Document).where(Document.case_id == case.id).order_by(Document.id)
    )
    assert letter is not None and document is not None
    return {
        "case_id": case.id,
        "person_id": case.beneficiary_id,
        "document_id": document.id,
        "requirement_id": case.requirements[0].id,
        "follow_up_id": db.session.scalar(select(FollowUp.id)),
        "letter_id": letter.id,
        "token": letter.token,
        "service_id": case.service_id,
        "kind": "rekomendasi_jamkesda",
        "export_type": "csv",
        "filename": "backoffice.css",
    }


def url_for_rule(rule, records) -> str:
    url = rule.rule
    for name in rule.arguments:
        value = records[name]
        if rule.endpoint == "admin.static":
            value = "bootstrap/bootstrap4/css/bootstrap.min.css"
        url = re.sub(rf"<(?:[a-z]+:)?{name}>", str(value), url)
    if rule.endpoint.endswith((".details_view", ".edit_view")):
        first_id = {
            "service": records["service_id"],
            "kecamatan": "14.01.01",
            "lettertemplate": records["kind"],
            "officeprofile": 1,
            "case": records["case_id"],
            "issuedletter": records["letter_id"],
            "audit": 1,
            "user": 1,
            "desa": "x",
            "day_off": 1,
        }
        url += f"?id={first_id[rule.endpoint.split('.')[0]]}"
    return url


def answer(client, rule, url) -> int:
    method = "GET" if "GET" in rule.methods else "POST"
    response = client.open(url, method=method)
    response.close()
    assert response.status_code < 500, f"{rule.endpoint} {url}: {response.status_code}"
    if response.status_code == 302 and "/login" in response.headers["Location"]:
        return 401
    return response.status_code


@pytest.mark.parametrize("who", ["anonymous", *[r.value for r in Role]])
def test_role_matrix(app: Flask, records, make_user, who):
    app.config["PROPAGATE_EXCEPTIONS"] = True
    client = app.test_client()
    role = None if who == "anonymous" else Role(who)
    if role is not None:
        Desk.__init__(desk := Desk.__new__(Desk), app, make_user(role), PASSWORD)
        client = desk.client

    wrong = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "auth.logout":
            continue  # answered last: it ends the session under test
        expected = EXPECTED[rule.endpoint]
        status = answer(client, rule, url_for_rule(rule, records))
        if expected == PUBLIC:
            ok = status not in (401, 403)
        elif role is None:
            ok = status == 401
        elif role in expected:
            ok = status not in (401, 403)
        else:
            ok = status == 403
        if not ok:
            wrong.append(f"{rule.endpoint}: {status}")

    assert wrong == []


def test_front_office_cannot_open_a_medical_letter_by_changing_the_id(
    app, records, make_user
):
    fo = Desk(app, make_user(FO), PASSWORD)
    medical = db.session.scalar(
        select(Document)
        .join(Document.case_requirement)
        .where(Document.case_id == records["case_id"])
        .where(Document.case_requirement.has(doc_kind="surat_dokter"))
    )
    bo = Desk(app, make_user(BO), PASSWORD)

    refused = fo.client.get(f"/permohonan/{records['case_id']}/dokumen/{medical.id}")
    allowed = bo.client.get(f"/permohonan/{records['case_id']}/dokumen/{medical.id}")

    assert refused.status_code == 403
    assert "data pribadi spesifik" in refused.text
    assert allowed.status_code == 200


def test_document_of_another_case_is_not_found_through_this_case(
    app, records, make_user
):
    bo = Desk(app, make_user(BO), PASSWORD)
    other = case_from(
        Desk(app, make_user(FO), PASSWORD).intake(
            db.session.get(Service, records["service_id"]),
            nik="1401011203100001",
            nama="Ahmad",
            tanggal_lahir="2010-03-12",
            jenis_kelamin="LAKI-LAKI",
        )
    )

    response = bo.client.get(f"/permohonan/{other.id}/dokumen/{records['document_id']}")

    assert response.status_code == 404


def test_front_office_cannot_read_or_record_a_childs_assessment(app, make_user):
    fo = Desk(app, make_user(FO), PASSWORD)
    bo = Desk(app, make_user(BO), PASSWORD)
    service = db.session.scalar(select(Service).where(Service.code == "RUJUKAN-ANAK"))
    case = case_from(
        fo.intake(
            service,
            nik="1401011203100001",
            nama="Ahmad",
            tanggal_lahir="2010-03-12",
            jenis_kelamin="LAKI-LAKI",
        )
    )
    for requirement in case.requirements:
        fo.upload(case, requirement.id, scan_bytes())
    fo.act(case, "submit")
    bo.client.post(
        f"/permohonan/{case.id}/asesmen",
        data={
            "visited_on": "2026-12-01",
            "findings": "Anak putus sekolah sejak kelas 8, tinggal dengan nenek.",
            "recommendation": "layak",
        },
    )
    scan = db.session.scalar(select(Document).where(Document.case_id == case.id))

    page = fo.page(case)
    recorded = fo.client.post(
        f"/permohonan/{case.id}/asesmen",
        data={"visited_on": "2026-12-02", "findings": "x"},
    )
    opened = fo.client.get(f"/permohonan/{case.id}/dokumen/{scan.id}")

    assert "putus sekolah sejak kelas 8" in bo.page(case).text
    assert "putus sekolah sejak kelas 8" not in page.text
    assert recorded.status_code == 403
    assert opened.status_code == 403


def test_admin_without_a_case_role_sees_no_case_data(app, records, make_user):
    admin = Desk(app, make_user(AD), PASSWORD)

    assert admin.client.get(f"/permohonan/{records['case_id']}").status_code == 403
    assert admin.client.get("/daftar-permohonan/").status_code == 403
    assert admin.client.get(f"/surat/{records['letter_id']}/pdf").status_code == 403
