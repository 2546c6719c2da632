"""Read a Kartu Keluarga: the family number, head, address and member table."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from ocr import correct
from ocr import engine
from ocr import lines as line_engine
from ocr import table
from ocr import vote
from ocr.digits import MIN_SCORE
from ocr.digits import read_digit_run
from ocr.digits import SmallDigitScores
from ocr.digits import score_small_sans_digits
from ocr.engine import Word
from ocr.engine import group_lines
from ocr.engine import group_rows
from ocr.nik import birth_date_from_nik
from ocr.nik import check_no_kk
from ocr.regions import KAMPAR_KECAMATAN
from ocr.regions import KAMPAR_PREFIX
from ocr.result import Field
from ocr.result import unsure_message

log = logging.getLogger(__name__)

KEYWORDS = ("KARTU", "KELUARGA", "KEPALA", "KABUPATEN/KOTA")
# The left column's labels come first on their line and are often misspelt
# on chat photos ("Narna Kepala Kotuarga", "Desa/Xokxahan"): their patterns
# only keep the letters that survive.
HEADER_LABELS = {
    "kepala_keluarga": r"\bn[a-z]{2,5}\s*k\S{3,5}\s*k\S{5,7}",
    "alamat": r"^\W{0,2}al\S{1,5}t\b|(?<=\s)alamat\b",
    "rt_rw": r"rt\s*[/|il1]?\s*rw",
    "kel_desa": r"desa\W{0,2}[kx]\S{5,9}|[kx]\S{1,2}l\S{3,7}\W{0,2}desa|kel\s*/\s*desa",
    "kecamatan": r"kecamatan",
    "_kabupaten": r"kabupaten\s*/?\s*kota",
    "_kode_pos": r"kode\s*pos",
    "_provinsi": r"provinsi",
}
MEMBER_COLUMNS = {
    "nama": ("namalengkap",),
    "nik": ("nik",),
    "jenis_kelamin": ("jeniskelamin",),
    "tempat_lahir": ("tempatlahir",),
    "tanggal_lahir": ("tanggallahir",),
}
DIGITS = "-c tessedit_char_whitelist=0123456789-"
# The member columns in the order every KK prints them: a heading misread
# is found again from its neighbours.
COLUMN_ORDER = ("nama", "nik", "jenis_kelamin", "tempat_lahir", "tanggal_lahir")
# A NIK digit whose best score beats the runner-up by less than this is
# doubtful: template correlations of blurred glyphs are all close to 1, and
# the learned examples' votes, which lift the winner, must agree clearly too.
NIK_MARGIN = 0.07
# A member's NIK confidence (``nik_confidence``): read by template and clear,
# read but worth a look, or read by tesseract alone.
NIK_SURE = 0.95
NIK_UNSURE = 0.45
TESSERACT_NIK = 0.6
# The family's region code is preferred for a member's first digits when it
# scores within this of the best.
PRIOR_MARGIN = 0.015
DATE_LAYOUT = "DD-DD-DDDD"
# A birth-date cell whose weakest digit fits no template this well is not
# printed as DD-MM-YYYY in the table's font, and is left out of the NIK.
DATE_FIT = 0.88
HEADER_SCALE = 2.0
RT_RW_LAYOUT = "DDD/DDD"
# An RT/RW label as tesseract spells it on a small picture: RTRW, RT/RW, RIRw.
RT_RW_LABEL = re.compile(r"r[tfil1]?\W?[/|il1]?r[wv]\W*", re.I)
# How far right of its label, in letter heights, the RT/RW value may begin.
RT_RW_REACH = 16
TEXT_VOTE_SCALES = (1.3, 1.6)
# A small name cell's reading by the line recogniser counts for this many of
# tesseract's, on the letters only (see vote.letters_first).
NAME_LINE_WEIGHT = 2.5
# Labels of the header's right column: a value of the left column read on
# the same line runs into one of them, often misspelt ("PROVNSA").
# Older forms print the region on the left and the family on the right, so
# the family's labels may follow a value too.
RIGHT_LABELS = ("kecamatan", "kabupatenkota", "kabupaten", "kodepos", "provinsi",
                "alamat", "namakepalakeluarga", "desakelurahan", "kelurahandesa")
LABEL_RATIO = 0.75
LABEL_PREFIX = 7  # a label this long is also known by its start
LINE_START = 3  # characters before a label that still begins its line
LEFT_COLUMN = ("kepala_keluarga", "alamat", "rt_rw", "kel_desa")
# A value found by its line's place, not its label, is given a little less.
POSITION_CONFIDENCE = 0.9
# The header fields whose label may stand in the middle of a line.
LABEL_FIELDS = {"kecamatan": "kecamatan", "alamat": "alamat",
                "namakepalakeluarga": "kepala_keluarga", "desakelurahan": "kel_desa",
                "kelurahandesa": "kel_desa"}
# Two readings of the head's name this alike (letters only) are one name.
SAME_NAME = 0.7
# The head's name taken from the table alone, or read two ways: worth a look.
HEAD_UNSURE = 0.45
FIELD_ORDER = ("no_kk", "kepala_keluarga", "alamat", "rt_rw", "kel_desa", "kecamatan")


def keyword_score(words: list[Word]) -> int:
    """Count KK words found."""
    found = {w.text.upper().strip(":") for w in words}
    return sum(1 for k in KEYWORDS if k in found)


def read_kk(gray: np.ndarray, words: list[Word]
            ) -> tuple[dict[str, Field], list[dict[str, Any]], list[str]]:
    """Read an upright KK page.

    Args:
        gray: The page, grey and upright.
        words: Tesseract's words on ``gray``.

    Returns:
        Header fields, members (nik, nama, jenis_kelamin, tempat_lahir,
        tanggal_lahir) and warnings in Indonesian.
    """
    lines = group_lines(words)
    warnings: list[str] = []
    grid = table.find_grid(gray)
    fields = {"no_kk": _read_number(gray, lines, warnings,
                                    grid.rows[0] if grid is not None else None)}
    fields.update(_read_header(lines))
    reread_passes: list[list[list[Word]]] = []
    for psm in (4, 6):
        # Tesseract's two page layouts lose different lines of a small header.
        if grid is None or not any(_missing(fields, n) for n in FIELD_ORDER):
            break
        header = _header_lines(grid, psm)
        reread_passes.append(header)
        for name, found in _read_header(header).items():
            if _missing(fields, name):
                fields[name] = found
    for source in [lines] + reread_passes:
        # Labels read too badly to be known: the fields still missing are
        # looked for where their lines stand.
        if not any(_missing(fields, n) for n in LEFT_COLUMN):
            break
        for name, found in _read_header(source, by_position=True).items():
            if _missing(fields, name):
                fields[name] = found
    if grid is not None:
        reread = [line for header in reread_passes for line in header]
        fields["rt_rw"] = _checked_rt_rw(fields.get("rt_rw"), gray, lines, grid,
                                         reread)
    members = _read_member_table(gray, grid, warnings, fields["no_kk"].value)
    if members is None:
        members = _read_members(group_rows(words), warnings)
    if not members:
        warnings.append("Tabel anggota keluarga tidak terbaca.")

    for name in FIELD_ORDER:
        fields.setdefault(name, Field(None, 0.0))
    fields["kepala_keluarga"] = _head_of_family(fields["kepala_keluarga"], members)
    correct.mend_region(fields)
    unsure = [n for n in FIELD_ORDER if fields[n].confidence < 0.5]
    if unsure:
        warnings.append(unsure_message(unsure))
    return {n: fields[n] for n in FIELD_ORDER}, members, warnings


def _head_of_family(head: Field, members: list[dict[str, Any]]) -> Field:
    """Settle the head's name between the header and the table's first row.

    A KK lists its head first among the members, so the name is printed
    twice. A header left unread takes the table's reading; two readings of
    one name that differ by a few letters mean one is misread. The header's,
    printed apart from the crowded table, is given to both, and is flagged
    for the clerk to check. A first row of another name (a KK ordered
    otherwise) is left alone.
    """
    first = members[0]["nama"] if members else ""
    if not first or head.value == first:
        return head
    if head.value is None:
        return Field(first, HEAD_UNSURE)

    likeness = difflib.SequenceMatcher(
        None, head.value.replace(" ", ""), first.replace(" ", "")).ratio()
    if likeness < SAME_NAME:
        return head
    log.debug("KK head's name read differently in header and table")
    members[0]["nama"] = head.value
    return Field(head.value, min(head.confidence, HEAD_UNSURE))


def _missing(fields: dict[str, Field], name: str) -> bool:
    """Tell whether a header field was not found or found without a value."""
    return name not in fields or fields[name].value is None


def _read_number(gray: np.ndarray, lines: list[list[Word]], warnings: list[str],
                 table_top: int | None) -> Field:
    """The family card number, printed under the title above the member table.

    A member's NIK in the table is never taken for it. When tesseract did
    not see the number's line at all (its OCR-A digits are no words to it),
    the strip between the title and the next line is read by template.
    """
    header = [line for line in lines[:8]
              if table_top is None or max(w.bottom for w in line) <= table_top]
    for line in header:
        digit_words = [w for w in line if len(correct.as_digits(w.text)) >= 10]
        if not digit_words:
            continue
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        pad = int(0.35 * (bottom - top))
        left = min(w.left for w in digit_words) - (bottom - top)
        right = max(w.right for w in digit_words) + (bottom - top)
        band = gray[max(top - pad, 0):bottom + pad, max(left, 0):right]
        run = read_digit_run(band) if band.size else None
        fallback = correct.as_digits(" ".join(w.text for w in digit_words))

        if run and run.confidence >= MIN_SCORE and check_no_kk(run.text).ok:
            return Field(run.text, run.confidence)
        if len(fallback) == 16 and check_no_kk(fallback).ok:
            conf = float(np.mean([w.conf for w in digit_words]))
            return Field(fallback, conf * 0.9)
    band = _band_below_title(gray, header)
    run = read_digit_run(band) if band is not None else None
    if run and run.confidence >= MIN_SCORE and check_no_kk(run.text).ok:
        log.debug("KK number found under the title by template")
        return Field(run.text, run.confidence)
    warnings.append("No. KK tidak dapat dibaca. Ketik manual.")
    return Field(None, 0.0)


def _band_below_title(gray: np.ndarray, lines: list[list[Word]]) -> np.ndarray | None:
    """The strip between the KARTU KELUARGA title and the first labelled line.

    The number's line, misread or not seen at all, stands in it.
    """
    for i, line in enumerate(lines):
        if "KELUARGA" in " ".join(w.text for w in line).upper():
            break
    else:
        return None
    top = max(w.bottom for w in line)
    title = top - min(w.top for w in line)
    labelled = [later for later in lines[i + 1:]
                if any(":" in w.text for w in later)]
    bottom = top + 3 * title  # the number is printed within a title's height or two
    if labelled:
        bottom = min(bottom, min(w.top for w in labelled[0]))
    if bottom - top < title // 2:
        return None
    return gray[top:bottom]


def _header_lines(grid: table.Grid, psm: int = 4) -> list[list[Word]]:
    """Read the header above the member table again, enlarged and sharpened.

    On a chat photo the header's letters are a few pixels high and the
    page-wide reading misses whole lines. The words' boxes are given at the
    scale of ``grid.image``.
    """
    band = grid.image[:max(grid.rows[0] - 2, 1)]
    big = cv2.resize(band, None, fx=HEADER_SCALE, fy=HEADER_SCALE,
                     interpolation=cv2.INTER_CUBIC).astype(np.float32)
    soft = cv2.GaussianBlur(big, (0, 0), 1.5 * HEADER_SCALE)
    sharp = np.clip(2 * big - soft, 0, 255).astype(np.uint8)
    words = engine.read_words(sharp, psm=psm)
    return group_lines([_unscaled(w, HEADER_SCALE) for w in words])


def _unscaled(word: Word, scale: float) -> Word:
    """A word's box on a picture ``scale`` times smaller."""
    return Word(word.text, word.conf, int(word.left / scale), int(word.top / scale),
                max(int(round(word.width / scale)), 1),
                max(int(round(word.height / scale)), 1), word.line_key)


