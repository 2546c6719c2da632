"""Turn a letter template and its context into a PDF."""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qrcode
from jinja2 import Environment
from markupsafe import Markup
from reportlab import rl_config
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from letters.errors import RenderError
from letters.errors import TemplateError
from letters.letterhead import Letterhead
from letters.templating import compile_template
from letters.templating import html_to_text
from letters.templating import render_body
from letters.templating import template_context

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
PLACEHOLDER_EMBLEM = "emblem-placeholder.png"

#: Where a refused resource is sent: inside the static folder, so the resource
#: policy lets xhtml2pdf look, and absent, so it finds nothing.
_NOTHING = str(STATIC_DIR / "__refused__")

#: Longest verification address put into a QR code; longer ones give codes too
#: dense to scan from a printed letter.
MAX_VERIFY_URL = 512

_RESOURCE_POLICY = ResourceAccessPolicy.server(
    base_dir=STATIC_DIR, allow_remote=False, max_render_seconds=30
)

# ReportLab reads its "invariant" switch from a module global when a document is
# created, so renders take turns while it is on.
_INVARIANT_LOCK = threading.Lock()


@dataclass(frozen=True)
class RenderedLetter:
    """A rendered letter.

    Attributes:
        pdf: The PDF document.
        html: The full HTML page the PDF was made from.
        text: Plain text of the rendered body, for the archive and search.
        sha256: Hex SHA-256 of ``pdf``.
    """

    pdf: bytes
    html: str
    text: str
    sha256: str


def render_letter(
    template_source: str,
    context: Mapping[str, Any],
    *,
    letterhead: Letterhead,
    verify_url: str | None = None,
) -> RenderedLetter:
    """Render a letter body template into a complete PDF letter.

    The body is rendered in a sandbox with autoescaping, placed under the kop
    of ``letterhead`` and converted with xhtml2pdf. The same inputs always give
    the same PDF bytes. The template may read only the bundled static assets
    and the images this function creates; every other file or URL it names
    resolves to nothing.

    Args:
        template_source: Jinja/HTML source of the letter body.
        context: Values of the letter (``letter``, ``person``, ``signer``, ...;
            see :func:`letters.sample_context`). A ``letterhead`` entry is added
            unless present.
        letterhead: The kop to print.
        verify_url: Address of the verification page; when given, a QR code
            encoding it is printed at the foot of each page.

    Returns:
        The PDF with its source HTML, text and checksum.

    Raises:
        RenderError: The template is broken or the PDF could not be made; the
            Indonesian ``message`` says which.
    """
    started = time.perf_counter()
    try:
        template = compile_template(template_source)
        body = render_body(template, template_context(context, letterhead))
    except TemplateError as exc:
        raise RenderError(exc.message) from exc

    page, allowed = _page_html(body, letterhead, verify_url)
    pdf = _html_to_pdf(page, allowed)

    log.debug("Letter rendered in %.0f ms", (time.perf_counter() - started) * 1000)
    return RenderedLetter(
        pdf=pdf,
        html=page,
        text=html_to_text(body),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )


def _page_html(
    body: str, letterhead: Letterhead, verify_url: str | None
) -> tuple[str, frozenset[str]]:
    logo = PLACEHOLDER_EMBLEM
    if letterhead.logo_png is not None:
        logo = _data_uri(letterhead.logo_png)

    qr = None
    if verify_url:
        qr = _data_uri(_qr_png(verify_url))

    page = _PAGE.render(letterhead=letterhead, logo=logo, qr=qr, body=Markup(body))
    allowed = frozenset(uri for uri in (logo, qr) if uri and uri.startswith("data:"))
    return page, allowed


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _qr_png(url: str) -> bytes:
    if len(url) > MAX_VERIFY_URL:
        msg = "Alamat verifikasi terlalu panjang untuk dijadikan kode QR."
        raise RenderError(msg)

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=4, border=1
    )
    code.add_data(url)
    code.make(fit=True)

    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def make_link_callback(allowed: frozenset[str]) -> Callable[[str, str], str]:
    """Build the xhtml2pdf resource resolver for one render.

    Args:
        allowed: The ``data:`` URIs this package produced for the render.

    Returns:
        A callback mapping each URI to an allowed ``data:`` URI, a file inside
        ``letters/static/``, or a path that does not exist.
    """

    def resolve(uri: str, rel: str | None = None) -> str:
        if not isinstance(uri, str):
            return _NOTHING
        if uri in allowed:
            return uri
        if urllib.parse.urlsplit(uri).scheme or uri.startswith(("/", "\\")):
            log.warning("Letter resource refused: %.80s", uri)
            return _NOTHING

        candidate = (STATIC_DIR / urllib.parse.unquote(uri)).resolve()
        if candidate.is_relative_to(STATIC_DIR) and candidate.is_file():
            return str(candidate)
        log.warning("Letter resource refused: %.80s", uri)
        return _NOTHING

    return resolve


