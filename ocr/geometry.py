"""Find the document in a picture, straighten it and put it upright."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

WORK_SIZE = 1000  # longest side used for finding the document
MIN_AREA_FRACTION = 0.03  # a card photocopied on A4 covers about 7%
MIN_SIDE = 32  # pixels; smaller cut-outs are specks, not documents
FRAME = 8  # pixels of background shade put around the picture to close outlines
CARD_RATIO = 85.6 / 54.0
# Least area of an ink blob, as a share of the biggest, to count as part of
# the document rather than a speck or a smudge beside it.
BLOB_SHARE = 0.05
# Largest share of the picture a card found by its ink blobs may cover: a
# card is scanned or copied on a bigger sheet.
MAX_CARD_FRACTION = 0.7
# Longest side over shortest of any document read: a card is 1.59, an A4
# page 1.41, an F4 page 1.54. A longer box found by ink holds only part of one.
MAX_DOCUMENT_RATIO = 1.8
# A box found by ink within this share of a card's proportions is a card.
CARD_SHAPE_TOLERANCE = 0.06
# Grey levels (after flattening the light) under which a pixel is print:
# dark ink, and grey ink, which a page found by its ink must also hold.
DARK_INK = 110
GREY_INK = 160
# Share of the print a box found must hold: a card's dark print, and all of
# a page's grey print.
INK_SHARE = 0.85
PAGE_INK_SHARE = 0.97
# How much more ink must hang below the lines' x-height than stand above it
# for the text to be taken as upside down.
UPSIDE_DOWN_MARGIN = 1.3
# A reflection off a card's laminate: background at least this bright...
GLARE_LEVEL = 235
# ... and this much brighter than the card around it (the card's size over
# GLARE_SPREAD is how far "around" reaches) ...
GLARE_RISE = 16
GLARE_SPREAD = 4
# ... over at least this share of the card.
GLARE_MIN_SHARE = 0.01


@dataclass(frozen=True)
class Located:
    """A document cut out of the picture and warped to a rectangle."""

    image: np.ndarray
    method: str  # "edges", "ink", "ink blobs" or "whole"
    area_fraction: float


def to_gray(image: np.ndarray) -> np.ndarray:
    """Return a single-channel copy."""
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)


def flatten_light(gray: np.ndarray) -> np.ndarray:
    """Remove uneven light and pale background patterns, keep dark ink."""
    flat = cv2.divide(gray, _background(gray), scale=255)
    return cv2.normalize(flat, None, 0, 255, cv2.NORM_MINMAX)


def _background(gray: np.ndarray) -> np.ndarray:
    """The paper or card with the print closed over: light and tint only."""
    size = max(15, (min(gray.shape) // 20) | 1)
    return cv2.morphologyEx(
        gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size))
    )


def glare_mask(gray: np.ndarray) -> np.ndarray:
    """Where light reflected off a laminated card washes the print out.

    Apart from the light's slow falloff a card's background is even; a
    reflection is a patch near white and clearly brighter than the card
    around it. A card copied on white paper shows none, and none is found.

    Returns:
        A boolean mask the size of ``gray``.
    """
    background = _background(gray).astype(np.float32)
    around = cv2.GaussianBlur(background, (0, 0), min(gray.shape) / GLARE_SPREAD)
    mask = ((background >= GLARE_LEVEL) & (background - around >= GLARE_RISE))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8))
    height, width = mask.shape
    patches = []
    for i in range(1, count):
        x, y, w, h, area = stats[i]
        # White paper around a copied card reaches the picture's edge; a
        # reflection lies on the card.
        inside = x > 0 and y > 0 and x + w < width and y + h < height
        if inside and area >= GLARE_MIN_SHARE * mask.size:
            patches.append(i)
    return np.isin(labels, patches)


def _order_corners(pts: np.ndarray) -> np.ndarray:
    pts = pts.reshape(4, 2).astype(np.float32)
    s = pts.sum(axis=1)
    d = np.diff(pts, axis=1).ravel()
    return np.float32(
        [pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]]
    )


def _warp(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    tl, tr, br, bl = quad
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    dst = np.float32([(0, 0), (width, 0), (width, height), (0, height)])
    m = cv2.getPerspectiveTransform(quad, dst)
    return cv2.warpPerspective(
        image, m, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def _quad_by_edges(small: np.ndarray) -> np.ndarray | None:
    gray = _framed(cv2.GaussianBlur(to_gray(small), (5, 5), 0))
    edges = cv2.Canny(gray, 30, 90)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    total = small.shape[0] * small.shape[1]

    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        area = cv2.contourArea(contour)
        if area < 0.08 * total or area > 0.97 * total:
            continue
        hull = cv2.convexHull(contour)
        approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            return _clipped(_order_corners(approx) - FRAME, small.shape)
    return None


def _clipped(quad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The quad's corners moved inside a picture of ``shape``."""
    quad = quad.copy()
    quad[:, 0] = quad[:, 0].clip(0, shape[1] - 1)
    quad[:, 1] = quad[:, 1].clip(0, shape[0] - 1)
    return quad


