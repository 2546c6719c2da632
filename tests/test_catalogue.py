from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select

from backoffice.auth.models import Role
from backoffice.catalogue.models import Requirement, Service
from backoffice.catalogue.seed_data import SERVICES
from backoffice.extensions import db


def test_seed_adds_every_sop_service_with_requirements_and_steps(app: Flask):
    services = {s.code: s for s in db.session.scalars(select(Service))}

    assert set(services) == {definition["code"] for definition in SERVICES}
    jamkesda = services["JAMKESDA"]
    assert [r.text for r in jamkesda.requirements][:2] == [
        "Fotokopi KTP",
        "Fotokopi Kartu Keluarga (KK)",
    ]
    assert "RS Petala Bumi" in jamkesda.steps[-1].description
    assert len(services["RUJUKAN-ANAK"].requirements) == 8


def test_adoption_is_seeded_inactive_with_an_empty_checklist(app: Flask):
    adoption = db.session.scalar(select(Service).where(Service.code == "ADOPSI-ANAK"))

    assert adoption.active is False
    assert adoption.requirements == []


def test_seed_is_idempotent_and_keeps_admin_edits(app: Flask):
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    service.name = "JAMKESDA (diubah admin)"
    service.requirements[0].text = "KTP asli dan fotokopi"
    db.session.commit()
    before = db.session.scalar(select(func.count(Requirement.id)))

    result = app.test_cli_runner().invoke(args=["seed"])

    db.session.expire_all()
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    assert result.exit_code == 0
    assert "Layanan baru: 0" in result.output
    assert service.name == "JAMKESDA (diubah admin)"
    assert service.requirements[0].text == "KTP asli dan fotokopi"
    assert db.session.scalar(select(func.count(Requirement.id))) == before


def test_every_staff_role_reads_the_catalogue_in_indonesian(client, login_as):
    login_as(Role.FRONT_OFFICE)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))

    listing = client.get("/service/")
    details = client.get(f"/service/details/?id={service.id}")

    assert "Nama layanan" in listing.text
    assert "Rekomendasi Jaminan Kesehatan Daerah (JAMKESDA)" in listing.text
    assert "SURAT KETERANGAN TIDAK MAMPU" in details.text.upper()
    assert "Tahapan" in details.text


def test_only_admins_change_the_catalogue(client, login_as):
    login_as(Role.SUPERVISOR)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))

    edit = client.get(f"/service/edit/?id={service.id}")
    post = client.post(f"/service/edit/?id={service.id}", data={"name": "Diubah"})

    db.session.expire_all()
    assert edit.status_code == 403
    assert post.status_code == 403
    assert db.session.get(Service, service.id).name != "Diubah"


def test_admin_edits_a_service_and_the_change_is_audited(client, login_as):
    from backoffice.audit.models import AuditEvent

    login_as(Role.ADMIN)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    form = client.get(f"/service/edit/?id={service.id}")
    assert form.status_code == 200
    assert "Simpan" in form.text

    data = {
        "code": service.code,
        "name": "Rekomendasi JAMKESDA",
        "area": service.area,
        "letter_kind": service.letter_kind,
        "sensitivity": service.sensitivity,
        "sla_days": "2",
        "active": "y",
    }
    response = client.post(f"/service/edit/?id={service.id}", data=data)

    db.session.expire_all()
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "admin.update")
    )
    assert response.status_code == 302
    assert db.session.get(Service, service.id).sla_days == 2
    assert event.after["sla_days"] == 2
    assert event.before["sla_days"] == 1
