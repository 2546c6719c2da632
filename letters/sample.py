"""A realistic, entirely fictitious context for previews and template checks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from letters.letterhead import Letterhead


def sample_letterhead() -> Letterhead:
    """Return a letterhead with an invented address, for previews."""
    return Letterhead(
        address="Jl. Prof. M. Yamin, SH, Bangkinang Kota, Kabupaten Kampar, Riau",
        contacts="Telp. (0762) 000000 - Pos-el: dinsos@kamparkab.example - 28412",
    )


def sample_context() -> dict[str, Any]:
    """Return a fake context with every key a letter template may use.

    The people, numbers and identifiers are invented. A fresh dictionary is
    returned on each call, so callers may change it.

    Returns:
        A context of the shape :func:`letters.render_letter` expects.
    """
    return {
        "letter": {
            "number": "460/0153/DINSOS/XII/2026",
            "date": dt.date(2026, 12, 3),
            "title": "Surat Rekomendasi",
        },
        "person": {
            "nama": "SITI AMINAH",
            "nik": "1401015708850002",
            "tempat_lahir": "Bangkinang",
            "tanggal_lahir": dt.date(1985, 8, 17),
            "jenis_kelamin": "Perempuan",
            "alamat": "Jl. Prof. M. Yamin, SH Gg. Melati No. 12",
            "rt_rw": "002/004",
            "kel_desa": "Langgini",
            "kecamatan": "Bangkinang Kota",
            "agama": "Islam",
            "pekerjaan": "Mengurus Rumah Tangga",
        },
        "applicant": {
            "nama": "ZULKIFLI",
            "nik": "1401010304800001",
            "tempat_lahir": "Air Tiris",
            "tanggal_lahir": dt.date(1980, 4, 3),
            "jenis_kelamin": "Laki-laki",
            "alamat": "Jl. Prof. M. Yamin, SH Gg. Melati No. 12",
            "rt_rw": "002/004",
            "kel_desa": "Langgini",
            "kecamatan": "Bangkinang Kota",
            "agama": "Islam",
            "pekerjaan": "Petani/Pekebun",
        },
        "signer": {
            "nama": "Drs. H. AHMAD FAUZI, M.Si",
            "nip": "197203151998031004",
            "jabatan": "Kepala Dinas Sosial Kabupaten Kampar",
            "pangkat": "Pembina Utama Muda (IV/c)",
            "acting": "",
        },
        "service": {"code": "JAMKESDA", "name": "Rekomendasi Jamkesda"},
        "case": {
            "number": "BRK-2026-00153",
            "received_at": dt.datetime(2026, 12, 1, 9, 30),
            "notes": "Berkas lengkap, diverifikasi di loket.",
        },
        "dtks": {
            "registered": True,
            "checked_at": dt.date(2026, 12, 2),
            "dtks_id": "1401010105000123",
            "desil": "1",
            "checked_by": "RAHMAT HIDAYAT",
        },
        "assessment": {
            "date": dt.date(2026, 12, 2),
            "officer": "NURUL HUDA, S.Sos",
            "findings": "Pemohon dan keluarga telah diwawancarai; kondisi sosial "
            "ekonomi sesuai dengan dokumen yang diajukan.",
            "recommendation": "layak",
        },
        "requirements": [
            {
                "text": "Fotokopi KTP pemohon",
                "state": "verified",
                "state_label": "Ada, sesuai",
                "ok": True,
            },
            {
                "text": "Fotokopi Kartu Keluarga",
                "state": "verified",
                "state_label": "Ada, sesuai",
                "ok": True,
            },
            {
                "text": "Surat Keterangan Tidak Mampu dari desa/kelurahan",
                "state": "missing",
                "state_label": "Belum ada",
                "ok": False,
            },
            {
                "text": "Surat rujukan dari Puskesmas",
                "state": "rejected",
                "state_label": "Tidak sesuai (sudah kedaluwarsa)",
                "ok": False,
            },
        ],
        "officer": {"nama": "RAHMAT HIDAYAT", "nip": "198805122015031002"},
        "extra": {
            "rumah_sakit": "RSUD Bangkinang Kabupaten Kampar",
            "keperluan": "pendaftaran Program Indonesia Pintar (PIP)",
            "tujuan": "Kepala Dinas Kesehatan Kabupaten Kampar",
            "nama_rsj": "Rumah Sakit Jiwa Tampan Provinsi Riau",
            "kondisi": "terlantar",
            "keterangan_keluarga": "tidak ditemukan keluarga",
            "calon_pasangan": "RIKI SAPUTRA",
            "pengadilan": "Pengadilan Agama Bangkinang",
            "nama_panti": "UPT Pelayanan Sosial Tresna Werdha Khusnul Khotimah",
            "nama_lembaga": "Balai Handayani",
            "permasalahan": "anak memerlukan perlindungan khusus",
            "daerah_asal": "Kabupaten Deli Serdang, Sumatera Utara",
            "tempat_ditemukan": "Terminal Bangkinang",
            "tanggal_ditemukan": "28 November 2026",
            "alat_transportasi": "bus umum",
            "ciri_ciri": "laki-laki, perkiraan umur 50 tahun, tinggi 165 cm",
            "rumah_sakit_visum": "RSUD Bangkinang",
            "nomor_visum": "VER/57/XI/2026/Res Kampar",
            "tempat_pemakaman": "TPU Desa Langgini, Bangkinang Kota",
            "tanggal_pemakaman": "1 Desember 2026",
            "jenis_bantuan": "kursi roda",
            "dasar": "hasil verifikasi dan asesmen petugas Dinas Sosial",
        },
    }
