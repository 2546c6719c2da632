"""Commands for the OCR worker."""

import click
from flask import Flask, current_app

from backoffice.scanning.jobs import QUEUE_NAME, ocr_queue, requeue_stale


def register_commands(app: Flask) -> None:
    @app.cli.command("ocr-worker")
    @click.option("--burst", is_flag=True, help="Berhenti bila antrean kosong.")
    def ocr_worker_command(burst: bool) -> None:
        """Run an RQ worker for scans (needs REDIS_URL)."""
        from rq import Worker

        if not current_app.config.get("REDIS_URL"):
            raise click.ClickException("REDIS_URL belum diatur.")
        requeued = requeue_stale()
        click.echo(f"Pindaian yang diantrekan ulang: {requeued}")
        queue = ocr_queue(current_app)
        Worker([queue], connection=queue.connection, name=None).work(burst=burst)

    @app.cli.command("ocr-requeue")
    def ocr_requeue_command() -> None:
        """Queue again the scans whose job was lost (crashed worker)."""
        click.echo(f"Pindaian yang diantrekan ulang: {requeue_stale()}")
        click.echo(f"Antrean: {QUEUE_NAME}")
