"""Exceptions raised by the letters package.

Every exception carries a ``message`` in plain Indonesian that the back office
can show to the user as it is.
"""

from __future__ import annotations


class LetterError(Exception):
    """Base class of every error raised by :mod:`letters`.

    Attributes:
        message: Indonesian text meant for the person using the back office.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TemplateError(LetterError):
    """A letter template or a number pattern cannot be used.

    Attributes:
        message: Indonesian text meant for the person editing the template.
        lineno: Line of the template the problem was found on, when known.
    """

    def __init__(self, message: str, *, lineno: int | None = None) -> None:
        super().__init__(message)
        self.lineno = lineno


class RenderError(LetterError):
    """A letter could not be turned into a PDF."""
