"""The case workflow inside the admin UI: queues, intake, the case page."""

from __future__ import annotations

import io
import logging
from typing import Any

from flask import abort, flash, jsonify, redirect, request, send_file, url_for
from flask_admin import Admin, expose
from flask_admin.contrib.sqla.filters import FilterEqual
from flask_admin.menu import MenuLink
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from werkzeug.wrappers import Response

from backoffice.admin import SecureBaseView, SecureModelView
from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import record_event
from backoffice.auth.models import Role
from backoffice.cases import operations as ops
from backoffice.cases import queries
from backoffice.cases.forms import (
    MARITAL,
    RELIGIONS,
    SEX_CHOICES,
    member_cells,
    member_rows,
    parse_date,
    parse_int,
    person_data,
)
from backoffice.cases.models import (
    REQUIREMENT_STATE_LABELS,
    STATUS_LABELS,
    Case,
    CaseRequirement,
    Document,
    FollowUp,
    RequirementState,
)
from backoffice.cases.policy import (
    CASE_ROLES,
    can_view_assessments,
    can_view_case,
    can_view_document,
    require,
)
from backoffice.cases.storage import read_bytes
from backoffice.cases.uploads import render_pdf_page
from backoffice.cases.workflow import TRANSITIONS, available, refusal
from backoffice.catalogue.models import Service
from backoffice.cases.retention import PURGED_MESSAGE
from backoffice.core.errors import DomainError, InvalidInput, NotFound
from backoffice.core.i18n import format_wib
from backoffice.extensions import db
from backoffice.people.models import Kecamatan
from ocr.nik import mask_nik

logger = logging.getLogger(__name__)


def load_case(case_id: int) -> Case:
    case = db.session.get(Case, case_id)
    if case is None:
        abort(404)
    require(can_view_case(current_user, case))
    return case


def case_requirement(case: Case, requirement_id: int) -> CaseRequirement:
    requirement = db.session.get(CaseRequirement, requirement_id)
    if requirement is None or requirement.case_id != case.id:
        abort(404)
    return requirement


def case_document(case: Case, document_id: int) -> Document:
    document = db.session.get(Document, document_id)
    if document is None or document.case_id != case.id:
        abort(404)
    return document


def back_to(case: Case, anchor: str = "") -> Response:
    return redirect(url_for("cases.case_page", case_id=case.id) + anchor)


