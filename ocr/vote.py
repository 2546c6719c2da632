"""Read a small crop several ways and keep the reading most of them agree on.

One tesseract reading of a degraded line slips a character now and then
(``062/004`` for ``002/004``); the slips differ between an enlarged and a
slightly blurred copy, while the true text comes back in most of them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)

# Scale, blur (sigma, in pixels of the enlarged copy) and thinning (pixels of
# white grown over the ink) of each copy read.
VARIANTS = ((2.0, 0.0, 0), (2.0, 1.2, 0), (1.5, 0.9, 0))
# Short digit runs are cheap to read: more copies, so that a vote is rarely tied.
RT_RW_VARIANTS = tuple((scale, blur, thin) for scale in (2.0, 3.0)
                       for blur in (0.0, 1.2) for thin in (0, 3))
MARGIN = 16  # white pixels around a crop


@dataclass(frozen=True)
class Vote:
    """The winning reading and the share of readings that gave it (0..1)."""

    value: str | None
    share: float
    count: int


def variants(crop: np.ndarray,
             kinds: tuple[tuple[float, float, int], ...] = VARIANTS
             ) -> list[np.ndarray]:
    """Return the copies of ``crop`` made as ``kinds`` says, with a white margin."""
    copies = []
    for scale, sigma, thin in kinds:
        copy = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        if sigma:
            copy = cv2.GaussianBlur(copy, (0, 0), sigma)
        if thin:
            # Photocopies fill the holes of bold digits (0 becomes 8 or 6).
            copy = cv2.dilate(copy, np.ones((thin, thin), np.uint8))
        copies.append(cv2.copyMakeBorder(copy, MARGIN, MARGIN, MARGIN, MARGIN,
                                         cv2.BORDER_CONSTANT, value=255))
    return copies


def vote(readings: list[str | None], weights: list[float] | None = None) -> Vote:
    """Pick the most frequent non-empty reading; earlier ones win ties.

    Args:
        readings: Normalised readings, None for a reading that failed.
        weights: How much each reading counts (1 each if not given).

    Returns:
        The winner and its (weighted) share of all readings, failed ones
        included, so that a value read once out of four is not trusted.
    """
    if weights is None:
        weights = [1.0] * len(readings)
    found = [(r, w) for r, w in zip(readings, weights, strict=True) if r]
    if not found:
        return Vote(None, 0.0, 0)
    totals: Counter[str] = Counter()
    for reading, weight in found:
        totals[reading] += weight
    order = [r for r, _ in found]
    best = max(order, key=lambda r: (totals[r], -order.index(r)))
    return Vote(best, totals[best] / len(readings), order.count(best))


def ballot(readings: list[str | None], second: str | None, weight: float,
           normalise: Callable[[str], str | None]
           ) -> tuple[list[str | None], list[float], int | None]:
    """Tesseract's readings with the line recogniser's ``second`` added.

    Returns the readings, their weights (``weight`` for the recogniser's,
    1 for each of tesseract's) and the index of the recogniser's reading,
    None when it gave none, for :func:`letters_first`'s ``spaceless``.
    """
    weights = [1.0] * len(readings)
    if second is None:
        return readings, weights, None
    return readings + [normalise(second)], weights + [weight], len(readings)


def letters_first(readings: list[str | None], result: Vote,
                  weights: list[float] | None = None,
                  spaceless: int | None = None) -> Vote:
    """Vote on the letters of names or addresses, then on where the spaces go.

    ``result`` is :func:`vote` on the same readings and weights.

    Tesseract often runs two words of a name together in one reading and not
    in another; the letters the readings agree on outvote a split of the
    spacing. The spacing is then the one read most often, the one with more
    words on a tie (a space is lost far more often than one is invented);
    its own share keeps an unsure spacing flagged. The reading at index
    ``spaceless`` (the line recogniser's, which runs words together more
    often than tesseract) backs the letters but has no say in the spacing.
    """
    weights = weights or [1.0] * len(readings)
    letters = vote([r.replace(" ", "") if r else None for r in readings], weights)
    if letters.share <= result.share and spaceless is None:
        return result

    agreeing = [i for i, r in enumerate(readings)
                if r and r.replace(" ", "") == letters.value]
    voters = [i for i in agreeing if i != spaceless]
    if not voters:
        # Only the spaceless reading has these letters: the spaces are taken
        # from a reading as long as it, letter for letter.
        readings = list(readings)
        readings[agreeing[0]] = _spaced_like(readings[agreeing[0]] or "", readings)
        voters = agreeing
    counts: dict[str, float] = {}
    for i in voters:
        counts[readings[i]] = counts.get(readings[i], 0.0) + weights[i]
    best = max(counts, key=lambda r: (counts[r], r.count(" ")))
    backing = counts[best]
    if spaceless in agreeing and spaceless not in voters:
        backing += weights[spaceless]  # its letters agree; its spaces are no say
    return Vote(best, backing / len(readings), sum(readings[i] == best for i in voters))


def _spaced_like(text: str, readings: list[str | None]) -> str:
    """``text`` spaced as the first reading of as many letters, else as it is."""
    letters = text.replace(" ", "")
    for reading in readings:
        if reading and " " in reading and len(reading.replace(" ", "")) == len(letters):
            out, rest = [], iter(letters)
            for char in reading:
                out.append(" " if char == " " else next(rest))
            return "".join(out)
    return text
