"""Drive cases through the HTTP endpoints, as the clerks' browsers would."""

from __future__ import annotations

import io
import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from PIL import Image, ImageDraw

from backoffice.auth.models import Role, User
from backoffice.cases.models import Case, CaseStatus
from backoffice.catalogue.models import Service
from backoffice.extensions import db
from tests.conftest import login


def scan_bytes(text: str = "PINDAIAN", size: tuple[int, int] = (640, 400)) -> bytes:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).text((20, 20), text, fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    return buffer.getvalue()


class Desk:
    """One clerk at their own browser."""

    def __init__(self, app: Flask, user: User, password: str) -> None:
        self.client: FlaskClient = app.test_client()
        self.user = user
        response = login(self.client, user, password)
        assert response.status_code == 302, response.text

    def intake(self, service: Service, **person: Any) -> Any:
        data = {
            "service_id": str(service.id),
            "confirm": "1",
            "nama": "Siti Rahmawati",
            "tanggal_lahir": "1980-08-17",
            "jenis_kelamin": "PEREMPUAN",
            "kecamatan": "BANGKINANG KOTA",
            "purpose": "Keperluan uji",
        }
        data.update({k: v for k, v in person.items() if v is not None})
        return self.client.post("/permohonan/baru", data=data)

    def act(self, case: Case, action: str, reason: str | None = None) -> Any:
        data = {"action": action}
        if reason is not None:
            data["reason"] = reason
        return self.client.post(f"/permohonan/{case.id}/tindakan", data=data,
                                headers=self.from_page(case))

    @staticmethod
    def from_page(case: Case) -> dict[str, str]:
        return {"Referer": f"http://localhost/permohonan/{case.id}"}

    def upload(self, case: Case, requirement_id: int | None, content: bytes,
               name: str = "scan.jpg") -> Any:
        data: dict[str, Any] = {"files": (io.BytesIO(content), name)}
        if requirement_id is not None:
            data["requirement_id"] = str(requirement_id)
        response = self.client.post(f"/permohonan/{case.id}/unggah", data=data,
                                    content_type="multipart/form-data",
                                    headers=self.from_page(case))
        # XXX: Werkzeug's test client spools a large multipart body to a
        # temporary file that nothing closes; close it here.
        response.request.environ["wsgi.input"].close()
        return response

    def set_state(self, case: Case, requirement_id: int, state: str,
                  note: str = "") -> Any:
        return self.client.post(
            f"/permohonan/{case.id}/persyaratan/{requirement_id}",
            data={"state": state, "note": note},
        )

    def page(self, case: Case) -> Any:
        return self.client.get(f"/permohonan/{case.id}")


def case_from(response: Any) -> Case:
    assert response.status_code == 302, response.text
    match = re.search(r"/permohonan/(\d+)$", response.headers["Location"])
    assert match, response.headers["Location"]
    db.session.expire_all()
    return db.session.get(Case, int(match.group(1)))


def flashes(html: str) -> list[str]:
    alerts = re.findall(r'class="alert[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return [m.strip() for m in alerts]


ROLES_OF_DESK = {
    "fo": Role.FRONT_OFFICE,
    "bo": Role.BACK_OFFICE,
    "sv": Role.SUPERVISOR,
}


def pdf_bytes(pages: int) -> bytes:
    images = [Image.new("RGB", (400, 560), "white") for _ in range(pages)]
    for number, image in enumerate(images, start=1):
        ImageDraw.Draw(image).text((30, 30), f"HALAMAN {number}", fill="black")
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def service(code: str) -> Service:
    return db.session.scalar(select(Service).where(Service.code == code))


def refresh(case: Case) -> Case:
    db.session.expire_all()
    return db.session.get(Case, case.id)


def receive_complete(fo: Desk, code: str, nik: str | None = "1401015708800002") -> Case:
    """Front office: intake, upload a scan for each requirement, hand over."""
    svc = service(code)
    case = case_from(fo.intake(svc, nik=nik))
    for requirement in case.requirements:
        response = fo.upload(case, requirement.id, scan_bytes(requirement.text[:20]))
        assert response.status_code == 302
    assert fo.act(case, "submit").status_code == 302
    case = refresh(case)
    assert case.status == CaseStatus.VERIFYING
    return case


def verify_all(bo: Desk, case: Case) -> None:
    for requirement in case.requirements:
        state = (
            "asli_diperiksa" if requirement.original_required else "salinan_diterima"
        )
        assert bo.set_state(case, requirement.id, state, "sesuai").status_code == 302


def approved_case(fo: Desk, bo: Desk, sv: Desk, code: str,
                  nik: str | None = "1401015708800002") -> Case:
    """A case received, verified, proposed and approved (its letter issued)."""
    case = receive_complete(fo, code, nik)
    verify_all(bo, case)
    assert bo.act(case, "propose").status_code == 302
    assert sv.act(case, "approve").status_code == 302
    return refresh(case)
