"""Indonesian everywhere: Flask-Babel, Flask-Admin's and WTForms' messages."""

from datetime import date, datetime
from pathlib import Path

from flask import Flask

from backoffice.core.time import to_office
from backoffice.extensions import babel


def init_i18n(app: Flask) -> None:
    translations = Path(app.root_path) / "translations"
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(translations))
    babel.init_app(app, locale_selector=lambda: "id")
    app.config["WTF_I18N_ENABLED"] = True
    app.jinja_env.filters["wib"] = format_wib
    app.jinja_env.filters["tgl"] = format_date
    app.jinja_env.filters["action_label"] = action_label


def format_wib(moment: datetime | None) -> str:
    """Show a stored UTC time as the office reads it: ``03-12-2026 19:21 WIB``."""
    if moment is None:
        return "—"
    return to_office(moment).strftime("%d-%m-%Y %H:%M") + " WIB"


def format_date(day: date | datetime | None) -> str:
    if day is None:
        return "—"
    if isinstance(day, datetime):
        day = to_office(day)
    return day.strftime("%d-%m-%Y")


ACTION_LABELS = {
    "case.receive": "Berkas diterima",
    "case.submit": "Diteruskan ke Back Office",
    "case.return": "Berkas dikembalikan",
    "case.resume": "Berkas dilengkapi",
    "case.propose": "Diajukan untuk keputusan",
    "case.approve": "Disetujui",
    "case.reject": "Ditolak",
    "case.send_back": "Dikembalikan ke verifikasi",
    "case.letter_issued": "Surat diterbitkan",
    "case.hand_over": "Surat diserahkan",
    "case.close": "Ditutup",
    "case.cancel": "Dibatalkan",
    "case.claim": "Ditangani petugas",
    "case.dtks_check": "Pengecekan DTKS/DTSEN dicatat",
    "case.assessment": "Asesmen dicatat",
    "case.view": "Berkas permohonan dibuka",
    "document.upload": "Pindaian diunggah",
    "document.assign": "Pindaian ditetapkan ke persyaratan",
    "document.view": "Pindaian dibuka",
    "document.purge": "Pindaian dimusnahkan (masa simpan habis)",
    "ocr.accept": "Hasil baca pindaian diperiksa petugas",
    "requirement.check": "Persyaratan diperiksa",
    "follow_up.update": "Tindak lanjut dicatat",
    "letter.issue": "Surat diterbitkan",
    "letter.download": "Surat diunduh",
    "letter.revoke": "Surat dicabut",
    "letter.replace": "Surat diganti",
    "person.create": "Data diri dicatat",
    "person.update": "Data diri diubah",
    "person.lookup": "Data diri dicari",
    "person.data_copy": "Salinan data pribadi dicetak",
    "admin.create": "Data ditambahkan oleh admin",
    "admin.update": "Data diubah oleh admin",
    "admin.delete": "Data dihapus oleh admin",
}


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)
