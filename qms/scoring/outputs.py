"""What the self-assessment report and the evidence pack print, read from one score sheet."""

from __future__ import annotations

from datetime import date

from qms.core.i18n import t
from qms.core.vn_dates import vn_short_date
from qms.nonconformities.report_queries import org_header
from qms.scoring.pack_report import evidence_pack_zip
from qms.scoring.pack_rules import pack_name
from qms.scoring.queries import SheetDetail, sheet_detail, sheet_id_for, stored_files
from qms.scoring.report import (
    AreaLine,
    CriterionLine,
    PackLine,
    SelfAssessment,
    self_assessment_pdf,
)


def _lines(d: SheetDetail) -> tuple[CriterionLine, ...]:
    lines = []
    for c in d.criteria:
        score = d.scores.get(c.id)
        lines.append(CriterionLine(
            c.code, c.title, c.max_points, score.score if score else None, c.applies,
            c.scorable, score.explanation if score else "",
            tuple(e.label for e in score.evidence) if score else ()))
    return tuple(lines)


def assessment_of(d: SheetDetail, issued_on: date) -> SelfAssessment | None:
    """The report's data for a sheet already read."""
    org = org_header(d.org_id)
    if org is None:
        return None
    p = d.period
    period = f"{p.name} ({vn_short_date(p.start)} – {vn_short_date(p.end)})"
    tot = d.totals
    return SelfAssessment(
        org, d.set.name, d.set.is_sample, period, p.year, issued_on,
        t(f"field.scoring.status.{d.status}", "vi"), d.status == "approved",
        tuple(AreaLine(a.area_number, a.area_title, a.max_points, a.score, a.percent)
              for a in tot.areas),
        tot.max_points, tot.score, tot.percent, _lines(d), d.difficulties, d.recommendations)


def sheet_of_period(org_id: int, period_id: int) -> SheetDetail | None:
    """The newest sheet of a reporting period, with everything the outputs print."""
    sheet_id = sheet_id_for(org_id, period_id)
    return sheet_detail(org_id, sheet_id) if sheet_id is not None else None


def self_assessment_report(org_id: int, sheet_id: int, issued_on: date) -> bytes | None:
    """The self-assessment report of one sheet as PDF bytes."""
    d = sheet_detail(org_id, sheet_id)
    report = assessment_of(d, issued_on) if d is not None else None
    return self_assessment_pdf(report) if report is not None else None


def pack_contents(d: SheetDetail) -> tuple[tuple[PackLine, ...], dict[str, int]]:
    """Index lines and the pack's file names (→ stored file id), in criterion order."""
    taken: set[str] = set()
    lines, names = [], {}
    for c in d.criteria:
        score = d.scores.get(c.id)
        for e in score.evidence if score else ():
            name = ""
            if e.file_id is not None:
                name = pack_name(c.code, e.doc_number, e.file_name or "tep", taken)
                names[name] = e.file_id
            lines.append(PackLine(c.code, c.title, e.doc_number, e.doc_date, e.issuer,
                                  e.title, name))
    return tuple(lines), names


def evidence_pack(org_id: int, sheet_id: int, issued_on: date) -> bytes | None:
    """The evidence pack of one sheet as ZIP bytes."""
    d = sheet_detail(org_id, sheet_id)
    report = assessment_of(d, issued_on) if d is not None else None
    if d is None or report is None:
        return None
    lines, names = pack_contents(d)
    content = stored_files(org_id, list(set(names.values())))
    return evidence_pack_zip(report, lines, {n: content[i] for n, i in names.items()
                                             if i in content})
