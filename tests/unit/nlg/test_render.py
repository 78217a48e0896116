"""Every response renders in fr, en and ar, from the catalogs, with today's amounts."""

import datetime as dt
import re

import pytest

from bot.config import SUPPORTED_LANGUAGES
from bot.i18n import format_money
from bot.knowledge import load_knowledge_base
from bot.nlg.payloads import parse_payload
from bot.nlg.render import RESPONSES, render
from bot.safety import NUMBERS_BY_DANGER

TODAY = dt.date(2026, 11, 26)
BENEFITS = load_knowledge_base().ids
BENEFIT_RESPONSES = ("utter_benefit_summary", "utter_benefit_eligibility", "utter_benefit_how_to_apply")


def words(text):
    return len(re.findall(r"\w+(?:['’]\w+)?", text))


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_response_renders_with_valid_buttons(name, language):
    reply = render(name, language, {"benefit": "rsa", "danger": "suicide", "language": language},
                   {}, TODAY)
    assert reply.text.strip()
    assert "%(" not in reply.text
    for button in reply.buttons:
        assert button.title
        assert len(button.payload.encode()) <= 64
        assert parse_payload(button.payload, frozenset(BENEFITS)) is not None, button.payload


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_rsa_summary_shows_todays_amount_formatted_for_the_language(language):
    reply = render("utter_benefit_summary", language, {"benefit": "rsa"}, {}, TODAY)
    assert format_money(651.69, language) in reply.text


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("benefit", BENEFITS)
def test_first_answer_is_at_most_sixty_words_with_the_next_steps(benefit, language):
    reply = render("utter_benefit_summary", language, {"benefit": benefit}, {}, TODAY)
    assert words(reply.text) <= 60, reply.text
    payloads = [b.payload for b in reply.buttons]
    assert payloads == [
        f'/check_eligibility{{"benefit":"{benefit}"}}',
        f'/how_to_apply{{"benefit":"{benefit}"}}',
        "/talk_to_human",
        "/request_callback",
    ]


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("benefit", BENEFITS)
def test_how_to_apply_names_the_official_page_and_review_date(benefit, language):
    kb = load_knowledge_base().get(benefit)
    reply = render("utter_benefit_how_to_apply", language, {"benefit": benefit}, {}, TODAY)
    if kb.service_public is None:  # no official fiche exists (food aid): no empty line for it
        assert "service-public" not in reply.text and "\n\n\n" not in reply.text
    else:
        assert kb.service_public in reply.text
    assert kb.apply_url in reply.text
    assert str(kb.reviewed.year) in reply.text


def test_languages_really_differ():
    texts = {lang: render("utter_benefit_summary", lang, {"benefit": "css"}, {}, TODAY).text
             for lang in SUPPORTED_LANGUAGES}
    assert len(set(texts.values())) == len(SUPPORTED_LANGUAGES)
    assert re.search(r"[\u0600-\u06FF]", texts["ar"])


def test_slot_is_used_when_the_action_names_no_benefit():
    reply = render("utter_benefit_eligibility", "fr", {}, {"benefit": "aah"}, TODAY)
    assert "AAH" in reply.text


def test_unknown_benefit_asks_which_one():
    reply = render("utter_benefit_summary", "en", {"benefit": "not_a_right"}, {}, TODAY)
    assert reply.text == render("utter_ask_which_benefit", "en", {}, {}, TODAY).text
    assert any("rights_group" in b.payload for b in reply.buttons)


@pytest.mark.parametrize(("danger", "number"), [("suicide", "3114"), ("violence", "3919"),
                                                ("shelter", "115"), ("medical", "15"),
                                                ("child", "119")])
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_emergency_gives_the_numbers_that_fit(danger, number, language):
    text = render("utter_emergency", language, {"danger": danger}, {}, TODAY).text
    assert f"☎ {number}:" in text


