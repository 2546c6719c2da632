"""Login and logout."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from backoffice.auth.access import ANY_STAFF, allow, public
from backoffice.auth.forms import LoginForm, LogoutForm
from backoffice.auth.operations import (
    LoginRefused,
    authenticate,
    end_session,
    open_session,
)
from backoffice.extensions import db, limiter

logger = logging.getLogger(__name__)
bp = Blueprint("auth", __name__)


def safe_next(target: str | None) -> str:
    """Return ``target`` if it is a path on this site, else the dashboard."""
    fallback = url_for("admin.index")
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return fallback
    if target.startswith("//") or "\\" in target:
        return fallback
    return target


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit("20 per minute", methods=["POST"])
def login() -> str | Response:
    """Show the login form and sign a staff member in."""
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
        if current_user.is_authenticated:
            return redirect(safe_next(form.next.data))

    if form.validate_on_submit():
        try:
            user = authenticate(
                form.username.data or "",
                form.password.data or "",
                max_failures=current_app.config["LOGIN_MAX_FAILURES"],
                lock_minutes=current_app.config["LOGIN_LOCK_MINUTES"],
            )
        except LoginRefused as refused:
            db.session.commit()  # keep the failure count
            flash(refused.message, "error")
            return render_template("auth/login.html", form=form), 401

        session.clear()
        login = open_session(user, request.remote_addr)
        db.session.commit()
        login_user(user)
        session["login_token"] = login.token
        session.permanent = True
        return redirect(safe_next(form.next.data))

    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@allow(*ANY_STAFF)
def logout() -> Response:
    """End the login session on the server and forget the cookie."""
    form = LogoutForm()
    if form.validate_on_submit():
        token = session.get("login_token")
        if token:
            end_session(token)
            db.session.commit()
        logout_user()
        session.clear()
        flash("Anda sudah keluar.", "info")
    return redirect(url_for("auth.login"))
