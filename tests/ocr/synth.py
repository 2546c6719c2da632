"""Synthetic KTP, KK and SKTM images with their truth, for tests and benchmarks.

Everything here is invented from a seed: names, numbers and addresses are
random combinations, never real people's documents. Layouts follow the public
look of the documents, and degradations imitate how they reach the office.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from dataclasses import replace
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.regions import KAMPAR_KECAMATAN

FONT_DIR = "/usr/share/fonts/truetype"
SANS = f"{FONT_DIR}/liberation/LiberationSans-Regular.ttf"
SANS_BOLD = f"{FONT_DIR}/liberation/LiberationSans-Bold.ttf"
SERIF = f"{FONT_DIR}/liberation/LiberationSerif-Regular.ttf"
SERIF_BOLD = f"{FONT_DIR}/liberation/LiberationSerif-Bold.ttf"
OCRA = f"{FONT_DIR}/ocr-a/OCRA.ttf"
OCRA_BOLD = f"{FONT_DIR}/ocr-a/OCRABold.ttf"
# Faces of the "unseen" style: none of them is used by the standard style, so
# a reader tuned on standard pictures has never seen them.
UNSEEN_SANS = (
    (f"{FONT_DIR}/dejavu/DejaVuSans.ttf", f"{FONT_DIR}/dejavu/DejaVuSans-Bold.ttf"),
    (f"{FONT_DIR}/dejavu/DejaVuSansCondensed.ttf",
     f"{FONT_DIR}/dejavu/DejaVuSansCondensed-Bold.ttf"),
    (f"{FONT_DIR}/liberation/LiberationSansNarrow-Regular.ttf",
     f"{FONT_DIR}/liberation/LiberationSansNarrow-Bold.ttf"),
    (f"{FONT_DIR}/liberation/LiberationMono-Regular.ttf",
     f"{FONT_DIR}/liberation/LiberationMono-Bold.ttf"),
)
UNSEEN_SERIF = (
    (f"{FONT_DIR}/dejavu/DejaVuSerif.ttf", f"{FONT_DIR}/dejavu/DejaVuSerif-Bold.ttf"),
    (f"{FONT_DIR}/dejavu/DejaVuSerifCondensed.ttf",
     f"{FONT_DIR}/dejavu/DejaVuSerifCondensed-Bold.ttf"),
) + UNSEEN_SANS[:2]

CONDITIONS = ("scan", "photocopy", "phone", "chat", "rotated")
DOC_TYPES = ("ktp", "kk", "sktm")
STYLES = ("standard", "unseen")
# Cards as they also reach the office: behind a plastic sleeve, worn, cropped
# small from a chat, a child's card, a foreigner's card, the pre-2011 card.
KTP_VARIANTS = ("glare", "sleeve", "worn", "thumbnail", "kia", "wna", "old")

FIRST_NAMES_M = (
    "AHMAD", "MUHAMMAD", "RIZKI", "RAHMAT", "ZULKIFLI", "SYAHRIAL", "ASMAR",
    "HENDRA", "DEDI", "JASMAN", "SYAFRIZAL", "IRWAN", "FAUZI", "ANDI", "BUDI",
    "YUSRI", "HASAN", "ARIFIN", "EDI", "NASRUL", "RIDWAN", "ABDUL", "JONI",
)
FIRST_NAMES_F = (
    "SITI", "NUR", "FITRI", "DEWI", "YUSNIDAR", "ROSNIAR", "NURHAYATI",
    "ERNAWATI", "MARLINA", "WARNI", "ASNIMAR", "YULIANA", "RINA", "SRI",
    "HASNAH", "ROSMAWATI", "ELVI", "MISNAWATI", "DESI", "NURAINI",
)
LAST_NAMES = (
    "SAPUTRA", "HIDAYAT", "RAHMAN", "PUTRI", "WATI", "HANDAYANI", "SYAHPUTRA",
    "FITRIANI", "ZAINAL", "HARAHAP", "NASUTION", "AMRI", "EFENDI", "YANTI",
    "SARI", "ARIANTO", "HAMID", "MULYADI", "ANWAR", "KURNIAWAN", "", "",
)
# The villages residents are drawn from: a fixed sample of the register, so
# that a seed keeps drawing the same pictures (kecamatan without one here
# print the kecamatan's own name).
SAMPLE_DESA: tuple[tuple[str, str], ...] = (
    ("Langgini", "Bangkinang Kota"),
    ("Kumantan", "Bangkinang Kota"),
    ("Ridan Permai", "Bangkinang Kota"),
    ("Bangkinang", "Bangkinang Kota"),
    ("Air Tiris", "Kampar"),
    ("Pasir Sialang", "Bangkinang"),
    ("Muara Takus", "XIII Koto Kampar"),
    ("Batu Bersurat", "XIII Koto Kampar"),
    ("Pulau Gadang", "XIII Koto Kampar"),
    ("Lipat Kain", "Kampar Kiri"),
    ("Kubang Jaya", "Siak Hulu"),
    ("Teratak Buluh", "Siak Hulu"),
    ("Petapahan", "Tapung"),
    ("Kuok", "Kuok"),
    ("Salo", "Salo"),
)

PLACES = (
    "BANGKINANG", "AIR TIRIS", "KUOK", "PEKANBARU", "SALO", "LIPAT KAIN",
    "PETAPAHAN", "PADANG", "BUKITTINGGI", "KAMPAR", "DANAU BINGKUANG",
    "MUARA TAKUS", "RUMBIO", "TAMBANG", "PAYAKUMBUH", "MEDAN",
)
STREETS = (
    "JL. JEND. SUDIRMAN", "JL. PROF. M. YAMIN", "JL. DIPONEGORO",
    "JL. LINTAS BANGKINANG", "JL. DATUK TABANO", "JL. MERDEKA",
    "JL. TUANKU TAMBUSAI", "DUSUN", "JL. SYEKH BURHANUDDIN",
)
AGAMA = ("ISLAM", "ISLAM", "ISLAM", "ISLAM", "KRISTEN", "KATOLIK", "BUDHA")
STATUS = ("BELUM KAWIN", "KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI")
PEKERJAAN = (
    "PELAJAR/MAHASISWA", "MENGURUS RUMAH TANGGA", "WIRASWASTA",
    "PETANI/PEKEBUN", "KARYAWAN SWASTA", "BURUH HARIAN LEPAS",
    "PEGAWAI NEGERI SIPIL (PNS)", "BELUM/TIDAK BEKERJA", "NELAYAN/PERIKANAN",
    "PEDAGANG", "GURU",
)
GOL_DARAH = ("A", "B", "AB", "O", "-")
MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
)
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class Sample:
    """One generated document: the degraded picture and what it says."""

    image: Image.Image
    truth: dict[str, Any]
    doc_type: str
    condition: str

    def to_bytes(self) -> bytes:
        """Encode as the file a user would upload (JPEG for photos, PNG else)."""
        buffer = io.BytesIO()
        if self.condition in ("phone", "chat"):
            quality = 60 if self.condition == "chat" else 85
            self.image.convert("RGB").save(buffer, "JPEG", quality=quality)
        else:
            self.image.save(buffer, "PNG")
        return buffer.getvalue()


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def make_nik(rng: random.Random, birth: dt.date, sex: str, kec: str) -> str:
    """Build a NIK consistent with the birth date and sex."""
    day = birth.day + (40 if sex == "PEREMPUAN" else 0)
    serial = rng.randint(1, 9999)
    return f"1401{kec}{day:02d}{birth:%m%y}{serial:04d}"


def random_person(rng: random.Random, *, min_age: int = 17) -> dict[str, Any]:
    """Invent a Kampar resident."""
    sex = rng.choice(("LAKI-LAKI", "PEREMPUAN"))
    first = rng.choice(FIRST_NAMES_M if sex == "LAKI-LAKI" else FIRST_NAMES_F)
    last = rng.choice(LAST_NAMES)
    birth = dt.date(2026 - rng.randint(min_age, 80), rng.randint(1, 12), 1)
    birth += dt.timedelta(days=rng.randint(0, 27))
    code, kecamatan = rng.choice(KAMPAR_KECAMATAN)
    desa = [d for d, k in SAMPLE_DESA if k == kecamatan]
    desa_name = rng.choice(desa) if desa else kecamatan
    street = rng.choice(STREETS)
    if street == "DUSUN":
        alamat = f"DUSUN {rng.choice(ROMAN[:6])}"
    else:
        alamat = f"{street} NO. {rng.randint(1, 150)}"
    return {
        "nik": make_nik(rng, birth, sex, code[-2:]),
        "nama": f"{first} {last}".strip(),
        "tempat_lahir": rng.choice(PLACES),
        "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": sex,
        "gol_darah": rng.choice(GOL_DARAH),
        "alamat": alamat,
        "rt_rw": f"{rng.randint(1, 20):03d}/{rng.randint(1, 12):03d}",
        "kel_desa": desa_name.upper(),
        "kecamatan": kecamatan.upper(),
        "agama": rng.choice(AGAMA),
        "status_perkawinan": rng.choice(STATUS),
        "pekerjaan": rng.choice(PEKERJAAN),
        "kewarganegaraan": "WNI",
        "berlaku_hingga": "SEUMUR HIDUP",
    }


# --- KTP -------------------------------------------------------------------

KTP_SIZE = (1011, 638)  # CR80 card at 300 dpi


def render_ktp(rng: random.Random, person: dict[str, Any], *, blur_nik: bool = False
               ) -> Image.Image:
    """Draw an e-KTP front side."""
    card, _ = render_ktp_look(rng, person, CardLook())
    if blur_nik:
        box = (220, 100, 720, 165)
        region = np.array(card.crop(box))
        region = cv2.GaussianBlur(region, (0, 0), 9)
        card.paste(Image.fromarray(region), box)
    return card


# --- KK --------------------------------------------------------------------

KK_SIZE = (2339, 1654)  # A4 landscape at 200 dpi


def random_family(rng: random.Random) -> dict[str, Any]:
    """Invent a family: head, spouse and children sharing one address."""
    head = random_person(rng, min_age=25)
    head["jenis_kelamin"] = "LAKI-LAKI"
    birth = dt.date.fromisoformat(head["tanggal_lahir"])
    head["nik"] = make_nik(rng, birth, "LAKI-LAKI", head["nik"][4:6])
    head["nama"] = f"{rng.choice(FIRST_NAMES_M)} {rng.choice(LAST_NAMES)}".strip()
    members = [head]
    for i in range(rng.randint(1, 5)):
        m = random_person(rng, min_age=1 if i else 20)
        if i == 0:
            m["jenis_kelamin"] = "PEREMPUAN"
            m["nama"] = f"{rng.choice(FIRST_NAMES_F)} {rng.choice(LAST_NAMES)}".strip()
            b = dt.date.fromisoformat(m["tanggal_lahir"])
            m["nik"] = make_nik(rng, b, "PEREMPUAN", m["nik"][4:6])
        members.append(m)
    kec_code = [c for c, n in KAMPAR_KECAMATAN if n.upper() == head["kecamatan"]][0]
    no_kk = f"1401{kec_code[-2:]}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}"
    no_kk += f"{rng.randint(10, 24):02d}{rng.randint(1, 9999):04d}"
    return {
        "no_kk": no_kk,
        "kepala_keluarga": head["nama"],
        "alamat": head["alamat"],
        "rt_rw": head["rt_rw"],
        "kel_desa": head["kel_desa"],
        "kecamatan": head["kecamatan"],
        "members": [
            {k: m[k] for k in ("nik", "nama", "jenis_kelamin", "tempat_lahir",
                               "tanggal_lahir", "agama", "pekerjaan")}
            for m in members
        ],
    }


def render_kk(rng: random.Random, family: dict[str, Any]) -> Image.Image:
    """Draw the front of a Kartu Keluarga (landscape, member table)."""
    w, h = KK_SIZE
    page = Image.new("RGB", (w, h), (250, 250, 246))
    draw = ImageDraw.Draw(page)
    title = _font(SANS_BOLD, 56)
    tw = draw.textlength("KARTU KELUARGA", font=title)
    draw.text(((w - tw) / 2, 60), "KARTU KELUARGA", font=title, fill=(0, 0, 0))
    no_font = _font(OCRA_BOLD, 44)
    text = f"No. {family['no_kk']}"
    tw = draw.textlength(text, font=no_font)
    draw.text(((w - tw) / 2, 130), text, font=no_font, fill=(0, 0, 0))

    f = _font(SANS, 30)
    left = [
        ("Nama Kepala Keluarga", family["kepala_keluarga"]),
        ("Alamat", family["alamat"]),
        ("RT/RW", family["rt_rw"]),
        ("Desa/Kelurahan", family["kel_desa"]),
    ]
    right = [
        ("Kecamatan", family["kecamatan"]),
        ("Kabupaten/Kota", "KAMPAR"),
        ("Kode Pos", "28411"),
        ("Provinsi", "RIAU"),
    ]
    for col, items in ((90, left), (1350, right)):
        y = 230
        for label, value in items:
            draw.text((col, y), label, font=f, fill=(0, 0, 0))
            draw.text((col + 340, y), f": {value}", font=f, fill=(0, 0, 0))
            y += 46

    headers = ("No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat Lahir",
               "Tanggal Lahir", "Agama", "Jenis Pekerjaan")
    cols = [60, 150, 690, 1090, 1330, 1640, 1870, 2060, 2290]
    top, row_h = 460, 60
    cell = _font(SANS, 26)
    n_rows = 10
    for i, x in enumerate(cols):
        draw.line([(x, top), (x, top + row_h * (n_rows + 1))], fill=(0, 0, 0), width=2)
    for r in range(n_rows + 2):
        draw.line([(cols[0], top + r * row_h), (cols[-1], top + r * row_h)],
                  fill=(0, 0, 0), width=2)
    hf = _font(SANS_BOLD, 24)
    for i, text in enumerate(headers):
        draw.text((cols[i] + 10, top + 16), text, font=hf, fill=(0, 0, 0))
    for r, m in enumerate(family["members"], start=1):
        birth = dt.date.fromisoformat(m["tanggal_lahir"])
        values = (str(r), m["nama"], m["nik"], m["jenis_kelamin"],
                  m["tempat_lahir"], f"{birth:%d-%m-%Y}", m["agama"], m["pekerjaan"])
        for i, text in enumerate(values):
            font = cell
            while draw.textlength(text, font=font) > cols[i + 1] - cols[i] - 16:
                font = _font(SANS, font.size - 2)
            draw.text((cols[i] + 8, top + r * row_h + 16), text, font=font,
                      fill=(0, 0, 0))
    sf = _font(SANS, 26)
    draw.text((1700, 1300), "KEPALA DINAS KEPENDUDUKAN DAN", font=sf, fill=(0, 0, 0))
    draw.text((1700, 1336), "PENCATATAN SIPIL KAB. KAMPAR", font=sf, fill=(0, 0, 0))
    return page


# --- SKTM ------------------------------------------------------------------

SKTM_SIZE = (1654, 2339)  # A4 portrait at 200 dpi


def random_sktm(rng: random.Random) -> dict[str, Any]:
    """Invent an SKTM letter's data."""
    person = random_person(rng)
    seq = rng.randint(1, 999)
    code = "".join(w[0] for w in person["kel_desa"].split())[:3]
    letter_date = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
    return {
        "nomor_surat": f"470/{seq:03d}/DS-{code}/{letter_date.year}",
        "nama": person["nama"],
        "nik": person["nik"],
        "kel_desa": person["kel_desa"],
        "kecamatan": person["kecamatan"],
        "tanggal_surat": letter_date.isoformat(),
        "_person": person,
    }


