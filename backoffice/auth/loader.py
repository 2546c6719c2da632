"""Tie Flask-Login to server-side login sessions."""

from flask import Flask, current_app, g, session

from backoffice.auth.models import User
from backoffice.auth.operations import load_session_user
from backoffice.extensions import login_manager


def init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.session_protection = "strong"

    @app.before_request
    def forget_previous_user() -> None:
        # A request may run inside an app context that outlived an earlier
        # request (a CLI command, a test): never reuse that request's user.
        g.pop("_login_user", None)

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        token = session.get("login_token")
        if not token:
            return None
        user = load_session_user(token, current_app.config["SESSION_IDLE_MINUTES"])
        if user is None or str(user.id) != user_id:
            return None
        return user
