"""What a task sentence carries: cited documents, numeric targets, self-inspection duties."""

from __future__ import annotations

import re

from qms.core.text import fold
from qms.plan.parser.dates import FULL_DATE, read_date
from qms.plan.parser.draft import DocumentReference, Target

# A task is a self-inspection duty when the commune must check itself (matched on fold()).
DUTY_KEYWORDS: tuple[str, ...] = (
    "tự kiểm tra", "tự chấm điểm", "tự đánh giá", "kiểm tra", "giám sát", "rà soát",
    "theo dõi, đánh giá",
)
_DUTY = re.compile(
    "|".join(rf"(?<!\w){re.escape(fold(k))}" for k in DUTY_KEYWORDS)
)

_KINDS = {fold(kind): kind for kind in (
    "Nghị định", "Quyết định", "Kế hoạch", "Thông tư", "Luật", "Chỉ thị", "Nghị quyết")}
_REFERENCE = re.compile(
    r"(?<!\w)(?P<kind>Nghị\s+định|Quyết\s+định|Kế\s+hoạch|Thông\s+tư|Luật|Chỉ\s+thị"
    r"|Nghị\s+quyết)\s+(?:số\s*:?\s*)?"
    r"(?P<number>\d+(?:/\d{4})?[/-][^\W\d_]\w*(?:-\w+)*)"
    rf"(?:\s*,?\s*ngày\s+(?P<date>{FULL_DATE}))?",
    re.IGNORECASE,
)
_ISSUER = re.compile(r"\s*,?\s*của\s+(?P<issuer>[^,;.()]+)", re.IGNORECASE)
_ISSUER_STOP = re.compile(
    r"\s(?:về|v/v|thực hiện|ban hành|quy định|hướng dẫn|phê duyệt|triển khai|trong|tại|đến"
    r"|giai đoạn|nhằm|để|theo|sửa đổi|đối với|và)\s",
    re.IGNORECASE,
)
_ISSUER_WORDS = 10

_NUM = r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?"
_RANGE = re.compile(rf"(?P<low>{_NUM})\s*%?\s*(?:-|–|—|đến|tới)\s*(?P<high>{_NUM})\s*%",
                    re.IGNORECASE)
_SINGLE = re.compile(
    r"(?:(?<!\w)(?P<cmp>không\s+vượt\s+quá|không\s+quá|không\s+dưới|không\s+thấp\s+hơn"
    r"|không\s+ít\s+hơn|tối\s+thiểu|ít\s+nhất|tối\s+đa|cao\s+hơn|thấp\s+hơn|trên|hơn|vượt"
    rf"|dưới)\s+|(?P<sym>[≥≤]|>=|<=|>|<)\s*)?(?P<value>{_NUM})\s*%"
    r"(?P<after>\s+trở\s+(?:lên|xuống))?",
    re.IGNORECASE,
)
_COMPARATORS = {
    "khong vuot qua": "<=", "khong qua": "<=", "toi da": "<=", "≤": "<=", "<=": "<=",
    "khong duoi": ">=", "khong thap hon": ">=", "khong it hon": ">=", "toi thieu": ">=",
    "it nhat": ">=", "≥": ">=", ">=": ">=",
    "cao hon": ">", "tren": ">", "hon": ">", "vuot": ">", ">": ">",
    "thap hon": "<", "duoi": "<", "<": "<",
    "tro len": ">=", "tro xuong": "<=",
}


def is_duty(text: str) -> bool:
    """Whether a task obliges the commune to check itself (accent- and case-insensitive)."""
    return bool(_DUTY.search(fold(text)))


def find_references(text: str) -> tuple[DocumentReference, ...]:
    """Documents cited by number in ``text``, each once, in order of first mention."""
    found: dict[str, DocumentReference] = {}
    for _, reference in find_citations(text):
        found.setdefault(fold(reference.number), reference)
    return tuple(found.values())


def find_citations(text: str) -> list[tuple[int, DocumentReference]]:
    """Every citation in ``text`` with the offset where it starts, repeats included."""
    citations: list[tuple[int, DocumentReference]] = []
    for match in _REFERENCE.finditer(text):
        raw_date = match.group("date")
        citations.append((match.start(), DocumentReference(
            kind=_KINDS[fold(match.group("kind"))], number=match.group("number"),
            date=read_date(raw_date) if raw_date else None,
            issuer=issuer_after(text[match.end():]), text=match.group(0),
        )))
    return citations


def issuer_after(rest: str) -> str | None:
    """The body named by "của …" right after a citation ("của UBND huyện thực hiện …")."""
    match = _ISSUER.match(rest)
    if not match:
        return None
    issuer = _ISSUER_STOP.split(f"{match.group('issuer')} ", maxsplit=1)[0].strip()
    words = issuer.split()
    if not words or not words[0][0].isupper() or len(words) > _ISSUER_WORDS:
        return None
    return issuer


def find_targets(text: str) -> tuple[Target, ...]:
    """Percent targets in ``text``: "100%" (=), "98%-100%" (range), "trên 90%" (>)."""
    targets: list[tuple[int, Target]] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(text):
        low, high = _number(match.group("low")), _number(match.group("high"))
        if low < high:
            targets.append((match.start(), Target("range", low, high, "%", match.group(0))))
            taken.append(match.span())
    for match in _SINGLE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        targets.append((match.start(), Target(_comparator(match), _number(
            match.group("value")), None, "%", match.group(0).strip())))
    return tuple(target for _, target in sorted(targets, key=lambda item: item[0]))


def _comparator(match: re.Match[str]) -> str:
    if match.group("after"):
        return _COMPARATORS[fold(match.group("after"))]
    written = match.group("cmp") or match.group("sym")
    return _COMPARATORS.get(fold(written), "=") if written else "="


def _number(text: str) -> float:
    return float(text.replace(",", "."))
