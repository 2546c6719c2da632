"""Find a ruled table on a page and read its cells at a useful size.

A KK's member table is drawn with a full grid. The ruling gives the rows and
columns without any knowledge of the layout, and reading each cell on its
own, enlarged and without the lines, is far more reliable than asking
tesseract to untangle the whole table at the page's scale.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

from ocr import engine

log = logging.getLogger(__name__)

ROW_HEIGHT = 96  # pixels a table row is scaled to before reading its cells
SMALL_ROW = 42  # rows lower than this, in page pixels, are sharpened
GAP = 28  # white pixels between stacked cells


@dataclass(frozen=True)
class Grid:
    """Row and column rulings of a table on its straightened page."""

    image: np.ndarray  # the page turned so that the rulings are level
    rows: tuple[int, ...]
    cols: tuple[int, ...]

    def cell(self, row: int, col: int) -> tuple[int, int, int, int]:
        """Return ``(top, bottom, left, right)`` of a cell."""
        return self.rows[row], self.rows[row + 1], self.cols[col], self.cols[col + 1]

    @property
    def row_height(self) -> float:
        """Median height of a row."""
        return float(np.median(np.diff(self.rows)))


def _positions(profile: np.ndarray, threshold: float) -> list[int]:
    """Centres of the runs of ``profile`` above ``threshold``."""
    above = np.flatnonzero(profile > threshold)
    if above.size == 0:
        return []
    runs = np.split(above, np.flatnonzero(np.diff(above) > 2) + 1)
    return [int(run.mean()) for run in runs]


def find_grid(gray: np.ndarray) -> Grid | None:
    """Find the biggest ruled table on an upright page.

    Args:
        gray: The page, grey, upright and straightened.

    Returns:
        The rulings, or None when no table with at least two rows and three
        columns is found.
    """
    across, down = _rulings(gray)
    angle = _level_angle(across)
    if abs(angle) > 0.05:
        # The page-wide deskew works in half-degree steps; a table's rulings
        # are long enough to show what is left.
        m = cv2.getRotationMatrix2D((gray.shape[1] / 2, gray.shape[0] / 2), angle, 1)
        gray = cv2.warpAffine(gray, m, (gray.shape[1], gray.shape[0]),
                              flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
        across, down = _rulings(gray)

    lines = cv2.dilate(across | down, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None

    x, y, w, h = cv2.boundingRect(max(contours, key=cv2.contourArea))
    upright = _upright_columns(gray, (x, y, w, h))
    if upright is not None:
        gray = upright
        across, down = _rulings(gray)
    rows = _positions((across[y:y + h, x:x + w] > 0).sum(axis=1), 0.35 * w)
    # Rulings across are levelled; those down may still lean a little after
    # a rough perspective fix, so they are widened before being counted.
    lean = cv2.dilate(down, np.ones((1, max(3, w // 150)), np.uint8))
    cols = _positions((lean[y:y + h, x:x + w] > 0).sum(axis=0), 0.35 * h)
    if len(rows) < 3 or len(cols) < 4:
        return None
    rows = _fill_missing(rows)
    cols = _merge_close(cols, 0.5 * float(np.median(np.diff(rows))))
    log.debug("table of %d rows and %d columns, turned %.2f degrees",
              len(rows) - 1, len(cols) - 1, angle)
    return Grid(gray, tuple(y + r for r in rows), tuple(x + c for c in cols))


def _upright_columns(gray: np.ndarray, box: tuple[int, int, int, int]
                     ) -> np.ndarray | None:
    """Make a table's leaning column rulings upright; None when they stand already.

    A phone held at an angle draws the table as a trapezoid: levelling the
    rows leaves the columns leaning, each a little differently. The two
    outer column rulings give the corners of a perspective fix.
    """
    x, y, w, h = box
    ink = cv2.adaptiveThreshold(gray[y:y + h, x:x + w], 255,
                                cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                31, 8)
    segments = cv2.HoughLinesP(ink, 1, np.pi / 360, threshold=max(h // 3, 20),
                               minLineLength=h // 2, maxLineGap=max(h // 20, 4))
    if segments is None:
        return None
    fits = []
    for x0, y0, x1, y1 in segments.reshape(-1, 4).astype(float):
        if abs(y1 - y0) < h // 2 or abs(x1 - x0) > 0.15 * abs(y1 - y0):
            continue
        lean = (x1 - x0) / (y1 - y0)
        fits.append((x0 + lean * (h / 2 - y0), lean))
    if len(fits) < 2:
        return None
    fits.sort()
    (mid_left, lean_left), (mid_right, lean_right) = fits[0], fits[-1]
    if max(abs(lean_left), abs(lean_right)) * h < 3 or mid_right - mid_left < w / 2:
        return None  # less than 3 pixels off upright over the table's height

    half = h / 2
    src = np.float32([
        (x + mid_left - lean_left * half, y), (x + mid_right - lean_right * half, y),
        (x + mid_right + lean_right * half, y + h),
        (x + mid_left + lean_left * half, y + h),
    ])
    dst = np.float32([(x + mid_left, y), (x + mid_right, y), (x + mid_right, y + h),
                      (x + mid_left, y + h)])
    log.debug("column rulings lean %.3f and %.3f; made upright", lean_left,
              lean_right)
    matrix = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(gray, matrix, (gray.shape[1], gray.shape[0]),
                               flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def _merge_close(positions: list[int], gap: float) -> list[int]:
    """Join rulings found closer than ``gap``: one blurred line seen as several."""
    merged = [[positions[0]]] if positions else []
    for position in positions[1:]:
        if position - merged[-1][-1] < gap:
            merged[-1].append(position)
        else:
            merged.append([position])
    return [int(round(np.mean(group))) for group in merged]


def _rulings(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the long horizontal and vertical strokes."""
    height, width = gray.shape
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                cv2.THRESH_BINARY_INV, 31, 12)
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(width // 30, 15)),
                                                           np.uint8))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(height // 40, 15), 1),
                                                         np.uint8))
    return across, down


