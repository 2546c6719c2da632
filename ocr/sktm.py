"""Read a Surat Keterangan Tidak Mampu from a village office.

Each village office prints its own form: the labels are worded differently
("Nama" or "Nama Lengkap", "NIK" or "No. NIK"), the values start wherever
the longest label ends, and the closing date may follow the place or a
"Pada tanggal" label. Labels are therefore found by their wording, fuzzily,
and each value is taken from the rest of its label's line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass

import cv2
import numpy as np

from ocr import correct
from ocr import engine
from ocr import lines as line_engine
from ocr import table
from ocr import vote
from ocr.engine import Word
from ocr.engine import group_lines
from ocr.engine import group_rows
from ocr.nik import birth_date_from_nik
from ocr.result import Field
from ocr.result import unsure_message

log = logging.getLogger(__name__)

KEYWORDS = ("SURAT", "KETERANGAN", "TIDAK", "MAMPU", "NOMOR")
FIELD_ORDER = ("nomor_surat", "nama", "nik", "kel_desa", "kecamatan", "tanggal_surat")
# Label wordings used by village offices, as lower-case letters only. Labels
# of fields we do not read are listed too, so that "Alamat" is never taken
# for a misread "Nama".
LABELS = {
    "nomor_surat": ("nomor", "no", "nomorsurat", "nosurat"),
    "nama": ("nama", "namalengkap", "namapemohon", "namaterang"),
    "nik": ("nik", "nonik", "nomornik", "noktp", "niknoktp", "nomorktp",
            "nomorindukkependudukan", "noindukkependudukan"),
    "tempat_tanggal_lahir": ("tempattgllahir", "tempattanggallahir", "ttl",
                             "tempattgllhr", "tempatlahirtanggallahir",
                             "tempatdantanggallahir"),
    "kel_desa": ("desa", "kelurahan", "keldesa", "desakel", "desakelurahan",
                 "kelurahandesa"),
    "kecamatan": ("kecamatan", "kec"),
    "tanggal_surat": ("padatanggal", "tanggal", "tgl", "tanggalsurat"),
    "_other": ("jeniskelamin", "agama", "pekerjaan", "alamat", "statusperkawinan",
               "kewarganegaraan", "statuskawin", "kabupaten", "dikeluarkandi",
               "ditetapkandi", "dibuatdi", "keperluan", "tempatlahir", "umur"),
}
# Letters a label may differ from its wording by, over its length.
LABEL_RATIO = 0.75
# A label is at most this many words.
LABEL_WORDS = 4
# The words the NIK and the letter number are read again after, alone.
NIK_CHARS = "-c tessedit_char_whitelist=0123456789:"
# A value read again is brought to this word-box height (pixels) first.
REREAD_HEIGHT = 40
# A letter number is read with the numbers' model at about the size it was
# trained on and at three sizes around it (a chat photo's slash merges with
# the digit before it at one size and not at the next), and once more with
# the Indonesian model, better at the office's letters.
NUMBER_HEIGHT = 24
NUMBER_VARIANTS = ((1.0, 0.0, 0), (1.4, 0.0, 0), (0.85, 0.0, 0), (1.25, 0.0, 0))
NUMBER_LETTERS_HEIGHT = 30
# Fewer rows than this under the person's data hold no closing to read again.
CLOSING_MIN_HEIGHT = 20
# The line recogniser's reading of a number or NIK is taken when it scores
# at least lines.MIN_SCORE, checked by tesseract's vote: when the two engines
# disagree the value is given at DISAGREED, which the form highlights.
DISAGREED = 0.6
# On a name, its reading counts for this many of tesseract's, on the letters
# only (see vote.letters_first).
LINE_WEIGHT = 2.5
# Around a value's words, the line recogniser is given this much of a word
# box's height; more would take in the label's colon.
LINE_PAD = 0.3
# A reading that needed a slash put back counts for this much of one that
# printed them all: "27VDS" is a slash read as a letter as often as lost.
RESTORED_WEIGHT = 0.5
NUMBER_CHARS = ("-c tessedit_char_whitelist=0123456789/-:."
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# A letter number: classification code, sequence, office parts (an office
# code, a roman month), year. A slash lost in a blurred copy is put back.
# It starts at the reading's first digit run: "470/013/0S-K" (the D read as
# a 0) is no number "013/0/S-K"; a colon read as a 1 before it is dropped.
NUMBER_SHAPE = re.compile(r"(?<![\dA-Z/])(?:[1IL|](?=\d{3}/))?"
                          r"(\d{3}(?:\.\d{1,2})?)(/?)(\d{1,4})(/?)"
                          r"([A-Z](?:[A-Z0-9.\-/]*[A-Z])?)(/?)((?:19|20)\d\d)(?!\d)")
DATE_WORDS = re.compile(r"(\d{1,2})\s*[.,]?\s+([A-Za-z]{3,})[.,]?\s+(\d{4})")
DATE_DIGITS = re.compile(r"\b(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\b")
PARTIAL_WORDS = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,})\s+(\d{1,3})\s*$")
PARTIAL_DATE = re.compile(r"\b\d{1,2}\s+[A-Za-z]{3,}\s+\d{0,3}\b|"
                          r"\b\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,3}\b")
SEPARATOR = re.compile(r"^\s*(?:[:;.,£=|!]+|[1il](?=\s))\s*")


@dataclass(frozen=True)
class _Value:
    """The text after a label, and where it stands on the page."""

    text: str
    conf: float
    words: tuple[Word, ...]
    strong: bool  # the label was closed by a colon, not guessed from words


def keyword_score(words: list[Word]) -> int:
    """Count SKTM words found."""
    found = {w.text.upper().strip(":") for w in words}
    return sum(1 for k in KEYWORDS if k in found)


def read_sktm(gray: np.ndarray, words: list[Word]
              ) -> tuple[dict[str, Field], list[str]]:
    """Read an upright SKTM page.

    Args:
        gray: The page, grey and upright.
        words: Tesseract's words on the page.

    Returns:
        The fields of :data:`FIELD_ORDER` and warnings in Indonesian.
    """
    warnings: list[str] = []
    lines = group_lines(words)
    found = _labelled_values(lines)
    for name, values in _labelled_values(group_rows(words)).items():
        # Tesseract may read the labels as one block and the values as
        # another; rows rebuilt from the word boxes join them again.
        found.setdefault(name, values)

    birth = _birth_date(found.get("tempat_tanggal_lahir", []))
    nomor, number_year = _nomor(gray, found.get("nomor_surat", []))
    fields = {
        "nomor_surat": nomor,
        "nama": _nama(gray, found.get("nama", [])),
        "nik": _nik_field(gray, found.get("nik", []), birth),
        "kecamatan": _region(found.get("kecamatan", []), correct.KECAMATAN_NAMES, 0.6),
        "kel_desa": _region(found.get("kel_desa", []),
                            correct.KNOWN_VILLAGES, 0.85),
        "tanggal_surat": _letter_date(gray, lines, found.get("tanggal_surat", []),
                                      birth, number_year),
    }
    correct.mend_region(fields)
    fields["tanggal_surat"] = _date_in_number_year(fields["tanggal_surat"],
                                                   number_year, warnings)
    if fields["nik"].confidence < 0.5:
        warnings.append("NIK pada surat tidak terbaca dengan jelas; periksa kembali.")
    unsure = [n for n in FIELD_ORDER if fields[n].confidence < 0.5]
    if unsure:
        warnings.append(unsure_message(unsure))
    return {n: fields[n] for n in FIELD_ORDER}, warnings


def _labelled_values(lines: list[list[Word]]) -> dict[str, list[_Value]]:
    """Every labelled value on the page, per field, those closed by a colon first."""
    found: dict[str, list[_Value]] = {}
    for line in lines:
        match = _match_label(line)
        if match is None:
            continue
        name, value = match
        if value.text:
            found.setdefault(name, []).append(value)
    for values in found.values():
        values.sort(key=lambda v: not v.strong)
    return found


def _match_label(line: list[Word]) -> tuple[str, _Value] | None:
    """The field whose label starts the line, and the value after the label.

    A colon within the first words closes the label; without one (or when
    the words before it are no label), the longest run of first words that
    reads as a label is taken, and a misread colon after it is dropped.
    """
    colon = next((i for i, w in enumerate(line[:LABEL_WORDS + 1]) if ":" in w.text),
                 None)
    if colon is not None:
        before, _, after = line[colon].text.partition(":")
        label = " ".join([w.text for w in line[:colon]] + [before])
        name, _ = _closest_label(_letters(label))
        if name == "_other":
            return None
        if name:
            rest = line[colon:] if after.strip() else line[colon + 1:]
            text = " ".join([after] + [w.text for w in line[colon + 1:]])
            return name, _value(text, rest, strong=True)

    best: tuple[float, int, str] | None = None
    for count in range(1, min(LABEL_WORDS, len(line)) + 1):
        if re.search(r"\d", line[count - 1].text) or not _letters(line[count - 1].text):
            break  # labels hold no digits; a lone mark ends them
        name, ratio = _closest_label(_letters(" ".join(w.text for w in line[:count])))
        if name and (best is None or ratio >= best[0]):
            best = (ratio, count, name)
    if best is None or best[2] == "_other":
        return None
    _, count, name = best
    rest = line[count:]
    return name, _value(" ".join(w.text for w in rest), rest, strong=False)


def _value(text: str, words: list[Word], *, strong: bool) -> _Value:
    text = SEPARATOR.sub("", text).strip()
    if words and not _letters(words[0].text) and not re.search(r"\d", words[0].text):
        words = words[1:]  # a separator standing alone
    conf = float(np.mean([w.conf for w in words])) if words else 0.0
    return _Value(text, conf, tuple(words), strong)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _closest_label(key: str) -> tuple[str | None, float]:
    """The field a label's letters spell, with their similarity."""
    if not key:
        return None, 0.0
    best, best_ratio = None, 0.0
    for name, wordings in LABELS.items():
        for wording in wordings:
            if len(wording) <= 3 or len(key) <= 3:
                # Short labels must be read exactly (NIK also as N1K, NlK).
                same = re.sub(r"[il]", "i", key) == re.sub(r"[il]", "i", wording)
                ratio = 1.0 if same else 0.0
            else:
                ratio = correct.edit_similarity(key, wording)
            if ratio > best_ratio:
                best, best_ratio = name, ratio
    return (best, best_ratio) if best_ratio >= LABEL_RATIO else (None, best_ratio)


