"""Every feature of the product, in one tuple; every central list is derived from it.

Adding a feature is one line here (see ``docs/adding-a-feature.md``): its pages appear in the
navigation, its "my work" providers and deadline sources on the home page, its report sections
in the periodic report and a management review's inputs, its record types among those a plan
task can be linked to, its versioned tables among those a stale save is explained for, its demo
loader in ``python -m qms demo`` and its command group in ``python -m qms``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qms.audits.feature import FEATURE as AUDITS
from qms.auth.feature import FEATURE as AUTH
from qms.backup.feature import FEATURE as BACKUP
from qms.core.feature import Feature, PageSpec, Slot, resolve
from qms.dashboard.feature import FEATURE as DASHBOARD
from qms.documents.feature import FEATURE as DOCUMENTS
from qms.duties.feature import FEATURE as DUTIES
from qms.nonconformities.feature import FEATURE as NONCONFORMITIES
from qms.onestop.feature import FEATURE as ONESTOP
from qms.plan.feature import FEATURE as PLAN
from qms.review.feature import FEATURE as REVIEW
from qms.risks.feature import FEATURE as RISKS
from qms.scoring.feature import FEATURE as SCORING
from qms.trace.feature import FEATURE as TRACE
from qms.trail.feature import FEATURE as TRAIL
from qms.voice.feature import FEATURE as VOICE

FEATURES: tuple[Feature, ...] = (
    DASHBOARD, PLAN, TRACE, DOCUMENTS, AUDITS, NONCONFORMITIES, ONESTOP, VOICE, RISKS, DUTIES,
    SCORING, REVIEW, AUTH, TRAIL, BACKUP,
)


def _page_order(spec: PageSpec) -> tuple[bool, str]:
    return spec.path != "app.py", spec.path  # home first, then by file name (05_, 10_ …)


def pages() -> tuple[PageSpec, ...]:
    """Every page, home first and then in the order of their file names."""
    return tuple(sorted((p for f in FEATURES for p in f.pages), key=_page_order))


def _ordered(slots: list[Slot]) -> list[Callable[..., Any]]:
    found: list[Callable[..., Any]] = []
    for slot in sorted(slots, key=lambda s: s.order):
        function = resolve(slot.ref)
        if function not in found:  # two features may place the same provider
            found.append(function)
    return found


def period_sections() -> list[Callable[..., Any]]:
    """The periodic CCHC report's section providers, in the order it prints them."""
    return _ordered([s for f in FEATURES for s in f.period_sections])


def review_inputs() -> list[Callable[..., Any]]:
    """A management review's input providers, in the ISO 9.3.2 order of the minutes."""
    return _ordered([s for f in FEATURES for s in f.review_inputs])


def demo_loaders() -> list[Callable[..., Any]]:
    """``loader(demo: DemoContext)`` of every feature, in the order the demo runs them
    (the plan first: the other features' records point at it)."""
    return _ordered([s for f in FEATURES for s in f.demo])


def my_work_providers() -> list[Callable[..., Any]]:
    """``provider(actor, today) -> list[WorkItem]`` of every feature."""
    return [resolve(ref) for f in FEATURES for ref in f.my_work]


def deadline_sources() -> list[Callable[..., Any]]:
    """``source(org_id, today) -> list[WorkItem]`` of every feature."""
    return [resolve(ref) for f in FEATURES for ref in f.deadlines]


def cli_modules() -> list[str]:
    """The command-group modules of ``python -m qms``."""
    return [f.cli for f in FEATURES if f.cli]


def page_path(key: str) -> str:
    """The file of the page ``key`` (``"nonconformities"`` -> ``"pages/30_khong_phu_hop.py"``):
    links and work items name pages by key, so a renamed page file is changed in one place."""
    for spec in pages():
        if spec.key == key:
            return spec.path
    raise KeyError(key)