def render_sktm(rng: random.Random, data: dict[str, Any]) -> Image.Image:
    """Draw a village office's Surat Keterangan Tidak Mampu."""
    w, h = SKTM_SIZE
    p = data["_person"]
    page = Image.new("RGB", (w, h), (252, 252, 250))
    draw = ImageDraw.Draw(page)

    def center(text: str, y: int, font: ImageFont.FreeTypeFont) -> None:
        tw = draw.textlength(text, font=font)
        draw.text(((w - tw) / 2, y), text, font=font, fill=(0, 0, 0))

    center("PEMERINTAH KABUPATEN KAMPAR", 120, _font(SERIF_BOLD, 46))
    center(f"KECAMATAN {data['kecamatan']}", 180, _font(SERIF_BOLD, 46))
    center(f"KANTOR KEPALA DESA {data['kel_desa']}", 240, _font(SERIF_BOLD, 52))
    center("Alamat: Jalan Desa No. 1, Kode Pos 28411", 310, _font(SERIF, 30))
    draw.ellipse([120, 110, 270, 290], outline=(0, 80, 0), width=6)
    draw.line([(120, 360), (w - 120, 360)], fill=(0, 0, 0), width=6)
    draw.line([(120, 370), (w - 120, 370)], fill=(0, 0, 0), width=2)

    title = _font(SERIF_BOLD, 44)
    text = "SURAT KETERANGAN TIDAK MAMPU"
    tw = draw.textlength(text, font=title)
    draw.text(((w - tw) / 2, 430), text, font=title, fill=(0, 0, 0))
    draw.line([((w - tw) / 2, 482), ((w + tw) / 2, 482)], fill=(0, 0, 0), width=3)
    center(f"Nomor : {data['nomor_surat']}", 500, _font(SERIF, 36))

    body = _font(SERIF, 36)
    y = 620
    intro = (
        f"Yang bertanda tangan di bawah ini Kepala Desa {data['kel_desa'].title()}",
        f"Kecamatan {data['kecamatan'].title()}, menerangkan bahwa:",
    )
    for line in intro:
        draw.text((180, y), line, font=body, fill=(0, 0, 0))
        y += 56
    y += 20
    birth = dt.date.fromisoformat(p["tanggal_lahir"])
    rows = (
        ("Nama", p["nama"]),
        ("NIK", p["nik"]),
        ("Tempat/Tgl Lahir", f"{p['tempat_lahir']}, {birth:%d-%m-%Y}"),
        ("Jenis Kelamin", p["jenis_kelamin"]),
        ("Pekerjaan", p["pekerjaan"]),
        ("Alamat", f"{p['alamat']} RT/RW {p['rt_rw']}"),
        ("Desa", data["kel_desa"]),
        ("Kecamatan", data["kecamatan"]),
    )
    for label, value in rows:
        draw.text((240, y), label, font=body, fill=(0, 0, 0))
        draw.text((600, y), f": {value}", font=body, fill=(0, 0, 0))
        y += 58
    y += 30
    for line in (
        "Orang tersebut di atas benar warga desa kami dan tergolong keluarga",
        "tidak mampu. Surat keterangan ini diberikan untuk keperluan",
        "pengurusan bantuan sosial. Demikian surat keterangan ini dibuat untuk",
        "dapat dipergunakan sebagaimana mestinya.",
    ):
        draw.text((180, y), line, font=body, fill=(0, 0, 0))
        y += 56
    d = dt.date.fromisoformat(data["tanggal_surat"])
    y += 60
    draw.text((950, y), f"{data['kel_desa'].title()}, {d.day} {MONTHS_ID[d.month - 1]}"
              f" {d.year}", font=body, fill=(0, 0, 0))
    draw.text((950, y + 56), "Kepala Desa", font=body, fill=(0, 0, 0))
    draw.text((950, y + 260), f"{rng.choice(FIRST_NAMES_M)} {rng.choice(LAST_NAMES)}",
              font=_font(SERIF_BOLD, 36), fill=(0, 0, 0))
    return page


