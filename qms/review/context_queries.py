"""Management-review inputs ISO 9.3.2 b (changes in external and internal issues: the legal
bases the plan rests on, plans imported or revised) and 9.3.2 d (the adequacy of resources:
the people of each unit, the internal auditors, who joined or left in the window)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from qms.auth.models import Unit, User, UserRole
from qms.core.clock import VN_TZ
from qms.core.roles import Role
from qms.core.vn_dates import vn_short_date
from qms.db.uow import read_session
from qms.plan.models import Plan
from qms.reports.sections import Section, in_window, window_text
from qms.trail.models import AuditLog


def _instants(start: date, end: date) -> tuple[datetime, datetime]:
    """The window as UTC instants: from 00:00 of ``start`` to before 00:00 after ``end``,
    Vietnam time (the days of the window are local days)."""
    return (datetime.combine(start, time(), VN_TZ).astimezone(UTC),
            datetime.combine(end + timedelta(days=1), time(), VN_TZ).astimezone(UTC))


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def context_section(org_id: int, start: date, end: date) -> Section | None:
    """Legal bases of the organisation's plans issued in the window, and the plans imported
    (or imported again as a new version) in it."""
    since, until = _instants(start, end)
    with read_session() as s:
        plans = s.execute(select(Plan.year, Plan.version_no, Plan.title, Plan.created_at,
                                 Plan.basis)
                          .where(Plan.organization_id == org_id)
                          .order_by(Plan.year, Plan.version_no)).all()
    rows: list[tuple[str, ...]] = []
    bases: set[tuple[str, str]] = set()
    imported = 0
    for year, version, title, created, basis in plans:
        if since <= created.astimezone(UTC) < until:
            imported += 1
            kind = "Nhập kế hoạch" if version == 1 else f"Nhập lại kế hoạch (lần {version})"
            rows.append((kind, f"{title} (năm {year})",
                         vn_short_date(created.astimezone(VN_TZ).date()), ""))
        for ref in basis or []:
            day = _day(ref.get("date"))
            key = (str(ref.get("number", "")), str(ref.get("date", "")))
            if in_window(day, start, end) and key not in bases:
                bases.add(key)
                rows.append(("Căn cứ pháp lý mới", str(ref.get("text") or ref.get("number")),
                             vn_short_date(day), str(ref.get("issuer", ""))))
    if not rows:
        return None
    return Section(
        "context", "Những thay đổi về các vấn đề bên ngoài và nội bộ",
        f"Trong kỳ ({window_text(start, end)}) có {len(bases)} văn bản làm căn cứ pháp lý "
        f"mới của Kế hoạch CCHC và {imported} lần nhập kế hoạch.",
        ("Thay đổi", "Nội dung", "Ngày", "Cơ quan ban hành"), tuple(rows),
        {"legal_bases": len(bases), "plans_imported": imported})


def resources_section(org_id: int, start: date, end: date) -> Section | None:
    """The people each unit has (active accounts), how many are internal auditors, and the
    accounts created or disabled in the window (from the audit trail)."""
    since, until = _instants(start, end)
    with read_session() as s:
        people = s.execute(select(Unit.name, func.count(User.id))
                           .join(User, User.unit_id == Unit.id)
                           .where(Unit.organization_id == org_id, User.is_active.is_(True))
                           .group_by(Unit.name).order_by(Unit.name)).all()
        auditors = s.execute(select(Unit.name, func.count(UserRole.user_id))
                             .join(User, User.unit_id == Unit.id)
                             .join(UserRole, UserRole.user_id == User.id)
                             .where(Unit.organization_id == org_id, User.is_active.is_(True),
                                    UserRole.role == Role.AUDITOR.value)
                             .group_by(Unit.name)).all()
        changes = Counter(s.scalars(select(AuditLog.action).where(
            AuditLog.organization_id == org_id,
            AuditLog.action.in_(("user.create", "user.disable")),
            AuditLog.occurred_at >= since, AuditLog.occurred_at < until)))
    if not people:
        return None
    by_unit = dict(auditors)
    rows = tuple((name, str(n), str(by_unit.get(name, 0))) for name, n in people)
    total, total_auditors = sum(n for _, n in people), sum(by_unit.values())
    joined, left = changes["user.create"], changes["user.disable"]
    return Section(
        "resources", "Sự đầy đủ của nguồn lực",
        f"Đơn vị có {total} công chức, người lao động đang sử dụng hệ thống ở {len(people)} "
        f"bộ phận, trong đó {total_auditors} đánh giá viên nội bộ. Trong kỳ "
        f"({window_text(start, end)}): {joined} tài khoản được tạo, {left} tài khoản bị khóa.",
        ("Bộ phận", "Số người", "Đánh giá viên nội bộ"), rows,
        {"people": total, "auditors": total_auditors, "joined": joined, "left": left})
