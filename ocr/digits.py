"""Read OCR-A style digit strings (the NIK on a KTP, No. KK) by template matching.

Tesseract's language models misread the OCR-A shapes (4 vs 1, 0 vs D), while
the font is monospaced and has only ten shapes to tell apart: cutting the run
into equal cells and comparing each with rendered templates is more reliable.
"""

from __future__ import annotations

import functools
import logging
import random
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
# Ink at a run's end farther from its neighbour than this many pitches is cut off.
PITCH_SLACK = 1.35


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
    # The digits' height is what most of the tallest ink shares: the dark
    # edge of the photo cut into the band stands taller than any digit.
    tall = np.sort(heights)[-min(len(heights), expected // 2)]
    keep = [i + 1 for i, h in enumerate(heights) if 0.6 * tall <= h <= 1.5 * tall]
    keep = _trim_run(stats, _longest_run(stats, keep, tall), expected)
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


def _trim_run(stats: np.ndarray, run: list[int], expected: int) -> list[int]:
    """Drop ink at either end of a run that is off the digits' pitch.

    A photo's edge close after the last digit joins the run; monospaced
    digits stand at one pitch, and what stands much farther is no digit.
    Only a run longer than ``expected`` is trimmed.
    """
    centres = [stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] / 2
               for i in run]
    while len(run) > expected:
        pitch = float(np.median(np.diff(centres)))
        if centres[-1] - centres[-2] > PITCH_SLACK * pitch:
            run, centres = run[:-1], centres[:-1]
        elif centres[1] - centres[0] > PITCH_SLACK * pitch:
            run, centres = run[1:], centres[1:]
        else:
            break
    return run


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
    path: Path  # the face's font file
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
    return _SansGlyphs(path, tuple(glyphs), advance, float(np.median(bearings)))


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
    fitted = _fit_sans_run(crop, layout)
    return None if fitted is None else fitted.scores


@dataclass(frozen=True)
class SmallDigitScores:
    """A small run's digit scores, blended and by the templates alone."""

    blended: np.ndarray  # (digits, 10): templates and learned examples
    templates: np.ndarray  # (digits, 10): a second opinion, made differently


def score_small_sans_digits(crop: np.ndarray, layout: str, min_fit: float = 0.0
                            ) -> SmallDigitScores | None:
    """Score a run of small, blurred sans digits by template and by example.

    At five or six pixels a digit's template correlates almost as well with
    its neighbours in shape (0 and 8, 5 and 6); digits rendered small,
    blurred and JPEG-compressed (see ``_learned_digits``) show what each one
    becomes, and their votes are averaged with the templates' scores.

    Args:
        crop: Grey image of one cell holding only the run (dark on light).
        layout: The run's shape, as for ``score_sans_digits``.
        min_fit: None is returned unless every digit's best template
            correlation reaches this: the run is not in the table's font.

    Returns:
        Arrays (digits in ``layout``, 10) of scores in 0..1, or None.
    """
    fitted = _fit_sans_run(crop, layout)
    if fitted is None or fitted.scores.max(axis=1).min() < min_fit:
        return None
    blended = ((1 - LEARNED_SHARE) * fitted.scores
               + LEARNED_SHARE * _learned_votes(fitted.windows(layout)))
    return SmallDigitScores(blended, fitted.scores)


@dataclass(frozen=True)
class _FittedRun:
    """The face, scale and shift under which a run's digits fit best."""

    scores: np.ndarray  # (digits, 10) template correlations
    sight: "_SansSight"
    glyphs: _SansGlyphs
    shift: int

    def windows(self, layout: str) -> np.ndarray:
        """Each digit's enlarged ink, resized to ``LEARNED_WINDOW`` and normalised."""
        step = self.glyphs.digits[0].shape[1]
        windows = []
        for x in _digit_places(layout, self.glyphs, self.sight.x0 + self.shift):
            left = max(x - WINDOW_MARGIN, 0)
            window = self.sight.band[:, left:left + step + 2 * WINDOW_MARGIN]
            windows.append(_unit(cv2.resize(window, LEARNED_WINDOW,
                                            interpolation=cv2.INTER_AREA)))
        return np.array(windows, np.float32)


def _digit_places(layout: str, glyphs: _SansGlyphs, x: float) -> list[int]:
    """Where each digit of ``layout`` starts, the run starting at ``x``."""
    places = []
    for char in layout:
        if char == "D":
            places.append(int(round(x)))
        x += glyphs.advance.get(char, glyphs.advance["0"])
    return places


def _unit(window: np.ndarray) -> np.ndarray:
    """A window as a zero-mean vector of length one (contrast does not count)."""
    vector = window.astype(np.float32).ravel()
    vector -= vector.mean()
    norm = np.linalg.norm(vector)
    return vector / norm if norm > 0 else vector


def _sans_ink(crop: np.ndarray) -> np.ndarray:
    """Ink darkness of a grey crop, sharpened against a chat photo's blur."""
    # Unsharp masking undoes some of a chat photo's blur and JPEG smear; the
    # templates are blurred to meet it half-way.
    soft = cv2.GaussianBlur(crop.astype(np.float32), (0, 0), SANS_SHARPEN)
    crop = np.clip(2 * crop.astype(np.float32) - soft, 0, 255)
    paper = float(np.percentile(crop, 90))
    return np.clip(paper - crop, 0, None).astype(np.float32)


def _ink_extent(ink: np.ndarray) -> tuple[int, int, int] | None:
    """Left and right ink column and top ink row, None without a run."""
    if ink.max() <= 0:
        return None
    mask = ink > 0.4 * ink.max()
    cols = np.flatnonzero(mask.any(axis=0))
    rows = np.flatnonzero(mask.any(axis=1))
    if cols.size < 4:
        return None
    return int(cols[0]), int(cols[-1]) + 1, int(rows[0])


def _fit_sans_run(crop: np.ndarray, layout: str,
                  faces: tuple[_SansGlyphs, ...] | None = None,
                  scales: tuple[float, ...] = SANS_SCALES) -> _FittedRun | None:
    """Match the run under every face, scale and shift; keep the best fit."""
    ink = _sans_ink(crop)
    extent = _ink_extent(ink)
    if extent is None:
        return None
    best: _FittedRun | None = None
    best_fit = -1.0
    for rank, glyphs in enumerate(faces or _sans_faces()):
        for scale in scales:
            sight = _SansSight.of(ink, layout, extent, glyphs, scale)
            for shift in SANS_SHIFTS:
                scores = sight.scores(layout, glyphs, shift)
                # The national form's face is kept unless another clearly fits.
                fit = float(scores.max(axis=1).mean()) - (FACE_MARGIN if rank else 0)
                if fit > best_fit:
                    best, best_fit = _FittedRun(scores, sight, glyphs, shift), fit
    return best


# Digits learned from examples: random runs in each face, drawn a few pixels
# tall, blurred, speckled and JPEG-compressed like a chat photo's table, then
# cut out exactly as a page's run is. Fixed seed: every process learns alike.
LEARNED_RUNS = 800  # runs of 16 digits, spread over the faces
LEARNED_SEED = 20240
LEARNED_HEIGHT = (5.0, 8.0)  # digit height on the photo, pixels
LEARNED_PAGE_HEIGHT = (9.0, 13.0)  # digit height after the page is enlarged
LEARNED_BLUR = (0.4, 0.9)  # sigma, photo pixels
LEARNED_NOISE = 4.0  # largest grain, grey levels
LEARNED_QUALITY = (35, 80)  # JPEG quality
LEARNED_STRETCH = 0.05  # width may differ from the font's by this share
LEARNED_PAPER = 235  # grey of the paper
LEARNED_INK = (20, 80)  # grey of the ink
DIGIT_EM = 0.72  # a sans digit's height, in em
LEARNED_OVERSAMPLE = 8  # drawn this much larger, then shrunk: sub-pixel places
LEARNED_WINDOW = (16, 24)  # width, height of a compared digit window
LEARNED_NEIGHBOURS = 5
LEARNED_SHARE = 0.3  # weight of the examples' votes against the templates
WINDOW_MARGIN = 2  # enlarged pixels either side of a digit's advance


@dataclass(frozen=True)
class _LearnedDigits:
    windows: np.ndarray  # (examples, pixels) unit vectors
    labels: np.ndarray  # (examples,) digit of each


def _learned_votes(windows: np.ndarray) -> np.ndarray:
    """Per window and digit: summed likeness of its nearest examples, 0..1."""
    learned = _learned_digits()
    # OpenCV's product, not numpy's: OpenBLAS threads keep spinning after
    # it and starve tesseract on a small machine (a KK read 15% slower).
    likeness = cv2.gemm(windows, learned.windows, 1, None, 0, flags=cv2.GEMM_2_T)
    nearest = np.argpartition(-likeness, LEARNED_NEIGHBOURS, axis=1)[
        :, :LEARNED_NEIGHBOURS]
    votes = np.zeros((len(windows), 10), np.float32)
    for row, examples in enumerate(nearest):
        np.add.at(votes[row], learned.labels[examples],
                  likeness[row, examples] / LEARNED_NEIGHBOURS)
    return votes


@functools.cache
def _learned_digits() -> _LearnedDigits:
    """Render, degrade and cut the example runs (about three seconds, once)."""
    rng = random.Random(LEARNED_SEED)
    faces = _sans_faces()
    windows, labels = [], []
    for run in range(LEARNED_RUNS):
        glyphs = faces[run % len(faces)]
        text = "".join(rng.choice("0123456789") for _ in range(16))
        crop = _degraded_run(rng, text, glyphs.path)
        # The true face at its true scale: the example shows the digit, not
        # the luck of the search.
        fitted = _fit_sans_run(crop, "D" * 16, (glyphs,), (1.0,))
        if fitted is None:
            continue
        windows.append(fitted.windows("D" * 16))
        labels.extend(int(c) for c in text)
    return _LearnedDigits(np.vstack(windows), np.array(labels, np.int64))


def _degraded_run(rng: random.Random, text: str, face_path: Path) -> np.ndarray:
    """A digit run as a chat photo's table shows it, on an enlarged page."""
    height = rng.uniform(*LEARNED_HEIGHT)
    over = LEARNED_OVERSAMPLE
    font = ImageFont.truetype(str(face_path), int(round(height * over / DIGIT_EM)))
    width = int(font.getlength(text)) + 12 * over
    canvas = Image.new("L", (width, int(height * over * 3)), LEARNED_PAPER)
    ImageDraw.Draw(canvas).text(
        (6 * over + rng.randrange(over), int(height * over) + rng.randrange(over)),
        text, font=font, fill=rng.randint(*LEARNED_INK))
    big = np.asarray(canvas)
    stretch = rng.uniform(1 - LEARNED_STRETCH, 1 + LEARNED_STRETCH)
    small = cv2.resize(big, (int(big.shape[1] * stretch / over), big.shape[0] // over),
                       interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small.astype(np.float32), (0, 0),
                             rng.uniform(*LEARNED_BLUR))
    grain = np.random.default_rng(rng.randrange(1 << 30)).normal(
        0, rng.uniform(0, LEARNED_NOISE), small.shape)
    small = np.clip(small + grain, 0, 255).astype(np.uint8)
    _, jpeg = cv2.imencode(".jpg", small,
                           [cv2.IMWRITE_JPEG_QUALITY, rng.randint(*LEARNED_QUALITY)])
    small = cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)
    factor = rng.uniform(*LEARNED_PAGE_HEIGHT) / height
    return cv2.resize(small, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


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
        scores = []
        for x in _digit_places(layout, glyphs, self.x0 + shift):
            left = max(x - SLACK_X, 0)
            window = self.band[:, left:left + step + 2 * SLACK_X]
            if window.max(initial=0) < BLANK_INK * self.peak:
                # Normalised correlation makes any faint speck look like a
                # digit; a worn or covered position shows none of them.
                scores.append(np.zeros(10, np.float32))
            else:
                places = slice(left, left + 2 * SLACK_X + 1)
                scores.append(self.maps[:, :, places].max(axis=(1, 2)))
        return np.array(scores, np.float32)