# --- unseen style and KTP variants ------------------------------------------
#
# Appearance here is drawn from a random stream of its own ("look"), so the
# truth and the degradation of a seed stay those of the standard style.

Box = tuple[float, float, float, float]

FOREIGN_NAMES_M = ("JOHN MICHAEL SMITH", "TAN WEI MING", "MOHD FAIZAL BIN AHMAD",
                   "PIETER VAN DEN BERG", "KENJI TANAKA", "DAVID ANDERSON")
FOREIGN_NAMES_F = ("LEE JIA HUI", "NURUL AIN BINTI ISMAIL", "ANNA SCHMIDT",
                   "MARIA GARCIA LOPEZ", "YUKI NAKAMURA", "SARAH THOMPSON")
FOREIGN_PLACES = ("KUALA LUMPUR", "SINGAPORE", "AMSTERDAM", "OSAKA", "MELAKA",
                  "SYDNEY", "HAMBURG", "PENANG")
COUNTRIES = ("MALAYSIA", "SINGAPORE", "NETHERLANDS", "JAPAN", "AUSTRALIA",
             "GERMANY", "UNITED KINGDOM")
WORK_EN = ("PRIVATE EMPLOYEE", "ENTREPRENEUR", "LECTURER", "TEACHER", "ENGINEER",
           "HOUSEWIFE")
AGAMA_EN = {"ISLAM": "ISLAM", "KRISTEN": "CHRISTIAN", "KATOLIK": "CATHOLIC",
            "BUDHA": "BUDDHIST"}
STATUS_EN = {"BELUM KAWIN": "NOT MARRIED", "KAWIN": "MARRIED",
             "CERAI HIDUP": "DIVORCED", "CERAI MATI": "WIDOWED"}
SEX_EN = {"LAKI-LAKI": "MALE", "PEREMPUAN": "FEMALE"}
# The fields a KTP reader reports; a card that does not print one says None.
KTP_FIELDS = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin",
              "gol_darah", "alamat", "rt_rw", "kel_desa", "kecamatan", "agama",
              "status_perkawinan", "pekerjaan", "kewarganegaraan", "berlaku_hingga")


@dataclass(frozen=True)
class CardLook:
    """Where and how an e-KTP-like card prints its text."""

    tint: tuple[int, int, int] = (196, 222, 240)
    line_tint: tuple[int, int, int] = (184, 212, 234)
    arc_tint: tuple[int, int, int] = (176, 206, 230)
    pattern: str = "guilloche"
    sans: str = SANS
    sans_bold: str = SANS_BOLD
    header_size: int = 30
    header_ys: tuple[int, ...] = (18, 54)
    nik_font: str = OCRA_BOLD
    nik_size: int = 40
    nik_label_size: int = 34
    nik_y: int = 112
    nik_colon_x: int = 200
    nik_value_x: int = 225
    label_size: int = 24
    label_x: int = 30
    colon_x: int = 262
    value_x: int = 280
    top: int = 172
    gap: int = 36
    photo: tuple[int, int, int, int] = (745, 130, 960, 420)
    photo_bg: tuple[int, int, int] = (200, 60, 60)