class CaseWorkView(SecureBaseView):
    """Tugas saya, intake and the case page."""

    read_roles = CASE_ROLES

    @expose("/")
    def index(self) -> str:
        return self.render(
            "cases/tasks.html",
            queues=queries.my_queues(current_user),
            follow_ups=(
                queries.due_follow_ups()
                if current_user.roles & {Role.BACK_OFFICE, Role.SUPERVISOR}
                else []
            ),
            sla=queries.case_sla,
        )

    # Intake -----------------------------------------------------------------

    @expose("/baru", methods=("GET", "POST"))
    def intake(self) -> Any:
        if not current_user.has_role(Role.FRONT_OFFICE, Role.BACK_OFFICE):
            abort(403)
        services = db.session.scalars(
            select(Service).where(Service.active.is_(True)).order_by(Service.name)
        ).all()
        form = request.form if request.method == "POST" else request.args
        service_id = form.get("service_id", "")
        service = (
            db.session.get(Service, int(service_id)) if service_id.isdigit() else None
        )
        if service is not None and not service.active:
            service = None

        person = None
        lookup_nik = "".join(form.get("nik", "").split())
        if lookup_nik:
            person = ops.find_person(nik=lookup_nik)
        elif form.get("nama") and form.get("tanggal_lahir"):
            try:
                birth = parse_date(form.get("tanggal_lahir"), "Tanggal lahir")
            except InvalidInput:
                birth = None
            person = ops.find_person(nama=form.get("nama"), tanggal_lahir=birth)

        if request.method == "POST" and form.get("confirm") == "1":
            try:
                case = self.create_case(service, person, form)
            except DomainError as error:
                db.session.rollback()
                flash(error.message, "error")
            else:
                db.session.commit()
                flash(
                    f"Permohonan {case.number} diterima. Unggah berkas persyaratan.",
                    "success",
                )
                return back_to(case)

        if person is not None:
            record_event(current_user, "person.lookup", person)
            db.session.commit()
        return self.render(
            "cases/intake.html",
            services=services,
            service=service,
            person=person,
            form=form,
            history=ops.person_history(person),
            conflicts=ops.conflicting_cases(service, person) if service else [],
            kecamatan=db.session.scalars(
                select(Kecamatan.name).order_by(Kecamatan.name)
            ).all(),
            sex_choices=SEX_CHOICES,
            religions=RELIGIONS,
            marital=MARITAL,
            mask_nik=mask_nik,
        )

    def create_case(self, service: Service | None, person: Any, form: Any) -> Case:
        if service is None:
            raise InvalidInput("Pilih layanan terlebih dahulu.")
        beneficiary, warnings = ops.save_person(person_data(form), current_user, person)
        applicant = None
        if service.has_applicant and form.get("applicant_differs") == "1":
            applicant_person = ops.find_person(
                nik="".join(form.get("a_nik", "").split())
            )
            applicant, more = ops.save_person(
                person_data(form, "a_"), current_user, applicant_person
            )
            warnings += more
        for warning in warnings:
            flash(warning, "warning")
        return ops.receive_case(
            service,
            current_user,
            beneficiary=beneficiary,
            applicant=applicant,
            applicant_relation=form.get("applicant_relation") or None,
            purpose=form.get("purpose") or None,
            notes=form.get("notes") or None,
            extra={k[6:]: v for k, v in form.items() if k.startswith("extra_") and v},
            acknowledge_duplicates=form.get("acknowledge_duplicates") == "1",
        )

    # The case page ----------------------------------------------------------

    @expose("/<int:case_id>")
    def case_page(self, case_id: int) -> str:
        case = load_case(case_id)
        record_event(current_user, "case.view", case)
        db.session.commit()
        ocr_documents = [d for d in case.documents if d.prefill_type]
        document_id = request.args.get("dokumen", type=int)
        shown = next((d for d in case.documents if d.id == document_id), None)
        if shown is None:
            # The scan of the first reading awaiting confirmation goes beside
            # its form; otherwise the first scan this user may see.
            pending = [d for d in case.documents if d.awaits_confirmation]
            shown = next(
                (
                    d
                    for d in (pending if case.is_editable else []) + case.documents
                    if d.purged_at is None and can_view_document(current_user, d)
                ),
                None,
            )
        history = db.session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.entity == "case_file",
                AuditEvent.entity_id == str(case.id),
                AuditEvent.action != "case.view",
            )
            .order_by(AuditEvent.at)
        ).all()
        return self.render(
            "cases/case.html",
            case=case,
            sla=queries.case_sla(case),
            transitions=[
                (t, refusal(t, case, current_user))
                for t in available(case, current_user)
            ],
            states=REQUIREMENT_STATE_LABELS,
            shown=shown,
            purged_message=PURGED_MESSAGE,
            can_view_document=lambda d: can_view_document(current_user, d),
            can_view_assessments=can_view_assessments(current_user, case),
            earlier=ops.person_history(case.beneficiary, exclude=case),
            audit=history,
            status_labels=STATUS_LABELS,
            editable=case.is_editable,
            ocr_documents=ocr_documents,
            sex_choices=SEX_CHOICES,
            religions=RELIGIONS,
            marital=MARITAL,
            letters=case_letters(case),
            expired=ops.expiry_warnings(case),
            snapshot=dtks_hint(case),
        )

    @expose("/<int:case_id>/tindakan", methods=("POST",))
    def transition(self, case_id: int) -> Response:
        case = load_case(case_id)
        action = request.form.get("action", "")
        ops.transition_case(
            case, action, current_user, reason=request.form.get("reason")
        )
        db.session.commit()
        label = TRANSITIONS[action].label
        flash(f"{label}: berhasil. Status sekarang “{case.status_label}”.", "success")
        return back_to(case)

    @expose("/<int:case_id>/ambil", methods=("POST",))
    def claim(self, case_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.BACK_OFFICE):
            abort(403)
        case.assigned_to_id = current_user.id
        record_event(current_user, "case.claim", case)
        db.session.commit()
        flash("Permohonan ini sekarang ditangani oleh Anda.", "success")
        return back_to(case)

    @expose("/<int:case_id>/unggah", methods=("POST",))
    def upload(self, case_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.FRONT_OFFICE, Role.BACK_OFFICE):
            abort(403)
        requirement = None
        if request.form.get("requirement_id", "").isdigit():
            requirement = case_requirement(case, int(request.form["requirement_id"]))
        files = [f for f in request.files.getlist("files") if f.filename]
        if not files:
            flash("Pilih berkas yang akan diunggah.", "error")
            return back_to(case, "#berkas")

        stored = 0
        for upload in files:
            try:
                with db.session.begin_nested():
                    ops.attach_upload(
                        case,
                        current_user,
                        upload.read(),
                        upload.filename or "berkas",
                        requirement=requirement,
                    )
                stored += 1
            except DomainError as error:
                flash(error.message, "error")
        db.session.commit()
        if stored:
            flash(f"{stored} berkas tersimpan.", "success")
            from backoffice.scanning.jobs import enqueue_pending

            enqueue_pending(case.id)
        return back_to(case, "#berkas")

    @expose("/<int:case_id>/dokumen/<int:document_id>")
    def document(self, case_id: int, document_id: int) -> Response:
        case = load_case(case_id)
        document = case_document(case, document_id)
        require(
            can_view_document(current_user, document),
            "Dokumen ini berisi data pribadi spesifik dan tidak dapat Anda buka.",
        )
        if document.purged_at is not None:
            raise NotFound(PURGED_MESSAGE)
        record_event(current_user, "document.view", document)
        db.session.commit()
        data = read_bytes(document.storage_key)
        if document.page_number is not None:
            return send_file(
                io.BytesIO(render_pdf_page(data, document.page_number)),
                mimetype="image/png",
                max_age=0,
            )
        response = send_file(
            io.BytesIO(data),
            mimetype=document.mime_type,
            download_name=f"dokumen-{document.id}",
            max_age=0,
        )
        response.headers["Content-Disposition"] = "inline"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @expose("/<int:case_id>/dokumen/<int:document_id>/tetapkan", methods=("POST",))
    def assign(self, case_id: int, document_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.FRONT_OFFICE, Role.BACK_OFFICE):
            abort(403)
        document = case_document(case, document_id)
        value = request.form.get("requirement_id", "")
        requirement = case_requirement(case, int(value)) if value.isdigit() else None
        ops.assign_document(document, requirement, current_user)
        db.session.commit()
        from backoffice.scanning.jobs import enqueue_pending

        enqueue_pending(case.id)
        return back_to(case, "#berkas")

    @expose("/<int:case_id>/persyaratan/<int:requirement_id>", methods=("POST",))
    def check_requirement(self, case_id: int, requirement_id: int) -> Response:
        case = load_case(case_id)
        requirement = case_requirement(case, requirement_id)
        if not current_user.has_role(Role.FRONT_OFFICE, Role.BACK_OFFICE):
            abort(403)
        try:
            state = RequirementState(request.form.get("state", ""))
        except ValueError:
            raise InvalidInput("Status persyaratan tidak dikenal.") from None
        ops.set_requirement_state(
            requirement, state, current_user, note=request.form.get("note")
        )
        db.session.commit()
        return back_to(case, f"#req-{requirement.id}")

    @expose("/<int:case_id>/dtks", methods=("POST",))
    def dtks(self, case_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.BACK_OFFICE):
            abort(403)
        registered = request.form.get("registered")
        if registered not in ("1", "0"):
            raise InvalidInput("Pilih hasil pengecekan: terdaftar atau tidak.")
        screenshot = None
        upload = request.files.get("screenshot")
        if upload and upload.filename:
            screenshot = ops.attach_upload(
                case, current_user, upload.read(), upload.filename
            )[0]
            screenshot.ocr_status = "tidak_perlu"
        ops.record_dtks_check(
            case,
            current_user,
            registered=registered == "1",
            dtks_id=request.form.get("dtks_id"),
            desil=parse_int(request.form.get("desil"), "Desil"),
            note=request.form.get("note"),
            screenshot=screenshot,
        )
        db.session.commit()
        flash("Hasil pengecekan DTKS/DTSEN tercatat.", "success")
        return back_to(case, "#dtks")

    @expose("/<int:case_id>/asesmen", methods=("POST",))
    def assessment(self, case_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.BACK_OFFICE):
            abort(403)
        visited_on = parse_date(request.form.get("visited_on"), "Tanggal asesmen")
        if visited_on is None:
            raise InvalidInput("Tanggal asesmen wajib diisi.")
        ops.record_assessment(
            case,
            current_user,
            visited_on=visited_on,
            kind=request.form.get("kind") or "asesmen",
            findings=request.form.get("findings", ""),
            recommendation=request.form.get("recommendation") or None,
        )
        db.session.commit()
        flash("Asesmen tercatat.", "success")
        return back_to(case, "#asesmen")

    @expose("/<int:case_id>/data-diri", methods=("POST",))
    def person(self, case_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.FRONT_OFFICE, Role.BACK_OFFICE):
            abort(403)
        ops.ensure_editable(case, "Data diri")
        document_id = request.form.get("ocr_document_id", type=int)
        document = case_document(case, document_id) if document_id else None
        if document is not None:
            require(can_view_document(current_user, document))
        data = person_data(request.form)
        _, warnings = ops.save_person(data, current_user, case.beneficiary)
        case.kecamatan = case.beneficiary.kecamatan if case.beneficiary else None
        if document is not None:
            from backoffice.scanning.jobs import record_acceptance

            read = (document.ocr_result or {}).get("members") or []
            kept = (
                member_rows(request.form, len(read))
                if read and request.form.get("save_members") == "1"
                else {}
            )
            record_acceptance(document, {**data, **member_cells(kept)}, current_user)
            if kept:
                # The rows as the clerk corrected them, not as they were read.
                saved, more = ops.save_family_members(
                    list(kept.values()), case.beneficiary.no_kk, current_user
                )
                warnings += more
                flash(f"{saved} anggota keluarga tersimpan.", "success")
        db.session.commit()
        for warning in warnings:
            flash(warning, "warning")
        flash("Data diri tersimpan.", "success")
        return back_to(case)

    @expose("/<int:case_id>/dokumen/<int:document_id>/abaikan", methods=("POST",))
    def dismiss_reading(self, case_id: int, document_id: int) -> Response:
        """Set a scan's reading aside without changing the person's data."""
        from backoffice.scanning.jobs import dismiss_reading

        case = load_case(case_id)
        if not current_user.has_role(Role.FRONT_OFFICE, Role.BACK_OFFICE):
            abort(403)
        document = case_document(case, document_id)
        require(can_view_document(current_user, document))
        dismiss_reading(document, current_user)
        db.session.commit()
        flash(f"Hasil baca {document.original_name} diabaikan; data diri tidak "
              "diubah.", "info")
        return back_to(case)

    @expose("/<int:case_id>/tindak-lanjut/<int:follow_up_id>", methods=("POST",))
    def follow_up(self, case_id: int, follow_up_id: int) -> Response:
        case = load_case(case_id)
        if not current_user.has_role(Role.BACK_OFFICE, Role.SUPERVISOR):
            abort(403)
        item = db.session.get(FollowUp, follow_up_id)
        if item is None or item.case_id != case.id:
            abort(404)
        ops.update_follow_up(
            item,
            current_user,
            sent_on=parse_date(request.form.get("sent_on"), "Tanggal kirim"),
            acknowledged_on=parse_date(
                request.form.get("acknowledged_on"), "Tanggal diterima"
            ),
            done_on=parse_date(request.form.get("done_on"), "Tanggal selesai"),
            outcome=request.form.get("outcome"),
        )
        db.session.commit()
        flash("Tindak lanjut tercatat.", "success")
        return back_to(case, "#tindak-lanjut")

    @expose("/<int:case_id>/tanda-terima.pdf")
    def receipt(self, case_id: int) -> Response:
        from backoffice.correspondence.operations import render_receipt

        case = load_case(case_id)
        return pdf_response(render_receipt(case), f"tanda-terima-{case.number}.pdf")

    @expose("/<int:case_id>/pengembalian.pdf")
    def return_note(self, case_id: int) -> Response:
        from backoffice.correspondence.operations import render_return_note

        case = load_case(case_id)
        return pdf_response(
            render_return_note(case), f"pengembalian-berkas-{case.number}.pdf"
        )

    @expose("/<int:case_id>/pratinjau-surat.pdf")
    def letter_preview(self, case_id: int) -> Response:
        from backoffice.correspondence.operations import preview_case_letter

        case = load_case(case_id)
        if not current_user.has_role(Role.BACK_OFFICE, Role.SUPERVISOR):
            abort(403)
        pdf = preview_case_letter(case, current_user)
        return pdf_response(pdf, f"pratinjau-{case.number}.pdf")

    @expose("/pindaian")
    def scans(self) -> Any:
        from backoffice.scanning.jobs import requeue_stale

        requeue_stale()
        documents = queries.pending_scans()
        if request.args.get("format") == "json":
            return jsonify(
                [
                    {
                        "id": d.id,
                        "case": d.case.number,
                        "status": d.ocr_status,
                        "label": d.ocr_status_label,
                        "attempts": d.ocr_attempts,
                    }
                    for d in documents
                ]
            )
        return self.render(
            "cases/scans.html",
            documents=documents,
            to_confirm=queries.readings_to_confirm(current_user),
            acceptance=queries.ocr_acceptance(),
        )


