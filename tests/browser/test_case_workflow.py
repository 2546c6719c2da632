"""A JAMKESDA case from the counter to the issued letter, by three clerks.

Each clerk has a browser context of their own (own cookies), and every form
is submitted as rendered, CSRF token included.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageDraw
from playwright.sync_api import Download, Locator, Page, expect
from sqlalchemy import select

from backoffice.auth.models import Role
from backoffice.cases.models import Case, CaseStatus
from backoffice.catalogue.models import Service
from backoffice.correspondence.models import IssuedLetter
from backoffice.extensions import db
from tests.browser.conftest import csrf_disabled
from tests.conftest import PASSWORD
from tests.workflow_helpers import Desk, case_from, scan_bytes

JAMKESDA = "Rekomendasi Jaminan Kesehatan Daerah (JAMKESDA)"
NIK = "1401015708800002"


def scan_file(directory: Path, index: int, text: str) -> Path:
    path = directory / f"pindaian-{index}.jpg"
    image = Image.new("RGB", (640, 400), "white")
    ImageDraw.Draw(image).text((20, 20), f"{index} {text}", fill="black")
    image.save(path, "JPEG")
    return path


def field(scope: Locator, label: str) -> Locator:
    """The visible form field with this label (the applicant block is hidden)."""
    return scope.get_by_label(label, exact=True).filter(visible=True)


def open_from_my_tasks(page: Page, case_number: str) -> None:
    page.get_by_role("link", name="Tugas Saya").first.click()
    expect(page.get_by_role("heading", name="Tugas Saya", level=1)).to_be_visible()
    page.get_by_role("link", name=case_number, exact=True).click()
    expect(page.get_by_test_id("case-number")).to_contain_text(case_number)


def requirement_rows(page: Page) -> Locator:
    return page.get_by_test_id("requirements").locator("tbody tr")


class Issued(NamedTuple):
    number: str
    signer_name: str
    pdf: bytes


def letters_of(case_number: str) -> list[Issued]:
    """The letters issued for the case, read straight from the database."""
    db.session.expire_all()
    case = db.session.scalar(select(Case).where(Case.number == case_number))
    letters = [
        Issued(letter.number, letter.signer_name, bytes(letter.pdf))
        for letter in db.session.scalars(
            select(IssuedLetter).where(IssuedLetter.case_id == case.id))
    ]
    db.session.rollback()  # end the read: hold nothing the server may need
    return letters


def approve_in_browser(page: Page, case_number: str) -> Issued:
    open_from_my_tasks(page, case_number)
    expect(page.get_by_test_id("status")).to_have_text("Menunggu keputusan")
    page.get_by_role("button", name="Setujui dan terbitkan surat").click()
    expect(page.get_by_text("Setujui dan terbitkan surat: berhasil.")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_text("Surat diterbitkan")
    [letter] = letters_of(case_number)
    letters = page.get_by_test_id("letters")
    expect(page.get_by_role("heading", name="Surat yang diterbitkan")).to_be_visible()
    expect(letters).to_contain_text(f"Nomor {letter.number}")
    return letter


def download_pdf(page: Page, link: Locator) -> bytes:
    """Click a PDF link: Chromium either downloads it or opens it in a new tab."""
    context = page.context
    downloads: list[Download] = []

    def keep(download: Download) -> None:
        downloads.append(download)

    context.on("page", lambda opened: opened.on("download", keep))
    page.on("download", keep)
    with context.expect_page() as opened:
        link.click()
    tab = opened.value
    tab.wait_for_load_state()
    if downloads:
        return Path(downloads[0].path()).read_bytes()
    # Shown inline by Chromium's PDF viewer: fetch the same URL with the
    # clerk's cookies to look at the bytes.
    response = context.request.get(tab.url)
    try:
        assert response.ok, response.status
        assert response.headers["content-type"] == "application/pdf"
        return response.body()
    finally:
        response.dispose()


def test_jamkesda_case_end_to_end_by_three_users(make_user, open_session, tmp_path):
    fo_user = make_user(Role.FRONT_OFFICE, full_name="Rina FO")
    bo_user = make_user(Role.BACK_OFFICE, full_name="Dedi BO")
    sv_user = make_user(Role.SUPERVISOR, full_name="Hj. Kepala Bidang",
                        nip="197203151998032004",
                        position="Kepala Bidang Rehabilitasi Sosial")

    # Front office: intake at the counter.
    fo = open_session(fo_user)
    fo.goto("/permohonan/baru")
    fo.get_by_label("Layanan").select_option(label=JAMKESDA)
    fo.get_by_label("Cari NIK").fill(NIK)
    fo.get_by_role("button", name="Cari / lanjut").click()
    expect(fo.get_by_test_id("checklist")).to_contain_text("Fotokopi KTP")
    form = fo.get_by_test_id("intake-form")
    expect(field(form, "NIK")).to_have_value(NIK)
    field(form, "Nama lengkap").fill("Siti Rahmawati")
    field(form, "Tanggal lahir").fill("1980-08-17")
    field(form, "Jenis kelamin").select_option("PEREMPUAN")
    field(form, "Kecamatan").fill("BANGKINANG KOTA")
    field(form, "Keperluan").fill("Berobat rawat inap di RSUD Bangkinang")
    form.get_by_role("button", name="Terima berkas").click()

    expect(fo.get_by_text(re.compile(r"Permohonan .+ diterima\."))).to_be_visible()
    expect(fo.get_by_test_id("status")).to_have_text("Berkas diterima")
    case_number = fo.get_by_test_id("case-number").inner_text().split()[0]
    expect(fo.get_by_test_id("person")).to_contain_text("SITI RAHMAWATI")

    rows = requirement_rows(fo)
    expect(rows).to_have_count(4)
    for index in range(rows.count()):
        row = rows.nth(index)
        text = row.get_attribute("data-requirement") or ""
        row.locator("input[type=file]").set_input_files(scan_file(tmp_path, index, text))
        row.get_by_role("button", name="Unggah", exact=True).click()
        expect(fo.get_by_text("1 berkas tersimpan.")).to_be_visible()
        # Shown as a link, or locked (🔒) for the medical letter: sensitive data.
        expect(rows.nth(index)).to_contain_text(f"pindaian-{index}.jpg")
    fo.get_by_role("button", name="Teruskan ke Back Office").click()
    expect(fo.get_by_test_id("status")).to_have_text("Dalam verifikasi")

    # Back office: verify every requirement, then propose.
    bo = open_session(bo_user)
    open_from_my_tasks(bo, case_number)
    rows = requirement_rows(bo)
    for index in range(rows.count()):
        row = rows.nth(index)
        text = row.get_attribute("data-requirement") or ""
        row.get_by_label(f"Status {text}", exact=True).select_option(
            label="Salinan diterima")
        row.get_by_label(f"Catatan {text}", exact=True).fill("Sesuai, terbaca jelas")
        row.get_by_role("button", name="Simpan", exact=True).click()
        saved = rows.nth(index)
        expect(saved).to_contain_text("Catatan: Sesuai, terbaca jelas")
        expect(saved.get_by_label(f"Status {text}", exact=True)).to_have_value(
            "salinan_diterima")
    bo.get_by_role("button", name="Ajukan untuk keputusan").click()
    expect(bo.get_by_test_id("status")).to_have_text("Menunggu keputusan")

    # Supervisor: approve; the letter is issued.
    sv = open_session(sv_user)
    letter = approve_in_browser(sv, case_number)
    assert letter.signer_name == "Hj. Kepala Bidang"
    expect(sv.get_by_test_id("letters")).to_contain_text("Hj. Kepala Bidang")


def test_approved_letter_downloads_and_verifies(app, make_user, open_session,
                                                 new_context):
    fo_user = make_user(Role.FRONT_OFFICE)
    bo_user = make_user(Role.BACK_OFFICE)
    sv_user = make_user(Role.SUPERVISOR, full_name="Hj. Kepala Bidang")
    with csrf_disabled(app):
        fo, bo = Desk(app, fo_user, PASSWORD), Desk(app, bo_user, PASSWORD)
        service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
        case = case_from(fo.intake(service, nik=NIK))
        for requirement in case.requirements:
            response = fo.upload(case, requirement.id, scan_bytes(requirement.text[:20]))
            assert response.status_code == 302
        assert fo.act(case, "submit").status_code == 302
        for requirement in case.requirements:
            response = bo.set_state(case, requirement.id, "salinan_diterima")
            assert response.status_code == 302
        assert bo.act(case, "propose").status_code == 302
    db.session.expire_all()
    case = db.session.get(Case, case.id)
    assert case.status == CaseStatus.AWAITING_DECISION
    case_number = case.number
    db.session.rollback()

    sv = open_session(sv_user)
    letter = approve_in_browser(sv, case_number)
    entry = sv.get_by_test_id("letters")

    pdf = download_pdf(sv, entry.get_by_role("link", name="Unduh PDF"))
    assert pdf.startswith(b"%PDF")
    assert pdf == letter.pdf

    # Anyone holding the letter (no login, own cookies) can check it.
    verify_url = entry.get_by_role("link", name="Halaman verifikasi").get_attribute("href")
    assert verify_url
    public = new_context().new_page()
    public.goto(verify_url)
    expect(public.get_by_test_id("current-user")).to_have_count(0)
    expect(public.get_by_role("heading", name="Verifikasi Surat")).to_be_visible()
    expect(public.get_by_test_id("letter-status")).to_contain_text("Berlaku")
    facts = public.get_by_test_id("letter-facts")
    expect(facts).to_contain_text(letter.number)
    expect(facts).to_contain_text("Siti Rahmawati", ignore_case=True)
    expect(facts).to_contain_text("1401********0002")
    expect(public.locator("body")).not_to_contain_text(NIK)


def test_clerk_mends_a_kk_members_row_in_the_prefill_before_it_is_saved(
        app, make_user, open_session, tmp_path):
    from backoffice.people.models import Person
    from tests.ocr import synth

    fo_user = make_user(Role.FRONT_OFFICE)
    sample = synth.generate("kk", "scan", seed=8)
    truth = sample.truth["members"]
    with csrf_disabled(app):
        desk = Desk(app, fo_user, PASSWORD)
        service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
        case = case_from(desk.intake(service, nik=NIK))
        case_number = case.number
    db.session.rollback()

    fo = open_session(fo_user)
    open_from_my_tasks(fo, case_number)
    kk_row = requirement_rows(fo).filter(has_text="Kartu Keluarga").first
    path = tmp_path / "kk.png"
    sample.image.save(path)
    kk_row.locator("input[type=file]").set_input_files(path)
    kk_row.get_by_role("button", name="Unggah", exact=True).click()
    # The test app reads the scan before it answers (OCR_INLINE); a worker's
    # first KK also draws its digit examples: a few seconds more.
    expect(fo.get_by_text("1 berkas tersimpan.")).to_be_visible(timeout=90_000)
    fo.reload()

    prefill = fo.get_by_test_id("ocr-prefill")
    expect(prefill.get_by_test_id("kk-member")).to_have_count(len(truth))
    expect(prefill.get_by_label("NIK anggota ke-1", exact=True)).to_have_value(
        truth[0]["nik"])
    prefill.get_by_label("Nama anggota ke-2", exact=True).fill("NAMA DIPERBAIKI")
    prefill.get_by_label("Simpan anggota ke-3", exact=True).uncheck()
    prefill.get_by_role("button", name="Konfirmasi data hasil baca").click()
    expect(fo.get_by_text(f"{len(truth) - 1} anggota keluarga tersimpan.")).to_be_visible()

    db.session.expire_all()
    family = {p.nik: p.nama for p in db.session.scalars(
        select(Person).where(Person.no_kk == sample.truth["no_kk"]))}
    db.session.rollback()
    assert family[truth[1]["nik"]] == "NAMA DIPERBAIKI"
    assert truth[2]["nik"] not in family
    assert family[truth[0]["nik"]] == truth[0]["nama"]


def test_scan_beside_the_prefill_follows_the_form_without_losing_what_was_typed(
        app, make_user, open_session, tmp_path):
    from tests.ocr import synth

    fo_user = make_user(Role.FRONT_OFFICE)
    with csrf_disabled(app):
        desk = Desk(app, fo_user, PASSWORD)
        service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
        case_number = case_from(desk.intake(service, nik=NIK)).number
    db.session.rollback()

    fo = open_session(fo_user)
    open_from_my_tasks(fo, case_number)
    for requirement, doc_type, name in (("KTP", "ktp", "ktp.png"),
                                        ("Kartu Keluarga", "kk", "kk.png")):
        path = tmp_path / name
        synth.generate(doc_type, "scan", seed=8).image.save(path)
        row = requirement_rows(fo).filter(has_text=requirement).first
        row.locator("input[type=file]").set_input_files(path)
        row.get_by_role("button", name="Unggah", exact=True).click()
        expect(fo.get_by_text("1 berkas tersimpan.")).to_be_visible(timeout=90_000)
    fo.reload()

    pane = fo.get_by_test_id("scan-pane")
    ktp_card, kk_card = fo.get_by_test_id("ocr-prefill").all()
    expect(pane.get_by_test_id("scan-name")).to_have_text("ktp.png")
    name = ktp_card.get_by_label("Nama lengkap", exact=True)
    name.fill("NAMA DIKETIK PETUGAS")

    kk_card.get_by_role("link", name="Lihat pindaian di samping").click()
    expect(pane.get_by_test_id("scan-name")).to_have_text("kk.png")
    expect(pane.get_by_role("img", name="Pindaian kk.png")).to_be_visible()
    expect(name).to_have_value("NAMA DIKETIK PETUGAS")
    # Every digit of a member's NIK is in view, to be checked against the scan.
    nik = kk_card.get_by_label("NIK anggota ke-1", exact=True)
    assert nik.evaluate("el => el.scrollWidth <= el.clientWidth")
    # A click enlarges the scan in the pane to read the table's small print.
    scan = pane.get_by_role("img", name="Pindaian kk.png")
    fitted = scan.bounding_box()["width"]
    scan.click()
    assert scan.bounding_box()["width"] > 2 * fitted

    name.click()
    expect(pane.get_by_test_id("scan-name")).to_have_text("ktp.png")
