"""Scans are kept no longer than needed (UU PDP), then destroyed.

Once a case has been finished (closed, rejected or cancelled) for longer than
``SCAN_RETENTION_YEARS``, its scans and what OCR read from them are destroyed.
The case record, the letters register and the audit trail stay: they are the
office's archive and the proof of what was decided. Rows are marked first and
committed, files are removed after; a failure in between leaves a file longer
than needed, never a row pointing at a missing file, and the next run removes
it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from backoffice.audit.operations import record_event
from backoffice.cases.models import Case, CaseStatus, Document
from backoffice.cases.storage import delete_file
from backoffice.extensions import db

logger = logging.getLogger(__name__)

FINISHED = (CaseStatus.CLOSED, CaseStatus.REJECTED, CaseStatus.CANCELLED)
PURGED_MESSAGE = "Pindaian ini sudah dimusnahkan karena melewati masa simpan."


@dataclass(frozen=True)
class PurgeReport:
    documents: int
    files: int


def expired_documents(now: datetime, years: int) -> list[Document]:
    """Scans of cases finished more than ``years`` years before ``now``."""
    cutoff = now - timedelta(days=round(365.25 * years))
    finished_at = func.coalesce(Case.closed_at, Case.decided_at)
    return list(
        db.session.scalars(
            select(Document)
            .join(Case, Document.case_id == Case.id)
            .where(
                Case.status.in_([status.value for status in FINISHED]),
                finished_at < cutoff,
                Document.purged_at.is_(None),
            )
            .order_by(Document.id)
        )
    )


def purge_documents(documents: list[Document], now: datetime) -> None:
    """Mark scans destroyed and forget what OCR read from them (no commit)."""
    for document in documents:
        document.purged_at = now
        document.ocr_result = None
        record_event(
            None,
            "document.purge",
            document,
            after={"case": document.case.number, "name": document.original_name},
        )


def remove_orphan_files() -> int:
    """Delete the files that only destroyed scans still point at."""
    kept = select(Document.storage_key).where(Document.purged_at.is_(None))
    keys = db.session.scalars(
        select(Document.storage_key)
        .where(Document.purged_at.is_not(None), Document.storage_key.notin_(kept))
        .distinct()
    )
    removed = sum(delete_file(key) for key in keys)
    if removed:
        logger.info("%d scan file(s) destroyed after their retention period", removed)
    return removed


def purge_expired_scans(now: datetime, years: int) -> PurgeReport:
    """Destroy the scans past their retention period; commit, then delete files."""
    documents = expired_documents(now, years)
    purge_documents(documents, now)
    db.session.commit()
    return PurgeReport(documents=len(documents), files=remove_orphan_files())
