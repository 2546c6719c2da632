"""Region reference data: Kampar's kecamatan and Indonesia's province codes.

Codes are Kemendagri codes (the ones NIKs are built from), never BPS codes.
"""

from __future__ import annotations

KAMPAR_PREFIX = "1401"
"""Province + regency part of a NIK first registered in Kabupaten Kampar."""

KAMPAR_KECAMATAN: tuple[tuple[str, str], ...] = (
    ("14.01.01", "Bangkinang Kota"),
    ("14.01.02", "Kampar"),
    ("14.01.03", "Tambang"),
    ("14.01.04", "XIII Koto Kampar"),
    ("14.01.05", "Kuok"),
    ("14.01.06", "Siak Hulu"),
    ("14.01.07", "Kampar Kiri"),
    ("14.01.08", "Kampar Kiri Hilir"),
    ("14.01.09", "Kampar Kiri Hulu"),
    ("14.01.10", "Tapung"),
    ("14.01.11", "Tapung Hilir"),
    ("14.01.12", "Tapung Hulu"),
    ("14.01.13", "Salo"),
    ("14.01.14", "Rumbio Jaya"),
    ("14.01.15", "Bangkinang"),
    ("14.01.16", "Perhentian Raja"),
    ("14.01.17", "Kampa"),
    ("14.01.18", "Kampar Utara"),
    ("14.01.19", "Kampar Kiri Tengah"),
    ("14.01.20", "Gunung Sahilan"),
    ("14.01.21", "Koto Kampar Hulu"),
)

# Old district names still printed on old cards; unconfirmed aliases, so they
# are only used to recognise text, never to map to a code.
OLD_KECAMATAN_NAMES: tuple[str, ...] = (
    "Bangkinang Seberang",
    "Bangkinang Barat",
    "Kampar Timur",
)

PROVINCES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}
"""The 38 province codes (Kemendagri). Papua codes 91-96 follow the 2022
split; older NIKs from Papua may use 91 or 94 with the pre-split meaning."""

