"""All mapped tables, one import per feature's models; importing this module registers them on
``Base.metadata`` (Alembic's env and the tests load it)."""

from qms.audits.models import (
    Audit,
    AuditProgramme,
    BankQuestion,
    ChecklistAttachment,
    ChecklistItem,
    Finding,
)
from qms.auth.models import Organization, Unit, User, UserRole
from qms.auth.session_models import AuthSession
from qms.documents.models import Document, DocumentRevision, RevisionAttachment
from qms.duties.models import DutyReport, DutyReportEvent, DutyReportEvidence, SelfInspectionDuty
from qms.nonconformities.models import (
    CorrectiveAction,
    NcAttachment,
    NcCounter,
    NcSettings,
    Nonconformity,
    Verification,
)
from qms.onestop.models import NcProposal, OneStopFigures
from qms.plan.models import (
    Plan,
    PlanArea,
    PlanTarget,
    PlanTask,
    ReportingPeriod,
    Responsibility,
    TargetMeasurement,
)
from qms.review.models import ManagementReview, PeriodReport, ReviewAction, ReviewInput
from qms.risks.models import Risk, RiskAction, RiskReview
from qms.scoring.models import CriteriaSet, IndexCriterion, ScoreSheet, SelfScore, SelfScoreEvidence
from qms.trace.file_models import Evidence, StoredFile
from qms.trace.models import TraceLink
from qms.trail.models import AuditChain, AuditLog
from qms.voice.models import CitizenFeedback, SatisfactionCriterion, SatisfactionSurvey

__all__ = [
    "CorrectiveAction", "NcAttachment", "NcCounter", "NcProposal", "NcSettings",
    "Nonconformity", "OneStopFigures", "Verification",
    "AuditChain",
    "AuditLog", "AuthSession", "Evidence", "Organization", "Plan", "PlanArea", "PlanTarget",
    "PlanTask", "ReportingPeriod", "Responsibility", "StoredFile", "TargetMeasurement",
    "TraceLink", "Unit", "User", "UserRole",
    "Document", "DocumentRevision", "RevisionAttachment",
    "Audit", "AuditProgramme", "BankQuestion", "ChecklistAttachment", "ChecklistItem", "Finding",
    "ManagementReview", "PeriodReport", "ReviewAction", "ReviewInput",
    "DutyReport", "DutyReportEvent", "DutyReportEvidence", "SelfInspectionDuty",
    "Risk", "RiskAction", "RiskReview",
    "CriteriaSet", "IndexCriterion", "ScoreSheet", "SelfScore", "SelfScoreEvidence",
    "CitizenFeedback", "SatisfactionCriterion", "SatisfactionSurvey",
]
