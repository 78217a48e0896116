"""Answers typed in the estimate form in Spanish, Portuguese, Romanian, Russian, Ukrainian, Dari and Pashto.

Every example the bot shows in a language ("inquilino, alquiler 450") is read as the English one is, and
each language has answers as people type them on a phone (no accents, Latin transliteration, Persian
digits), plus sentences that answer nothing and must not be read as an answer.
"""

import pytest
from babel.messages.pofile import read_po

from bot.estimate.questions import TYPED_EXAMPLE
from bot.estimate.typed import read_answer
from bot.i18n import LOCALES_DIR

LANGUAGES = ("es", "pt", "ro", "ru", "uk", "fa", "ps")
# What the English examples are read as: "none, or 600 unemployment benefit" gives its amount.
EXAMPLE_VALUES = {
    "est_age": "35", "est_household": "alone", "est_children": "two", "est_work_income": "1200",
    "est_other_income": "unemployment:600", "est_housing": "tenant:450", "est_residence": "french_eu",
}


def _catalog(language: str):
    with open(LOCALES_DIR / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def test_the_english_examples_give_the_expected_values():
    for slot, value in EXAMPLE_VALUES.items():
        assert read_answer(slot, TYPED_EXAMPLE[slot]) == value


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_the_catalog_shows_is_read(language):
    catalog = _catalog(language)
    for slot, value in EXAMPLE_VALUES.items():
        message = catalog.get(TYPED_EXAMPLE[slot])
        assert message is not None and message.string, (language, slot)
        assert read_answer(slot, message.string) == value, (language, slot, message.string)


# The halves of the examples that offer two answers ("nada, o 600 de desempleo").
@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_other_income", "nada", "none"),
    ("est_other_income", "600 de desempleo", "unemployment:600"),
    ("est_residence", "permiso de residencia desde hace 2 años", "permit_less_5y"),
    ("est_other_income", "600 de subsídio de desemprego", "unemployment:600"),
    ("est_residence", "autorização de residência de 2 anos", "permit_less_5y"),
    ("est_other_income", "nimic", "none"),
    ("est_other_income", "600 ajutor de șomaj", "unemployment:600"),
    ("est_residence", "permis de ședere de 2 ani", "permit_less_5y"),
    ("est_other_income", "ничего", "none"),
    ("est_other_income", "пособие по безработице 600", "unemployment:600"),
    ("est_residence", "вид на жительство 2 года", "permit_less_5y"),
    ("est_other_income", "немає", "none"),
    ("est_other_income", "600 допомоги з безробіття", "unemployment:600"),
    ("est_residence", "посвідка на проживання на 2 роки", "permit_less_5y"),
    ("est_other_income", "هیچ", "none"),
    ("est_other_income", "600 پول بیکاری", "unemployment:600"),
    ("est_residence", "اجازه اقامت برای 2 سال", "permit_less_5y"),
    ("est_other_income", "هېڅ", "none"),
    ("est_other_income", "600 د بېکارۍ مرسته", "unemployment:600"),
    ("est_residence", "د 2 کالو لپاره د اوسېدو اجازه لیک", "permit_less_5y"),
])
def test_each_half_of_a_two_answer_example_is_read(slot, text, value):
    assert read_answer(slot, text) == value