# Every desa and kelurahan of Kabupaten Kampar by kecamatan code, as listed
# with the Kemendagri codes of 2025 (Kepmendagri 300.2.2-2138). Names as the
# register spells them; a card printed before a rename may differ.
_DESA_BY_KECAMATAN: dict[str, str] = {
    "01": "Bangkinang; Langgini; Kumantan; Ridan Permai",
    "02": "Air Tiris; Batu Belah; Tanjung Berulak; Ranah; Penyasawan; Rumbio; "
          "Padang Mutung; Pulau Jambu; Tanjung Rambutan; Simpang Kubu; Limau Manis; "
          "Naumbai; Pulau Tinggi; Ranah Baru; Bukit Ranah; Pulau Sarak; Koto Tibun; "
          "Ranah Singkuang",
    "03": "Tambang; Kuapan; Gobah; Teluk Kenidai; Aursati; Padang Luas; Terantang; "
          "Kualu; Rimbo Panjang; Parit Baru; Kemang Indah; Kualu Nenas; "
          "Tarai Bangun; Sungai Pinang; Balam Jaya; Pulau Permai; Palung Raya",
    "04": "Batu Bersurat; Gunung Bungsu; Koto Tuo; Balung; Muara Takus; "
          "Pulau Gadang; Tanjung Alai; Ranah Sungkai; Lubuk Agung; Koto Mesjid; "
          "Pongkai Istiqomah; Binamang; Koto Tuo Barat",
    "05": "Kuok; Merangin; Empat Balai; Pulau Jambu; Silam; Bukit Melintang; "
          "Pulau Terap; Lereng; Batu Langka Kecil",
    "06": "Pangkalan Baru; Desa Baru; Teratak Buluh; Lubuk Siam; Buluh Cina; "
          "Buluh Nipis; Tanah Merah; Pandau Jaya; Tanjung Balam; Kepau Jaya; "
          "Pangkalan Serik; Kubang Jaya",
    "07": "Lipat Kain; Kuntu; Padang Sawah; Domo; IV Koto Setingkai; Teluk Paman; "
          "Sungai Geringging; Sungai Paku; Muara Selayah; Sungai Rambai; "
          "Tanjung Harapan; Sungai Raja; Sungai Sarik; Lipat Kain Utara; "
          "Lipat Kain Selatan; Kuntu Darussalam; Tanjung Mas; Sungai Harapan; "
          "Sungai Liti; Teluk Paman Timur",
    "08": "Sungai Pagar; Mentulik; Sungai Simpang Dua; Sungai Bungo; Rantau Kasih; "
          "Sungai Petai; Gading Permai; Bangun Sari",
    "09": "Gema; Tanjung Belit; Tanjung Belit Selatan; Koto Lama; Batu Sanggan; "
          "Aur Kuning; Ludai; Tanjung Karang; Batu Sasak; Pangkalan Kapas; "
          "Kebun Tinggi; Tanjung Beringin; Gajah Bertalut; Danau Sontul; "
          "Pangkalan Serai; Dua Sepakat; Terusan; Deras Tajak; Sungai Santi; "
          "Subayang Jaya; Tanjung Permai; Bukit Betung; Muaro Bio; Lubuk Bigau",
    "10": "Petapahan; Pantai Cermin; Petapahan Jaya; Mukti Sari; Sungai Putih; "
          "Indra Sakti; Gading Sari; Sumber Makmur; Pancuran Gading; Sari Galuh; "
          "Tri Manunggal; Air Terbit; Tanjung Sawit; Pagaruyung; Sibuak; "
          "Pelambaian; Kenantan; Indrapuri; Sungai Lambu Makmur; Muara Mahat Baru; "
          "Karya Indah; Kijang Rejo; Sungai Agung; Bencah Kelubi; Batu Gajah",
    "11": "Koto Garo; Sekijang; Beringin Lestari; Kota Bangun; Cinta Damai; "
          "Suka Maju; Kota Baru; Tebing Lestari; Tanah Tinggi; Koto Aman; "
          "Tapung Lestari; Tapung Makmur; Tandan Sari; Gerbang Sari; Kijang Jaya; "
          "Kijang Makmur",
    "12": "Senama Nenek; Kasikan; Bukit Kemuning; Danau Lancang; Muara Intan; "
          "Intan Jaya; Tanah Datar; Rimba Jaya; Rimba Makmur; Rimba Beringin; "
          "Sukaramai; Sumber Sari; Kusau Makmur; Talang Danto",
    "13": "Salo; Siabu; Salo Timur; Sipungguk; Ganting Damai; Ganting",
    "14": "Pulau Payung; Teratak; Alam Panjang; Bukit Kratai; Batang Batindih; "
          "Tambusai; Simpang Petai",
    "15": "Pulau; Pasir Sialang; Pulau Lawas; Muara Uwai; Laboy Jaya; Bukit Payung; "
          "Suka Mulya; Bukit Sembilan; Binuang",
    "16": "Kampung Pinang; Pantai Raja; Hangtuah; Sialang Kubang; Lubuk Sakat",
    "17": "Pulau Birandang; Pulau Rambai; Kampar; Koto Perambahan; Sungai Putih; "
          "Deli Makmur; Sungai Tarap; Tanjung Bungo; Sawah Baru",
    "18": "Muara Jalai; Sawah; Kampung Panjang; Kayu Aro; Sungai Tonang; "
          "Sungai Jalau; Sendayan; Naga Beralih",
    "19": "Simalinyang; Bina Baru; Hidup Baru; Karya Bakti; Lubuk Sakai; "
          "Penghidupan; Mayang Pongkai; Koto Damai; Utama Karya; Bukit Sakai; "
          "Mekar Jaya",
    "20": "Kebun Durian; Gunung Sahilan; Gunung Sari; Suka Makmur; Subarak; "
          "Sungai Lipai; Sahilan Darussalam; Gunung Mulya; Makmur Sejahtera",
    "21": "Siberuang; Bandur Picak; Gunung Malelo; Tabing; Pongkai; Tanjung",
}

