"""Read the fields of a KTP (e-KTP front side)."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import logging
import re

import cv2
import numpy as np

from ocr import correct
from ocr import engine
from ocr import lines as line_engine
from ocr import table
from ocr import vote
from ocr.digits import MIN_SCORE
from ocr.digits import DigitRun
from ocr.digits import read_digit_run
from ocr.digits import score_sans_digits
from ocr.engine import Word
from ocr.engine import group_lines
from ocr.nik import birth_date_from_nik
from ocr.nik import check_nik
from ocr.result import Field
from ocr.result import field_names
from ocr.result import unsure_message

log = logging.getLogger(__name__)

# The photo, issuing place and date sit on the right of a KTP: text there is
# not part of the fields.
PHOTO_LEFT = 0.71

LABELS = {
    "nik": ("nik",),
    "nama": ("nama",),
    "ttl": ("tempattgllahir", "tempattanggallahir"),
    "jenis_kelamin": ("jeniskelamin",),
    "alamat": ("alamat",),
    "rt_rw": ("rtrw",),
    "kel_desa": ("keldesa", "kelurahandesa"),
    "kecamatan": ("kecamatan",),
    "agama": ("agama",),
    "status_perkawinan": ("statusperkawinan",),
    "pekerjaan": ("pekerjaan",),
    "kewarganegaraan": ("kewarganegaraan",),
    "berlaku_hingga": ("berlakuhingga",),
}
# A Kartu Identitas Anak prints the child's family lines in the middle and
# its address after the citizenship; its own labels keep their order.
KIA_LABELS = {
    "nik": ("nik",),
    "nama": ("nama",),
    "ttl": LABELS["ttl"],
    "jenis_kelamin": ("jeniskelamin",),
    "no_akta": ("noaktakelahiran", "aktakelahiran"),
    "no_kk": ("nokk", "nokartukeluarga"),
    "kepala_keluarga": ("namakepalakeluarga",),
    "agama": ("agama",),
    "kewarganegaraan": ("kewarganegaraan",),
    "alamat": ("alamat",),
    "rt_rw": ("rtrw",),
    "kel_desa": LABELS["kel_desa"],
    "kecamatan": ("kecamatan",),
    "berlaku_hingga": ("berlakuhingga",),
}
# The fields each labelled line holds, for lines a reflection can wash out
# (the NIK is read by its own band and checked against the birth date).
GLARE_FIELDS = {
    "nama": ("nama",), "ttl": ("tempat_lahir", "tanggal_lahir"),
    "jenis_kelamin": ("jenis_kelamin", "gol_darah"), "alamat": ("alamat",),
    "rt_rw": ("rt_rw",), "kel_desa": ("kel_desa",), "kecamatan": ("kecamatan",),
    "agama": ("agama",), "status_perkawinan": ("status_perkawinan",),
    "pekerjaan": ("pekerjaan",), "kewarganegaraan": ("kewarganegaraan",),
    "berlaku_hingga": ("berlaku_hingga",),
}
GLARE_SHARE = 0.05  # share of a value's band under a reflection to doubt it
GLARE_CONFIDENCE = 0.45
# Fields a KIA does not print: whatever their lines hold is not theirs.
KIA_UNPRINTED = ("gol_darah", "status_perkawinan", "pekerjaan")
FIELD_ORDER = (
    "nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "gol_darah",
    "alamat", "rt_rw", "kel_desa", "kecamatan", "agama", "status_perkawinan",
    "pekerjaan", "kewarganegaraan", "berlaku_hingga",
)
# Fields whose emptiness after the first reading earns a second, larger one.
SECOND_LOOK = ("nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "gol_darah",
               "alamat", "rt_rw", "kel_desa", "kecamatan", "agama",
               "status_perkawinan", "pekerjaan", "kewarganegaraan",
               "berlaku_hingga")
SECOND_LOOK_SCALE = 1.6
# Lines read again alone, enlarged, several ways, and put to a vote; the
# normaliser makes readings that differ only in OCR debris equal.
REREAD = ("nama", "ttl", "alamat")
# The line recogniser (ocr.lines) reads those lines too. Its reading counts
# for this many of tesseract's where the value is letters, which it tells
# apart better on a photocopy (RIDWAN where tesseract reads RIOWAN); on the
# birth place and date, where it reads an S for a 5 as often, it counts as one.
LINE_WEIGHTS = {"nama": 2.5, "alamat": 2.5}
DIGITS = "-c tessedit_char_whitelist=0123456789"
# Least lead of every RT/RW digit's best template over the runner-up for the
# template reading to be taken.
RT_RW_MARGIN = 0.01
RT_RW_GAP = 0.2
KEYWORDS = ("PROVINSI", "KABUPATEN", "NIK", "NAMA", "AGAMA", "KEWARGANEGARAAN",
            "BERLAKU", "KELAMIN", "DARAH", "PEKERJAAN", "ALAMAT")
# Least likeness of a read label to a field's label for the line to be that
# field's (the order of the labels settles the rest).
MIN_LABEL = 0.5
ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})(?<=.)")
# Highest confidence of a NIK whose readings disagreed on a digit: a match
# of the birth date in it does not vouch for the other digits.
NIK_SPLIT_CONFIDENCE = 0.6
# Printed birth date (DDMMYYYY) place -> the NIK place (0-based) that holds
# the same digit; the century is not in the NIK.
DATE_PLACES = {0: 6, 1: 7, 2: 8, 3: 9, 6: 10, 7: 11}
# Widest gap, in letter heights, after which a word past the photo's edge
# still continues its line.
RUN_ON_GAP = 1.2
# Widest gap between two words of one value, in letter heights.
VALUE_GAP = 4.0
# Least width over height of a mark's box to be a dash rather than a dot.
DASH_ASPECT = 1.3


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _label_ratio(label: str, variants: tuple[str, ...]) -> float:
    key = _key(label)
    return max(max(difflib.SequenceMatcher(None, key, variant).ratio(),
                   correct.edit_similarity(key, variant))
               for variant in variants)


def _assign_labels(labels: list[str], order: dict[str, tuple[str, ...]] = LABELS
                   ) -> list[str | None]:
    """Give each line the field its label reads as, in the card's order.

    Every e-KTP prints its labels in the same order, so a badly read label
    (``Aam``, nearer to ``Agama`` than to ``Alamat``) is placed by its
    neighbours: the assignment with the best total likeness that keeps the
    order wins.
    """
    names = list(order)
    ratios = [[_label_ratio(label, order[name]) for name in names] for label in labels]
    rows, cols = len(labels), len(names)
    best = np.zeros((rows + 1, cols + 1))
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            take = ratios[i - 1][j - 1]
            best[i, j] = max(best[i - 1, j], best[i, j - 1],
                             best[i - 1, j - 1] + take if take >= MIN_LABEL else 0)

    assigned: list[str | None] = [None] * rows
    i, j = rows, cols
    while i and j:
        if best[i, j] == best[i - 1, j]:
            i -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        else:
            assigned[i - 1] = names[j - 1]
            i, j = i - 1, j - 1
    return assigned


def _raw_fields(lines: list[list[Word]], width: int,
                order: dict[str, tuple[str, ...]] = LABELS
                ) -> dict[str, tuple[str, float, list[Word]]]:
    """Map each labelled line to its field: value text, confidence, words."""
    colon_x = _colon_x(lines, width)
    splits = [_split_line(line, colon_x) for line in lines]
    names = _assign_labels([label for label, _ in splits], order)
    raw: dict[str, tuple[str, float, list[Word]]] = {}
    for line, (_, value_words), name in zip(lines, splits, names):
        if name is None:
            continue
        if name != "jenis_kelamin":  # its Gol. Darah stands apart on purpose
            kept = _cut_at_gap(value_words)
            line = [w for w in line if w not in value_words[len(kept):]]
            value_words = kept
        text = " ".join(w.text for w in value_words)
        conf = float(np.mean([w.conf for w in value_words])) if value_words else 0.0
        raw[name] = (text, conf, line)
    return raw


def _cut_at_gap(words: list[Word]) -> list[Word]:
    """Keep the words before a gap far wider than a space.

    Text beyond such a gap is another column: the issuing place and date
    or the official's title beside the photo of an old card.
    """
    if len(words) < 2:
        return words
    height = float(np.median([w.height for w in words]))
    for i in range(1, len(words)):
        if words[i].left - words[i - 1].right > VALUE_GAP * height:
            return words[:i]
    return words


def _second_look(gray: np.ndarray, fields: dict[str, Field],
                 order: dict[str, tuple[str, ...]] = LABELS) -> None:
    """Read the field block again, larger, and fill the fields still empty.

    Small cards (a KTP photocopied on A4) lose thin letters and colons at
    the page's scale; a second reading at a larger scale finds most of them.
    """
    block = gray[:, :int(PHOTO_LEFT * gray.shape[1])]
    block = cv2.resize(block, None, fx=SECOND_LOOK_SCALE, fy=SECOND_LOOK_SCALE,
                       interpolation=cv2.INTER_CUBIC)
    words = engine.read_words(block, psm=6)
    again: dict[str, Field] = {}
    _fill_fields(_raw_fields(group_lines(words), block.shape[1], order), again)
    for name in SECOND_LOOK:
        if fields[name].value is None and again.get(name, Field(None, 0)).value:
            fields[name] = again[name]
            log.debug("KTP field %s found on a second look", name)


def _reread_values(gray: np.ndarray, raw: dict[str, tuple[str, float, list[Word]]],
                   colon_x: float) -> None:
    """Replace the first reading of slip-prone lines by the readings' vote.

    A value the readings disagree on keeps a confidence under 0.5, so that
    it is listed among the fields to check instead of guessed silently.
    """
    names = [n for n in REREAD if n in raw]
    crops = [_value_crop(gray, raw[n][2], colon_x, tight=True) for n in names]
    texts = iter(table.read_cells([v for c in crops for v in vote.variants(c)]))
    for name, crop in zip(names, crops):
        first, conf, line = raw[name]
        readings = [_normalise(name, first)]
        readings += [_normalise(name, next(texts)) for _ in vote.VARIANTS]
        readings, weights, spaceless = vote.ballot(
            readings, line_engine.read_sure(crop), LINE_WEIGHTS.get(name, 1.0),
            lambda text, name=name: _normalise(name, text))
        raw[name] = (*_judge(name, readings, conf, weights, spaceless), line)

    if "rt_rw" in raw:
        first, conf, line = raw["rt_rw"]
        # Tesseract's boxes of a line can be twice the print's height; the
        # ink run is found by size, so a narrow gap cannot cut a colon in,
        # while a wide one can cut into the first digit.
        crop = _value_crop(gray, line, colon_x, gap=RT_RW_GAP)
        matched = _match_rt_rw(crop)
        if matched is not None and "?" not in matched:
            # Every digit told apart by the templates: sure when tesseract
            # read the same, worth a look when it read something else.
            agrees = correct.rt_rw(first) == matched
            conf = max(conf, 0.9) if agrees else min(max(conf, 0.55), 0.75)
            raw["rt_rw"] = (matched, conf, line)
            return
        readings = [correct.rt_rw(first)] + _read_rt_rw(crop)
        value, conf = _judge("rt_rw", readings, conf)
        if matched is not None:
            value, conf = _fill_unclear(matched, value, conf)
        raw["rt_rw"] = (value, conf, line)


def _fill_unclear(matched: str, read: str, conf: float) -> tuple[str, float]:
    """Take the templates' clear digits and tesseract's for the unclear ones."""
    if len(read) != len(matched):
        return read, conf
    value = "".join(r if m == "?" else m for m, r in zip(matched, read))
    return value, conf


def _match_rt_rw(crop: np.ndarray) -> str | None:
    """Read RT/RW by template on the grey crop, ``?`` for each unclear digit.

    A photocopy's threshold fills the holes of 0, 6 and 8 and joins digits,
    which defeats tesseract; the templates still tell most shapes apart.
    Returns None when no digit run is found.
    """
    span = _first_ink_run(crop)
    if span is None:
        return None
    top, bottom = _ink_rows(crop, span)
    scores = score_sans_digits(crop[top:bottom, max(span[0] - 3, 0):span[1] + 3],
                               "DDD/DDD")
    if scores is None:
        return None

    ranked = np.sort(scores, axis=1)
    clear = ranked[:, -1] - ranked[:, -2] >= RT_RW_MARGIN
    digits = "".join(str(d) if ok else "?"
                     for d, ok in zip(scores.argmax(axis=1), clear))
    return f"{digits[:3]}/{digits[3:]}"


def _normalise(name: str, text: str) -> str | None:
    if name == "nama":
        return correct.clean_name(_mend_i(text)) or None
    if name == "alamat":
        alamat = correct.clean_alamat(text)
        # A DUSUN that lost its numeral, or whose numeral is no Roman
        # numeral, is not a reading to vote for.
        numeral = re.fullmatch(r"DUSUN(?: ([A-Z1|()!\[\]]{0,3}))?", alamat or "")
        if numeral and not ROMAN.fullmatch(numeral.group(1) or "") and (
                re.search(r"[IVX1|()!\[\]]", numeral.group(1) or "I")):
            return None
        return alamat
    return correct.clean_text(text) or None


def _mend_i(text: str) -> str:
    """Read ``!`` or ``|`` touching a letter as the I it stands for.

    A thin I loses its middle on a copy and is read as ``!``; names hold
    letters only, so dropping the mark would drop a letter (YANT!).
    """
    return re.sub(r"(?<=[A-Za-z])[!|]|[!|](?=[A-Za-z])", "I", text)


def _judge(name: str, readings: list[str | None], conf: float,
           weights: list[float] | None = None, spaceless: int | None = None
           ) -> tuple[str, float]:
    """Vote on a line's readings; the value and its confidence.

    ``weights`` say how much each reading counts; the reading at index
    ``spaceless``, if any, votes on the letters only, not on where the spaces go.
    """
    result = vote.vote(readings, weights)
    log.debug("KTP %s: %d of %d readings agree", name, result.count, len(readings))
    if result.value is None:
        return "", 0.0
    if name in ("nama", "alamat"):
        result = vote.letters_first(readings, result, weights, spaceless)
    if result.share <= 0.5:
        return result.value, min(conf, 0.45)
    return result.value, conf


def _value_crop(gray: np.ndarray, line: list[Word], colon_x: float,
                gap: float = 0.5, *, tight: bool = False) -> np.ndarray:
    """Cut out a line's value: right of the colon, left of the photo.

    ``gap`` is the space left after the colon, in line heights; ``tight``
    also stops the crop a wide gap after the line's last word.
    """
    height = float(np.median([w.height for w in line]))
    middle = float(np.median([w.top + w.height / 2 for w in line]))
    top = max(int(middle - 0.75 * height), 0)
    bottom = int(middle + 0.75 * height)
    left = int(colon_x + gap * height)
    last = max(w.right for w in line)
    right = max(int(PHOTO_LEFT * gray.shape[1]), last + int(height / 2))
    if tight and last > left:
        # Past a wide gap after the last word stands another column, not
        # the value (the issuing place beside the name on an old card).
        right = min(right, last + int(VALUE_GAP * height))
    return gray[top:bottom, left:right]


def _read_rt_rw(crop: np.ndarray) -> list[str | None]:
    """Read RT and RW apart, digits only, so the slash cannot become a digit.

    The digits of KTP print are all equally wide, so ``NNN/NNN`` is
    symmetric: the slash stands in the middle of the ink.
    """
    span = _first_ink_run(crop)
    if span is None:
        return [None] * len(vote.RT_RW_VARIANTS)

    x0, x1 = span
    middle, advance = (x0 + x1) / 2, (x1 - x0) / 6.5
    halves = (crop[:, max(x0 - 4, 0):int(middle - 0.3 * advance)],
              crop[:, int(middle + 0.3 * advance):x1 + 4])
    cells = [v for half in halves for v in vote.variants(half, vote.RT_RW_VARIANTS)]
    texts = table.read_cells(cells, extra=DIGITS)
    n = len(vote.RT_RW_VARIANTS)
    readings: list[str | None] = []
    for rt, rw in zip(texts[:n], texts[n:]):
        rt, rw = re.sub(r"\D", "", rt), re.sub(r"\D", "", rw)
        readings.append(f"{rt}/{rw}" if len(rt) == 3 and len(rw) == 3 else None)
    return readings


def _ink_rows(crop: np.ndarray, span: tuple[int, int]) -> tuple[int, int]:
    """Top and bottom of the letter-sized ink between ``span``, a little padded.

    A crop cut from tesseract's inflated line box holds slivers of the lines
    above and below, which the template matcher would take for print.
    """
    boxes = [(top, height) for left, _, top, height in _middle_letters(crop)
             if span[0] <= left < span[1]]
    if not boxes:
        return 0, crop.shape[0]
    top = min(t for t, _ in boxes)
    bottom = max(t + h for t, h in boxes)
    pad = max((bottom - top) // 6, 2)
    return max(top - pad, 0), min(bottom + pad, crop.shape[0])


def _first_ink_run(crop: np.ndarray) -> tuple[int, int] | None:
    """Left and right of the first run of letter-sized ink in a value crop."""
    letters = _middle_letters(crop)
    if not letters:
        return None

    height = float(np.median([h for _, _, _, h in letters]))
    x0, x1 = letters[0][0], letters[0][0] + letters[0][1]
    for left, width, _, _ in letters[1:]:
        if left - x1 > 1.2 * height:
            break
        x1 = max(x1, left + width)
    return int(x0), int(x1)


def _middle_letters(crop: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes ``(left, width, top, height)`` of the letters on the crop's line.

    Tesseract's line box may be twice the print's height, so the crop holds
    the edges of the lines above and below: the letters are the marks of
    about one height whose middle lies in the crop's middle half.
    """
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink)
    size = crop.shape[0]
    marks = [(int(x), int(w), int(y), int(h)) for x, y, w, h, _ in stats[1:count]
             if 0.25 * size <= y + h / 2 <= 0.75 * size and 0.15 * size <= h
             < 0.95 * size]
    if not marks:
        return []
    height = float(np.median([h for *_, h in marks]))
    return sorted(m for m in marks if 0.6 * height <= m[3] <= 1.5 * height)


