"""Gap-free counters held in a locked row, safe under concurrent transactions."""

from sqlalchemy import String, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from backoffice.extensions import db


class Counter(db.Model):
    __tablename__ = "counter"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


def next_value(session: Session, key: str) -> int:
    """Allocate the next number of ``key`` inside the caller's transaction.

    The row is created if missing (ignoring a concurrent creator) and then
    locked with SELECT ... FOR UPDATE, so two transactions never get the same
    value; the lock is held until the caller commits or rolls back.
    """
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(Counter).values(key=key, value=0).on_conflict_do_nothing())

    counter = session.execute(
        select(Counter)
        .where(Counter.key == key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one()
    counter.value += 1
    session.flush()
    return counter.value


def peek_value(session: Session, key: str) -> int:
    """Return the last allocated value of ``key`` (0 if none)."""
    value = session.scalar(select(Counter.value).where(Counter.key == key))
    return value or 0
