"""Admin views of people and of the region reference data."""

from __future__ import annotations

from flask_admin import Admin

from backoffice.admin import SecureModelView
from backoffice.auth.access import ANY_STAFF
from backoffice.auth.models import Role
from backoffice.extensions import db
from backoffice.people.models import Desa, Kecamatan


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
