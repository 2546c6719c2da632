"""Indonesian everywhere: Flask-Babel, Flask-Admin's and WTForms' messages."""

from pathlib import Path

from flask import Flask

from backoffice.extensions import babel


def init_i18n(app: Flask) -> None:
    translations = Path(app.root_path) / "translations"
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(translations))
    babel.init_app(app, locale_selector=lambda: "id")
    app.config["WTF_I18N_ENABLED"] = True
