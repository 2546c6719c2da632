"""The one state machine that drives every case.

Each transition names the states it leaves from, the state it reaches, the
roles that may take it, whether a reason is required, and the checks that
must pass first. The server decides; whatever a browser sends is checked here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from backoffice.auth.models import Role, User
from backoffice.cases.models import Case, CaseStatus

S = CaseStatus
FO, BO, SV = Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.SUPERVISOR

Guard = Callable[[Case, User], str | None]


def mandatory_received(case: Case, actor: User) -> str | None:
    missing = [r.text for r in case.requirements if r.mandatory and not r.received]
    if missing:
        return "Persyaratan wajib belum diterima: " + "; ".join(missing)
    return None


def requirements_verified(case: Case, actor: User) -> str | None:
    unmet = [r.text for r in case.requirements if r.mandatory and not r.satisfied]
    if unmet:
        return "Persyaratan wajib belum terverifikasi: " + "; ".join(unmet)
    return None


def dtks_registered(case: Case, actor: User) -> str | None:
    if not case.service.requires_dtks:
        return None
    check = case.latest_dtks_check
    if check is None:
        return "Pengecekan DTKS/DTSEN belum dicatat."
    if not check.registered:
        return (
            "Menurut pengecekan terakhir, pemohon tidak terdaftar di DTKS/DTSEN: "
            "kembalikan berkas ke prosedur pengusulan DTKS."
        )
    return None


def assessment_done(case: Case, actor: User) -> str | None:
    if not case.service.requires_assessment:
        return None
    if case.latest_assessment is None:
        return "Asesmen/kunjungan rumah belum dicatat."
    return None


def not_the_preparer(case: Case, actor: User) -> str | None:
    if actor.id in (case.prepared_by_id, case.received_by_id):
        return "Pejabat yang menyiapkan atau menerima berkas tidak boleh memutuskannya."
    return None


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[CaseStatus]
    target: CaseStatus
    roles: frozenset[Role]
    needs_reason: bool = False
    guards: tuple[Guard, ...] = field(default_factory=tuple)
    style: str = "primary"


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "submit",
            "Teruskan ke Back Office",
            frozenset({S.RECEIVED}),
            S.VERIFYING,
            frozenset({FO, BO}),
            guards=(mandatory_received,),
        ),
        Transition(
            "return",
            "Kembalikan berkas (tidak lengkap)",
            frozenset({S.RECEIVED, S.VERIFYING}),
            S.RETURNED,
            frozenset({FO, BO}),
            needs_reason=True,
            style="warning",
        ),
        Transition(
            "resume",
            "Berkas dilengkapi, lanjutkan",
            frozenset({S.RETURNED}),
            S.RECEIVED,
            frozenset({FO, BO}),
        ),
        Transition(
            "propose",
            "Ajukan untuk keputusan",
            frozenset({S.VERIFYING}),
            S.AWAITING_DECISION,
            frozenset({BO}),
            guards=(requirements_verified, dtks_registered, assessment_done),
        ),
        Transition(
            "approve",
            "Setujui dan terbitkan surat",
            frozenset({S.AWAITING_DECISION}),
            S.APPROVED,
            frozenset({SV}),
            guards=(not_the_preparer,),
            style="success",
        ),
        Transition(
            "reject",
            "Tolak",
            frozenset({S.AWAITING_DECISION}),
            S.REJECTED,
            frozenset({SV}),
            needs_reason=True,
            guards=(not_the_preparer,),
            style="danger",
        ),
        Transition(
            "send_back",
            "Kembalikan ke verifikasi",
            frozenset({S.AWAITING_DECISION}),
            S.VERIFYING,
            frozenset({SV}),
            needs_reason=True,
            style="secondary",
        ),
        Transition(
            "hand_over",
            "Surat sudah diserahkan",
            frozenset({S.LETTER_ISSUED}),
            S.HANDED_OVER,
            frozenset({FO, BO}),
        ),
        Transition(
            "close",
            "Tutup permohonan",
            frozenset({S.HANDED_OVER, S.REJECTED}),
            S.CLOSED,
            frozenset({FO, BO, SV}),
            style="secondary",
        ),
        Transition(
            "cancel",
            "Batalkan permohonan",
            frozenset({S.RECEIVED, S.RETURNED, S.VERIFYING, S.AWAITING_DECISION}),
            S.CANCELLED,
            frozenset({FO, BO, SV}),
            needs_reason=True,
            style="outline-danger",
        ),
    )
}


def refusal(transition: Transition, case: Case, actor: User) -> str | None:
    """Return why ``actor`` may not take ``transition`` now, or None."""
    if CaseStatus(case.status) not in transition.sources:
        return (
            f"Tindakan “{transition.label}” tidak dapat dilakukan karena status "
            f"permohonan “{case.status_label}”."
        )
    if not actor.roles & transition.roles:
        return f"Peran Anda tidak berwenang melakukan “{transition.label}”."
    for guard in transition.guards:
        problem = guard(case, actor)
        if problem:
            return problem
    return None


def available(case: Case, actor: User) -> list[Transition]:
    """Transitions whose source state and role fit (guards may still refuse)."""
    return [
        t
        for t in TRANSITIONS.values()
        if CaseStatus(case.status) in t.sources and actor.roles & t.roles
    ]
