"""Danger words in Portuguese (Brazil and Portugal, as typed on a phone): see `bot.danger_words`.

Drafted without a native speaker: awaiting review (tests/unit/safety_corpus/pt.yml says so too).
"""

# Who can threaten: people, never things ("esse papel me mata", "o aluguel vai me matar").
_PERSON = (r"\b(meu|minha|seu|sua|o|a|teu|tua) (marido|esposo|companheiro|namorado|namorada|ex|pai|"
           r"padrasto|mae|irmao|sogro|sogra|tio|primo|filho|patrao|chefe|senhorio|vizinho|familia|"
           r"homem|cara|cafetao|chulo)\b")
# "a", "o" and "e" are also articles and "and": a bare pronoun comes right before the threat.
_PRONOUN = r"(^|\b(ele|ela|eles|elas|alguem|que|porque|pq|q))"
_KILL_ME = (r"((vai|vao|quer|querem|ia|tentou|vão) (me matar|matar me)|me mata(ra)?\b|me matam\b)")
_CHILD = r"(filho|filha|filhos|filhas|crianca|criancas|bebe|nenem|menino|menina|meninos|meninas)"
# "na rua" is also an address ("moro na rua Augusta"): only at the end or before a word that
# cannot start a street name.
_STREET_END = (r"(?=\s*$|\s*[,.!;]| (com|desde|ha|hoje|agora|e|sem|esta|este|essa|porque|que|nao|"
               r"meus|minha|minhas|meu|de novo|outra vez|ajuda|por favor|pfv|pf))")

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _PERSON + r"(?: \w+){0,4}? " + _KILL_ME, _PRONOUN + r" ?" + _KILL_ME,
        r"\b(disse|diz|falou|fala|dizem|disseram) que (vai|vao) (me matar|matar me)",
        r"\bamea[cç]\w* (de morte|me matar|matar me|com (uma|um) (faca|arma|revolver|pistola))",
        r"\bamea[cç]as? de morte",
    ),
    "suicide": (
        r"\bsuicid", r"\b(quero|kero|vou|to pensando em|penso em|vontade de) (me )?morrer\b",
        r"\b(quero|kero|vou|vontade de|penso em|pensando em) (me matar|matar me|me enforcar|enforcar me)\b"
        r"(?! de (trabalhar|estudar|rir|fome))",
        r"\btirar (a )?(minha )?(propria )?vida", r"\bacabar com (a minha vida|minha vida|tudo)\b",
        r"\bnao (quero|kero|aguento) mais viver", r"\b(nao tenho|sem) vontade de viver",
        r"\bestariam melhor sem mim",
        r"\btomei (todos|todas) (os |as )?(meus |minhas )?(comprimidos|remedios|pilulas)",
        r"\b(me jogar|pular|atirar me) (da|de uma|do|na frente)",
    ),
    "violence": (
        r"\b(me|m) (bate|batia|bateu|batem|espanca|espancou|espancava|agride|agrediu|estuprou|"
        r"estupra|violentou|enforcou|sufocou|esganou|esfaqueou|maltrata|maltratou|abusa|abusou)\b"
        r"(?! uma| um )",
        r"\bfui (estuprada|estuprado|violentada|agredida|agredido|espancada|espancado|abusada)",
        r"\b(esta|ta|estao) (a )?(bater me|espancar me|me bater|me espancar|me batendo|me espancando)",
        r"\b(batendo|bater) em mim\b",
        r"\b(um homem|um cara|alguem|um desconhecido) (que )?(esta |ta )?(me seguindo|me segue|a seguir me)",
        r"\bviolencia", r"\bmulher(es)? agredida", r"\b(estou|to|estamos|tamo) em perigo\b",
        r"\bmedo do (meu )?(marido|esposo|companheiro|namorado|ex)",
    ),
    "child": (
        r"\b(meu|minha|meus|minhas|o|a|os|as) " + _CHILD + r"(?: \w+){0,2}? (esta|estao|ta|tao) em perigo",
        r"\bmaus tratos (infantis|a crianca|contra crianca)", r"\babuso (sexual )?infantil",
        r"\b(bate|espanca|maltrata|abusa|agride|toca) (em |no |na |nos |nas |o |a |os |as )?"
        r"(meu |minha |meus |minhas )?" + _CHILD,
    ),
    "medical": (
        r"\bnao (consegue|consigo|conseguimos|esta|ta) (respirar|respirando)\b", r"\bnao respira\b",
        r"\brespira(ndo)? (mal|com dificuldade)",
        r"\bdesmai", r"\binconsciente", r"(?<!depois de um )(?<!depois do )\bavc\b", r"\binfarto",
        r"\benfarte", r"\bataque cardiaco",
        r"\bdor no peito",
        r"\bsangra(ndo)? muito", r"\bhemorragia", r"\bconvuls", r"\boverdose", r"\bnao acorda\b",
    ),
    "shelter": (
        r"\b(durmo|dormimos|dormir|dormindo|dormi|dorme) (na rua|no carro|no meu carro|no nosso carro|"
        r"na estacao|na praca|numa praca|fora|debaixo de uma ponte)",
        r"\b(estou|to|estamos|tamo|moro|moramos|vivo|vivemos|fiquei|ficamos) na rua" + _STREET_END,
        r"\b(me|nos) (expulsou|expulsaram|botou|botaram|colocou|colocaram|jogou|jogaram|pos|puseram|"
        r"mandou|mandaram) (pra|para|na|no meio da) (fora de casa|rua|fora)",
        r"\bexpuls\w* de casa",
        r"\bnao (tenho|temos) (onde|aonde|para onde|pra onde|lugar (para|pra)) (dormir|ficar|ir)",
        r"\b(estou|to|sou|somos|estamos) (sem abrigo|sem teto|sem casa|morador de rua|moradora de rua|"
        r"em situacao de rua)",
    ),
}
