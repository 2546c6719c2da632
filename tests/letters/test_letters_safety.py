"""Templates cannot reach internals, files or the network, and cannot crash."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from letters_pdf import image_count, pdf_text
from PIL import Image

import letters

BODY = "<p>Nomor: {{ letter.number }}</p>\n"


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP server that records whether anyone connected."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def _assert_no_connection(server: socket.socket) -> None:
    with pytest.raises(BlockingIOError):
        connection, _ = server.accept()
        connection.close()


@pytest.fixture
def outside_png(tmp_path: Path) -> Path:
    path = tmp_path / "rahasia.png"
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), (0, 0, 255)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ letter.__class__ }}",
        "{{ lipsum.__globals__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ 'a' * 1000000000 }}",
        "{{ 9 ** 9999999 }}",
    ],
)
def test_validate_template_refuses_sandbox_escape(source: str, render: Any) -> None:
    with pytest.raises(letters.TemplateError) as caught:
        letters.validate_template(source)
    assert caught.value.message.startswith("Templat")

    with pytest.raises(letters.RenderError):
        render(source)


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("<p>a</p>\n<p>b</p>\n{% if %}", "Templat tidak valid di baris 3"),
        ("{% for x in requirements %}", "Templat tidak valid di baris 1"),
        ("<p>a</p>\n{{ person.nama_lengkap }}", "Templat tidak valid di baris 2"),
        ("{{ tidak_ada }}", "nilai tidak dikenal"),
        ("\n\n{{ 1 / 0 }}", "Templat gagal diproses di baris 3"),
        ("{{ letter.date|tanggal_salah }}", "Templat tidak valid di baris 1"),
    ],
)
def test_broken_template_gives_indonesian_errors(
    source: str, fragment: str, render: Any
) -> None:
    with pytest.raises(letters.TemplateError) as caught:
        letters.validate_template(source)
    assert fragment in caught.value.message

    with pytest.raises(letters.RenderError) as rendered:
        render(source)
    assert fragment in rendered.value.message
    assert isinstance(rendered.value, letters.LetterError)


def test_template_error_is_a_letter_error() -> None:
    assert issubclass(letters.TemplateError, letters.LetterError)
    assert issubclass(letters.RenderError, letters.LetterError)


def test_person_name_with_html_is_printed_literally(
    render: Any, context: dict[str, Any]
) -> None:
    context["person"]["nama"] = "<b>HTML</b><img src=x>"
    source = letters.DEFAULT_TEMPLATES["rekomendasi_umum"].source

    rendered = render(source)

    assert "<b>HTML</b><img src=x>" in pdf_text(rendered.pdf)
    assert "&lt;b&gt;HTML&lt;/b&gt;&lt;img src=x&gt;" in rendered.html
    assert image_count(rendered.pdf) == 1


def test_template_may_load_bundled_static_asset(
    context: dict[str, Any], outside_png: Path
) -> None:
    # Also shows that the image counts in the tests below notice a loaded image.
    letterhead = letters.Letterhead(
        address="Jl. Contoh", contacts="-", logo_png=outside_png.read_bytes()
    )
    source = BODY + '<img src="emblem-placeholder.png" width="20">'

    rendered = letters.render_letter(source, context, letterhead=letterhead)

    assert image_count(rendered.pdf) == 2


@pytest.mark.parametrize(
    "src",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "../../../../../../etc/passwd",
        "file://{png}",
        "{png}",
        "../../../../../../../../../..{png}",
        "static/../../pyproject.toml",
        "data:image/png;base64,{png_b64}",
    ],
)
def test_template_cannot_load_files(render: Any, outside_png: Path, src: str) -> None:
    import base64

    png_b64 = base64.b64encode(outside_png.read_bytes()).decode()
    src = src.format(png=outside_png, png_b64=png_b64)
    source = BODY + f'<img src="{src}" width="30" height="30">'

    rendered = render(source)

    assert image_count(rendered.pdf) == 1
    assert "root:" not in pdf_text(rendered.pdf)


def test_template_cannot_reach_network(
    render: Any, listener: socket.socket
) -> None:
    url = "http://127.0.0.1:{}/x.png".format(listener.getsockname()[1])
    source = (
        f'<link rel="stylesheet" href="{url}">'
        f"<style>@import url({url}); p {{ background-image: url({url}); }}</style>"
        + BODY
        + f'<img src="{url}"><img src="http://127.0.0.1:9/x.png">'
    )

    letters.validate_template(source)
    rendered = render(source)

    assert "Nomor: 460/0153/DINSOS/XII/2026" in pdf_text(rendered.pdf)
    assert image_count(rendered.pdf) == 1
    _assert_no_connection(listener)


def test_font_face_outside_static_is_refused(render: Any) -> None:
    source = (
        "<style>@font-face { font-family: x; src: url(/etc/passwd); }"
        " p { font-family: x; }</style>" + BODY
    )

    rendered = render(source)

    assert "Nomor: 460/0153/DINSOS/XII/2026" in pdf_text(rendered.pdf)
