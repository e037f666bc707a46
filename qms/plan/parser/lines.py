"""Lines of a plan text as PDFs give them: normalised, classified, grouped into paragraphs.

A PDF hard-wraps every line and sometimes leaves a blank line inside a sentence, so a
paragraph ("block") is rebuilt from its lines: a new block starts at a numbering mark, after
a blank line when the previous text ended a sentence and the new one starts in capitals, or
after a short unfinished line (a heading) followed by a capital.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from qms.core.text import nfc

# Word's Symbol-font bullets come out of PDFs as private-use characters.
_PRIVATE_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•",
                                  "\uf0fc": "•", "\uf02d": "-"})
_ROMAN = re.compile(r"(?P<m>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s*(?P<body>[^\W\d_].*)")
_NUMBER_DEEP = re.compile(r"(?P<m>\d{1,2}(?:\.\d{1,2})+)(?:\.\s*|\)\s*|\s+)(?P<body>[^\W\d_].*)")
_NUMBER = re.compile(r"(?P<m>\d{1,2})[.)]\s*(?P<body>[^\W\d_].*)")
_LETTER = re.compile(r"(?P<m>[a-zđ])[).]\s*(?P<body>[^\W\d_].*)")
_BULLET = re.compile(r"(?P<m>[-–—+•*·●▪◦○►➢❖✓])\s*(?P<body>\S.*)")
_DASHES = "-–—"
_PAGE_NUMBER = re.compile(
    r"(?:-\s*)?\d{1,3}(?:\s*-)?|(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3}"
)
_TIGHT_END = re.compile(r"\S[-/]$")
SENTENCE_ENDS = ".:;!?…"
SHORT_LINE = 0.6


@dataclass(frozen=True)
class Marker:
    """A numbering mark: ``key`` its level ("number:1"), ``value`` ("1.1"), ``written`` ("1.1.")."""

    key: str
    value: str
    written: str


@dataclass(frozen=True)
class SourceLine:
    """One source line: ``text`` has its spaces collapsed, ``body`` is the text after the mark."""

    number: int
    raw: str
    text: str
    marker: Marker | None
    body: str


@dataclass(frozen=True)
class Block:
    """A paragraph rebuilt from wrapped lines; ``text`` excludes the numbering mark."""

    marker: Marker | None
    line: int
    text: str

    @property
    def full_text(self) -> str:
        """The text with its numbering mark, as written."""
        return f"{self.marker.written} {self.text}" if self.marker else self.text


def source_lines(text: str) -> list[SourceLine]:
    """Split a plan text into classified lines: NFC, no BOM, any line ending, 1-based numbers."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").translate(_PRIVATE_BULLETS)
    cleaned = "".join(_clean_char(ch) for ch in text)
    return [classify_line(number, raw) for number, raw in enumerate(cleaned.split("\n"), 1)]


def _clean_char(ch: str) -> str:
    if ch in "\n\t":
        return ch
    category = unicodedata.category(ch)
    if category == "Cf":  # BOM, zero-width spaces, soft hyphens
        return ""
    return " " if category in ("Cc", "Zl", "Zp", "Zs") else ch


def classify_line(number: int, raw: str) -> SourceLine:
    """Read the numbering mark at the start of a line, if any."""
    text = " ".join(raw.split())
    for key, pattern in (("roman", _ROMAN), ("number", _NUMBER_DEEP), ("number", _NUMBER),
                         ("letter", _LETTER)):
        match = pattern.fullmatch(text)
        if match and match.group("body")[0].isupper():
            value = match.group("m")
            if key == "number":
                key = f"number:{value.count('.') + 1}"
            written = text[:match.start("body")].strip()
            return SourceLine(number, raw, text, Marker(key, value, written), match.group("body"))
    bullet = _BULLET.fullmatch(text)
    if bullet and not is_page_number(text):
        value = bullet.group("m")
        key = "bullet:-" if value in _DASHES else f"bullet:{value}"
        return SourceLine(number, raw, text, Marker(key, value, value), bullet.group("body"))
    return SourceLine(number, raw, text, None, text)


def is_page_number(text: str) -> bool:
    """A page number or "Trang 2" left in the text by a PDF."""
    return bool(_PAGE_NUMBER.fullmatch(text.strip().lower()))


def starts_upper(text: str) -> bool:
    """Whether the first letter or digit of ``text`` is a capital letter."""
    for ch in text:
        if ch.isalnum():
            return ch.isupper()
    return False


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with sentence-final punctuation."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in SENTENCE_ENDS


def is_upper_text(text: str) -> bool:
    """A line written in capitals (a heading), with at least three letters."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def join_lines(parts: Sequence[str]) -> str:
    """Re-join wrapped lines with single spaces; "NĐ-" + "CP" and "61/" + "2018" stay tight."""
    joined = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if joined and not _TIGHT_END.search(joined):
            joined += " "
        joined += part
    return joined


def typical_width(lines: Sequence[SourceLine]) -> int:
    """The width the text was wrapped at: the upper quartile of line lengths."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    return lengths[(len(lengths) * 3) // 4] if lengths else 0


def group_blocks(lines: Sequence[SourceLine], width: int) -> list[Block]:
    """Rebuild paragraphs from wrapped lines (blank lines are ``SourceLine`` with no text)."""
    groups: list[tuple[SourceLine, list[str]]] = []
    previous: SourceLine | None = None
    after_blank = False
    for line in lines:
        if not line.text:
            after_blank = previous is not None
            continue
        if previous is None or _starts_block(line, previous, after_blank, width):
            groups.append((line, [line.body]))
        else:
            groups[-1][1].append(line.text)
        previous, after_blank = line, False
    return [Block(first.marker, first.number, join_lines(parts)) for first, parts in groups]


def _starts_block(line: SourceLine, previous: SourceLine, after_blank: bool, width: int) -> bool:
    if line.marker is not None:
        return after_blank or not _dash_inside_sentence(line, previous, width)
    if not starts_upper(line.text):
        return False
    if after_blank:
        return ends_sentence(previous.text)
    return _is_short(previous, width) and not previous.text.endswith((",", "-", "/"))


def _dash_inside_sentence(line: SourceLine, previous: SourceLine, width: int) -> bool:
    """"Tài chính" / "– Kế toán": a dash that continues an unfinished wrapped line."""
    marker = line.marker
    if marker is None or marker.value not in _DASHES or ends_sentence(previous.text):
        return False
    if previous.marker is not None and previous.marker.key == "roman":
        return False
    lower = not starts_upper(line.body)
    if marker.value == "-":
        return lower and not _is_short(previous, width)
    return lower or not _is_short(previous, width)


def _is_short(line: SourceLine, width: int) -> bool:
    return len(line.text) < SHORT_LINE * width