def _split_line(line: list[Word], colon_x: float) -> tuple[str, list[Word]]:
    """Split a line into its label text and the words of its value."""
    label_words, value_words = [], []
    for word in line:
        if word.left + word.width / 2 < colon_x:
            label_words.append(word)
        else:
            value_words.append(word)
    label = " ".join(w.text for w in label_words)
    if ":" in label:
        label, _, rest = label.partition(":")
    value_words = [w for w in value_words if w.text not in (":", ";", "=")]
    if value_words and value_words[0].text.startswith(":"):
        first = value_words[0]
        value_words[0] = Word(first.text.lstrip(":;"), first.conf, first.left,
                              first.top, first.width, first.height, first.line_key)
    # A colon misread as a digit or letter stands alone right after the label.
    if value_words and value_words[0].text in ("1", "2", "i", "I", "l", "|", "!"):
        value_words = value_words[1:]
    return label, [w for w in value_words if w.text]


def _colon_x(lines: list[list[Word]], width: int) -> float:
    xs = [w.left + w.width / 2 for line in lines for w in line
          if w.text in (":", ";") and w.left < 0.5 * width]
    xs += [w.left for line in lines for w in line
           if w.text.startswith(":") and len(w.text) > 1 and w.left < 0.5 * width]
    if len(xs) >= 3:
        return float(np.median(xs)) - 2
    return 0.25 * width


