"""Admin views of the case workflow."""

from flask_admin import Admin


def register_views(admin: Admin) -> None:
    pass