def _checked_rt_rw(found: Field | None, gray: np.ndarray, lines: list[list[Word]],
                   grid: table.Grid, reread: list[list[Word]]) -> Field:
    """Check RT/RW against its digits matched by template, or read it so.

    Tesseract often loses the slash of a small ``003/001`` or reads a digit
    for it; the value is printed in the table's font, whose digits the
    templates know. A reading they do not confirm is given as unsure.
    """
    tesseract = found.value if found else None
    matched = _rt_rw_by_template(gray, lines)
    if matched is None:
        matched = _rt_rw_by_template(grid.image, reread or _header_lines(grid))
    if matched is None:
        return found or Field(None, 0.0)

    value, sure = matched
    log.debug("RT/RW by template %s (sure: %s), by tesseract %s", value, sure,
              tesseract)
    if value == tesseract:
        return Field(value, max(found.confidence if found else 0.0, 0.9))
    if sure:
        return Field(value, 0.85 if tesseract is None else 0.7)
    if tesseract is not None and found is not None:
        return Field(tesseract, min(found.confidence, 0.6))
    return Field(value, 0.6)


def _rt_rw_by_template(image: np.ndarray, lines: list[list[Word]]
                       ) -> tuple[str, bool] | None:
    """Read RT/RW as ``NNN/NNN`` by digit templates, right of its label.

    Returns:
        The value and whether every digit was clearly told apart, or None
        when no label or no value in the table's font is found.
    """
    for line in lines:
        label = next((w for w in line if RT_RW_LABEL.fullmatch(w.text)), None)
        if label is None:
            continue
        crop = _value_right_of(image, label)
        if crop is None:
            continue
        scores = score_small_sans_digits(crop, RT_RW_LAYOUT, min_fit=DATE_FIT)
        if scores is None:
            continue
        digits = [str(d) for d in scores.blended.argmax(axis=1)]
        ranked = np.sort(scores.blended, axis=1)
        sure = bool((ranked[:, -1] - ranked[:, -2]).min() >= NIK_MARGIN
                    and (scores.templates.argmax(axis=1)
                         == scores.blended.argmax(axis=1)).all())
        return "".join(digits[:3]) + "/" + "".join(digits[3:]), sure
    return None


