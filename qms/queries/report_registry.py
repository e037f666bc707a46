"""Where the report providers are listed: the one place that fills ``PERIOD_SECTIONS`` and
``REVIEW_INPUTS`` of ``qms.reports.sections``.

To add a feature's provider, import it below and add it to the list in one line, at the place
the report should show it::

    from qms.queries.self_scoring import self_scoring_section
    ...
    PERIOD = (plan_progress_section, ..., self_scoring_section)

``sections.py`` imports no feature, and no provider imports this module, so there is no
import cycle; report builders call ``period_sections()`` / ``review_inputs()`` (which refill
the lists in ``sections``, so they always match the tuples here) and iterate the result.
"""

from __future__ import annotations

from qms.duties.sections import duties_section
from qms.nonconformities.sections import audits_section, documents_section, nonconformities_section
from qms.plan.sections import onestop_section, plan_progress_section, targets_section
from qms.reports import sections
from qms.reports.sections import SectionProvider
from qms.review.context_queries import context_section, resources_section
from qms.review.input_queries import previous_actions_section
from qms.risks.sections import risks_section
from qms.scoring.sections import scoring_section
from qms.voice.sections import feedback_section, satisfaction_section

# The periodic CCHC report, in the order the report prints them.
PERIOD: tuple[SectionProvider, ...] = (
    plan_progress_section,
    targets_section,
    onestop_section,
    satisfaction_section,
    feedback_section,
    audits_section,
    nonconformities_section,
    documents_section,
    duties_section,
    scoring_section,
)

# Management-review inputs (ISO 9001 clause 9.3.2 a–f), in the order the minutes print them.
REVIEW: tuple[SectionProvider, ...] = (
    previous_actions_section,  # 9.3.2 a
    context_section,  # 9.3.2 b (legal bases and plans: external and internal issues)
    satisfaction_section,  # 9.3.2 c 1 (customer satisfaction)
    feedback_section,  # 9.3.2 c 1 (feedback from interested parties)
    targets_section,  # 9.3.2 c 2
    plan_progress_section,  # 9.3.2 c 3
    onestop_section,  # 9.3.2 c 3
    nonconformities_section,  # 9.3.2 c 4
    audits_section,  # 9.3.2 c 6
    duties_section,  # 9.3.2 c 5 (monitoring and measurement results)
    scoring_section,  # 9.3.2 c 5 (the reform index's self-assessment)
    resources_section,  # 9.3.2 d
    risks_section,  # 9.3.2 e (effectiveness of actions on risks and opportunities)
    documents_section,
)


def period_sections() -> list[SectionProvider]:
    """The providers of the periodic report (``sections.PERIOD_SECTIONS``, refilled)."""
    sections.PERIOD_SECTIONS[:] = PERIOD
    return sections.PERIOD_SECTIONS


def review_inputs() -> list[SectionProvider]:
    """The providers of a management review's inputs (``sections.REVIEW_INPUTS``, refilled)."""
    sections.REVIEW_INPUTS[:] = REVIEW
    return sections.REVIEW_INPUTS