def _nama(gray: np.ndarray, values: list[_Value]) -> Field:
    """The person's name, read again alone and voted on with the line recogniser.

    A chat photo's name slips a letter (FTTRIANI, NSNIMAR) in one reading
    and not in the next; a name the readings do not agree on is flagged.
    """
    for value in values:
        name = correct.clean_name(value.text)
        if len(name.replace(" ", "")) < 2:
            continue
        readings, weights, spaceless = vote.ballot(
            [name] + [correct.name_or_none(t) for t in _reread(gray, value.words, "")],
            _read_line(gray, value.words), LINE_WEIGHT, correct.name_or_none)
        result = vote.letters_first(readings, vote.vote(readings, weights), weights,
                                    spaceless)
        if result.value is None:
            return Field(name, min(value.conf, 0.45))
        if result.share <= 0.5:
            return Field(result.value, min(value.conf, 0.45))
        return Field(result.value, value.conf)
    return Field(None, 0.0)


def _region(values: list[_Value], vocabulary: tuple[str, ...], cutoff: float
            ) -> Field:
    """The first value naming a known place; else the first value, unsure."""
    for value in values:
        words = correct.clean_text(value.text).split()
        for count in range(len(words), 0, -1):
            best, ratio = correct.closest(" ".join(words[:count]), vocabulary,
                                          cutoff=cutoff)
            if best:
                return Field(best, max(value.conf, ratio) * ratio)
    if values:
        text = correct.clean_text(values[0].text)
        return Field(text or None, min(values[0].conf * 0.9, 0.45))
    return Field(None, 0.0)


