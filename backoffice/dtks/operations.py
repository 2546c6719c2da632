"""Import a DTKS/DTSEN export (CSV or XLSX) and look NIKs up in it."""

from __future__ import annotations

import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from openpyxl import load_workbook
from sqlalchemy import delete, select

from backoffice.audit.operations import record_event
from backoffice.auth.models import User
from backoffice.core.errors import InvalidInput
from backoffice.dtks.models import DtksEntry, DtksImport
from backoffice.extensions import db
from ocr.nik import check_nik

logger = logging.getLogger(__name__)

MAX_ROWS = 500_000
MAX_BYTES = 30 * 1024 * 1024
HEADERS = {
    "nik": ("nik", "no nik", "nomor induk kependudukan"),
    "dtks_id": ("id dtks", "iddtks", "id_dtks", "id dtsen", "id keluarga"),
    "desil": ("desil", "desil nasional"),
    "status": ("status", "keterangan", "status dtks"),
}


@dataclass
class ImportReport:
    imported: int = 0
    skipped: list[str] = field(default_factory=list)


def normalise(header: object) -> str:
    return " ".join(str(header or "").strip().lower().replace("_", " ").split())


def column_positions(header_row: list[object]) -> dict[str, int]:
    names = [normalise(cell) for cell in header_row]
    positions = {}
    for key, aliases in HEADERS.items():
        for index, name in enumerate(names):
            if name in aliases or name.replace(" ", "") in aliases:
                positions[key] = index
                break
    if "nik" not in positions:
        raise InvalidInput(
            "Kolom NIK tidak ditemukan di baris pertama. Baris pertama harus berisi "
            "judul kolom, mis. NIK, ID DTKS, DESIL, STATUS."
        )
    return positions


def read_rows(data: bytes, filename: str) -> Iterator[list[object]]:
    """Yield the rows of a CSV or XLSX file, the header row first."""
    if not data:
        raise InvalidInput(f"{filename}: berkas kosong.")
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{filename}: berkas terlalu besar (maks. 30 MB).")
    if data[:4] == b"PK\x03\x04":
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise InvalidInput(f"{filename}: berkas XLSX rusak.") from exc
        try:
            for row in workbook.worksheets[0].iter_rows(values_only=True):
                yield list(row)
        finally:
            workbook.close()
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if "\x00" in text:
        raise InvalidInput(f"{filename}: bukan berkas CSV atau XLSX.")
    dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        pass
    yield from csv.reader(io.StringIO(text), dialect)


def cell(row: list[object], position: int | None) -> str:
    if position is None or position >= len(row) or row[position] is None:
        return ""
    value = row[position]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def import_snapshot(data: bytes, filename: str, actor: User) -> ImportReport:
    """Replace the snapshot with the file's rows, all or nothing."""
    rows = read_rows(data, filename)
    try:
        header = next(rows)
    except StopIteration:
        raise InvalidInput(f"{filename}: berkas tidak berisi baris.") from None
    positions = column_positions(header)

    report = ImportReport()
    entries = []
    for line, row in enumerate(rows, start=2):
        if line > MAX_ROWS:
            raise InvalidInput(f"{filename}: terlalu banyak baris (maks. {MAX_ROWS}).")
        nik = "".join(cell(row, positions["nik"]).split())
        if not nik:
            continue
        if check_nik(nik).errors:
            report.skipped.append(f"baris {line}: NIK tidak valid")
            continue
        desil_text = cell(row, positions.get("desil"))
        desil = (
            int(desil_text)
            if desil_text.isdigit() and 1 <= int(desil_text) <= 10
            else None
        )
        entries.append(
            {
                "nik": nik,
                "dtks_id": cell(row, positions.get("dtks_id"))[:40] or None,
                "desil": desil,
                "status": cell(row, positions.get("status"))[:60] or None,
            }
        )
    if not entries:
        raise InvalidInput(f"{filename}: tidak ada baris dengan NIK yang valid.")

    db.session.execute(delete(DtksEntry))
    db.session.execute(delete(DtksImport))
    source = DtksImport(
        filename=filename[:255], imported_by_id=actor.id, row_count=len(entries)
    )
    db.session.add(source)
    db.session.flush()
    db.session.execute(
        DtksEntry.__table__.insert(), [{**e, "import_id": source.id} for e in entries]
    )
    report.imported = len(entries)
    record_event(
        actor,
        "dtks.import",
        source,
        after={"rows": report.imported, "skipped": len(report.skipped)},
    )
    return report


def latest_import() -> DtksImport | None:
    return db.session.scalar(select(DtksImport).order_by(DtksImport.id.desc()))


def look_up(nik: str | None) -> DtksEntry | None:
    """The snapshot's row for ``nik``, if the NIK was in the last import."""
    if not nik:
        return None
    return db.session.scalar(select(DtksEntry).where(DtksEntry.nik == nik))
