"""The workers' desk: what the gateway does for and with the workers' Telegram group.

    texts.py    what workers and persons are told about cases (catalog message ids)
    cards.py    a case as a card, a forum topic name and Claim/Release/Done/Cancel buttons
    desk.py     WorkerDesk: cards posted and refreshed, worker actions, reminders (the CaseEvents
                the conversation core announces to)
    relay.py    messages and edits relayed between the person and the claiming worker
    reports.py  /summary and /queue
    long_text.py  text longer than one Telegram message, sent as several
"""