def _birth_date(values: list[_Value]) -> dt.date | None:
    return next((d for d in (find_date(v.text) for v in values) if d), None)


def find_date(text: str) -> dt.date | None:
    """The date written in ``text`` as ``12 Maret 1980`` or ``12-03-1980``."""
    for match in DATE_WORDS.finditer(text):
        found = correct.parse_date(" ".join(match.groups()))
        if found:
            return found
    for match in DATE_DIGITS.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def _letter_date(gray: np.ndarray, lines: list[list[Word]], values: list[_Value],
                 birth: dt.date | None, number_year: int | None) -> Field:
    """The letter's date: after "Pada tanggal", else the page's last date.

    The closing ("Bangkinang, 12 Maret 2026") comes after the person's data,
    so the last date on the page that is not the birth date is the letter's.
    A date read in part (a year's last digit lost) is read again alone.
    """
    for value in values:
        found = _date_of(gray, value.text, value.words)
        if found and _plausible_letter_date(found):
            return Field(found.isoformat(), 0.9)

    dates = _dates_on(gray, lines, birth)
    if not dates:
        # Tesseract's page layout can pass over the closing standing alone
        # at the right of a small page: what lies below the person's data
        # is read again on its own.
        closing = _closing_lines(gray, lines)
        dates = _dates_on(gray, closing, birth)
        lines = lines + closing
    if dates:
        return Field(dates[-1].isoformat(), 0.9 if len(set(dates)) == 1 else 0.6)
    return _date_with_number_year(lines, number_year)


