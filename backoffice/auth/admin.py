"""Admin views of staff accounts and of the audit trail (admins only)."""

from __future__ import annotations

from typing import Any

from flask_admin import Admin
from flask_login import current_user
from wtforms import PasswordField, SelectMultipleField
from wtforms.validators import DataRequired, Optional, ValidationError

from backoffice.admin import SecureModelView
from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import record_event
from backoffice.auth.models import ROLE_LABELS, Role, User
from backoffice.auth.operations import (
    MIN_PASSWORD_LENGTH,
    end_all_sessions,
    hash_password,
)
from backoffice.core.forms import choices
from backoffice.core.i18n import action_label, format_wib
from backoffice.extensions import db

ADMINS = frozenset({Role.ADMIN})


def strong_enough(form: Any, field: Any) -> None:
    if field.data and len(field.data) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")


class UserAdmin(SecureModelView):
    read_roles = ADMINS
    write_roles = ADMINS
    allow_delete = False  # the audit trail refers to users: deactivate instead

    column_list = ("username", "full_name", "nip", "position", "role_labels", "active")
    column_searchable_list = ("username", "full_name", "nip")
    column_filters = ("active",)
    column_labels = {
        "username": "Nama pengguna",
        "full_name": "Nama lengkap",
        "nip": "NIP",
        "position": "Jabatan",
        "rank": "Pangkat/golongan",
        "role_labels": "Peran",
        "active": "Aktif",
        "created_at": "Dibuat",
    }
    column_details_list = (
        "username",
        "full_name",
        "nip",
        "position",
        "rank",
        "role_labels",
        "active",
        "created_at",
    )
    form_columns = (
        "username",
        "full_name",
        "nip",
        "position",
        "rank",
        "active",
        "role_names",
        "new_password",
    )
    form_extra_fields = {
        "role_names": SelectMultipleField(
            "Peran",
            choices=choices(ROLE_LABELS),
            validators=[DataRequired("Pilih paling sedikit satu peran.")],
        ),
        "new_password": PasswordField(
            "Kata sandi baru",
            validators=[Optional(), strong_enough],
            description="Kosongkan bila tidak diubah.",
        ),
    }

    def on_form_prefill(self, form: Any, id: Any) -> None:
        user = db.session.get(User, int(id))
        if user is not None:
            form.role_names.data = sorted(user.roles)

    def on_model_change(self, form: Any, model: User, is_created: bool) -> None:
        model.username = (model.username or "").strip().lower()
        model.roles = {Role(name) for name in form.role_names.data}
        if form.new_password.data:
            model.password_hash = hash_password(form.new_password.data)
            if not is_created:
                end_all_sessions(model)
        elif is_created:
            raise ValidationError("Kata sandi wajib diisi untuk pengguna baru.")
        if not model.active:
            end_all_sessions(model)
        super().on_model_change(form, model, is_created)
        record_event(
            current_user, "user.roles", model, after={"roles": sorted(model.roles)}
        )


class AuditEventAdmin(SecureModelView):
    read_roles = ADMINS
    allow_create = allow_edit = allow_delete = False
    can_view_details = True
    column_list = ("at", "user", "action", "entity", "entity_id", "reason")
    column_default_sort = ("at", True)
    column_filters = ("action", "entity", "at")
    column_searchable_list = ("entity_id", "action")
    column_formatters = {
        "at": lambda v, c, m, p: format_wib(m.at),
        "action": lambda v, c, m, p: action_label(m.action),
    }
    column_labels = {
        "at": "Waktu (WIB)",
        "user": "Pengguna",
        "action": "Tindakan",
        "entity": "Jenis data",
        "entity_id": "ID data",
        "before": "Sebelum",
        "after": "Sesudah",
        "reason": "Alasan",
    }


def register_views(admin: Admin) -> None:
    admin.add_view(
        UserAdmin(User, db, name="Pengguna", endpoint="user", category="Pengaturan")
    )
    admin.add_view(
        AuditEventAdmin(
            AuditEvent,
            db,
            name="Jejak Audit",
            endpoint="audit",
            category="Pengaturan",
        )
    )
