"""Application-wide endpoints that belong to no domain."""

from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from backoffice.auth.access import public
from backoffice.extensions import db

logger = logging.getLogger(__name__)
bp = Blueprint("core", __name__)


@bp.after_app_request
def security_headers(response: Response) -> Response:
    """Keep pages out of other sites' frames and browsers from guessing types."""
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.route("/healthz")
@public
def healthz() -> ResponseReturnValue:
    """Say whether the app is up and its database reachable."""
    try:
        db.session.execute(text("SELECT 1"))
        database = True
    except SQLAlchemyError:
        logger.exception("health check: database unreachable")
        db.session.rollback()
        database = False
    status = 200 if database else 503
    return jsonify(status="ok" if database else "degraded", database=database), status
