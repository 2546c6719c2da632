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
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr.regions import KAMPAR_DESA, KAMPAR_KECAMATAN

FONT_DIR = "/usr/share/fonts/truetype"
SANS = f"{FONT_DIR}/liberation/LiberationSans-Regular.ttf"
SANS_BOLD = f"{FONT_DIR}/liberation/LiberationSans-Bold.ttf"
SERIF = f"{FONT_DIR}/liberation/LiberationSerif-Regular.ttf"
SERIF_BOLD = f"{FONT_DIR}/liberation/LiberationSerif-Bold.ttf"
OCRA = f"{FONT_DIR}/ocr-a/OCRA.ttf"
OCRA_BOLD = f"{FONT_DIR}/ocr-a/OCRABold.ttf"

CONDITIONS = ("scan", "photocopy", "phone", "chat", "rotated")
DOC_TYPES = ("ktp", "kk", "sktm")

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
    desa = [d for d, k in KAMPAR_DESA if k == kecamatan]
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
    w, h = KTP_SIZE
    card = Image.new("RGB", (w, h), (196, 222, 240))
    draw = ImageDraw.Draw(card)
    for i in range(-h, w, 14):  # guilloche-like light pattern
        draw.line([(i, 0), (i + h, h)], fill=(184, 212, 234), width=2)
    for y in range(0, h, 40):
        draw.arc([w // 3, y - 60, w, y + 60], 0, 180, fill=(176, 206, 230))

    header = _font(SANS_BOLD, 30)
    for text, y in (("PROVINSI RIAU", 18), ("KABUPATEN KAMPAR", 54)):
        tw = draw.textlength(text, font=header)
        draw.text(((w - tw) / 2, y), text, font=header, fill=(20, 20, 20))

    nik_font = _font(OCRA_BOLD, 40)
    draw.text((30, 112), "NIK", font=_font(SANS_BOLD, 34), fill=(10, 10, 10))
    draw.text((200, 112), ":", font=_font(SANS_BOLD, 34), fill=(10, 10, 10))
    draw.text((225, 110), person["nik"], font=nik_font, fill=(10, 10, 10))
    if blur_nik:
        box = (220, 100, 720, 165)
        region = np.array(card.crop(box))
        region = cv2.GaussianBlur(region, (0, 0), 9)
        card.paste(Image.fromarray(region), box)

    birth = dt.date.fromisoformat(person["tanggal_lahir"])
    rows = [
        ("Nama", person["nama"], 0),
        ("Tempat/Tgl Lahir", f"{person['tempat_lahir']}, {birth:%d-%m-%Y}", 0),
        ("Jenis Kelamin", person["jenis_kelamin"], 0),
        ("Alamat", person["alamat"], 0),
        ("RT/RW", person["rt_rw"], 24),
        ("Kel/Desa", person["kel_desa"], 24),
        ("Kecamatan", person["kecamatan"], 24),
        ("Agama", person["agama"], 0),
        ("Status Perkawinan", person["status_perkawinan"], 0),
        ("Pekerjaan", person["pekerjaan"], 0),
        ("Kewarganegaraan", person["kewarganegaraan"], 0),
        ("Berlaku Hingga", person["berlaku_hingga"], 0),
    ]
    label_font = _font(SANS, 24)
    value_font = _font(SANS, 24)
    y = 172
    for label, value, indent in rows:
        draw.text((30 + indent, y), label, font=label_font, fill=(15, 15, 15))
        draw.text((262, y), ":", font=label_font, fill=(15, 15, 15))
        draw.text((280, y), value, font=value_font, fill=(15, 15, 15))
        if label == "Jenis Kelamin":
            draw.text((500, y), "Gol. Darah", font=label_font, fill=(15, 15, 15))
            draw.text((630, y), ":", font=label_font, fill=(15, 15, 15))
            draw.text((648, y), person["gol_darah"], font=value_font, fill=(15, 15, 15))
        y += 36

    px0, py0, px1, py1 = 745, 130, 960, 420
    draw.rectangle([px0, py0, px1, py1], fill=(200, 60, 60))
    draw.ellipse([px0 + 55, py0 + 40, px1 - 55, py0 + 170], fill=(230, 190, 160))
    draw.rectangle([px0 + 30, py0 + 180, px1 - 30, py1], fill=(40, 40, 60))
    small = _font(SANS, 20)
    issue = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2012, 2024)}"
    for text, yy in (("KAMPAR", 430), (issue, 456)):
        tw = draw.textlength(text, font=small)
        draw.text(((px0 + px1 - tw) / 2, yy), text, font=small, fill=(15, 15, 15))
    sx = px0 + 40
    pts = [(sx + i * 14, 520 + rng.randint(-18, 18)) for i in range(10)]
    draw.line(pts, fill=(30, 30, 90), width=2)
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


def generate(doc_type: str, condition: str, seed: int, **options: Any) -> Sample:
    """Generate one degraded document and its truth, deterministically.

    Args:
        doc_type: ``"ktp"``, ``"kk"`` or ``"sktm"``.
        condition: One of :data:`CONDITIONS`.
        seed: Same seed, same picture.
        **options: ``blur_nik=True`` for a KTP with the NIK made unreadable.
    """
    rng = random.Random(f"{doc_type}-{condition}-{seed}")
    if doc_type == "ktp":
        truth = random_person(rng)
        clean = render_ktp(rng, truth, blur_nik=options.get("blur_nik", False))
        if options.get("blur_nik"):
            truth = {**truth, "nik": None}
    elif doc_type == "kk":
        truth = random_family(rng)
        clean = render_kk(rng, truth)
    elif doc_type == "sktm":
        truth = random_sktm(rng)
        clean = render_sktm(rng, truth)
        truth = {k: v for k, v in truth.items() if not k.startswith("_")}
    else:
        raise ValueError(doc_type)
    image = degrade(rng, clean, condition, doc_type == "ktp")
    return Sample(image=image, truth=truth, doc_type=doc_type, condition=condition)