def _dates_on(gray: np.ndarray, lines: list[list[Word]], birth: dt.date | None
              ) -> list[dt.date]:
    """The plausible letter dates on these lines, in order; the birth date is none."""
    dates = []
    for line in lines:
        match = _match_label(line)
        if match and match[0] == "tempat_tanggal_lahir":
            continue
        found = _date_of(gray, " ".join(w.text for w in line), tuple(line))
        if found and found != birth and _plausible_letter_date(found):
            dates.append(found)
    return dates


def _closing_lines(gray: np.ndarray, lines: list[list[Word]]) -> list[list[Word]]:
    """The lines below the last labelled one, read again (page coordinates)."""
    labelled = [line for line in lines if _match_label(line)]
    top = max(w.bottom for w in labelled[-1]) if labelled else gray.shape[0] // 2
    if gray.shape[0] - top < CLOSING_MIN_HEIGHT:
        return []
    words = engine.read_words(gray[top:], psm=4)
    return group_lines([dataclasses.replace(w, top=w.top + top) for w in words])


def _date_in_number_year(date: Field, year: int | None, warnings: list[str]
                         ) -> Field:
    """A letter dated in another year than its number's is read wrong somewhere.

    Letters are numbered in the year they are written. The number's year,
    read by most of its readings, is the likelier (a 6 blurred to a 5 in the
    closing); the date is then given with it, for the clerk to check.
    """
    if date.value is None or year is None:
        return date
    found = dt.date.fromisoformat(date.value)
    if found.year == year:
        return date
    try:
        mended = found.replace(year=year)
    except ValueError:  # 29 February
        return Field(date.value, min(date.confidence, 0.45))
    warnings.append(f"Tahun tanggal surat ({found.year}) berbeda dengan tahun pada "
                    f"nomor surat ({year}); periksa kembali.")
    if not _plausible_letter_date(mended):
        return Field(date.value, min(date.confidence, 0.45))
    return Field(mended.isoformat(), 0.45)


def _date_with_number_year(lines: list[list[Word]], year: int | None) -> Field:
    """A closing date whose year was cut short, completed from the letter number.

    The number ends in the year the letter was written; a year read as
    ``202`` that begins it is taken from there, and flagged for a check.
    """
    if year is None:
        return Field(None, 0.0)
    for line in reversed(lines):
        match = PARTIAL_WORDS.search(" ".join(w.text for w in line))
        if match and str(year).startswith(match.group(3)):
            found = correct.parse_date(f"{match.group(1)} {match.group(2)} {year}")
            if found:
                return Field(found.isoformat(), 0.45)
    return Field(None, 0.0)


def _date_of(gray: np.ndarray, text: str, words: tuple[Word, ...]
             ) -> dt.date | None:
    """The date in a line, read again from its crop when only part of it was read."""
    found = find_date(text)
    if found or not PARTIAL_DATE.search(text):
        return found
    readings = [find_date(t) for t in _reread(gray, words, "")]
    result = vote.vote([d.isoformat() if d else None for d in readings])
    log.debug("SKTM date read again: %d of %d readings agree", result.count,
              len(readings))
    return dt.date.fromisoformat(result.value) if result.count >= 2 else None


def _plausible_letter_date(date: dt.date) -> bool:
    return 1990 <= date.year <= dt.date.today().year + 1


def _nomor(gray: np.ndarray, values: list[_Value]) -> tuple[Field, int | None]:
    """The letter number, read again alone and voted on, and its year.

    The year is given when most readings agree on it, however unsure the
    rest of the number: it completes a letter date whose year was cut short.
    """
    for value in values:
        if _number(value.text) is None and not value.strong:
            continue
        texts = [value.text]
        texts += _reread(gray, value.words, NUMBER_CHARS, lang=engine.NUMBERS_LANG,
                         height=NUMBER_HEIGHT, kinds=NUMBER_VARIANTS)
        texts += _reread(gray, value.words, NUMBER_CHARS,
                         height=NUMBER_LETTERS_HEIGHT, kinds=((1.0, 0.0, 0),))
        readings = [_number_reading(t) for t in texts]
        result = vote.vote([number for number, _ in readings],
                           [1.0 if whole else RESTORED_WEIGHT for _, whole in readings])
        log.debug("SKTM nomor_surat: %d of %d readings agree", result.count,
                  len(texts))
        years = vote.vote([_year_at_end(t) for t in texts])
        year = int(years.value) if years.value and years.share > 0.5 else None
        confident = result.value is not None and result.share > 0.5
        line = _read_line(gray, value.words)
        number, whole = _number_reading(line) if line else (None, False)
        if number and whole:
            # The recogniser reads a chat photo's J, T and 1 where tesseract
            # reads all three as 1, at every scale.
            agreed = confident and number == result.value
            return Field(number, max(value.conf, 0.95) if agreed else DISAGREED), year
        if result.value is None:
            raw = re.sub(r"\s+", "", value.text).upper()
            return Field(raw or None, min(value.conf, 0.4)), year
        return Field(result.value, max(value.conf, 0.9) if confident else 0.4), year
    return Field(None, 0.0), None


