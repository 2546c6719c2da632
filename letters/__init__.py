"""Official letters (naskah dinas) of Dinas Sosial Kabupaten Kampar as PDF.

The web application edits letter templates, checks them with
:func:`validate_template`, numbers letters with :func:`format_number` and
renders them with :func:`render_letter`. Nothing here depends on Flask.
"""

from letters.defaults import DEFAULT_TEMPLATES
from letters.defaults import LetterTemplateDefault
from letters.errors import LetterError
from letters.errors import RenderError
from letters.errors import TemplateError
from letters.letterhead import Letterhead
from letters.numbering import format_number
from letters.numbering import validate_number_pattern
from letters.render import RenderedLetter
from letters.render import render_letter
from letters.sample import sample_context
from letters.sample import sample_letterhead
from letters.templating import validate_template

__all__ = [
    "DEFAULT_TEMPLATES",
    "LetterError",
    "LetterTemplateDefault",
    "Letterhead",
    "RenderError",
    "RenderedLetter",
    "TemplateError",
    "format_number",
    "render_letter",
    "sample_context",
    "sample_letterhead",
    "validate_number_pattern",
    "validate_template",
]
