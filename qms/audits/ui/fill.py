"""The auditor's checklist: one card per question, each change saved the moment it is made.

Widgets call the service from ``on_change`` callbacks, so nothing waits for a submit button:
a closed tab or a reload loses at most the field being typed. The question's version is
kept in session state; a stale one shows what the other auditor saved instead.
"""

from __future__ import annotations

import streamlit as st

from qms.audits import answers as audit_answers
from qms.audits.answers import AnswerInput
from qms.audits.queries import ItemView
from qms.audits.rules import DEFAULT_SCALE
from qms.core import clock
from qms.core.actor import Actor
from qms.core.errors import DomainError
from qms.core.i18n import t

CODES = [o.code for o in DEFAULT_SCALE]
PREFIX = "audit.fill"


def key(item_id: int, name: str) -> str:
    """The widget key of one field of one question (the page's test interface)."""
    return f"{PREFIX}.{item_id}.{name}"


def _version_key(item_id: int) -> str:
    return key(item_id, "version")


def _save(actor: Actor, item_id: int) -> None:
    state = st.session_state
    data = AnswerInput(state.get(key(item_id, "result")),
                       state.get(key(item_id, "evidence"), ""), state.get(key(item_id, "note"), ""))
    try:
        saved = audit_answers.record_answer(actor, item_id, data, state[_version_key(item_id)])
    except DomainError as exc:
        state[key(item_id, "error")] = exc.message()
        state.pop(_version_key(item_id), None)  # the next run reloads what was saved
        for name in ("result", "evidence", "note"):
            state.pop(key(item_id, name), None)
        return
    state[_version_key(item_id)] = saved.version
    state.pop(key(item_id, "error"), None)
    state[key(item_id, "saved")] = True


def _attach(actor: Actor, item_id: int) -> None:
    for name in ("upload", "camera"):
        uploaded = st.session_state.get(key(item_id, name))
        if uploaded is None:
            continue
        try:
            audit_answers.attach_file(actor, item_id, uploaded.name or "anh.jpg",
                                      uploaded.getvalue())
        except DomainError as exc:
            st.session_state[key(item_id, "error")] = exc.message()


# Tablet use: 44 px touch targets for the result choices and file buttons of each card.
TOUCH_CSS = """<style>
[class*="st-key-audit-fill-"] [data-testid="stRadio"] label { min-height: 44px;
  padding: 4px 12px 4px 0; align-items: center; }
[class*="st-key-audit-fill-"] button { min-height: 44px; }
</style>"""


def touch_style() -> None:
    """Larger touch targets on the checklist cards (no script, style only)."""
    st.html(TOUCH_CSS)


def progress(items: list[ItemView]) -> None:
    """How far the auditor is: a bar and "answered / total"."""
    done = sum(1 for i in items if i.result is not None)
    total = len(items) or 1
    st.progress(done / total, text=t("audit.fill.progress", done=done, total=len(items)))


def question_card(actor: Actor, item: ItemView) -> None:
    """One question with its result, evidence, note and photos; every change saves at once."""
    if _version_key(item.id) not in st.session_state:
        st.session_state[_version_key(item.id)] = item.version
    with st.container(border=True, key=key(item.id, "card")):
        st.markdown(f"**{item.ordinal}. [{item.clause}] {item.question}**")
        if item.evidence_hint:
            st.caption(t("audit.fill.hint", hint=item.evidence_hint))
        error = st.session_state.get(key(item.id, "error"))
        if error:
            st.error(error)
        st.radio(t("audit.fill.result"), CODES, index=CODES.index(item.result)
                 if item.result in CODES else None, key=key(item.id, "result"),
                 format_func=lambda c: t(f"audit.result.{c}"), horizontal=True,
                 on_change=_save, args=(actor, item.id))
        st.text_area(t("field.audit.evidence_seen"), item.evidence_seen,
                     key=key(item.id, "evidence"), on_change=_save, args=(actor, item.id),
                     height=80)
        st.text_area(t("field.audit.note"), item.note, key=key(item.id, "note"),
                     on_change=_save, args=(actor, item.id), height=80)
        _files(actor, item)
        if item.answered_at is not None:
            st.caption(t("audit.fill.saved_by", name=item.answered_by,
                         at=item.answered_at.astimezone(clock.VN_TZ).strftime("%d/%m/%Y %H:%M")))


def _files(actor: Actor, item: ItemView) -> None:
    if item.files:
        st.caption(t("audit.fill.files", names=", ".join(name for _, name in item.files)))
    st.file_uploader(t("audit.fill.upload"), type=["png", "jpg", "jpeg", "pdf"],
                     key=key(item.id, "upload"), on_change=_attach, args=(actor, item.id))
    if st.toggle(t("audit.fill.camera_on"), key=key(item.id, "camera_on")):
        st.camera_input(t("audit.fill.camera"), key=key(item.id, "camera"),
                        on_change=_attach, args=(actor, item.id))