def _nik_field(gray: np.ndarray, values: list[_Value], birth: dt.date | None
               ) -> Field:
    """The NIK, read again alone and voted on, checked with the birth date."""
    for value in values:
        first = _nik(value.text, birth)
        texts = _reread(gray, value.words, NIK_CHARS)
        result = vote.vote([first] + [_nik(t, birth) for t in texts])
        log.debug("SKTM nik: %d of %d readings agree", result.count, len(texts) + 1)
        line = _read_line(gray, value.words)
        nik = _nik(line, birth) if line else None
        if nik and (birth is None or _nik_birth(nik) == birth):
            agreed = result.share > 0.5 and nik == result.value
            return Field(nik, max(value.conf, 0.95) if agreed else DISAGREED)
        if result.value is None:
            digits = correct.as_digits(value.text)
            if digits:
                return Field(digits, min(value.conf, 0.3))
            continue
        agrees = birth is None or _nik_birth(result.value) == birth
        if result.share > 0.5 and agrees:
            return Field(result.value, max(value.conf, 0.9))
        return Field(result.value, 0.4)
    return Field(None, 0.0)


def _read_line(gray: np.ndarray, words: tuple[Word, ...]) -> str | None:
    """The line recogniser's sure reading of a value's words, from the page."""
    if not words:
        return None
    pad = int(LINE_PAD * np.median([w.height for w in words])) + 2
    top = max(min(w.top for w in words) - pad, 0)
    left = max(min(w.left for w in words) - pad, 0)
    bottom = max(w.bottom for w in words) + pad
    right = max(w.right for w in words) + pad
    return line_engine.read_sure(gray[top:bottom, left:right])


def _nik_birth(nik: str) -> dt.date | None:
    found = birth_date_from_nik(nik)
    return found[0] if found else None


def _reread(gray: np.ndarray, words: tuple[Word, ...], chars: str, *,
            lang: str = engine.LANG, height: int = REREAD_HEIGHT,
            kinds: tuple[tuple[float, float, int], ...] = vote.VARIANTS) -> list[str]:
    """Read a value again from its own crop, enlarged, several ways.

    Chat apps shrink a page until slashes and thin digits blur away; the
    value alone, brought to ``height`` pixels (a word box's, capitals and
    descenders included) and read with only the characters it may hold,
    loses fewer of them.
    """
    if not words:
        return []
    box = int(np.median([w.height for w in words]))
    pad = int(0.45 * box) + 2
    top = max(min(w.top for w in words) - pad, 0)
    bottom = max(w.bottom for w in words) + pad
    left = max(min(w.left for w in words) - pad, 0)
    right = min(max(w.right for w in words) + pad, gray.shape[1])
    crop = gray[top:bottom, left:right]
    if crop.size == 0:
        return []
    scale = height / max(box, 1)
    if lang == engine.LANG:
        # The Indonesian model is read on an enlarged copy only.
        scale = max(1.0, scale)
    crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return table.read_cells(vote.variants(crop, kinds), extra=chars, lang=lang)


def _nik(text: str, birth: dt.date | None = None) -> str | None:
    """The 16 digits in ``text`` that hold a real birth date, the printed one first."""
    digits = correct.as_digits(text)
    windows = [digits[i:i + 16] for i in range(max(len(digits) - 15, 0))]
    valid = [w for w in windows if _nik_birth(w)]
    return next((w for w in valid if _nik_birth(w) == birth), None) or next(
        iter(valid), None)


def _year_at_end(text: str) -> str | None:
    match = re.search(r"(?<!\d)((?:19|20)\d\d)\W*$", text)
    return match.group(1) if match else None


def _number(text: str) -> str | None:
    return _number_reading(text)[0]


def _number_reading(text: str) -> tuple[str | None, bool]:
    """The letter number in ``text``, and whether it printed every slash."""
    text = re.sub(r"\s+", "", text).upper().lstrip(":;.")
    text = text.replace("\\", "/")
    match = NUMBER_SHAPE.search(text)
    if match is None:
        return None, False
    parts = match.groups()
    return "/".join(parts[::2]), all(parts[1::2])
