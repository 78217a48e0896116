"""Tables of the app database. No Telegram id, name or message text is ever stored here."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Contact(Base):
    """A person who wrote to the bot, known only by a keyed pseudonym."""

    __tablename__ = "contacts"

    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str | None] = mapped_column(String(8))
    start_payload: Mapped[str | None] = mapped_column(String(64), index=True)  # the site they came from
    first_seen: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    last_seen: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    # Danger words were last used then: a callback request made soon after is flagged urgent.
    danger_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # True once the person picked the language (picker, /language, "write in English"); until then
    # the language follows what they write (bot/gateway/core/language_choice.py).
    language_chosen: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A language the bot does not speak, detected in their messages (ISO 639-1: "ti", "ka"...).
    other_language: Mapped[str | None] = mapped_column(String(16))


class ProcessedUpdate(Base):
    """Each Telegram update once: received, then answered; a restart answers what a crash left.

    Telegram forgets an update once the next poll has started, so the update itself is kept,
    sealed, while it is being handled (`payload_sealed`), and dropped as soon as it is answered.
    """

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[dt.datetime] = mapped_column(  # when it was received
        DateTime(timezone=True), server_default=func.now()
    )
    # received, answered, or abandoned (too old, or it crashed the gateway MAX_ATTEMPTS times)
    state: Mapped[str] = mapped_column(String(16), default="received", index=True)
    run_id: Mapped[str] = mapped_column(String(32), default="")  # the gateway run handling it
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    payload_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)


class CallbackDraftRow(Base):
    """A callback request the person has not finished answering (the phone number sealed)."""

    __tablename__ = "callback_drafts"

    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)
    step: Mapped[str] = mapped_column(String(16))
    consent: Mapped[bool | None] = mapped_column(Boolean)
    method: Mapped[str | None] = mapped_column(String(16))
    phone_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    preferred_time: Mapped[str | None] = mapped_column(String(32))
    interpreter: Mapped[bool | None] = mapped_column(Boolean)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class PersonRoute(Base):
    """How to reach a person back on Telegram: their chat id, encrypted, by pseudonym."""

    __tablename__ = "person_routes"

    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)
    chat_id_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Case(Base):
    """A callback request or a handoff to an outreach worker."""

    __tablename__ = "cases"
    # Case numbers are shown to workers: never reuse one, even after /forget deleted its row.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    language: Mapped[str] = mapped_column(String(8))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    topics: Mapped[str] = mapped_column(String(255), default="")  # benefit ids, comma-separated
    contact_method: Mapped[str] = mapped_column(String(16))  # telegram | phone
    phone_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    preferred_time: Mapped[str] = mapped_column(String(32), default="any")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    # The language detected in the person's messages when the bot does not speak it (ISO 639-1).
    interpreter_language: Mapped[str | None] = mapped_column(String(16))
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # worker pseudonym
    workers_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    card_message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_announced_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class CaseEvent(Base):
    """Audit log: every state transition, with time and pseudonymous actor."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(String(64))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    # Set when the event records an act rather than (only) a transition: "say:<key>", "note",
    # "cancel", by a worker other than the one who claimed the case.
    action: Mapped[str | None] = mapped_column(String(32))


class CaseNote(Base):
    """A worker's internal note on a case; never sent to the person."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    worker: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class RelayedMessage(Base):
    """(person chat message) <-> (workers' group message), so replies and edits relay both ways."""

    __tablename__ = "relayed_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    person_message_id: Mapped[int] = mapped_column(BigInteger)
    workers_message_id: Mapped[int] = mapped_column(BigInteger, index=True)
    direction: Mapped[str] = mapped_column(String(16))  # to_worker | to_person


class PostedMessage(Base):
    """Something the bot posted on Telegram about a person, kept only so it can be deleted there.

    On /forget, when its case closes (the phone number sent privately to a worker) or at retention.
    The row goes once Telegram confirmed (deleted, already gone, or too old and blanked out).
    A private chat's id (the person's, or the worker who got the number) is sealed; the workers'
    group's id is not a person's. A forum topic is kept as kind "topic", its thread id as message id.
    """

    __tablename__ = "posted_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no foreign key: outlives /forget
    chat_id_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # a private chat
    workers_chat_id: Mapped[int | None] = mapped_column(BigInteger)  # or the workers' group
    message_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))  # see bot/db/posted.py: KINDS
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Site(Base):
    """An outreach site (a street round, a food bank...): its deep link's payload, nothing about a
    person. Who arrived through it is `contacts.start_payload`, so /forget and retention take a
    person out of the count with the rest of their record."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    payload: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class FollowUp(Base):
    """A check-in offered after how to apply for a right or an estimate result, then sent and answered.

    States: offered -> declined | pending (due_at set, the chat sealed) -> sent -> answered. The
    answer (applied, stuck, later, stop) and its time stay for /stats: no text is ever kept. The chat
    id lives only as long as a message is to be sent.
    """

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pseudonym: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # right | estimate: what the answer was about
    state: Mapped[str] = mapped_column(String(16), index=True)
    chat_id_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    answer: Mapped[str | None] = mapped_column(String(16))
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class TallyEvent(Base):
    """One anonymous count for /stats: a question about a right, an estimate, a right an estimate
    found likely, an answer to "Do you already receive it?". No pseudonym, no time finer than the
    ISO week: a row cannot be traced back to a person or joined with a conversation."""

    __tablename__ = "tally_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # see bot/db/tallies.py: KINDS
    right: Mapped[str | None] = mapped_column(String(32))  # a knowledge-base id
    language: Mapped[str | None] = mapped_column(String(8))
    week: Mapped[str] = mapped_column(String(8), index=True)  # ISO week, "2026-W49"


class GatewayRun(Base):
    """One run of a gateway process, alive while its heartbeat (`last_seen`) is fresh.

    Several gateways share the database: an update another run received is taken over only once
    that run is known dead (heartbeat stale, or an earlier run of the same instance), never while
    it may still be answering it (`bot/db/gateway_runs.py`).
    """

    __tablename__ = "gateway_runs"

    run_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    # Which gateway this is (the host and where it listens): its next run takes over at once.
    instance: Mapped[str] = mapped_column(String(128), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class JobRun(Base):
    """When a shared job (retention, the members' audit) last ran, whichever gateway ran it: the
    gateway that moves `last_run_at` forward (a compare-and-set) runs it, the others skip."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_run_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[str] = mapped_column(String(32))