def dtks_hint(case: Case) -> Any:
    """The imported DTKS/DTSEN row of the beneficiary, for services that check."""
    from backoffice.dtks.operations import look_up

    if not case.service.requires_dtks or case.beneficiary is None:
        return None
    return look_up(case.beneficiary.nik) or False


def case_letters(case: Case) -> list[Any]:
    from backoffice.correspondence.models import IssuedLetter

    return list(
        db.session.scalars(
            select(IssuedLetter)
            .where(IssuedLetter.case_id == case.id)
            .order_by(IssuedLetter.id)
        )
    )


def pdf_response(data: bytes, filename: str) -> Response:
    response = send_file(
        io.BytesIO(data), mimetype="application/pdf", download_name=filename, max_age=0
    )
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class StatusFilter(FilterEqual):
    def get_options(self, view: Any) -> list[tuple[str, str]]:
        return [(status.value, label) for status, label in STATUS_LABELS.items()]


class CaseListView(SecureModelView):
    """Every case, with filters and search; opening one leads to its page."""

    read_roles = CASE_ROLES
    allow_create = allow_edit = allow_delete = False
    can_view_details = False
    column_list = (
        "number",
        "service",
        "beneficiary",
        "beneficiary_nik",
        "kecamatan",
        "status",
        "received_at",
        "assigned_to",
    )
    column_default_sort = ("received_at", True)
    column_searchable_list = ("number", "beneficiary.nik", "beneficiary.nama")
    column_filters = (
        "service.name",
        StatusFilter(Case.status, "Status"),
        "kecamatan",
        "received_at",
    )
    column_labels = {
        "number": "Nomor",
        "service": "Layanan",
        "service.name": "Layanan",
        "beneficiary": "Penerima layanan",
        "beneficiary.nik": "NIK",
        "beneficiary.nama": "Nama",
        "beneficiary_nik": "NIK",
        "kecamatan": "Kecamatan",
        "status": "Status",
        "received_at": "Diterima (WIB)",
        "assigned_to": "Petugas",
    }
    column_formatters = {
        "number": lambda v, c, m, p: Markup('<a href="{}">{}</a>').format(
            url_for("cases.case_page", case_id=m.id), m.number
        ),
        "status": lambda v, c, m, p: m.status_label,
        "received_at": lambda v, c, m, p: format_wib(m.received_at),
        "beneficiary_nik": lambda v, c, m, p: mask_nik(m.beneficiary.nik)
        if m.beneficiary
        else "",
    }


class RoleMenuLink(MenuLink):
    """A menu link shown only to the roles that may follow it."""

    def __init__(self, name: str, endpoint: str, roles: frozenset[Role]) -> None:
        super().__init__(name=name, endpoint=endpoint)
        self.roles = roles

    def is_accessible(self) -> bool:
        return bool(current_user.is_authenticated and current_user.roles & self.roles)


def register_views(admin: Admin) -> None:
    admin.add_view(CaseWorkView(name="Tugas Saya", endpoint="cases", url="/permohonan"))
    admin.add_link(
        RoleMenuLink(
            "Permohonan Baru",
            "cases.intake",
            frozenset({Role.FRONT_OFFICE, Role.BACK_OFFICE}),
        )
    )
    admin.add_link(RoleMenuLink("Pembacaan Pindaian", "cases.scans", CASE_ROLES))
    admin.add_view(
        CaseListView(
            Case, db, name="Semua Permohonan", endpoint="case", url="/daftar-permohonan"
        )
    )