def _framed(gray: np.ndarray) -> np.ndarray:
    """Surround the picture with a frame of its own background's shade.

    A card laid at the scanner's edge, or a page photographed too close,
    runs off the picture and its outline is open there; against the frame
    the cut side becomes an edge too, and the outline closes.
    """
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    shade = int(np.median(border))
    return cv2.copyMakeBorder(gray, FRAME, FRAME, FRAME, FRAME,
                              cv2.BORDER_CONSTANT, value=shade)


def _ink_blobs(small: np.ndarray, *, faint: bool = False) -> list[np.ndarray]:
    """Outlines of the ink, closed into blobs of about a paragraph.

    Specks are opened away first, unless the print is ``faint``: a worn
    card or one copied through its plastic sleeve has strokes a pixel
    thin at this scale, which the opening would take with the specks.
    """
    flat = flatten_light(to_gray(small))
    _, ink = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    if not faint:
        ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    k = max(9, min(small.shape[:2]) // 25)
    blob = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return list(contours)


def _quad_by_ink(small: np.ndarray, *, faint: bool = False) -> np.ndarray | None:
    contours = _ink_blobs(small, faint=faint)
    if not contours:
        return None

    biggest = max(contours, key=cv2.contourArea)
    (cx, cy), (w, h), angle = cv2.minAreaRect(biggest)
    margin = 0.06 * max(w, h)
    box = cv2.boxPoints(((cx, cy), (w + margin, h + margin), angle))
    return _order_corners(_clipped(box, small.shape))


def _quad_by_ink_blobs(small: np.ndarray) -> np.ndarray | None:
    """Box the union of the big ink blobs, turned as the biggest one is.

    The text block and the photo of a card are apart at this scale, so the
    biggest blob alone can leave the photo out; a union of blobs has no
    reliable direction of its own, hence the biggest one's.
    """
    contours = _ink_blobs(small)
    if not contours:
        return None

    biggest = max(contours, key=cv2.contourArea)
    floor = BLOB_SHARE * cv2.contourArea(biggest)
    points = np.concatenate([c for c in contours if cv2.contourArea(c) >= floor])
    angle = cv2.minAreaRect(biggest)[2]
    turn = cv2.getRotationMatrix2D((0, 0), angle, 1)
    upright = cv2.transform(points.astype(np.float32), turn).reshape(-1, 2)
    (x0, y0), (x1, y1) = upright.min(axis=0), upright.max(axis=0)
    margin = 0.03 * max(x1 - x0, y1 - y0)
    corners = np.float32([(x0 - margin, y0 - margin), (x1 + margin, y0 - margin),
                          (x1 + margin, y1 + margin), (x0 - margin, y1 + margin)])
    # Only a card is sought this way: a page's blobs leave out its small
    # print (a date under a signature), and the whole page reads better.
    width, height = x1 - x0 + 2 * margin, y1 - y0 + 2 * margin
    ratio = max(width, height) / max(min(width, height), 1)
    area = width * height / (small.shape[0] * small.shape[1])
    if abs(ratio / CARD_RATIO - 1) > 0.1 or area > MAX_CARD_FRACTION:
        return None

    back = cv2.getRotationMatrix2D((0, 0), -angle, 1)
    # The box may reach past the picture (a card laid at the scanner's
    # edge): the warp repeats the border there, while clipping the corners
    # would bend the rectangle into a trapezoid.
    return _order_corners(cv2.transform(corners.reshape(-1, 1, 2), back))


def _card_shaped(quad: np.ndarray) -> bool:
    return abs(_ratio(quad) / CARD_RATIO - 1) <= CARD_SHAPE_TOLERANCE


def _ink_mask(small: np.ndarray, level: int = DARK_INK) -> np.ndarray:
    flat = flatten_light(to_gray(small))
    ink = (flat < level).astype(np.uint8)
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))


