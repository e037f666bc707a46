"""The demo's controlled procedures: the commune's procedures (``procedures/``) synchronised
into the register, each linked to the plan tasks its front matter names."""

from __future__ import annotations

from qms.core.actor import Actor
from qms.core.feature import DemoContext
from qms.documents.sync import PROCEDURES_DIR, link_front_matter_tasks, sync_procedures


def load_demo_documents(demo: DemoContext) -> None:
    """Register the procedures and link them to the demo plan's tasks."""
    actor = Actor.system(demo.org_id, "demo")
    sync_procedures(actor, PROCEDURES_DIR)
    link_front_matter_tasks(actor, demo.plan)
