"""A resident's request for their own data (UU PDP): search, copy, audit."""

from __future__ import annotations

from sqlalchemy import select

from backoffice.audit.models import AuditEvent
from backoffice.auth.models import Role
from backoffice.correspondence.models import IssuedLetter
from backoffice.extensions import db
from tests.conftest import PASSWORD, csrf_token_from
from tests.correspondence_fixtures import pdf_text
from tests.workflow_helpers import Desk, approved_case

NIK = "1401015708800002"


def issued_case(app, make_user):
    """A JAMKESDA case of NIK, received, verified, approved and lettered."""
    fo = Desk(app, make_user(Role.FRONT_OFFICE, full_name="Rina Loket"), PASSWORD)
    bo = Desk(app, make_user(Role.BACK_OFFICE), PASSWORD)
    sv = Desk(app, make_user(Role.SUPERVISOR, full_name="Kabid"), PASSWORD)
    return sv, approved_case(fo, bo, sv, "JAMKESDA", NIK)


def test_supervisor_prints_everything_held_about_a_resident(app, make_user):
    sv, case = issued_case(app, make_user)
    letter = db.session.scalar(select(IssuedLetter))

    page = sv.client.get("/data-pribadi/", query_string={"nik": f" {NIK} "})
    response = sv.client.post(
        f"/data-pribadi/{case.beneficiary_id}/salinan.pdf",
        data={"csrf_token": csrf_token_from(page.text)},
    )

    text = " ".join(pdf_text(response.data).split())
    assert 'data-testid="personal-data"' in page.text
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "SALINAN DATA PRIBADI" in text
    assert NIK in text
    assert case.number in text
    assert letter.number in text
    assert "Rina Loket" in text  # who processed the data
    assert "Berkas diterima" in text
    assert "Pindaian diunggah" in text


def test_printing_a_copy_is_recorded(app, make_user):
    sv, case = issued_case(app, make_user)
    page = sv.client.get("/data-pribadi/", query_string={"nik": NIK})

    sv.client.post(
        f"/data-pribadi/{case.beneficiary_id}/salinan.pdf",
        data={"csrf_token": csrf_token_from(page.text)},
    )

    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "person.data_copy")
    )
    assert event is not None
    assert event.user_id == sv.user.id
    assert event.entity_id == str(case.beneficiary_id)


def test_unknown_or_malformed_nik_gets_a_clear_message(app, make_user):
    sv = Desk(app, make_user(Role.SUPERVISOR), PASSWORD)

    unknown = sv.client.get("/data-pribadi/", query_string={"nik": "1401010101900001"})
    malformed = sv.client.get("/data-pribadi/", query_string={"nik": "14O1-abc"})

    assert "Tidak ada data dengan NIK tersebut." in unknown.text
    assert "NIK harus 16 angka." in malformed.text
    assert 'data-testid="personal-data"' not in unknown.text + malformed.text


def test_front_office_cannot_reach_a_residents_data(app, make_user):
    _, case = issued_case(app, make_user)
    fo = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)

    page = fo.client.get("/data-pribadi/", query_string={"nik": NIK})
    copy = fo.client.post(f"/data-pribadi/{case.beneficiary_id}/salinan.pdf")

    assert page.status_code == 403
    assert copy.status_code in (400, 403)
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "person.data_copy")
    ) is None