KAMPAR_DESA: tuple[tuple[str, str], ...] = tuple(
    (desa, kecamatan)
    for code, kecamatan in KAMPAR_KECAMATAN
    for desa in _DESA_BY_KECAMATAN[code[-2:]].split("; ")
)
"""Every desa/kelurahan of Kampar with the name of its kecamatan."""


STREET_NAMES: tuple[str, ...] = (
    # Bangkinang and the kecamatan towns along the trunk roads.
    "JEND. SUDIRMAN", "PROF. M. YAMIN", "TUANKU TAMBUSAI", "DATUK TABANO",
    "SYEKH BURHANUDDIN", "LINTAS BANGKINANG", "LINTAS PEKANBARU",
    "LINTAS SUMBAR", "LINTAS RIAU-SUMBAR", "RAYA PEKANBARU-BANGKINANG",
    "LINGKAR BANGKINANG", "PASIR PUTIH", "RIAU", "SILIWANGI", "PEMUDA",
    "PELAJAR", "LOBAK", "RAJAWALI", "GARUDA", "KELAPA SAWIT", "KOPERASI",
    "BANGKINANG-KUOK", "AIR TIRIS", "KUOK", "SALO", "RUMBIO", "TAMBANG",
    "PETAPAHAN", "LIPAT KAIN", "MUARA TAKUS", "DANAU BINGKUANG",
    # The names nearly every Indonesian town gives a street.
    "A. YANI", "AHMAD YANI", "DIPONEGORO", "IMAM BONJOL", "MERDEKA",
    "PAHLAWAN", "VETERAN", "KARTINI", "DEWI SARTIKA", "CUT NYAK DIEN",
    "H. AGUS SALIM", "HOS COKROAMINOTO", "KI HAJAR DEWANTARA",
    "GATOT SUBROTO", "SUTOMO", "HANG TUAH", "PATTIMURA", "SISINGAMANGARAJA",
    "TUANKU IMAM BONJOL", "SUTAN SYAHRIR", "MOH. HATTA", "SOEKARNO-HATTA",
    "DR. SUTOMO", "R.A. KARTINI", "TEUKU UMAR", "GAJAH MADA", "HAYAM WURUK",
    "PANGERAN DIPONEGORO", "PROKLAMASI", "KESEHATAN", "PENDIDIKAN",
    "PERTANIAN", "PERKEBUNAN", "MASJID", "MUSHOLLA", "PASAR", "STADION",
    "TELADAN", "MELATI", "MAWAR", "KENANGA", "CEMPAKA", "ANGGREK", "DAHLIA",
    "TERATAI", "FLAMBOYAN", "BERINGIN", "CENDANA", "DURIAN", "MANGGA",
    "RAMBUTAN", "NANGKA", "KELAPA", "PINANG", "KAMPAR", "SIAK", "INDRAGIRI",
    "ROKAN", "KUANTAN",
)
"""Street names an address on a Kampar card is likely to print (after JL.).

Used to mend a letter slip in a known street; an address on any other
street is kept as read.
"""


def kecamatan_by_code(code: str) -> str | None:
    """Return the Kampar kecamatan name for a two-digit or dotted code.

    Args:
        code: ``"05"``, ``"140105"`` or ``"14.01.05"``.

    Returns:
        The name, or None if the code is not a Kampar kecamatan.
    """
    digits = code.replace(".", "")
    if len(digits) == 2:
        digits = KAMPAR_PREFIX + digits

    for dotted, name in KAMPAR_KECAMATAN:
        if dotted.replace(".", "") == digits:
            return name
    return None
