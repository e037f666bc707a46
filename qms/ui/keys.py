"""Session-state keys shared across pages (widget keys live beside their widgets)."""

SESSION_ID = "qms.auth.session_id"
PENDING_CLAIM = "qms.auth.pending_claim"
CLEAR_COOKIE = "qms.auth.clear_cookie"
COOKIE_NAME = "qms_session"
SESSION_ROUTE = "/_qms/session"
CLEAR_ROUTE = "/_qms/session/clear"
