"""Admin screens: template editing with checks, letterhead, register and export."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from PIL import Image

from backoffice.auth.models import Role, User
from backoffice.cases.models import Case
from backoffice.correspondence.models import LetterTemplate, OfficeProfile
from backoffice.correspondence.operations import issue_letter, revoke_letter
from backoffice.extensions import db
from tests.correspondence_fixtures import (
    pdf_text,
)

EDIT_URL = "/lettertemplate/edit/?id=rekomendasi_umum"


def template_form(**changes: str) -> dict[str, str]:
    template = db.session.get(LetterTemplate, "rekomendasi_umum")
    form = {
        "title": template.title,
        "number_pattern": template.number_pattern,
        "classification_code": template.classification_code or "",
        "source": template.source,
    }
    form.update(changes)
    return form


def stored_source() -> str:
    db.session.expire_all()
    return db.session.get(LetterTemplate, "rekomendasi_umum").source


def filter_key(app: Flask, endpoint: str, label: str) -> str:
    view = next(
        v for admin in app.extensions["admin"] for v in admin._views
        if v.endpoint == endpoint
    )
    for key, (_, flt) in view._filter_args.items():
        if str(flt.name) == label:
            return key
    raise AssertionError(f"no filter {label}")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ ''.__class__ }}", "tidak diizinkan"),
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "tidak diizinkan"),
        ("{% if person %}tanpa penutup", "Templat tidak valid"),
        ("{{ config }}", "Templat"),
    ],
)
def test_template_edit_refuses_unsafe_or_broken_source(
    client: FlaskClient, login_as: Callable[..., User], source: str, message: str
) -> None:
    before = stored_source()
    login_as(Role.ADMIN)

    response = client.post(EDIT_URL, data=template_form(source=source))

    assert response.status_code == 200
    assert message in response.text
    assert stored_source() == before


def test_template_edit_refuses_bad_number_pattern(
    client: FlaskClient, login_as: Callable[..., User]
) -> None:
    login_as(Role.ADMIN)

    response = client.post(
        EDIT_URL, data=template_form(number_pattern="{code}/{nomor}/{year}")
    )

    assert response.status_code == 200
    assert "bagian tidak dikenal" in response.text
    db.session.expire_all()
    template = db.session.get(LetterTemplate, "rekomendasi_umum")
    assert "{nomor}" not in template.number_pattern


def test_template_edit_saves_valid_source_and_is_used(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    source = stored_source().replace(
        "dengan ini merekomendasikan", "dengan hormat merekomendasikan"
    )
    login_as(Role.ADMIN)

    response = client.post(EDIT_URL, data=template_form(source=source))

    assert response.status_code == 302
    assert stored_source() == source
    letter = issue_letter(make_case("ALAT-BANTU"), signer)
    assert "dengan hormat merekomendasikan" in pdf_text(letter.pdf)


def test_template_admin_is_for_admins_only(
    client: FlaskClient, login_as: Callable[..., User]
) -> None:
    login_as(Role.SUPERVISOR)

    assert client.get("/lettertemplate/").status_code == 403
    assert client.post(EDIT_URL, data=template_form()).status_code == 403


def test_template_preview_renders_sample_letter(
    client: FlaskClient, login_as: Callable[..., User]
) -> None:
    login_as(Role.ADMIN)

    response = client.get("/lettertemplate/preview/rekomendasi_jamkesda")

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "SITI AMINAH" in pdf_text(response.data)


def png_bytes(size: tuple[int, int] = (40, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def profile_form(**extra: object) -> dict[str, object]:
    return {
        "government": "PEMERINTAH KABUPATEN KAMPAR",
        "office": "DINAS SOSIAL",
        "address": "Jl. Prof. M. Yamin, SH, Bangkinang Kota",
        "contacts": "Telp. (0762) 000000",
        "place": "Bangkinang",
        "unit": "DINSOS-KPR",
        "shared_sequence": "y",
        **extra,
    }


def test_office_profile_accepts_png_logo_and_unit(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    login_as(Role.ADMIN)
    logo = png_bytes()

    response = client.post(
        "/officeprofile/edit/?id=1",
        data=profile_form(logo=(io.BytesIO(logo), "lambang.png")),
        content_type="multipart/form-data",
    )

    assert response.status_code == 302
    db.session.expire_all()
    profile = db.session.get(OfficeProfile, 1)
    assert profile.logo_png == logo
    assert "/DINSOS-KPR/" in issue_letter(make_case("JAMKESDA"), signer).number


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "upload",
    [b"GIF89a not a png", b"\x89PNG\r\n\x1a\n broken", jpeg_bytes()],
    ids=["gif", "truncated-png", "jpeg"],
)
def test_office_profile_refuses_non_png_logo(
    client: FlaskClient, login_as: Callable[..., User], upload: bytes
) -> None:
    login_as(Role.ADMIN)

    response = client.post(
        "/officeprofile/edit/?id=1",
        data=profile_form(logo=(io.BytesIO(upload), "lambang.png")),
        content_type="multipart/form-data",
    )

    assert response.status_code == 200
    assert "PNG" in response.text
    db.session.expire_all()
    assert db.session.get(OfficeProfile, 1).logo_png is None


def test_register_lists_letters_for_back_office_only(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    letter = issue_letter(make_case("JAMKESDA", nik="1401015708850002"), signer)
    db.session.commit()
    login_as(Role.FRONT_OFFICE)
    assert client.get("/issuedletter/").status_code == 403
    client.post("/logout")
    login_as(Role.BACK_OFFICE)

    page = client.get("/issuedletter/").text
    details = client.get(f"/issuedletter/details/?id={letter.id}").text

    assert letter.number in page
    assert "1401********0002" in page
    assert "1401015708850002" not in page + details
    assert client.get(f"/issuedletter/edit/?id={letter.id}").status_code == 403
    assert client.post(
        "/issuedletter/delete/", data={"id": letter.id}
    ).status_code == 403


def test_register_exports_filtered_xlsx(
    app: Flask,
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    kept = issue_letter(make_case("JAMKESDA"), signer)
    revoked = issue_letter(make_case("PANTI-LANSIA", nama="BUDI"), signer)
    revoke_letter(revoked, signer, "salah layanan")
    db.session.commit()
    login_as(Role.SUPERVISOR)

    everything = client.get("/issuedletter/export.xlsx")
    key = filter_key(app, "issuedletter", "Status")
    only_valid = client.get(f"/issuedletter/export.xlsx?flt0_{key}=berlaku")
    by_number = client.get(
        "/issuedletter/export.xlsx", query_string={"search": revoked.number}
    )

    rows = sheet_rows(everything.data)
    assert everything.status_code == 200
    assert everything.mimetype.endswith("spreadsheetml.sheet")
    assert rows[0][:3] == ("Nomor", "Tanggal", "Jenis surat")
    assert {row[0] for row in rows[1:]} == {kept.number, revoked.number}
    assert [row[0] for row in sheet_rows(only_valid.data)[1:]] == [kept.number]
    assert [row[0] for row in sheet_rows(by_number.data)[1:]] == [revoked.number]
    assert "Dicabut" in sheet_rows(by_number.data)[1]


def sheet_rows(content: bytes) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(content), read_only=True)
    return list(book.active.iter_rows(values_only=True))


def test_register_details_offers_revoke_and_reissue_to_supervisor(
    client: FlaskClient,
    login_as: Callable[..., User],
    make_case: Callable[..., Case],
    signer: User,
) -> None:
    letter = issue_letter(make_case("JAMKESDA"), signer)
    db.session.commit()
    login_as(Role.SUPERVISOR)

    page = client.get(f"/issuedletter/details/?id={letter.id}").text

    assert 'data-testid="revoke-form"' in page
    assert 'data-testid="reissue-form"' in page
    assert f"/surat/{letter.id}/pdf" in page
    assert f"/verifikasi/{letter.token}" in page


def test_admin_edit_pages_open(
    client: FlaskClient, login_as: Callable[..., User]
) -> None:
    login_as(Role.ADMIN)

    template_page = client.get(EDIT_URL)
    profile_page = client.get("/officeprofile/edit/?id=1")

    assert template_page.status_code == 200
    assert "Pola nomor" in template_page.text
    assert profile_page.status_code == 200
    assert 'type="file"' in profile_page.text
