"""Admin views of letter templates, the letterhead and the letter register."""

from flask_admin import Admin


def register_views(admin: Admin) -> None:
    pass
