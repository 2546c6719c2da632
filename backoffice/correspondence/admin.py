"""Admin views of letter templates, the letterhead and the letter register."""

from __future__ import annotations

import io
import logging
from typing import Any

from flask import flash, redirect, request, url_for
from flask_admin import Admin, expose
from flask_admin.contrib.sqla.filters import FilterEqual
from flask_login import current_user
from openpyxl import Workbook
from wtforms import FileField, TextAreaField
from wtforms.validators import DataRequired, Length

from backoffice.admin import SecureModelView
from backoffice.auth.models import Role
from backoffice.correspondence import operations
from backoffice.correspondence.forms import (
    ReasonForm,
    logo_valid,
    number_pattern_valid,
    read_logo,
    template_source_valid,
)
from backoffice.correspondence.models import (
    LETTER_STATUS_LABELS,
    IssuedLetter,
    LetterStatus,
    LetterTemplate,
    OfficeProfile,
)
from backoffice.correspondence.views import CASE_ROLES, file_response
from backoffice.extensions import db
from letters import LetterError, render_letter, sample_context

logger = logging.getLogger(__name__)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ADMINS = frozenset({Role.ADMIN})


def letter_kind_options() -> list[tuple[str, str]]:
    from letters import DEFAULT_TEMPLATES

    return [(kind, default.title) for kind, default in DEFAULT_TEMPLATES.items()]


class IssuedLetterAdmin(SecureModelView):
    """The register of outgoing letters (agenda surat keluar); read only."""

    read_roles = frozenset({Role.BACK_OFFICE, Role.SUPERVISOR})
    write_roles = frozenset()
    allow_create = False
    allow_edit = False
    allow_delete = False

    list_template = "correspondence/letter_list.html"
    details_template = "correspondence/letter_details.html"
    column_list = (
        "number",
        "letter_date",
        "title",
        "person_name",
        "person_nik_masked",
        "signer_name",
        "status",
    )
    column_details_list = (
        "number",
        "title",
        "kind",
        "letter_date",
        "issued_at",
        "person_name",
        "person_nik_masked",
        "signer_name",
        "signer_nip",
        "signer_position",
        "signer_rank",
        "status",
        "status_reason",
        "status_changed_at",
        "replaces",
        "sha256",
    )
    column_searchable_list = ("number",)
    column_default_sort = ("id", True)
    column_filters = (
        FilterEqual(IssuedLetter.kind, "Jenis surat", options=letter_kind_options),
        FilterEqual(
            IssuedLetter.status,
            "Status",
            options=[(s.value, label) for s, label in LETTER_STATUS_LABELS.items()],
        ),
        "letter_date",
    )
    column_labels = {
        "number": "Nomor",
        "title": "Jenis surat",
        "kind": "Kode jenis",
        "letter_date": "Tanggal",
        "issued_at": "Diterbitkan (UTC)",
        "person_name": "Atas nama",
        "person_nik_masked": "NIK",
        "signer_name": "Penandatangan",
        "signer_nip": "NIP penandatangan",
        "signer_position": "Jabatan",
        "signer_rank": "Pangkat",
        "status": "Status",
        "status_reason": "Alasan",
        "status_changed_at": "Status diubah (UTC)",
        "replaces": "Menggantikan",
        "sha256": "SHA-256 PDF",
    }
    column_formatters = {
        "status": lambda v, c, m, p: m.status_label,
    }

    EXPORT_COLUMNS = (
        ("Nomor", lambda m: m.number),
        ("Tanggal", lambda m: m.letter_date),
        ("Jenis surat", lambda m: m.title),
        ("Atas nama", lambda m: m.person_name or ""),
        ("NIK", lambda m: m.person_nik_masked or ""),
        ("Penandatangan", lambda m: m.signer_name),
        ("Status", lambda m: m.status_label),
        ("Alasan", lambda m: m.status_reason or ""),
    )

    def render(self, template: str, **kwargs: Any) -> str:
        kwargs.setdefault("reason_form", ReasonForm())
        kwargs.setdefault("may_download", self.user_may(frozenset(CASE_ROLES)))
        kwargs.setdefault("may_decide", self.user_may(frozenset({Role.SUPERVISOR})))
        kwargs.setdefault("valid_status", LetterStatus.VALID.value)
        return super().render(template, **kwargs)

    def export_url(self) -> str:
        return url_for(".export_xlsx", **request.args.to_dict())

    @expose("/export.xlsx")
    def export_xlsx(self) -> Any:
        """Send the register, filtered as on screen, as an Excel workbook."""
        self.export_max_rows = 0  # no limit: the register is the archive
        _, letters = self._export_data()

        book = Workbook()
        sheet = book.active
        sheet.title = "Agenda Surat Keluar"
        sheet.append([title for title, _ in self.EXPORT_COLUMNS])
        for letter in letters:
            sheet.append([value(letter) for _, value in self.EXPORT_COLUMNS])
        buffer = io.BytesIO()
        book.save(buffer)
        logger.info("letter register exported by %s", current_user.username)

        return file_response(
            buffer.getvalue(),
            "agenda-surat-keluar",
            suffix=".xlsx",
            mimetype=XLSX_MIME,
            attachment=True,
        )


