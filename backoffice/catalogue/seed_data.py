"""The office's service catalogue, from its own SOP (typos mended).

Steps carry a ``stage``: the case status during which that step is current,
so a case page can show where it stands in the SOP's own terms.
"""

from __future__ import annotations

from typing import Any

JAMSOS = "Jaminan Sosial"
REHSOS = "Rehabilitasi Sosial"
LINJAMSOS = "Perlindungan dan Jaminan Sosial"

VISION = (
    "Terwujudnya penanganan dan pelayanan PMKS masyarakat, menuju kehidupan "
    "yang agamis, berbudaya, sehat, sejahtera, kreatif dan produktif."
)
SERVICE_VISION = (
    "Menghadirkan pelayanan prima dan berkualitas, kami hadir melayani bersama 5S."
)
MISSION = (
    "Meningkatkan koordinasi dan konsultasi perencanaan program dan kegiatan "
    "bidang sosial.",
    "Meningkatkan sistem pendataan, penanganan dan pelayanan bagi Pemerlu "
    "Pelayanan Kesejahteraan Sosial (PPKS) terutama KPM-PKH, PBI JKN, KIS dan "
    "RASTRA.",
    "Meningkatkan kemampuan dan kemandirian masyarakat melalui pembinaan dan "
    "pembentukan kelembagaan kelompok usaha produktif.",
    "Meningkatkan kerja sama pembinaan antarlembaga terkait dalam pencegahan dan "
    "penanggulangan PMKS dan berbagai bentuk penyakit masyarakat.",
    "Memfasilitasi lembaga-lembaga sosial mitra kerja yang menangani masalah "
    "kesejahteraan sosial masyarakat (PSM, TKSK, Pendamping PKH, TAGANA, Karang "
    "Taruna dan pengurus panti).",
    "Partisipatif dan proaktif dalam pelayanan PMKS, korban bencana alam dan "
    "bencana sosial.",
)
SERVICE_MISSION = (
    "Memberikan pelayanan prima yang mudah, cepat dan ramah.",
    "Meningkatkan kualitas pelayanan.",
    "Meningkatkan sumber daya pelayanan.",
    "Mewujudkan inovasi pelayanan.",
    "Memberdayakan masyarakat dengan memberikan edukasi, terutama fakir miskin, "
    "orang terlantar, penyandang disabilitas, perempuan dan anak-anak.",
)
MOTTO = "Hadir dengan pelayanan 5S: Senyum, Salam, Sapa, Sopan, Santun."


def req(
    text: str,
    kind: str = "lainnya",
    *,
    mandatory: bool = True,
    original: bool = False,
    validity: int | None = None,
) -> dict[str, Any]:
    return {
        "text": text,
        "doc_kind": kind,
        "mandatory": mandatory,
        "original_required": original,
        "validity_days": validity,
    }


def step(actor: str, description: str, stage: str | None = None) -> dict[str, Any]:
    return {"actor": actor, "description": description, "stage": stage}


SKTM_DESA = req("Surat Keterangan Tidak Mampu dari Desa", "sktm", validity=180)
FC_KTP = req("Fotokopi KTP", "ktp")
FC_KK = req("Fotokopi Kartu Keluarga (KK)", "kk")
TKSK_LETTER = req("Surat Permohonan diketahui Desa/Kelurahan dan TKSK")
TKSK_STEPS = [
    step(
        "TKSK",
        "Tenaga Kesejahteraan Sosial Kecamatan menandatangani surat permohonan "
        "dari pemohon",
    ),
    step(
        "Dinas Sosial",
        "Dinas Sosial Kabupaten Kampar menerima proposal dari pemohon untuk "
        "diverifikasi dan diproses",
        "verifikasi",
    ),
]

