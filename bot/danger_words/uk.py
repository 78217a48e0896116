"""Danger words in Ukrainian, in Cyrillic and in the Latin transliteration people type without a
Cyrillic keyboard ("vin mene vbye"): see `bot.danger_words`. Folding keeps і, є and ґ (not Russian
и, е, г), turns ї into і and й into и, and the apostrophe (', ’ or ʼ) into a space: "вб'є" is
matched as "вб є".

Drafted without a native speaker: awaiting review (tests/unit/safety_corpus/uk.yml says so too).
"""

# Who can threaten: people, never things ("ці папери мене вб'ють", "ця робота мене вбиває").
_WHO = (r"\b(він|вона|вони|хтось|чоловік|хлопець|колишній|співмешканець|батько|вітчим|брат|свекор|"
        r"сусід|сутенер|господар|син|родичі)\b")
_WHO_LATIN = r"\b(vin|vona|vony|cholovik|kolyshnii|kolyshniy|khlopets|hlopets|batko|vitchym)\b"
_KILLS = r"((в|у)б ?є|(в|у)б ?ють|(в|у)биває|заріже|задушить)\b"
_KILLS_LATIN = r"((v|u)b ?(y?e|ie|je|yut)|ubyvaie|vbyvaie|zarizhe)\b"
_CHILD = r"(дитина|дитину|діти|дітей|син|сина|донька|доньку|дочка|дочку|малюк|малюка|немовля)"
# "на вулиці" is also an address ("живу на вулиці Шевченка"): only at the end or before a word that
# cannot start a street name.
_STREET_END = (r"(?=\s*$|\s*[,.!;]| (з|із|вже|сьогодні|зараз|і|й|та|без|цієї|цю|бо|не|мої|мій|"
               r"моїми|знову|допоможіть|будь ласка|z|vzhe|sohodni|i|bez|dopomozhit))")

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _WHO + r"(?: \w+){0,4}? " + _KILLS,
        r"\b(хоче|хочуть|хотів|погрожує|погрожував|обіцяв|обіцяє|намагався|намагається|грозиться) "
        r"(мене )?((в|у)бити|зарізати|задушити)",
        r"\bпогрож\w* ((в|у)бивством|смертю|ножем|пістолетом|зброєю)", r"\bпогрози? ((в|у)бивством|смертю)",
        r"\bсказав що (мене )?" + _KILLS,
        _WHO_LATIN + r"(?: \w+){0,3}? " + _KILLS_LATIN,
        r"\b(hoche|khoche|pogrozhuie|pohrozhuie|pohrozhuye) (mene )?(v|u)byty\b",
    ),
    "suicide": (
        r"\bсуїцид", r"\bсамогубств", r"\bпокінчити (з|із) собою", r"\bпокінчу (з|із) собою",
        r"\b(хочу|хочеться|хотіла|хотів) (померти|вмерти|здохнути|зникнути назавжди)",
        r"\b(не хочу|не хочеться|немає сил) (більше )?жити", r"\bжити не хочу", r"\bнемає сенсу жити",
        r"\b((в|у)бити|(в|у)б ?ю) себе", r"\b(повіситися|повішуся|вистрибнути з вікна|викинуся)",
        r"\b(випила|випив|наковталася|наковтався|прийняла|прийняв) (всі |усі )?таблет",
        r"\bвсім буде краще без мене",
        r"\b(hochu|khochu|xochu) (pomerty|vmerty|pomerti)", r"\bne (hochu|khochu|xochu) (bilshe )?zhyty",
        r"\bpokinchyty (z|iz) soboiu", r"\bsamohubstv",
    ),
    "violence": (
        r"\bмене (б ?є|б ?ють|побив|побили|бив|вдарив|гвалтує|з[ґг]валтував|з[ґг]валтували|душив|душить|"
        r"порізав)\b",
        r"\b(б ?є|б ?ють|побив|побили|вдарив|з[ґг]валтував|з[ґг]валтували|душив|душить) мене\b",
        r"\bнасильств(о|а|ом|і)\b(?! над )", r"\bз[ґг]валт", r"\b(я|ми) (в|у) небезпеці",
        r"\bбоюся (свого )?(чоловіка|хлопця|колишнього)",
        r"\b(mene (b ?y?e|bie|pobyv|vdaryv|zgvaltuvav\w*|zhvaltuvav\w*|dushyv)|(b ?y?e|pobyv) mene)\b",
        r"\bnasylstv", r"\bz[gh]valt", r"\bya (v|u) nebezpetsi",
    ),
    "child": (
        r"\b" + _CHILD + r"(?: \w+){0,2}? (в|у) небезпеці",
        r"\b(б ?є|б ?ють|побив|кривдить|гвалтує) (мого |моїх |мою |нашого |наших |нашу )?" + _CHILD,
        r"\bнасильство над (дітьми|дитиною)",
        r"\b(dytyna|dity|syn|donka|dochka) (v|u) nebezpetsi",
    ),
    "medical": (
        r"\bне дихає", r"\bне (може|можу|можемо) дихати", r"\bзадихається", r"\bзнепритомні",
        r"\b(втратив|втратила) свідомість", r"\bбез свідомості", r"\bінфаркт", r"\bсерцевий напад",
        r"(?<!після )(?<!від )інсульт", r"\b(погано|важко|ледве) дихає", r"\bбіль (в|у) грудях",
        r"\b(сильна )?кровотеча", r"\bсудом", r"\bпередозуван",
        r"\bне прокидається",
        r"\b(ne|pogano|pohano|vazhko) (dyhaie|dykhaie|dyhaye|dykhaye)",
        r"\bne (mozhe|mozhu) (dyhaty|dykhaty)",
        r"\bbez svidomosti", r"\binfarkt",
    ),
    "shelter": (
        r"\b(сплю|спимо|спати|ночую|ночуємо|ночувати|ночувала|ночував) (на вулиці|(в|у) машині|"
        r"на вокзалі|(в|у) парку|під мостом)",
        r"\b(живу|живемо|опинилася|опинився|опинились|залишилася|залишився|залишились|я|ми) на вулиці"
        + _STREET_END,
        r"\bвигнал\w* (мене |нас )?((з|із) дому|(з|із) хати|(з|із) квартири|на вулицю)",
        r"\b(мене|нас) вигнал\w*\b(?! (з|із) (роботи|навчання))",
        r"\bніде (спати|ночувати|жити)", r"\b(нема|немає|нікуди) (куди )?(йти|піти|подітися)\b",
        r"\bночувати ніде", r"\b(я|ми) (безхатьк|бездомн|без житла)",
        r"\b(splyu|spymo|spaty|nochuiu|nochuyu) (na vulytsi|na vulici|v mashyni|na vokzali)",
        r"\b(ya|my|zhyvu|opynylasia|opynylasya|zalyshylasia) na (vulytsi|vulici)" + _STREET_END,
        r"\bnide (spaty|nochuvaty|zhyty)", r"\bvyhnal\w* (mene |nas )?(z domu|z kvartyry|na vulytsiu)",
    ),
}