def keyword_score(words: list[Word]) -> int:
    """Count KTP words found, to judge orientation and document type."""
    found = {_key(w.text).upper() for w in words}
    return sum(1 for k in KEYWORDS if k in found)


def _field_lines(words: list[Word], width: int) -> list[list[Word]]:
    """Group the words left of the photo into lines.

    A value may run on past the photo's usual edge (a card printed with its
    columns further right, a long address, the Gol. Darah of a narrow
    card): a word that follows the previous one at a space's distance
    still belongs to the line, a word across a wide gap does not.
    """
    limit = PHOTO_LEFT * width
    lines = []
    for line in group_lines(words):
        kept: list[Word] = []
        for word in line:
            near = kept and word.left - kept[-1].right < RUN_ON_GAP * max(
                kept[-1].height, word.height)
            if word.left >= limit and not near:
                break
            kept.append(word)
        if kept:
            lines.append(kept)
    return lines


def is_kia(words: list[Word]) -> bool:
    """True when the card's title reads Kartu Identitas Anak (a child's card).

    A KIA also prints No. KK and Nama Kepala Keluarga, which make it look
    like a family card to the keyword count; its title tells it apart.
    """
    for line in group_lines(words):
        keys = [_key(w.text) for w in line]
        title = [i for i, key in enumerate(keys)
                 if correct.edit_similarity(key, "identitas") >= 0.75]
        if any(correct.edit_similarity(key, "anak") >= 0.75
               for i in title for key in keys[i + 1:i + 3]):
            return True
    return False


