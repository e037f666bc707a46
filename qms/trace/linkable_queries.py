"""The record types a plan task can be linked to, and how each is labelled.

Each feature declares its own types (``Feature.linkable``: ``"module:NAME"`` of a ``Linkable``
defined in that feature's read side), so a new record type is linked without editing trace;
``linkable()`` gathers them from ``qms.features`` when it is called, never at import time,
because the features' query modules import ``Linkable`` from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qms import features
from qms.core.feature import resolve
from qms.trace.file_models import Evidence

# The traceability matrix's columns, in the order the page and its Excel export show them. It is
# the matrix's layout, not the list of linkable types: it keeps a column for record types that
# cannot be linked yet (self scores, review decisions) and leaves out citizen feedback.
ENTITY_TYPES = ("procedure", "checklist_question", "finding", "nonconformity",
                "corrective_action", "evidence", "self_score", "review_decision", "risk")


@dataclass(frozen=True)
class Linkable:
    """A record type a plan task can be linked to: its ``entity_type`` (the key stored in
    ``TraceLink.entity_type``), its model and the label a link list shows for one record."""

    entity_type: str
    model: type[Any]
    label: Callable[[Any], str]


EVIDENCE = Linkable("evidence", Evidence,
                    lambda e: " — ".join(x for x in (e.doc_number, e.title) if x))


def linkable() -> dict[str, Linkable]:
    """``{entity type: Linkable}`` of every feature, in the order of ``FEATURES``."""
    found: dict[str, Linkable] = {}
    for feature in features.FEATURES:
        for ref in feature.linkable:
            spec: Linkable = resolve(ref)
            if spec.entity_type in found:
                raise ValueError(f"{ref}: entity type {spec.entity_type!r} declared twice")
            found[spec.entity_type] = spec
    return found
