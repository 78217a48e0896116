"""Read an answer typed instead of tapped in the estimate form ("35", "j ai 35 ans", "environ
1200", "rien", "en couple", "locataire 450", "sans papiers"), in French, English or Arabic, and in
Spanish, Portuguese, Romanian, Russian, Ukrainian, Dari and Pashto, whose words are in
`bot.estimate.words` (one module a language; all lists are searched whatever the person's language).

`read_answer(slot, text)` returns the slot value the form stores, or None when the text does not
answer the question (the form then asks again, with an example). Button values keep working:
they never reach this module. Typed values that carry a number are stored as such and read by
`bot.estimate.questions.to_answers`:

| slot             | typed value                                  |
|------------------|----------------------------------------------|
| est_age          | "35" (an exact age, 18 to 120)               |
| est_household    | "alone", "couple" (as the buttons)           |
| est_children     | "none", "one_small", "one", "two", "three", "four_plus" |
| est_work_income  | "1200" (euros a month; "0" for none)         |
| est_other_income | "none", "unemployment:600", "pension:700"    |
| est_housing      | "tenant:450", "tenant", "free", "homeless", "owner" |
| est_residence    | as the buttons                               |

Words are matched on folded text (lower case, no accents, Arabic letter variants folded, Eastern
Arabic digits as ASCII), so "Seule", "seul", "célibataire" and "celibataire" all count.
"""

from __future__ import annotations

import re

from bot.estimate.questions import UNKNOWN
from bot.estimate.words import child_nouns, counted_words, extra, number_words
from bot.folding import fold, fold_pattern


