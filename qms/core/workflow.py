"""One shape for every status machine: documents, nonconformities, actions, audits, duties,
score sheets, reviews and risks.

A feature declares its ``Workflow`` in its ``rules.py`` as a table of
``(status, step) -> next status``. Services ask ``next(status, step)`` before they change a
record, and the pages ask ``allows`` / ``steps_from`` which buttons to offer, so the page and
the service cannot disagree about what a status permits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from qms.core.errors import Conflict

S = TypeVar("S", bound=StrEnum)
T = TypeVar("T", bound=StrEnum)


@dataclass(frozen=True)
class Workflow(Generic[S, T]):
    """``name`` is the catalog namespace of the refusal: ``<name>.step_not_allowed`` with the
    status and step named by ``<labels>.status.<status>`` / ``<labels>.step.<step>``.
    ``refused`` gives a step its own refusal key (with the status) where that says more."""

    name: str
    transitions: Mapping[tuple[S, T], S]
    refused: Mapping[T, str] = field(default_factory=dict)
    labels: str = ""  # catalog prefix of status and step names; default ``field.<name>``

    def target(self, status: S | str, step: T | str) -> S | None:
        """The status ``step`` leads to from ``status``, or ``None`` if it is not allowed."""
        for (source, move), target in self.transitions.items():
            if source.value == str(status) and move.value == str(step):
                return target
        return None

    def allows(self, status: S | str, step: T | str) -> bool:
        return self.target(status, step) is not None

    def next(self, status: S | str, step: T | str) -> S:
        """The status after ``step``; a step the status does not allow is a ``Conflict``."""
        target = self.target(status, step)
        if target is not None:
            return target
        labels = self.labels or f"field.{self.name}"
        named = f"{labels}.status.{status}"
        for move, key in self.refused.items():
            if move.value == str(step):
                raise Conflict(key, status=named)
        raise Conflict(f"{self.name}.step_not_allowed", status=named,
                       step=f"{labels}.step.{step}")

    def steps_from(self, status: S | str) -> tuple[T, ...]:
        """The steps ``status`` allows, in the order the table declares them."""
        return tuple(move for (source, move) in self.transitions if source.value == str(status))

    def statuses(self) -> tuple[S, ...]:
        """Every status the table names, sources first in declared order."""
        seen: dict[S, None] = {}
        for (source, _), target in self.transitions.items():
            seen.setdefault(source)
            seen.setdefault(target)
        return tuple(seen)