def unseen_card_look(look: random.Random, rows: int = 12, *, tint: tuple[int, int, int]
                     | None = None) -> CardLook:
    """Draw an e-KTP appearance the readers were not tuned on."""
    regular, bold = look.choice(UNSEEN_SANS[:3])
    size = round(24 * look.uniform(0.9, 1.1))
    label_width = max(_font(regular, size).getlength(t) for t in (
        "Status Perkawinan", "Nama Kepala Keluarga", "No. Akta Kelahiran"))
    label_x = look.randint(22, 44)
    colon_x = label_x + int(label_width) + look.randint(6, 30)
    top = look.randint(158, 184)
    gap = min(round(36 * look.uniform(0.9, 1.08)), (612 - top) // rows)
    px0, py0 = look.randint(735, 770), look.randint(108, 160)
    base = tint or look.choice(((196, 222, 240), (204, 226, 236), (190, 214, 238),
                                (208, 220, 242)))
    return CardLook(
        tint=base,
        line_tint=_darker(look, base, 8, 16),
        arc_tint=_darker(look, base, 14, 24),
        pattern=look.choice(("waves", "dots", "rings")),
        sans=regular,
        sans_bold=bold,
        header_size=round(30 * look.uniform(0.9, 1.1)),
        header_ys=(look.randint(10, 22), look.randint(46, 56)),
        nik_font=look.choice((OCRA, OCRA_BOLD)),
        nik_size=look.randint(37, 44),
        nik_label_size=round(34 * look.uniform(0.9, 1.05)),
        nik_y=look.randint(100, 118),
        nik_colon_x=look.randint(150, 200),
        nik_value_x=look.randint(205, 230),
        label_size=size,
        label_x=label_x,
        colon_x=colon_x,
        value_x=colon_x + look.randint(14, 24),
        top=top,
        gap=gap,
        photo=(px0, py0, px0 + look.randint(195, 215), py0 + look.randint(270, 300)),
        photo_bg=look.choice(((200, 60, 60), (40, 90, 190))),
    )


def _darker(look: random.Random, tint: tuple[int, int, int], least: int, most: int
            ) -> tuple[int, int, int]:
    red, green, blue = (c - look.randint(least, most) for c in tint)
    return red, green, blue


def _card_pattern(draw: ImageDraw.ImageDraw, look: CardLook, w: int, h: int) -> None:
    if look.pattern == "guilloche":
        for i in range(-h, w, 14):
            draw.line([(i, 0), (i + h, h)], fill=look.line_tint, width=2)
        for y in range(0, h, 40):
            draw.arc([w // 3, y - 60, w, y + 60], 0, 180, fill=look.arc_tint)
    elif look.pattern == "waves":
        for y0 in range(-20, h + 20, 18):
            pts = [(x, y0 + 7 * np.sin(x / 37 + y0)) for x in range(0, w + 10, 10)]
            draw.line(pts, fill=look.line_tint, width=2)
    elif look.pattern == "dots":
        for y in range(6, h, 16):
            for x in range(6 + (y // 16 % 2) * 8, w, 16):
                draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill=look.line_tint)
    else:
        for r in range(30, w, 26):
            draw.ellipse([w * 0.6 - r, h * 0.45 - r, w * 0.6 + r, h * 0.45 + r],
                         outline=look.line_tint, width=2)
    if look.pattern != "guilloche":
        for x in range(0, w, 60):
            draw.arc([x - 90, h - 150, x + 90, h + 30], 180, 360, fill=look.arc_tint)


def draw_ektp(rng: random.Random, look: CardLook, headers: tuple[str, ...],
              nik: str, rows: list[tuple[str, str, int, tuple[str, ...]]],
              extra: tuple[str, str, str] | None, issue_place: str = "KAMPAR",
              ) -> tuple[Image.Image, dict[str, Box]]:
    """Draw an e-KTP-like card and say where each field's value is.

    ``rows`` are (label, value, indent, field names); a row naming two fields
    holds "place, date". ``extra`` is the "Gol. Darah" item of the Jenis
    Kelamin row: (label, value, field name).
    """
    w, h = KTP_SIZE
    card = Image.new("RGB", (w, h), look.tint)
    draw = ImageDraw.Draw(card)
    _card_pattern(draw, look, w, h)
    boxes: dict[str, Box] = {}

    header = _font(look.sans_bold, look.header_size)
    for text, y in zip(headers, look.header_ys):
        tw = draw.textlength(text, font=header)
        draw.text(((w - tw) / 2, y), text, font=header, fill=(20, 20, 20))

    nik_font = _font(look.nik_font, look.nik_size)
    nik_label = _font(look.sans_bold, look.nik_label_size)
    draw.text((look.label_x, look.nik_y), "NIK", font=nik_label, fill=(10, 10, 10))
    draw.text((look.nik_colon_x, look.nik_y), ":", font=nik_label, fill=(10, 10, 10))
    draw.text((look.nik_value_x, look.nik_y - 2), nik, font=nik_font, fill=(10, 10, 10))
    boxes["nik"] = (look.nik_value_x, look.nik_y - 2,
                    look.nik_value_x + draw.textlength(nik, font=nik_font),
                    look.nik_y - 2 + look.nik_size)

    label_font = _font(look.sans, look.label_size)
    room = look.photo[0] - look.value_x - 12
    y = look.top
    for label, value, indent, names in rows:
        draw.text((look.label_x + indent, y), label, font=label_font, fill=(15, 15, 15))
        draw.text((look.colon_x, y), ":", font=label_font, fill=(15, 15, 15))
        value_font = label_font
        if value_font.getlength(value) > room:
            value_font = _font(look.sans, int(look.label_size * room
                                               / value_font.getlength(value)))
        draw.text((look.value_x, y), value, font=value_font, fill=(15, 15, 15))
        _value_boxes(boxes, value, names, look.value_x, y, value_font)
        if extra and names == ("jenis_kelamin",):
            elabel, evalue, ename = extra
            ex = look.value_x + 220
            draw.text((ex, y), elabel, font=label_font, fill=(15, 15, 15))
            draw.text((ex + 130, y), ":", font=label_font, fill=(15, 15, 15))
            draw.text((ex + 148, y), evalue, font=label_font, fill=(15, 15, 15))
            _value_boxes(boxes, evalue, (ename,), ex + 148, y, label_font)
        y += look.gap

    px0, py0, px1, py1 = look.photo
    draw.rectangle([px0, py0, px1, py1], fill=look.photo_bg)
    draw.ellipse([px0 + 55, py0 + 40, px1 - 55, py0 + 170], fill=(230, 190, 160))
    draw.rectangle([px0 + 30, py0 + 180, px1 - 30, py1], fill=(40, 40, 60))
    small = _font(look.sans, 20)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    issue = f"{day:02d}-{month:02d}-{rng.randint(2012, 2024)}"
    for text, yy in ((issue_place, py1 + 10), (issue, py1 + 36)):
        tw = draw.textlength(text, font=small)
        draw.text(((px0 + px1 - tw) / 2, yy), text, font=small, fill=(15, 15, 15))
    sx = px0 + 40
    pts = [(sx + i * 14, py1 + 100 + rng.randint(-18, 18)) for i in range(10)]
    draw.line(pts, fill=(30, 30, 90), width=2)
    return card, boxes


def _value_boxes(boxes: dict[str, Box], value: str, names: tuple[str, ...], x: float,
                 y: float, font: ImageFont.FreeTypeFont) -> None:
    size = font.size
    if len(names) == 2:
        place, _, date = value.rpartition(", ")
        split = x + font.getlength(place + ", ")
        boxes[names[0]] = (x, y, x + font.getlength(place), y + size)
        boxes[names[1]] = (split, y, split + font.getlength(date), y + size)
    elif names:
        boxes[names[0]] = (x, y, x + font.getlength(value), y + size)


def ktp_rows(person: dict[str, Any]) -> list[tuple[str, str, int, tuple[str, ...]]]:
    """The rows of an e-KTP below the NIK, as the standard card prints them."""
    birth = dt.date.fromisoformat(person["tanggal_lahir"])
    until = person["berlaku_hingga"]
    if until != "SEUMUR HIDUP":
        until = f"{dt.date.fromisoformat(until):%d-%m-%Y}"
    return [
        ("Nama", person["nama"], 0, ("nama",)),
        ("Tempat/Tgl Lahir", f"{person['tempat_lahir']}, {birth:%d-%m-%Y}", 0,
         ("tempat_lahir", "tanggal_lahir")),
        ("Jenis Kelamin", person["jenis_kelamin"], 0, ("jenis_kelamin",)),
        ("Alamat", person["alamat"], 0, ("alamat",)),
        ("RT/RW", person["rt_rw"], 24, ("rt_rw",)),
        ("Kel/Desa", person["kel_desa"], 24, ("kel_desa",)),
        ("Kecamatan", person["kecamatan"], 24, ("kecamatan",)),
        ("Agama", person["agama"], 0, ("agama",)),
        ("Status Perkawinan", person["status_perkawinan"], 0, ("status_perkawinan",)),
        ("Pekerjaan", person["pekerjaan"], 0, ("pekerjaan",)),
        ("Kewarganegaraan", person["kewarganegaraan"], 0, ("kewarganegaraan",)),
        ("Berlaku Hingga", until, 0, ("berlaku_hingga",)),
    ]


def render_ktp_look(rng: random.Random, person: dict[str, Any], look: CardLook
                    ) -> tuple[Image.Image, dict[str, Box]]:
    """Draw an e-KTP front side in ``look``."""
    extra = ("Gol. Darah", person["gol_darah"], "gol_darah")
    return draw_ektp(rng, look, ("PROVINSI RIAU", "KABUPATEN KAMPAR"),
                     person["nik"], ktp_rows(person), extra)


def random_child(rng: random.Random) -> dict[str, Any]:
    """Invent a Kampar child of 5 to 16, holder of a Kartu Identitas Anak."""
    child = random_person(rng)
    birth = dt.date(2026 - rng.randint(5, 16), rng.randint(1, 12), rng.randint(1, 28))
    sex = child["jenis_kelamin"]
    father = f"{rng.choice(FIRST_NAMES_M)} {rng.choice(LAST_NAMES)}".strip()
    no_kk = f"1401{child['nik'][4:6]}{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}"
    no_kk += f"{rng.randint(10, 24):02d}{rng.randint(1, 9999):04d}"
    child.update(
        nik=make_nik(rng, birth, sex, child["nik"][4:6]),
        nama=f"{child['nama'].split()[0]} {father.split()[0]}",
        tanggal_lahir=birth.isoformat(),
        berlaku_hingga=birth.replace(year=birth.year + 17).isoformat(),
        no_akta=f"1401-LT-{birth:%d%m%Y}-{rng.randint(1, 9999):04d}",
        no_kk=no_kk,
        nama_kepala_keluarga=father,
        gol_darah=None, status_perkawinan=None, pekerjaan=None,
    )
    return child


def render_kia(rng: random.Random, look: random.Random, child: dict[str, Any],
               style: str) -> tuple[Image.Image, dict[str, Box]]:
    """Draw a Kartu Identitas Anak: its own title and family lines, no job."""
    base = CardLook() if style == "standard" else unseen_card_look(look, 13)
    size = min(base.label_size, 22)
    gap = min(base.gap, 32)
    card_look = replace(
        base, tint=(232, 236, 214), line_tint=(220, 226, 198), arc_tint=(214, 220, 190),
        header_size=26, header_ys=(10, 42), nik_y=86, nik_size=36, top=142, gap=gap,
        label_size=size, colon_x=base.label_x + int(_font(base.sans, size).getlength(
            "Nama Kepala Keluarga")) + 12,
    )
    card_look = replace(card_look, value_x=card_look.colon_x + 16)
    birth = dt.date.fromisoformat(child["tanggal_lahir"])
    until = dt.date.fromisoformat(child["berlaku_hingga"])
    rows = [
        ("Nama", child["nama"], 0, ("nama",)),
        ("Tempat/Tgl Lahir", f"{child['tempat_lahir']}, {birth:%d-%m-%Y}", 0,
         ("tempat_lahir", "tanggal_lahir")),
        ("Jenis Kelamin", child["jenis_kelamin"], 0, ("jenis_kelamin",)),
        ("No. Akta Kelahiran", child["no_akta"], 0, ()),
        ("No. KK", child["no_kk"], 0, ()),
        ("Nama Kepala Keluarga", child["nama_kepala_keluarga"], 0, ()),
        ("Agama", child["agama"], 0, ("agama",)),
        ("Kewarganegaraan", child["kewarganegaraan"], 0, ("kewarganegaraan",)),
        ("Alamat", child["alamat"], 0, ("alamat",)),
        ("RT/RW", child["rt_rw"], 24, ("rt_rw",)),
        ("Kel/Desa", child["kel_desa"], 24, ("kel_desa",)),
        ("Kecamatan", child["kecamatan"], 24, ("kecamatan",)),
        ("Berlaku Hingga", f"{until:%d-%m-%Y}", 0, ("berlaku_hingga",)),
    ]
    headers = ("KARTU IDENTITAS ANAK", "PROVINSI RIAU - KABUPATEN KAMPAR")
    return draw_ektp(rng, card_look, headers, child["nik"], rows, None)


def random_foreigner(rng: random.Random) -> dict[str, Any]:
    """Invent a foreign resident of Kampar holding a KTP-el for WNA.

    The truth keeps the back office's vocabulary (LAKI-LAKI, KAWIN, WNA):
    that is what a reader must put in the form whatever the card's language.
    """
    person = random_person(rng, min_age=21)
    male = person["jenis_kelamin"] == "LAKI-LAKI"
    agama = rng.choice(tuple(AGAMA_EN))
    until = dt.date(2026 + rng.randint(1, 5), rng.randint(1, 12), rng.randint(1, 28))
    person.update(
        nama=rng.choice(FOREIGN_NAMES_M if male else FOREIGN_NAMES_F),
        tempat_lahir=rng.choice(FOREIGN_PLACES),
        agama=agama,
        pekerjaan=rng.choice(WORK_EN),
        kewarganegaraan="WNA",
        negara=rng.choice(COUNTRIES),
        berlaku_hingga=until.isoformat(),
    )
    return person


def render_wna(rng: random.Random, look: random.Random, person: dict[str, Any],
               style: str) -> tuple[Image.Image, dict[str, Box]]:
    """Draw a foreigner's KTP-el: orange card, values in English."""
    orange = (250, 214, 168)
    if style == "standard":
        card_look = replace(CardLook(), tint=orange, line_tint=(242, 202, 152),
                            arc_tint=(236, 194, 142))
    else:
        card_look = unseen_card_look(look, tint=orange)
    printed = {
        **person,
        "jenis_kelamin": SEX_EN[person["jenis_kelamin"]],
        "agama": AGAMA_EN[person["agama"]],
        "status_perkawinan": STATUS_EN[person["status_perkawinan"]],
        "kewarganegaraan": person["negara"],
    }
    extra = ("Gol. Darah", person["gol_darah"], "gol_darah")
    return draw_ektp(rng, card_look, ("PROVINSI RIAU", "KABUPATEN KAMPAR"),
                     person["nik"], ktp_rows(printed), extra)


def random_old_ktp_holder(rng: random.Random) -> dict[str, Any]:
    """Invent the holder of a pre-2011 KTP: valid five years, long expired."""
    person = random_person(rng, min_age=33)
    issued = dt.date(rng.randint(2005, 2010), rng.randint(1, 12), rng.randint(1, 28))
    person["berlaku_hingga"] = issued.replace(year=issued.year + 5).isoformat()
    person["_issued"] = issued.isoformat()
    return person


def render_old_ktp(rng: random.Random, look: random.Random, person: dict[str, Any],
                   style: str) -> tuple[Image.Image, dict[str, Box]]:
    """Draw a pre-2011 laminated KTP: plain-font NIK, photo low on the right."""
    w, h = KTP_SIZE
    regular, bold = (SERIF, SERIF_BOLD) if style == "standard" else look.choice(
        UNSEEN_SERIF)
    card = Image.new("RGB", (w, h), (222, 230, 232))
    draw = ImageDraw.Draw(card)
    for y in range(0, h, 9):  # printed security lines of the old paper card
        draw.line([(0, y), (w, y + 4)], fill=(210, 222, 226), width=1)
    boxes: dict[str, Box] = {}

    header = _font(bold, 26)
    for text, y in (("PROVINSI RIAU", 14), ("KABUPATEN KAMPAR", 44)):
        tw = draw.textlength(text, font=header)
        draw.text(((w - tw) / 2, y), text, font=header, fill=(25, 25, 25))
    nik = person["nik"]
    dotted = f"{nik[:2]}.{nik[2:6]}.{nik[6:12]}.{nik[12:]}"
    nik_font = _font(bold, 30)
    draw.text((40, 88), "NIK", font=nik_font, fill=(20, 20, 20))
    draw.text((150, 88), f": {dotted}", font=nik_font, fill=(20, 20, 20))
    start = 150 + draw.textlength(": ", font=nik_font)
    boxes["nik"] = (start, 88, start + draw.textlength(dotted, font=nik_font), 118)

    font = _font(regular, 22)
    y = 140
    for label, value, indent, names in ktp_rows(person):
        draw.text((40 + indent // 2, y), label, font=font, fill=(20, 20, 20))
        draw.text((250, y), f": {value}", font=font, fill=(20, 20, 20))
        x = 250 + draw.textlength(": ", font=font)
        _value_boxes(boxes, value, names, x, y, font)
        if names == ("jenis_kelamin",):
            draw.text((470, y), f"Gol. Darah : {person['gol_darah']}", font=font,
                      fill=(20, 20, 20))
            x = 470 + draw.textlength("Gol. Darah : ", font=font)
            _value_boxes(boxes, person["gol_darah"], ("gol_darah",), x, y, font)
        y += 34

    issued = dt.date.fromisoformat(person["_issued"])
    small = _font(regular, 20)
    draw.text((730, 150), f"KAMPAR, {issued:%d-%m-%Y}", font=small, fill=(20, 20, 20))
    draw.rectangle([770, 190, 930, 400], fill=(200, 60, 60))
    draw.ellipse([805, 215, 895, 310], fill=(230, 190, 160))
    draw.rectangle([790, 320, 910, 400], fill=(40, 40, 60))
    draw.text((745, 420), f"CAMAT {person['kecamatan']}", font=small,
              fill=(20, 20, 20))
    pts = [(770 + i * 14, 490 + rng.randint(-15, 15)) for i in range(10)]
    draw.line(pts, fill=(30, 30, 90), width=2)
    name = f"{rng.choice(FIRST_NAMES_M)} {rng.choice(LAST_NAMES)}".strip()
    draw.text((745, 540), name, font=small, fill=(20, 20, 20))
    return card, boxes


def _glare(look: random.Random, card: Image.Image, boxes: dict[str, Box]
           ) -> tuple[Image.Image, set[str]]:
    """Burn a specular patch into the text; return the fields it erases."""
    w, h = card.size
    cx, cy = look.uniform(200, 650), look.uniform(140, 520)
    rx, ry = look.uniform(110, 210), look.uniform(45, 95)
    angle = np.radians(look.uniform(-35, 35))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    u = ((xx - cx) * np.cos(angle) + (yy - cy) * np.sin(angle)) / rx
    v = (-(xx - cx) * np.sin(angle) + (yy - cy) * np.cos(angle)) / ry
    d = np.sqrt(u * u + v * v)
    alpha = np.clip((1.4 - d) / 0.8, 0, 1)  # saturated core up to d = 0.6
    arr = np.array(card).astype(np.float32)
    arr = arr * (1 - alpha[..., None]) + 253 * alpha[..., None]

    erased = set()
    for name, (x0, y0, x1, y1) in boxes.items():
        patch = alpha[int(y0):int(y1) + 1, int(x0):int(x1) + 1]
        if patch.size and (patch > 0.8).mean() > 0.03:
            erased.add(name)
    return Image.fromarray(arr.astype(np.uint8)), erased


def _sleeve(look: random.Random, card: Image.Image) -> Image.Image:
    """Lower the contrast, add haze and a soft reflection band."""
    arr = np.array(card).astype(np.float32)
    arr = arr * 0.62 + 0.38 * 225
    haze = cv2.GaussianBlur(arr, (0, 0), look.uniform(1.2, 2.0))
    arr = 0.5 * arr + 0.5 * haze
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    slope = look.uniform(-0.6, 0.6)
    offset = look.uniform(0.2, 0.8) * w
    dist = np.abs(xx - offset - slope * yy) / look.uniform(40, 90)
    band = look.uniform(0.25, 0.4) * np.exp(-dist * dist)
    arr = arr * (1 - band[..., None]) + 250 * band[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _worn(look: random.Random, card: Image.Image) -> Image.Image:
    """Fade the ink in patches and scratch the laminate."""
    arr = np.array(card).astype(np.float32)
    paper = cv2.dilate(arr, np.ones((9, 9), np.uint8))
    h, w = arr.shape[:2]
    nrng = np.random.default_rng(look.randint(0, 2**31))
    coarse = nrng.uniform(0.5, 0.85, (4, 6)).astype(np.float32)
    keep = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    arr = paper + (arr - paper) * np.clip(keep, 0.45, 0.9)[..., None]

    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(out)
    for _ in range(look.randint(15, 35)):
        x, y = look.uniform(0, w), look.uniform(0, h)
        length, angle = look.uniform(40, 300), look.uniform(0, np.pi)
        end = (x + length * np.cos(angle), y + length * np.sin(angle))
        shade = look.randint(225, 250)
        width = look.choice((1, 1, 2))
        draw.line([(x, y), end], fill=(shade, shade, shade), width=width)
    return out


def _card_width(probe: random.Random, condition: str, width: int, height: int
                ) -> float:
    """How wide :func:`degrade` will draw a card, read ahead from its stream."""
    if condition == "scan":
        return width
    if condition == "photocopy":
        return 674
    if condition == "rotated":
        return width if probe.random() < 0.5 else 674
    scale = probe.uniform(0.6, 0.75) * min(1600 / width, 1200 / height)
    return scale * width * (1000 / 1600 if condition == "chat" else 1)

PENDIDIKAN = ("TIDAK/BELUM SEKOLAH", "TAMAT SD/SEDERAJAT", "SLTP/SEDERAJAT",
              "SLTA/SEDERAJAT", "DIPLOMA IV/STRATA I")


def render_kk_unseen(rng: random.Random, look: random.Random, family: dict[str, Any]
                     ) -> Image.Image:
    """Draw a KK in another print run: fonts, header order, column widths."""
    w, h = KK_SIZE
    regular, bold = look.choice(UNSEEN_SANS[:3])
    page = Image.new("RGB", (w, h), look.choice(((250, 250, 246), (246, 250, 244),
                                                (252, 248, 240))))
    draw = ImageDraw.Draw(page)
    tint = (226, 236, 226)
    for x in range(0, w, 180):  # faint security print of the blank form
        draw.ellipse([x, 700, x + 160, 860], outline=tint, width=3)
    scale = look.uniform(0.9, 1.1)

    title = _font(bold, round(56 * scale))
    tw = draw.textlength("KARTU KELUARGA", font=title)
    title_y = look.randint(45, 75)
    draw.text(((w - tw) / 2, title_y), "KARTU KELUARGA", font=title, fill=(0, 0, 0))
    no_font = _font(look.choice((OCRA, OCRA_BOLD)), look.randint(40, 48))
    text = f"{look.choice(('No.', 'NO.', 'No :'))} {family['no_kk']}"
    tw = draw.textlength(text, font=no_font)
    draw.text(((w - tw) / 2, title_y + 72), text, font=no_font, fill=(0, 0, 0))

    desa_label = look.choice(("Desa/Kelurahan", "Kelurahan/Desa"))
    items = [
        ("Nama Kepala Keluarga", family["kepala_keluarga"]),
        ("Alamat", family["alamat"]),
        ("RT/RW", family["rt_rw"]),
        (desa_label, family["kel_desa"]),
        ("Kecamatan", family["kecamatan"]),
        ("Kabupaten/Kota", "KAMPAR"),
        ("Kode Pos", "28411"),
        ("Provinsi", "RIAU"),
    ]
    if look.random() < 0.5:  # older forms: region on the left, family on the right
        items = [items[i] for i in (4, 3, 5, 7, 0, 1, 2, 6)]
    f = _font(regular, round(30 * scale))
    label_room = max(f.getlength(label) for label, _ in items) + look.randint(20, 60)
    for col, part in ((look.randint(70, 110), items[:4]),
                      (look.randint(1250, 1380), items[4:])):
        y = look.randint(220, 240)
        for label, value in part:
            draw.text((col, y), label, font=f, fill=(0, 0, 0))
            draw.text((col + label_room, y), f": {value}", font=f, fill=(0, 0, 0))
            y += round(46 * scale)

    with_school = look.random() < 0.5
    headers = ["No", look.choice(("Nama Lengkap", "NAMA LENGKAP")), "NIK",
               "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Agama",
               "Jenis Pekerjaan"]
    widths = [90, 540, 400, 240, 310, 230, 190, 230]
    if with_school:
        headers.insert(7, "Pendidikan")
        widths = [80, 500, 390, 220, 270, 210, 160, 250, 230]
    widths = [round(x * look.uniform(0.92, 1.08)) for x in widths]
    widths[2] = max(widths[2], 380)  # the NIK column always holds 16 digits
    cols = [look.randint(40, 70)]
    for width in widths:
        cols.append(cols[-1] + width)
    cols = [round(x * min(1.0, (w - 40) / cols[-1])) for x in cols]
    top, row_h = look.randint(440, 480), look.randint(56, 64)
    n_rows = 10
    for x in cols:
        draw.line([(x, top), (x, top + row_h * (n_rows + 1))], fill=(0, 0, 0), width=2)
    for r in range(n_rows + 2):
        draw.line([(cols[0], top + r * row_h), (cols[-1], top + r * row_h)],
                  fill=(0, 0, 0), width=2)
    hf = _font(bold, 22)
    for i, text in enumerate(headers):
        while draw.textlength(text, font=hf) > cols[i + 1] - cols[i] - 12:
            hf = _font(bold, hf.size - 1)
    for i, text in enumerate(headers):
        draw.text((cols[i] + 8, top + 16), text, font=hf, fill=(0, 0, 0))
    for r, m in enumerate(family["members"], start=1):
        birth = dt.date.fromisoformat(m["tanggal_lahir"])
        values = [str(r), m["nama"], m["nik"], m["jenis_kelamin"], m["tempat_lahir"],
                  f"{birth:%d-%m-%Y}", m["agama"], m["pekerjaan"]]
        if with_school:
            values.insert(7, look.choice(PENDIDIKAN))
        for i, text in enumerate(values):
            font = _font(regular, 26)
            while draw.textlength(text, font=font) > cols[i + 1] - cols[i] - 16:
                font = _font(regular, font.size - 2)
            draw.text((cols[i] + 8, top + r * row_h + 16), text, font=font,
                      fill=(0, 0, 0))
    sf = _font(regular, 26)
    sy = look.randint(1280, 1340)
    draw.text((1650, sy), "KEPALA DINAS KEPENDUDUKAN DAN", font=sf, fill=(0, 0, 0))
    draw.text((1650, sy + 36), "PENCATATAN SIPIL KAB. KAMPAR", font=sf, fill=(0, 0, 0))
    return page


def render_sktm_unseen(rng: random.Random, look: random.Random, data: dict[str, Any]
                       ) -> Image.Image:
    """Draw an SKTM from another village office: letterhead, labels, fonts."""
    w, h = SKTM_SIZE
    p = data["_person"]
    regular, bold = look.choice(UNSEEN_SERIF)
    page = Image.new("RGB", (w, h), look.choice(((252, 252, 250), (250, 248, 242))))
    draw = ImageDraw.Draw(page)
    scale = look.uniform(0.9, 1.1)

    def center(text: str, y: int, font: ImageFont.FreeTypeFont) -> None:
        tw = draw.textlength(text, font=font)
        draw.text(((w - tw) / 2 + 60, y), text, font=font, fill=(0, 0, 0))

    kind = "KELURAHAN" if "KELURAHAN" in data["kel_desa"] else "DESA"
    office = look.choice((f"PEMERINTAH {kind} {data['kel_desa']}",
                          f"KANTOR {kind} {data['kel_desa']}"))
    center("PEMERINTAH KABUPATEN KAMPAR", 110, _font(bold, round(42 * scale)))
    center(f"KECAMATAN {data['kecamatan']}", 165, _font(bold, round(42 * scale)))
    center(office, 222, _font(bold, round(48 * scale)))
    center(look.choice(("Jalan Poros Desa, Kode Pos 28461",
                        "Alamat: Jl. Raya Desa No. 12 Kode Pos 28463")),
           292, _font(regular, 28))
    lx = look.randint(90, 160)
    draw.rectangle([lx, 110, lx + 130, 280], outline=(0, 70, 140), width=5)
    emblem = [(lx + 65, 130), (lx + 115, 250), (lx + 15, 250)]
    draw.polygon(emblem, outline=(0, 70, 140))
    draw.line([(100, 350), (w - 100, 350)], fill=(0, 0, 0), width=4)

    title = _font(bold, round(44 * scale))
    text = look.choice(("SURAT KETERANGAN TIDAK MAMPU", "SURAT KETERANGAN TIDAK MAMPU"
                        .title()))
    tw = draw.textlength(text, font=title)
    ty = look.randint(400, 440)
    draw.text(((w - tw) / 2, ty), text, font=title, fill=(0, 0, 0))
    rule_y = ty + title.size + 6
    draw.line([((w - tw) / 2, rule_y), ((w + tw) / 2, rule_y)], fill=(0, 0, 0), width=3)
    nomor = _font(regular, round(34 * scale))
    text = f"{look.choice(('Nomor :', 'No :', 'Nomor:'))} {data['nomor_surat']}"
    tw = draw.textlength(text, font=nomor)
    draw.text(((w - tw) / 2, ty + title.size + 20), text, font=nomor, fill=(0, 0, 0))

    body = _font(regular, round(34 * scale))
    left = look.randint(150, 210)
    y = ty + 190
    for line in (f"Yang bertanda tangan di bawah ini, Kepala {kind.title()} "
                 f"{data['kel_desa'].title()},",
                 f"Kecamatan {data['kecamatan'].title()}, Kabupaten Kampar, "
                 "dengan ini menerangkan:"):
        draw.text((left, y), line, font=body, fill=(0, 0, 0))
        y += round(54 * scale)
    y += 20
    birth = dt.date.fromisoformat(p["tanggal_lahir"])
    born = f"{p['tempat_lahir'].title()}, {birth.day} {MONTHS_ID[birth.month - 1]} " \
           f"{birth.year}"
    rows = [
        ("Nama Lengkap", p["nama"]),
        ("No. NIK", p["nik"]),
        ("Tempat, Tanggal Lahir", born),
        ("Jenis Kelamin", p["jenis_kelamin"].title()),
        ("Agama", p["agama"].title()),
        ("Pekerjaan", p["pekerjaan"]),
        ("Alamat", f"{p['alamat']} RT {p['rt_rw'][:3]} RW {p['rt_rw'][4:]}"),
        (f"{kind.title()}", data["kel_desa"]),
        ("Kecamatan", data["kecamatan"]),
    ]
    label_x = left + look.randint(20, 80)
    value_x = label_x + int(max(body.getlength(r[0]) for r in rows)) + look.randint(
        20, 70)
    for label, value in rows:
        draw.text((label_x, y), label, font=body, fill=(0, 0, 0))
        draw.text((value_x, y), f": {value}", font=body, fill=(0, 0, 0))
        y += round(56 * scale)
    y += 30
    for line in (
        "Adalah benar penduduk yang berdomisili di wilayah kami dan menurut",
        "pengamatan kami termasuk keluarga tidak mampu. Surat keterangan ini",
        "diberikan untuk melengkapi persyaratan bantuan sosial. Demikian",
        "surat keterangan ini dibuat untuk dapat dipergunakan seperlunya.",
    ):
        draw.text((left, y), line, font=body, fill=(0, 0, 0))
        y += round(54 * scale)
    d = dt.date.fromisoformat(data["tanggal_surat"])
    y += 60
    sx = look.randint(900, 1000)
    when = f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"
    if look.random() < 0.5:
        lines = (f"{data['kel_desa'].title()}, {when}", f"Kepala {kind.title()}")
    else:
        lines = (f"Dikeluarkan di : {data['kel_desa'].title()}",
                 f"Pada tanggal : {when}", f"Kepala {kind.title()}")
    for i, line in enumerate(lines):
        draw.text((sx, y + i * 52), line, font=body, fill=(0, 0, 0))
    draw.text((sx, y + 280), f"{rng.choice(FIRST_NAMES_M)} {rng.choice(LAST_NAMES)}",
              font=_font(bold, 34), fill=(0, 0, 0))
    return page


# --- degradations ------------------------------------------------------------


def _rotate_on(canvas: np.ndarray, doc: np.ndarray, x: int, y: int, angle: float
               ) -> np.ndarray:
    h, w = doc.shape[:2]
    mask = np.full((h, w), 255, np.uint8)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[0, 2] += x
    m[1, 2] += y
    size = (canvas.shape[1], canvas.shape[0])
    warped = cv2.warpAffine(doc, m, size, flags=cv2.INTER_AREA)
    wmask = cv2.warpAffine(mask, m, size)
    out = canvas.copy()
    out[wmask > 127] = warped[wmask > 127]
    return out


def _noise(rng: random.Random, img: np.ndarray, sigma: float) -> np.ndarray:
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    noisy = img.astype(np.float32) + nrng.normal(0, sigma, img.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def _scan(rng: random.Random, doc: np.ndarray, is_card: bool) -> np.ndarray:
    if is_card:
        h, w = doc.shape[:2]
        canvas = np.full((int(h * 1.5), int(w * 1.3), 3), 238, np.uint8)
        x = rng.randint(10, int(w * 0.3) - 10)
        y = rng.randint(10, int(h * 0.5) - 10)
    else:
        canvas = np.full_like(doc, 245)
        x = y = 0
    out = _rotate_on(canvas, doc, x, y, rng.uniform(-2.5, 2.5))
    out = cv2.GaussianBlur(out, (0, 0), 0.7)
    return _noise(rng, out, 4)


def _photocopy(rng: random.Random, doc: np.ndarray, is_card: bool) -> np.ndarray:
    if is_card:
        # Card copied on an A4 page at 200 dpi: the card becomes ~674 px wide.
        small = cv2.resize(doc, (674, 425), interpolation=cv2.INTER_AREA)
        canvas = np.full((2339, 1654, 3), 255, np.uint8)
        x, y = rng.randint(100, 800), rng.randint(100, 1400)
        out = _rotate_on(canvas, small, x, y, rng.uniform(-3, 3))
    else:
        out = _rotate_on(np.full_like(doc, 255), doc, 0, 0, rng.uniform(-1.5, 1.5))
    gray = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
    gray = cv2.GaussianBlur(gray, (0, 0), 0.8)
    gray = _noise(rng, gray, 10)
    threshold = rng.randint(150, 175)
    bw = np.where(gray < threshold, 0, 255).astype(np.uint8)
    return cv2.cvtColor(bw, cv2.COLOR_GRAY2RGB)


def _table(rng: random.Random, w: int, h: int) -> np.ndarray:
    base = np.array([rng.randint(90, 140), rng.randint(60, 100), rng.randint(30, 60)])
    img = np.ones((h, w, 3), np.float32) * base
    stripes = np.sin(np.linspace(0, rng.uniform(20, 60), h))[:, None, None] * 12
    img = img + stripes
    return _noise(rng, np.clip(img, 0, 255).astype(np.uint8), 6)


def _phone(rng: random.Random, doc: np.ndarray, is_card: bool) -> np.ndarray:
    h, w = doc.shape[:2]
    out_w = 1600 if is_card else 2000
    out_h = 1200 if is_card else 1500
    if not is_card and h > w:
        out_w, out_h = out_h, out_w
    scale = rng.uniform(0.6, 0.75) * min(out_w / w, out_h / h)
    dw, dh = w * scale, h * scale
    cx = out_w / 2 + rng.uniform(-0.08, 0.08) * out_w
    cy = out_h / 2 + rng.uniform(-0.08, 0.08) * out_h
    j = 0.06
    dst = np.float32([
        (cx - dw / 2 + rng.uniform(-j, j) * dw, cy - dh / 2 + rng.uniform(-j, j) * dh),
        (cx + dw / 2 + rng.uniform(-j, j) * dw, cy - dh / 2 + rng.uniform(-j, j) * dh),
        (cx + dw / 2 + rng.uniform(-j, j) * dw, cy + dh / 2 + rng.uniform(-j, j) * dh),
        (cx - dw / 2 + rng.uniform(-j, j) * dw, cy + dh / 2 + rng.uniform(-j, j) * dh),
    ])
    src = np.float32([(0, 0), (w, 0), (w, h), (0, h)])
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(doc, m, (out_w, out_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, (out_w, out_h))
    out = _table(rng, out_w, out_h)
    out[mask > 127] = warped[mask > 127]

    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    lx, ly = rng.uniform(0, out_w), rng.uniform(0, out_h)
    dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / np.hypot(out_w, out_h)
    light = 1.05 - rng.uniform(0.35, 0.5) * dist
    out = np.clip(out.astype(np.float32) * light[..., None], 0, 255).astype(np.uint8)
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.2))
    return _noise(rng, out, 3)


def degrade(rng: random.Random, doc: Image.Image, condition: str, is_card: bool
            ) -> Image.Image:
    """Apply one of :data:`CONDITIONS` to a clean rendering."""
    arr = np.array(doc.convert("RGB"))
    if condition == "scan":
        out = _scan(rng, arr, is_card)
    elif condition == "photocopy":
        out = _photocopy(rng, arr, is_card)
    elif condition in ("phone", "chat"):
        out = _phone(rng, arr, is_card)
    elif condition == "rotated":
        base = _scan(rng, arr, is_card) if rng.random() < 0.5 else _photocopy(
            rng, arr, is_card)
        out = np.ascontiguousarray(np.rot90(base, rng.choice((1, 2, 3))))
    else:
        raise ValueError(condition)

    img = Image.fromarray(out)
    if condition == "chat":
        ratio = 1000 / img.width
        img = img.resize((1000, round(img.height * ratio)), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        img.save(buffer, "JPEG", quality=60)
        img = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return img


def generate(doc_type: str, condition: str, seed: int, *, style: str = "standard",
             variant: str | None = None, **options: Any) -> Sample:
    """Generate one degraded document and its truth, deterministically.

    Args:
        doc_type: ``"ktp"``, ``"kk"`` or ``"sktm"``.
        condition: One of :data:`CONDITIONS`.
        seed: Same seed, same picture.
        style: ``"standard"``, the appearance the readers are tuned on, or
            ``"unseen"``: the same truth drawn in fonts, positions and
            backgrounds taken from a random stream of their own.
        variant: For a KTP, one of :data:`KTP_VARIANTS`. A field the variant
            makes unreadable (glare) or that the card does not print (KIA,
            foreigner's card) has truth None.
        **options: ``blur_nik=True`` for a KTP with the NIK made unreadable.

    Raises:
        ValueError: An unknown type, condition, style or variant.
    """
    if style not in STYLES:
        raise ValueError(style)
    if variant is not None and (doc_type != "ktp" or variant not in KTP_VARIANTS):
        raise ValueError(variant)
    rng = random.Random(f"{doc_type}-{condition}-{seed}")
    look = random.Random(f"look-{doc_type}-{condition}-{seed}-{variant}")
    if doc_type == "ktp":
        truth, clean = _ktp(rng, look, style, variant, options.get("blur_nik", False))
    elif doc_type == "kk":
        truth = random_family(rng)
        if style == "standard":
            clean = render_kk(rng, truth)
        else:
            clean = render_kk_unseen(rng, look, truth)
    elif doc_type == "sktm":
        truth = random_sktm(rng)
        if style == "standard":
            clean = render_sktm(rng, truth)
        else:
            clean = render_sktm_unseen(rng, look, truth)
        truth = {k: v for k, v in truth.items() if not k.startswith("_")}
    else:
        raise ValueError(doc_type)

    probe = random.Random()
    probe.setstate(rng.getstate())
    image = degrade(rng, clean, condition, doc_type == "ktp")
    if variant == "thumbnail":
        ratio = look.randint(350, 450) / _card_width(probe, condition, *clean.size)
        size = (round(image.width * ratio), round(image.height * ratio))
        image = image.resize(size, Image.Resampling.LANCZOS)
    return Sample(image=image, truth=truth, doc_type=doc_type, condition=condition)


def _ktp(rng: random.Random, look: random.Random, style: str, variant: str | None,
         blur_nik: bool) -> tuple[dict[str, Any], Image.Image]:
    if variant is None and style == "standard":
        truth = random_person(rng)
        clean = render_ktp(rng, truth, blur_nik=blur_nik)
        if blur_nik:
            truth = {**truth, "nik": None}
        return truth, clean

    if blur_nik:
        raise ValueError("blur_nik is only drawn in the standard style")
    if variant == "kia":
        truth = random_child(rng)
        clean, _ = render_kia(rng, look, truth, style)
    elif variant == "wna":
        truth = random_foreigner(rng)
        clean, _ = render_wna(rng, look, truth, style)
    elif variant == "old":
        truth = random_old_ktp_holder(rng)
        clean, _ = render_old_ktp(rng, look, truth, style)
        truth = {k: v for k, v in truth.items() if not k.startswith("_")}
    else:
        truth = random_person(rng)
        card_look = CardLook() if style == "standard" else unseen_card_look(look)
        clean, boxes = render_ktp_look(rng, truth, card_look)
        if variant == "glare":
            clean, erased = _glare(look, clean, boxes)
            truth = {**truth, **{name: None for name in erased}}
        elif variant == "sleeve":
            clean = _sleeve(look, clean)
        elif variant == "worn":
            clean = _worn(look, clean)
    return truth, clean
