"""Who may do what: one declared matrix, checked by every mutating service.

``PERMISSIONS[action][role]`` is ``None`` when the role may always do the action, or the name
of a condition that must hold for the record at hand (``"own_unit"``: the record belongs to
the actor's unit). ``SELF_SERVICE`` actions concern the actor's own account only.
"""

from __future__ import annotations

from collections.abc import Iterable

from qms.core.roles import Role

# Role.VIEWER is in no rule below: a viewer may only read (and the SELF_SERVICE actions).
A, ISO, AUD, OFF, LEAD = Role.ADMIN, Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER, Role.LEADER
OWN_UNIT = "own_unit"
ACTION_OWNER = "action_owner"  # the owner of a corrective, review or risk action
AUDIT_LEAD = "audit_lead"  # the audit's lead auditor
AUDIT_TEAM = "audit_team"  # a member of the audit team (the lead included)
ASSIGNED_AUDITOR = "assigned_auditor"  # the auditor a checklist question is assigned to
Rule = dict[Role, str | None]


def _always(*roles: Role) -> Rule:
    return dict.fromkeys(roles)


PERMISSIONS: dict[str, Rule] = {
    "organization.update": _always(A),
    "unit.create": _always(A, ISO),
    "unit.update": _always(A, ISO),
    "user.create": _always(A),
    "user.update": _always(A),
    "user.set_password": _always(A),
    "user.disable": _always(A),
    "user.enable": _always(A),
    "user.unlock": _always(A),
    "user.read": _always(A, ISO, LEAD),
    "audit_log.read": _always(A, ISO),
    "audit_log.export": _always(A, ISO),
    "system.backup": _always(A),
    "system.demo_scale": _always(A),
    "plan.import": _always(A, ISO),
    "plan_task.update": {**_always(A, ISO, LEAD), OFF: OWN_UNIT},
    "plan_target.measure": {**_always(A, ISO), OFF: OWN_UNIT},
    "trace.link": _always(A, ISO, AUD, OFF),
    "trace.unlink": _always(A, ISO),
    "evidence.create": _always(A, ISO, AUD, OFF),
    # Document control (7.5): officers draft their own unit's documents, leaders sign.
    "document.sync": _always(A, ISO),
    "document.import": _always(A, ISO),
    "document.draft": {**_always(A, ISO), OFF: OWN_UNIT},
    "document.submit": {**_always(A, ISO), OFF: OWN_UNIT},
    "document.attach": {**_always(A, ISO), OFF: OWN_UNIT},
    "document.review": _always(ISO, LEAD),
    "document.approve": _always(LEAD),
    "document.withdraw": _always(LEAD),
    "document.confirm_review": _always(ISO, LEAD),
    # Internal audit (9.2): conditions "audit_lead", "audit_team" and "assigned_auditor" are
    # checked by the audit services against the audit or question at hand.
    "audit.bank": _always(A, ISO),
    "audit.programme": _always(A, ISO),
    "audit.plan": _always(A, ISO),
    "audit.edit_checklist": {ISO: None, AUD: "audit_lead"},
    "audit.answer": {ISO: "assigned_auditor", AUD: "assigned_auditor"},
    "audit.finding": {ISO: None, AUD: "audit_team"},
    "audit.conclude": {ISO: None, AUD: "audit_lead"},
    "audit.report": {ISO: None, LEAD: None, AUD: "audit_lead"},
    # Nonconformities (10.2): whoever meets a problem records it; the unit concerned (or the
    # person it is assigned to: "own_unit") analyses and plans; an action's owner reports on
    # it ("action_owner"); the check is independent of the owners; leaders close and cancel.
    "nc.create": _always(ISO, AUD, OFF),
    "nc.analyse": {ISO: None, OFF: OWN_UNIT},
    "nc.plan": {ISO: None, OFF: OWN_UNIT},
    "nc.attach": {**_always(ISO, AUD, LEAD), OFF: OWN_UNIT},
    "nc.action_update": {ISO: None, OFF: OWN_UNIT, AUD: "action_owner", LEAD: "action_owner"},
    "nc.verify": _always(ISO, AUD, LEAD),
    "nc.close": _always(ISO, LEAD),
    "nc.cancel": _always(LEAD),
    "nc.settings": _always(A, ISO),
    "onestop.record": _always(ISO, OFF),
    "onestop.decide": _always(ISO),
    # Periodic CCHC report and management review (9.3): the ISO officer writes the report's
    # narratives and prepares the review; the chairman (a leader) approves its minutes; a
    # decision's owner reports on their action ("action_owner"), the ISO officer on any.
    "period_report.edit": _always(A, ISO),
    "review.prepare": _always(ISO),
    "review.approve": _always(LEAD),
    "review.action_update": {ISO: None, LEAD: "action_owner", OFF: "action_owner",
                             AUD: "action_owner"},
    # Self-inspection duties: the owner unit's officers (or the owner person: "own_unit")
    # hand in evidence each period; the ISO officer accepts or returns it and, with the
    # administrator, keeps the list of duties.
    "duty.manage": _always(A, ISO),
    "duty.submit": {OFF: OWN_UNIT},
    "duty.decide": _always(ISO),
    # Index self-scoring (tự chấm điểm chỉ số CCHC): the ISO officer loads criteria sets and
    # submits the period's sheet; officers score and attach evidence; a leader approves (or
    # returns) a submitted sheet.
    "scoring.load_set": _always(A, ISO),
    "scoring.score": _always(ISO, OFF),
    "scoring.submit": _always(ISO),
    "scoring.approve": _always(LEAD),
    "scoring.return": _always(LEAD),
    # Citizens' voice (satisfaction surveys, phản ánh kiến nghị): the ISO officer and the
    # officers record survey results and incoming feedback; the handling unit's officers (or
    # the officer it is assigned to: "own_unit") record the answer, the ISO officer any. A
    # result under target or a late answer raises a nonconformity by those who may record
    # one ("nc.create" without auditors, who do not keep this register).
    "voice.record": _always(ISO, OFF),
    "voice.answer": {ISO: None, OFF: OWN_UNIT},
    "voice.raise_nc": _always(ISO, OFF),
    # Risks and opportunities (6.1): the ISO officer and the administrator keep the register,
    # officers their unit's entries (or those they own: "own_unit"); leaders re-assess too;
    # an action's owner reports it done ("action_owner"), the ISO officer any.
    "risk.manage": {**_always(A, ISO), OFF: OWN_UNIT},
    "risk.review": {**_always(ISO, LEAD), OFF: OWN_UNIT},
    "risk.action_update": {ISO: None, OFF: "action_owner", LEAD: "action_owner",
                           AUD: "action_owner"},
}

SELF_SERVICE: frozenset[str] = frozenset({"account.change_password", "account.set_language"})


def allowed(action: str, roles: Iterable[Role], conditions: Iterable[str] = ()) -> bool:
    """True when a role of the actor may do ``action`` given the ``conditions`` that hold.

    Unknown actions are refused, so a service without an entry cannot run.
    """
    if action in SELF_SERVICE:
        return True
    rule = PERMISSIONS.get(action, {})
    held = set(conditions)
    return any(role in rule and (rule[role] is None or rule[role] in held) for role in roles)
