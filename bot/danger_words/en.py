"""Danger words in English: see `bot.danger_words`."""

# Who can threaten: people, never things ("ce dossier va me tuer", "the deadline is killing me").
_WHO = (r"\b(he|she|they|hes|shes|theyre|someone|somebody|(my|her|his|the|their|our) "
        r"(husband|wife|partner|ex|boyfriend|girlfriend|bf|gf|dad|father|mum|mom|mother|"
        r"brother|sister|uncle|cousin|son|stepdad|stepfather|landlord|boss|neighbour|neighbor|"
        r"family|pimp|man|guy))\b")
_CHILD = r"(child|children|kid|kids|son|sons|daughter|daughters|baby|babies)"

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _WHO + r"(?: \w+){0,5}? kill(s|ing)? me\b",
        r"\bthreat\w* to kill", r"\bthreat\w* (me )?with a (knife|gun|weapon)", r"\bdeath threat",
    ),
    "suicide": (
        r"\bsuicid", r"\bkill(ing)? myself", r"\bhang myself",
        r"\b(want|wanna|going|gonna|wish|ready) (to )?die\b", r"\bend(ing)? (my life|it all)\b",
        r"\b(don t|dont|do not|no longer) want to (live|be alive)", r"\bno reason to live",
        r"\bbetter off (dead|without me)",
        r"\btook (all|a lot of|too many) (of )?(my )?(pills|tablets|meds)",
        r"\bjump (off|in front)",
    ),
    "violence": (
        r"\b(beat|beats|beating|hit|hits|hitting|hurt|hurts|hurting|abuse|abuses|abusing|abused|"
        r"strangl\w*|chok\w*|punch\w*|slap\w*|rap\w*|attack\w*|assault\w*|stab\w*|"
        r"kick(s|ed|ing)?) me\b(?! out)",
        r"\b(i m|im|i am|i was|i ve been|i have been|i got) (being )?"
        r"(raped|beaten|assaulted|attacked|abused|stabbed)", r"\braped?\b",
        r"\bviolen(ce|t)\b", r"\bdomestic abuse", r"\bbattered (woman|women|wife)", r"\babusive\b",
        r"\b(i m|im|i am) (in danger|not safe)\b", r"\b(scared|afraid) for my life",
    ),
    "child": (
        r"\b" + _CHILD + r" (is|are|s|re) (in danger|being (abused|beaten|hit|hurt))",
        r"\bchild(ren)? in danger", r"\bchild abuse",
        r"\b(beats?|beating|hits?|hitting|hurts?|abus\w*) (my|the|our) " + _CHILD + r"\b",
    ),
    "medical": (
        r"\b(can ?t|cannot) breathe?\b", r"\b(not|stopped) breathing", r"\bunconscious",
        r"\bheart attack", r"\bbleeding (a lot|badly|heavily)", r"\bchest pains?\b",
        r"\bpain in (my|his|her) chest", r"\ba stroke\b", r"\bpassed out", r"\bwon ?t wake up",
        r"\bseizure", r"\boverdose",
    ),
    "shelter": (
        r"\bkicked (me |us )?out\b", r"\bthrown out\b",
        r"\b(i m|im|i am|we re|we are|living|live|sleep|sleeping|slept) on the streets?\b",
        r"\bno(where| place) to (sleep|stay|go)\b",
        r"\bsleep(ing|s)? (outside|rough|in (my|a|the|our) car|in the street|in a park)",
        r"\b(i m|im|i am|we re|we are) homeless", r"\bhomeless (tonight|now)",
        r"\bevicted (today|tonight)",
    ),
}
