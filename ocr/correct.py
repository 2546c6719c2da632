"""Post-correction of OCR text with what we know about the documents."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re

from ocr.regions import KAMPAR_DESA
from ocr.regions import KAMPAR_KECAMATAN
from ocr.regions import OLD_KECAMATAN_NAMES
from ocr.regions import STREET_NAMES
from ocr.result import Field

AGAMA = ("ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDHA", "KONGHUCU")
STATUS_PERKAWINAN = ("BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")
JENIS_KELAMIN = ("LAKI-LAKI", "PEREMPUAN")
GOL_DARAH = ("A", "B", "AB", "O", "-")
KEWARGANEGARAAN = ("WNI", "WNA")
PEKERJAAN = (
    "BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA", "PELAJAR/MAHASISWA",
    "PENSIUNAN", "PEGAWAI NEGERI SIPIL (PNS)", "TENTARA NASIONAL INDONESIA (TNI)",
    "KEPOLISIAN RI (POLRI)", "PERDAGANGAN", "PETANI/PEKEBUN", "PETERNAK",
    "NELAYAN/PERIKANAN", "INDUSTRI", "KONSTRUKSI", "TRANSPORTASI",
    "KARYAWAN SWASTA", "KARYAWAN BUMN", "KARYAWAN BUMD", "KARYAWAN HONORER",
    "BURUH HARIAN LEPAS", "BURUH TANI/PERKEBUNAN", "BURUH NELAYAN/PERIKANAN",
    "PEMBANTU RUMAH TANGGA", "TUKANG BATU", "TUKANG KAYU", "TUKANG JAHIT",
    "SOPIR", "GURU", "DOSEN", "DOKTER", "BIDAN", "PERAWAT", "PEDAGANG",
    "WIRASWASTA", "PERANGKAT DESA", "KEPALA DESA", "LAINNYA",
)
# A foreign resident's KTP prints these values in English; the back office
# keeps the Indonesian ones.
ENGLISH_VALUES = {
    "MALE": "LAKI-LAKI", "FEMALE": "PEREMPUAN",
    "MARRIED": "KAWIN", "NOT MARRIED": "BELUM KAWIN", "UNMARRIED": "BELUM KAWIN",
    "SINGLE": "BELUM KAWIN", "DIVORCED": "CERAI HIDUP", "WIDOWED": "CERAI MATI",
    "MOSLEM": "ISLAM", "MUSLIM": "ISLAM", "CHRISTIAN": "KRISTEN",
    "PROTESTANT": "KRISTEN", "CATHOLIC": "KATOLIK", "BUDDHIST": "BUDHA",
    "BUDDHA": "BUDHA", "CONFUCIAN": "KONGHUCU",
}
# Nationalities printed on a foreigner's KTP: a country's name means WNA.
COUNTRIES = (
    "MALAYSIA", "SINGAPORE", "SINGAPURA", "BRUNEI DARUSSALAM", "THAILAND",
    "PHILIPPINES", "FILIPINA", "VIETNAM", "MYANMAR", "CAMBODIA", "LAOS",
    "TIMOR-LESTE", "CHINA", "TIONGKOK", "TAIWAN", "HONG KONG", "JAPAN", "JEPANG",
    "KOREA", "SOUTH KOREA", "KOREA SELATAN", "INDIA", "PAKISTAN", "BANGLADESH",
    "SRI LANKA", "NEPAL", "SAUDI ARABIA", "ARAB SAUDI", "YEMEN", "EGYPT", "MESIR",
    "TURKEY", "TURKI", "IRAN", "IRAQ", "AUSTRALIA", "NEW ZEALAND", "SELANDIA BARU",
    "UNITED STATES", "USA", "AMERIKA SERIKAT", "CANADA", "KANADA", "BRAZIL",
    "UNITED KINGDOM", "INGGRIS", "GERMANY", "JERMAN", "NETHERLANDS", "BELANDA",
    "FRANCE", "PERANCIS", "ITALY", "ITALIA", "SPAIN", "SPANYOL", "PORTUGAL",
    "BELGIUM", "BELGIA", "SWITZERLAND", "SWISS", "AUSTRIA", "SWEDEN", "SWEDIA",
    "NORWAY", "NORWEGIA", "DENMARK", "DENMARK", "FINLAND", "POLAND", "POLANDIA",
    "RUSSIA", "RUSIA", "UKRAINE", "NIGERIA", "SOUTH AFRICA", "AFRIKA SELATAN",
)
KECAMATAN_NAMES = tuple(name.upper() for _, name in KAMPAR_KECAMATAN) + tuple(
    name.upper() for name in OLD_KECAMATAN_NAMES
)
DESA_NAMES = tuple(name.upper() for name, _ in KAMPAR_DESA)
# Within one kecamatan few village names look alike, so a name read with a
# slip is matched against its own kecamatan's villages more loosely.
LOCAL_VILLAGE_CUTOFF = 0.7
# Towns a Kampar resident is often born in beyond Kampar's own villages: the
# regency seats and cities of Riau and its neighbours, and the big cities.
BIRTH_TOWNS = (
    "PEKANBARU", "DUMAI", "SIAK", "SIAK SRI INDRAPURA", "PASIR PENGARAIAN",
    "UJUNG BATU", "RENGAT", "AIR MOLEK", "TEMBILAHAN", "BENGKALIS", "DURI",
    "SELAT PANJANG", "PANGKALAN KERINCI", "TELUK KUANTAN", "BAGAN SIAPIAPI",
    "PADANG", "BUKITTINGGI", "PAYAKUMBUH", "PADANG PANJANG", "SOLOK",
    "SAWAHLUNTO", "PARIAMAN", "BATUSANGKAR", "LUBUK BASUNG", "LUBUK SIKAPING",
    "PAINAN", "SIJUNJUNG", "MEDAN", "PEMATANGSIANTAR", "TEBING TINGGI", "BINJAI",
    "SIBOLGA", "TANJUNGBALAI", "PADANGSIDIMPUAN", "KISARAN", "RANTAU PRAPAT",
    "JAMBI", "PALEMBANG", "BENGKULU", "BATAM", "TANJUNG PINANG", "BANDA ACEH",
    "BANDAR LAMPUNG", "JAKARTA", "BANDUNG", "SEMARANG", "YOGYAKARTA", "SURABAYA",
)
KNOWN_VILLAGES = DESA_NAMES + KECAMATAN_NAMES
# The similarity given to a reading that differs from a known name only by
# lookalike shapes.
LOOKALIKE_RATIO = 0.9
# A street read within this similarity of a known one (after folding the
# shapes tesseract confuses) is taken to be it: one slip in six letters.
STREET_CUTOFF = 0.83
# Letters and pairs that a blurred or thresholded print turns into each
# other; a reading and a known name are compared with these folded.
_LOOKALIKES = (("LI", "U"), ("II", "U"), ("RN", "M"), ("VV", "W"), ("CL", "D"),
               ("0", "O"), ("D", "O"), ("Q", "O"), ("1", "I"), ("L", "I"),
               ("5", "S"), ("8", "B"), ("Y", "V"))
KNOWN_PLACES = KNOWN_VILLAGES + BIRTH_TOWNS
# Spelling slips are mended only on names this long and this close: a short
# name is one letter away from too many others.
PLACE_MIN_LENGTH = 6
PLACE_CUTOFF = 0.85
# A kecamatan not read but known from its village is filled in for the clerk
# to confirm: under 0.5, so it is listed among the fields to check.
INFERRED_CONFIDENCE = 0.45

_TO_DIGIT = str.maketrans({
    "O": "0", "D": "0", "Q": "0", "o": "0", "U": "0",
    "I": "1", "l": "1", "i": "1", "|": "1", "L": "1", "!": "1", "J": "1",
    "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6",
    "T": "7", "?": "7", "g": "9", "q": "9", "A": "4",
})
_TO_HOUSE_NUMBER = str.maketrans({"I": "1", "l": "1", "|": "1"})
MONTHS_ID = {
    "JANUARI": 1, "FEBRUARI": 2, "MARET": 3, "APRIL": 4, "MEI": 5, "JUNI": 6,
    "JULI": 7, "AGUSTUS": 8, "SEPTEMBER": 9, "OKTOBER": 10, "NOVEMBER": 11,
    "DESEMBER": 12,
}


def as_digits(text: str) -> str:
    """Map letters OCR commonly confuses with digits, then keep digits only."""
    return re.sub(r"\D", "", text.translate(_TO_DIGIT))


@functools.lru_cache(maxsize=32)
def _folded(vocabulary: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((entry, fold_lookalikes(entry)) for entry in vocabulary)


def closest(text: str, vocabulary: tuple[str, ...], cutoff: float = 0.6
            ) -> tuple[str | None, float]:
    """Return the vocabulary entry closest to ``text`` and the similarity."""
    cleaned = re.sub(r"[^A-Z0-9/()\- ]", "", text.upper()).strip()
    cleaned = re.sub(r"\s+", " ", cleaned)
    if not cleaned:
        return None, 0.0
    best, best_ratio = None, 0.0
    for entry in vocabulary:
        ratio = difflib.SequenceMatcher(None, cleaned, entry).ratio()
        if ratio > best_ratio:
            best, best_ratio = entry, ratio
    if best_ratio < LOOKALIKE_RATIO:
        # Read with only lookalike slips (UPAT KAIN for LIPAT KAIN): as good
        # as one slip, however much the plain comparison counts it.
        folded = fold_lookalikes(cleaned)
        same = next((entry for entry, entry_folded in _folded(vocabulary)
                     if entry_folded == folded), None)
        if same is not None and len(folded) >= PLACE_MIN_LENGTH:
            best, best_ratio = same, LOOKALIKE_RATIO
    if best_ratio < cutoff:
        return None, best_ratio
    return best, best_ratio


def closest_indonesian(text: str, vocabulary: tuple[str, ...], cutoff: float = 0.6
                       ) -> tuple[str | None, float]:
    """Like :func:`closest`, also taking the English words a WNA's card prints.

    Returns the Indonesian entry and the similarity to what was printed.
    """
    english = tuple(k for k, v in ENGLISH_VALUES.items() if v in vocabulary)
    value, ratio = closest(text, vocabulary + english, cutoff=cutoff)
    return ENGLISH_VALUES.get(value, value) if value else None, ratio


def village_in(text: str | None, conf: float, kecamatan: str | None
               ) -> tuple[str | None, float]:
    """Mend a village name that no village or kecamatan of Kampar matched.

    Read beside its kecamatan, a name with a slip has few look-alikes:
    ``RUOK`` in Kecamatan Kuok can only be ``KUOK``.

    Args:
        text: The village as read (a known name is returned as it is).
        conf: Its confidence.
        kecamatan: The kecamatan read on the same document, if any.

    Returns:
        The village (or the kecamatan's own name, which villages often
        share) and a confidence lowered by the slip; ``text`` and ``conf``
        unchanged when no name of the kecamatan is close enough. A name
        that only a kecamatan bears is given as unsure.
    """
    if text and text not in DESA_NAMES and text in KECAMATAN_NAMES:
        # No village of Kampar has this name, only a kecamatan: the
        # kecamatan's line read in the village's place, most likely.
        return text, min(conf, INFERRED_CONFIDENCE)
    if not text or not kecamatan or text in KNOWN_VILLAGES:
        return text, conf
    names = tuple(desa.upper() for desa, kec in KAMPAR_DESA
                  if kec.upper() == kecamatan) + (kecamatan,)
    best, ratio = closest(text, names, cutoff=LOCAL_VILLAGE_CUTOFF)
    return (best, max(conf, ratio) * ratio) if best else (text, conf)


def kecamatan_of(village: str | None) -> str | None:
    """The kecamatan of a Kampar village, when only one has a village so named.

    A kecamatan's name is also the name of a village in it (Kampar, Kuok);
    a village read where its kecamatan was lost still tells it.
    """
    if not village:
        return None
    found = {kec.upper() for desa, kec in KAMPAR_DESA if desa.upper() == village}
    return found.pop() if len(found) == 1 else None


def mend_region(fields: dict[str, Field]) -> None:
    """Mend ``kel_desa`` beside its kecamatan; fill a lost kecamatan from it."""
    desa, kecamatan = fields["kel_desa"], fields["kecamatan"]
    fields["kel_desa"] = Field(*village_in(desa.value, desa.confidence,
                                           kecamatan.value))
    if kecamatan.value is None:
        found = kecamatan_of(fields["kel_desa"].value)
        if found:
            fields["kecamatan"] = Field(found, INFERRED_CONFIDENCE)


def birth_place(text: str | None) -> tuple[str | None, float]:
    """Mend a birth place one slip away from a known village or town.

    Returns:
        The place as mended (``text`` itself when it is not close to a
        known one) and the similarity to what was read (1.0 when kept).
    """
    if not text or len(text.replace(" ", "")) < PLACE_MIN_LENGTH:
        return text, 1.0
    if text in KNOWN_PLACES:
        return text, 1.0
    best, ratio = closest(text, KNOWN_PLACES, cutoff=PLACE_CUTOFF)
    return (best, ratio) if best else (text, 1.0)


def edit_similarity(a: str, b: str) -> float:
    """Return 1 minus the Levenshtein distance over the longer length (0..1).

    Unlike :class:`difflib.SequenceMatcher`, which anchors on the first
    longest common block, this counts a misread letter as one slip wherever
    it falls (``Atarnat`` is two substitutions and one insertion from
    ``Alamat``).
    """
    if not a or not b:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char != other)))
        previous = current
    return 1 - previous[-1] / max(len(a), len(b))


def parse_date(text: str) -> dt.date | None:
    """Parse ``DD-MM-YYYY`` (with OCR noise) or ``12 Maret 2026``."""
    match = re.search(r"(\d{1,2})\s+([A-Za-z]{3,})\s+(\d{4})", text)
    if match:
        month, _ = closest(match.group(2), tuple(MONTHS_ID), cutoff=0.7)
        if month:
            try:
                return dt.date(int(match.group(3)), MONTHS_ID[month],
                               int(match.group(1)))
            except ValueError:
                return None

    digits = as_digits(text)
    if len(digits) < 8:
        return None
    digits = digits[-8:] if len(digits) > 8 else digits
    try:
        return dt.date(int(digits[4:8]), int(digits[2:4]), int(digits[0:2]))
    except ValueError:
        return None


def clean_name(text: str) -> str:
    """Upper-case letters, spaces and the punctuation names use."""
    text = re.sub(r"[^A-Za-z .,'\-]", "", text).upper()
    text = re.sub(r"\s+", " ", text).strip(" .,-'")
    return text


def clean_text(text: str) -> str:
    """Upper-case free text (addresses), dropping OCR debris at the ends."""
    text = re.sub(r"[^A-Za-z0-9 .,/()'\-]", "", text).upper()
    text = re.sub(r"\s+", " ", text).strip(" .,-'")
    return text


def name_or_none(text: str) -> str | None:
    """:func:`clean_name`, None for a reading with no name in it (a vote's blank)."""
    return clean_name(text) or None


def clean_alamat(text: str) -> str | None:
    """Drop a colon misread as ``1.`` and mend a misread ``JL.``."""
    text = clean_text(text)
    text = re.sub(r"^[12Il|]{1,2}[.,]?\s*(?=JL|DUSUN|GG|KOMP|PERUM)", "", text)
    # A colon run into the J of JL. reads as LIL. or 1JL.
    text = re.sub(r"^[1IL|]?[IJ1|]L[.,]\s*(?=[A-Z])", "JL. ", text)
    # XXX: a street address is assumed to start with JL. when a one- or
    # two-character blot stands first; GG. (gang) is the exception we know.
    text = re.sub(r"^(?!JL\.|GG)[A-Z0-9|]{1,2}(?:[.,]+\s*|\s+)(?=[A-Z]{3})", "JL. ",
                  text)
    # DUSUN with a U read as I or L (DUSIN, DLSUN).
    text = re.sub(r"^D[UIL]S[UIL]N\b", "DUSUN", text)
    # A narrow space before a dusun's Roman numeral is lost (DUSUNII).
    text = re.sub(r"\bDUSUN(?=[IVX]{1,4}\b)", "DUSUN ", text)
    # The F of PROF. loses its lower arm on a photocopy.
    text = re.sub(r"\bPRO[EP]\b", "PROF", text)
    # Address titles are always abbreviated with a full stop; a small dot is
    # the first thing a photocopy loses.
    text = re.sub(r"\b(JL|JEND|PROF|DR|KH)\b[.,]?", r"\1.", text)
    # A lone initial in a name (JL. PROF. M. YAMIN, JL. H. AGUS SALIM) is
    # always followed by a full stop; I, V and X may be numerals instead.
    for _ in range(2):  # the second pass reaches an initial after an initial
        text = re.sub(r"(?<=\. )([A-HJ-UWYZ])[.,]?\s+(?=[A-Z])", r"\1. ", text)
    # A NO. run into the street before it (TAMBUSAINO.8): its space is lost.
    text = re.sub(r"(?<=[A-Z]{3})N[O0D][.,]\s*(?=\d|B\d*\b)", " NO. ", text)
    # The house number's NO.; its O filled in to a D or a 0 on a copy.
    text = re.sub(r"\bN[O0D][.,\-]*\s*(?=\d)|\bN[O0D][.,]\s*(?=\S)", "NO. ", text)
    # A house number starts with a digit: a B first is an 8 whose waist
    # blurred shut (NO. B for NO. 8); a B after digits is kept (NO. 12B).
    text = re.sub(r"(?<=\bNO\. )B(?=\d*\b)", "8", text)
    # A house number's 1 is often read as I: after NO., a word with a digit
    # in it is a number.
    text = re.sub(r"(?<=\bNO\. )(?=[0-9Il|]*\d)[0-9Il|]+\b",
                  lambda m: m.group(0).translate(_TO_HOUSE_NUMBER), text)
    # A stray dot before the house number's NO. is a speck, not a title.
    text = re.sub(r"(?<=[A-Z]{3})[.,]\s*(?=NO\. \d)", " ", text)
    return mend_street(text) or None


def house_number_lost(alamat: str | None) -> bool:
    """Whether an address ends in NO. without a number, or with letters for one.

    The end was lost (glare, a sleeve, the picture's edge) or misread: the
    address cannot be given as sure.
    """
    return bool(alamat and re.search(r"\bNO\.?(?: (?![0-9]+\b)\S*)?$", alamat))


def fold_lookalikes(text: str) -> str:
    """Upper-case text without spaces and dots, each lookalike shape made one."""
    text = text.replace(" ", "").replace(".", "")
    for shape, like in _LOOKALIKES:
        text = text.replace(shape, like)
    return text


def mend_street(text: str) -> str:
    """Mend a letter slip in a known street's name, and the JL. before it.

    ``JL. TYANKU TAMBUSAI NO. 22`` becomes ``JL. TUANKU TAMBUSAI NO. 22``
    and ``HJL LINTAS BANGKINANG`` ``JL. LINTAS BANGKINANG``. A street
    unlike every known one, or as like two of them, is kept as read.
    """
    match = re.fullmatch(r"(\S{1,4}?)[.,]?\s+(.+?)((?:\s+NO\b.*)?)", text)
    if match is None:
        return text
    lead, street, tail = match.groups()
    if lead != "JL" and not re.fullmatch(r"[HIJL1|]{1,3}", lead) or not (
            "J" in lead or "L" in lead):
        return text
    if street in STREET_NAMES:
        return f"JL. {street}{tail}"
    folded = fold_lookalikes(street)
    ranked = sorted(((edit_similarity(folded, f), name)
                     for name, f in _folded(STREET_NAMES)), reverse=True)
    (best, name), (second, _) = ranked[0], ranked[1]
    if best < STREET_CUTOFF or best == second:
        return text
    return f"JL. {name}{tail}"


_TO_BLOOD = str.maketrans({"0": "O", "D": "O", "Q": "O", "8": "B", "R": "B",
                           "G": "B", "4": "A"})


def gol_darah(text: str) -> tuple[str | None, bool]:
    """Return the blood group (A, B, AB, O or ``-``) and whether it was read as is.

    Args:
        text: The word read after the Gol. Darah label.

    Returns:
        The group, or None when the word is none of them after mending the
        letters OCR confuses with them (``D`` for ``O``, ``8`` for ``B``);
        False as second item when such a mend was needed.
    """
    text = text.strip().upper()
    if re.fullmatch(r"[\-\u2013\u2014_~]+", text):
        return "-", True
    text = text.strip(":;!|.,\u00bb")
    if text in GOL_DARAH:
        return text, True
    mended = text.translate(_TO_BLOOD)
    if mended in GOL_DARAH:
        return mended, False
    return None, False


def rt_rw(text: str) -> str | None:
    """Normalise ``RT/RW`` to ``NNN/NNN`` (the slash is often read as 1 or I)."""
    if "/" in text:
        rt, _, rw = text.partition("/")
        rt, rw = as_digits(rt), as_digits(rw)
    else:
        digits = as_digits(text)
        if len(digits) not in (6, 7):
            return None
        rt, rw = digits[:3], digits[-3:]
    if not rt or not rw or len(rt) > 3 or len(rw) > 3:
        return None
    return f"{int(rt):03d}/{int(rw):03d}"
