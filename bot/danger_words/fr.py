"""Danger words in French: see `bot.danger_words`."""

# Who can threaten: people, never things ("ce dossier va me tuer", "the deadline is killing me").
_WHO = (r"\b(il|elle|ils|elles|on|lui|quelqu un|qqn|(mon|ma|son|sa|leur|le|la|ce|cet|cette) "
        r"(mari|femme|ex|copain|copine|conjoint|conjointe|compagnon|compagne|pere|mere|frere|"
        r"soeur|beau pere|belle mere|oncle|cousin|fils|voisin|patron|proprio|mec|type|gars|"
        r"homme|famille|belle famille))\b")
_CHILD = r"(enfant|enfants|fils|fille|filles|bebe|bebes|petit|petite|petits|gosse|gosses)"

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _WHO + r"(?: \w+){0,4}? (me|m) (tuer|tue|tues|tuera|buter|egorger|crever)\b",
        r"\bmenac\w* (de mort|de (me )?tuer|avec (un|une) (couteau|arme|pistolet|fusil))",
        r"\bcouteau sous la gorge",
    ),
    "suicide": (
        r"\bsuicid", r"\bme pendre\b", r"\bme foutre en l ?air", r"\bm?en finir\b",
        r"\bmettre fin a (mes|ma) (jours?|vie)\b",
        r"\b(je|j|jv\w*|envie de|envi de|besoin de|vais|veux|veu|voudrais|pense a|penser a)"
        r"(?: \w+){0,3}? (me|m) (tuer|jeter (sous|du|par|d un|de la))\b",
        r"(veux|veu|voudrais|envie de|envi de|prefere|vais) mourir\b"
        r"(?! (de|d) (faim|froid|rire|honte|envie|ennui|chaud))",
        r"(veux|veu|ve) (plus|pas) vivre", r"\b(plus|pas) envie de vivre",
        r"\b(envie de|veux|veu|vais) disparaitre", r"\bsauter (du|d un|par la|de la) ",
        r"\b(pris|avale) (tous|toutes) mes (medic|medoc|cachet|pilule)",
    ),
    "violence": (
        r"\b(me|m|ma|m a) (frapp\w*|tape|tapee|tapait|bat|bats|battu|battue|battait|cogn\w*|"
        r"tabass\w*|etrangl\w*|viole|violee|violer|violait|agress\w*|brutalis\w*)\b",
        r"\bviolence", r"\bfemmes? battues?", r"\bleve la main sur moi",
        r"\b(je suis|jsuis|je me sens|on est) en danger\b(?! de)",
    ),
    "child": (
        r"\b" + _CHILD + r"\b(?: \w+){0,2}? (est|sont|en) (en )?danger",
        r"\bmaltrait",
        r"\b(frappe|bat|tape|cogne|tabasse|viole|touche) (mon|ma|mes|les|nos|notre) " + _CHILD,
    ),
    "medical": (
        r"\bne respire (plus|pas)", r"\brespire (mal|plus)", r"\b(peut|peux) (plus|pas) respirer",
        r"\bevanoui", r"\binconscient", r"\bcrise cardiaque", r"\binfarctus", r"\bavc\b",
        r"\bsaigne (beaucoup|bcp|enormement)", r"\bhemorragie", r"\bconvuls",
        r"\b(douleur|mal) (a|dans|au niveau de) la poitrine", r"\b(surdose|overdose)",
        r"\b(fait|fais) un malaise",
    ),
    "shelter": (
        r"\b(dors|dort|dormir|dormons|dorment|vis|vit|vivre|vivons|suis|sommes) (dehors|"
        r"dans (la|ma|une|notre|sa) (rue|voiture|bagnole|tente|gare)|a la gare|a la rue|"
        r"dans le metro|sous (un|le) pont)",
        r"\bsdf\b", r"\bsans (abri|domicile)", r"\b(nulle part|nul part|pas|plus) ou dormir",
        r"\b(mis|mise|jete|jetee|vire|viree) dehors\b",
        r"\b(mis|mise) a la porte (ce soir|cette nuit|aujourd hui)",
    ),
}
