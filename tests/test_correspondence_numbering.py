"""Letter numbers stay gap-free and unique under concurrent approvals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from sqlalchemy import select

from backoffice.auth.models import User
from backoffice.cases.models import Case
from backoffice.core.time import office_today
from backoffice.correspondence.models import IssuedLetter
from backoffice.correspondence.operations import issue_letter
from backoffice.extensions import db

THREADS = 50


def test_issue_letter_numbers_are_distinct_and_consecutive_under_concurrency(
    app: Flask, make_case: Callable[..., Case], signer: User
) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no row locks: concurrency is tested on PostgreSQL")
    case_ids = [make_case("JAMKESDA").id for _ in range(THREADS)]
    signer_id = signer.id
    db.session.remove()
    start = threading.Barrier(THREADS)

    def approve(case_id: int) -> tuple[int, str]:
        start.wait(timeout=30)
        with app.app_context():
            case = db.session.get(Case, case_id)
            person = db.session.get(User, signer_id)
            letter = issue_letter(case, person)
            db.session.commit()
            return letter.sequence, letter.number

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(approve, case_ids))

    sequences = sorted(sequence for sequence, _ in results)
    assert sequences == list(range(1, THREADS + 1))
    assert len({number for _, number in results}) == THREADS
    stored = db.session.scalars(
        select(IssuedLetter.sequence).where(IssuedLetter.year == office_today().year)
    ).all()
    assert sorted(stored) == sequences