def _holds_ink(quad: np.ndarray, ink: np.ndarray, share: float = INK_SHARE) -> bool:
    """True when the quad holds nearly all the dark print of the picture.

    A table grid or a photo box is also a clean quadrilateral; the document
    itself is the one that has the text inside.
    """
    total = int(ink.sum())
    if total == 0:
        return True
    mask = np.zeros_like(ink)
    cv2.fillConvexPoly(mask, quad.astype(np.int32), 1)
    return int((ink & mask).sum()) >= share * total


def locate_document(image: np.ndarray) -> Located:
    """Cut the document out of a scan or photo and undo perspective.

    Tries the document's outline first (card or page on a contrasting
    table), then the bounding box of the ink (a card on a white photocopy).

    Args:
        image: The RGB picture.

    Returns:
        The straightened document; the whole picture if nothing better was
        found.
    """
    scale = min(WORK_SIZE / max(image.shape[:2]), 1.0)
    size = (max(round(image.shape[1] * scale), 1), max(round(image.shape[0] * scale), 1))
    small = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    factor = image.shape[1] / small.shape[1]
    total = small.shape[0] * small.shape[1]

    ink = _ink_mask(small)
    finders = (("edges", _quad_by_edges), ("ink", _quad_by_ink),
               ("ink blobs", _quad_by_ink_blobs),
               ("faint ink", functools.partial(_quad_by_ink, faint=True)))
    for method, finder in finders:
        quad = finder(small)
        if quad is None or not _holds_ink(quad, ink):
            continue
        if method != "edges" and _ratio(quad) > MAX_DOCUMENT_RATIO:
            # Part of a card or page (its header block) whose faint print
            # was not taken for ink.
            continue
        if method != "edges" and not _card_shaped(quad) and not _holds_ink(
                quad, _ink_mask(small, level=GREY_INK), share=PAGE_INK_SHARE):
            # A page printed in grey with a black title: the dark ink is
            # the title alone, and the box around it is not the page. A page
            # is cut by its ink only when nothing printed is left out.
            continue
        fraction = cv2.contourArea(quad) / total
        if fraction > 0.9 and method.startswith("ink"):
            break
        if fraction < MIN_AREA_FRACTION or _short_side(quad * factor) < MIN_SIDE:
            continue
        log.debug("document found by %s, %.0f%% of the picture", method, fraction * 100)
        return Located(_warp(image, quad * factor), method, fraction)
    return Located(image, "whole", 1.0)


def _ratio(quad: np.ndarray) -> float:
    """Long side over short side."""
    tl, tr, _, bl = quad
    sides = float(np.linalg.norm(tr - tl)), float(np.linalg.norm(bl - tl))
    return max(sides) / max(min(sides), 1.0)


def _short_side(quad: np.ndarray) -> float:
    tl, tr, br, bl = quad
    return float(min(np.linalg.norm(tr - tl), np.linalg.norm(bl - tl)))


