"""Navigation as data: every page, its title, icon, group and the roles that see it.

The smoke test runs each entry as every role and fails when a file in ``pages/`` is missing
here, so a page cannot be added without deciding who may open it.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms.core.roles import ALL_ROLES, Role

A, ISO, AUD, OFF, LEAD, VIEW = (
    Role.ADMIN, Role.ISO_OFFICER, Role.AUDITOR, Role.OFFICER, Role.LEADER, Role.VIEWER,
)


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


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", "app.py", "page.home", "🏠", "group.overview", ALL_ROLES),
    PageSpec("my_work", "pages/05_viec_cua_toi.py", "page.my_work", "📌", "group.overview",
             ALL_ROLES),
    PageSpec("nonconformities", "pages/30_khong_phu_hop.py", "page.nonconformities", "⚠️",
             "group.quality", ALL_ROLES),
    PageSpec("onestop", "pages/31_mot_cua.py", "page.onestop", "🏢", "group.quality",
             ALL_ROLES),
    PageSpec("voice", "pages/32_y_kien_nguoi_dan.py", "page.voice", "🗣️", "group.quality",
             ALL_ROLES),
    PageSpec("risks", "pages/33_rui_ro.py", "page.risks", "🎲", "group.quality", ALL_ROLES),
    PageSpec("plan", "pages/10_ke_hoach.py", "page.plan", "📋", "group.plan", ALL_ROLES),
    PageSpec("plan_import", "pages/11_nhap_ke_hoach.py", "page.plan_import", "📥", "group.plan",
             frozenset({A, ISO})),
    PageSpec("traceability", "pages/12_truy_vet.py", "page.traceability", "🧭", "group.plan",
             ALL_ROLES),
    PageSpec("evidence", "pages/13_tai_lieu_kiem_chung.py", "page.evidence", "🗂️", "group.plan",
             ALL_ROLES),
    PageSpec("duties", "pages/14_tu_kiem_tra.py", "page.duties", "🧾", "group.plan",
             ALL_ROLES),
    PageSpec("scoring", "pages/15_tu_cham_diem.py", "page.scoring", "🎯", "group.plan",
             ALL_ROLES),
    PageSpec("period_report", "pages/16_bao_cao_dinh_ky.py", "page.period_report", "📊",
             "group.plan", ALL_ROLES),
    PageSpec("documents", "pages/20_quy_trinh.py", "page.documents", "📑", "group.documents",
             ALL_ROLES),
    PageSpec("audit_programme", "pages/40_chuong_trinh_danh_gia.py", "page.audit_programme", "🗓️",
             "group.audit", frozenset({A, ISO, AUD, LEAD})),
    PageSpec("audit", "pages/41_cuoc_danh_gia.py", "page.audit", "🔍", "group.audit",
             frozenset({A, ISO, AUD, LEAD})),
    PageSpec("audit_fill", "pages/42_bang_cau_hoi.py", "page.audit_fill", "✅", "group.audit",
             frozenset({A, ISO, AUD})),
    PageSpec("audit_bank", "pages/43_ngan_hang_cau_hoi.py", "page.audit_bank", "🗃️",
             "group.audit", frozenset({A, ISO})),
    PageSpec("management_review", "pages/50_xem_xet_lanh_dao.py", "page.management_review",
             "📝", "group.review", ALL_ROLES),
    PageSpec("account", "pages/80_tai_khoan.py", "page.account", "👤", "group.personal",
             ALL_ROLES),
    PageSpec("organization", "pages/90_to_chuc.py", "page.organization", "🏛️", "group.admin",
             frozenset({A, ISO})),
    PageSpec("users", "pages/91_nguoi_dung.py", "page.users", "👥", "group.admin",
             frozenset({A})),
    PageSpec("audit_log", "pages/92_nhat_ky.py", "page.audit_log", "📜", "group.admin",
             frozenset({A, ISO})),
    PageSpec("backup", "pages/93_sao_luu.py", "page.backup", "💾", "group.admin",
             frozenset({A})),
)

GROUP_ORDER = ("group.overview", "group.plan", "group.quality", "group.audit", "group.review",
               "group.documents", "group.personal", "group.admin")


def page(key: str) -> PageSpec:
    """The registry entry for ``key`` (a page asking for an unknown key is a bug)."""
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)


def visible_pages(roles: frozenset[Role]) -> list[PageSpec]:
    """The pages a user with ``roles`` sees, in registry order."""
    return [spec for spec in PAGES if spec.allows(roles)]
