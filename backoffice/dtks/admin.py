"""The DTKS/DTSEN snapshot import page (back office and supervisors)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from flask_admin import Admin, expose
from flask_login import current_user

from backoffice.admin import SecureBaseView
from backoffice.auth.models import Role
from backoffice.core.errors import DomainError
from backoffice.dtks.operations import import_snapshot, latest_import
from backoffice.extensions import db


class DtksImportView(SecureBaseView):
    read_roles = frozenset({Role.BACK_OFFICE, Role.SUPERVISOR})

    @expose("/", methods=("GET", "POST"))
    def index(self) -> Any:
        if request.method == "POST":
            upload = request.files.get("file")
            if upload is None or not upload.filename:
                flash("Pilih berkas CSV atau XLSX hasil ekspor SIKS-NG.", "error")
                return redirect(url_for(".index"))
            try:
                report = import_snapshot(upload.read(), upload.filename, current_user)
            except DomainError as error:
                db.session.rollback()
                flash(
                    f"Impor dibatalkan, data lama tetap dipakai. {error.message}",
                    "error",
                )
                return redirect(url_for(".index"))
            db.session.commit()
            flash(f"{report.imported} baris DTKS/DTSEN diimpor.", "success")
            if report.skipped:
                shown = "; ".join(report.skipped[:10])
                more = len(report.skipped) - 10
                flash(
                    f"{len(report.skipped)} baris dilewati: {shown}"
                    + (f" (dan {more} lainnya)" if more > 0 else ""),
                    "warning",
                )
            return redirect(url_for(".index"))
        return self.render("dtks/import.html", latest=latest_import())


def register_views(admin: Admin) -> None:
    admin.add_view(
        DtksImportView(
            name="Impor DTKS/DTSEN", endpoint="dtks", url="/dtks", category="Referensi"
        )
    )
