"""Organisation (the commune), its units, and its people."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qms.db.base import Base, OrgScoped, Timestamped, UTCDateTime, Versioned


class Organization(Timestamped, Versioned, Base):
    """A commune office (UBND xã): what every PDF header and signature block is made of."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))  # "Xã Nam Trung"
    authority_name: Mapped[str] = mapped_column(String(200))  # "Ủy ban nhân dân xã Nam Trung"
    place_name: Mapped[str] = mapped_column(String(100))  # "Nam Trung" in "Nam Trung, ngày …"
    superior_body: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    document_symbol: Mapped[str] = mapped_column(String(40), default="UBND")
    chairman_name: Mapped[str] = mapped_column(String(120), default="")
    chairman_title: Mapped[str] = mapped_column(String(120), default="Chủ tịch")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")

    units: Mapped[list[Unit]] = relationship(back_populates="organization", order_by="Unit.name")


class Unit(OrgScoped, Timestamped, Versioned, Base):
    """A unit of the commune office (bộ phận), e.g. "Tư pháp - Hộ tịch"."""

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    organization: Mapped[Organization] = relationship(back_populates="units")


class User(OrgScoped, Timestamped, Versioned, Base):
    """A person who signs in. ``password_hash`` is NULL until an administrator sets one."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(160))
    job_title: Mapped[str] = mapped_column(String(160), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    email: Mapped[str] = mapped_column(String(160), default="")
    language: Mapped[str] = mapped_column(String(5), default="vi")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    unit: Mapped[Unit | None] = relationship()
    role_rows: Mapped[list[UserRole]] = relationship(
        cascade="all, delete-orphan", order_by="UserRole.role"
    )

    @property
    def roles(self) -> list[str]:
        return [row.role for row in self.role_rows]


class UserRole(Base):
    """One role held by one user."""

    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)
