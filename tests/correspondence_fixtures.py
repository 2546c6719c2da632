"""Fixtures shared by the correspondence tests (this module holds no tests)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from pypdf import PdfReader
from sqlalchemy import select

from backoffice.auth.models import Role, User
from backoffice.cases.models import (
    Assessment,
    Case,
    CaseRequirement,
    CaseStatus,
    DtksCheck,
    RequirementState,
)
from backoffice.catalogue.models import Service
from backoffice.extensions import db
from backoffice.people.models import Person

NIK = "1401015708850002"
_serial = itertools.count(1)


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page of a PDF, with spaces normalised."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.split())


@pytest.fixture()
def signer(make_user: Callable[..., User]) -> User:
    return make_user(
        Role.SUPERVISOR,
        full_name="Drs. H. AHMAD FAUZI, M.Si",
        nip="197203151998031004",
        position="Kepala Dinas Sosial Kabupaten Kampar",
        rank="Pembina Utama Muda (IV/c)",
    )


@pytest.fixture()
def make_case(app: Flask, make_user: Callable[..., User]) -> Callable[..., Case]:
    """Return a factory: ``make_case("JAMKESDA", purpose=..., extra={...})``."""
    officer = make_user(Role.BACK_OFFICE, full_name="RAHMAT HIDAYAT")

    def make(
        service_code: str = "JAMKESDA",
        *,
        nik: str | None = None,
        nama: str = "SITI AMINAH",
        dtks: bool = True,
        **fields: Any,
    ) -> Case:
        serial = next(_serial)
        service = db.session.scalars(
            select(Service).where(Service.code == service_code)
        ).one()
        person = Person(
            nik=nik or f"14010157088{serial:05d}",
            nama=nama,
            tempat_lahir="Bangkinang",
            tanggal_lahir=dt.date(1985, 8, 17),
            jenis_kelamin="Perempuan",
            alamat="Jl. Melati No. 12",
            rt_rw="002/004",
            kel_desa="Langgini",
            kecamatan="Bangkinang Kota",
        )
        applicant = Person(nama="ZULKIFLI", alamat="Jl. Melati No. 12")
        case = Case(
            number=f"BRK-2026-{serial:05d}",
            service=service,
            beneficiary=person,
            applicant=applicant,
            status=CaseStatus.AWAITING_DECISION,
            received_by=officer,
            extra=fields.pop("extra", {}),
            **fields,
        )
        case.requirements = [
            CaseRequirement(
                position=1,
                text="Fotokopi KTP",
                doc_kind="ktp",
                state=RequirementState.COPY_RECEIVED,
            ),
            CaseRequirement(
                position=2,
                text="Surat Keterangan Tidak Mampu",
                doc_kind="sktm",
                state=RequirementState.MISSING,
            ),
        ]
        db.session.add(case)
        db.session.flush()
        if dtks:
            db.session.add(
                DtksCheck(
                    case=case,
                    checked_by=officer,
                    checked_at=dt.datetime(2026, 12, 2, 3, 0),
                    registered=True,
                    dtks_id="1406010105000123",
                    desil=1,
                )
            )
        db.session.add(
            Assessment(
                case=case,
                officer=officer,
                visited_on=dt.date(2026, 12, 2),
                findings="Kondisi sosial ekonomi sesuai dokumen.",
                recommendation="layak",
            )
        )
        db.session.commit()
        return case

    return make
