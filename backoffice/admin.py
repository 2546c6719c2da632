"""Flask-Admin, built inside the app factory, and the secure view bases."""

from __future__ import annotations

from typing import Any

from flask import Flask, abort, redirect, request, url_for
from flask_admin import Admin, AdminIndexView, BaseView, expose
from flask_admin.contrib.sqla import ModelView
from flask_admin.theme import Bootstrap4Theme
from flask_login import current_user

from backoffice.audit.operations import changed_values, record_event, snapshot
from backoffice.auth.models import Role

TRANSLATIONS = "translations"


class SecureView:
    """Deny by default: a view lists who may read it and who may change it."""

    read_roles: frozenset[Role] = frozenset()
    write_roles: frozenset[Role] = frozenset()

    def user_may(self, roles: frozenset[Role]) -> bool:
        return bool(current_user.is_authenticated and current_user.roles & roles)

    def is_accessible(self) -> bool:
        return self.user_may(self.read_roles | self.write_roles)

    def inaccessible_callback(self, name: str, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path))
        abort(403)


class SecureModelView(SecureView, ModelView):
    """A model view whose create, edit and delete need a writing role."""

    page_size = 50
    can_view_details = True
    can_set_page_size = True
    details_modal = False
    edit_modal = False
    create_modal = False

    @property
    def can_create(self) -> bool:  # type: ignore[override]
        return self.user_may(self.write_roles) and self.allow_create

    @property
    def can_edit(self) -> bool:  # type: ignore[override]
        return self.user_may(self.write_roles) and self.allow_edit

    @property
    def can_delete(self) -> bool:  # type: ignore[override]
        return self.user_may(self.write_roles) and self.allow_delete

    @property
    def can_export(self) -> bool:  # type: ignore[override]
        return self.user_may(self.write_roles) and self.allow_export

    allow_create = True
    allow_edit = True
    allow_delete = True
    allow_export = False

    # Flask-Admin quietly redirects a refused write to the list; say 403.
    WRITE_VIEWS = {
        "create_view": "can_create",
        "edit_view": "can_edit",
        "delete_view": "can_delete",
        "action_view": "can_edit",
        "ajax_update": "can_edit",
        "export": "can_export",
    }

    def _handle_view(self, name: str, **kwargs: Any) -> Any:
        refused = super()._handle_view(name, **kwargs)
        if refused is not None:
            return refused
        permission = self.WRITE_VIEWS.get(name)
        if permission and not getattr(self, permission):
            abort(403)
        return None

    def on_model_change(self, form: Any, model: Any, is_created: bool) -> None:
        if is_created:
            record_event(current_user, "admin.create", model, after=snapshot(model))
        else:
            before, after = changed_values(model)
            record_event(
                current_user, "admin.update", model, before=before, after=after
            )

    def on_model_delete(self, model: Any) -> None:
        record_event(current_user, "admin.delete", model, before=snapshot(model))


class SecureBaseView(SecureView, BaseView):
    pass


class DashboardView(AdminIndexView):
    """The home page: the office's vision and mission, and the user's work."""

    def is_accessible(self) -> bool:
        return bool(current_user.is_authenticated)

    def inaccessible_callback(self, name: str, **kwargs: Any) -> Any:
        return redirect(url_for("auth.login", next=request.full_path))

    @expose("/")
    def index(self) -> str:
        from backoffice.cases.queries import dashboard_counts
        from backoffice.catalogue import seed_data

        return self.render(
            "dashboard.html",
            office=seed_data,
            counts=dashboard_counts(current_user),
        )


def init_admin(app: Flask) -> Admin:
    """Build the admin interface and register every domain's views."""
    from backoffice.auth.admin import register_views as register_auth
    from backoffice.cases.admin import register_views as register_cases
    from backoffice.catalogue.admin import register_views as register_catalogue
    from backoffice.correspondence.admin import register_views as register_letters
    from backoffice.dtks.admin import register_views as register_dtks
    from backoffice.people.admin import register_views as register_people
    from backoffice.workdays.admin import register_views as register_workdays

    admin = Admin(
        app,
        name="Dinas Sosial Kampar",
        url="/",
        index_view=DashboardView(name="Beranda", url="/", endpoint="admin"),
        translations_path=str(app.root_path + "/" + TRANSLATIONS),
        theme=Bootstrap4Theme(base_template="layout.html", fluid=True),
    )
    register_cases(admin)
    register_people(admin)
    register_dtks(admin)
    register_letters(admin)
    register_catalogue(admin)
    register_workdays(admin)
    register_auth(admin)
    return admin
