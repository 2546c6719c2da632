"""Read OCR-A style digit strings (the NIK on a KTP, No. KK) by template matching.

Tesseract's language models misread the OCR-A shapes (4 vs 1, 0 vs D), while
the font is monospaced and has only ten shapes to tell apart: cutting the run
into equal cells and comparing each with rendered templates is more reliable.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image
from PIL import ImageDraw
from PIL import ImageFont

log = logging.getLogger(__name__)

FONT_FILES = (
    Path("/usr/share/fonts/truetype/ocr-a/OCRA.ttf"),
    Path("/usr/share/fonts/truetype/ocr-a/OCRABold.ttf"),
)
CELL = (28, 40)  # width, height of the normalised digit cell
MIN_SCORE = 0.45


@dataclass(frozen=True)
class DigitRun:
    """Digits read from a band, with per-digit scores."""

    text: str
    scores: tuple[float, ...]
    alternatives: tuple[str, ...]  # second-best digit per position

    @property
    def confidence(self) -> float:
        """The weakest digit's score, 0..1."""
        return min(self.scores) if self.scores else 0.0


@dataclass(frozen=True)
class _Template:
    cells: np.ndarray  # (n_templates, 10, H, W) float32
    glyph_ratio: float  # glyph ink width / advance


def _render_digit_cells(font_path: Path, size: int = 80) -> tuple[list[np.ndarray], float]:
    font = ImageFont.truetype(str(font_path), size)
    advance = font.getlength("0")
    canvas = Image.new("L", (int(advance * 12), size * 2), 255)
    draw = ImageDraw.Draw(canvas)
    draw.text((advance, size // 2), "0123456789", font=font, fill=0)
    ink = np.asarray(canvas) < 128
    ys = np.where(ink.any(axis=1))[0]
    xs = np.where(ink.any(axis=0))[0]
    top, bottom = ys[0], ys[-1] + 1
    left = xs[0]
    run_width = xs[-1] + 1 - left
    glyph_ratio = (run_width - 9 * advance) / advance

    cells = []
    for i in range(10):
        x0 = int(round(left + i * advance - advance * (1 - glyph_ratio) / 2))
        cell = ink[top:bottom, x0:int(round(x0 + advance))].astype(np.uint8) * 255
        cells.append(_normalise(cell))
    return cells, float(glyph_ratio)


@functools.cache
def _templates() -> _Template:
    sets, ratios = [], []
    for path in FONT_FILES:
        if path.exists():
            cells, ratio = _render_digit_cells(path)
            sets.append(np.stack(cells))
            ratios.append(ratio)
    if not sets:
        raise FileNotFoundError("OCR-A font not found (Debian package fonts-ocr-a)")
    return _Template(np.stack(sets), float(np.mean(ratios)))


def _normalise(ink_cell: np.ndarray) -> np.ndarray:
    cell = cv2.resize(ink_cell.astype(np.float32), CELL, interpolation=cv2.INTER_AREA)
    cell -= cell.mean()
    norm = np.linalg.norm(cell)
    return cell / norm if norm > 0 else cell


def _score_cell(cell_ink: np.ndarray) -> np.ndarray:
    """Best correlation with each digit, allowing a small shift."""
    tpl = _templates().cells
    padded = cv2.copyMakeBorder(
        cv2.resize(cell_ink.astype(np.float32), CELL, interpolation=cv2.INTER_AREA),
        3, 3, 3, 3, cv2.BORDER_CONSTANT, value=0,
    )
    scores = np.full(10, -1.0, np.float32)
    for variant in tpl:
        for digit in range(10):
            result = cv2.matchTemplate(padded, variant[digit], cv2.TM_CCOEFF_NORMED)
            scores[digit] = max(scores[digit], float(result.max()))
    return scores


def read_digit_run(band: np.ndarray, expected: int = 16) -> DigitRun | None:
    """Read a run of ``expected`` monospaced OCR-A digits from a grey band.

    Args:
        band: Grey image of one text line holding the digits (and maybe a
            label or colon to their left, removed here by size).
        expected: Number of digits.

    Returns:
        The digits, or None when no run of digit-sized ink is found.
    """
    _, ink = cv2.threshold(band, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return None

    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    tall = heights.max()
    keep = [i + 1 for i, h in enumerate(heights) if h >= 0.6 * tall]
    keep = _longest_run(stats, keep, tall)
    if len(keep) < expected // 2:
        return None

    x0 = min(stats[i, cv2.CC_STAT_LEFT] for i in keep)
    x1 = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in keep)
    y0 = min(stats[i, cv2.CC_STAT_TOP] for i in keep)
    y1 = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in keep)
    advance = (x1 - x0) / (expected - 1 + _templates().glyph_ratio)
    pad = advance * (1 - _templates().glyph_ratio) / 2

    text, scores, alternatives = [], [], []
    for i in range(expected):
        cx0 = int(round(x0 + i * advance - pad))
        cx1 = int(round(cx0 + advance))
        cell = ink[y0:y1, max(cx0, 0):min(cx1, ink.shape[1])]
        if cell.size == 0:
            return None
        cell_scores = _score_cell(cell)
        ranked = np.argsort(cell_scores)[::-1]
        text.append(str(ranked[0]))
        alternatives.append(str(ranked[1]))
        scores.append(float(max(cell_scores[ranked[0]], 0.0)))
    return DigitRun("".join(text), tuple(scores), tuple(alternatives))


def _longest_run(stats: np.ndarray, keep: list[int], tall: int) -> list[int]:
    """Keep the widest group of components spaced like one word of digits."""
    keep = sorted(keep, key=lambda i: stats[i, cv2.CC_STAT_LEFT])
    groups: list[list[int]] = []
    for i in keep:
        left = stats[i, cv2.CC_STAT_LEFT]
        if groups:
            prev = groups[-1][-1]
            gap = left - (stats[prev, cv2.CC_STAT_LEFT] + stats[prev, cv2.CC_STAT_WIDTH])
            if gap < 0.9 * tall:
                groups[-1].append(i)
                continue
        groups.append([i])
    return max(groups, key=lambda g: sum(stats[i, cv2.CC_STAT_WIDTH] for i in g))


# Printed table text (the KK member table) uses a plain sans-serif whose digits
# all have the same advance, so a run can be cut by position like OCR-A.
# Village printers differ: Arial (Liberation Sans) and its narrow cut, and the
# DejaVu faces of many Linux office machines. Each cell is scored with the
# face that fits it best.
SANS_FONTS = (
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf"),
)
SANS_FONT = SANS_FONTS[0]  # the face of the national KK form
# Mean correlation another face must gain over the national form's face.
FACE_MARGIN = 0.015
SANS_EM = 48  # pixels per em of the rendered templates and the enlarged crop
SANS_BLUR = 0.08  # template blur, in em: a chat photo's digits are a few pixels
SANS_SHARPEN = 1.5  # sigma, in page pixels, of the unsharp mask
SANS_SCALES = (0.96, 0.98, 1.0, 1.02, 1.04)
SANS_SHIFTS = (-4, -2, 0, 2, 4)
BLANK_INK = 0.3  # a digit's window darker than paper by less than this share is blank


@dataclass(frozen=True)
class _SansGlyphs:
    digits: tuple[np.ndarray, ...]  # blurred ink, one advance wide, digit height
    advance: dict[str, float]
    left_bearing: float


@functools.cache
def _sans_faces() -> tuple[_SansGlyphs, ...]:
    faces = tuple(_sans_glyphs(path) for path in SANS_FONTS if path.exists())
    if not faces:
        raise FileNotFoundError("Liberation Sans not found (fonts-liberation)")
    return faces


def _sans_glyphs(path: Path) -> _SansGlyphs:
    font = ImageFont.truetype(str(path), SANS_EM)
    advance = {ch: font.getlength(ch) for ch in "0123456789-/."}
    pad = SANS_EM // 2
    canvas = Image.new("L", (int(advance["0"] * 11 + 2 * pad), SANS_EM * 2), 0)
    ImageDraw.Draw(canvas).text((pad, SANS_EM // 2), "0123456789", font=font,
                                fill=255)
    ink = np.asarray(canvas).astype(np.float32)
    rows = np.flatnonzero(ink.max(axis=1) > 0)
    width = int(advance["0"])
    glyphs, bearings = [], []
    for i in range(10):
        x = int(round(pad + i * advance["0"]))
        glyph = ink[rows[0]:rows[-1] + 1, x:x + width]
        bearings.append(np.flatnonzero(glyph.max(axis=0) > 0)[0])
        glyphs.append(cv2.GaussianBlur(glyph, (0, 0), SANS_BLUR * SANS_EM))
    return _SansGlyphs(tuple(glyphs), advance, float(np.median(bearings)))


def score_sans_digits(crop: np.ndarray, layout: str) -> np.ndarray | None:
    """Score each digit of a printed sans-serif run against the ten digits.

    Args:
        crop: Grey image of one cell holding only the run (dark on light).
        layout: The run's shape, ``D`` for a digit and the other characters
            as printed, e.g. ``"DD-DD-DDDD"``.

    Returns:
        An array (digits in ``layout``, 10) of correlations in 0..1, or None
        when the crop holds no ink.
    """
    # Unsharp masking undoes some of a chat photo's blur and JPEG smear; the
    # templates are blurred to meet it half-way.
    soft = cv2.GaussianBlur(crop.astype(np.float32), (0, 0), SANS_SHARPEN)
    crop = np.clip(2 * crop.astype(np.float32) - soft, 0, 255)
    paper = float(np.percentile(crop, 90))
    ink = np.clip(paper - crop.astype(np.float32), 0, None).astype(np.float32)
    if ink.max() <= 0:
        return None
    mask = ink > 0.4 * ink.max()
    cols = np.flatnonzero(mask.any(axis=0))
    rows = np.flatnonzero(mask.any(axis=1))
    if cols.size < 4:
        return None

    best: np.ndarray | None = None
    best_fit = -1.0
    extent = (int(cols[0]), int(cols[-1]) + 1, int(rows[0]))
    for rank, glyphs in enumerate(_sans_faces()):
        for scale in SANS_SCALES:
            sight = _SansSight.of(ink, layout, extent, glyphs, scale)
            for shift in SANS_SHIFTS:
                scores = sight.scores(layout, glyphs, shift)
                # The national form's face is kept unless another clearly fits.
                fit = float(scores.max(axis=1).mean()) - (FACE_MARGIN if rank else 0)
                if fit > best_fit:
                    best, best_fit = scores, fit
    return best


SLACK_X, SLACK_Y = 1, 4  # pixels a digit may sit off its expected place
PAD = 8


@dataclass(frozen=True)
class _SansSight:
    """A run enlarged to one face and scale, correlated with its ten digits.

    Each digit template is matched once against the whole enlarged run; a
    digit position then takes the best correlation near where it should be.
    Trying another shift costs an index, not another round of matching.
    """

    x0: float  # where the run's ink starts, enlarged and padded
    peak: float
    band: np.ndarray  # the rows of enlarged, padded ink that digits may take
    maps: np.ndarray  # (digit, row, column): correlation of a digit placed there

    @classmethod
    def of(cls, ink: np.ndarray, layout: str, extent: tuple[int, int, int],
           glyphs: _SansGlyphs, scale: float) -> "_SansSight":
        x0, x1, y0 = extent
        width = sum(glyphs.advance.get(c, glyphs.advance["0"]) for c in layout)
        factor = scale * (width - 2 * glyphs.left_bearing) / max(x1 - x0, 1)
        big = cv2.resize(ink, None, fx=factor, fy=factor,
                         interpolation=cv2.INTER_CUBIC)
        height, step = glyphs.digits[0].shape
        big = cv2.copyMakeBorder(big, PAD, height + PAD, PAD, step + PAD,
                                 cv2.BORDER_CONSTANT, value=0)
        # Digits are looked for only a few pixels above or below where the
        # run's ink starts; the band around those rows is all that is matched.
        top = int(round(y0 * factor)) + PAD - SLACK_Y
        band = big[top:top + height + 2 * SLACK_Y]
        maps = np.stack([cv2.matchTemplate(band, g, cv2.TM_CCORR_NORMED)
                         for g in glyphs.digits])
        return cls(x0 * factor - glyphs.left_bearing + PAD, float(big.max()), band,
                   maps)

    def scores(self, layout: str, glyphs: _SansGlyphs, shift: int) -> np.ndarray:
        """Scores of each digit of ``layout`` with the run moved ``shift`` pixels."""
        step = glyphs.digits[0].shape[1]
        x = self.x0 + shift
        scores = []
        for char in layout:
            if char != "D":
                x += glyphs.advance.get(char, glyphs.advance["0"])
                continue
            left = max(int(round(x)) - SLACK_X, 0)
            window = self.band[:, left:left + step + 2 * SLACK_X]
            if window.max(initial=0) < BLANK_INK * self.peak:
                # Normalised correlation makes any faint speck look like a
                # digit; a worn or covered position shows none of them.
                scores.append(np.zeros(10, np.float32))
            else:
                places = slice(left, left + 2 * SLACK_X + 1)
                scores.append(self.maps[:, :, places].max(axis=(1, 2)))
            x += glyphs.advance["0"]
        return np.array(scores, np.float32)