def test_language_change_is_announced_to_the_gateway_in_the_new_language():
    reply = render("utter_language_changed", "ar", {"language": "ar"}, {}, TODAY)
    assert reply.custom == {"set_language": "ar"}
    assert re.search(r"[\u0600-\u06FF]", reply.text)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_situation_touching_several_rights_offers_the_others_and_the_estimate(language):
    reply = render("utter_benefit_summary", language,
                   {"benefit": "fsl", "others": ["aide_logement", "bitcoin"]}, {}, TODAY)
    payloads = [b.payload for b in reply.buttons]
    assert payloads == ['/ask_benefit{"benefit":"aide_logement"}', '/how_to_apply{"benefit":"fsl"}',
                        "/estimate", "/talk_to_human"]


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_asking_back_shows_the_guesses_and_a_person(language):
    reply = render("utter_ask_clarify", language, {"candidates": ["css", "puma"]}, {}, TODAY)
    assert [b.payload for b in reply.buttons] == [
        '/ask_benefit{"benefit":"css"}', '/ask_benefit{"benefit":"puma"}', "/ask_benefit", "/talk_to_human"]
    assert words(reply.text) <= 15


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_menu_shows_topics_and_each_topic_its_rights(language):
    """Thirty buttons at once are too many on a phone: topics first, then the rights of one."""
    from bot.knowledge.texts import GROUPS

    menu = render("utter_ask_which_benefit", language, {}, {}, TODAY)
    topics = [b.payload for b in menu.buttons if "rights_group" in b.payload]
    assert len(topics) == len(GROUPS) and len(menu.buttons) <= 11
    reachable = set()
    for payload in topics:
        group = parse_payload(payload, frozenset(BENEFITS))[1]["rights_group"]
        page = render("utter_ask_which_benefit", language, {"group": group}, {}, TODAY)
        pressed = [parse_payload(b.payload, frozenset(BENEFITS)) for b in page.buttons]
        reachable |= {p[1].get("benefit") for p in pressed if p} - {None}
        assert "/ask_benefit" in [b.payload for b in page.buttons]  # back to the topics
    assert reachable == set(BENEFITS)


@pytest.mark.parametrize("danger", sorted(NUMBERS_BY_DANGER))
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_114_comes_with_the_emergency_services_it_reaches(danger, language):
    """114 (text messages) reaches SAMU, police and fire brigade: it is listed right after them,
    before any helpline, and never beside 115 alone (115 takes no text message)."""
    text = render("utter_emergency", language, {"danger": danger}, {}, TODAY).text
    numbers = re.findall(r"^\u200f?☎ (\d+):", text, flags=re.MULTILINE)  # an RTL line opens with U+200F
    services = {"15", "17", "18", "112"}
    block = [n for n in numbers if n in services or n == "114"]
    if not services & set(numbers):
        assert not re.search(r"\b114\b", text)
        return
    start = numbers.index(block[0])
    assert numbers[start:start + len(block)] == block and block[-1] == "114", numbers
    assert len(re.findall(r"\b114\b", text)) == 1


def test_how_to_apply_for_a_right_is_marked_for_the_offer_of_a_check_in():
    how = "utter_benefit_how_to_apply"
    def follow_up(reply):  # other marks (the /stats tallies) may sit beside it
        return (reply.custom or {}).get("follow_up")

    assert follow_up(render(how, "fr", {"benefit": "rsa"}, {}, TODAY)) == "right"
    # No right named: the topics are shown instead, and nothing is offered after them.
    assert follow_up(render(how, "fr", {}, {}, TODAY)) is None
    # A first summary: nothing decided yet, nothing to check in about.
    assert follow_up(render("utter_benefit_summary", "fr", {"benefit": "rsa"}, {}, TODAY)) is None


def test_an_estimate_result_is_marked_only_when_it_found_something():
    found = {"results": [{"id": "rsa", "status": "likely", "amount": "500.00"}]}
    assert render("utter_estimate_result", "en", found, {}, TODAY).custom["follow_up"] == "estimate"
    assert "follow_up" not in (render("utter_estimate_result", "en", {"results": []}, {}, TODAY).custom or {})
    assert render("utter_greet", "en", {}, {}, TODAY).custom is None
    assert render("utter_talk_to_human", "en", {}, {}, TODAY).custom == {"start_callback": True}
