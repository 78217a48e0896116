"""The action + NLG server: rasa_sdk's Sanic app with an `/nlg` route added.

Rasa calls `/webhook` to run custom actions and `/nlg` to render every response name into the
conversation's language.

Only Rasa, server to server, calls it: no browser has any business here, so no CORS origin is
allowed (rasa_sdk's `create_app` allows every origin, `*`, unless told otherwise). It listens on
127.0.0.1 only.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request

from bot.config import SUPPORTED_LANGUAGES, Settings
from bot.estimate.answers import Answers
from bot.estimate.compute import estimate_entitlements
from bot.i18n import check_catalogs
from bot.knowledge import load_knowledge_base
from bot.knowledge.base import tax_benefit_system
from bot.nlg import render

logger = logging.getLogger(__name__)


def conversation_language(body: dict[str, Any], default: str) -> str:
    """The language a response is rendered in.

    An explicit argument (a language change) first, then the language the gateway sent with the
    person's message, then the `language` slot, then the default.
    """
    arguments = body.get("arguments") or {}
    tracker = body.get("tracker") or {}
    slots = tracker.get("slots") or {}
    metadata = (tracker.get("latest_message") or {}).get("metadata") or {}
    for candidate in (arguments.get("language"), metadata.get("language"), slots.get("language")):
        if candidate in SUPPORTED_LANGUAGES:
            return str(candidate)
    return default


def action_app() -> Sanic:
    """rasa_sdk's app for `bot.actions`, allowing no cross-origin request (empty origin list)."""
    return create_app("bot.actions", cors_origins=[])


def build_app(settings: Settings) -> Sanic:
    check_catalogs()
    tax_benefit_system()  # load OpenFisca once, before the first request
    load_knowledge_base()
    # The first simulation builds OpenFisca's caches (a few seconds): do it now, not for a person.
    estimate_entitlements(Answers(age_band="25_64", housing="tenant", rent=Decimal(500)),
                          dt.date.today())
    app = action_app()

    @app.post("/nlg")
    async def nlg(request: Request) -> response.HTTPResponse:
        body = request.json or {}
        name = body.get("response") or ""
        language = conversation_language(body, settings.default_language)
        slots = (body.get("tracker") or {}).get("slots") or {}
        arguments = {**(body.get("arguments") or {}), "retention_days": settings.retention_days}
        reply = render(name, language, arguments, slots)
        logger.debug("nlg response=%s language=%s", name, language)
        return response.json(reply.as_dict())

    return app


def main() -> None:
    settings = Settings.from_env(with_secret_key=False)  # it seals and pseudonymises nothing
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = build_app(settings)
    app.run(host="127.0.0.1", port=settings.action_server_port, workers=1,
            access_log=False, motd=False)


if __name__ == "__main__":
    main()
