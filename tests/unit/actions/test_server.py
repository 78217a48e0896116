"""The NLG endpoint picks the conversation's language the way the gateway intends."""

from bot.actions.server import conversation_language


def body(arguments=None, metadata=None, slots=None):
    return {"arguments": arguments or {},
            "tracker": {"slots": slots or {}, "latest_message": {"metadata": metadata or {}}}}


def test_language_change_argument_wins():
    request = body({"language": "ar"}, {"language": "en"}, {"language": "fr"})
    assert conversation_language(request, "fr") == "ar"


def test_gateway_metadata_beats_the_slot():
    assert conversation_language(body(metadata={"language": "en"}, slots={"language": "fr"}), "fr") == "en"


def test_slot_then_default_and_unknown_languages_are_ignored():
    assert conversation_language(body(slots={"language": "ar"}), "fr") == "ar"
    assert conversation_language(body(metadata={"language": "de"}), "fr") == "fr"
    assert conversation_language({}, "en") == "en"
