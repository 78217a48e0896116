"""Webhook mode: Telegram posts each update to TELEGRAM_WEBHOOK_URL instead of being polled.

Long polling admits one gateway per bot (a second `getUpdates` gets 409); a webhook behind a load
balancer lets several gateway processes share the work. PTB's own webhook server (tornado) listens
on WEBHOOK_LISTEN, serves the path of TELEGRAM_WEBHOOK_URL, and answers 403 to any request without
the right `X-Telegram-Bot-Api-Secret-Token` header: only Telegram, which was given the token by
`setWebhook`, gets an update handled. Each gateway sets the same webhook when it starts (harmless:
same URL, same token) and leaves it in place when it stops, so the others keep receiving.

What several gateways share and what each keeps to itself is in README.md ("Several gateways").
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from bot.config import Settings
from bot.gateway.telegram.app import ALLOWED_UPDATES

# Telegram's default: at most this many simultaneous webhook requests (to all gateways together).
MAX_CONNECTIONS = 40


def url_path(webhook_url: str) -> str:
    """The path Telegram posts to, which the gateway serves ("" for the root)."""
    return urlsplit(webhook_url).path.strip("/")


def webhook_options(settings: Settings) -> dict[str, Any]:
    """The arguments of `Application.run_webhook` / `Updater.start_webhook` for these settings."""
    host, port = settings.webhook_listen
    return {
        "listen": host,
        "port": port,
        "url_path": url_path(settings.telegram_webhook_url),
        "webhook_url": settings.telegram_webhook_url,
        "secret_token": settings.telegram_webhook_secret.get(),
        "allowed_updates": ALLOWED_UPDATES,
        "max_connections": MAX_CONNECTIONS,
    }
