"""Scans of finished cases are destroyed after the retention period (UU PDP)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from backoffice.audit.models import AuditEvent
from backoffice.auth.models import Role
from backoffice.cases.models import Case, CaseStatus, Document
from backoffice.cases.storage import path_for
from backoffice.catalogue.models import Service
from backoffice.core.time import utcnow
from backoffice.extensions import db
from tests.conftest import PASSWORD
from tests.workflow_helpers import Desk, case_from, scan_bytes


def case_with_scan(app, desk, content, *, closed_years_ago=None):
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    case = case_from(desk.intake(service))
    desk.upload(case, case.requirements[0].id, content, "ktp.jpg")
    case = db.session.get(Case, case.id)
    if closed_years_ago is not None:
        case.status = CaseStatus.CLOSED
        case.closed_at = utcnow() - timedelta(days=round(365.25 * closed_years_ago))
    db.session.commit()
    return case


def purge(app, *args):
    return app.test_cli_runner().invoke(args=["purge-scans", *args])


def test_scans_of_a_case_closed_long_ago_are_destroyed(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    old = case_with_scan(app, desk, scan_bytes("LAMA"), closed_years_ago=6)
    document = old.documents[0]
    stored = path_for(document.storage_key)
    assert stored.exists()

    result = purge(app)

    db.session.expire_all()
    document = db.session.get(Document, document.id)
    assert "Pindaian dimusnahkan: 1; berkas dihapus: 1" in result.output
    assert not stored.exists()
    assert document.purged_at is not None
    assert db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "document.purge")
    )
    page = desk.page(old)
    view = desk.client.get(f"/permohonan/{old.id}/dokumen/{document.id}")
    assert 'data-testid="purged-scan"' in page.text
    assert view.status_code == 404
    assert "sudah dimusnahkan karena melewati masa simpan" in view.text


def test_recent_and_open_cases_keep_their_scans(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    recent = case_with_scan(app, desk, scan_bytes("BARU"), closed_years_ago=1)
    running = case_with_scan(app, desk, scan_bytes("JALAN"))

    result = purge(app)

    db.session.expire_all()
    assert "Pindaian dimusnahkan: 0" in result.output
    for case in (recent, running):
        document = db.session.get(Case, case.id).documents[0]
        assert document.purged_at is None
        assert path_for(document.storage_key).exists()


def test_a_file_still_used_by_a_live_case_is_kept(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    same_scan = scan_bytes("KTP YANG SAMA")
    old = case_with_scan(app, desk, same_scan, closed_years_ago=6)
    running = case_with_scan(app, desk, same_scan)

    purge(app)

    db.session.expire_all()
    live = db.session.get(Case, running.id).documents[0]
    assert db.session.get(Case, old.id).documents[0].purged_at is not None
    assert path_for(live.storage_key).exists()
    shown = desk.client.get(f"/permohonan/{running.id}/dokumen/{live.id}")
    assert shown.status_code == 200


def test_dry_run_only_counts(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    old = case_with_scan(app, desk, scan_bytes("LAMA"), closed_years_ago=6)

    result = purge(app, "--dry-run")

    db.session.expire_all()
    document = db.session.get(Case, old.id).documents[0]
    assert "melewati masa simpan 5 tahun: 1" in result.output
    assert document.purged_at is None
    assert path_for(document.storage_key).exists()
