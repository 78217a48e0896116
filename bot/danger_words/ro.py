"""Danger words in Romanian (as typed on a phone, mostly without diacritics): see `bot.danger_words`.

Drafted without a native speaker: awaiting review (tests/unit/safety_corpus/ro.yml says so too).
"""

# Who can threaten: people, never things ("hartiile astea ma omoara", "chiria ma omoara").
_PERSON = (r"\b(sotul|sotu|barbatul|barbatu|iubitul|iubitu|prietenul|fostul|fostu|tatal|tata|tatu|"
           r"fratele|socrul|unchiul|vecinul|seful|sefu|concubinul|proxenetul|familia|mama|fiul)\b")
# A bare pronoun comes right before the threat ("el ma omoara"; "el" is also Spanish "the").
_PRONOUN = r"(^|\b(el|ea|ei|ele|cineva|ca|si|daca))"
_KILL_ME = (r"(((vrea|vor|va|a incercat|incearca) sa ma (omoare|ucida|omoara))|o sa ma (omoare|ucida)|"
            r"ma (omoara|omoare|ucide|va omori)\b)")
_CHILD = (r"(copilul|copilu|copiii|copii|copiilor|fiul|fiica|baiatul|baiatu|fetita|fata|bebelusul|"
          r"bebe|bebelusu)")
# "pe strada" is also an address ("locuiesc pe strada Mihai Viteazu"): only at the end or before a
# word that cannot start a street name.
_STREET_END = (r"(?=\s*$|\s*[,.!;]| (cu|de|azi|acum|si|fara|in seara|noaptea|asta|ca|nu|copiii|copii|"
               r"iar|din nou|ajutor|va rog|vă rog))")

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _PERSON + r"(?: \w+){0,4}? " + _KILL_ME, _PRONOUN + r" ?" + _KILL_ME,
        r"\b(zice|a zis|spune|a spus) ca (o sa )?ma (omoara|omoare|ucide)",
        r"\bamenint\w* (cu moartea|ca ma omoara|ca o sa ma omoare|cu (un )?(cutit|cutitul|arma|pistol))",
        r"\bamenintari cu moartea",
    ),
    "suicide": (
        r"\bsuicid", r"\bsinucid", r"\bvreau sa mor\b",
        r"\b(vreau sa|o sa|am sa|sa) ma (omor|spanzur|arunc)\b(?! de ras| dupa)",
        r"\b(sa|vreau sa) (mi|imi) (iau|curm) viata", r"\bnu mai vreau sa (traiesc|mai traiesc)",
        r"\bnu mai am (chef|putere) sa traiesc", r"\bvreau sa termin cu (tot|totul|viata)",
        r"\bmai bine as muri", r"\bar fi mai bine fara mine",
        r"\bam (luat|inghitit) toate (pastilele|medicamentele)",
    ),
    "violence": (
        r"\b(ma|m a|m au) (bate|batea|batut|loveste|lovea|lovit|violeaza|violat|agreseaza|agresat|"
        r"sugruma|sugrumat|strans de gat|strange de gat|abuzeaza|abuzat|injunghiat|snopit|snopeste|"
        r"chinuie|tabarat)\b(?! gandul)",
        r"\bam fost (violata|violat|batuta|batut|agresata|agresat|abuzata|injunghiata)",
        r"\b(un barbat|un tip|cineva|niste barbati) (ma|mă) urmares",
        r"\bviolent[aei]", r"\bfemei(e|le)? batut[ae]",
        r"(^|\b(eu|noi|acum|si|ca|ajutor) )(sunt|suntem) in pericol\b",
        r"\bmi e (frica|teama) de (sotul|barbatul|iubitul|fostul|concubinul)",
    ),
    "child": (
        r"\b" + _CHILD + r"(?: \w+){0,2}? (e|este|sunt) in pericol",
        r"\b(bate|loveste|violeaza|abuzeaza|agreseaza|chinuie) (pe )?" + _CHILD,
        r"\babuz (sexual )?asupra copi", r"\bcopi(l|ii|i) abuzat",
    ),
    "medical": (
        r"\bnu (mai )?respira\b", r"\brespira (greu|cu greu|foarte greu)",
        r"\bnu (mai )?(poate|pot) (sa )?respir", r"\bleşin|\blesin",
        r"\binconstient", r"\binfarct", r"\batac (de cord|cerebral)", r"\bavc\b",
        r"\b(durere|dureri) (in|la|de) piept", r"\bma doare (tare )?pieptul",
        r"\bsangereaza (mult|tare|abundent|foarte)", r"\bhemoragie", r"\bconvulsi", r"\bsupradoz",
        r"\bnu se (mai )?trezeste",
    ),
    "shelter": (
        r"\b(dorm|dormim|dormi|doarme|dormit|sa dorm|sa dormim) (pe strada|in strada|afara|in masina|"
        r"in gara|in parc|sub (un )?pod)",
        r"\b(sunt|suntem|am ramas|ramas|stau|stam|traiesc|traim|locuiesc) (pe strada|in strada)"
        + _STREET_END,
        r"\b(m a|m au|ne a|ne au|ma|ne) (dat|da) afara\b(?! de la (munca|serviciu|job|lucru|scoala))",
        r"\b(nu|n) (am|avem) unde (sa )?(dorm|dormi|dormim|sta|stau|stam|merge|ma duc)",
        r"\b(sunt|suntem|am ramas|ramasi) (fara adapost|fara casa|fara locuinta|boschetar)",
    ),
}
