"""Result types returned by :func:`ocr.read_document`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


# How the office's forms name each field, for messages to the clerk.
FIELD_LABELS = {
    "nik": "NIK", "nama": "nama", "tempat_lahir": "tempat lahir",
    "tanggal_lahir": "tanggal lahir", "jenis_kelamin": "jenis kelamin",
    "gol_darah": "golongan darah", "alamat": "alamat", "rt_rw": "RT/RW",
    "kel_desa": "kelurahan/desa", "kecamatan": "kecamatan", "agama": "agama",
    "status_perkawinan": "status perkawinan", "pekerjaan": "pekerjaan",
    "kewarganegaraan": "kewarganegaraan", "berlaku_hingga": "berlaku hingga",
    "no_kk": "nomor KK", "kepala_keluarga": "kepala keluarga",
    "nomor_surat": "nomor surat", "tanggal_surat": "tanggal surat",
}


def field_names(names: list[str]) -> str:
    """List fields as the clerk's form names them: ``nama, RT/RW``."""
    return ", ".join(FIELD_LABELS.get(name, name) for name in names)


def unsure_message(names: list[str]) -> str:
    """The warning that asks the clerk to check the fields read unsurely."""
    return f"Periksa kembali isian yang kurang jelas: {field_names(names)}."


@dataclass
class Field:
    """One value read from a document and how sure the reader is (0..1)."""

    value: str | None
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape ``{"value": ..., "confidence": ...}``."""
        return {"value": self.value, "confidence": round(self.confidence, 2)}


@dataclass
class OcrResult:
    """What was read from one document."""

    doc_type: str  # "ktp", "kk", "sktm" or "other"
    fields: dict[str, Field] = field(default_factory=dict)
    members: list[dict[str, Any]] = field(default_factory=list)  # KK only
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def value(self, name: str) -> str | None:
        """Return a field's value, or None when absent or unread."""
        found = self.fields.get(name)
        return found.value if found else None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape used by the CLI and the web app."""
        return {
            "doc_type": self.doc_type,
            "fields": {name: f.to_dict() for name, f in self.fields.items()},
            "members": self.members,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 2),
        }
