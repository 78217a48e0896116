"""The Telegram channel: a python-telegram-bot 22 Application on the conversation core and the desk.

    app.py         build_application: services opened in post_init, closed in post_shutdown;
                   every handler registered in one place, in order
    context.py     the typed context handlers receive (the services, the person's pseudonym)
    keyboards.py   Outgoing messages -> Telegram messages with inline or contact keyboards
    members.py     group -2: who is in the workers' group, against WORKER_USER_IDS (desk/membership.py)
    gatekeeper.py  group -1: foreign groups left, the workers' group for workers only,
                   re-deliveries dropped, a person's flood slowed down
    flood.py       token buckets per person and per case, one "slow down" per burst
    membership.py  leaving any group or channel that is not the workers' group
    person.py      the person's commands, buttons, text, contact, other content, edits
    workers.py     the workers' buttons, commands and messages in the workers' group
    jobs.py        reminders and retention
"""