@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "tengo 35 años", "35"),
    ("est_age", "tengo 35 anos", "35"),
    ("est_household", "solo/a", "alone"),
    ("est_household", "sola con mis hijos", "alone"),
    ("est_household", "casado", "couple"),
    ("est_household", "vivo con mi esposa", "couple"),
    ("est_household", "no estoy casada", "alone"),
    ("est_children", "dos hijos", "two"),
    ("est_children", "sin hijos", "none"),
    ("est_children", "un bebé", "one_small"),
    ("est_work_income", "gano 1.200 euros", "1200"),
    ("est_work_income", "no trabajo", "0"),
    ("est_other_income", "nada", "none"),
    ("est_other_income", "600 de paro", "unemployment:600"),
    ("est_other_income", "jubilacion 700", "pension:700"),
    ("est_housing", "inquilino", "tenant"),
    ("est_housing", "alquiler 450", "tenant:450"),
    ("est_housing", "con mis padres", "free"),
    ("est_housing", "duermo en la calle", "homeless"),
    ("est_housing", "soy propietario", "owner"),
    ("est_residence", "Nacionalidad francesa", "french_eu"),
    ("est_residence", "soy española", "french_eu"),
    ("est_residence", "permiso de residencia desde hace 2 años", "permit_less_5y"),
    ("est_residence", "permiso de residencia de 10 anos", "permit_5y_plus"),
    ("est_residence", "sin papeles", "no_papers"),
    ("est_residence", "refugiado", "refugee"),
    ("est_residence", "solicitante de asilo", "asylum_seeker"),
    ("est_residence", "titre de sejour 1 an", "permit_less_5y"),
    ("est_age", "no se", "unknown"),
    ("est_residence", "ni idea", "unknown"),
])
def test_typed_answer_in_es_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "tenho 35 anos", "35"),
    ("est_household", "sozinho(a)", "alone"),
    ("est_household", "sozinha", "alone"),
    ("est_household", "casada", "couple"),
    ("est_household", "com o meu marido", "couple"),
    ("est_children", "dois filhos", "two"),
    ("est_children", "nenhum", "none"),
    ("est_children", "1 bebê", "one_small"),
    ("est_work_income", "ganho 1200 euros", "1200"),
    ("est_work_income", "nao trabalho", "0"),
    ("est_other_income", "nada", "none"),
    ("est_other_income", "600 de subsidio de desemprego", "unemployment:600"),
    ("est_other_income", "reforma de 700", "pension:700"),
    ("est_housing", "inquilino, aluguel 450", "tenant:450"),
    ("est_housing", "pago renda de 500", "tenant:500"),
    ("est_housing", "na casa da minha irma", "free"),
    ("est_housing", "sem abrigo", "homeless"),
    ("est_housing", "moro na rua", "homeless"),
    ("est_housing", "proprietario", "owner"),
    ("est_residence", "Francês", "french_eu"),
    ("est_residence", "sou portuguesa", "french_eu"),
    ("est_residence", "autorização de residência de 2 anos", "permit_less_5y"),
    ("est_residence", "autorizacao de residencia de 10 anos", "permit_5y_plus"),
    ("est_residence", "sem papeis", "no_papers"),
    ("est_residence", "refugiada", "refugee"),
    ("est_residence", "pedido de asilo", "asylum_seeker"),
    ("est_age", "não sei", "unknown"),
])
def test_typed_answer_in_pt_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "am 35 de ani", "35"),
    ("est_household", "singur(ă)", "alone"),
    ("est_household", "singura", "alone"),
    ("est_household", "casatorit", "couple"),
    ("est_household", "cu sotia", "couple"),
    ("est_household", "nu sunt casatorita", "alone"),
    ("est_children", "doi copii", "two"),
    ("est_children", "fara copii", "none"),
    ("est_children", "un bebelus", "one_small"),
    ("est_work_income", "1200 de euro", "1200"),
    ("est_work_income", "nu lucrez", "0"),
    ("est_other_income", "nimic", "none"),
    ("est_other_income", "600 ajutor de somaj", "unemployment:600"),
    ("est_other_income", "pensie 700", "pension:700"),
    ("est_housing", "chirias, chirie 450", "tenant:450"),
    ("est_housing", "chiriaș", "tenant"),
    ("est_housing", "la parinti", "free"),
    ("est_housing", "dorm pe strada", "homeless"),
    ("est_housing", "proprietar", "owner"),
    ("est_residence", "Francez(ă)", "french_eu"),
    ("est_residence", "sunt romanca", "french_eu"),
    ("est_residence", "cetățean european", "french_eu"),
    ("est_residence", "permis de ședere de 2 ani", "permit_less_5y"),
    ("est_residence", "fara acte", "no_papers"),
    ("est_residence", "refugiat", "refugee"),
    ("est_residence", "cerere de azil", "asylum_seeker"),
    ("est_age", "nu stiu", "unknown"),
])
def test_typed_answer_in_ro_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "мне 35 лет", "35"),
    ("est_household", "один", "alone"),
    ("est_household", "одна с детьми", "alone"),
    ("est_household", "женат", "couple"),
    ("est_household", "не замужем", "alone"),
    ("est_household", "zhenat", "couple"),
    ("est_household", "с мужем", "couple"),
    ("est_children", "двое детей", "two"),
    ("est_children", "детей нет", "none"),
    ("est_children", "1 младенец", "one_small"),
    ("est_work_income", "1200 евро", "1200"),
    ("est_work_income", "не работаю", "0"),
    ("est_work_income", "nichego", "0"),
    ("est_other_income", "ничего", "none"),
    ("est_other_income", "пособие по безработице 600", "unemployment:600"),
    ("est_other_income", "пенсия 700", "pension:700"),
    ("est_housing", "арендую, аренда 450", "tenant:450"),
    ("est_housing", "снимаю квартиру за 500", "tenant:500"),
    ("est_housing", "arenduyu", "tenant"),
    ("est_housing", "живу у друзей", "free"),
    ("est_housing", "сплю на улице", "homeless"),
    ("est_housing", "собственник", "owner"),
    ("est_residence", "Гражданство Франции", "french_eu"),
    ("est_residence", "вид на жительство 2 года", "permit_less_5y"),
    ("est_residence", "вид на жительство на 10 лет", "permit_5y_plus"),
    ("est_residence", "без документов", "no_papers"),
    ("est_residence", "беженец", "refugee"),
    ("est_residence", "ищу убежище", "asylum_seeker"),
    ("est_residence", "vnzh", "permit_less_5y"),
    ("est_age", "не знаю", "unknown"),
    ("est_housing", "живу в съёмной квартире", "tenant"),
    ("est_housing", "живу в съемной квартире", "tenant"),
    ("est_residence", "беженка", "refugee"),
    ("est_residence", "ВНЖ на 2 года", "permit_less_5y"),
    ("est_residence", "ubezhishche", "asylum_seeker"),
])
def test_typed_answer_in_ru_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "мені 35 років", "35"),
    ("est_household", "сам", "alone"),
    ("est_household", "сама з дітьми", "alone"),
    ("est_household", "одружений", "couple"),
    ("est_household", "неодружена", "alone"),
    ("est_household", "з чоловіком", "couple"),
    ("est_household", "sama", "alone"),
    ("est_children", "двоє дітей", "two"),
    ("est_children", "дітей немає", "none"),
    ("est_children", "немовля", "one_small"),
    ("est_work_income", "1200 євро", "1200"),
    ("est_work_income", "не працюю", "0"),
    ("est_other_income", "немає", "none"),
    ("est_other_income", "600 допомоги з безробіття", "unemployment:600"),
    ("est_other_income", "пенсія 700", "pension:700"),
    ("est_housing", "орендар, оренда 450", "tenant:450"),
    ("est_housing", "орендую", "tenant"),
    ("est_housing", "orenda 500", "tenant:500"),
    ("est_housing", "у родичів", "free"),
    ("est_housing", "ночую на вулиці", "homeless"),
    ("est_housing", "власник", "owner"),
    ("est_residence", "громадянство Франції", "french_eu"),
    ("est_residence", "посвідка на проживання на 2 роки", "permit_less_5y"),
    ("est_residence", "тимчасовий захист", "permit_less_5y"),
    ("est_residence", "біженка, тимчасовий захист", "permit_less_5y"),
    ("est_residence", "без документів", "no_papers"),
    ("est_residence", "статус біженця", "refugee"),
    ("est_residence", "шукаю притулку", "asylum_seeker"),
    ("est_age", "не знаю", "unknown"),
    ("est_residence", "статус біженки", "refugee"),
    ("est_residence", "protection temporaire", "permit_less_5y"),
    ("est_residence", "посвідка на 5 років", "permit_5y_plus"),
])
def test_typed_answer_in_uk_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "۳۵ سال", "35"),
    ("est_age", "35 saal", "35"),
    ("est_household", "تنها", "alone"),
    ("est_household", "tanha", "alone"),
    ("est_household", "متأهل", "couple"),
    ("est_household", "با همسرم", "couple"),
    ("est_household", "ازدواج نکرده ام", "alone"),
    ("est_children", "دو", "two"),
    ("est_children", "۲ بچه", "two"),
    ("est_children", "بچه ندارم", "none"),
    ("est_children", "یک نوزاد", "one_small"),
    ("est_work_income", "۱۲۰۰", "1200"),
    ("est_work_income", "۱٬۲۰۰ یورو", "1200"),
    ("est_work_income", "هیچ", "0"),
    ("est_work_income", "کار نمی\u200cکنم", "0"),
    ("est_other_income", "هیچ", "none"),
    ("est_other_income", "۶۰۰ پول بیکاری", "unemployment:600"),
    ("est_other_income", "تقاعد 700", "pension:700"),
    ("est_housing", "کرایه\u200cنشین", "tenant"),
    ("est_housing", "کرایه نشین، کرایه ۴۵۰", "tenant:450"),
    ("est_housing", "ejare 450", "tenant:450"),
    ("est_housing", "پیش فامیلم", "free"),
    ("est_housing", "در سرک", "homeless"),
    ("est_housing", "خانه ندارم", "homeless"),
    ("est_residence", "فرانسوی", "french_eu"),
    ("est_residence", "اجازه اقامت برای 2 سال", "permit_less_5y"),
    ("est_residence", "کارت اقامت ۱۰ ساله", "permit_5y_plus"),
    ("est_residence", "بدون مدرک", "no_papers"),
    ("est_residence", "پناهنده", "refugee"),
    ("est_residence", "درخواست پناهندگی کردم", "asylum_seeker"),
    ("est_residence", "پناهجو", "asylum_seeker"),
    ("est_age", "نمی\u200cدانم", "unknown"),
    ("est_age", "nemidanam", "unknown"),
    ("est_housing", "کرایه نشین", "tenant"),
    ("est_housing", "كرايه", "tenant"),
    ("est_household", "بیوه هستم", "alone"),
])
def test_typed_answer_in_fa_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("est_age", "۳۵ کلن یم", "35"),
    ("est_household", "یوازې", "alone"),
    ("est_household", "یوازی", "alone"),
    ("est_household", "yawaze", "alone"),
    ("est_household", "واده شوی یم", "couple"),
    ("est_household", "واده نه یم شوی", "alone"),
    ("est_children", "دوه ماشومان", "two"),
    ("est_children", "ماشوم نه لرم", "none"),
    ("est_children", "۳", "three"),
    ("est_work_income", "۱۲۰۰", "1200"),
    ("est_work_income", "کار نه کوم", "0"),
    ("est_work_income", "هیڅ", "0"),
    ("est_other_income", "هېڅ", "none"),
    ("est_other_income", "600 د بېکارۍ مرسته", "unemployment:600"),
    ("est_other_income", "600 د بیکاری مرسته", "unemployment:600"),
    ("est_other_income", "د تقاعد معاش 700", "pension:700"),
    ("est_housing", "کرایه دار", "tenant"),
    ("est_housing", "کرایه ۴۵۰", "tenant:450"),
    ("est_housing", "kiraya 450", "tenant:450"),
    ("est_housing", "له خپلوانو سره", "free"),
    ("est_housing", "په سړک", "homeless"),
    ("est_housing", "خپل کور", "owner"),
    ("est_residence", "فرانسوي", "french_eu"),
    ("est_residence", "د 2 کالو لپاره د اوسېدو اجازه لیک", "permit_less_5y"),
    ("est_residence", "د 2 کالو لپاره د اوسیدو اجازه لیک", "permit_less_5y"),
    ("est_residence", "د ۱۰ کالو اجازه لیک", "permit_5y_plus"),
    ("est_residence", "اسناد نه لرم", "no_papers"),
    ("est_residence", "کډوال", "refugee"),
    ("est_residence", "پناه غوښتونکی یم", "asylum_seeker"),
    ("est_age", "نه پوهېږم", "unknown"),
    ("est_age", "نه پوهیږم", "unknown"),
    # Typed on a Persian keyboard (ش for ښ, گ for ګ, ژ for ږ).
    ("est_residence", "پناه غوشتونکی یم", "asylum_seeker"),
    ("est_housing", "له ملگرو سره", "free"),
    ("est_age", "نه پوهیژم", "unknown"),
])
def test_typed_answer_in_ps_is_read(slot, text, value):
    assert read_answer(slot, text) == value


