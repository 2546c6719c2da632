"""Issuing letters from cases: number, content, frozen bytes, refusals."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from backoffice.auth.models import Role, User
from backoffice.cases.models import Case
from backoffice.core.counters import Counter, peek_value
from backoffice.core.time import office_today
from backoffice.correspondence.models import (
    IssuedLetter,
    LetterStatus,
    LetterTemplate,
    OfficeProfile,
)
from backoffice.correspondence.operations import (
    LetterRefused,
    build_context,
    issue_letter,
    render_receipt,
    render_return_note,
)
from backoffice.extensions import db
from letters.filters import tanggal
from letters.numbering import ROMAN_MONTHS
from tests.correspondence_fixtures import (
    pdf_text,
)

SERVICES_BY_KIND = {
    "rekomendasi_jamkesda": ("JAMKESDA", "460"),
    "keterangan_dtks": ("DTKS-PENDIDIKAN-PLN", "460"),
    "pengantar_rsj": ("ODGJ-KELUARGA", "460"),
    "rekomendasi_dispensasi_kawin": ("DISPENSASI-KAWIN", "463"),
    "rekomendasi_panti_lansia": ("PANTI-LANSIA", "466.5"),
    "rujukan_anak": ("RUJUKAN-ANAK", "462.4"),
    "registrasi_pemulangan": ("ORANG-TERLANTAR", "465.2"),
    "berita_acara_pemakaman": ("MAYAT-TERLANTAR", "469"),
    "rekomendasi_umum": ("ALAT-BANTU", "461"),
}
WITHOUT_PERSON = {"berita_acara_pemakaman"}


def expected_number(code: str, seq: int) -> str:
    today = office_today()
    return f"{code}/{seq:04}/DINSOS/{ROMAN_MONTHS[today.month - 1]}/{today.year}"


@pytest.mark.parametrize("kind", sorted(SERVICES_BY_KIND))
def test_issue_letter_prints_number_person_dates_and_signer(
    kind: str, make_case: Callable[..., Case], signer: User
) -> None:
    service_code, code = SERVICES_BY_KIND[kind]
    case = make_case(service_code, nik="1401015708850002", purpose="berobat")

    letter = issue_letter(case, signer)
    db.session.commit()

    assert letter.kind == kind
    assert letter.number == expected_number(code, 1)
    assert letter.person_nik_masked == "1401********0002"
    assert letter.sha256 == hashlib.sha256(letter.pdf).hexdigest()
    text = pdf_text(letter.pdf)
    assert letter.number in text
    assert tanggal(office_today()) in text
    assert "Drs. H. AHMAD FAUZI, M.Si" in text
    assert "197203151998031004" in text
    if kind not in WITHOUT_PERSON:
        assert "SITI AMINAH" in text
        assert "1401015708850002" in text
        assert "17 Agustus 1985" in text


def test_issue_letter_uses_case_purpose_and_dtks_check(
    make_case: Callable[..., Case], signer: User
) -> None:
    case = make_case("DTKS-PENDIDIKAN-PLN", purpose="pendaftaran PIP")

    letter = issue_letter(case, signer)

    text = pdf_text(letter.pdf)
    assert "pendaftaran PIP" in text
    assert "TERDAFTAR" in text
    assert "2 Desember 2026" in text


def test_build_context_extra_overrides_service_defaults(
    make_case: Callable[..., Case], signer: User
) -> None:
    case = make_case(
        "JAMKESDA",
        purpose="berobat",
        extra={"rumah_sakit": "RS Petala Bumi", "keperluan": "rawat inap"},
    )

    context = build_context(
        case, number="X/1", letter_date=office_today(), signer=signer
    )

    assert context["extra"]["rumah_sakit"] == "RS Petala Bumi"
    assert context["extra"]["keperluan"] == "rawat inap"
    assert context["person"]["nik"] == case.beneficiary.nik
    assert context["dtks"]["registered"] is True
    assert context["assessment"]["recommendation"] == "layak"
    assert [item["ok"] for item in context["requirements"]] == [True, False]


def test_issue_letter_sequence_shared_or_per_kind(
    make_case: Callable[..., Case], signer: User
) -> None:
    first = issue_letter(make_case("JAMKESDA"), signer)
    second = issue_letter(make_case("PANTI-LANSIA"), signer)
    assert (first.sequence, second.sequence) == (1, 2)

    db.session.get(OfficeProfile, 1).shared_sequence = False
    third = issue_letter(make_case("PANTI-LANSIA"), signer)
    db.session.commit()

    assert third.sequence == 1
    assert third.number == expected_number("466.5", 1)


def test_issue_letter_template_code_overrides_service_code(
    make_case: Callable[..., Case], signer: User
) -> None:
    template = db.session.get(LetterTemplate, "rekomendasi_jamkesda")
    template.classification_code = "465"
    template.number_pattern = "{code}-{seq:03}/{unit}/{year}"

    letter = issue_letter(make_case("JAMKESDA"), signer)

    assert letter.number == f"465-001/DINSOS/{office_today().year}"


def test_issue_letter_refuses_broken_template_and_keeps_nothing(
    make_case: Callable[..., Case], signer: User
) -> None:
    case = make_case("JAMKESDA")
    template = db.session.get(LetterTemplate, "rekomendasi_jamkesda")
    template.source = "{{ person.nama.nonexistent.deeper }}"
    db.session.commit()
    before = peek_value(db.session, f"letter:{office_today().year}")

    with pytest.raises(LetterRefused) as refused:
        issue_letter(case, signer)
    db.session.rollback()

    assert refused.value.message.startswith("Templat")
    assert db.session.scalar(select(func.count()).select_from(IssuedLetter)) == 0
    assert peek_value(db.session, f"letter:{office_today().year}") == before


def test_issue_letter_refuses_service_without_letter(
    make_case: Callable[..., Case], signer: User
) -> None:
    case = make_case("JAMKESDA")
    case.service.letter_kind = None

    with pytest.raises(LetterRefused, match="tidak menerbitkan surat"):
        issue_letter(case, signer)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Counter)) == 0


def test_download_gives_frozen_bytes_after_signer_and_template_change(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    letter = issue_letter(make_case("JAMKESDA"), signer)
    db.session.commit()
    issued = letter.pdf

    signer.full_name = "NAMA BARU"
    signer.position = "Plt. Kepala Dinas"
    template = db.session.get(LetterTemplate, "rekomendasi_jamkesda")
    template.source = "<p>Templat baru {{ letter.number }}</p>"
    db.session.commit()
    login_as(Role.FRONT_OFFICE)

    first = client.get(f"/surat/{letter.id}/pdf")
    second = client.get(f"/surat/{letter.id}/pdf")

    assert first.status_code == 200
    assert first.mimetype == "application/pdf"
    assert first.data == issued == second.data
    assert "Drs. H. AHMAD FAUZI" in pdf_text(first.data)
    db.session.refresh(letter)
    assert letter.signer_name == "Drs. H. AHMAD FAUZI, M.Si"


def test_download_refused_to_admin_without_case_role(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    letter = issue_letter(make_case("JAMKESDA"), signer)
    db.session.commit()
    login_as(Role.ADMIN)

    assert client.get(f"/surat/{letter.id}/pdf").status_code == 403


def test_download_asks_anonymous_to_log_in(
    client: FlaskClient, make_case: Callable[..., Case], signer: User
) -> None:
    letter = issue_letter(make_case("JAMKESDA"), signer)
    db.session.commit()

    response = client.get(f"/surat/{letter.id}/pdf")

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_receipt_and_return_note_carry_case_number_and_items(
    make_case: Callable[..., Case],
) -> None:
    case = make_case("JAMKESDA")

    receipt = pdf_text(render_receipt(case))
    note = pdf_text(render_return_note(case))

    assert "TANDA TERIMA BERKAS" in receipt
    assert case.number in receipt and "Fotokopi KTP" in receipt
    assert "PENGEMBALIAN BERKAS" in note
    assert "Surat Keterangan Tidak Mampu" in note
    assert "Fotokopi KTP" not in note
    assert db.session.scalar(select(func.count()).select_from(IssuedLetter)) == 0


def test_issued_letter_status_starts_valid(
    make_case: Callable[..., Case], signer: User
) -> None:
    letter = issue_letter(make_case("JAMKESDA"), signer)

    assert letter.status == LetterStatus.VALID
    assert letter.status_label == "Berlaku"
    assert len(letter.token) >= 32
