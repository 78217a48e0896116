"""The NLG endpoint: response name + slots + language -> text and buttons, from the catalogs."""

from bot.nlg import estimate as _estimate  # noqa: F401 - registers the estimate responses
from bot.nlg import reassurance as _reassurance  # noqa: F401 - registers utter_reassurance
from bot.nlg.render import Reply, render

__all__ = ["Reply", "render"]
