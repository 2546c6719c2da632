"""The public verification page, revocation and replacement of letters."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from backoffice.auth.models import Role, User
from backoffice.cases.models import Case
from backoffice.core.errors import InvalidInput, InvalidTransition
from backoffice.correspondence.models import IssuedLetter, LetterStatus
from backoffice.correspondence.operations import (
    issue_letter,
    reissue_letter,
    revoke_letter,
)
from backoffice.extensions import db
from tests.correspondence_fixtures import (
    pdf_text,
)


def upload_result(html: str) -> str:
    match = re.search(r'data-testid="upload-result">(.*?)</div>', html, re.S)
    assert match, "no upload result on the page"
    return re.sub(r"<[^>]+>", "", match.group(1))


@pytest.fixture()
def letter(make_case: Callable[..., Case], signer: User) -> IssuedLetter:
    issued = issue_letter(make_case("JAMKESDA", nik="1401015708850002"), signer)
    db.session.commit()
    return issued


def test_verify_page_shows_facts_without_full_nik(
    client: FlaskClient, letter: IssuedLetter
) -> None:
    response = client.get(f"/verifikasi/{letter.token}")

    page = response.text
    assert response.status_code == 200
    assert "Berlaku" in page
    assert letter.number in page
    assert "Surat Rekomendasi Jamkesda" in page
    assert "Drs. H. AHMAD FAUZI, M.Si" in page
    assert "SITI AMINAH" in page
    assert "1401********0002" in page
    assert "1401015708850002" not in page
    assert "Langgini" not in page
    assert response.headers["Cache-Control"] == "no-store"


def test_letter_qr_code_points_to_verify_page(letter: IssuedLetter) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(letter.pdf))
    images = [image for page in reader.pages for image in page.images]

    assert len(images) >= 2  # emblem and QR code
    assert letter.token not in pdf_text(letter.pdf)


def test_verify_unknown_token_is_plain_404(
    client: FlaskClient, letter: IssuedLetter
) -> None:
    assert client.get("/verifikasi/tidak-ada-surat-ini").status_code == 404
    assert client.get(f"/verifikasi/{letter.token[:-1]}").status_code == 404
    assert client.get(f"/verifikasi/{letter.id}").status_code == 404


def test_verify_upload_matches_issued_file(
    client: FlaskClient, letter: IssuedLetter
) -> None:
    response = client.post(
        f"/verifikasi/{letter.token}",
        data={"document": (io.BytesIO(letter.pdf), "surat.pdf")},
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert "Berkas ini sama persis" in upload_result(response.text)


def test_verify_upload_of_altered_file_says_mismatch(
    client: FlaskClient, letter: IssuedLetter
) -> None:
    altered = letter.pdf.replace(b"SITI", b"SITA", 1) + b"\n"

    response = client.post(
        f"/verifikasi/{letter.token}",
        data={"document": (io.BytesIO(altered), "surat.pdf")},
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert "Berkas ini tidak sama" in upload_result(response.text)


def test_verify_upload_needs_csrf_token_when_enabled(
    app, client: FlaskClient, letter: IssuedLetter
) -> None:
    app.config["WTF_CSRF_ENABLED"] = True

    response = client.post(
        f"/verifikasi/{letter.token}",
        data={"document": (io.BytesIO(letter.pdf), "surat.pdf")},
        content_type="multipart/form-data",
    )

    assert response.status_code == 400


def test_revoke_letter_needs_reason(letter: IssuedLetter, signer: User) -> None:
    with pytest.raises(InvalidInput):
        revoke_letter(letter, signer, "  ")


def test_revoked_letter_shows_as_revoked_with_reason(
    client: FlaskClient,
    login_as: Callable[..., User],
    letter: IssuedLetter,
) -> None:
    login_as(Role.SUPERVISOR)

    response = client.post(
        f"/surat/{letter.id}/cabut", data={"reason": "Data penghasilan keliru"}
    )
    client.post("/logout")
    page = client.get(f"/verifikasi/{letter.token}").text

    assert response.status_code == 302
    db.session.refresh(letter)
    assert letter.status == LetterStatus.REVOKED
    assert "Dicabut" in page
    assert "Data penghasilan keliru" in page


def test_revoke_is_refused_to_back_office(
    client: FlaskClient, login_as: Callable[..., User], letter: IssuedLetter
) -> None:
    login_as(Role.BACK_OFFICE)

    response = client.post(f"/surat/{letter.id}/cabut", data={"reason": "x"})

    assert response.status_code == 403
    db.session.refresh(letter)
    assert letter.status == LetterStatus.VALID


def test_reissue_replaces_letter_with_new_number(
    client: FlaskClient,
    login_as: Callable[..., User],
    letter: IssuedLetter,
) -> None:
    supervisor = login_as(Role.SUPERVISOR, full_name="Hj. NURHAYATI, S.Sos")
    case = db.session.get(Case, letter.case_id)
    case.beneficiary.nama = "SITI AMINAH BINTI AHMAD"
    db.session.commit()

    response = client.post(
        f"/surat/{letter.id}/ganti", data={"reason": "Nama salah tulis"}
    )

    assert response.status_code == 302
    new = db.session.scalars(
        select(IssuedLetter).where(IssuedLetter.replaces_id == letter.id)
    ).one()
    db.session.refresh(letter)
    assert letter.status == LetterStatus.REPLACED
    assert new.number != letter.number and new.sequence == letter.sequence + 1
    assert new.signer_name == supervisor.full_name
    assert "SITI AMINAH BINTI AHMAD" in pdf_text(new.pdf)
    old_page = client.get(f"/verifikasi/{letter.token}").text
    assert "Diganti" in old_page
    assert "Nama salah tulis" in old_page
    assert new.number in old_page
    assert "Berlaku" in client.get(f"/verifikasi/{new.token}").text


def test_reissue_refuses_revoked_letter(letter: IssuedLetter, signer: User) -> None:
    revoke_letter(letter, signer, "salah layanan")

    with pytest.raises(InvalidTransition):
        reissue_letter(letter, signer, "ralat")


def test_revoked_and_replaced_numbers_stay_in_register(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    letter: IssuedLetter,
    signer: User,
) -> None:
    other = issue_letter(make_case("PANTI-LANSIA"), signer)
    revoke_letter(other, signer, "dibatalkan pemohon")
    new = reissue_letter(letter, signer, "ralat alamat")
    db.session.commit()
    login_as(Role.BACK_OFFICE)

    page = client.get("/issuedletter/").text

    for number in (letter.number, other.number, new.number):
        assert number in page
    assert "Dicabut" in page and "Diganti" in page


@pytest.mark.usefixtures("app")  # the schema exists
def test_verification_page_is_rate_limited(database_url, tmp_path):
    from backoffice import create_app

    limited = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "uji",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "STORAGE_DIR": str(tmp_path),
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    client = limited.test_client()

    with limited.app_context():
        answers = [
            client.get(f"/verifikasi/tebakan-{n}").status_code for n in range(31)
        ]
        db.session.remove()
        db.engine.dispose()

    assert set(answers[:30]) == {404}
    assert answers[30] == 429
