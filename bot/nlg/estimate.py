"""Responses of the estimate form: its questions with answer buttons, and the result."""

from __future__ import annotations

from decimal import Decimal

from bot.estimate.questions import ASK, QUESTIONS, TYPED_EXAMPLE, UNKNOWN
from bot.i18n import N_
from bot.nlg.payloads import intent_payload
from bot.nlg.render import (
    SHORT_NAMES,
    Button,
    Context,
    Reply,
    estimate_button,
    human_button,
    response,
    rights_button,
    short_name,
)


def _question(slot: str):  # type: ignore[no-untyped-def]
    def render_question(ctx: Context) -> Reply:
        _ = ctx._
        buttons = [Button(_.gettext(label), intent_payload("inform", **{slot: value}))
                   for value, label in QUESTIONS[slot].items()]
        buttons.append(Button(_.gettext(N_("I don't know / skip")),
                              intent_payload("inform", **{slot: UNKNOWN})))
        if slot != "est_age":
            buttons.append(Button(_.gettext(N_("⬅ Back")), intent_payload("estimate_back")))
        buttons.append(Button(_.gettext(N_("Stop")), intent_payload("stop_estimate")))
        return Reply(_.gettext(ASK[slot]), buttons)

    return render_question


for _slot in QUESTIONS:
    response(f"utter_ask_{_slot}")(_question(_slot))


@response("utter_offer_estimate")
def offer_estimate(ctx: Context) -> Reply:
    return Reply(
        ctx._.gettext(N_(
            "I can estimate which rights you may have, and how much, with 8 short questions. "
            "I do not need your name. You can skip any question.")),
        [estimate_button(ctx), rights_button(ctx), human_button(ctx)],
    )


@response("utter_bad_postcode")
def bad_postcode(ctx: Context) -> Reply:
    return Reply(ctx._.gettext(N_("I do not know this postcode. Please type 5 digits, for example 93200.")))


@response("utter_typed_answer_hint")
def typed_answer_hint(ctx: Context) -> Reply:
    """A typed answer that does not fit: the question comes again right after this."""
    example = TYPED_EXAMPLE.get(ctx.arguments.get("slot") or "", TYPED_EXAMPLE["est_age"])
    text = N_("I did not understand this answer. Tap a button, or type for example: %(example)s")
    return Reply(ctx._.gettext(text, example=ctx._.gettext(example)))


@response("utter_estimate_stopped")
def estimate_stopped(ctx: Context) -> Reply:
    return Reply(ctx._.gettext(N_("OK, I stopped the questions. Nothing was kept.")),
                 [rights_button(ctx), human_button(ctx)])


PERIOD = {
    "month": N_("%(amount)s a month"),
    "year": N_("%(amount)s a year"),
    "once": N_("%(amount)s, once"),
}

# Why a right is only "possible" (bot/estimate/compute.py), in the person's words.
REASONS = {
    "skipped": N_("it depends on a question you skipped"),
    "near_threshold": N_("a small amount: a small change of income can end it"),
    "ars_next_rentree": N_("paid in August, for the next school year"),
    "aah_mdph_decision": N_("the MDPH (disability office) must first recognise your disability"),
    "aspa_permit_10_years": N_("you need a residence permit held for 10 years"),
    "asf_alimony_check": N_("if the other parent pays no child support, or too little"),
    "housing_unknown": N_("tell me where you live to know how much"),
    "rent_unknown": N_("tell me your rent to know how much"),
}

# What the result says besides the rights (Estimate.notes).
NOTES = {
    "permit_under_5_years": N_(
        "With a residence permit held for less than 5 years, the RSA and the prime d'activité are "
        "not possible yet. Refugees, people with subsidiary protection, stateless people and "
        "holders of a 10-year resident card are not concerned."),
    "commune_assumed_paris": N_("Without a postcode, I counted with the rents of Paris."),
    "asylum_seeker_health_wait": N_(
        "Adult asylum seekers get health insurance (PUMa) after 3 months in France. "
        "Until then, hospitals give urgent care, and their free care desk (PASS) sees you. "
        "Children are covered at once."),
}
HOMELESS_FIRST = N_(
    "Without a home, first ask for a free address (domiciliation). You need one to claim your rights.")


