"""Clock helpers: the database stores UTC, the office reads Asia/Jakarta."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

OFFICE_TZ = ZoneInfo("Asia/Jakarta")


def utcnow() -> datetime:
    """Return the current time as a naive UTC datetime (portable across engines)."""
    return datetime.now(UTC).replace(tzinfo=None)


def office_today() -> date:
    """Return today's date in the office's time zone."""
    return datetime.now(OFFICE_TZ).date()


def to_office(moment: datetime) -> datetime:
    """Convert a stored naive UTC datetime to office time."""
    return moment.replace(tzinfo=UTC).astimezone(OFFICE_TZ)

