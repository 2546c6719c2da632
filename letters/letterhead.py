"""The letterhead (kop surat) of the office."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Letterhead:
    """What the kop at the top of every letter shows.

    Attributes:
        government: First line, the regional government.
        office: Second line, the office.
        address: Street address of the office.
        contacts: Telephone, e-mail, website, post code.
        logo_png: PNG of the regency emblem; ``None`` uses the bundled
            placeholder until an administrator uploads the real emblem.
        place: Town written before the date of a letter.
    """

    government: str = "PEMERINTAH KABUPATEN KAMPAR"
    office: str = "DINAS SOSIAL"
    address: str
    contacts: str
    logo_png: bytes | None = None
    place: str = "Bangkinang"