def _reasons(ctx: Context, keys: list[str]) -> str:
    """The reasons a right is to check, once each, in parentheses."""
    texts: list[str] = []
    for key in keys:
        text = REASONS.get("skipped" if key.startswith("skipped_") else key)
        if text and ctx._.gettext(text) not in texts:
            texts.append(ctx._.gettext(text))
    return f" ({'; '.join(texts)})" if texts else ""


def _line(ctx: Context, result: dict) -> str:
    name = short_name(ctx, result["id"]) if result["id"] in SHORT_NAMES else result["id"]
    amount = result.get("amount")
    participation = result.get("participation")
    reasons = _reasons(ctx, result.get("reasons") or [])
    if amount in (None, "") and participation not in (None, ""):
        if Decimal(str(participation)) == 0:
            free = ctx._.gettext(N_("free"))
            return f"• {name}: {free}{reasons}"
        share = ctx._.gettext(N_("you pay %(amount)s a month"),
                              amount=ctx._.money(Decimal(str(participation))))
        return f"• {name}: {share}{reasons}"
    if amount in (None, ""):
        return f"• {name}{reasons}"
    period = PERIOD.get(result.get("period") or "month", PERIOD["month"])
    value = ctx._.gettext(period, amount=ctx._.money(Decimal(str(amount))))
    return f"• {name}: {value}{reasons}"


@response("utter_estimate_result")
def estimate_result(ctx: Context) -> Reply:
    _ = ctx._
    if ctx.arguments.get("no_papers"):
        return Reply(
            _.gettext(N_(
                "Without a residence permit, you still have rights:\n"
                "• AME (aide médicale de l'État): free health care after 3 months in France.\n"
                "• Domiciliation: a free address to receive your mail.\n"
                "• Tonight with nowhere to sleep? Call 115, free, day and night.")),
            [Button(short_name(ctx, "ame"), intent_payload("ask_benefit", benefit="ame")),
             Button(short_name(ctx, "domiciliation"),
                    intent_payload("ask_benefit", benefit="domiciliation")),
             human_button(ctx)],
            custom={"tally": "estimate", "likely": []},
        )
    results = ctx.arguments.get("results") or []
    likely = [r for r in results if r.get("status") == "likely"]
    possible = [r for r in results if r.get("status") != "likely"]
    suggestions = [s for s in ctx.arguments.get("suggestions") or [] if s in SHORT_NAMES]
    lines: list[str] = []
    if likely:
        lines.append(_.gettext(N_("You probably have a right to:")))
        lines += [_line(ctx, r) for r in likely]
    if possible:
        lines.append(_.gettext(N_("You may also have a right to (to check):")))
        lines += [_line(ctx, r) for r in possible]
    if not results and not suggestions:
        lines.append(_.gettext(N_(
            "With these answers, I find no right for now. A person can check with you.")))
    lines += [_.gettext(NOTES[n]) for n in ctx.arguments.get("notes") or [] if n in NOTES]
    if "domiciliation" in suggestions:
        lines.append(_.gettext(HOMELESS_FIRST))
    lines.append(_.gettext(N_("This is an estimate, not a decision. Only the office that pays can decide.")))
    buttons = [Button(_.gettext(N_("How to apply: %(right)s"), right=short_name(ctx, r["id"])),
                      intent_payload("how_to_apply", benefit=r["id"]))
               for r in likely[:3] if r["id"] in SHORT_NAMES]
    buttons += [Button(short_name(ctx, s), intent_payload("ask_benefit", benefit=s)) for s in suggestions]
    buttons.append(human_button(ctx))
    # The gateway counts the estimate and asks "Do you already receive it?" for each likely right.
    tally = {"tally": "estimate", "likely": [r["id"] for r in likely if r["id"] in SHORT_NAMES]}
    return Reply("\n".join(lines), buttons, custom=tally)
