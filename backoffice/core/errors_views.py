"""One place that turns errors into pages the user can read."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import Flask, flash, redirect, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from backoffice.core.errors import DomainError
from backoffice.extensions import db

logger = logging.getLogger(__name__)

MESSAGES = {
    400: "Permintaan tidak dapat diproses.",
    401: "Silakan masuk terlebih dahulu.",
    403: "Anda tidak berhak membuka halaman ini.",
    404: "Halaman atau data tidak ditemukan.",
    405: "Cara akses ini tidak diizinkan.",
    409: "Tindakan ini tidak dapat dilakukan pada keadaan data sekarang.",
    413: "Berkas terlalu besar.",
    422: "Data yang dikirim tidak valid.",
    429: "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
    500: "Terjadi kesalahan pada sistem. Kejadian ini sudah dicatat.",
}


def error_page(code: int, message: str | None = None) -> ResponseReturnValue:
    text = message or MESSAGES.get(code, MESSAGES[500])
    return render_template("error.html", code=code, message=text), code


def same_site_referrer() -> str | None:
    """The page the form was posted from, if it is a page of this site."""
    referrer = request.referrer
    if not referrer:
        return None
    parts = urlsplit(referrer)
    if parts.netloc != request.host:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def init_error_handlers(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> ResponseReturnValue:
        return error_page(
            400, "Formulir kedaluwarsa. Muat ulang halaman lalu coba lagi."
        )

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> ResponseReturnValue:
        db.session.rollback()
        if request.method == "POST" and error.status_code != 403:
            back = same_site_referrer()
            if back:
                flash(error.message, "error")
                return redirect(back)
        return error_page(error.status_code, error.message)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> ResponseReturnValue:
        return error_page(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> ResponseReturnValue:
        if app.config.get("PROPAGATE_EXCEPTIONS"):
            raise error
        logger.exception("unhandled error on %s", request.path)
        db.session.rollback()
        return error_page(500)
