"""Importing a SIKS-NG export: all or nothing, garbage refused in Indonesian."""

from __future__ import annotations

import io

from openpyxl import Workbook
from sqlalchemy import func, select

from backoffice.auth.models import Role
from backoffice.catalogue.models import Service
from backoffice.dtks.models import DtksEntry
from backoffice.extensions import db
from tests.conftest import PASSWORD
from tests.workflow_helpers import Desk, case_from, scan_bytes

CSV = (
    "NIK;ID DTKS;DESIL;STATUS\n"
    "1401015708800002;1401010203000123;2;AKTIF\n"
    "1401011203100001;1401010203000999;4;AKTIF\n"
    "12345;X;1;AKTIF\n"
)


def import_file(desk: Desk, content: bytes, name: str):
    response = desk.client.post(
        "/dtks/",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )
    return desk.client.get(response.headers["Location"])


def xlsx_bytes() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["No", "NIK", "ID_DTKS", "Desil Nasional"])
    sheet.append([1, "1401015708800002", "1401010203000123", 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_csv_import_keeps_valid_rows_and_lists_skipped_ones(app, make_user):
    bo = Desk(app, make_user(Role.BACK_OFFICE), PASSWORD)

    page = import_file(bo, CSV.encode(), "dtks.csv")

    assert "2 baris DTKS/DTSEN diimpor." in page.text
    assert "1 baris dilewati: baris 4: NIK tidak valid" in page.text
    assert db.session.scalar(select(func.count(DtksEntry.id))) == 2


def test_xlsx_import_replaces_the_previous_snapshot(app, make_user):
    bo = Desk(app, make_user(Role.BACK_OFFICE), PASSWORD)
    import_file(bo, CSV.encode(), "dtks.csv")

    page = import_file(bo, xlsx_bytes(), "dtks.xlsx")

    entries = db.session.scalars(select(DtksEntry)).all()
    assert "1 baris DTKS/DTSEN diimpor." in page.text
    assert [(e.nik, e.desil) for e in entries] == [("1401015708800002", 3)]


def test_garbage_import_is_refused_and_the_old_snapshot_stays(app, make_user):
    bo = Desk(app, make_user(Role.BACK_OFFICE), PASSWORD)
    import_file(bo, CSV.encode(), "dtks.csv")

    no_nik = import_file(bo, b"nama;alamat\nBudi;Kampar\n", "salah.csv")
    broken = import_file(bo, b"PK\x03\x04rusak", "rusak.xlsx")
    binary = import_file(bo, b"\x00\x01\x02" * 50, "biner.csv")

    assert "Kolom NIK tidak ditemukan" in no_nik.text
    assert "berkas XLSX rusak" in broken.text
    assert "Impor dibatalkan, data lama tetap dipakai" in binary.text
    assert db.session.scalar(select(func.count(DtksEntry.id))) == 2


def test_case_page_hints_the_imported_dtks_status(app, make_user):
    bo = Desk(app, make_user(Role.BACK_OFFICE), PASSWORD)
    fo = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    import_file(bo, CSV.encode(), "dtks.csv")
    service = db.session.scalar(
        select(Service).where(Service.code == "DTKS-PENDIDIKAN-PLN")
    )
    listed = case_from(fo.intake(service, nik="1401015708800002"))
    unlisted = case_from(
        fo.intake(
            service, nik="1401014506900003", nama="Rina", tanggal_lahir="1990-06-05"
        )
    )
    for case in (listed, unlisted):
        for requirement in case.requirements:
            fo.upload(case, requirement.id, scan_bytes())
        fo.act(case, "submit")

    assert "NIK ini tercantum, ID 1401010203000123, desil 2" in bo.page(listed).text
    assert "tidak ada di data impor DTKS/DTSEN terakhir" in bo.page(unlisted).text
