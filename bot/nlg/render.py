"""Render a Rasa response name into text and buttons in the conversation's language.

Each response is one small function; `RESPONSES` maps Rasa response names to them. Functions
receive a `Context` and return a `Reply`. They never invent amounts: amounts come from the
knowledge base (OpenFisca-France) and are formatted by Babel for the person's locale.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.i18n import N_, Translator, right_to_left
from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.knowledge.texts import GROUPS, PAID_BY
from bot.languages import LANGUAGES
from bot.nlg.follow_up import follow_up_mark
from bot.nlg.payloads import intent_payload
from bot.nlg.tally import tally_mark
from bot.safety import EMERGENCY_NUMBERS, NUMBERS_BY_DANGER


@dataclass
class Button:
    title: str
    payload: str

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    custom: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"text": self.text, "buttons": [b.as_dict() for b in self.buttons]}
        if self.custom:
            body["custom"] = self.custom
        return body


@dataclass
class Context:
    _: Translator
    arguments: dict[str, Any]
    slots: dict[str, Any]
    kb: KnowledgeBase
    today: dt.date

    def benefit_id(self) -> str | None:
        candidate = self.arguments.get("benefit") or self.slots.get("benefit")
        return candidate if candidate in self.kb else None


Renderer = Callable[[Context], Reply]
RESPONSES: dict[str, Renderer] = {}


def response(name: str) -> Callable[[Renderer], Renderer]:
    def register(func: Renderer) -> Renderer:
        RESPONSES[name] = func
        return func

    return register


# --- buttons shared by many replies -------------------------------------------------------


def human_button(ctx: Context) -> Button:
    return Button(ctx._.gettext(N_("Talk to a person")), intent_payload("talk_to_human"))


def callback_button(ctx: Context) -> Button:
    return Button(ctx._.gettext(N_("Call me back")), intent_payload("request_callback"))


def estimate_button(ctx: Context) -> Button:
    return Button(ctx._.gettext(N_("Estimate my rights (8 questions)")), intent_payload("estimate"))


def rights_button(ctx: Context) -> Button:
    return Button(ctx._.gettext(N_("See all rights")), intent_payload("ask_benefit"))


SHORT_NAMES = {
    "rsa": N_("RSA (income support)"),
    "prime_activite": N_("Prime d'activité (work bonus)"),
    "aide_logement": N_("Housing aid (APL)"),
    "css": N_("Health cover for a low income (C2S)"),
    "aah": N_("Disability allowance (AAH)"),
    "allocations_familiales": N_("Family allowances"),
    "ame": N_("Health care without papers (AME)"),
    "domiciliation": N_("An address for your mail"),
    "fsl": N_("Help to move in or stay (FSL)"),
    "cheque_energie": N_("Energy voucher (chèque énergie)"),
    "puma": N_("Health insurance (PUMa)"),
    "aspa": N_("Old-age minimum (ASPA)"),
    "complement_familial": N_("Families of 3 children or more"),
    "ars": N_("Back-to-school allowance (ARS)"),
    "asf": N_("Child raised alone (ASF)"),
    "cej": N_("Young people: help to find work (CEJ)"),
    "bourse_crous": N_("Student grant (CROUS)"),
    "droit_au_compte": N_("Right to a bank account"),
    "aide_juridictionnelle": N_("Legal aid"),
    "ada": N_("Asylum seeker's allowance (ADA)"),
    "prime_noel": N_("Christmas bonus (prime de Noël)"),
    "are": N_("Unemployment benefit (ARE)"),
    "ass": N_("After unemployment benefit ends (ASS)"),
    "paje": N_("Money for a baby (PAJE)"),
    "aeeh": N_("Disabled child (AEEH)"),
    "pch": N_("Help for a disability: care, equipment (PCH)"),
    "apa": N_("Older people: help at home (APA)"),
    "aide_alimentaire": N_("Food: parcels, meals"),
    "dalo": N_("Right to housing (DALO)"),
    "soins_urgents": N_("Sick, no health cover yet"),
}


def short_name(ctx: Context, benefit_id: str) -> str:
    return ctx._.gettext(SHORT_NAMES[benefit_id])


def amounts(ctx: Context, benefit_id: str) -> dict[str, str]:
    return {name: ctx._.money(value) for name, value in ctx.kb.amounts(benefit_id, ctx.today).items()}


# --- conversation -------------------------------------------------------------------------


@response("utter_greet")
def greet(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(
            N_(
                "Hello! I can tell you which rights you may have in France, how much, "
                "and how to ask for them. Write your question in your own words, "
                "or choose a topic."
            )
        ),
        [estimate_button(ctx), rights_button(ctx), human_button(ctx)],
    )


@response("utter_goodbye")
def goodbye(ctx: Context) -> Reply:
    return Reply(ctx._.gettext(N_("Goodbye. You can write to me again at any time.")))


@response("utter_thank")
def thank(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(N_("You are welcome. Can I help with something else?")),
        [rights_button(ctx), human_button(ctx)],
    )


@response("utter_anything_else")
def anything_else(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(N_("What else can I do for you? Ask your question, or choose a topic.")),
        [rights_button(ctx), human_button(ctx)],
    )


@response("utter_default")
def default(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(
            N_("Sorry, I did not understand. Try other words, or choose a topic below.")
        ),
        [rights_button(ctx), human_button(ctx), callback_button(ctx)],
    )


@response("utter_out_of_scope")
def out_of_scope(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(
            N_(
                "I can only help with social rights in France: money, housing, health, family. "
                "Choose a topic, or ask a person."
            )
        ),
        [rights_button(ctx), human_button(ctx)],
    )


@response("utter_language_changed")
def language_changed(ctx: Context) -> Reply:
    language = ctx.arguments.get("language") or ctx._.language
    return Reply(
        ctx._.gettext(N_("OK, I will write in English from now on.")),
        [rights_button(ctx)],
        custom={"set_language": language},
    )


LANGUAGE_NAMES = {language.code: language.native_name for language in LANGUAGES}


@response("utter_choose_language")
def choose_language(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(N_("Which language do you want? Choose one:")),
        [
            Button(title, intent_payload("choose_language", language=code))
            for code, title in LANGUAGE_NAMES.items()
        ],
    )


# --- entitlements -------------------------------------------------------------------------


def privacy_button(ctx: Context) -> Button:
    return Button(ctx._.gettext(N_("Is it safe to ask?")), intent_payload("ask_privacy"))


@response("utter_ask_which_benefit")
def ask_which_benefit(ctx: Context) -> Reply:
    """The topics, or the rights of one topic (`group`, from a topic button)."""
    _ = ctx._
    group = ctx.arguments.get("group")
    if group in GROUPS:
        title, rights = GROUPS[group]
        return Reply(
            _.gettext(N_("%(topic)s: which right do you want to know about?"), topic=_.gettext(title)),
            [*(Button(short_name(ctx, b), intent_payload("ask_benefit", benefit=b)) for b in rights),
             Button(_.gettext(N_("⬅ All topics")), intent_payload("ask_benefit")),
             human_button(ctx)],
        )
    return Reply(
        _.gettext(N_("What do you need help with? Choose a topic, or write your question:")),
        [estimate_button(ctx),
         *(Button(_.gettext(title), intent_payload("ask_benefit", rights_group=group))
           for group, (title, _rights) in GROUPS.items()),
         privacy_button(ctx), human_button(ctx)],
    )


def next_steps(ctx: Context, benefit_id: str, *intents: str) -> list[Button]:
    """The buttons after an answer about a right: its next questions, then a human."""
    titles = {"check_eligibility": N_("Am I eligible?"), "how_to_apply": N_("How to apply")}
    return [
        *(Button(ctx._.gettext(titles[i]), intent_payload(i, benefit=benefit_id)) for i in intents),
        human_button(ctx),
        callback_button(ctx),
    ]


def other_rights(ctx: Context) -> list[str]:
    """The other rights the message may be about (most likely first), offered as buttons."""
    return [b for b in ctx.arguments.get("others") or [] if b in ctx.kb and b != ctx.benefit_id()]


@response("utter_benefit_summary")
def benefit_summary(ctx: Context) -> Reply:
    benefit_id = ctx.benefit_id()
    if benefit_id is None:
        return ask_which_benefit(ctx)
    benefit = ctx.kb.get(benefit_id)
    text = ctx._.gettext(benefit.texts.summary, **amounts(ctx, benefit_id))
    others = other_rights(ctx)
    if not others:
        return Reply(text, next_steps(ctx, benefit_id, "check_eligibility", "how_to_apply"))
    # A situation that touches several rights: the most likely one answered, the others offered.
    text += "\n\n" + ctx._.gettext(N_("This may concern you too:"))
    return Reply(text, [
        *(Button(short_name(ctx, other), intent_payload("ask_benefit", benefit=other)) for other in others),
        Button(ctx._.gettext(N_("How to apply")), intent_payload("how_to_apply", benefit=benefit_id)),
        estimate_button(ctx),
        human_button(ctx),
    ])


@response("utter_ask_clarify")
def ask_clarify(ctx: Context) -> Reply:
    """Not sure what the message is about: the best guesses as buttons, and a person."""
    candidates = [c for c in ctx.arguments.get("candidates") or [] if c in ctx.kb]
    if not candidates:
        return default(ctx)
    return Reply(
        ctx._.gettext(N_("I am not sure I understood. Is it about one of these?")),
        [
            *(Button(short_name(ctx, c), intent_payload("ask_benefit", benefit=c)) for c in candidates),
            Button(ctx._.gettext(N_("Something else")), intent_payload("ask_benefit")),
            human_button(ctx),
        ],
    )


@response("utter_benefit_eligibility")
def benefit_eligibility(ctx: Context) -> Reply:
    benefit_id = ctx.benefit_id()
    if benefit_id is None:
        return ask_which_benefit(ctx)
    benefit = ctx.kb.get(benefit_id)
    return Reply(ctx._.gettext(benefit.texts.eligibility, **amounts(ctx, benefit_id)),
                 next_steps(ctx, benefit_id, "how_to_apply"))


@response("utter_benefit_how_to_apply")
def benefit_how_to_apply(ctx: Context) -> Reply:
    benefit_id = ctx.benefit_id()
    if benefit_id is None:
        return ask_which_benefit(ctx)
    benefit = ctx.kb.get(benefit_id)
    _ = ctx._
    lines = [
        _.gettext(benefit.texts.how_to_apply, **amounts(ctx, benefit_id)),
        _.gettext(PAID_BY[benefit.paid_by]),
        _.gettext(N_("Apply: %(url)s"), url=benefit.apply_url),
        _.gettext(N_("Official page: %(url)s"), url=benefit.service_public) if benefit.service_public else "",
        _.gettext(N_("Checked on %(date)s."), date=_.date(benefit.reviewed)),
    ]
    lines = [line for line in lines if line]
    return Reply("\n\n".join(lines[:1]) + "\n\n" + "\n".join(lines[1:]),
                 [human_button(ctx), callback_button(ctx), rights_button(ctx)])


# --- people and places --------------------------------------------------------------------


@response("utter_talk_to_human")
def talk_to_human(ctx: Context) -> Reply:
    """The gateway carries out the handoff: it starts the callback request flow."""
    return Reply(
        ctx._.gettext(
            N_(
                "A person from an outreach team can help you, for free. "
                "I will ask you 3 or 4 short questions first."
            )
        ),
        custom={"start_callback": True},
    )


@response("utter_find_help_nearby")
def find_help_nearby(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(
            N_(
                "Near you, free help exists:\n"
                "• France services offices help with all your papers: france-services.gouv.fr\n"
                "• The social services of your town hall (CCAS, centre communal d'action sociale).\n"
                "• If you have nowhere to sleep, call 115, free, day and night."
            )
        ),
        [rights_button(ctx), human_button(ctx)],
    )


@response("utter_emergency")
def emergency(ctx: Context) -> Reply:
    _ = ctx._
    danger = ctx.arguments.get("danger") or "general"
    numbers = NUMBERS_BY_DANGER.get(danger, NUMBERS_BY_DANGER["general"])
    lines = [_.gettext(N_("You are not alone. Call now, it is free, day and night:"))]
    lines += [f"☎ {number}: {_.gettext(EMERGENCY_NUMBERS[number])}" for number in numbers]
    return Reply("\n".join(lines), [human_button(ctx)])


def render(name: str, language: str, arguments: dict[str, Any] | None = None,
           slots: dict[str, Any] | None = None, today: dt.date | None = None) -> Reply:
    """The text and buttons of response `name` in `language`."""
    renderer = RESPONSES.get(name, default)
    ctx = Context(
        _=Translator(language),
        arguments={k: v for k, v in (arguments or {}).items() if v is not None},
        slots=slots or {},
        kb=load_knowledge_base(),
        today=today or dt.date.today(),
    )
    reply = renderer(ctx)
    if (mark := follow_up_mark(name, ctx.arguments, ctx.benefit_id())) is not None:
        # The gateway offers a check-in after it (beside what the reply already carries).
        reply = dataclasses.replace(reply, custom={**(reply.custom or {}), **mark})
    if (mark := tally_mark(name, ctx.arguments, ctx.benefit_id())) is not None:
        reply = dataclasses.replace(reply, custom={**(reply.custom or {}), **mark})  # for /stats
    if not ctx._.rtl:
        return reply
    # Lines assembled here (bullets, amounts, names) start right to left too.
    buttons = [dataclasses.replace(b, title=right_to_left(b.title)) for b in reply.buttons]
    return dataclasses.replace(reply, text=right_to_left(reply.text), buttons=buttons)
