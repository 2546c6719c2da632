"""Admin views of the service catalogue: every staff member reads, admins edit."""

from __future__ import annotations

from flask_admin import Admin
from flask_admin.model.form import InlineFormAdmin
from wtforms import SelectField

from backoffice.admin import SecureModelView
from backoffice.auth.access import ANY_STAFF
from backoffice.auth.models import Role
from backoffice.cases.models import STATUS_LABELS
from backoffice.catalogue.models import (
    DOC_KIND_LABELS,
    SENSITIVITY_LABELS,
    Requirement,
    Service,
    Step,
)
from backoffice.catalogue.operations import SERVICE_FIELDS
from backoffice.core.forms import choices
from backoffice.extensions import db

DOC_KIND_CHOICES = choices(DOC_KIND_LABELS)
STAGE_CHOICES = choices([("", "—"), *STATUS_LABELS.items()])
LETTER_KIND_LABELS = {
    "rekomendasi_jamkesda": "Surat Rekomendasi JAMKESDA",
    "keterangan_dtks": "Surat Keterangan Terdaftar DTKS/DTSEN",
    "pengantar_rsj": "Surat Pengantar/Rekomendasi ke RSJ",
    "rekomendasi_dispensasi_kawin": "Surat Rekomendasi Dispensasi Kawin",
    "rekomendasi_panti_lansia": "Surat Rekomendasi Masuk Panti Lansia",
    "rujukan_anak": "Surat Rekomendasi Rujukan Anak",
    "registrasi_pemulangan": "Registrasi Pemulangan Orang Terlantar",
    "berita_acara_pemakaman": "Berita Acara Pemakaman Mayat Terlantar",
    "rekomendasi_umum": "Surat Rekomendasi (umum)",
}


class RequirementInline(InlineFormAdmin):
    form_columns = (
        "id",
        "position",
        "text",
        "doc_kind",
        "mandatory",
        "original_required",
        "validity_days",
    )
    form_label = "Persyaratan"
    column_labels = {
        "position": "Urutan",
        "text": "Persyaratan",
        "doc_kind": "Jenis dokumen",
        "mandatory": "Wajib",
        "original_required": "Asli harus diperlihatkan",
        "validity_days": "Masa berlaku (hari)",
    }
    form_overrides = {"doc_kind": SelectField}
    form_args = {"doc_kind": {"choices": DOC_KIND_CHOICES, "label": "Jenis dokumen"}}


class StepInline(InlineFormAdmin):
    form_columns = ("id", "position", "actor", "description", "stage")
    form_label = "Tahapan"
    column_labels = {
        "position": "Urutan",
        "actor": "Pelaku",
        "description": "Kegiatan",
        "stage": "Berlaku saat status",
    }
    form_overrides = {"stage": SelectField}
    form_args = {"stage": {"choices": STAGE_CHOICES, "label": "Berlaku saat status"}}


class ServiceAdmin(SecureModelView):
    read_roles = ANY_STAFF
    write_roles = frozenset({Role.ADMIN})
    allow_delete = False  # cases refer to services: deactivate instead
    allow_export = True

    details_template = "catalogue/service_details.html"
    column_list = ("code", "name", "area", "sla_days", "sensitivity", "active")
    column_searchable_list = ("code", "name")
    column_filters = ("area", "active", "sensitivity")
    column_default_sort = "name"
    column_labels = {
        "code": "Kode",
        "name": "Nama layanan",
        "area": "Bidang",
        "description": "Uraian",
        "letter_kind": "Jenis surat",
        "sla_days": "SLA (hari kerja)",
        "classification_code": "Kode klasifikasi surat",
        "active": "Aktif",
        "sensitivity": "Sifat data",
        "requires_dtks": "Wajib cek DTKS/DTSEN",
        "requires_assessment": "Wajib asesmen/home visit",
        "has_applicant": "Ada pemohon",
        "exclusive_group": "Kelompok eksklusif",
        "block_duplicates": "Tolak permohonan ganda",
        "follow_up_months": "Kontrol tiap (bulan)",
        "referral_target": "Tujuan rujukan",
        "requirements": "Persyaratan",
        "steps": "Tahapan",
    }
    column_formatters = {
        "sensitivity": lambda v, c, m, p: SENSITIVITY_LABELS.get(m.sensitivity, ""),
        "letter_kind": lambda v, c, m, p: LETTER_KIND_LABELS.get(m.letter_kind, ""),
    }
    form_columns = ("code", *SERVICE_FIELDS)
    form_overrides = {"sensitivity": SelectField, "letter_kind": SelectField}
    form_args = {
        "sensitivity": {
            "choices": choices(SENSITIVITY_LABELS),
            "label": "Sifat data",
        },
        "letter_kind": {
            "choices": choices(LETTER_KIND_LABELS),
            "label": "Jenis surat",
        },
    }
    inline_models = (RequirementInline(Requirement), StepInline(Step))


def register_views(admin: Admin) -> None:
    admin.add_view(
        ServiceAdmin(
            Service, db, name="Layanan", endpoint="service", category="Katalog"
        )
    )
