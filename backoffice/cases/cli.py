"""Command-line commands for cases."""

import click
from flask import Flask, current_app

from backoffice.cases.retention import expired_documents, purge_expired_scans
from backoffice.core.time import utcnow


def register_commands(app: Flask) -> None:
    @app.cli.command("purge-scans")
    @click.option("--dry-run", is_flag=True, help="Hanya hitung, tanpa menghapus.")
    def purge_scans_command(dry_run: bool) -> None:
        """Destroy the scans of cases finished longer ago than the retention."""
        years = current_app.config["SCAN_RETENTION_YEARS"]
        if dry_run:
            count = len(expired_documents(utcnow(), years))
            click.echo(f"Pindaian yang melewati masa simpan {years} tahun: {count}")
            return

        report = purge_expired_scans(utcnow(), years)
        click.echo(
            f"Pindaian dimusnahkan: {report.documents}; berkas dihapus: {report.files}"
        )