@pytest.mark.parametrize(("language", "slot", "text"), [
    ("es", "est_household", "hola, que tal"),
    ("es", "est_housing", "vivo en la calle Mayor"),
    ("es", "est_residence", "buenos dias"),
    ("pt", "est_household", "bom dia"),
    ("pt", "est_housing", "obrigado"),
    ("pt", "est_residence", "ola"),
    ("ro", "est_household", "buna ziua"),
    ("ro", "est_housing", "multumesc"),
    ("ro", "est_residence", "salut"),
    ("ru", "est_household", "привет"),
    ("ru", "est_housing", "живу на улице Ленина"),
    ("ru", "est_age", "privet"),
    ("uk", "est_household", "дякую"),
    ("uk", "est_residence", "добрий день"),
    ("uk", "est_housing", "привіт"),
    ("fa", "est_household", "سلام علیکم"),
    ("fa", "est_residence", "تشکر"),
    ("fa", "est_age", "salam"),
    ("ps", "est_household", "سلام"),
    ("ps", "est_residence", "مننه"),
    ("ps", "est_housing", "ښه یم"),
    ("pt", "est_housing", "moro na rua Augusta"),
    ("ro", "est_housing", "stau pe strada Florilor"),
])
def test_sentence_that_answers_nothing_is_not_read(language, slot, text):
    assert read_answer(slot, text) is None, language


