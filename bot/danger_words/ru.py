"""Danger words in Russian, in Cyrillic and in the Latin transliteration people type without a
Cyrillic keyboard ("on menya ub'et"): see `bot.danger_words`. Folding turns ё into е and й into и
in messages and patterns alike, so either spelling may be written here.

Drafted without a native speaker: awaiting review (tests/unit/safety_corpus/ru.yml says so too).
"""

# Who can threaten: people, never things ("эти бумаги меня убьют", "эта работа меня убивает").
_WHO = (r"\b(он|она|они|кто то|муж|мужик|парень|бывший|сожитель|отец|отчим|брат|свекор|свекровь|"
        r"сосед|сутенер|хозяин|сын|родственники)\b")
_WHO_LATIN = r"\b(on|ona|oni|muzh|muj|paren|byvshii|byvshiy|otec|otchim|brat)\b"
_KILLS = r"(убьет|убъет|прибьет|зарежет|задушит|убьют|прибьют|убил бы)"
_KILLS_LATIN = r"(ub ?y?[eo]t|ubjet|ubiet|ub ?yut|pribyet|zarezhet)"
_CHILD = r"(ребенок|ребенка|дети|детей|сын|сына|дочь|дочка|дочку|малыш|малыша|младенец)"
# "на улице" is also an address ("живу на улице Ленина"): only at the end or before a word that
# cannot start a street name.
_STREET_END = (r"(?=\s*$|\s*[,.!;]| (с|со|уже|сегодня|сейчас|и|без|этой|эту|потому|не|мои|мой|"
               r"моими|опять|помогите|пожалуйста|s|uzhe|segodnya|i|bez|pomogite))")

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _WHO + r"(?: \w+){0,4}? " + _KILLS + r"\b", r"\bменя (убьют|прибьют|зарежут)\b",
        r"\b(хочет|хотят|хотел|грозит|грозится|грозился|обещал|обещает|пытался|пытается) (меня )?"
        r"(убить|зарезать|задушить)",
        r"\bугрож\w* (убить|убийством|смертью|ножом|пистолетом|оружием)", r"\bугрозы? (убийством|смертью)",
        r"\bсказал что (меня )?" + _KILLS,
        _WHO_LATIN + r"(?: \w+){0,3}? " + _KILLS_LATIN + r"\b",
        r"\b(hochet|khochet|xochet|grozit|ugrozhaet|ugrojaet) (menya )?(ubit|zarezat)\b",
    ),
    "suicide": (
        r"\bсуицид", r"\bсамоубийств", r"\bпокончить с собой", r"\bпокончу с собой",
        r"\b(хочу|хочется|хотела|хотел) (умереть|сдохнуть|исчезнуть навсегда)",
        r"\b(не хочу|не хочется|нет сил) (больше )?жить", r"\bжить не хочу", r"\bнет смысла жить",
        r"\b(убить|убью) себя", r"\b(повеситься|повешусь|выпрыгнуть из окна|выброшусь)",
        r"\b(выпила|выпил|наглоталась|наглотался|приняла|принял) (все )?таблет",
        r"\bвсем будет лучше без меня",
        r"\b(hochu|khochu|xochu) (umeret|umerett|sdohnut)", r"\bne (hochu|khochu|xochu) (bolshe )?zhit",
        r"\bpokonch(it|u) s soboi?y?", r"\b(ubit|ub ?yu) sebya", r"\bsamoubi[iy]stv",
    ),
    "violence": (
        r"\bменя (бьет|бьют|избивает|избил|избили|ударил|бил|изнасиловал|изнасиловали|душил|душит|"
        r"насилует|пырнул|порезал)\b",
        r"\b(бьет|бьют|избивает|избил|избили|ударил|бил|изнасиловал|изнасиловали|душил|душит|насилует|"
        r"пырнул) меня\b",
        r"\bнасили(е|я|ем|и|ю)\b(?! над )", r"\bизнасил",
        r"\b(я|мы) в опасности", r"\bбоюсь (своего )?(мужа|парня|бывшего)",
        r"\b(menya (b ?y?et|bjet|izbivaet|izbil|udaril|iznasiloval\w*|dushil)|"
        r"(b ?y?et|izbivaet|izbil) menya)\b",
        r"\bnasilie", r"\biznasil", r"\bya v opasnosti",
    ),
    "child": (
        r"\b" + _CHILD + r"(?: \w+){0,2}? в опасности",
        r"\b(бьет|избивает|насилует|обижает|бьют) (моего |моих |моих |нашего |наших )?" + _CHILD,
        r"\bнасилие над (детьми|ребенком)",
        r"\b(rebenok|rebyonok|deti|syn|doch|dochka) (v|vse v) opasnosti",
    ),
    "medical": (
        r"\bне дышит", r"\bне (может|могу|можем) дышать", r"\bзадыхается",
        r"\bпотерял\w* сознание", r"\bбез сознания", r"\bинфаркт", r"\bсердечный приступ",
        r"(?<!после )(?<!от )инсульт", r"\b(плохо|тяжело|с трудом) дышит", r"\bбол\w* в груди",
        r"\b(сильное )?кровотечение", r"\bкровь не останавливается",
        r"\bсудорог", r"\bпередозировк", r"\bне просыпается",
        r"\bne dyshit", r"\bne (mozhet|mogu) dyshat", r"\bbez soznaniya", r"\binfarkt", r"\bbol v grudi",
    ),
    "shelter": (
        r"\b(сплю|спим|спать|ночую|ночуем|ночевать|ночевала|ночевал) (на улице|в машине|на вокзале|"
        r"в парке|под мостом)",
        r"\b(живу|живем|оказался|оказалась|оказались|остался|осталась|остались|я|мы) на улице" + _STREET_END,
        r"\bвыгнал\w* (меня |нас )?(из дома|из квартиры|на улицу)",
        r"\b(меня|нас) выгнал\w*\b(?! (с|со) (работы|учебы))",
        r"\bнегде (спать|ночевать|жить)", r"\bнекуда (идти|пойти|деться|податься)", r"\bночевать негде",
        r"\b(я|мы) (бездомн|без жилья)",
        r"\b(splyu|spim|spat|nochuyu) (na ulice|na ulitse|v mashine|na vokzale)",
        r"\b(ya|my|zhivu|okazalas|okazalsya|ostalas) na (ulice|ulitse)" + _STREET_END,
        r"\bnegde (spat|nochevat|zhit)", r"\bvygnal\w* (menya |nas )?(iz doma|iz kvartiry|na ulicu)",
    ),
}
