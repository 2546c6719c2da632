"""Who may see what of a case: one place, asked on every path to a record.

Specific personal data (UU PDP): medical letters, and everything of a child's
case, stay with the back office and the approving officials. The front office
receives them but cannot open them again; an admin who only administers the
system sees no case data at all.
"""

from __future__ import annotations

from backoffice.auth.models import Role, User
from backoffice.cases.models import Case, Document
from backoffice.catalogue.models import Sensitivity
from backoffice.core.errors import NotAllowed

CASE_ROLES = frozenset({Role.FRONT_OFFICE, Role.BACK_OFFICE, Role.SUPERVISOR})
SPECIFIC_DATA_ROLES = frozenset({Role.BACK_OFFICE, Role.SUPERVISOR})


def can_view_case(user: User, case: Case) -> bool:
    return bool(user.roles & CASE_ROLES)


def can_view_document(user: User, document: Document) -> bool:
    if not can_view_case(user, document.case):
        return False
    if user.roles & SPECIFIC_DATA_ROLES:
        return True
    return not is_specific(document)


def can_view_assessments(user: User, case: Case) -> bool:
    return bool(user.roles & SPECIFIC_DATA_ROLES)


def is_specific(document: Document) -> bool:
    """Whether a document holds specific personal data (health, a child)."""
    if document.case.service.sensitivity == Sensitivity.CHILD:
        return True
    requirement = document.case_requirement
    return requirement is not None and requirement.is_medical


def require(
    allowed: bool, message: str = "Anda tidak berhak membuka data ini."
) -> None:
    if not allowed:
        raise NotAllowed(message)
