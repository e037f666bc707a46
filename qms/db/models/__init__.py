"""All mapped tables; importing this package registers them on ``Base.metadata``."""

from qms.db.models.audit import AuditLog
from qms.db.models.auth import AuthSession
from qms.db.models.org import Organization, Unit, User, UserRole

__all__ = ["AuditLog", "AuthSession", "Organization", "Unit", "User", "UserRole"]
