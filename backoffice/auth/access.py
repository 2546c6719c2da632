"""Deny-by-default access control for every endpoint of the app.

Every view function declares who may call it with :func:`allow` (or
:func:`public`). A request to an endpoint that declares nothing is refused:
forgetting a rule closes a page rather than opening it. Flask-Admin views
carry their own rule (see ``backoffice.admin.SecureView``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, abort, redirect, request, url_for
from flask_login import current_user

from backoffice.auth.models import Role

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])
PUBLIC = "public"
ANY_STAFF = frozenset(Role)


def allow(*roles: Role) -> Callable[[F], F]:
    """Let users holding any of ``roles`` call the decorated view."""

    def mark(view: F) -> F:
        view._access = frozenset(roles)  # type: ignore[attr-defined]
        return view

    return mark


def public(view: F) -> F:
    """Let anyone, logged in or not, call the decorated view."""
    view._access = PUBLIC  # type: ignore[attr-defined]
    return view


def endpoint_rule(app: Flask, endpoint: str | None) -> Any:
    if endpoint is None:
        return None
    if endpoint == "static" or endpoint.endswith(".static"):
        return PUBLIC
    view = app.view_functions.get(endpoint)
    return getattr(view, "_access", None)


def is_admin_endpoint(app: Flask, endpoint: str) -> bool:
    admin = app.extensions.get("admin")
    if not admin:
        return False
    prefix = endpoint.split(".", 1)[0]
    return any(view.endpoint == prefix for admin_ in admin for view in admin_._views)


def init_access(app: Flask) -> None:
    @app.before_request
    def check_access() -> Any:
        endpoint = request.endpoint
        if endpoint is None:
            return None  # 404 and 405 are answered by Flask itself.

        rule = endpoint_rule(app, endpoint)
        if rule == PUBLIC:
            return None
        if rule is None and is_admin_endpoint(app, endpoint):
            return None  # The admin view checks its own roles.

        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path))
        if rule is None:
            logger.error("endpoint %s declares no access rule: refused", endpoint)
            abort(403)
        if not current_user.roles.intersection(rule):
            abort(403)
        return None
