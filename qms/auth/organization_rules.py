"""What a commune (or ward) is on paper: the fields its letterhead and records print."""

from __future__ import annotations

from dataclasses import dataclass, fields

from qms.core import validation as v
from qms.core.text import fold


@dataclass(frozen=True)
class OrgInput:
    """What the organisation form and the first-start form collect."""

    name: str
    authority_name: str
    place_name: str
    superior_body: str = ""
    province: str = ""
    document_symbol: str = "UBND"
    chairman_name: str = ""
    chairman_title: str = "Chủ tịch"
    address: str = ""
    phone: str = ""
    email: str = ""

    def cleaned(self) -> OrgInput:
        """Validated copy: required names present, every field NFC and capped."""
        required = {"name", "authority_name", "place_name", "document_symbol"}
        values = {
            f.name: v.text(getattr(self, f.name), f"field.org.{f.name}", max_len=200,
                           required=f.name in required)
            for f in fields(self)
        }
        values["email"] = v.email(values["email"])
        return OrgInput(**values)


ORG_FIELDS = tuple(f.name for f in fields(OrgInput))


def org_code(name: str) -> str:
    """A stable ASCII code from the commune name ("Xã Nam Trung" -> "xa-nam-trung")."""
    return "-".join(fold(name).replace("/", " ").split())[:40] or "org"
