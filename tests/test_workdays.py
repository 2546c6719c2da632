"""Working days for the SLA: weekends, national holidays, joint leave, closures."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select

from backoffice.auth.models import Role
from backoffice.cases.models import Case
from backoffice.cases.queries import case_sla
from backoffice.catalogue.models import Service
from backoffice.extensions import db
from backoffice.workdays.models import DayOff
from backoffice.workdays.operations import working_days_between
from tests.conftest import PASSWORD
from tests.workflow_helpers import Desk, case_from


def test_lebaran_week_is_not_counted(app: Flask):
    with app.test_request_context():
        # 18-24 March 2026: Nyepi, Idul Fitri and their joint leave days.
        days = working_days_between(date(2026, 3, 17), date(2026, 3, 27))

    assert days == 3  # 25, 26 and 27 March


def test_an_ordinary_week_counts_monday_to_friday(app: Flask):
    with app.test_request_context():
        days = working_days_between(date(2026, 10, 2), date(2026, 10, 9))

    assert days == 5


def test_local_closure_and_a_worked_holiday_follow_the_admin(app: Flask):
    db.session.add_all(
        [
            DayOff(day=date(2026, 10, 6), name="Libur daerah"),
            DayOff(day=date(2026, 8, 17), name="Tetap buka", office_open=True),
        ]
    )
    db.session.commit()

    with app.test_request_context():
        october = working_days_between(date(2026, 10, 2), date(2026, 10, 9))
        august = working_days_between(date(2026, 8, 16), date(2026, 8, 17))

    assert october == 4
    assert august == 1


def test_case_received_before_lebaran_is_not_overdue_after_it(app: Flask, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    case = case_from(desk.intake(service))
    case = db.session.get(Case, case.id)
    case.received_at = case.received_at.replace(year=2026, month=3, day=18)
    db.session.commit()

    with app.test_request_context():
        sla = case_sla(case, today=date(2026, 3, 25))

    assert sla.days_open == 1
    assert not sla.overdue


def test_admin_records_a_closure_and_sees_the_national_calendar(client, login_as):
    login_as(Role.ADMIN)

    created = client.post(
        "/day_off/new/", data={"day": "2026-02-06", "name": "Hari jadi Kampar"}
    )
    again = client.post(
        "/day_off/new/",
        data={"day": "2026-02-06", "name": "Dua kali"},
        follow_redirects=True,
    )
    listing = client.get("/day_off/")

    assert created.status_code == 302
    assert "Sudah ada." in again.text
    assert [d.name for d in db.session.scalars(select(DayOff))] == ["Hari jadi Kampar"]
    assert "Hari jadi Kampar" in listing.text
    assert 'data-testid="national-days-off"' in listing.text
    assert "Hari Kemerdekaan Republik Indonesia" in listing.text


def test_staff_read_the_calendar_but_cannot_change_it(client, login_as):
    login_as(Role.FRONT_OFFICE)

    listing = client.get("/day_off/")
    refused = client.post("/day_off/new/", data={"day": "2026-02-06", "name": "x"})

    assert listing.status_code == 200
    assert refused.status_code == 403
    assert db.session.scalar(select(DayOff)) is None