def read_ktp(gray: np.ndarray, words: list[Word], *, child: bool = False,
             glare: np.ndarray | None = None) -> tuple[dict[str, Field], list[str]]:
    """Read a straightened, upright KTP, or a child's KIA.

    Args:
        gray: The card, grey, upright, about 1200 px wide.
        words: Tesseract's words on ``gray``.
        child: The card is a Kartu Identitas Anak: its labels stand in
            another order and it prints no blood group, marital status or
            job, which are then left empty.
        glare: Where a reflection washes the print out (aligned with
            ``gray``): a value running into it may have lost letters.

    Returns:
        The fields (see :data:`FIELD_ORDER`) and warnings in Indonesian.
    """
    width = gray.shape[1]
    order = KIA_LABELS if child else LABELS
    lines = _field_lines(words, width)
    raw = _raw_fields(lines, width, order)
    _reread_values(gray, raw, _colon_x(lines, width))
    fields: dict[str, Field] = {}
    warnings: list[str] = []
    if child:
        warnings.append("Kartu ini Kartu Identitas Anak (KIA), bukan KTP: data "
                        "seorang anak. Gol. darah, status perkawinan dan pekerjaan "
                        "tidak tercetak pada KIA.")
        log.info("card read as a Kartu Identitas Anak")
    fields["nik"], nik_split, nik_doubts = _read_nik(gray, raw.get("nik"), lines,
                                                     warnings)
    _fill_fields(raw, fields)
    unprinted = KIA_UNPRINTED if child else ()
    if any(fields[n].value is None for n in SECOND_LOOK if n not in unprinted):
        _second_look(gray, fields, order)
    # After the second look, which may still find the kecamatan printed.
    correct.mend_region(fields)
    _cross_check(fields, warnings, nik_split=nik_split, nik_doubts=nik_doubts)
    if glare is not None:
        _doubt_glared(fields, raw, _colon_x(lines, width), glare, warnings)
    for name in FIELD_ORDER:
        if name in unprinted:
            fields[name] = Field(None, 0.0)
        fields.setdefault(name, Field(None, 0.0))
    unsure = [n for n in FIELD_ORDER
              if fields[n].confidence < 0.5 and n not in unprinted]
    if unsure:
        warnings.append(unsure_message(unsure))
        log.warning("KTP read with %d unsure fields", len(unsure))
    return {n: fields[n] for n in FIELD_ORDER}, warnings