SERVICES: list[dict[str, Any]] = [
    {
        "code": "MAYAT-TERLANTAR",
        "name": "Penanganan Mayat Terlantar",
        "area": REHSOS,
        "description": "Pemulasaran dan pemakaman mayat tanpa identitas atau keluarga.",
        "letter_kind": "berita_acara_pemakaman",
        "classification_code": "469",
        "sla_days": 2,
        "has_applicant": False,
        "requirements": [
            req("Keterangan mayat yang tidak ada identitas/keluarga"),
            req("Surat dari rumah sakit", "surat_dokter"),
            req("Hasil visum dari kepolisian", "surat_polisi"),
        ],
        "steps": [
            step(
                "Rumah Sakit",
                "Membuat surat pemberitahuan untuk pelaksanaan pemulasaran mayat "
                "terlantar ke Dinas Sosial",
                "diterima",
            ),
            step(
                "Dinas Sosial",
                "Mempersiapkan pelaksanaan dan administrasi pemulasaran mayat "
                "terlantar sekaligus menghubungi pihak-pihak terkait",
                "verifikasi",
            ),
            step(
                "Dinas Sosial",
                "Pelaksanaan pemakaman dihadiri oleh unsur Dinas Sosial, "
                "Kepolisian dan Rumah Sakit",
                "surat_terbit",
            ),
        ],
    },
    {
        "code": "ALAT-BANTU",
        "name": "Permohonan Alat Bantu Disabilitas",
        "area": REHSOS,
        "description": "Bantuan alat bantu bagi penyandang disabilitas.",
        "letter_kind": "rekomendasi_umum",
        "classification_code": "461",
        "sla_days": 14,
        "sensitivity": "kesehatan",
        "requirements": [
            TKSK_LETTER,
            SKTM_DESA,
            FC_KK,
            req("Fotokopi KTP/Surat Domisili", "ktp"),
            req(
                "Surat dari dokter yang menerangkan membutuhkan alat bantu tersebut",
                "surat_dokter",
            ),
            req("Foto seluruh badan yang memperlihatkan kedisabilitasan", "foto"),
        ],
        "steps": [step("Pemohon", "Melengkapi persyaratan", "diterima"), *TKSK_STEPS],
    },
    {
        "code": "ORANG-TERLANTAR",
        "name": "Penanganan Orang Terlantar",
        "area": REHSOS,
        "description": "Registrasi dan pemulangan orang terlantar ke daerah asal.",
        "letter_kind": "registrasi_pemulangan",
        "classification_code": "465.2",
        "sla_days": 2,
        "has_applicant": False,
        "requirements": [
            req("Surat Keterangan Orang Terlantar dari Kepolisian", "surat_polisi"),
        ],
        "steps": [
            step(
                "Kepolisian",
                "Menerbitkan surat keterangan orang terlantar",
                "diterima",
            ),
            step("Dinas Sosial", "Registrasi dokumen pemulangan", "verifikasi"),
            step(
                "Dinas Sosial",
                "Orang terlantar dikembalikan ke daerah asal",
                "surat_terbit",
            ),
        ],
    },
    {
        "code": "ODGJ-KELUARGA",
        "name": "Penanganan Orang Dengan Gangguan Jiwa (ODGJ) yang Memiliki Keluarga",
        "area": REHSOS,
        "description": "Rujukan ODGJ ke Rumah Sakit Jiwa atas permohonan keluarga.",
        "letter_kind": "pengantar_rsj",
        "classification_code": "460",
        "sla_days": 1,
        "sensitivity": "kesehatan",
        "follow_up_months": 3,
        "referral_target": "Rumah Sakit Jiwa Tampan",
        "requirements": [
            req("Surat Keterangan Tidak Mampu dari Kelurahan/Kepala Desa", "sktm"),
            req("Surat Keterangan dari Kelurahan/Kepala Desa yang menerangkan ODGJ"),
            req(
                "Surat Rujukan dari Puskesmas untuk ke Rumah Sakit Jiwa",
                "surat_dokter",
            ),
            req("Fotokopi Kartu Tanda Penduduk (KTP)", "ktp"),
            req("Fotokopi Kartu Keluarga (KK)", "kk"),
        ],
        "steps": [
            step("Keluarga", "Melengkapi persyaratan administrasi", "diterima"),
            step(
                "Dinas Sosial",
                "Menerbitkan Surat Pengantar/Rekomendasi ke Rumah Sakit Jiwa",
                "verifikasi",
            ),
            step(
                "Rumah Sakit Jiwa",
                "Pemeriksaan medis, penanganan medis dan pemulangan pasien",
                "surat_terbit",
            ),
            step(
                "Keluarga",
                "Keluarga melakukan pengontrolan eks ODGJ (pasung) ke Rumah Sakit "
                "Jiwa 3 bulan sekali",
                "diserahkan",
            ),
        ],
    },
    {
        "code": "ODGJ-TERLANTAR",
        "name": "Penanganan Orang Dengan Gangguan Jiwa (ODGJ) Terlantar",
        "area": REHSOS,
        "description": "Rujukan ODGJ terlantar ke Rumah Sakit Jiwa dan pemulangan "
        "ke keluarga.",
        "letter_kind": "pengantar_rsj",
        "classification_code": "460",
        "sla_days": 1,
        "sensitivity": "kesehatan",
        "has_applicant": False,
        "referral_target": "Rumah Sakit Jiwa Tampan",
        "requirements": [
            req("Surat Keterangan dari Kepolisian", "surat_polisi"),
            req(
                "Surat Keterangan dari Kelurahan/Kepala Desa yang menerangkan ODGJ "
                "terlantar"
            ),
            req("Surat Rujukan dari Puskesmas yang ditujukan ke RSJ", "surat_dokter"),
        ],
        "steps": [
            step(
                "Dinas Sosial",
                "Dinas Sosial Kabupaten mengeluarkan rekomendasi dan selanjutnya "
                "membawa ke RSJ",
                "verifikasi",
            ),
            step(
                "Rumah Sakit Jiwa",
                "Registrasi, pemeriksaan medis, penanganan medis dan pemulangan pasien",
                "surat_terbit",
            ),
            step(
                "Dinas Sosial", "Pencarian alamat dan pemulangan eks ODGJ", "diserahkan"
            ),
            step("Dinas Sosial", "Eks ODGJ dikembalikan ke pihak keluarga", "selesai"),
        ],
    },
    {
        "code": "DTKS-PENDIDIKAN-PLN",
        "name": "Surat Keterangan Terdaftar DTKS untuk PIP, KIP, Beasiswa Bidik "
        "Misi, Beasiswa Miskin dan Subsidi PLN",
        "area": LINJAMSOS,
        "description": "Surat keterangan terdaftar dalam DTKS/DTSEN.",
        "letter_kind": "keterangan_dtks",
        "classification_code": "460",
        "sla_days": 1,
        "requires_dtks": True,
        "requirements": [FC_KTP, FC_KK],
        "steps": [
            step("Front Office", "Front office menerima berkas pemohon", "diterima"),
            step(
                "Front Office",
                "Verifikasi kelengkapan berkas administrasi (jika tidak lengkap, "
                "berkas dikembalikan kepada pemohon untuk dilengkapi)",
                "dikembalikan",
            ),
            step(
                "Back Office",
                "Front office menyerahkan berkas kepada back office untuk "
                "pengecekan ke dalam SIKS-NG (jika tidak terdaftar dalam DTKS, "
                "dikembalikan ke SOP pengusulan DTKS)",
                "verifikasi",
            ),
            step(
                "Back Office",
                "Apabila terdaftar, dilakukan pencetakan surat keterangan terdaftar "
                "di data DTKS",
                "menunggu_keputusan",
            ),
            step(
                "Dinas Sosial",
                "Surat keterangan ditandatangani dan diberikan kepada pemohon untuk "
                "diteruskan ke pemilik kegiatan sesuai keperluan pemohon",
                "surat_terbit",
            ),
        ],
    },
    {
        "code": "JAMKESDA",
        "name": "Rekomendasi Jaminan Kesehatan Daerah (JAMKESDA)",
        "area": LINJAMSOS,
        "description": "Surat rekomendasi jaminan kesehatan untuk RSUD Kabupaten "
        "Kampar dan RS Petala Bumi.",
        "letter_kind": "rekomendasi_jamkesda",
        "classification_code": "460",
        "sla_days": 1,
        "sensitivity": "kesehatan",
        "requirements": [
            FC_KTP,
            FC_KK,
            req(
                "Surat Keterangan Tidak Mampu (SKTM) dari desa yang diketahui camat",
                "sktm",
                validity=180,
            ),
            req("Surat rujukan/surat keterangan rawat inap", "surat_dokter"),
        ],
        "steps": [
            step(
                "Front Office",
                "Verifikasi kelengkapan berkas administrasi (jika tidak lengkap, "
                "berkas dikembalikan kepada pemohon untuk dilengkapi)",
                "diterima",
            ),
            step(
                "Back Office",
                "Jika berkas lengkap, dibuatkan surat rekomendasi jaminan kesehatan "
                "yang ditandatangani pejabat di lingkungan Dinas Sosial",
                "verifikasi",
            ),
            step(
                "Dinas Sosial",
                "Pejabat menandatangani surat rekomendasi",
                "menunggu_keputusan",
            ),
            step(
                "Pemohon",
                "Surat rekomendasi diserahkan kepada pemohon untuk dilanjutkan ke "
                "Dinas Kesehatan dan diteruskan ke rumah sakit yang bekerja sama "
                "dengan Pemda Kampar (RSUD Kabupaten Kampar dan RS Petala Bumi)",
                "surat_terbit",
            ),
        ],
    },
    {
        "code": "UEP-DISABILITAS",
        "name": "Permohonan Bantuan Usaha Ekonomi Produktif (UEP) bagi Disabilitas",
        "area": REHSOS,
        "description": "Bantuan usaha ekonomi produktif bagi penyandang disabilitas.",
        "letter_kind": "rekomendasi_umum",
        "classification_code": "461",
        "sla_days": 14,
        "requirements": [
            TKSK_LETTER,
            SKTM_DESA,
            FC_KK,
            req("Fotokopi KTP/Surat Domisili", "ktp"),
            req("Fotokopi sertifikat pelatihan (jika ada)", mandatory=False),
            req("Rincian Anggaran Biaya (RAB)"),
            req("Foto di tempat usaha", "foto"),
        ],
        "steps": [step("Pemohon", "Melengkapi persyaratan", "diterima"), *TKSK_STEPS],
    },
    {
        "code": "DISPENSASI-KAWIN",
        "name": "Rekomendasi Nikah di Bawah Umur (Dispensasi Kawin)",
        "area": REHSOS,
        "description": "Asesmen dan surat rekomendasi layak atau tidak layak untuk "
        "sidang dispensasi kawin di Pengadilan Agama.",
        "letter_kind": "rekomendasi_dispensasi_kawin",
        "classification_code": "463",
        "sla_days": 7,
        "sensitivity": "anak",
        "requires_assessment": True,
        "requirements": [
            req("Surat dari Pengadilan Agama", original=True),
            req("Surat dari UPT PPA"),
            req("Surat dari Psikolog di UPT PPA", "surat_dokter"),
            req("Fotokopi KK kedua belah pihak", "kk"),
            req("Fotokopi KTP kedua belah pihak", "ktp"),
        ],
        "steps": [
            step("Pemohon", "Melengkapi persyaratan", "diterima"),
            step("Psikolog UPT PPA", "Pemeriksaan psikologis calon pengantin"),
            step("Pengadilan Agama", "Meminta rekomendasi Dinas Sosial"),
            step(
                "Dinas Sosial",
                "Pemeriksaan kelengkapan dokumen persyaratan sekaligus melakukan "
                "asesmen dan mengeluarkan surat rekomendasi layak atau tidak layak",
                "verifikasi",
            ),
            step(
                "Dinas Sosial",
                "Mengikuti sidang sesuai dengan peraturan perundang-undangan yang "
                "berlaku",
                "surat_terbit",
            ),
        ],
    },
    {
        "code": "RUJUKAN-ANAK",
        "name": "Rujukan Anak Nakal/Putus Sekolah",
        "area": REHSOS,
        "description": "Rujukan anak ke Balai Handayani Kemensos RI dan panti "
        "sosial anak.",
        "letter_kind": "rujukan_anak",
        "classification_code": "462.4",
        "sla_days": 7,
        "sensitivity": "anak",
        "requires_assessment": True,
        "referral_target": "Balai Handayani Kemensos RI",
        "requirements": [
            req("Fotokopi ijazah terakhir atau rapor terakhir"),
            FC_KK,
            req(
                "Fotokopi atau surat keterangan domisili dari kelurahan/kepala desa",
                "ktp",
            ),
            req("Surat keterangan kurang mampu dari kelurahan/kepala desa", "sktm"),
            req("Surat keterangan berkelakuan baik dari kelurahan/kepala desa"),
            req("Surat keterangan belum menikah dari kelurahan/kepala desa"),
            req(
                "Fotokopi kartu BPJS/surat keterangan kesehatan dari dokter atau "
                "puskesmas",
                "surat_dokter",
            ),
            req(
                "Pas foto 3x4 sebanyak 4 lembar dan 4x6 sebanyak 2 lembar (tuliskan "
                "nama di belakang foto)",
                "foto",
            ),
        ],
        "steps": [
            step("Dinas Sosial", "Menerima laporan dari klien", "diterima"),
            step(
                "Dinas Sosial",
                "Melakukan pemeriksaan berkas persyaratan dan kunjungan rumah (home "
                "visit) untuk asesmen dengan Peksos Anak",
                "verifikasi",
            ),
            step("Dinas Sosial", "Memberikan surat rekomendasi", "menunggu_keputusan"),
            step(
                "Balai Handayani Kemensos RI",
                "Pemeriksaan berkas persyaratan sekaligus memberikan surat "
                "rekomendasi ke panti sosial anak, seperti BRSAMPK, Teng Kuyuk dan "
                "PSBR",
                "surat_terbit",
            ),
            step(
                "Panti Sosial Anak",
                "Pemeriksaan dan asesmen untuk penerimaan klien sekaligus bimbingan "
                "rehabilitasi sosial anak; setelah selesai, klien dikembalikan ke "
                "pihak keluarga",
                "diserahkan",
            ),
            step(
                "Keluarga",
                "Anak diserahkan kembali ke pihak keluarga dan keluarga diminta "
                "selalu melakukan pengawasan",
                "selesai",
            ),
        ],
    },
    {
        "code": "PANTI-LANSIA",
        "name": "Permohonan Masuk Panti Jompo/Lansia",
        "area": REHSOS,
        "description": "Asesmen dan rekomendasi masuk Panti Sosial Lansia.",
        "letter_kind": "rekomendasi_panti_lansia",
        "classification_code": "466.5",
        "sla_days": 14,
        "sensitivity": "kesehatan",
        "requires_assessment": True,
        "referral_target": "Panti Sosial Lansia",
        "requirements": [
            req("Surat permohonan"),
            SKTM_DESA,
            req(
                "Surat keterangan kesehatan tidak memiliki riwayat penyakit menular",
                "surat_dokter",
            ),
            req("Surat keterangan kesehatan jiwa", "surat_dokter"),
            req("Fotokopi Kartu Keluarga (KK)", "kk"),
            req("Fotokopi Kartu Tanda Penduduk (KTP)/Surat Domisili", "ktp"),
            req("Surat pernyataan dari keluarga"),
        ],
        "steps": [
            step("Pemohon", "Melengkapi persyaratan", "diterima"),
            step(
                "Dinas Sosial",
                "Pemeriksaan kelengkapan dokumen dan asesmen/home visit ke rumah "
                "calon klien dengan petugas Pendamping Lansia",
                "verifikasi",
            ),
            step(
                "Dinas Sosial",
                "Pemeriksaan hasil laporan sosial dari pendamping lansia sekaligus "
                "mengeluarkan surat rekomendasi masuk Panti Jompo/Lansia",
                "menunggu_keputusan",
            ),
            step(
                "Panti Sosial Lansia",
                "Pemeriksaan dokumen persyaratan, registrasi/pendaftaran; lansia "
                "diterima dan diserahkan ke pihak panti",
                "surat_terbit",
            ),
        ],
    },
    {
        "code": "ADOPSI-ANAK",
        "name": "Pengangkatan Anak (Adopsi)",
        "area": REHSOS,
        "description": "SOP hanya memuat judul layanan; persyaratan dan tahapan "
        "dilengkapi oleh admin sebelum layanan diaktifkan.",
        "letter_kind": "rekomendasi_umum",
        "classification_code": "463",
        "sla_days": 14,
        "sensitivity": "anak",
        "active": False,
        "requirements": [],
        "steps": [],
    },
    {
        "code": "KIS-APBD-APBN",
        "name": "Pengusulan KIS APBD/APBN (PBI JK)",
        "area": LINJAMSOS,
        "description": "Pengusulan peserta PBI Jaminan Kesehatan melalui APBD atau "
        "APBN. Peserta aktif di salah satu program tidak perlu dilanjutkan.",
        "letter_kind": "rekomendasi_umum",
        "classification_code": "460",
        "sla_days": 7,
        "requires_dtks": True,
        "exclusive_group": "pbi-jk",
        "block_duplicates": True,
        "requirements": [
            req(
                "Kartu Keluarga (KK) dengan anggota yang diusulkan ditandai dan "
                "nomor WhatsApp ditulis di KK",
                "kk",
            ),
            req(
                "Surat Keterangan Tidak Mampu (untuk KIS APBD)", "sktm", mandatory=False
            ),
            req("Nomor ID DTKS keluarga dari operator"),
        ],
        "steps": [
            step(
                "Masyarakat",
                "Mengecek keaktifan masing-masing anggota keluarga di DTKS dan "
                "meminta nomor ID DTKS keluarga di operator; jika tidak aktif, "
                "usulkan ke DTKS terlebih dahulu",
            ),
            step(
                "Front Office",
                "Menerima berkas dari masyarakat disertai nomor ID DTKS",
                "diterima",
            ),
            step(
                "Dinas Sosial",
                "Mengecek kepesertaan di PBI APBD dan PBI APBN; jika aktif di salah "
                "satu program, tidak perlu dilanjutkan; jika tidak aktif, dapat "
                "diaktifkan kembali bila pernah menjadi peserta PBI APBN dan "
                "memiliki ID DTKS aktif",
                "verifikasi",
            ),
            step(
                "Operator PBI APBN",
                "Jika belum pernah menjadi peserta PBI APBN, bahan diserahkan ke "
                "operator yang mengusulkan calon peserta berdasarkan bahan yang "
                "sudah dilengkapi ID DTKS dan ditandai",
                "surat_terbit",
            ),
            step("Kemensos RI", "Penetapan peserta PBI APBN", "diserahkan"),
        ],
    },
]