def _level_angle(across: np.ndarray) -> float:
    """Median slope, in degrees, of the long horizontal rulings."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(across)
    angles = []
    for i in range(1, count):
        if stats[i, cv2.CC_STAT_WIDTH] < across.shape[1] // 4:
            continue
        ys, xs = np.nonzero(labels == i)
        slope = np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0]
        angles.append(float(np.degrees(np.arctan(slope))))
    return float(np.median(angles)) if angles else 0.0


def _fill_missing(rows: list[int]) -> list[int]:
    """Split rows twice or more the usual height: a ruling broke up in copying."""
    usual = float(np.median(np.diff(rows)))
    filled = [rows[0]]
    for top, bottom in zip(rows, rows[1:]):
        parts = max(1, round((bottom - top) / usual))
        filled += [round(top + (bottom - top) * k / parts) for k in range(1, parts + 1)]
    return filled


def cell_image(grid: Grid, row: int, col: int) -> np.ndarray:
    """Cut a cell out without its rulings, scaled to :data:`ROW_HEIGHT`."""
    gray = grid.image
    top, bottom, left, right = grid.cell(row, col)
    inset = max(3, int(0.1 * grid.row_height))
    crop = gray[top + inset:bottom - inset, left + inset // 2 + 2:right - inset // 2]
    if crop.size == 0:
        return np.full((ROW_HEIGHT // 2, ROW_HEIGHT), 255, np.uint8)
    scale = ROW_HEIGHT / grid.row_height
    cell = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    if grid.row_height < SMALL_ROW:
        # A small, blurred row (a chat photo): unsharp masking restores the
        # strokes tesseract needs.
        cell = _sharpen(cell, 1.5 * scale)
    return _clear_edges(cell)


def _sharpen(cell: np.ndarray, sigma: float) -> np.ndarray:
    """Unsharp mask: subtract a blurred copy to steepen the strokes' edges."""
    soft = cv2.GaussianBlur(cell.astype(np.float32), (0, 0), sigma)
    return np.clip(2.5 * cell.astype(np.float32) - 1.5 * soft, 0, 255).astype(np.uint8)


def _clear_edges(cell: np.ndarray) -> np.ndarray:
    """Whiten marks touching the cell's border: what is left of a ruling.

    Printed text keeps a margin inside its cell; only thin strokes along
    the border are taken, so a letter blurred into a ruling stays.
    """
    _, dark = cv2.threshold(cell, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark)
    height, width = cell.shape
    cell = cell.copy()
    for i in range(1, count):
        x, y, w, h = stats[i, :4]
        touches = x == 0 or y == 0 or x + w >= width or y + h >= height
        thin = min(w, h) <= 0.12 * height
        if touches and thin:
            cell[cv2.dilate((labels == i).astype(np.uint8), np.ones((3, 3))) > 0] = 255
    return cell


def has_ink(cell: np.ndarray) -> bool:
    """True when a cell holds something darker than paper."""
    return bool((cell < 0.6 * float(np.median(cell))).sum() > 0.004 * cell.size)


def read_cells(cells: list[np.ndarray], *, extra: str = "",
               lang: str = engine.LANG) -> list[str]:
    """Read many single-line cells with one tesseract call.

    The cells are stacked one under the other on white paper; each word is
    given back to the cell its centre falls in.

    Args:
        cells: Grey cell images of about the same text height.
        extra: Tesseract ``-c`` options, e.g. a character whitelist.
        lang: Tesseract's model (see :func:`engine.read_words`).

    Returns:
        The text of each cell, in order ("" for an unread cell).

    Raises:
        OcrTimeoutError: Tesseract did not finish in time.
        EngineError: Tesseract is missing or failed.
    """
    if not cells:
        return []
    width = max(c.shape[1] for c in cells) + 2 * GAP
    height = sum(c.shape[0] for c in cells) + GAP * (len(cells) + 1)
    sheet = np.full((height, width), 255, np.uint8)
    spans = []
    y = GAP
    for cell in cells:
        sheet[y:y + cell.shape[0], GAP:GAP + cell.shape[1]] = cell
        spans.append((y - GAP // 2, y + cell.shape[0] + GAP // 2))
        y += cell.shape[0] + GAP

    words = engine.read_words(sheet, psm=6, extra=extra, lang=lang)
    texts: list[list[engine.Word]] = [[] for _ in cells]
    for word in words:
        center = word.top + word.height / 2
        for i, (top, bottom) in enumerate(spans):
            if top <= center < bottom:
                texts[i].append(word)
                break
    return [" ".join(w.text for w in sorted(ws, key=lambda w: w.left))
            for ws in texts]
