"""The case workflow end to end, through the pages the clerks use."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backoffice.audit.models import AuditEvent
from backoffice.auth.models import Role
from backoffice.cases.models import Case, CaseStatus, Document, FollowUp
from backoffice.catalogue.models import Service
from backoffice.correspondence.models import IssuedLetter
from backoffice.extensions import db
from tests.conftest import PASSWORD
from tests.workflow_helpers import (
    Desk,
    approved_case,
    case_from,
    receive_complete,
    refresh,
    scan_bytes,
    service,
    verify_all,
)

ACTIVE_SERVICES = [
    "MAYAT-TERLANTAR",
    "ALAT-BANTU",
    "ORANG-TERLANTAR",
    "ODGJ-KELUARGA",
    "ODGJ-TERLANTAR",
    "DTKS-PENDIDIKAN-PLN",
    "JAMKESDA",
    "UEP-DISABILITAS",
    "DISPENSASI-KAWIN",
    "RUJUKAN-ANAK",
    "PANTI-LANSIA",
    "KIS-APBD-APBN",
]


@pytest.fixture()
def desks(app, make_user):
    fo = make_user(Role.FRONT_OFFICE, full_name="Rina FO")
    bo = make_user(Role.BACK_OFFICE, full_name="Dedi BO")
    sv = make_user(
        Role.SUPERVISOR,
        full_name="Hj. Kepala Bidang",
        nip="197203151998032004",
        position="Kepala Bidang Rehabilitasi Sosial",
    )
    return (Desk(app, fo, PASSWORD), Desk(app, bo, PASSWORD), Desk(app, sv, PASSWORD))


@pytest.mark.parametrize("code", ACTIVE_SERVICES)
def test_case_of_each_service_goes_from_counter_to_closed(desks, code):
    fo, bo, sv = desks
    case = receive_complete(fo, code)

    verify_all(bo, case)
    if case.service.requires_dtks:
        bo.client.post(
            f"/permohonan/{case.id}/dtks",
            data={"registered": "1", "dtks_id": "1401010203000123", "desil": "2"},
        )
    if case.service.requires_assessment:
        bo.client.post(
            f"/permohonan/{case.id}/asesmen",
            data={
                "visited_on": "2026-12-01",
                "kind": "home visit",
                "findings": "Keluarga kooperatif.",
                "recommendation": "layak",
            },
        )
    assert bo.act(case, "propose").status_code == 302
    assert refresh(case).status == CaseStatus.AWAITING_DECISION
    assert sv.act(case, "approve").status_code == 302
    case = refresh(case)
    assert case.status == CaseStatus.LETTER_ISSUED
    letter = db.session.scalar(
        select(IssuedLetter).where(IssuedLetter.case_id == case.id)
    )
    assert letter is not None and letter.signer_name == "Hj. Kepala Bidang"
    assert fo.act(case, "hand_over").status_code == 302
    assert fo.act(case, "close").status_code == 302

    case = refresh(case)
    actions = db.session.scalars(
        select(AuditEvent.action).where(
            AuditEvent.entity == "case_file", AuditEvent.entity_id == str(case.id)
        )
    ).all()
    assert case.status == CaseStatus.CLOSED
    for action in (
        "case.receive",
        "case.submit",
        "case.propose",
        "case.approve",
        "case.letter_issued",
        "case.hand_over",
        "case.close",
    ):
        assert action in actions


def test_incomplete_bundle_is_returned_with_the_missing_list_and_continues(desks):
    fo, bo, sv = desks
    case = case_from(fo.intake(service("JAMKESDA"), nik="1401015708800002"))
    first, *rest = case.requirements
    fo.upload(case, first.id, scan_bytes("KTP"))

    refused = fo.act(case, "submit")
    returned = fo.act(case, "return", "SKTM dan surat rujukan belum ada")
    note = fo.client.get(f"/permohonan/{case.id}/pengembalian.pdf")
    for requirement in rest:
        fo.upload(case, requirement.id, scan_bytes(requirement.text[:10]))
    resumed = fo.act(case, "resume")
    submitted = fo.act(case, "submit")

    assert refused.status_code == 302
    assert returned.status_code == 302
    assert note.status_code == 200 and note.data.startswith(b"%PDF")
    assert resumed.status_code == 302 and submitted.status_code == 302
    assert refresh(case).status == CaseStatus.VERIFYING
    assert case.number == refresh(case).number


def test_submit_with_missing_documents_is_refused_with_the_list(desks):
    fo, _, _ = desks
    case = case_from(fo.intake(service("JAMKESDA")))

    response = fo.act(case, "submit")
    page = fo.client.get(response.headers["Location"])

    assert refresh(case).status == CaseStatus.RECEIVED
    assert "Persyaratan wajib belum diterima" in page.text
    assert "Fotokopi KTP" in page.text


def test_rejection_needs_a_reason(desks):
    fo, bo, sv = desks
    case = receive_complete(fo, "JAMKESDA")
    verify_all(bo, case)
    bo.act(case, "propose")

    without = sv.act(case, "reject", "")
    assert refresh(case).status == CaseStatus.AWAITING_DECISION
    with_reason = sv.act(case, "reject", "SKTM sudah kedaluwarsa")

    case = refresh(case)
    assert without.status_code == 302
    assert with_reason.status_code == 302
    assert case.status == CaseStatus.REJECTED
    assert case.status_reason == "SKTM sudah kedaluwarsa"
    assert "SKTM sudah kedaluwarsa" in sv.page(case).text


def test_whoever_prepared_a_case_cannot_approve_it(app, make_user, desks):
    fo, _, _ = desks
    both = make_user(Role.BACK_OFFICE, Role.SUPERVISOR)
    desk = Desk(app, both, PASSWORD)
    case = receive_complete(fo, "JAMKESDA")
    verify_all(desk, case)
    desk.act(case, "propose")

    response = desk.act(case, "approve")
    page = desk.client.get(response.headers["Location"])

    assert refresh(case).status == CaseStatus.AWAITING_DECISION
    assert "tidak boleh memutuskannya" in page.text


ILLEGAL = [
    ("approve", "fo"),
    ("approve", "bo"),
    ("propose", "fo"),
    ("reject", "bo"),
    ("hand_over", "sv"),
    ("resume", "sv"),
]


@pytest.mark.parametrize(("action", "desk"), ILLEGAL)
def test_a_role_without_the_right_is_refused(desks, action, desk):
    fo, bo, sv = desks
    actor = {"fo": fo, "bo": bo, "sv": sv}[desk]
    case = receive_complete(fo, "JAMKESDA")
    verify_all(bo, case)
    before = refresh(case).status

    response = actor.act(case, action, "alasan")

    assert response.status_code == 403
    assert refresh(case).status == before


@pytest.mark.parametrize(
    "action", ["approve", "hand_over", "close", "resume", "propose"]
)
def test_illegal_transitions_from_received_are_refused(app, make_user, desks, action):
    fo, _, _ = desks
    everyone = make_user(Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.SUPERVISOR)
    desk = Desk(app, everyone, PASSWORD)
    case = case_from(fo.intake(service("JAMKESDA")))

    response = desk.act(case, action, "alasan")
    page = desk.client.get(response.headers["Location"])

    assert refresh(case).status == CaseStatus.RECEIVED
    assert "tidak dapat dilakukan karena status" in page.text


def test_unknown_action_is_refused(desks):
    fo, _, _ = desks
    case = case_from(fo.intake(service("JAMKESDA")))

    response = fo.act(case, "teleport")

    assert response.status_code in (302, 409)
    assert refresh(case).status == CaseStatus.RECEIVED


def test_not_registered_in_dtks_returns_the_case_to_the_dtks_procedure(desks):
    fo, bo, _ = desks
    case = receive_complete(fo, "DTKS-PENDIDIKAN-PLN")

    bo.client.post(f"/permohonan/{case.id}/dtks", data={"registered": "0"})

    case = refresh(case)
    assert case.status == CaseStatus.RETURNED
    assert "pengusulan DTKS" in case.status_reason
    assert "Tidak terdaftar" in bo.page(case).text


def test_duplicate_open_case_is_warned_and_kis_duplicates_are_blocked(desks):
    fo, _, _ = desks
    case_from(fo.intake(service("JAMKESDA"), nik="1401015708800002"))
    case_from(fo.intake(service("KIS-APBD-APBN"), nik="1401015708800002"))

    warned = fo.intake(service("JAMKESDA"), nik="1401015708800002")
    acknowledged = fo.intake(
        service("JAMKESDA"), nik="1401015708800002", acknowledge_duplicates="1"
    )
    blocked = fo.intake(
        service("KIS-APBD-APBN"), nik="1401015708800002", acknowledge_duplicates="1"
    )

    assert (
        warned.status_code == 200 and "masih memiliki permohonan terbuka" in warned.text
    )
    assert acknowledged.status_code == 302
    assert blocked.status_code == 200 and "Permohonan ditolak" in blocked.text
    assert len(db.session.scalars(select(Case)).all()) == 3


def test_intake_shows_earlier_cases_of_the_nik_and_the_family_card(desks):
    fo, _, _ = desks
    case_from(
        fo.intake(service("JAMKESDA"), nik="1401015708800002", no_kk="1401011201090007")
    )
    case_from(
        fo.intake(
            service("DTKS-PENDIDIKAN-PLN"),
            nik="1401011203100001",
            nama="Ahmad Fauzi",
            tanggal_lahir="2010-03-12",
            jenis_kelamin="LAKI-LAKI",
            no_kk="1401011201090007",
        )
    )

    service_id = service("UEP-DISABILITAS").id
    page = fo.client.get(
        f"/permohonan/baru?service_id={service_id}&nik=1401015708800002"
    )

    assert "Riwayat layanan" in page.text
    assert "Rekomendasi Jaminan Kesehatan Daerah" in page.text
    assert "anggota keluarga: AHMAD FAUZI" in page.text


def test_invalid_nik_is_refused_and_the_form_keeps_what_was_typed(desks):
    fo, _, _ = desks

    response = fo.intake(service("JAMKESDA"), nik="14010157088000", nama="Budi Santoso")

    assert response.status_code == 200
    assert "16" in response.text and "NIK" in response.text
    assert 'value="Budi Santoso"' in response.text
    assert db.session.scalars(select(Case)).all() == []


def test_garbage_upload_gets_a_clear_message_and_stores_nothing(desks):
    fo, _, _ = desks
    case = case_from(fo.intake(service("JAMKESDA")))
    requirement = case.requirements[0]

    response = fo.upload(case, requirement.id, b"ini bukan gambar", "ktp.jpg")
    page = fo.client.get(response.headers["Location"])

    assert "bukan gambar yang didukung" in page.text
    assert db.session.scalars(select(Document)).all() == []
    assert refresh(case).requirements[0].state == "belum_ada"


def test_multipage_pdf_bundle_is_split_into_pages_to_assign(desks):
    from tests.workflow_helpers import pdf_bytes

    fo, _, _ = desks
    case = case_from(fo.intake(service("JAMKESDA")))

    fo.upload(case, None, pdf_bytes(3), "berkas.pdf")
    pages = db.session.scalars(
        select(Document).where(Document.case_id == case.id)
    ).all()
    target = case.requirements[2]
    fo.client.post(
        f"/permohonan/{case.id}/dokumen/{pages[1].id}/tetapkan",
        data={"requirement_id": str(target.id)},
    )
    image = fo.client.get(f"/permohonan/{case.id}/dokumen/{pages[1].id}")

    db.session.expire_all()
    assert [p.page_number for p in pages] == [1, 2, 3]
    assert db.session.get(Document, pages[1].id).case_requirement_id == target.id
    assert refresh(case).requirements[2].state == "salinan_diterima"
    assert image.mimetype == "image/png"


def test_odgj_approval_schedules_referral_and_three_monthly_controls(desks):
    fo, bo, sv = desks
    case = receive_complete(fo, "ODGJ-KELUARGA")
    verify_all(bo, case)
    bo.act(case, "propose")

    sv.act(case, "approve")

    follow_ups = db.session.scalars(
        select(FollowUp).where(FollowUp.case_id == case.id).order_by(FollowUp.due_on)
    ).all()
    kinds = [f.kind for f in follow_ups]
    controls = [f.due_on for f in follow_ups if f.kind == "kontrol"]
    assert kinds.count("rujukan") == 1
    assert len(controls) == 4
    assert (controls[1] - controls[0]).days == 90
    assert "Rujukan dan kontrol" in bo.page(case).text


def test_tasks_show_each_role_its_queue_with_sla(desks):
    fo, bo, sv = desks
    case = receive_complete(fo, "JAMKESDA")
    verify_all(bo, case)

    bo_tasks = bo.client.get("/permohonan/")
    bo.act(case, "propose")
    sv_tasks = sv.client.get("/permohonan/")
    fo_tasks = fo.client.get("/permohonan/")

    link = f'href="/permohonan/{case.id}"'
    assert link in bo_tasks.text and "hari kerja" in bo_tasks.text
    assert link in sv_tasks.text
    assert link not in fo_tasks.text


def test_case_list_filters_by_status_and_searches_by_nik(desks):
    fo, _, _ = desks
    first = case_from(fo.intake(service("JAMKESDA"), nik="1401015708800002"))
    second = case_from(
        fo.intake(
            service("DTKS-PENDIDIKAN-PLN"),
            nik="1401011203100001",
            nama="Ahmad",
            tanggal_lahir="2010-03-12",
            jenis_kelamin="LAKI-LAKI",
        )
    )

    by_nik = fo.client.get("/daftar-permohonan/?search=1401011203100001")

    assert f'href="/permohonan/{second.id}"' in by_nik.text
    assert f'href="/permohonan/{first.id}"' not in by_nik.text
    assert "1401********0001" in by_nik.text  # the list masks NIKs
    assert ">1401011203100001<" not in by_nik.text


def test_supervisor_previews_the_letter_before_deciding_and_no_number_is_taken(desks):
    from tests.correspondence_fixtures import pdf_text

    fo, bo, sv = desks
    case = receive_complete(fo, "JAMKESDA")
    verify_all(bo, case)
    bo.act(case, "propose")

    preview = sv.client.get(f"/permohonan/{case.id}/pratinjau-surat.pdf")
    fo_preview = fo.client.get(f"/permohonan/{case.id}/pratinjau-surat.pdf")

    text = pdf_text(preview.data)
    assert preview.mimetype == "application/pdf"
    assert "(diberikan saat disetujui)" in text
    assert "SITI RAHMAWATI" in text
    assert fo_preview.status_code == 403
    assert db.session.scalars(select(IssuedLetter)).all() == []


def test_intake_finds_a_person_without_nik_by_name_and_birth_date(desks):
    fo, _, _ = desks
    case_from(
        fo.intake(
            service("JAMKESDA"),
            nik=None,
            nama="Tanpa Nik",
            tanggal_lahir="1950-01-02",
            jenis_kelamin="LAKI-LAKI",
        )
    )

    page = fo.client.get(
        f"/permohonan/baru?service_id={service('PANTI-LANSIA').id}"
        "&nama=tanpa nik&tanggal_lahir=1950-01-02"
    )

    assert "Data ditemukan dan dipakai ulang: TANPA NIK" in page.text
    assert "Riwayat layanan" in page.text


def test_person_data_of_a_decided_case_cannot_be_changed_by_a_crafted_post(desks):
    fo, bo, sv = desks
    case = approved_case(fo, bo, sv, "JAMKESDA")

    response = fo.client.post(f"/permohonan/{case.id}/data-diri",
                              data={"nik": "1401015708800002", "nama": "NAMA LAIN"},
                              headers=fo.from_page(case))

    assert response.status_code == 302
    assert "Data diri tidak dapat diubah saat status" in fo.page(case).text
    assert refresh(case).beneficiary.nama == "SITI RAHMAWATI"
