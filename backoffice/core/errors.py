"""The domain's error family: each error carries the words the user reads."""


class DomainError(Exception):
    """A refused operation, with a message in Indonesian for the user."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAllowed(DomainError):
    """The user's roles do not permit this operation."""

    status_code = 403


class NotFound(DomainError):
    status_code = 404


class InvalidTransition(DomainError):
    """A case cannot move to the requested state from where it is."""

    status_code = 409


class InvalidInput(DomainError):
    """Submitted data failed validation."""

    status_code = 422
