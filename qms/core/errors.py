"""Errors the domain and services raise on purpose; the UI shows them, translated.

Each carries a catalog key and parameters, never a finished sentence, so the same error
reads in Vietnamese or English depending on the user.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every error a user may see; ``key`` names a message in the catalogs."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        """The finished sentence; parameters that are catalog keys (``field.*``), alone or in a
        tuple, translate too."""
        from qms.core.i18n import t

        def shown(value: Any) -> Any:
            if isinstance(value, str) and value.startswith("field."):
                return t(value, lang)
            if isinstance(value, tuple):  # a list of fields, e.g. what a newer save changed
                return ", ".join(str(shown(item)) for item in value)
            return value

        return t(self.key, lang, **{name: shown(value) for name, value in self.params.items()})

    def __str__(self) -> str:  # readable in logs and the CLI
        return self.message()


class ValidationFailed(DomainError):
    """Input that breaks a rule of the domain."""


class PermissionDenied(DomainError):
    """The acting user's roles do not allow the action."""


class NotFound(DomainError):
    """The record does not exist in the actor's organisation."""


class Conflict(DomainError):
    """The record changed since it was read, or the state no longer allows the action."""


class AuthenticationFailed(DomainError):
    """Sign-in refused: wrong credentials, locked or disabled account."""
