"""Who issues a document: the commune's committee as the ND 30 header and signature print it,
shared by every report of every feature."""

from __future__ import annotations

from dataclasses import dataclass

from qms.core.text import clean
from qms.reports.frame import Issuer


@dataclass(frozen=True)
class OrgHeader:
    """Who issues the document: the commune's committee as the header and signature print it."""

    authority_name: str  # "Ủy ban nhân dân xã Nam Trung"
    place: str
    superior: str = ""
    symbol: str = "UBND"
    chairman_name: str = ""
    chairman_title: str = "Chủ tịch"


def issuer(org: OrgHeader) -> Issuer:
    """"ỦY BAN NHÂN DÂN" / "XÃ NAM TRUNG" from the authority's name."""
    name = clean(org.authority_name)
    head = "ủy ban nhân dân"
    rest = name[len(head):].strip() if name.lower().startswith(head) else ""
    lines = ("ỦY BAN NHÂN DÂN", rest.upper()) if rest else (name.upper(),)
    return Issuer(name_lines=lines, place=org.place, superior=org.superior,
                  abbreviation=org.symbol or "UBND")
