"""Read uploaded scans with the OCR library, outside the request.

With ``REDIS_URL`` set, jobs go to the RQ queue ``ocr`` and worker processes
run them (``flask --app wsgi ocr-worker``); otherwise a background thread of
the embedded app does. The document row carries the job's state, so a job
lost with a killed worker is found again by :func:`requeue_stale` and
retried; the upload itself was stored before any job existed.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

from flask import Flask, current_app, has_app_context
from sqlalchemy import and_, func, or_, select, update

from backoffice.audit.operations import record_event
from backoffice.cases.forms import MEMBER_FIELDS, member_cell
from backoffice.cases.models import Document, OcrStatus
from backoffice.cases.operations import ensure_editable
from backoffice.cases.storage import read_bytes
from backoffice.cases.uploads import render_pdf_page
from backoffice.core.errors import InvalidInput
from backoffice.core.time import utcnow
from backoffice.extensions import db
from backoffice.people.models import DOCUMENT_FIELDS

logger = logging.getLogger(__name__)

QUEUE_NAME = "ocr"
MAX_ATTEMPTS = 3
JOB_TIMEOUT = 120
# A job runs for at most JOB_TIMEOUT seconds; one handed over this long ago and
# still not done was lost with its worker or with the embedded app's thread.
STALE_AFTER = timedelta(minutes=10)
_thread_lock = threading.Lock()


def enqueue_pending(case_id: int | None = None) -> int:
    """Hand every pending scan (of one case, or all) to the OCR runner."""
    query = select(Document.id).where(Document.ocr_status == OcrStatus.PENDING)
    if case_id is not None:
        query = query.where(Document.case_id == case_id)
    return dispatch(list(db.session.scalars(query)))


def dispatch(ids: list[int]) -> int:
    """Note when the scans were handed over, then queue, thread or read them."""
    if not ids:
        return 0

    db.session.execute(
        update(Document).where(Document.id.in_(ids)).values(ocr_queued_at=utcnow())
    )
    db.session.commit()

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.config.get("OCR_INLINE"):
        run_all(ids)
    elif app.config.get("REDIS_URL"):
        queue = ocr_queue(app)
        from rq import Retry

        for document_id in ids:
            queue.enqueue(
                "backoffice.scanning.jobs.run_ocr_job",
                document_id,
                retry=Retry(max=MAX_ATTEMPTS - 1, interval=[5, 30]),
                job_timeout=JOB_TIMEOUT,
            )
    else:
        threading.Thread(target=run_in_thread, args=(app, ids), daemon=True).start()
    return len(ids)


def ocr_queue(app: Flask) -> Any:
    from redis import Redis
    from rq import Queue

    return Queue(QUEUE_NAME, connection=Redis.from_url(app.config["REDIS_URL"]))


def run_in_thread(app: Flask, ids: list[int]) -> None:
    # One scan at a time: OCR is CPU-bound and the machine has few cores.
    with _thread_lock, app.app_context():
        run_all(ids)
        db.session.remove()


def run_all(ids: list[int]) -> None:
    """Read scans one after another; a failure of one never stops the rest."""
    for document_id in ids:
        try:
            run_ocr(document_id)
        except Exception:
            logger.exception("OCR of document %s failed", document_id)
            db.session.rollback()


_worker_app: Flask | None = None


def run_ocr_job(document_id: int) -> str:
    """RQ entry point: build the app once per worker process, then read."""
    global _worker_app
    if has_app_context():  # a worker started inside the app (CLI, tests)
        return run_ocr(document_id)
    if _worker_app is None:
        from backoffice import create_app

        _worker_app = create_app()
    with _worker_app.app_context():
        return run_ocr(document_id)


def run_ocr(document_id: int) -> str:
    """Read one stored scan and keep the result on its document row."""
    from ocr import OcrError, read_document

    document = db.session.get(Document, document_id)
    if document is None or document.ocr_status in (OcrStatus.DONE, OcrStatus.NONE):
        return "skipped"
    document.ocr_status = OcrStatus.RUNNING
    document.ocr_attempts += 1
    document.ocr_started_at = utcnow()
    db.session.commit()

    try:
        data = read_bytes(document.storage_key)
        if document.page_number is not None:
            data = render_pdf_page(data, document.page_number)
        result = read_document(data, filename=document.original_name)
    except OcrError as error:
        document.ocr_status = OcrStatus.FAILED
        document.ocr_error = error.message
        db.session.commit()
        logger.warning("document %s unreadable: %s", document_id, error.message)
        return "failed"
    except Exception:
        db.session.rollback()
        document = db.session.get(Document, document_id)
        retry = document.ocr_attempts < MAX_ATTEMPTS
        document.ocr_status = OcrStatus.PENDING if retry else OcrStatus.FAILED
        document.ocr_error = "Pembacaan gagal karena kesalahan sistem."
        db.session.commit()
        raise

    document.ocr_result = result.to_dict()
    document.ocr_status = OcrStatus.DONE
    document.ocr_error = None
    db.session.commit()
    logger.info(
        "document %s read as %s in %.2f s", document_id, result.doc_type, result.seconds
    )
    return result.doc_type


def requeue_stale() -> int:
    """Hand over again the scans whose job was lost, and count them.

    A scan is lost when it was started, or handed over and never started,
    longer than :data:`STALE_AFTER` ago. A scan that used up its attempts is
    marked failed instead. A job that was only slow may run twice: the second
    run finds the scan read and skips it.
    """
    limit = utcnow() - STALE_AFTER
    started = func.coalesce(Document.ocr_started_at, Document.uploaded_at)
    handed_over = func.coalesce(Document.ocr_queued_at, Document.uploaded_at)
    query = select(Document).where(
        or_(
            and_(Document.ocr_status == OcrStatus.RUNNING, started < limit),
            and_(Document.ocr_status == OcrStatus.PENDING, handed_over < limit),
        )
    )

    lost = []
    for document in db.session.scalars(query):
        if document.ocr_attempts >= MAX_ATTEMPTS:
            document.ocr_status = OcrStatus.FAILED
            document.ocr_error = (
                "Pembacaan otomatis terhenti berulang kali; isi data secara manual."
            )
            continue
        document.ocr_status = OcrStatus.PENDING
        lost.append(document.id)
    db.session.commit()
    if lost:
        logger.warning("re-queueing %d lost OCR job(s)", len(lost))
    return dispatch(lost)


def offered_values(document: Document) -> dict[str, str]:
    """The values the OCR result proposes, as strings.

    The person's fields by name, and a KK's member cells as the prefill
    form names them (``member_nik_0``, ``member_nama_0``, ...).
    """
    result = document.ocr_result or {}
    fields = result.get("fields", {})
    values = {}
    for key in DOCUMENT_FIELDS:
        value = (fields.get(key) or {}).get("value")
        if value:
            values[key] = str(value)
    for index, member in enumerate(result.get("members") or []):
        for key in MEMBER_FIELDS:
            if member.get(key):
                values[member_cell(key, index)] = str(member[key])
    return values


def confidences(document: Document) -> dict[str, float]:
    fields = (document.ocr_result or {}).get("fields", {})
    return {
        key: float((item or {}).get("confidence") or 0.0)
        for key, item in fields.items()
    }


def record_acceptance(
    document: Document, submitted: dict[str, Any], actor: Any
) -> None:
    """Count how many OCR values the clerk kept unchanged (how well OCR serves)."""
    offered = offered_values(document)
    accepted = sum(
        1
        for key, value in offered.items()
        if str(submitted.get(key) or "").strip().upper() == value.strip().upper()
    )
    document.ocr_fields_offered = len(offered)
    document.ocr_fields_accepted = accepted
    record_event(
        actor,
        "ocr.accept",
        document,
        after={"offered": len(offered), "accepted": accepted},
    )


def dismiss_reading(document: Document, actor: Any) -> None:
    """Set a reading aside without applying it (another person's document).

    It leaves the list of readings to confirm and counts in no acceptance
    figure: nothing was offered to the clerk that could have been kept.
    """
    ensure_editable(document.case, "Hasil baca")
    if not document.awaits_confirmation:
        raise InvalidInput("Tidak ada hasil baca yang menunggu konfirmasi.")

    document.ocr_fields_offered = 0
    document.ocr_fields_accepted = 0
    record_event(actor, "ocr.dismiss", document)
    logger.info("OCR reading of document %s dismissed by %s", document.id, actor)
