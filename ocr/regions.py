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

# A short list of Kampar villages/kelurahan we are sure exist, with their
# kecamatan. Deliberately incomplete (250 exist): it is used to correct OCR
# only when the read text is very close to one of these names.
KAMPAR_DESA: tuple[tuple[str, str], ...] = (
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
