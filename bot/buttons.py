"""Button data: what every button carries, encoded and parsed in one place.

Telegram limits callback data to 64 bytes and anyone can forge it, so every press is parsed
here into a typed value, or refused (None). The kinds, told apart by their prefix:

| prefix           | value            | pressed by | example                      |
|------------------|------------------|------------|------------------------------|
| `lang:`          | `ChooseLanguage` | the person | `lang:ar`                    |
| `int:`           | `Interpreter`    | the person | `int:ti` (a person with an interpreter) |
| `cb:`            | `CallbackAnswer` | the person | `cb:time:today_morning`      |
| `cb:` (case id)  | `MyRequest`      | the person | `cb:cancel:12`               |
| `w:`             | `CaseAction`     | a worker   | `w:claim:12`                 |
| `fu:`            | `FollowUpAnswer` | the person | `fu:yes:7`, `fu:stuck:7` (check-ins) |
| `rcv:`           | `ReceivesAnswer` | the person | `rcv:n:rsa.css` ("No" for RSA; CSS asked next) |
| `/`              | `IntentPayload`  | the person | `/ask_benefit{"benefit":"rsa"}` (sent to Rasa as is) |

Rasa buttons (rendered by the NLG) carry intent payloads; the other kinds never reach Rasa.
The Telegram gateway and the console chat both read presses with `parse_button`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal, cast, get_args

from bot.estimate.questions import SLOTS, accepted_values
from bot.knowledge.texts import GROUPS
from bot.languages import SUPPORTED_LANGUAGES

MAX_BYTES = 64  # Telegram's limit for callback data

# --- intent payloads: the messages Rasa buttons send back -----------------------------------

BUTTON_INTENTS = frozenset(
    {
        "greet",
        "ask_benefit",
        "check_eligibility",
        "how_to_apply",
        "request_callback",
        "talk_to_human",
        "find_help_nearby",
        "affirm",
        "deny",
        "choose_language",
        "estimate",
        "inform",
        "stop_estimate",
        "estimate_back",
        "ask_privacy",
    }
)
_PAYLOAD = re.compile(
    r'^/(?P<intent>[a-z_]{2,32})(?P<entities>\{"[a-z_]{2,16}":"[a-z0-9_]{2,32}"\})?$'
)
ENTITY_VALUES = {
    "language": frozenset(SUPPORTED_LANGUAGES),
    "rights_group": frozenset(GROUPS),
    **{slot: accepted_values(slot) for slot in SLOTS},
}


def intent_payload(intent: str, **entities: str) -> str:
    """`/intent{"entity":"value"}`, compact so it fits Telegram's 64 bytes."""
    if not entities:
        return f"/{intent}"
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}"


# What may hide a leading slash: spaces of every kind, invisible format characters, and slashes
# that look like "/" (fullwidth, fraction, division) in case something normalises them later.
_SLASHES = "/\uff0f\u2044\u2215"


def as_typed_text(text: str) -> str:
    """A person's text made unable to pass for an intent payload, before it goes to Rasa.

    Rasa reads a message starting with "/" as `/intent{"slot": "value"}` and sets those slots;
    only the button payloads the bot made may do that. So the leading slashes, and the spaces
    and invisible characters before or between them, are dropped.
    """
    start = 0
    while start < len(text) and (text[start] in _SLASHES or text[start].isspace()
                                 or unicodedata.category(text[start]) in ("Cf", "Cc", "Zs")):
        start += 1
    return text[start:]


def parse_payload(payload: str, benefit_ids: frozenset[str]) -> tuple[str, dict[str, str]] | None:
    """The (intent, entities) of a genuine button payload, or None for anything forged."""
    match = _PAYLOAD.match(payload)
    if not match or match["intent"] not in BUTTON_INTENTS:
        return None
    entities: dict[str, str] = json.loads(match["entities"]) if match["entities"] else {}
    for name, value in entities.items():
        allowed = benefit_ids if name == "benefit" else ENTITY_VALUES.get(name)
        if allowed is None or value not in allowed:
            return None
    return match["intent"], entities


# --- typed button data ------------------------------------------------------------------------

CallbackStep = Literal["consent", "method", "time", "interp"]
RequestAction = Literal["change", "cancel"]
WorkerAction = Literal["claim", "release", "done", "cancel"]
# yes/no: the offer of a check-in; the others: the answers to the check-in itself.
FollowUpAction = Literal["yes", "no", "applied", "stuck", "later", "stop"]
Receives = Literal["y", "n", "u"]  # Yes / No / I don't know


@dataclass(frozen=True)
class ChooseLanguage:
    """The language picker."""

    language: str

    def encode(self) -> str:
        return f"lang:{self.language}"


@dataclass(frozen=True)
class Interpreter:
    """"Yes, a person with an interpreter", offered in a language the bot does not speak."""

    language: str  # ISO 639-1 code of the detected language

    def encode(self) -> str:
        return f"int:{self.language}"


