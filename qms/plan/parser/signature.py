"""The end of a plan: the closing sentence, "Nơi nhận" recipients and the signature block.

A PDF may print the recipients and the signature side by side; such lines are split into
their columns (three or more spaces apart) before they are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from qms.core.text import fold
from qms.plan.parser.draft import ParseWarning, Signer
from qms.plan.parser.layout import AUTHORITY
from qms.plan.parser.lines import SourceLine, is_upper_text, join_lines

_COLUMNS = re.compile(r"\s{3,}|\t")
_BULLET = re.compile(r"[-–—+•]\s*")
_SIGNED = ("(da ky)", "da ky", "(ky ten, dong dau)", "(ky, ghi ro ho ten)", "(ky va ghi ro ho ten)")
_NAME = re.compile(r"(?:[^\W\d_][\w]*\.?\s+){1,5}[^\W\d_][\w]*")


@dataclass(frozen=True)
class Tail:
    """What follows the sections: closing sentence, recipients, signer."""

    closing: str | None
    recipients: tuple[str, ...]
    signer: Signer | None


@dataclass
class _Reader:
    warnings: list[ParseWarning]
    mode: str = ""
    closing: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: dict[str, str] = field(default_factory=dict)

    def take(self, line: SourceLine, fragment: str) -> None:
        folded = fold(fragment)
        if folded.startswith("noi nhan"):
            self.mode = "recipients"
            self._recipient(fragment.split(":", 1)[1] if ":" in fragment else "", True)
        elif AUTHORITY.match(fragment):
            self.mode = "" if self.mode == "closing" else self.mode
            self.signer.setdefault("authority", fragment)
        elif folded.startswith("tren day la") or self.mode == "closing":
            self.mode = "closing"
            self.closing.append(fragment)
        elif self.mode == "recipients" and _BULLET.match(fragment):
            self._recipient(_BULLET.sub("", fragment, count=1), True)
        elif self.mode == "recipients" and not self._ended() and not is_upper_text(fragment):
            self._recipient(fragment, False)
        else:
            self._signature(line, fragment, folded)

    def _signature(self, line: SourceLine, fragment: str, folded: str) -> None:
        if folded in _SIGNED:
            return
        if is_upper_text(fragment) and "title" not in self.signer:
            self.signer["title"] = fragment
        elif self.signer and "name" not in self.signer and _NAME.fullmatch(fragment):
            self.signer["name"] = fragment
        else:
            self.warnings.append(ParseWarning(
                line.number, "Không xếp được dòng ở phần cuối kế hoạch.", fragment))

    def _recipient(self, text: str, new: bool) -> None:
        text = text.strip()
        if not text:
            return
        if new or not self.recipients:
            self.recipients.append(text)
        else:
            self.recipients[-1] = join_lines([self.recipients[-1], text])

    def _ended(self) -> bool:
        return not self.recipients or self.recipients[-1].endswith((";", "."))


def read_tail(lines: Sequence[SourceLine], warnings: list[ParseWarning]) -> Tail:
    """Read the closing sentence, the recipients and the signer from the last lines."""
    reader = _Reader(warnings)
    for line in lines:
        if not line.text:
            reader.mode = "" if reader.mode == "closing" else reader.mode
            continue
        for fragment in _COLUMNS.split(line.raw):
            if fragment.strip():
                reader.take(line, " ".join(fragment.split()))
    signer = None
    if reader.signer:
        signer = Signer(reader.signer.get("authority"), reader.signer.get("title"),
                        reader.signer.get("name"))
    return Tail(join_lines(reader.closing) or None,
                tuple(r.rstrip(" ;.,") for r in reader.recipients), signer)