class LetterTemplateAdmin(SecureModelView):
    """Letter templates: administrators edit them, with checks on save."""

    read_roles = ADMINS
    write_roles = ADMINS
    allow_create = False  # the kinds are fixed: services refer to them
    allow_delete = False

    details_template = "correspondence/template_details.html"
    edit_template = "correspondence/template_edit.html"
    column_list = (
        "kind",
        "title",
        "number_pattern",
        "classification_code",
        "updated_at",
    )
    column_default_sort = "kind"
    form_columns = ("title", "number_pattern", "classification_code", "source")
    form_overrides = {"source": TextAreaField}
    form_args = {
        "title": {
            "label": "Judul",
            "validators": [DataRequired(), Length(max=200)],
        },
        "number_pattern": {
            "label": "Pola nomor",
            "validators": [DataRequired(), Length(max=120), number_pattern_valid],
        },
        "classification_code": {
            "label": "Kode klasifikasi (kosong: kode layanan)",
            "validators": [Length(max=20)],
        },
        "source": {
            "label": "Isi templat (Jinja/HTML)",
            "validators": [DataRequired(), template_source_valid],
        },
    }
    form_widget_args = {"source": {"rows": 24, "style": "font-family: monospace"}}
    column_labels = {
        "kind": "Jenis",
        "title": "Judul",
        "number_pattern": "Pola nomor",
        "classification_code": "Kode klasifikasi",
        "source": "Isi templat",
        "updated_at": "Diubah (UTC)",
    }

    @expose("/preview/<kind>")
    def preview(self, kind: str) -> Any:
        """Render the saved template with invented sample data."""
        template = db.get_or_404(LetterTemplate, kind)
        profile = operations.office_profile()
        try:
            rendered = render_letter(
                template.source,
                sample_context(),
                letterhead=operations.letterhead_of(profile),
                verify_url=operations.verify_url("contoh"),
            )
        except LetterError as exc:
            flash(exc.message, "error")
            return redirect(self.get_url(".details_view", id=kind))
        return file_response(rendered.pdf, f"contoh-{kind}")


class OfficeProfileAdmin(SecureModelView):
    """The letterhead and numbering settings of the office."""

    read_roles = ADMINS
    write_roles = ADMINS
    allow_create = False
    allow_delete = False

    column_list = ("office", "place", "unit", "shared_sequence")
    column_details_exclude_list = ("logo_png",)
    form_columns = (
        "government",
        "office",
        "address",
        "contacts",
        "place",
        "unit",
        "shared_sequence",
        "logo",
    )
    form_extra_fields = {
        "logo": FileField("Lambang daerah (PNG)", validators=[logo_valid]),
    }
    form_args = {
        "government": {"validators": [DataRequired(), Length(max=120)]},
        "office": {"validators": [DataRequired(), Length(max=120)]},
        "address": {"validators": [DataRequired()]},
        "place": {"validators": [DataRequired(), Length(max=60)]},
        "unit": {"validators": [DataRequired(), Length(max=30)]},
    }
    column_labels = {
        "government": "Pemerintah daerah",
        "office": "Nama dinas",
        "address": "Alamat",
        "contacts": "Kontak (telepon, surel, kode pos)",
        "place": "Tempat penandatanganan",
        "unit": "Kode unit pada nomor",
        "shared_sequence": "Satu nomor urut untuk semua jenis surat",
        "logo": "Lambang daerah (PNG)",
    }
    column_formatters = {
        "shared_sequence": lambda v, c, m, p: "Ya" if m.shared_sequence else "Tidak",
    }

    def on_model_change(self, form: Any, model: Any, is_created: bool) -> None:
        logo = read_logo(form.logo.data)
        if logo is not None:
            model.logo_png = logo
        super().on_model_change(form, model, is_created)


def register_views(admin: Admin) -> None:
    """Add the register, the templates and the letterhead to the admin."""
    admin.add_view(
        IssuedLetterAdmin(
            IssuedLetter,
            db,
            name="Agenda Surat Keluar",
            endpoint="issuedletter",
            category="Surat",
        )
    )
    admin.add_view(
        LetterTemplateAdmin(
            LetterTemplate,
            db,
            name="Templat Surat",
            endpoint="lettertemplate",
            category="Surat",
        )
    )
    admin.add_view(
        OfficeProfileAdmin(
            OfficeProfile,
            db,
            name="Kop & Penomoran",
            endpoint="officeprofile",
            category="Surat",
        )
    )