def _half(gray: np.ndarray) -> np.ndarray:
    """Halve the picture, never below one pixel a side."""
    size = (max(gray.shape[1] // 2, 1), max(gray.shape[0] // 2, 1))
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)


def looks_blank(gray: np.ndarray) -> bool:
    """True for a picture too small, too thin or too empty to be a document."""
    short, long = sorted(gray.shape[:2])
    if short < MIN_SIDE or long > 12 * short:
        return True
    marks = np.abs(gray.astype(np.int16) - int(np.median(gray))) > 40
    return int(marks.sum()) < 20


def rotate(image: np.ndarray, quarter_turns: int) -> np.ndarray:
    """Rotate counter-clockwise by 90 degrees ``quarter_turns`` times."""
    return np.ascontiguousarray(np.rot90(image, quarter_turns % 4))


def text_is_horizontal(gray: np.ndarray) -> bool:
    """Guess whether text lines run across (True) or down the image.

    Rows crossing text lines alternate between ink and gap, so the profile
    of row sums varies much more along the text's line direction.
    """
    _, ink = cv2.threshold(_half(gray), 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    rows = np.diff(ink.mean(axis=1))
    cols = np.diff(ink.mean(axis=0))
    if rows.size == 0 or cols.size == 0:
        return gray.shape[1] >= gray.shape[0]
    return float(np.std(rows)) >= float(np.std(cols))


def upside_down(gray: np.ndarray) -> bool:
    """True when the straightened text is clearly upside down.

    Latin print has far more ascenders and capitals above its x-height than
    descenders below it, so in each text line the ink outside the densest
    rows sits mostly above them; turned over, mostly below. All-capital
    lines weigh nothing either way. A clear majority is asked for, so an
    unsure picture keeps the reading order it had.
    """
    _, ink = cv2.threshold(_half(gray), 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    widths = stats[1:, cv2.CC_STAT_WIDTH]
    if int((heights >= 4).sum()) < 20:
        return False

    # Letters only: a photo, a table rule or a speck would drown the lines.
    letter = float(np.median(heights[heights >= 4]))
    keep = np.zeros(count, bool)
    keep[1:] = (heights >= 0.4 * letter) & (heights <= 2.5 * letter) & (
        widths <= 4 * letter)
    rows = keep[labels].sum(axis=1)

    above = below = 0
    for band in _row_runs(rows):
        if len(band) < 0.6 * letter:
            continue
        core = np.flatnonzero(band >= 0.5 * band.max())
        above += int(band[:core[0]].sum())
        below += int(band[core[-1] + 1:].sum())
    log.debug("ink above the x-height %d, below %d", above, below)
    return below > UPSIDE_DOWN_MARGIN * above


def _row_runs(rows: np.ndarray) -> list[np.ndarray]:
    """Split a row profile into the runs of rows holding ink."""
    inked = np.flatnonzero(rows)
    if inked.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(inked) > 1) + 1
    return [rows[run[0]:run[-1] + 1] for run in np.split(inked, breaks)]


def deskew(gray: np.ndarray) -> np.ndarray:
    """Correct a small rotation (up to ~10 degrees) of horizontal text."""
    return turn_by(gray, skew_angle(gray))


def skew_angle(gray: np.ndarray) -> float:
    """The small rotation (degrees, 0 when under a quarter degree) of the text."""
    _, ink = cv2.threshold(_half(gray), 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    best, best_score = 0.0, -1.0
    for angle in np.arange(-10, 10.01, 0.5):
        m = cv2.getRotationMatrix2D((ink.shape[1] / 2, ink.shape[0] / 2), angle, 1)
        rotated = cv2.warpAffine(ink, m, (ink.shape[1], ink.shape[0]))
        score = float(np.var(rotated.sum(axis=1, dtype=np.float64)))
        if score > best_score:
            best, best_score = float(angle), score
    return 0.0 if abs(best) < 0.25 else best


def turn_by(image: np.ndarray, angle: float) -> np.ndarray:
    """Rotate about the centre by ``angle`` degrees, keeping the size."""
    if not angle:
        return image
    m = cv2.getRotationMatrix2D((image.shape[1] / 2, image.shape[0] / 2), angle, 1)
    return cv2.warpAffine(image, m, (image.shape[1], image.shape[0]),
                          flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
