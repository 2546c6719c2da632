"""OCR after upload: through Redis/RQ, a background thread, and the prefill."""

from __future__ import annotations

import os
import re
import time
from datetime import timedelta

import pytest
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import select

from backoffice.auth.models import Role
from backoffice.cases.forms import MEMBER_FIELDS
from backoffice.cases.models import Document, OcrStatus
from backoffice.catalogue.models import Service
from backoffice.core.time import utcnow
from backoffice.extensions import db
from backoffice.people.models import Person
from backoffice.scanning.jobs import QUEUE_NAME, requeue_stale
from tests.conftest import PASSWORD
from tests.ocr import synth
from tests.workflow_helpers import Desk, case_from

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture()
def redis_url(app):
    connection = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        connection.ping()
    except Exception:
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(f"Redis unreachable at {REDIS_URL}")
        pytest.skip("Redis unreachable")
    connection.flushdb()
    app.config.update(REDIS_URL=REDIS_URL, OCR_INLINE=False)
    yield REDIS_URL
    connection.flushdb()
    connection.close()


def jamkesda_case(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    return desk, case_from(desk.intake(service))


def ktp_requirement(case):
    return next(r for r in case.requirements if r.doc_kind == "ktp")


def test_upload_is_read_by_an_rq_worker_through_redis(app, make_user, redis_url):
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("ktp", "scan", seed=3)

    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp.png")
    db.session.expire_all()
    document = db.session.scalar(select(Document))
    queued = document.ocr_status
    connection = Redis.from_url(redis_url)
    SimpleWorker(
        [Queue(QUEUE_NAME, connection=connection)], connection=connection
    ).work(burst=True)
    connection.close()

    db.session.expire_all()
    document = db.session.get(Document, document.id)
    assert queued == OcrStatus.PENDING  # the request did not read it
    assert document.ocr_status == OcrStatus.DONE
    assert document.ocr_result["fields"]["nik"]["value"] == sample.truth["nik"]


def test_scan_of_a_killed_worker_is_requeued_and_read(app, make_user, redis_url):
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("ktp", "scan", seed=4)
    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp.png")
    connection = Redis.from_url(redis_url)
    Queue(QUEUE_NAME, connection=connection).empty()  # the job died with its worker
    document = db.session.scalar(select(Document))
    document.ocr_status = OcrStatus.RUNNING
    document.ocr_attempts = 1
    document.ocr_started_at = utcnow() - timedelta(hours=1)
    db.session.commit()

    requeued = requeue_stale()
    SimpleWorker(
        [Queue(QUEUE_NAME, connection=connection)], connection=connection
    ).work(burst=True)
    connection.close()

    db.session.expire_all()
    assert requeued == 1
    assert db.session.get(Document, document.id).ocr_status == OcrStatus.DONE


def test_old_upload_being_read_right_now_is_not_queued_twice(app, make_user):
    desk, case = jamkesda_case(app, make_user)
    scan = synth.generate("ktp", "scan", seed=4).to_bytes()
    desk.upload(case, ktp_requirement(case).id, scan, "ktp.png")
    document = db.session.scalar(select(Document))
    document.uploaded_at = utcnow() - timedelta(days=2)  # re-read by a clerk today
    document.ocr_status = OcrStatus.RUNNING
    document.ocr_attempts = 1
    document.ocr_started_at = utcnow() - timedelta(minutes=1)
    db.session.commit()

    requeued = requeue_stale()

    db.session.expire_all()
    assert requeued == 0
    assert db.session.get(Document, document.id).ocr_status == OcrStatus.RUNNING


def lost_scan(app, make_user, *, attempts):
    """A scan whose job vanished (the app restarted) an hour ago."""
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("ktp", "scan", seed=11)
    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp.png")
    document = db.session.scalar(select(Document))
    document.ocr_status = OcrStatus.RUNNING
    document.ocr_result = None
    document.ocr_attempts = attempts
    document.ocr_started_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    return desk, document, sample


def test_progress_page_takes_up_a_scan_whose_job_was_lost(app, make_user):
    desk, document, sample = lost_scan(app, make_user, attempts=1)

    desk.client.get("/permohonan/pindaian")
    page = desk.client.get("/permohonan/pindaian")

    db.session.expire_all()
    document = db.session.get(Document, document.id)
    assert document.ocr_status == OcrStatus.DONE
    assert document.ocr_result["fields"]["nik"]["value"] == sample.truth["nik"]
    assert "Semua pindaian sudah dibaca." in page.text


def test_scan_lost_on_every_attempt_asks_for_manual_entry(app, make_user):
    desk, document, _ = lost_scan(app, make_user, attempts=3)

    page = desk.client.get("/permohonan/pindaian")

    db.session.expire_all()
    assert db.session.get(Document, document.id).ocr_status == OcrStatus.FAILED
    assert "isi data secara manual" in page.text


def test_embedded_app_reads_scans_in_a_background_thread(app, make_user):
    app.config.update(OCR_INLINE=False, REDIS_URL=None)
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("ktp", "scan", seed=5)

    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp.png")
    deadline = time.monotonic() + 60
    status = None
    while time.monotonic() < deadline:
        db.session.expire_all()
        status = db.session.scalar(select(Document.ocr_status))
        if status in (OcrStatus.DONE, OcrStatus.FAILED):
            break
        time.sleep(0.2)

    assert status == OcrStatus.DONE


def test_ktp_scan_prefills_the_person_and_counts_accepted_fields(app, make_user):
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("ktp", "scan", seed=6)
    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp.png")
    document = db.session.scalar(select(Document))

    page = desk.page(case)
    form = {
        "ocr_document_id": str(document.id),
        "nik": sample.truth["nik"],
        "nama": sample.truth["nama"],
        "tanggal_lahir": sample.truth["tanggal_lahir"],
        "jenis_kelamin": sample.truth["jenis_kelamin"],
        "kecamatan": "SALAH KETIK",
    }
    response = desk.client.post(f"/permohonan/{case.id}/data-diri", data=form)

    db.session.expire_all()
    document = db.session.get(Document, document.id)
    person = db.session.get(Person, case.beneficiary_id)
    assert "Hasil baca KTP" in page.text
    assert f'value="{sample.truth["nik"]}"' in page.text
    assert response.status_code == 302
    assert person.nik == sample.truth["nik"]
    # Four values kept as read; the kecamatan was overwritten by the clerk.
    assert document.ocr_fields_accepted == 4
    assert document.ocr_fields_offered >= 10
    progress = desk.client.get("/permohonan/pindaian")
    assert f"4 dari {document.ocr_fields_offered} kolom" in progress.text


def test_unreadable_scan_shows_a_clear_message_on_the_progress_page(app, make_user):
    desk, case = jamkesda_case(app, make_user)
    document_bytes = synth.generate("ktp", "scan", seed=7).to_bytes()
    desk.upload(case, ktp_requirement(case).id, document_bytes, "ktp.png")
    document = db.session.scalar(select(Document))
    document.ocr_status = OcrStatus.FAILED
    document.ocr_error = "Pindaian tidak dapat dibaca."
    db.session.commit()

    page = desk.client.get("/permohonan/pindaian")

    assert "Gagal dibaca" in page.text
    assert "Pindaian tidak dapat dibaca." in page.text


def _member_inputs(page_text: str) -> dict[str, str]:
    """The member rows' fields as the browser would post them, ticked."""
    form: dict[str, str | list[str]] = {}
    for name, value in re.findall(
        r'<input[^>]*name="(member_[a-z_]+_\d+)" value="([^"]*)"', page_text
    ):
        form[name] = value
    for name, chosen in re.findall(
        r'<select[^>]*name="(member_jenis_kelamin_\d+)".*?(?:<option value="([^"]*)" selected)',
        page_text,
    ):
        form[name] = chosen
    form["member_save"] = re.findall(r'name="member_save" value="(\d+)" checked', page_text)
    return form


def _kk_case(app, make_user, seed=8):
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("kk", "scan", seed=seed)
    kk = next(r for r in case.requirements if r.doc_kind == "kk")
    desk.upload(case, kk.id, sample.to_bytes(), "kk.png")
    return desk, case, sample, db.session.scalar(select(Document))


def _confirm_kk(desk, case, document, sample, members):
    return desk.client.post(
        f"/permohonan/{case.id}/data-diri",
        data={
            "ocr_document_id": str(document.id),
            "nama": "Siti Rahmawati",
            "no_kk": sample.truth["no_kk"],
            "save_members": "1",
            **members,
        },
    )


def _family(no_kk):
    return {
        m.nik: m
        for m in db.session.scalars(select(Person).where(Person.no_kk == no_kk))
    }


def test_kk_scan_records_family_members_for_family_history(app, make_user):
    desk, case, sample, document = _kk_case(app, make_user)

    page = desk.page(case)
    members = _member_inputs(page.text)
    response = _confirm_kk(desk, case, document, sample, members)

    family = _family(sample.truth["no_kk"])
    assert 'data-testid="kk-members"' in page.text
    assert response.status_code == 302
    assert {m["nik"] for m in sample.truth["members"]} <= set(family)
    first = sample.truth["members"][0]
    assert family[first["nik"]].nama == first["nama"]
    assert family[first["nik"]].tanggal_lahir.isoformat() == first["tanggal_lahir"]


def test_kk_member_rows_are_saved_as_the_clerk_corrected_them(app, make_user):
    desk, case, sample, document = _kk_case(app, make_user)
    members = _member_inputs(desk.page(case).text)
    truth = sample.truth["members"]
    # The clerk mends the second member's name and leaves the third out.
    members["member_nama_1"] = "NAMA DIPERBAIKI"
    members["member_save"] = [i for i in members["member_save"] if i != "2"]

    _confirm_kk(desk, case, document, sample, members)

    family = _family(sample.truth["no_kk"])
    assert family[truth[1]["nik"]].nama == "NAMA DIPERBAIKI"
    assert truth[2]["nik"] not in family
    assert truth[0]["nik"] in family
    # Of the member cells offered, the mended name and the row left out
    # were not accepted as read.
    db.session.expire_all()
    document = db.session.get(Document, document.id)
    read = document.ocr_result["members"]
    cells = sum(1 for m in read for key in MEMBER_FIELDS if m.get(key))
    third = sum(1 for key in MEMBER_FIELDS if read[2].get(key))
    # The person's part: only the No. KK was posted as read.
    assert document.ocr_result["fields"]["no_kk"]["value"] == sample.truth["no_kk"]
    assert document.ocr_fields_offered > cells
    assert document.ocr_fields_accepted == 1 + cells - third - 1


def test_kk_member_whose_nik_another_person_holds_does_not_rewrite_them(
    app, make_user
):
    desk, case, sample, document = _kk_case(app, make_user)
    members = _member_inputs(desk.page(case).text)
    nik = members["member_nik_0"]
    other = Person(nik=nik, nama="ORANG LAIN")
    db.session.add(other)
    db.session.commit()

    response = _confirm_kk(desk, case, document, sample, members)

    db.session.expire_all()
    assert db.session.get(Person, other.id).nama == "ORANG LAIN"
    assert db.session.get(Person, other.id).no_kk is None
    page = desk.client.get(response.headers["Location"])
    assert "sudah tercatat atas nama lain" in page.text
    assert nik not in page.text  # the warning masks the NIK


def test_kk_member_nik_read_unsure_is_marked_for_a_look(app, make_user):
    desk, case, sample, document = _kk_case(app, make_user)
    members = [dict(m) for m in document.ocr_result["members"]]
    members[1]["nik_confidence"] = 0.45
    document.ocr_result = {**document.ocr_result, "members": members}
    db.session.commit()

    page = desk.page(case).text

    marked = {row: "low-confidence" in classes.split() for classes, row in
              re.findall(r'<input class="([^"]*)" name="member_nik_(\d)"', page)}
    assert marked == {"0": False, "1": True, "2": False}


def test_sktm_older_than_its_validity_is_pointed_out(app, make_user):
    desk, case = jamkesda_case(app, make_user)
    sktm = next(r for r in case.requirements if r.doc_kind == "sktm")
    desk.upload(
        case, sktm.id, synth.generate("sktm", "scan", seed=9).to_bytes(), "sktm.png"
    )
    document = db.session.scalar(select(Document))
    document.ocr_result = {
        **document.ocr_result,
        "fields": {
            **document.ocr_result["fields"],
            "tanggal_surat": {"value": "2025-01-15", "confidence": 0.95},
        },
    }
    db.session.commit()

    page = desk.page(case)

    assert "Surat bertanggal 15-01-2025 sudah lewat masa berlaku 180 hari." in page.text


def test_progress_page_lists_readings_awaiting_the_clerks_confirmation(app, make_user):
    desk, case = jamkesda_case(app, make_user)
    sample = synth.generate("ktp", "scan", seed=6)
    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp-pemohon.png")
    document = db.session.scalar(select(Document))

    waiting = desk.client.get("/permohonan/pindaian")
    dashboard = desk.client.get("/")
    desk.client.post(f"/permohonan/{case.id}/data-diri", data={
        "ocr_document_id": str(document.id), "nik": sample.truth["nik"],
        "nama": sample.truth["nama"]})
    confirmed = desk.client.get("/permohonan/pindaian")

    assert "Hasil baca menunggu konfirmasi" in waiting.text
    assert "ktp-pemohon.png" in waiting.text
    assert f"#prefill-{document.id}" in waiting.text
    assert "ktp-pemohon.png" not in confirmed.text
    assert ('<div class="display-4">1</div><div>Hasil baca pindaian menunggu '
            'konfirmasi</div>') in dashboard.text


def test_ktp_of_another_person_is_pointed_out_and_can_be_set_aside(app, make_user):
    desk = Desk(app, make_user(Role.FRONT_OFFICE), PASSWORD)
    service = db.session.scalar(select(Service).where(Service.code == "JAMKESDA"))
    case = case_from(desk.intake(service, nik="1401015708800002"))
    sample = synth.generate("ktp", "scan", seed=6)  # the applicant's own KTP
    desk.upload(case, ktp_requirement(case).id, sample.to_bytes(), "ktp-pemohon.png")
    document = db.session.scalar(select(Document))

    page = desk.page(case)
    dismissed = desk.client.post(
        f"/permohonan/{case.id}/dokumen/{document.id}/abaikan",
        headers=desk.from_page(case))
    again = desk.client.post(
        f"/permohonan/{case.id}/dokumen/{document.id}/abaikan",
        headers=desk.from_page(case))
    after = desk.page(case)

    assert f"NIK hasil baca ({sample.truth['nik']}) berbeda dengan NIK penerima " \
        "layanan (1401015708800002)" in page.text
    assert dismissed.status_code == 302
    assert "Hasil baca KTP" not in after.text
    # Twice is refused, in words, on the case page it came from.
    assert again.status_code == 302
    assert "Tidak ada hasil baca yang menunggu konfirmasi." in after.text
    db.session.expire_all()
    person = db.session.get(Person, case.beneficiary_id)
    assert person.nik == "1401015708800002"
    assert person.nama == "SITI RAHMAWATI"
    progress = desk.client.get("/permohonan/pindaian")
    assert "ktp-pemohon.png" not in progress.text
    assert "0 dari 0 kolom" in progress.text


def test_front_office_cannot_confirm_a_reading_of_a_medical_letter(app, make_user):
    desk, case = jamkesda_case(app, make_user)
    medical = next(r for r in case.requirements if r.is_medical)
    desk.upload(case, medical.id, synth.generate("ktp", "scan", seed=6).to_bytes(),
                "rujukan.png")
    document = db.session.scalar(select(Document))

    response = desk.client.post(f"/permohonan/{case.id}/data-diri", data={
        "ocr_document_id": str(document.id), "nama": "NAMA DARI SURAT"})

    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(Document, document.id).ocr_fields_offered is None
    assert db.session.get(Person, case.beneficiary_id).nama == "SITI RAHMAWATI"