@dataclass(frozen=True)
class CallbackAnswer:
    """One answer in the callback-request flow; the flow checks the value fits the step."""

    step: CallbackStep
    value: str

    def encode(self) -> str:
        return f"cb:{self.step}:{self.value}"


@dataclass(frozen=True)
class MyRequest:
    """Change or Cancel under /mycallback."""

    action: RequestAction
    case_id: int

    def encode(self) -> str:
        return f"cb:{self.action}:{self.case_id}"


@dataclass(frozen=True)
class CaseAction:
    """Claim / Release / Done / Cancel on a case card in the workers' group."""

    action: WorkerAction
    case_id: int

    def encode(self) -> str:
        return f"{WORKER_PREFIX}{self.action}:{self.case_id}"


@dataclass(frozen=True)
class FollowUpAnswer:
    """Yes/No to "Shall I check in with you?", or an answer to the check-in (its row id)."""

    action: FollowUpAction
    follow_up_id: int

    def encode(self) -> str:
        return f"fu:{self.action}:{self.follow_up_id}"


@dataclass(frozen=True)
class IntentPayload:
    """A Rasa button: its payload goes to Rasa as the person's message."""

    intent: str
    entities: dict[str, str] = field(default_factory=dict)

    def encode(self) -> str:
        return intent_payload(self.intent, **self.entities)


@dataclass(frozen=True)
class ReceivesAnswer:
    """"Do you already receive it?" after an estimate: the answer about `rights[0]`; the other
    likely rights are asked next, one question at a time (their ids ride along in the data)."""

    answer: Receives
    rights: tuple[str, ...]

    def encode(self) -> str:
        return f"rcv:{self.answer}:{'.'.join(self.rights)}"

    @classmethod
    def fitting(cls, answer: Receives, rights: tuple[str, ...]) -> ReceivesAnswer:
        """The rights still to ask, cut so the data fits Telegram's 64 bytes (the last ones wait)."""
        while len(rights) > 1 and len(cls(answer, rights).encode().encode()) > MAX_BYTES:
            rights = rights[:-1]
        return cls(answer, rights)


WORKER_PREFIX = "w:"  # every workers' button starts with it: refused outside the workers' group


def for_workers(data: str) -> bool:
    return data.startswith(WORKER_PREFIX)


ButtonData = (ChooseLanguage | Interpreter | CallbackAnswer | MyRequest | CaseAction | FollowUpAnswer
              | ReceivesAnswer | IntentPayload)

_CALLBACK = re.compile(r"^cb:(?P<step>[a-z]{1,10}):(?P<value>[a-z_]{1,32})$")
_INTERPRETER = re.compile(r"^int:(?P<code>[a-z]{2,3})$")
_CASE_ID = r"(?P<id>\d{1,10})"
_MY_REQUEST = re.compile(rf"^cb:(?P<action>[a-z]{{1,10}}):{_CASE_ID}$")
_CASE_ACTION = re.compile(rf"^w:(?P<action>[a-z]{{1,10}}):{_CASE_ID}$")
_FOLLOW_UP = re.compile(rf"^fu:(?P<action>[a-z]{{1,10}}):{_CASE_ID}$")
_RECEIVES = re.compile(r"^rcv:(?P<answer>[a-z]):(?P<rights>[a-z_]{2,32}(\.[a-z_]{2,32}){0,9})$")


def parse_button(data: str, benefit_ids: frozenset[str]) -> ButtonData | None:
    """The typed value of a button press, or None for anything stale, malformed or forged."""
    if data.startswith("lang:"):
        language = data.removeprefix("lang:")
        return ChooseLanguage(language) if language in SUPPORTED_LANGUAGES else None
    if match := _INTERPRETER.match(data):
        return Interpreter(match["code"])
    if match := _MY_REQUEST.match(data):
        if match["action"] in get_args(RequestAction):
            return MyRequest(cast(RequestAction, match["action"]), int(match["id"]))
        return None
    if match := _CALLBACK.match(data):
        if match["step"] in get_args(CallbackStep):
            return CallbackAnswer(cast(CallbackStep, match["step"]), match["value"])
        return None
    if match := _CASE_ACTION.match(data):
        if match["action"] in get_args(WorkerAction):
            return CaseAction(cast(WorkerAction, match["action"]), int(match["id"]))
        return None
    if match := _FOLLOW_UP.match(data):
        if match["action"] in get_args(FollowUpAction):
            return FollowUpAnswer(cast(FollowUpAction, match["action"]), int(match["id"]))
        return None
    if match := _RECEIVES.match(data):
        rights = tuple(match["rights"].split("."))
        if (match["answer"] in get_args(Receives) and all(r in benefit_ids for r in rights)
                and len(set(rights)) == len(rights)):
            return ReceivesAnswer(cast(Receives, match["answer"]), rights)
        return None
    parsed = parse_payload(data, benefit_ids)
    return IntentPayload(*parsed) if parsed is not None else None
