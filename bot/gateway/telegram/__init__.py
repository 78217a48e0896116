"""The Telegram channel: a python-telegram-bot 22 Application on the conversation core and the desk.

    app.py         build_application: services opened in post_init, closed in post_shutdown;
                   every handler registered in one place, in order
    context.py     the typed context handlers receive (the services, the person's pseudonym)
    keyboards.py   Outgoing messages -> Telegram messages with inline or contact keyboards
    gatekeeper.py  group -1: re-deliveries dropped, the workers' group for workers only
    person.py      the person's commands, buttons, text, contact, other content, edits
    workers.py     the workers' buttons, commands and messages in the workers' group
    jobs.py        reminders and retention
"""
