"""The sandbox letter templates run in, and the checks made on them."""

from __future__ import annotations

import logging
import operator
from collections.abc import Mapping
from html.parser import HTMLParser
from types import TracebackType
from typing import Any

from jinja2 import StrictUndefined
from jinja2 import Template
from jinja2 import TemplateSyntaxError
from jinja2 import UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from letters.errors import TemplateError
from letters.filters import FILTERS
from letters.letterhead import Letterhead
from letters.sample import sample_context
from letters.sample import sample_letterhead

log = logging.getLogger(__name__)

#: Largest string or list a template may build with ``*`` or ``**``, so that a
#: template cannot exhaust the worker's memory.
MAX_PRODUCT = 100_000

TEMPLATE_NAME = "<templat>"


class LetterSandbox(SandboxedEnvironment):
    """Sandboxed, autoescaping environment with the letter filters."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self) -> None:
        super().__init__(
            autoescape=True,
            undefined=StrictUndefined,
            finalize=_finalize,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.filters.update(FILTERS)

    def call_binop(
        self, context: Any, operator_name: str, left: Any, right: Any
    ) -> Any:
        """Refuse products and powers that would build huge values."""
        if operator_name == "**":
            if abs(_as_number(left)) > 1_000 or abs(_as_number(right)) > 64:
                raise SecurityError("pangkat terlalu besar")
            return operator.pow(left, right)

        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                if len(seq) * times > MAX_PRODUCT:
                    raise SecurityError("hasil perkalian terlalu besar")
        return operator.mul(left, right)


def _as_number(value: Any) -> float:
    if isinstance(value, (int, float)):
        return float(value)
    raise SecurityError("pangkat hanya untuk angka")


def _finalize(value: Any) -> Any:
    return "" if value is None else value


_ENV = LetterSandbox()


def compile_template(source: str) -> Template:
    """Compile a template in the letter sandbox.

    Args:
        source: Jinja/HTML source of a letter body.

    Returns:
        The compiled template.

    Raises:
        TemplateError: The source has a syntax error.
    """
    try:
        return _ENV.from_string(source)
    except TemplateSyntaxError as exc:
        msg = f"Templat tidak valid di baris {exc.lineno}: {exc.message}"
        raise TemplateError(msg, lineno=exc.lineno) from exc


def render_body(template: Template, context: Mapping[str, Any]) -> str:
    """Render a compiled template, turning every failure into ``TemplateError``.

    Args:
        template: A template from :func:`compile_template`.
        context: The values the template may use.

    Returns:
        The rendered HTML of the letter body.

    Raises:
        TemplateError: The template failed while rendering.
    """
    try:
        return template.render(dict(context))
    except SecurityError as exc:
        lineno = _template_line(exc.__traceback__)
        msg = f"Templat memakai sesuatu yang tidak diizinkan{_at(lineno)}: {exc}"
        raise TemplateError(msg, lineno=lineno) from exc
    except UndefinedError as exc:
        lineno = _template_line(exc.__traceback__)
        msg = f"Templat tidak valid{_at(lineno)}: nilai tidak dikenal ({exc.message})"
        raise TemplateError(msg, lineno=lineno) from exc
    except Exception as exc:
        # Anything a template expression can raise (a bad filter argument, a
        # division by zero) must reach the user as a message, not a crash.
        lineno = _template_line(exc.__traceback__)
        msg = f"Templat gagal diproses{_at(lineno)}: {type(exc).__name__}: {exc}"
        raise TemplateError(msg, lineno=lineno) from exc


def _at(lineno: int | None) -> str:
    return "" if lineno is None else f" di baris {lineno}"


def _template_line(tb: TracebackType | None) -> int | None:
    lineno = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def validate_template(template_source: str) -> None:
    """Check that a letter template compiles and renders with sample data.

    Args:
        template_source: Jinja/HTML source of a letter body.

    Raises:
        TemplateError: With an Indonesian ``message`` when the source has a
            syntax error, uses a value the context does not have, or touches
            something the sandbox forbids.
    """
    template = compile_template(template_source)
    context = template_context(sample_context(), sample_letterhead())
    render_body(template, context)


def template_context(
    context: Mapping[str, Any], letterhead: Letterhead
) -> dict[str, Any]:
    """Return the values a template sees: the caller's context plus the kop.

    Args:
        context: The letter context (see :func:`letters.render_letter`).
        letterhead: The letterhead; it is offered to the template as
            ``letterhead`` (``government``, ``office``, ``address``,
            ``contacts``, ``place``) unless the context already has that key.

    Returns:
        A new dictionary.
    """
    values = dict(context)
    values.setdefault(
        "letterhead",
        {
            "government": letterhead.government,
            "office": letterhead.office,
            "address": letterhead.address,
            "contacts": letterhead.contacts,
            "place": letterhead.place,
        },
    )
    return values


BLOCK_TAGS = frozenset(
    {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"}
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script"}:
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "td" or tag == "th":
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script"}:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """Return the plain text of an HTML fragment, one line per block.

    Args:
        html: Rendered HTML of a letter body.

    Returns:
        Text with collapsed spaces and no empty lines, for archiving and search.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()

    lines = []
    for raw in "".join(parser.parts).split("\n"):
        cells = [" ".join(cell.split()) for cell in raw.split("\t")]
        line = " ".join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return "\n".join(lines)