def _doubt_glared(fields: dict[str, Field],
                  raw: dict[str, tuple[str, float, list[Word]]], colon_x: float,
                  glare: np.ndarray, warnings: list[str]) -> None:
    """Mark unsure every value whose line runs into a reflection.

    What is left of a washed-out value reads cleanly (``JL. MERDE``, the
    surname of a name), so its confidence says nothing of what was lost.
    """
    right = int(PHOTO_LEFT * glare.shape[1])
    glared = []
    for key, (_, _, line) in raw.items():
        if not line or key not in GLARE_FIELDS:
            continue
        top, bottom = min(w.top for w in line), max(w.bottom for w in line)
        band = glare[max(top, 0):bottom, int(colon_x):right]
        if band.size and band.mean() >= GLARE_SHARE:
            glared += [n for n in GLARE_FIELDS[key] if fields[n].value is not None]
    for name in glared:
        fields[name] = Field(fields[name].value, min(fields[name].confidence,
                                                      GLARE_CONFIDENCE))
    if glared:
        warnings.append("Sebagian kartu tertutup pantulan cahaya (silau); "
                        "periksa: " + field_names(glared) + ".")
        log.info("KTP values under glare: %s", ", ".join(glared))


def _read_nik(gray: np.ndarray, raw: tuple[str, float, list[Word]] | None,
              lines: list[list[Word]], warnings: list[str]
              ) -> tuple[Field, bool, dict[int, str]]:
    """Read the NIK.

    Returns:
        The NIK, whether its readings disagreed, and for an e-KTP the
        places they disagreed at with the digit the outvoted reading saw.
    """
    line = raw[2] if raw else _nik_line_by_digits(lines)
    if line is None:
        warnings.append("NIK tidak ditemukan pada kartu.")
        return Field(None, 0.0), False, {}

    dotted = _read_dotted_nik(gray, line)
    if dotted is not None:
        warnings.append("KTP lama (non-elektronik, NIK bertitik): periksa masa "
                        "berlakunya dan cocokkan NIK dengan KK.")
        log.info("card read as an old, non-electronic KTP")
        if birth_date_from_nik(dotted.value or "") is None:
            warnings.append("NIK terbaca tetapi tidak valid; periksa kembali.")
        return dotted, dotted.confidence < 0.8, {}

    top = min(w.top for w in line)
    bottom = max(w.bottom for w in line)
    pad = int(0.35 * (bottom - top))
    left = min(w.left for w in line)
    # A card cut out by its ink is narrower than the card, and its NIK may
    # then reach past the photo's usual place: follow tesseract's boxes.
    right = max(int(PHOTO_LEFT * gray.shape[1]),
                max(w.right for w in line) + bottom - top)
    band = gray[max(top - pad, 0):bottom + pad, left:right]
    run, doubts = _read_nik_run(band) if band.size else (None, {})
    field = _judge_nik(run, warnings)
    if field.value is not None and doubts:
        log.debug("KTP NIK: readings differ at %d digits", len(doubts))
        warnings.append("Beberapa angka NIK kurang jelas; periksa kembali.")
        return (Field(field.value, min(field.confidence, NIK_SPLIT_CONFIDENCE)),
                True, doubts)
    return field, False, {}


