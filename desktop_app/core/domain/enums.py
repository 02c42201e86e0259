"""Closed vocabularies of the domain, stored by their string values."""

from enum import StrEnum

from desktop_app.core.problems import RefusedError


class Role(StrEnum):
    AGENCY = "agency"
    FOCAL_POINT = "focal-point"


def stored_role(value: str | None) -> Role | None:
    """The role a database records (its `role` setting), None when it records none.

    A value the program never writes (a file edited by hand, or by another program) is
    refused as the database's problem (exit 3), not an internal error.
    """
    if not value:
        return None
    try:
        return Role(value)
    except ValueError:
        raise RefusedError.of("db.unknown_role", role=value) from None


class AgencyKind(StrEnum):
    CITY = "city"
    PROVINCE = "province"
    MINISTRY = "ministry"
    MINISTERIAL_AGENCY = "ministerial_agency"
    CENTRAL_BODY = "central_body"


class ActivityType(StrEnum):
    LEGISLATIVE = "legislative"
    ADMINISTRATIVE = "administrative"
    JUDICIAL = "judicial"
    TRAINING = "training"
    AWARENESS = "awareness"
    CONSULTATION = "consultation"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)


class SourceKind(StrEnum):
    TREATY_BODY = "treaty_body"
    UPR = "upr"


class Response(StrEnum):
    SUPPORTED = "supported"
    NOTED = "noted"


class Implementation(StrEnum):
    FULLY = "fully"
    PARTIALLY = "partially"
    NOT = "not"


class Grade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


class PeriodState(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    LOCKED = "locked"


class CellState(StrEnum):
    """Whether an agency's submission for a period came in, and when."""

    NOT_RECEIVED = "not_received"
    ON_TIME = "on_time"
    LATE = "late"


class ImportOutcome(StrEnum):
    NEW = "new"
    NEWER = "newer"
    DUPLICATE = "duplicate"
    OLDER = "older"
    CONFLICT = "conflict"
    TEMPLATE = "template"
    EDITED = "edited"
    REFUSED = "refused"

    @property
    def changed_data(self) -> bool:
        return self in (
            ImportOutcome.NEW,
            ImportOutcome.NEWER,
            ImportOutcome.TEMPLATE,
            ImportOutcome.EDITED,
        )
