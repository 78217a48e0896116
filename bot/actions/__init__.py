"""Custom Rasa actions (rasa_sdk). They utter response names only: text lives in the catalogs."""
