"""Rights named in a message, by the names the training data gives them (allervers_nlu/names.py)."""

from __future__ import annotations

from allervers_nlu.names import NamedRights, names_table

KNOWN = {"ame", "aah", "are", "rsa", "prime_activite", "css", "apa"}
PAIRS = [
    ("AME", "ame"), ("aide médicale d'état", "ame"), ("AAH", "aah"),
    ("allocation aux adultes handicapés", "aah"), ("ARE", "are"), ("RSA", "rsa"), ("рса", "rsa"),
    ("prime d'activité", "prime_activite"), ("complémentaire santé solidaire", "css"), ("APA", "apa"),
    ("aide", "apa"), ("aide", "css"),  # a name given to two rights tells nothing
    ("af", "rsa"),  # too short to look up
    ("pension", "unknown_right"),  # not a right of the model
]
FINDER = NamedRights(names_table(PAIRS, KNOWN))


def test_a_plainly_written_name_is_found_whatever_the_case_and_accents():
    assert FINDER.find("AME : à qui s'adresse l'aide ?") == ["ame"]
    assert FINDER.find("Qu'est-ce que l'Allocation aux Adultes Handicapes et le complement ?") == ["aah"]
    assert FINDER.find("c koi le rsa") == ["rsa"]
    assert FINDER.find("що таке РСА") == ["rsa"]


def test_names_are_given_in_the_order_of_the_text():
    assert FINDER.find("prime d activite et rsa") == ["prime_activite", "rsa"]
    assert FINDER.find("le RSA ou la prime d'activité ?") == ["rsa", "prime_activite"]


def test_only_whole_words_count():
    assert FINDER.find("Amélie a un frame") == []
    assert FINDER.find("rsaa") == []


def test_everyday_words_count_only_as_capitalised_acronyms():
    assert FINDER.find("how are you") == []
    assert FINDER.find("bea apa") == []  # Romanian: drink water
    assert FINDER.find("Je touche l'ARE depuis mars") == ["are"]
    assert FINDER.find("WHAT ARE THE RULES") == []  # a shouted sentence is no acronym


def test_a_name_of_two_rights_or_too_short_is_left_out():
    table = names_table(PAIRS, KNOWN)
    assert "aide" not in table and "af" not in table and "pension" not in table
    assert FINDER.find("je veux de l'aide") == []