@pytest.mark.parametrize(("text", "value"), [
    ("dos", "two"), ("dos hijos", "two"), ("tres niños", "three"), ("dois filhos", "two"), ("tres", "three"),
    ("دو", "two"), ("دو بچه", "two"), ("دو تا بچه", "two"),
    # The same words in French and Arabic sentences are not numbers.
    ("j'ai mal au dos", None), ("je dois partir", None), ("merci c'est très clair", None),
    ("بانك دو فرانس", None),
])
def test_number_words_that_are_also_other_words_are_read_only_as_a_count(text, value):
    assert read_answer("est_children", text) == value


def test_thousands_split_by_the_arabic_separator_are_one_number():
    assert read_answer("est_work_income", "١٬٢٠٠") == "1200"
    assert read_answer("est_work_income", "۱٬۲۰۰ افغانی") == "1200"


def test_a_romanian_has_is_not_the_unemployment_benefit():
    """"are" is the ARE in French but "has" in Romanian: "my husband has a salary of 1200"."""
    # At 70, an amount with no kind is a pension: "he has 300 a month" must stay one.
    assert read_answer("est_other_income", "sotul meu are 300 pe luna", age="70") == "pension:300"
    assert read_answer("est_other_income", "je touche l'ARE 900", age="70") == "unemployment:900"
    assert read_answer("est_other_income", "ARE", age="70") is None  # no amount: asked again