def _dotted_digits(text: str) -> str | None:
    """The 16 digits of a NIK printed ``dd.dddd.dddddd.dddd``, or None."""
    squeezed = re.sub(r"\s+", "", text)
    match = re.search(r"(\w{2})[.,:](\w{4})[.,:](\w{6})[.,:](\w{4})(?!\w)", squeezed)
    if not match:
        return None
    digits = correct.as_digits("".join(match.groups()))
    return digits if len(digits) == 16 else None


def _read_dotted_nik(gray: np.ndarray, line: list[Word]) -> Field | None:
    """Read the dotted NIK of an old, non-electronic KTP; None for an e-KTP.

    The old card prints its NIK in an ordinary font, which the e-KTP's digit
    templates do not know; tesseract reads it, and a second reading of the
    enlarged band with digits and dots only must agree for the number to be
    given as sure.
    """
    first = _dotted_digits(" ".join(w.text for w in line))
    if first is None:
        return None

    words = [w for w in line if any(c.isdigit() for c in w.text)]
    top = min(w.top for w in words)
    bottom = max(w.bottom for w in words)
    pad = bottom - top
    band = gray[max(top - pad // 2, 0):bottom + pad // 2,
                max(words[0].left - pad, 0):words[-1].right + pad]
    band = cv2.resize(band, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    band = cv2.copyMakeBorder(band, 16, 16, 16, 16, cv2.BORDER_CONSTANT, value=255)
    again = engine.read_words(band, psm=7,
                              extra="-c tessedit_char_whitelist=0123456789.")
    second = _dotted_digits(" ".join(w.text for w in again))
    conf = float(np.mean([w.conf for w in words]))
    valid = [n for n in (first, second) if n and birth_date_from_nik(n)]
    if first == second and valid:
        return Field(first, max(conf, 0.85))
    if valid:
        return Field(valid[0], min(conf, 0.5))
    return Field(first, min(conf, 0.3))


def _read_nik_run(band: np.ndarray) -> tuple[DigitRun | None, dict[int, str]]:
    """Read the NIK band three ways and vote digit by digit.

    The cells are cut at whole pixels, so on a small photocopied card one
    reading can be a pixel off and see ``9`` in a clogged ``3``; an enlarged
    and a thinned copy are cut differently. Returns the voted run and, for
    each place the readings disagreed at, the digit that was outvoted.
    """
    copies = (band, cv2.resize(band, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC),
              cv2.dilate(band, np.ones((2, 2), np.uint8)))
    runs = [r for r in map(read_digit_run, copies)
            if r is not None and len(r.text) == 16]
    if not runs:
        return None, {}

    text, scores, alternatives = [], [], []
    doubts: dict[int, str] = {}
    for i in range(16):
        votes: dict[str, list[float]] = {}
        for run in runs:
            votes.setdefault(run.text[i], []).append(run.scores[i])
        ranked = sorted(votes, key=lambda d: (len(votes[d]), sum(votes[d])),
                        reverse=True)
        if len(ranked) > 1:
            doubts[i] = ranked[1]
        text.append(ranked[0])
        scores.append(float(np.mean(votes[ranked[0]])))
        runner = ranked[1] if len(ranked) > 1 else runs[0].alternatives[i]
        alternatives.append(runner if runner != ranked[0] else runs[0].alternatives[i])
    return DigitRun("".join(text), tuple(scores), tuple(alternatives)), doubts


def _nik_line_by_digits(lines: list[list[Word]]) -> list[Word] | None:
    for line in lines:
        if any(len(correct.as_digits(w.text)) >= 12 for w in line):
            return line
    return None


def _judge_nik(run: object, warnings: list[str]) -> Field:
    if not isinstance(run, DigitRun) or run.confidence < MIN_SCORE:
        warnings.append("NIK tidak dapat dibaca (buram atau tertutup). Ketik manual.")
        return Field(None, 0.0)

    text, confidence = run.text, run.confidence
    if birth_date_from_nik(text) is None:
        repaired = _repair_date(run)
        if repaired:
            text, confidence = repaired, confidence * 0.7
            warnings.append("NIK dibaca dengan koreksi tanggal; periksa kembali.")
        else:
            warnings.append("NIK terbaca tetapi tidak valid; periksa kembali.")
            return Field(text, min(confidence, 0.3))
    return Field(text, confidence)


def _repair_date(run: object) -> str | None:
    """Swap in second-best digits in the date part until the date is valid."""
    assert isinstance(run, DigitRun)
    order = sorted(range(6, 12), key=lambda i: run.scores[i])
    for i in order[:3]:
        candidate = run.text[:i] + run.alternatives[i] + run.text[i + 1:]
        if birth_date_from_nik(candidate):
            return candidate
    return None


def _fill_fields(raw: dict[str, tuple[str, float, list[Word]]],
                 fields: dict[str, Field]) -> None:
    def get(name: str) -> tuple[str, float]:
        text, conf, _ = raw.get(name, ("", 0.0, []))
        return text, conf

    text, conf = get("nama")
    fields["nama"] = Field(correct.clean_name(_mend_i(text)) or None, conf)

    text, conf = get("ttl")
    place, _, date_text = text.rpartition(",")
    if not place:
        match = re.search(r"^(.*?)[\s.]*([0-9OIl]{1,2}[-.\s][0-9OIl]{1,2}[-.\s]\S+)$",
                          text)
        place, date_text = (match.group(1), match.group(2)) if match else (text, "")
    place, ratio = correct.birth_place(correct.clean_name(place) or None)
    fields["tempat_lahir"] = Field(place, conf * ratio)
    birth = correct.parse_date(date_text)
    fields["tanggal_lahir"] = Field(birth.isoformat() if birth else None,
                                    conf if birth else 0.0)

    text, conf = get("jenis_kelamin")
    sex_text, blood_text = _split_sex_blood(text)
    value, ratio = correct.closest_indonesian(sex_text, correct.JENIS_KELAMIN,
                                              cutoff=0.5)
    fields["jenis_kelamin"] = Field(value, conf * ratio if value else 0.0)
    blood, exact = correct.gol_darah(blood_text)
    line = raw.get("jenis_kelamin", ("", 0.0, []))[2]
    if blood is None and blood_text and line and _is_dash(line[-1], blood_text):
        blood, exact = "-", False
    fields["gol_darah"] = Field(blood, (conf if exact else conf * 0.8) if blood
                                else 0.0)

    text, conf = get("alamat")
    alamat = _normalise("alamat", text)
    if correct.house_number_lost(alamat):
        # A house number's NO. without its number: the end was lost (glare,
        # a sleeve, the photo's edge), so the address cannot be given as sure.
        conf = min(conf, 0.4)
    fields["alamat"] = Field(alamat, conf if alamat else 0.0)

    text, conf = get("rt_rw")
    value = correct.rt_rw(text)
    fields["rt_rw"] = Field(value, conf if value else 0.0)

    for name, vocabulary, cutoff in (
        ("kel_desa", correct.KNOWN_VILLAGES, 0.85),
        ("kecamatan", correct.KECAMATAN_NAMES, 0.6),
        ("agama", correct.AGAMA, 0.5),
        ("status_perkawinan", correct.STATUS_PERKAWINAN, 0.6),
        ("pekerjaan", correct.PEKERJAAN, 0.75),
        ("kewarganegaraan", correct.KEWARGANEGARAAN, 0.6),
    ):
        text, conf = get(name)
        value, ratio = correct.closest_indonesian(text, vocabulary, cutoff=cutoff)
        if name == "kewarganegaraan" and value is None:
            value, ratio = _nationality(text)
        if value:
            fields[name] = Field(value, max(conf, ratio) * ratio)
        elif name in ("kel_desa", "pekerjaan") and text:
            # Open lists: keep what was read, marked as less sure.
            fields[name] = Field(correct.clean_text(text) or None, conf * 0.8)
        else:
            fields[name] = Field(None, 0.0)

    text, conf = get("berlaku_hingga")
    value, ratio = correct.closest(text, ("SEUMUR HIDUP",), cutoff=0.6)
    if value:
        fields["berlaku_hingga"] = Field(value, max(conf, ratio) * ratio)
    else:
        until = correct.parse_date(text)
        fields["berlaku_hingga"] = Field(until.isoformat() if until else None,
                                         conf if until else 0.0)


def _nationality(text: str) -> tuple[str | None, float]:
    """Read a printed country as WNA; the likeness to the country is returned.

    Anything else long enough to be a word and unlike WNI is still a
    foreigner's card, but given at a confidence that asks for a look.
    """
    country, ratio = correct.closest(text, correct.COUNTRIES, cutoff=0.75)
    if country:
        return "WNA", ratio
    if len(re.sub(r"[^A-Z]", "", text.upper())) >= 4:
        return "WNA", 0.4
    return None, 0.0


def _split_sex_blood(text: str) -> tuple[str, str]:
    """Split the Jenis Kelamin value from the Gol. Darah one on the same line.

    The label between them is misread often (``Got. Daran``), so it is found
    by likeness; the blood group is the last word after it.
    """
    tokens = text.split()
    labels = [i for i, token in enumerate(tokens) if _is_blood_label(token)]
    if not labels:
        return text, ""

    glued = tokens[labels[-1]].rpartition(":")[2]
    after = [glued] if glued and ":" in tokens[labels[-1]] else []
    after += [t for t in tokens[labels[-1] + 1:] if not _is_colon(t)]
    return " ".join(tokens[:labels[0]]), after[-1] if after else ""


def _is_dash(word: Word, token: str) -> bool:
    """True for a small mark wider than tall, read as a dot or a comma.

    A blood group left unknown is printed ``-``; a short dash loses its
    length on a copy and tesseract calls it a full stop, but its box stays
    flat.
    """
    return (word.text == token and token in ".,_~'`"
            and word.width >= DASH_ASPECT * word.height)


def _is_blood_label(token: str) -> bool:
    key = _key(token)
    if len(key) < 3:
        return False
    return max(difflib.SequenceMatcher(None, key, label).ratio()
               for label in ("gol", "darah", "goldarah")) >= 0.6


def _nik_nearer_to(nik: str, doubts: dict[int, str], printed: dt.date,
                   sex: str | None) -> str | None:
    """The NIK with outvoted birth-date digits that better fit the printed date.

    The printed date is a second, independent sight of NIK digits 7-12:
    where the NIK's readings disagreed at one of them, the digit the printed
    date has is the likelier. None when no outvoted digit brings the two
    closer (or the result is no real date, or not the printed sex).
    """
    def distance(date: dt.date) -> int:
        return sum(a != b for a, b in zip(f"{printed:%d%m%Y}", f"{date:%d%m%Y}"))

    found = birth_date_from_nik(nik)
    best, best_distance = None, distance(found[0]) if found else 99
    places = sorted(i for i in doubts if 6 <= i < 12)
    for count in range(1, len(places) + 1):
        for chosen in itertools.combinations(places, count):
            candidate = "".join(doubts[i] if i in chosen else c
                                for i, c in enumerate(nik))
            found = birth_date_from_nik(candidate)
            if found is None or (sex is not None and found[1] != sex):
                continue
            if distance(found[0]) < best_distance:
                best, best_distance = candidate, distance(found[0])
    return best


def _is_colon(token: str) -> bool:
    return bool(re.fullmatch(r"[:;.,!|»\u2014\-]*[:;!|»][:;.,]*", token))


def _cross_check(fields: dict[str, Field], warnings: list[str], *, nik_split: bool,
                 nik_doubts: dict[int, str]) -> None:
    """Check the NIK against the printed sex and birth date and settle them.

    Args:
        nik_split: The NIK's readings disagreed somewhere.
        nik_doubts: Where they disagreed (0-based NIK places), with the
            digit that was outvoted; empty when unknown.
    """
    nik = fields["nik"].value
    if not nik or birth_date_from_nik(nik) is None:
        return
    birth = fields.get("tanggal_lahir")
    printed = dt.date.fromisoformat(birth.value) if birth and birth.value else None
    doubts_known = bool(nik_doubts)
    if printed is not None and nik_doubts:
        sex = fields.get("jenis_kelamin")
        nearer = _nik_nearer_to(nik, nik_doubts, printed, sex.value if sex else None)
        if nearer is not None:
            log.debug("KTP NIK: an outvoted digit agrees with the printed date")
            nik = nearer
            fields["nik"] = Field(nik, min(fields["nik"].confidence,
                                           NIK_SPLIT_CONFIDENCE))
            warnings.append("NIK dikoreksi sesuai tanggal lahir tercetak; "
                            "periksa kembali.")
            nik_doubts = {i: d for i, d in nik_doubts.items() if nik[i] != d}
    nik_date, nik_sex = birth_date_from_nik(nik)  # type: ignore[misc]

    sex = fields.get("jenis_kelamin")
    if sex is None or sex.value is None:
        fields["jenis_kelamin"] = Field(nik_sex, 0.6)
        warnings.append("Jenis kelamin diambil dari NIK; periksa kembali.")
    elif sex.value == nik_sex:
        fields["jenis_kelamin"] = Field(sex.value, max(sex.confidence, 0.95))

    if birth is None or printed is None:
        fields["tanggal_lahir"] = Field(nik_date.isoformat(), 0.6)
        warnings.append("Tanggal lahir diambil dari NIK; periksa kembali.")
    elif birth.value == nik_date.isoformat():
        fields["tanggal_lahir"] = Field(birth.value, max(birth.confidence, 0.95))
        if not nik_split:
            fields["nik"] = Field(nik, max(fields["nik"].confidence, 0.95))
    else:
        differ = [i for i, (a, b) in enumerate(zip(f"{printed:%d%m%Y}",
                                                   f"{nik_date:%d%m%Y}")) if a != b]
        # Where the NIK's readings disagreed is known, only a doubt on the
        # very digit the dates differ at speaks for the printed one.
        nik_doubted = (any(DATE_PLACES.get(i) in nik_doubts for i in differ)
                       if doubts_known else nik_split)
        if len(differ) == 1 and (birth.confidence < 0.9 or not nik_doubted):
            # One character off: an OCR slip on the printed date is likelier
            # than a wrong NIK read by the template matcher, unless the
            # NIK's own readings disagreed there.
            fields["tanggal_lahir"] = Field(nik_date.isoformat(), 0.6)
            warnings.append("Tanggal lahir dikoreksi sesuai NIK; periksa kembali.")
        else:
            check = check_nik(nik, birth_date=printed,
                              sex=fields["jenis_kelamin"].value)
            warnings.extend(check.warnings)
            fields["tanggal_lahir"] = Field(birth.value, min(birth.confidence, 0.5))
