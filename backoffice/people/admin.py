"""Admin views of people and of the region reference data."""

from __future__ import annotations

from typing import Any

from flask import Response, flash, request
from flask_admin import Admin, expose
from flask_login import current_user

from backoffice.admin import SecureBaseView, SecureModelView
from backoffice.auth.access import ANY_STAFF
from backoffice.auth.models import Role
from backoffice.core.errors import DomainError
from backoffice.extensions import db
from backoffice.people.models import Desa, Kecamatan, Person
from backoffice.people.operations import (
    find_person_by_nik,
    personal_data,
    render_personal_data_copy,
)


class KecamatanAdmin(SecureModelView):
    read_roles = ANY_STAFF
    write_roles = frozenset({Role.ADMIN})
    allow_delete = False
    column_list = ("code", "name")
    column_default_sort = "code"
    column_labels = {"code": "Kode Kemendagri", "name": "Kecamatan"}
    form_columns = ("code", "name")


class DesaAdmin(SecureModelView):
    read_roles = ANY_STAFF
    write_roles = frozenset({Role.ADMIN})
    column_list = ("code", "name", "kecamatan", "is_kelurahan")
    column_searchable_list = ("name", "code")
    column_labels = {
        "code": "Kode Kemendagri",
        "name": "Desa/Kelurahan",
        "kecamatan": "Kecamatan",
        "is_kelurahan": "Kelurahan",
    }
    form_columns = ("code", "name", "kecamatan", "is_kelurahan")


class PersonalDataView(SecureBaseView):
    """A resident's request for their own data; supervisors answer it."""

    read_roles = frozenset({Role.SUPERVISOR})

    @expose("/")
    def index(self) -> Any:
        nik = request.args.get("nik", "").strip()
        data = None
        if nik:
            try:
                data = personal_data(find_person_by_nik(nik))
            except DomainError as error:
                flash(error.message, "error")
        return self.render("people/data_request.html", nik=nik, data=data)

    @expose("/<int:person_id>/salinan.pdf", methods=("POST",))
    def copy(self, person_id: int) -> Response:
        person = db.get_or_404(Person, person_id)
        pdf = render_personal_data_copy(personal_data(person), current_user)
        db.session.commit()
        return Response(
            pdf,
            mimetype="application/pdf",
            headers={
                "Content-Disposition": (
                    f'attachment; filename="salinan-data-pribadi-{person.id}.pdf"'
                ),
                "Cache-Control": "no-store",
            },
        )


def register_views(admin: Admin) -> None:
    admin.add_view(
        KecamatanAdmin(
            Kecamatan,
            db,
            name="Kecamatan",
            endpoint="kecamatan",
            category="Referensi",
        )
    )
    admin.add_view(
        DesaAdmin(
            Desa,
            db,
            name="Desa/Kelurahan",
            endpoint="desa",
            category="Referensi",
        )
    )
    admin.add_view(
        PersonalDataView(
            name="Data Pribadi",
            endpoint="personal_data",
            url="/data-pribadi",
        )
    )
