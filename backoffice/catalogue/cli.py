"""Command-line commands for the catalogue."""

import click
from flask import Flask

from backoffice.catalogue.operations import seed_kecamatan, seed_services
from backoffice.extensions import db


def register_commands(app: Flask) -> None:
    @app.cli.command("seed")
    def seed_command() -> None:
        """Add the SOP's services and Kampar's kecamatan that are missing."""
        added = seed_services()
        regions = seed_kecamatan()
        from backoffice.correspondence.operations import seed_letter_templates

        templates = seed_letter_templates()
        db.session.commit()
        click.echo(
            f"Layanan baru: {len(added)}; kecamatan baru: {regions}; "
            f"templat surat baru: {templates}"
        )
