"""Import every model so that metadata and migrations see all tables."""

from backoffice.audit.models import AuditEvent
from backoffice.auth.models import LoginSession, User, UserRole
from backoffice.cases.models import (
    Assessment,
    Case,
    CaseRequirement,
    Document,
    DtksCheck,
    FollowUp,
)
from backoffice.catalogue.models import Requirement, Service, Step
from backoffice.core.counters import Counter
from backoffice.correspondence.models import IssuedLetter, LetterTemplate, OfficeProfile
from backoffice.dtks.models import DtksEntry, DtksImport
from backoffice.people.models import Desa, Kecamatan, Person
from backoffice.workdays.models import DayOff

__all__ = [
    "Assessment",
    "AuditEvent",
    "Case",
    "CaseRequirement",
    "Counter",
    "DayOff",
    "Desa",
    "Document",
    "DtksEntry",
    "DtksImport",
    "DtksCheck",
    "FollowUp",
    "IssuedLetter",
    "Kecamatan",
    "LetterTemplate",
    "LoginSession",
    "OfficeProfile",
    "Person",
    "Requirement",
    "Service",
    "Step",
    "User",
    "UserRole",
]
