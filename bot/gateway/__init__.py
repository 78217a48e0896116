"""The gateway: Telegram (PTB 22) and the console chat, in front of the Rasa server."""
