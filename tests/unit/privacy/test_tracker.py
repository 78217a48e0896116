"""The tracker store is reached from the bot's virtualenv with the URL Rasa is given."""

from bot.privacy.tracker import eraser_url


def test_rasa_s_postgresql_url_is_reached_through_psycopg_3_and_sqlite_as_is():
    assert eraser_url("postgresql://rasa:pw@db/tracker").drivername == "postgresql+psycopg"
    assert eraser_url("postgresql://rasa:pw@db/tracker").database == "tracker"
    assert str(eraser_url("sqlite:////var/x.db")) == "sqlite:////var/x.db"
