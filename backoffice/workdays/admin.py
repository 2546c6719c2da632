"""Admin view of the office calendar: every staff member reads, admins edit."""

from __future__ import annotations

from typing import Any

from flask_admin import Admin, expose

from backoffice.admin import SecureModelView
from backoffice.auth.access import ANY_STAFF
from backoffice.auth.models import Role
from backoffice.core.time import office_today
from backoffice.extensions import db
from backoffice.workdays.models import DayOff
from backoffice.workdays.operations import national_days_off


class DayOffAdmin(SecureModelView):
    read_roles = ANY_STAFF
    write_roles = frozenset({Role.ADMIN})

    list_template = "workdays/day_off_list.html"
    column_list = ("day", "name", "office_open")
    column_default_sort = ("day", True)
    column_labels = {
        "day": "Tanggal",
        "name": "Keterangan",
        "office_open": "Kantor tetap buka",
    }
    column_descriptions = {
        "office_open": (
            "Centang bila kantor tetap melayani pada hari libur nasional ini "
            "(misalnya tanggal dalam kalender nasional bergeser)."
        ),
    }
    column_formatters = {
        "day": lambda v, c, m, p: f"{m.day:%d-%m-%Y}",
    }
    form_columns = ("day", "name", "office_open")

    @expose("/")
    def index_view(self) -> Any:
        year = office_today().year
        self._template_args["year"] = year
        self._template_args["national"] = national_days_off(year)
        return super().index_view()


def register_views(admin: Admin) -> None:
    admin.add_view(
        DayOffAdmin(
            DayOff,
            db,
            name="Hari Libur",
            endpoint="day_off",
            category="Katalog",
        )
    )
