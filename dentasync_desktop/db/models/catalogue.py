"""Services with their prices and the task templates that "plan automatically" uses."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class Service(Base):
    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_price_minor: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    active: Mapped[bool] = mapped_column(default=True)

    task_templates: Mapped[list[TaskTemplate]] = relationship(
        back_populates="service", order_by="TaskTemplate.position", cascade="all, delete-orphan"
    )


class TaskTemplate(Base):
    __tablename__ = "task_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    days_offset: Mapped[int] = mapped_column(default=0)

    service: Mapped[Service] = relationship(back_populates="task_templates")
