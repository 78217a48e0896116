"""The NLG endpoint: response name + slots + language -> text and buttons, from the catalogs."""

from bot.nlg.render import Reply, render

__all__ = ["Reply", "render"]
