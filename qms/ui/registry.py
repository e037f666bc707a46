"""Navigation as data: every page, its title, icon, group and the roles that see it.

The smoke test runs each entry as every role and fails when a file in ``pages/`` is missing
here, so a page cannot be added without deciding who may open it.
"""

from __future__ import annotations

from qms.core.feature import PageSpec
from qms.core.roles import Role
from qms.features import pages

PAGES: tuple[PageSpec, ...] = pages()  # every feature's pages (qms/<feature>/feature.py)

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