def _letter_box(image: np.ndarray, word: Word) -> tuple[int, int] | None:
    """The middle row and the height of a word's letters, from their ink.

    Tesseract's box of a small word is often a few pixels too tall.
    """
    crop = image[word.top:word.bottom, word.left:word.right]
    if crop.size == 0:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink)
    letters = [(y, h) for _, y, w, h, _ in stats[1:count] if w >= 2 and h >= 4]
    if not letters:
        return None
    height = int(np.median([h for _, h in letters]))
    middle = int(np.median([y + h / 2 for y, h in letters]))
    return word.top + middle, height


def _value_right_of(image: np.ndarray, label: Word) -> np.ndarray | None:
    """Cut out the first run of letter-high ink right of a label.

    The colon between label and value, being short, is passed over; the
    run ends at a gap wider than a letter.
    """
    letters = _letter_box(image, label)
    if letters is None:
        return None
    middle, height = letters
    top = max(middle - height, 0)
    bottom = middle + height
    left = label.right + 1
    band = image[top:bottom, left:left + RT_RW_REACH * height]
    if band.size == 0 or band.shape[1] < 2 * height:
        return None
    _, ink = cv2.threshold(band, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink)
    tall = sorted((int(x), int(x + w)) for x, _, w, h, _ in stats[1:count]
                  if h >= 0.6 * height and h <= 1.6 * height)
    if not tall:
        return None
    start, end = tall[0]
    for x0, x1 in tall[1:]:
        if x0 - end > 0.8 * height:
            break
        end = max(end, x1)
    pad = max(height // 3, 2)
    return band[:, max(start - pad, 0):end + pad]


def _read_header(lines: list[list[Word]], *, by_position: bool = False
                 ) -> dict[str, Field]:
    """The header fields found by their labels, and by place if ``by_position``."""
    pattern = re.compile("|".join(f"(?P<{k.strip('_')}>{v})"
                                  for k, v in HEADER_LABELS.items()), re.I)
    found: dict[str, Field] = {}
    starts: dict[str, int] = {}  # left-column labels found, by line
    for index, line in enumerate(lines):
        text = " ".join(w.text for w in line)
        if re.search(r"\d{12,}", text.replace(" ", "")) and "nama" not in text.lower():
            continue  # a member row
        matches = list(pattern.finditer(text))
        conf = float(np.mean([w.conf for w in line]))
        for i, match in enumerate(matches):
            name = match.lastgroup or ""
            if match.start() <= LINE_START:
                starts.setdefault(name, index)
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            value, other, rest = _cut_at_label(text[match.end():end])
            for key, text_found in ((name, value.strip(" :;.")), (other, rest)):
                text_found = re.sub(r"^[1il|!]\s+", "", text_found)
                if key in (None, "kabupaten", "kode_pos", "provinsi") or key in found:
                    continue
                found[key] = _header_field(key, text_found, conf)
    if by_position:
        _fill_by_position(lines, found, starts)
    return found


def _fill_by_position(lines: list[list[Word]], found: dict[str, Field],
                      starts: dict[str, int]) -> None:
    """Read a left-column field whose label is misread from where its line stands.

    The KK prints Nama Kepala Keluarga, Alamat, RT/RW and Desa/Kelurahan
    one under the other; a blurred ``Alamat`` read as ``Mamat`` or
    ``Aamnat`` still stands between the head of the family and RT/RW.
    The label is one or two words, the value what follows.
    """
    taken = set(starts.values())
    for pos, name in enumerate(LEFT_COLUMN):
        if name in found:
            continue
        index = None
        if pos > 0 and LEFT_COLUMN[pos - 1] in starts:
            index = starts[LEFT_COLUMN[pos - 1]] + 1
        elif pos + 1 < len(LEFT_COLUMN) and LEFT_COLUMN[pos + 1] in starts:
            index = starts[LEFT_COLUMN[pos + 1]] - 1
        if index is None or not 0 <= index < len(lines) or index in taken:
            continue
        line = lines[index]
        conf = POSITION_CONFIDENCE * float(np.mean([w.conf for w in line]))
        tokens = [w.text for w in line]
        while tokens and not re.search(r"[A-Za-z0-9]", tokens[0]):
            tokens.pop(0)  # the table's ruling read as | or :
        for skip in _label_ends(tokens):
            value, _, _ = _cut_at_label(" ".join(tokens[skip:]))
            field = _header_field(name, value.strip(" :;."), conf)
            # A village is taken only when it is a known one: the words
            # after a two-word label must not pass for a name.
            if field.value and (name != "kel_desa"
                                or field.value in correct.KNOWN_VILLAGES):
                log.debug("KK %s read from its line's place", name)
                found[name] = field
                starts[name] = index
                break


def _label_ends(tokens: list[str]) -> list[int]:
    """Where a misread label may end: after its colon, else after 1, 2 or 3 words."""
    for i, token in enumerate(tokens[:4]):
        if re.fullmatch(r"[:;.,!|»«\-=1il]+", token):
            return [i + 1]  # the colon stands alone (or is read as 1)
        if i and re.search(r"[:»]$", token):
            return [i + 1]
    return [1, 2, 3]


def _cut_at_label(value: str) -> tuple[str, str | None, str]:
    """Cut a header value where a misread label of the other column begins.

    Returns:
        The value, the field whose label was found after it (None for a
        label we do not read, or none) and the text after that label.
    """
    words = value.split()
    for i in range(1, len(words)):
        for size in (1, 2, 3):
            span = words[i:i + size]
            key = re.sub(r"[^a-z]", "", "".join(span).lower())
            if len(key) < 5 or not words[i][0].isalpha() or any(
                    re.search(r"\d", w) for w in span):
                continue  # labels hold no digits
            ratio, label = max((_label_likeness(key, label), label)
                               for label in RIGHT_LABELS)
            if ratio >= LABEL_RATIO:
                rest = " ".join(words[i + size:]).strip(" :;.")
                return " ".join(words[:i]), LABEL_FIELDS.get(label), rest
    return value, None, ""


def _label_likeness(key: str, label: str) -> float:
    """How much a run of letters looks like a label (0..1).

    A blurred label is also compared with its lookalike shapes folded
    (KOCARNATAN is KECAMATAN with RN for M), and a long one by its start,
    which a smudge after it leaves alone (KABUPATERVXCI).
    """
    ratio = max(difflib.SequenceMatcher(None, key, label).ratio(),
                correct.edit_similarity(correct.fold_lookalikes(key.upper()),
                                        correct.fold_lookalikes(label.upper())))
    if len(label) >= LABEL_PREFIX and len(key) > len(label) and key[0] == label[0]:
        ratio = max(ratio, difflib.SequenceMatcher(None, key[:len(label)],
                                                   label).ratio())
    return ratio


def _closest_prefix(value: str, vocabulary: tuple[str, ...], cutoff: float
                    ) -> tuple[str | None, float]:
    """Vocabulary match of the value, else of its longest matching first words.

    A label misread too badly to be cut still leaves the name at the front;
    the whole value is preferred, so "KAMPAR KIRI HILR" never shrinks to KAMPAR.
    """
    words = value.split()
    for count in range(len(words), 0, -1):
        found = correct.closest(" ".join(words[:count]), vocabulary, cutoff=cutoff)
        if found[0]:
            return found
    return None, 0.0


def _header_field(name: str, value: str, conf: float) -> Field:
    if name == "kepala_keluarga":
        return Field(correct.clean_name(value) or None, conf)
    if name == "rt_rw":
        rt_rw = correct.rt_rw(value)
        return Field(rt_rw, conf if rt_rw else 0.0)
    if name == "alamat":
        alamat = correct.clean_alamat(value)
        if correct.house_number_lost(alamat) or alamat == "DUSUN":
            # The house number lost or read as letters, or the dusun's
            # numeral lost: worth a look.
            conf = min(conf, 0.45)
        return Field(alamat, conf * 0.9)
    if name == "kecamatan":
        best, ratio = _closest_prefix(value, correct.KECAMATAN_NAMES, 0.6)
        return Field(best, max(conf, ratio) * ratio) if best else Field(None, 0.0)
    if name == "kel_desa":
        best, ratio = _closest_prefix(value, correct.KNOWN_VILLAGES, 0.85)
        if best:
            return Field(best, max(conf, ratio) * ratio)
    return Field(correct.clean_text(value) or None, conf * 0.9)


def _read_member_table(gray: np.ndarray, grid: table.Grid | None,
                       warnings: list[str], no_kk: str | None
                       ) -> list[dict[str, Any]] | None:
    """Read members cell by cell from the ruled table; None without a table."""
    if grid is None:
        return None
    columns = _member_columns(gray, grid)
    if "nama" not in columns:
        log.debug("member table header not understood: %s", sorted(columns))
        return None

    # A heading misread still leaves the NIK column known by its content.
    nik_candidates = ([columns["nik"]] if "nik" in columns else
                      [c for c in range(len(grid.cols) - 1)
                       if c not in columns.values()])
    rows = [r for r in range(1, len(grid.rows) - 1)
            if table.has_ink(table.cell_image(grid, r, columns["nama"]))]
    digit_cols = nik_candidates + [columns[n] for n in ("tanggal_lahir",)
                                   if n in columns]
    other_cols = [columns[n] for n in ("jenis_kelamin", "tempat_lahir")
                  if n in columns]
    groups = [(digit_cols, DIGITS), ([columns["nama"]] + other_cols, "")]
    if grid.row_height < table.SMALL_ROW:
        # Small blurred names are misread more often on a sheet shared with
        # the shorter cells of other columns: they get one of their own.
        groups[1:] = [([columns["nama"]], ""), (other_cols, "")]
    read: dict[tuple[int, int], str] = {}
    for cols, extra in groups:
        cells = [table.cell_image(grid, r, c) for r in rows for c in cols]
        if extra or grid.row_height >= table.SMALL_ROW:
            texts = iter(table.read_cells(cells, extra=extra))
        else:
            names = cols == [columns["nama"]]
            texts = iter(_voted_cells(cells, [_bare_cell(grid, r, c) for r in rows
                                              for c in cols] if names else None))
        read.update({(r, c): next(texts) for r in rows for c in cols})
    if "nik" not in columns:
        columns["nik"] = max(nik_candidates, key=lambda c: sum(
            len(correct.as_digits(read[(r, c)])) == 16 for r in rows))

    members = []
    for r in rows:
        cells = {n: read.get((r, columns[n]), "") if n in columns else ""
                 for n in MEMBER_COLUMNS}
        member = _member_from_cells(cells)
        matched, sure, birth = _match_nik(grid, r, columns, cells, no_kk)
        if matched and member["nik"] and _agreeing(matched, member["nik"]) < 8:
            # Templates laid over something else (a ruling, a smudge) agree
            # with nothing; tesseract's whole reading is kept, with a warning.
            matched, sure = member["nik"], False
        if matched and matched != member["nik"]:
            # The templates know the font and the NIK's birth date: on every
            # kind of picture they read the small table digits more reliably.
            sure = sure and member["nik"] is None
            member = {**_member_from_cells({**cells, "nik": matched}),
                      "nama": member["nama"]}
        elif matched is None and (member["nik"] is None
                                  or birth_date_from_nik(member["nik"]) is None):
            member = _reread_nik(gray, grid, r, columns["nik"], member)
        nik_birth = birth_date_from_nik(member["nik"] or "")
        if birth and nik_birth and nik_birth[0].isoformat() == birth:
            # Chosen from both sights of the date, so better than either.
            member["tanggal_lahir"] = birth
        confidence = NIK_SURE
        if member["nik"] is None or birth_date_from_nik(member["nik"]) is None:
            warnings.append(f"NIK anggota ke-{len(members) + 1} tidak jelas; "
                            "periksa kembali.")
            confidence = 0.0
        elif not sure and matched:
            warnings.append(f"NIK anggota ke-{len(members) + 1} kurang jelas; "
                            "periksa kembali.")
            confidence = NIK_UNSURE
        members.append({**{k: v or "" for k, v in member.items()},
                        "nik_confidence": confidence})
    return members


def _voted_cells(cells: list[np.ndarray], names: list[np.ndarray] | None = None
                 ) -> list[str]:
    """Read blurred text cells at three sizes and keep the majority per cell.

    ``names``, the same cells without their rulings, are name cells: the
    line recogniser reads them too, and its reading counts on the letters.
    """
    readings = [table.read_cells(cells)]
    for scale in TEXT_VOTE_SCALES:
        readings.append(table.read_cells(
            [cv2.resize(c, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
             for c in cells]))
    texts = []
    for i, options in enumerate(zip(*readings)):
        cleaned, weights, spaceless = vote.ballot(
            [correct.name_or_none(o) for o in options],
            line_engine.read_sure(names[i]) if names else None, NAME_LINE_WEIGHT,
            correct.name_or_none)
        winner = vote.letters_first(cleaned, vote.vote(cleaned, weights), weights,
                                    spaceless)
        texts.append(winner.value or options[0])
    return texts


def _member_columns(gray: np.ndarray, grid: table.Grid) -> dict[str, int]:
    """Find the member columns by their printed headings."""
    count = len(grid.cols) - 1
    headings = table.read_cells([table.cell_image(grid, 0, c)
                                 for c in range(count)])
    scored = []
    for col, heading in enumerate(headings):
        key = re.sub(r"[^a-z]", "", heading.lower())
        for name, variants in MEMBER_COLUMNS.items():
            ratio = max(difflib.SequenceMatcher(None, key, v).ratio() for v in variants)
            if ratio >= 0.6:
                scored.append((ratio, name, col))
    columns: dict[str, int] = {}
    for _, name, col in sorted(scored, reverse=True):
        if name not in columns and col not in columns.values():
            columns[name] = col
    return _complete_columns(columns, count)


def _complete_columns(columns: dict[str, int], count: int) -> dict[str, int]:
    """Place unread headings by the fixed order, if most read ones agree."""
    offsets = [col - COLUMN_ORDER.index(name) for name, col in columns.items()]
    if not offsets:
        return columns
    offset = max(set(offsets), key=offsets.count)
    if 2 * offsets.count(offset) <= len(offsets):
        return columns

    placed = {name: COLUMN_ORDER.index(name) + offset for name in COLUMN_ORDER}
    if min(placed.values()) < 0 or max(placed.values()) >= count:
        return columns
    return placed


def _member_from_cells(cells: dict[str, str]) -> dict[str, str | None]:
    nik = correct.as_digits(cells["nik"])
    sex, _ = correct.closest(cells["jenis_kelamin"], correct.JENIS_KELAMIN, cutoff=0.5)
    birth = correct.parse_date(cells["tanggal_lahir"])
    nik_birth = birth_date_from_nik(nik) if len(nik) == 16 else None
    if nik_birth and sex is None:
        sex = nik_birth[1]
    if nik_birth and birth is None:
        birth = nik_birth[0]
    return {
        "nik": nik if len(nik) == 16 else None,
        "nama": correct.clean_name(cells["nama"]) or None,
        "jenis_kelamin": sex,
        "tempat_lahir": correct.birth_place(
            correct.clean_name(cells["tempat_lahir"]) or None)[0],
        "tanggal_lahir": birth.isoformat() if birth else None,
    }


def _agreeing(first: str, second: str) -> int:
    """Count the positions where two readings have the same digit."""
    return sum(a == b for a, b in zip(first, second))


def _match_nik(grid: table.Grid, row: int, columns: dict[str, int],
               cells: dict[str, str], no_kk: str | None
               ) -> tuple[str | None, bool, str | None]:
    """Read a member's NIK by template and example; its birth date must be real.

    Returns:
        The NIK (None when the cell holds no digit run), whether every
        digit was clearly told apart from the runner-up, and the birth date
        (ISO) chosen with it when the row's birth-date column helped.
    """
    scores = score_small_sans_digits(_bare_cell(grid, row, columns["nik"]),
                                     "D" * 16)
    if scores is None:
        return None, False, None
    sex, _ = correct.closest(cells["jenis_kelamin"], correct.JENIS_KELAMIN,
                             cutoff=0.7)
    dates = _date_column_scores(grid, row, columns)

    blended_dates = dates.blended if dates is not None else None
    template_dates = dates.templates if dates is not None else None
    nik, sure, birth = _nik_from_scores(scores.blended, sex, blended_dates, no_kk)
    second, _, _ = _nik_from_scores(scores.templates, sex, template_dates, no_kk)
    # The templates alone are a second opinion: a NIK they would read
    # otherwise is reported, but not as sure.
    sure = sure and second == nik
    return _family_region(nik, second, no_kk), sure, (
        birth.date if dates is not None else None)


def _family_region(nik: str, second: str, no_kk: str | None) -> str:
    """Settle the two opinions' quarrel over region digits by the family's.

    Where the blended scores and the templates alone read a region digit
    differently and one of them reads the family number's digit there, a
    member registered where the family is, as most are, is the likelier.
    """
    if not no_kk or len(no_kk) != 16:
        return nik
    region = "".join(
        no_kk[i] if a != b and no_kk[i] in (a, b) else a
        for i, (a, b) in enumerate(zip(nik[:6], second[:6])))
    codes = {code[-2:] for code, _ in KAMPAR_KECAMATAN}
    if region[:4] == KAMPAR_PREFIX and region[4:] not in codes:
        return nik
    return region + nik[6:]


def _nik_from_scores(scores: np.ndarray, sex: str | None,
                     date_scores: np.ndarray | None, no_kk: str | None
                     ) -> tuple[str, bool, _BirthDigits]:
    """The best NIK for digit scores, whether it is clear, and its birth date."""
    ranked = np.sort(scores, axis=1)
    margins = ranked[:, -1] - ranked[:, -2]
    region, region_sure = _region_digits(scores[:6], no_kk)
    birth = _birth_digits(scores[6:12], sex, date_scores)
    nik = region + birth.digits + "".join(str(d) for d in scores[12:].argmax(axis=1))
    sure = bool(region_sure and margins[12:].min() >= NIK_MARGIN and birth.sure)
    return nik, sure, birth


def _date_column_scores(grid: table.Grid, row: int, columns: dict[str, int]
                        ) -> SmallDigitScores | None:
    """Digit scores of the row's printed birth date, None if it does not fit.

    The birth-date column prints the same day, month and year as NIK digits
    7-12: a second, independent sight of digits that blur alike.
    """
    if "tanggal_lahir" not in columns:
        return None
    # None when the cell is no DD-MM-YYYY date in the table's font.
    return score_small_sans_digits(_bare_cell(grid, row, columns["tanggal_lahir"]),
                                   DATE_LAYOUT, min_fit=DATE_FIT)


def _region_digits(scores: np.ndarray, no_kk: str | None) -> tuple[str, bool]:
    """NIK digits 1-6: the registering province, regency and kecamatan.

    A Kampar NIK's kecamatan code is one of Kampar's; members are mostly
    registered where the family is, so the family's region decides between
    near-equal readings.
    """
    ranked = np.sort(scores, axis=1)
    digits = [str(d) for d in scores.argmax(axis=1)]
    if no_kk and len(no_kk) == 16:
        for i in range(6):
            if scores[i, int(no_kk[i])] >= ranked[i, -1] - PRIOR_MARGIN:
                digits[i] = no_kk[i]
    sure = bool((ranked[:, -1] - ranked[:, -2]).min() >= NIK_MARGIN)
    if "".join(digits[:4]) != KAMPAR_PREFIX:
        return "".join(digits), sure

    codes = [code[-2:] for code, _ in KAMPAR_KECAMATAN]
    totals = [scores[4, int(c[0])] + scores[5, int(c[1])] for c in codes]
    order = np.argsort(totals)[::-1]
    best = codes[order[0]]
    if no_kk and no_kk[4:6] in codes and no_kk[4:6] != best:
        if totals[codes.index(no_kk[4:6])] >= totals[order[0]] - PRIOR_MARGIN:
            best = no_kk[4:6]
    gap = totals[order[0]] - totals[order[1]]
    sure = bool((ranked[:4, -1] - ranked[:4, -2]).min() >= NIK_MARGIN
                and gap >= NIK_MARGIN)
    return "".join(digits[:4]) + best, sure


@dataclass(frozen=True)
class _BirthDigits:
    digits: str  # NIK digits 7-12, DDMMYY with 40 added to a woman's day
    date: str  # the birth date, ISO
    sure: bool


def _birth_digits(scores: np.ndarray, sex: str | None,
                  date_scores: np.ndarray | None) -> _BirthDigits:
    """Best real birth date for NIK digits 7-12 (day + 40 for a woman).

    With the row's printed date the two sights of each digit are added;
    when the NIK alone would have said another date, the reading is unsure.
    """
    dates = _all_birth_dates()
    day, month, year = dates[:, 0], dates[:, 1], dates[:, 2]
    short = year % 100
    nik_totals, texts = [], []
    for female in (False, True):
        if sex is not None and female != (sex == "PEREMPUAN"):
            continue
        nik_day = day + (40 if female else 0)
        nik_totals.append(scores[0, nik_day // 10] + scores[1, nik_day % 10]
                          + scores[2, month // 10] + scores[3, month % 10]
                          + scores[4, short // 10] + scores[5, short % 10])
        texts.append(nik_day)
    nik_total = np.concatenate(nik_totals)
    nik_day = np.concatenate(texts)
    copies = len(nik_totals)
    day, month, year = (np.tile(a, copies) for a in (day, month, year))

    total = nik_total
    if date_scores is not None:
        printed = (date_scores[0, day // 10] + date_scores[1, day % 10]
                   + date_scores[2, month // 10] + date_scores[3, month % 10]
                   + date_scores[4, year // 1000] + date_scores[5, year // 100 % 10]
                   + date_scores[6, year // 10 % 10] + date_scores[7, year % 10])
        total = nik_total + printed
    best, second = np.argsort(total)[::-1][:2]
    text = f"{nik_day[best]:02d}{month[best]:02d}{year[best] % 100:02d}"
    iso = dt.date(int(year[best]), int(month[best]), int(day[best])).isoformat()
    sure = bool(total[best] - total[second] >= NIK_MARGIN
                and nik_total.argmax() == best)
    return _BirthDigits(text, iso, sure)


@functools.cache
def _all_birth_dates() -> np.ndarray:
    """Every (day, month, year) of the last hundred years: one per DDMMYY."""
    today = dt.date.today()
    days = []
    day = dt.date(today.year - 99, 1, 1)
    while day <= today:
        days.append((day.day, day.month, day.year))
        day += dt.timedelta(days=1)
    return np.array(days, np.int64)


def _bare_cell(grid: table.Grid, row: int, col: int) -> np.ndarray:
    """A cell at the page's scale, without its rulings."""
    top, bottom, left, right = grid.cell(row, col)
    inset = max(4, int(0.12 * grid.row_height))
    return grid.image[top + inset:bottom - inset, left + inset:right - inset]


def _reread_nik(gray: np.ndarray, grid: table.Grid, row: int, col: int,
                member: dict[str, str | None]) -> dict[str, str | None]:
    """Read one doubtful NIK cell again, alone and a little larger."""
    cell = table.cell_image(grid, row, col)
    cell = cv2.resize(cell, None, fx=1.3, fy=1.3, interpolation=cv2.INTER_CUBIC)
    words = engine.read_words(cell, psm=7, extra=DIGITS)
    nik = correct.as_digits("".join(w.text for w in words))
    if len(nik) == 16 and birth_date_from_nik(nik):
        return {**member, "nik": nik}
    return member


def _read_members(lines: list[list[Word]], warnings: list[str]) -> list[dict[str, Any]]:
    members = []
    for line in lines:
        index = next((i for i, w in enumerate(line)
                      if 14 <= len(correct.as_digits(w.text)) <= 17
                      and sum(c.isdigit() for c in w.text) >= 10), None)
        if index is None:
            continue
        member = _member_from_row(line, index)
        if member["nama"] in ("NO", "NOMOR") or (
            index == 0 and len(line) < 3
        ):
            continue  # the family number line, not a member row
        valid = member["nik"] is not None and birth_date_from_nik(member["nik"])
        if not valid:
            warnings.append(f"NIK anggota ke-{len(members) + 1} tidak jelas; "
                            "periksa kembali.")
        # Tesseract's reading alone, not checked against the digits' shapes.
        members.append({**{k: v or "" for k, v in member.items()},
                        "nik_confidence": TESSERACT_NIK if valid else 0.0})
    return members


def _member_from_row(line: list[Word], nik_index: int) -> dict[str, str | None]:
    names = [w.text for w in line[:nik_index]]
    if names and re.fullmatch(r"\d{1,2}\.?", names[0]):
        names = names[1:]
    nik = correct.as_digits(line[nik_index].text)
    rest = [w.text for w in line[nik_index + 1:]]

    sex = None
    if rest:
        sex, _ = correct.closest(rest[0], correct.JENIS_KELAMIN, cutoff=0.5)
        rest = rest[1:]
    date_at = next((i for i, t in enumerate(rest)
                    if re.fullmatch(r"\S{1,2}-\S{1,2}-\S{4}", t)), None)
    place = " ".join(rest[:date_at]) if date_at is not None else ""
    birth = correct.parse_date(rest[date_at]) if date_at is not None else None

    nik_birth = birth_date_from_nik(nik) if len(nik) == 16 else None
    if nik_birth and sex is None:
        sex = nik_birth[1]
    return {
        "nik": nik if len(nik) == 16 else None,
        "nama": correct.clean_name(" ".join(names)) or None,
        "jenis_kelamin": sex,
        "tempat_lahir": correct.birth_place(correct.clean_name(place) or None)[0],
        "tanggal_lahir": birth.isoformat() if birth else None,
    }
