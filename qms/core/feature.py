"""What a feature declares about itself (``qms/<feature>/feature.py``) so that every central
list — pages, "my work", deadlines, report sections, commands — is derived from
``qms.features.FEATURES`` instead of being edited by hand; so are the record types a plan task
can be linked to (``linkable``), the entity types of versioned tables (``versioned``) and the
demo loaders (``demo``).

A declaration names its functions as ``"module:function"`` text: ``feature.py`` imports only
this module, so ``qms.features`` can be imported from anywhere (a page, a report query, the
command line) without an import cycle; ``resolve`` loads a name when it is first used, and
``tests/core/test_features.py`` resolves every one.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qms.core.roles import Role


@dataclass(frozen=True)
class PageSpec:
    """One page: ``path`` is relative to the project root, as ``st.page_link`` wants it."""

    key: str
    path: str
    title_key: str
    icon: str
    group_key: str
    roles: frozenset[Role]

    def allows(self, roles: frozenset[Role]) -> bool:
        return bool(self.roles & roles)


@dataclass(frozen=True)
class Slot:
    """A provider placed in a shared list: ``order`` is its place (the periodic report's order,
    the ISO 9.3.2 order of a review's inputs), ``ref`` its ``module:name``."""

    order: int
    ref: str


@dataclass
class DemoContext:
    """What every demo loader is given (``loader(demo)``, run in the order of its ``Slot``, its
    result unused): the demo organisation and, once the plan's loader has run — it comes first —
    the plan the other features' records point at."""

    org_id: int
    plan_id: int | None = None

    @property
    def plan(self) -> int:
        """The demo plan's id; a loader placed before the plan's has no plan to read."""
        if self.plan_id is None:
            raise LookupError("the plan's demo loader has not run yet")
        return self.plan_id


@dataclass(frozen=True)
class Feature:
    name: str
    pages: tuple[PageSpec, ...] = ()
    my_work: tuple[str, ...] = ()  # provider(actor, today) -> list[WorkItem]
    deadlines: tuple[str, ...] = ()  # source(org_id, today) -> list[WorkItem]
    period_sections: tuple[Slot, ...] = ()  # provider(org_id, start, end) -> Section | None
    review_inputs: tuple[Slot, ...] = ()
    linkable: tuple[str, ...] = ()  # "module:NAME" of a qms.trace.linkable_queries.Linkable
    # table of a Versioned model -> the entity type its changes are logged under (stale saves)
    versioned: Mapping[str, str] = field(default_factory=dict, hash=False)
    demo: tuple[Slot, ...] = ()  # loader(demo: DemoContext), in the order the demo runs them
    cli: str = ""  # module with add_commands(subparsers) and run(args)


def resolve(ref: str) -> Any:
    """The function ``"qms.risks.sections:risks_section"`` names."""
    module, _, name = ref.partition(":")
    return getattr(importlib.import_module(module), name)
