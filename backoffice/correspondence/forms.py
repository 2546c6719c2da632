"""Forms of the correspondence domain."""

from __future__ import annotations

import io
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from PIL import Image, UnidentifiedImageError
from wtforms import Field, Form, TextAreaField, ValidationError
from wtforms.validators import DataRequired, Length

from letters import TemplateError, validate_number_pattern, validate_template

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_SIDE = 4000


class ReasonForm(FlaskForm):
    reason = TextAreaField(
        "Alasan",
        validators=[DataRequired("Alasan wajib diisi."), Length(max=2000)],
    )


class VerifyUploadForm(FlaskForm):
    document = FileField(
        "Berkas PDF surat", validators=[FileRequired("Pilih berkas PDF surat.")]
    )


def template_source_valid(form: Form, field: Field) -> None:
    """Refuse a letter template that does not compile or render safely."""
    try:
        validate_template(field.data or "")
    except TemplateError as exc:
        raise ValidationError(exc.message) from exc


def number_pattern_valid(form: Form, field: Field) -> None:
    """Refuse a number pattern that cannot build a letter number."""
    try:
        validate_number_pattern(field.data or "")
    except TemplateError as exc:
        raise ValidationError(exc.message) from exc


def read_logo(storage: Any) -> bytes | None:
    """Return the uploaded emblem as checked PNG bytes, or None if none was sent."""
    if storage is None or not getattr(storage, "filename", ""):
        return None
    storage.stream.seek(0)
    data = storage.stream.read(MAX_LOGO_BYTES + 1)
    storage.stream.seek(0)
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError("Logo terlalu besar (paling besar 2 MB).")

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind, size = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValidationError("Logo harus berupa gambar PNG yang utuh.") from exc
    if kind != "PNG":
        raise ValidationError("Logo harus berupa gambar PNG.")
    if max(size) > MAX_LOGO_SIDE:
        raise ValidationError("Ukuran logo terlalu besar (paling besar 4000 piksel).")
    return data


def logo_valid(form: Form, field: Field) -> None:
    read_logo(field.data)