def _html_to_pdf(page: str, allowed: frozenset[str]) -> bytes:
    output = io.BytesIO()
    try:
        with _invariant_pdf():
            status = pisa.pisaDocument(
                page,
                dest=output,
                link_callback=make_link_callback(allowed),
                resource_policy=_RESOURCE_POLICY,
                encoding="utf-8",
            )
    except Exception as exc:
        log.error("xhtml2pdf failed: %s", exc)
        msg = "Surat gagal dibuat menjadi PDF. Periksa isi templat surat."
        raise RenderError(msg) from exc

    pdf = output.getvalue()
    if not pdf.startswith(b"%PDF"):
        log.error("xhtml2pdf produced no PDF (%s errors)", status.err)
        msg = "Surat gagal dibuat menjadi PDF. Periksa isi templat surat."
        raise RenderError(msg)
    if status.err:
        log.warning("xhtml2pdf reported %d problems with a letter", status.err)
    return pdf


@contextmanager
def _invariant_pdf() -> Iterator[None]:
    # The creation date and the document ID are what make two renders of the
    # same letter differ; ReportLab fixes both in invariant mode.
    with _INVARIANT_LOCK:
        previous = rl_config.invariant
        rl_config.invariant = 1
        try:
            yield
        finally:
            rl_config.invariant = previous


_PAGE = Environment(autoescape=True).from_string(
    """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{{ letterhead.office }}</title>
<style>
@page {
  size: a4 portrait;
  margin: 1.2cm 2cm {{ "3.6cm" if qr else "2cm" }} 2.5cm;
  {% if qr %}
  @frame qr_frame {
    -pdf-frame-content: qr_footer;
    left: 2.5cm; bottom: 0.7cm; width: 9cm; height: 2.6cm;
  }
  {% endif %}
}
@font-face { font-family: dejavu; src: url(fonts/DejaVuSerif.ttf); }
@font-face { font-family: dejavu; src: url(fonts/DejaVuSerif-Bold.ttf);
  font-weight: bold; }
body { font-family: Times-Roman, dejavu; font-size: 12pt; line-height: 1.35; }
p { margin: 0 0 6pt 0; text-align: justify; }
/* Small tables shrink to stay whole; a .grid list runs on to the next page. */
.kop, .data, .ttd, #qr_footer table { -pdf-keep-in-frame-mode: shrink; }
td { vertical-align: top; padding: 0; }
.data, .grid { margin-bottom: 6pt; }
.kop td { vertical-align: middle; text-align: center; }
.kop-gov { font-size: 14pt; font-weight: bold; }
.kop-office { font-size: 18pt; font-weight: bold; }
.kop-address { font-size: 10pt; }
.rule-thick { border-top: 2.5pt solid #000; margin: 4pt 0 0 0; }
.rule-thin { border-top: 0.8pt solid #000; margin: 1.5pt 0 12pt 0; }
.judul { text-align: center; font-weight: bold; font-size: 13pt;
  text-decoration: underline; margin: 6pt 0 0 0; }
.nomor { text-align: center; margin: 0 0 12pt 0; }
.data td { padding: 1pt 0; }
.grid td, .grid th { border: 0.6pt solid #000; padding: 3pt; }
.ttd { margin-top: 14pt; }
.qr-caption { font-size: 8pt; vertical-align: middle; padding-left: 6pt; }
</style>
</head>
<body>
{% if qr %}
<div id="qr_footer">
<table><tr>
<td width="2.3cm"><img src="{{ qr }}" width="2.2cm" height="2.2cm"></td>
<td class="qr-caption">Pindai untuk verifikasi</td>
</tr></table>
</div>
{% endif %}
<table class="kop"><tr>
<td width="2.6cm"><img src="{{ logo }}" width="2.1cm" height="2.5cm"></td>
<td>
<div class="kop-gov">{{ letterhead.government }}</div>
<div class="kop-office">{{ letterhead.office }}</div>
<div class="kop-address">{{ letterhead.address }}</div>
<div class="kop-address">{{ letterhead.contacts }}</div>
</td>
<td width="1cm"></td>
</tr></table>
<div class="rule-thick"></div>
<div class="rule-thin"></div>
{{ body }}
</body>
</html>
"""
)
