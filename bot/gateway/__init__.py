"""The gateway: Telegram (PTB 22) and the console chat, in front of the Rasa server.

    core/       the conversation, the callback-request flow, Rasa client — no Telegram here
    desk/       the workers' desk: case cards, actions, relay, reports (Telegram Bot API calls)
    telegram/   the PTB Application: context, keyboards, gatekeeper, handlers, jobs, wiring
    console.py  the console chat, on the same core

Dependencies point down: telegram -> desk -> core; console -> core.
"""
