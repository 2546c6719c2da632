"""Command-line commands for staff accounts."""

import secrets

import click
from flask import Flask

from backoffice.auth.models import Role
from backoffice.auth.operations import create_user
from backoffice.core.errors import DomainError
from backoffice.extensions import db

ROLE_CHOICE = click.Choice([role.value for role in Role])


def register_commands(app: Flask) -> None:
    @app.cli.command("create-user")
    @click.argument("username")
    @click.option("--role", "roles", multiple=True, required=True, type=ROLE_CHOICE)
    @click.option("--password", default=None, help="Ditanyakan bila tidak diisi.")
    @click.option("--full-name", default=None)
    @click.option("--nip", default=None)
    @click.option("--position", default=None)
    def create_user_command(
        username: str,
        roles: tuple[str, ...],
        password: str | None,
        full_name: str | None,
        nip: str | None,
        position: str | None,
    ) -> None:
        """Create a staff account with one or more roles."""
        if password is None:
            password = click.prompt(
                "Kata sandi", hide_input=True, confirmation_prompt=True
            )
        try:
            create_user(
                username,
                password,
                {Role(role) for role in roles},
                full_name=full_name,
                nip=nip,
                position=position,
            )
        except DomainError as error:
            raise click.ClickException(error.message) from error
        db.session.commit()
        click.echo(f"Pengguna {username} dibuat.")

    @app.cli.command("create-first-admin")
    def create_first_admin_command() -> None:
        """Create user 'admin' with a random password, once; print it."""
        from sqlalchemy import select

        from backoffice.auth.models import User

        if db.session.scalar(select(User).limit(1)) is not None:
            click.echo("Sudah ada pengguna; admin pertama tidak dibuat lagi.")
            return
        password = secrets.token_urlsafe(12)
        create_user("admin", password, {Role.ADMIN}, full_name="Administrator Sistem")
        db.session.commit()
        click.echo(
            "Admin pertama dibuat. Catat kata sandi ini, tidak ditampilkan lagi:"
        )
        click.echo(f"  nama pengguna: admin\n  kata sandi:    {password}")