def _words(*patterns: str) -> re.Pattern[str]:
    """One pattern matching any of `patterns` as whole words (in any script)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(fold_pattern, patterns)) + r")(?!\w)")


DONT_KNOW = _words(
    r"je (ne )?sais pas", r"j sais pas", "jsp", "sais pas", "aucune idee", "je ne sais", "passer",
    r"i don t know", "dont know", "idk", "dunno", "not sure", "skip",
    "لا اعرف", "ما نعرفش", "معرفش", "ما عرفتش", "مش عارف", "ما بعرف", r"ma ?3raftch", r"ma ?n3rfch",
    *extra("DONT_KNOW"))
NOTHING = _words(
    "rien", "aucun", "aucune", "zero", "nada", r"pas de (revenus?|salaire|travail|boulot)", "non",
    r"je (ne )?travaille pas", "sans emploi", "chomeur", "chomeuse", r"pas d enfants?",
    "nothing", "none", "no", r"no (income|job|work|kids?|child|children)", "unemployed", "nope",
    r"i don t work", "not working", "لا", "لا شيء", "والو", "walou", "walo", "ما عنديش", "معنديش",
    "ما كاين والو", "ما نخدمش", "بدون", "ولا شي", "مفيش", *extra("NOTHING"))
# Thousands may be split by a space, a dot or the Arabic thousands separator ("١٬٢٠٠").
NUMBER = re.compile(r"\d{1,3}(?:[ .\u066c]\d{3})+|\d+")
NUMBER_WORDS = {
    "un": 1, "une": 1, "one": 1, "واحد": 1, "واحده": 1, "wa7ed": 1,
    "deux": 2, "two": 2, "جوج": 2, "زوج": 2, "اثنين": 2, "اتنين": 2, "تنين": 2, "jouj": 2, "zouj": 2,
    "trois": 3, "three": 3, "ثلاثه": 3, "تلاته": 3, "تلت": 3, "tlata": 3,
    "quatre": 4, "four": 4, "اربعه": 4, "ربعه": 4, "arba": 4,
    "cinq": 5, "five": 5, "خمسه": 5, "six": 6, "سته": 6,
    **{fold(word): value for word, value in number_words().items()},
}
ALONE = _words(
    "seul", "seule", "celibataire", "divorce", "divorcee", "veuf", "veuve", "separe", "separee",
    "alone", "single", "by myself", "on my own", "divorced", "widowed", "separated",
    "وحدي", "بوحدي", "لوحدي", "بروحي", "عازب", "عازبه", "مطلق", "مطلقه", "ارمل", "ارمله",
    "bo7di", "wa7di", "b wa7di", *extra("ALONE"))
COUPLE = _words(
    "couple", "marie", "mariee", "maries", "pacse", "pacsee", "concubin", "concubine",
    r"avec (mon|ma) (mari|femme|copain|copine|conjoint|conjointe|compagnon|compagne)",
    "married", "partner", r"with my (wife|husband|partner|boyfriend|girlfriend)",
    "متزوج", "متزوجه", "مزوج", "مع زوجي", "مع زوجتي", "مع مراتي", "مع راجلي", "m9ewej", "mzewej",
    *extra("COUPLE"))
NOT_COUPLE = _words(r"pas (en )?couple", r"pas marie", r"not married", r"not in a couple", "غير متزوج",
    *extra("NOT_COUPLE"))
BABY = _words("bebe", "nourrisson", "baby", "newborn", "رضيع", "بيبي", "bébé", *extra("BABY"))
UNEMPLOYMENT = _words(
    # "are" alone, or as the French say it: in Romanian "are" means "has" ("are salariu").
    "chomage", r"^\W*are\W*$", r"l are", r"(touche|percois|recois|j ai) (l )?are",
    r"pole emploi", r"france travail", "allocation chomage", "unemployment",
    "jobseeker", "شوماج", "الشوماج", "بطاله", "chomaj", *extra("UNEMPLOYMENT"))
PENSION = _words("retraite", "pension", "retired", "retirement", "تقاعد", "التقاعد", "retraite", "معاش",
    *extra("PENSION"))
TENANT = _words(
    "locataire", "loyer", r"je loue", "location", r"mon (proprio|proprietaire|bailleur)", "hlm",
    "tenant", "rent", "renting", "i rent", "landlord",
    "كرا", "الكرا", "كراء", "الكراء", "كاري", "نكري", "مكري", "مكتري", "ايجار", "الايجار", "اجار", "الاجار",
    "مستاجر", "ساكن بالكرا", "kra", "lkra", "kari", "mkri", *extra("TENANT"))
FREE = _words(
    "heberge", "hebergee", r"chez (mes|ma|mon|des|un|une) \w+", "gratuit", "gratuitement",
    r"for free", r"with (my )?(family|friends|parents|cousin)", r"at (my )?(friend|family|parents)",
    "عند عائلتي", "عند صاحبي", "عند خويا", "عند الفاميليا", "عند اهلي", "مجانا", "fabor", *extra("FREE"))
HOMELESS = _words(
    r"(a|dans) la rue", "sdf", "sans domicile", "dehors", r"dans (ma|une) voiture", "squat", "tente",
    "115", "sans abri",
    "homeless", "on the street", "no home", "in my car", "shelter",
    "في الشارع", "فالزنقه", "بلا دار", "ما عنديش فين نسكن", "ما عنديش دار", "شارع", *extra("HOMELESS"))
OWNER = _words(r"je suis proprietaire", "proprietaire", "owner", r"i own", r"my own (house|flat)",
               "مالك", "ملك ديالي", "داري ديالي", *extra("OWNER"))
FRENCH_EU = _words(
    "francais", "francaise", r"nationalite francaise", "europeen", "europeenne", "ue", "eu",
    "french", "european", r"eu citizen", "فرنسي", "فرنسيه", "الجنسيه الفرنسيه", "اوروبي", "اوروبيه",
    *extra("FRENCH_EU"))
NO_PAPERS = _words(
    r"sans papiers?", r"pas de papiers?", r"sans titre", r"pas de titre", "irregulier",
    r"no papers?", "undocumented", r"no (residence )?permit", r"without papers?",
    "بلا وراق", "بلا اوراق", "بدون اوراق", "بدون اقامه", "ما عنديش الوراق", "ما عنديش اوراق",
    "ما عنديش لاقامه", "sans papier", r"bla wra9", *extra("NO_PAPERS"))
REFUGEE = _words(
    "refugie", "refugiee", r"statut de refugie", r"protection subsidiaire", "refugee",
    r"subsidiary protection", "لاجئ", "لاجئه", "الحمايه الفرعيه", "حمايه فرعيه", *extra("REFUGEE"))
ASYLUM = _words(
    r"demandeur d asile", r"demandeuse d asile", r"demande d asile", "asile", "ofpra", "cnda",
    r"asylum( seeker)?", "طالب لجوء", "طالبه لجوء", "طلب لجوء", "لجوء", "ازيل", *extra("ASYLUM"))
LONG_PERMIT = _words(
    r"carte de resident", r"10 ans", r"dix ans",
    r"resident card", r"10 years?", r"ten years?", r"more than (5|five) years?",
    r"plus de (5|cinq) ans", r"10 سنين", r"10 سنوات", "كارت ريزيدون", *extra("LONG_PERMIT"))
SHORT_PERMIT = _words(
    r"titre de sejour", r"carte de sejour", "recepisse", "visa",
    r"residence permit", "permit", "اقامه", "لاقامه", "الاقامه", "ريسبيسي", "titre", *extra("SHORT_PERMIT"))
COUNTED_WORDS = {fold(word): value for word, value in counted_words().items()}
_COUNTED = "|".join(map(fold_pattern, COUNTED_WORDS))
COUNTED_NUMBER = re.compile(  # the whole answer, or before a child noun ("dos hijos")
    rf"^\W*({_COUNTED})\W*$|(?<!\w)({_COUNTED}) (?:{'|'.join(map(fold_pattern, child_nouns()))})(?!\w)")
TEMPORARY_PROTECTION = _words(*extra("TEMPORARY_PROTECTION"))
YEARS = re.compile(r"(\d+)\s*(ans?|years?|سنين|سنوات|سنه|عام|"
                   + "|".join(map(fold_pattern, extra("YEARS"))) + ")")


def first_number(text: str) -> int | None:
    """The first number in folded text ("1 200" and "1.200" are 1200), else a number word."""
    match = NUMBER.search(text)
    if match:
        return int(re.sub(r"[ .\u066c]", "", match[0]))
    for word in text.split():
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
    counted = COUNTED_NUMBER.search(text)
    return COUNTED_WORDS[counted[1] or counted[2]] if counted else None


def read_answer(slot: str, text: str, age: str | None = None) -> str | None:
    """The slot value a typed answer gives, or None (see the module docstring)."""
    folded = fold(text)
    if not folded:
        return None
    if DONT_KNOW.search(folded):
        return UNKNOWN
    reader = _READERS.get(slot)
    return reader(folded, age) if reader else None


def _age(text: str, _age: str | None) -> str | None:
    number = first_number(text)
    return str(number) if number is not None and 18 <= number <= 120 else None


def _household(text: str, _age: str | None) -> str | None:
    if NOT_COUPLE.search(text) or ALONE.search(text):
        return "alone"
    return "couple" if COUPLE.search(text) else None


def _children(text: str, _age: str | None) -> str | None:
    number = first_number(text)
    if number is None:
        if BABY.search(text):
            return "one_small"
        return "none" if NOTHING.search(text) else None
    if number > 15:
        return None
    if number == 1 and BABY.search(text):
        return "one_small"
    return {0: "none", 1: "one", 2: "two", 3: "three"}.get(number, "four_plus")


def _money(text: str) -> int | None:
    number = first_number(text)
    if number is None:
        return 0 if NOTHING.search(text) else None
    # "1,2k" and the like are rare; more than 20,000 a month is a typing slip, not an answer.
    return number if number <= 20000 else None


def _work_income(text: str, _age: str | None) -> str | None:
    amount = _money(text)
    return None if amount is None else str(amount)


def _other_income(text: str, age: str | None) -> str | None:
    amount = _money(text)
    if amount is None:
        return None
    if amount == 0:
        return "none"
    if PENSION.search(text):
        kind = "pension"
    elif UNEMPLOYMENT.search(text):
        kind = "unemployment"
    else:
        # An amount with no kind: a pension from 65 on, unemployment benefit before.
        kind = "pension" if _is_65_plus(age) else "unemployment"
    return f"{kind}:{amount}"


def _is_65_plus(age: str | None) -> bool:
    if age == "65_plus":
        return True
    return bool(age and age.isdigit() and int(age) >= 65)


def _housing(text: str, _age: str | None) -> str | None:
    if HOMELESS.search(text):
        return "homeless"
    if TENANT.search(text):
        rent = first_number(text)
        return f"tenant:{rent}" if rent and 20 <= rent <= 5000 else "tenant"
    if OWNER.search(text):
        return "owner"
    if FREE.search(text):
        return "free"
    return None


def _residence(text: str, _age: str | None) -> str | None:
    if NO_PAPERS.search(text):
        return "no_papers"
    if FRENCH_EU.search(text):
        return "french_eu"
    if TEMPORARY_PROTECTION.search(text):  # before "refugee", the word the protected also use
        return "permit_less_5y"
    if REFUGEE.search(text):
        return "refugee"
    if ASYLUM.search(text):
        return "asylum_seeker"
    if LONG_PERMIT.search(text):
        return "permit_5y_plus"
    if SHORT_PERMIT.search(text):
        years = YEARS.search(text)
        if years:
            return "permit_5y_plus" if int(years[1]) >= 5 else "permit_less_5y"
        return "permit_less_5y"
    return None


_READERS = {
    "est_age": _age,
    "est_household": _household,
    "est_children": _children,
    "est_work_income": _work_income,
    "est_other_income": _other_income,
    "est_housing": _housing,
    "est_residence": _residence,
}
