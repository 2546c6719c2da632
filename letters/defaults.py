"""The letter templates the office starts with; administrators may edit copies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterTemplateDefault:
    """A built-in letter template.

    Attributes:
        title: Name of the letter, as the administrator sees it.
        source: Jinja/HTML source of the letter body.
    """

    title: str
    source: str


def _heading(title: str) -> str:
    return (
        f'<p class="judul">{title}</p>\n'
        '<p class="nomor">Nomor: {{ letter.number }}</p>\n'
    )


_ROW = (
    '<tr><td width="4.6cm">{label}</td><td width="0.5cm">:</td>'
    "<td>{value}</td></tr>\n"
)


def _rows(*pairs: tuple[str, str]) -> str:
    rows = "".join(_ROW.format(label=label, value=value) for label, value in pairs)
    return f'<table class="data">\n{rows}</table>\n'


_SIGNER_INTRO = "<p>Yang bertanda tangan di bawah ini:</p>\n" + _rows(
    ("Nama", "{{ signer.nama }}"),
    ("NIP", "{{ signer.nip }}"),
    ("Jabatan", "{{ signer.jabatan }}"),
)


def _identity(var: str) -> str:
    return (
        f"{{% if {var} %}}\n"
        + _rows(
            ("Nama", f"<b>{{{{ {var}.nama }}}}</b>"),
            ("NIK", f"{{{{ {var}.nik|default }}}}"),
            (
                "Tempat/Tgl Lahir",
                f"{{{{ {var}.tempat_lahir|default }}}}, "
                f"{{{{ {var}.tanggal_lahir|tanggal }}}}",
            ),
            ("Jenis Kelamin", f"{{{{ {var}.jenis_kelamin|default }}}}"),
            (
                "Alamat",
                f"{{{{ {var}.alamat|default }}}}"
                f"{{% if {var}.rt_rw %}} RT/RW {{{{ {var}.rt_rw }}}}{{% endif %}}",
            ),
            ("Desa/Kelurahan", f"{{{{ {var}.kel_desa|default }}}}"),
            ("Kecamatan", f"{{{{ {var}.kecamatan|default }}}}"),
        )
        + "{% else %}\n<p>(data tidak tersedia)</p>\n{% endif %}\n"
    )


_PERSON = _identity("person")
_APPLICANT = _identity("applicant")

_DTKS_BASIS = (
    "{% if dtks %}"
    "berdasarkan hasil pengecekan Data Terpadu Kesejahteraan Sosial "
    "(DTKS/DTSEN) tanggal {{ dtks.checked_at|tanggal }}, yang bersangkutan "
    "{% if dtks.registered %}<b>terdaftar</b> dengan ID DTKS "
    "{{ dtks.dtks_id|default }} pada desil {{ dtks.desil|default }}"
    "{% else %}<b>tidak terdaftar</b> dalam DTKS/DTSEN{% endif %}"
    "{% else %}berdasarkan hasil verifikasi berkas oleh petugas{% endif %}"
)


def _closing(kind: str) -> str:
    return (
        f"<p>Demikian {kind} ini dibuat dengan sebenarnya untuk dapat "
        "dipergunakan sebagaimana mestinya.</p>\n"
    )


_SIGNATURE = """<table class="ttd"><tr><td width="52%"></td><td>
{{ letterhead.place }}, {{ letter.date|tanggal }}<br>
{% if signer.acting %}{{ signer.acting }} {% endif %}{{ signer.jabatan }}
<div style="height: 2cm;"></div>
<b><u>{{ signer.nama }}</u></b><br>
{% if signer.pangkat %}{{ signer.pangkat }}<br>{% endif %}
NIP. {{ signer.nip }}
</td></tr></table>
"""

_OFFICER_SIGNATURE = """<table class="ttd"><tr><td width="52%">
{% if applicant %}Pemohon,
<div style="height: 1.6cm;"></div>
<b>{{ applicant.nama }}</b>{% endif %}
</td><td>
{{ letterhead.place }}, {{ letter.date|tanggal }}<br>
Petugas,
<div style="height: 1.6cm;"></div>
<b><u>{{ officer.nama }}</u></b><br>
NIP. {{ officer.nip|default }}
</td></tr></table>
"""

_CASE_ROWS = _rows(
    ("Nomor Berkas", "{{ case.number }}"),
    ("Diterima", "{{ case.received_at|tanggal_waktu }}"),
    ("Layanan", "{{ service.name }}"),
)

REKOMENDASI_JAMKESDA = (
    _heading("SURAT REKOMENDASI")
    + _SIGNER_INTRO
    + "<p>dengan ini merekomendasikan kepada Kepala Dinas Kesehatan Kabupaten "
    "Kampar bahwa:</p>\n"
    + _PERSON
    + "<p>adalah warga kurang mampu; "
    + _DTKS_BASIS
    + ". Yang bersangkutan direkomendasikan untuk mendapatkan pelayanan "
    "kesehatan dengan pembiayaan Jaminan Kesehatan Daerah (Jamkesda) di "
    "<b>{{ extra.rumah_sakit|default('RSUD Bangkinang Kabupaten Kampar') }}</b>"
    ".</p>\n"
    + _closing("surat rekomendasi")
    + _SIGNATURE
)

KETERANGAN_DTKS = (
    _heading("SURAT KETERANGAN TERDAFTAR DTKS/DTSEN")
    + _SIGNER_INTRO
    + "<p>dengan ini menerangkan bahwa:</p>\n"
    + _PERSON
    + "{% if dtks %}\n<p>Berdasarkan hasil pengecekan pada Data Terpadu "
    "Kesejahteraan Sosial (DTKS/DTSEN) tanggal {{ dtks.checked_at|tanggal }}, "
    "nama tersebut di atas "
    "{% if dtks.registered %}<b>TERDAFTAR</b> dengan ID DTKS "
    "{{ dtks.dtks_id|default }} pada desil {{ dtks.desil|default }}"
    "{% else %}<b>TIDAK TERDAFTAR</b> dalam DTKS/DTSEN{% endif %}.</p>\n"
    "{% else %}\n<p>Status DTKS/DTSEN nama tersebut di atas belum diperiksa."
    "</p>\n{% endif %}\n"
    "<p>Surat keterangan ini diberikan untuk keperluan "
    "<b>{{ extra.keperluan|default }}</b>.</p>\n"
    + _closing("surat keterangan")
    + _SIGNATURE
)

PENGANTAR_RSJ = (
    _heading("SURAT PENGANTAR")
    + _SIGNER_INTRO
    + "<p>dengan ini menerangkan dan merekomendasikan bahwa:</p>\n"
    + _PERSON
    + "<p>adalah Orang Dengan Gangguan Jiwa (ODGJ) "
    "{% if (extra.kondisi|default('')) == 'terlantar' %}terlantar "
    "({{ extra.keterangan_keluarga|default('tidak diketahui keluarganya') }})"
    "{% else %}yang diantar oleh keluarga"
    "{% if applicant %}, yaitu {{ applicant.nama }}{% endif %}{% endif %}"
    ". Berdasarkan hasil asesmen petugas"
    "{% if assessment %} tanggal {{ assessment.date|tanggal }}{% endif %}, "
    "yang bersangkutan memerlukan perawatan. Mohon kiranya dapat diberikan "
    "pelayanan perawatan di "
    "<b>{{ extra.nama_rsj|default('Rumah Sakit Jiwa Tampan Provinsi Riau') }}</b>"
    ".</p>\n"
    + _closing("surat pengantar")
    + _SIGNATURE
)

REKOMENDASI_DISPENSASI_KAWIN = (
    _heading("SURAT REKOMENDASI DISPENSASI KAWIN")
    + "<p>Kepada Yth. Ketua "
    "{{ extra.pengadilan|default('Pengadilan Agama Bangkinang') }}<br>di tempat</p>\n"
    + _SIGNER_INTRO
    + "<p>dengan ini menyampaikan hasil asesmen terhadap anak:</p>\n"
    + _PERSON
    + "<p>yang akan melangsungkan perkawinan dengan "
    "{{ extra.calon_pasangan|default }}"
    "{% if applicant %}, atas permohonan {{ applicant.nama }}{% endif %}.</p>\n"
    "{% if assessment %}\n<p>Asesmen dilakukan pada tanggal "
    "{{ assessment.date|tanggal }} oleh {{ assessment.officer|default }} dengan "
    "hasil: {{ assessment.findings|default }}</p>\n"
    "<p>Berdasarkan hasil asesmen tersebut, kami merekomendasikan bahwa "
    "permohonan dispensasi kawin ini "
    "{% if assessment.recommendation == 'layak' %}<b>LAYAK</b>"
    "{% elif assessment.recommendation == 'tidak layak' %}<b>TIDAK LAYAK</b>"
    "{% else %}<b>BELUM DAPAT DITETAPKAN</b>{% endif %} "
    "untuk dipertimbangkan.</p>\n"
    "{% else %}\n<p>Asesmen belum dilakukan.</p>\n{% endif %}\n"
    + _closing("surat rekomendasi")
    + _SIGNATURE
)

REKOMENDASI_PANTI_LANSIA = (
    _heading("SURAT REKOMENDASI")
    + _SIGNER_INTRO
    + "<p>dengan ini merekomendasikan bahwa:</p>\n"
    + _PERSON
    + "<p>adalah lanjut usia yang membutuhkan pelayanan sosial; "
    + _DTKS_BASIS
    + "{% if assessment %}, dan hasil asesmen tanggal "
    "{{ assessment.date|tanggal }}: {{ assessment.findings|default }}"
    "{% endif %}. Yang bersangkutan direkomendasikan untuk mendapatkan "
    "pelayanan sosial di <b>{{ extra.nama_panti|default('panti sosial lanjut "
    "usia') }}</b>.</p>\n"
    + _closing("surat rekomendasi")
    + _SIGNATURE
)

RUJUKAN_ANAK = (
    _heading("SURAT RUJUKAN")
    + "<p>Kepada Yth. Pimpinan "
    "{{ extra.nama_lembaga|default('Balai Handayani') }}<br>di tempat</p>\n"
    + _SIGNER_INTRO
    + "<p>dengan ini merujuk anak:</p>\n"
    + _PERSON
    + "<p>dengan permasalahan {{ extra.permasalahan|default }}"
    "{% if applicant %}, yang didampingi oleh {{ applicant.nama }}{% endif %}. "
    "{% if assessment %}Hasil asesmen tanggal {{ assessment.date|tanggal }}: "
    "{{ assessment.findings|default }} {% endif %}"
    "Mohon kiranya anak tersebut dapat diterima untuk mendapatkan pelayanan "
    "rehabilitasi dan perlindungan sosial.</p>\n"
    + _closing("surat rujukan")
    + _SIGNATURE
)

REGISTRASI_PEMULANGAN = (
    _heading("SURAT KETERANGAN REGISTRASI PEMULANGAN")
    + _SIGNER_INTRO
    + "<p>dengan ini menerangkan bahwa:</p>\n"
    + _PERSON
    + "<p>adalah orang terlantar yang ditemukan di "
    "{{ extra.tempat_ditemukan|default }} pada tanggal "
    "{{ extra.tanggal_ditemukan|default }}, dan telah diregistrasi oleh Dinas "
    "Sosial Kabupaten Kampar untuk dipulangkan ke daerah asalnya, yaitu "
    "<b>{{ extra.daerah_asal|default }}</b>"
    "{% if extra.alat_transportasi is defined %}, dengan "
    "{{ extra.alat_transportasi }}{% endif %}. Kepada instansi terkait di "
    "daerah asal dimohon bantuan untuk kelancaran pemulangan yang "
    "bersangkutan.</p>\n"
    + _closing("surat keterangan")
    + _SIGNATURE
)

BERITA_ACARA_PEMAKAMAN = (
    _heading("BERITA ACARA PEMAKAMAN JENAZAH TANPA IDENTITAS")
    + "<p>Pada tanggal {{ letter.date|tanggal }}, yang bertanda tangan di "
    "bawah ini:</p>\n"
    + _rows(
        ("Nama", "{{ signer.nama }}"),
        ("NIP", "{{ signer.nip }}"),
        ("Jabatan", "{{ signer.jabatan }}"),
    )
    + "<p>menerangkan bahwa telah dilaksanakan pemakaman jenazah tanpa "
    "identitas dengan keterangan sebagai berikut:</p>\n"
    + _rows(
        ("Ciri-ciri", "{{ extra.ciri_ciri|default }}"),
        ("Tempat ditemukan", "{{ extra.tempat_ditemukan|default }}"),
        ("Tanggal ditemukan", "{{ extra.tanggal_ditemukan|default }}"),
        ("Rumah sakit", "{{ extra.rumah_sakit_visum|default }}"),
        ("Nomor visum (Polri)", "{{ extra.nomor_visum|default }}"),
        ("Tempat pemakaman", "{{ extra.tempat_pemakaman|default }}"),
        ("Tanggal pemakaman", "{{ extra.tanggal_pemakaman|default }}"),
    )
    + "<p>Pemakaman dilaksanakan oleh Dinas Sosial Kabupaten Kampar sesuai "
    "ketentuan yang berlaku.</p>\n"
    + _closing("berita acara")
    + _SIGNATURE
)

REKOMENDASI_UMUM = (
    _heading("SURAT REKOMENDASI")
    + _SIGNER_INTRO
    + "<p>dengan ini merekomendasikan bahwa:</p>\n"
    + _PERSON
    + "<p>Berdasarkan {{ extra.dasar|default('hasil verifikasi petugas') }}, "
    + _DTKS_BASIS
    + ". Yang bersangkutan direkomendasikan untuk mendapatkan "
    "<b>{{ service.name }}</b>"
    "{% if extra.jenis_bantuan is defined %} berupa {{ extra.jenis_bantuan }}"
    "{% endif %}, untuk keperluan {{ extra.keperluan|default(service.name) }}."
    "</p>\n"
    + _closing("surat rekomendasi")
    + _SIGNATURE
)

_REQUIREMENT_TABLE = """<table class="grid">
<tr><th width="1cm">No</th><th>Persyaratan</th><th width="5cm">Status</th></tr>
{% for item in requirements %}
<tr><td>{{ loop.index }}</td><td>{{ item.text }}</td>
<td>{{ item.state_label|default(item.state) }}</td></tr>
{% endfor %}
</table>
"""

_MISSING_TABLE = """<table class="grid">
<tr><th width="1cm">No</th><th>Persyaratan</th><th width="5cm">Keterangan</th></tr>
{% for item in requirements if not item.ok %}
<tr><td>{{ loop.index }}</td><td>{{ item.text }}</td>
<td>{{ item.state_label|default(item.state) }}</td></tr>
{% endfor %}
</table>
"""

TANDA_TERIMA = (
    _heading("TANDA TERIMA BERKAS")
    + _CASE_ROWS
    + "<p>Telah diterima berkas permohonan dari:</p>\n"
    + _APPLICANT
    + "<p>dengan persyaratan sebagai berikut:</p>\n"
    + _REQUIREMENT_TABLE
    + "{% if case.notes %}<p>Catatan: {{ case.notes }}</p>{% endif %}\n"
    + "<p>Simpan tanda terima ini untuk menanyakan perkembangan berkas.</p>\n"
    + _OFFICER_SIGNATURE
)

PENGEMBALIAN_BERKAS = (
    _heading("PENGEMBALIAN BERKAS")
    + _CASE_ROWS
    + "<p>Berkas permohonan atas nama:</p>\n"
    + _APPLICANT
    + "<p>dikembalikan karena persyaratan berikut belum lengkap atau belum "
    "sesuai:</p>\n"
    + _MISSING_TABLE
    + "{% if case.notes %}<p>Catatan: {{ case.notes }}</p>{% endif %}\n"
    + "<p>Silakan melengkapi persyaratan di atas lalu mengajukan kembali "
    "berkas permohonan.</p>\n"
    + _OFFICER_SIGNATURE
)

_LIST_HEAD = '<table class="grid" repeat="1">\n<tr>{cells}</tr>\n'


def _list(title: str, items: str, heads: tuple[str, ...], cells: tuple[str, ...]
          ) -> str:
    head = "".join(f"<th>{h}</th>" for h in heads)
    row = "".join(f"<td>{c}</td>" for c in cells)
    return (
        f"<p><b>{title}</b></p>\n"
        f"{{% if {items} %}}\n"
        + _LIST_HEAD.format(cells=head)
        + f"{{% for item in {items} %}}<tr>{row}</tr>{{% endfor %}}\n</table>\n"
        + "{% else %}<p>Tidak ada.</p>{% endif %}\n"
    )


# The copy a resident receives of everything the office holds about them
# (UU 27/2022 on personal data protection): not a letter, so not numbered.
SALINAN_DATA_PRIBADI = (
    '<p class="judul">SALINAN DATA PRIBADI</p>\n'
    "<p>Sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data "
    "Pribadi, berikut data pribadi yang disimpan Dinas Sosial atas nama:</p>\n"
    + _rows(
        ("Nama", "<b>{{ person.nama }}</b>"),
        ("NIK", "{{ person.nik|default }}"),
        ("Nomor KK", "{{ person.no_kk|default }}"),
        (
            "Tempat/Tgl Lahir",
            "{{ person.tempat_lahir|default }}, {{ person.tanggal_lahir|tanggal }}",
        ),
        ("Jenis Kelamin", "{{ person.jenis_kelamin|default }}"),
        (
            "Alamat",
            "{{ person.alamat|default }}"
            "{% if person.rt_rw %} RT/RW {{ person.rt_rw }}{% endif %}",
        ),
        ("Desa/Kelurahan", "{{ person.kel_desa|default }}"),
        ("Kecamatan", "{{ person.kecamatan|default }}"),
        ("Agama", "{{ person.agama|default }}"),
        ("Status Perkawinan", "{{ person.status_perkawinan|default }}"),
        ("Pekerjaan", "{{ person.pekerjaan|default }}"),
        ("Telepon", "{{ person.telepon|default }}"),
    )
    + _list(
        "Permohonan layanan",
        "cases",
        ("Nomor berkas", "Layanan", "Sebagai", "Diterima", "Status"),
        (
            "{{ item.number }}",
            "{{ item.service }}",
            "{{ item.role }}",
            "{{ item.received_at|tanggal }}",
            "{{ item.status }}",
        ),
    )
    + _list(
        "Berkas pindaian yang disimpan",
        "documents",
        ("Nomor berkas", "Nama berkas", "Persyaratan", "Diunggah"),
        (
            "{{ item.case }}",
            "{{ item.name }}",
            "{{ item.requirement }}",
            "{{ item.uploaded_at|tanggal }}",
        ),
    )
    + _list(
        "Surat yang diterbitkan",
        "letters",
        ("Nomor surat", "Perihal", "Tanggal", "Status"),
        (
            "{{ item.number }}",
            "{{ item.title }}",
            "{{ item.date|tanggal }}",
            "{{ item.status }}",
        ),
    )
    + _list(
        "Catatan pemrosesan (siapa mengolah data ini dan kapan)",
        "events",
        ("Waktu", "Petugas", "Kegiatan"),
        ("{{ item.at|tanggal_waktu }}", "{{ item.who }}", "{{ item.what }}"),
    )
    + "<p>Bila ada data yang keliru, Anda berhak meminta perbaikannya kepada "
    "petugas Dinas Sosial.</p>\n"
    + _OFFICER_SIGNATURE.replace("applicant", "person").replace(
        "Pemohon,", "Yang menerima salinan,"
    )
)

DEFAULT_TEMPLATES: dict[str, LetterTemplateDefault] = {
    "rekomendasi_jamkesda": LetterTemplateDefault(
        "Surat Rekomendasi Jamkesda", REKOMENDASI_JAMKESDA
    ),
    "keterangan_dtks": LetterTemplateDefault(
        "Surat Keterangan Terdaftar DTKS/DTSEN", KETERANGAN_DTKS
    ),
    "pengantar_rsj": LetterTemplateDefault(
        "Surat Pengantar ke Rumah Sakit Jiwa", PENGANTAR_RSJ
    ),
    "rekomendasi_dispensasi_kawin": LetterTemplateDefault(
        "Surat Rekomendasi Dispensasi Kawin", REKOMENDASI_DISPENSASI_KAWIN
    ),
    "rekomendasi_panti_lansia": LetterTemplateDefault(
        "Surat Rekomendasi Panti Sosial Lanjut Usia", REKOMENDASI_PANTI_LANSIA
    ),
    "rujukan_anak": LetterTemplateDefault(
        "Surat Rujukan Anak ke Balai/Panti Sosial", RUJUKAN_ANAK
    ),
    "registrasi_pemulangan": LetterTemplateDefault(
        "Surat Keterangan Registrasi Pemulangan", REGISTRASI_PEMULANGAN
    ),
    "berita_acara_pemakaman": LetterTemplateDefault(
        "Berita Acara Pemakaman Jenazah Tanpa Identitas", BERITA_ACARA_PEMAKAMAN
    ),
    "rekomendasi_umum": LetterTemplateDefault("Surat Rekomendasi", REKOMENDASI_UMUM),
    "tanda_terima": LetterTemplateDefault("Tanda Terima Berkas", TANDA_TERIMA),
    "pengembalian_berkas": LetterTemplateDefault(
        "Pengembalian Berkas", PENGEMBALIAN_BERKAS
    ),
}
