"""Words of danger, and the emergency numbers that fit each kind of danger.

The gateway screens every message with `detect_danger` before anything else (Rasa, the phone
number of a callback request, a conversation with a worker), and answers a danger itself, so a
person in danger gets the numbers first even if the language model misreads the message or
Rasa is down.

Messages and patterns are both folded (`bot.folding`: no accents, apostrophes as spaces, Arabic
letter variants, vowel marks, Persian letters, digits), so a pattern is written once, in lower
case, in any spelling. The phrases each language must catch, and must not, are in
`tests/unit/safety_corpus/<lang>.yml`: add a phrase there before changing a pattern.
"""

from __future__ import annotations

import re

from bot.folding import fold, fold_pattern
from bot.i18n import N_

EMERGENCY_NUMBERS = {
    "112": N_("European emergency number, for any emergency"),
    "15": N_("SAMU, medical emergency"),
    "17": N_("police, if you are in danger or attacked"),
    "18": N_("fire brigade, fire or accident"),
    "114": N_("by text message to SAMU, police or fire brigade, if you cannot speak or hear"),
    "115": N_("a place to sleep tonight (SAMU social)"),
    "119": N_("a child in danger"),
    "3919": N_("women victims of violence, anonymous"),
    "3114": N_("suicide prevention, someone listens to you"),
}

# In the order they are shown: 114 (text messages) right after the emergency services it reaches,
# before any helpline; no 114 where no emergency service is given (115 takes no text message).
NUMBERS_BY_DANGER = {
    "violence": ("17", "112", "114", "3919"),
    "suicide": ("3114", "15", "112", "114"),
    "shelter": ("115",),
    "medical": ("15", "112", "18", "114"),
    "child": ("119", "17", "114"),
    "general": ("112", "15", "17", "18", "114", "115", "119", "3919", "3114"),
}

# The kinds of danger, and the word lists a language needs: "threat" is violence announced by
# someone else ("he will kill me", "il va me tuer"). It is checked before suicide, so the
# self-harm words it contains ("kill me", "me tuer") never send a threatened person to 3114.
DANGER_KINDS = ("suicide", "violence", "child", "medical", "shelter")
LEXICON_KEYS = ("threat", *DANGER_KINDS)
CHECK_ORDER = (("threat", "violence"), ("suicide", "suicide"), ("violence", "violence"),
               ("child", "child"), ("medical", "medical"), ("shelter", "shelter"))

# Who can threaten: people, never things ("ce dossier va me tuer", "the deadline is killing me").
_FR_WHO = (r"\b(il|elle|ils|elles|on|lui|quelqu un|qqn|(mon|ma|son|sa|leur|le|la|ce|cet|cette) "
           r"(mari|femme|ex|copain|copine|conjoint|conjointe|compagnon|compagne|pere|mere|frere|"
           r"soeur|beau pere|belle mere|oncle|cousin|fils|voisin|patron|proprio|mec|type|gars|"
           r"homme|famille|belle famille))\b")
_EN_WHO = (r"\b(he|she|they|hes|shes|theyre|someone|somebody|(my|her|his|the|their|our) "
           r"(husband|wife|partner|ex|boyfriend|girlfriend|bf|gf|dad|father|mum|mom|mother|"
           r"brother|sister|uncle|cousin|son|stepdad|stepfather|landlord|boss|neighbour|neighbor|"
           r"family|pimp|man|guy))\b")
_FR_CHILD = r"(enfant|enfants|fils|fille|filles|bebe|bebes|petit|petite|petits|gosse|gosses)"
_EN_CHILD = r"(child|children|kid|kids|son|sons|daughter|daughters|baby|babies)"
_AR_CHILD = r"(طفل|اطفال|ولد|ولاد|اولاد|بنت|ابن|ابنت|دراري|وليد|بيبي|رضيع)"

# Lower-case stems, by language then word list. Kept specific: a false alarm costs one extra
# message, a miss can cost a life. Every message is screened against every language (people mix
# them); tests/unit/test_safety.py fails when a supported language has no words for a list.
LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "threat": (
            _FR_WHO + r"(?: \w+){0,4}? (me|m) (tuer|tue|tues|tuera|buter|egorger|crever)\b",
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
            r"\b" + _FR_CHILD + r"\b(?: \w+){0,2}? (est|sont|en) (en )?danger",
            r"\bmaltrait",
            r"\b(frappe|bat|tape|cogne|tabasse|viole|touche) (mon|ma|mes|les|nos|notre) " + _FR_CHILD,
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
    },
    "en": {
        "threat": (
            _EN_WHO + r"(?: \w+){0,5}? kill(s|ing)? me\b",
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
            r"\b" + _EN_CHILD + r" (is|are|s|re) (in danger|being (abused|beaten|hit|hurt))",
            r"\bchild(ren)? in danger", r"\bchild abuse",
            r"\b(beats?|beating|hits?|hitting|hurts?|abus\w*) (my|the|our) " + _EN_CHILD + r"\b",
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
    },
    "ar": {
        "threat": (
            r"[يت]قتلني", r"(يريد|يريدون|بغا|باغي|بدو|حاب) (قتلي|يقتلني)", r"هدد\w* بالقتل",
            r"تهديد بالقتل", r"\b\w*[yt]a?[qk9]t[eaou]?l(ou|o|u)?ni\b",
        ),
        "suicide": (
            r"انتحار", r"انتحر", r"ننتحر", r"اقتل نفسي", r"نقتل (روحي|راسي|نفسي)", r"(اقتل|بقتل) حالي",
            r"(اريد|بغيت|ابغي|حاب|نحب|بدي|باغي) (ان )?(اموت|نموت)\b",
            r"(لا اريد|ما بقيتش باغي|ما بقيتش بغيت|ما بغيتش|مش عايز|ما بديش) (ان )?(اعيش|نعيش)",
            r"\b(bghit|bghyt|baghi|7ab|nheb|bdi) n?mo?u?t\b", r"\bn[ae]?ntah?ar\b", r"\bintihar",
            r"\bnq?t[eo]?l (rasi|ro7i|nefsi|nafsi)\b",
        ),
        "violence": (
            r"ضربني", r"يعنفني", r"عنف", r"اغتصب", r"خنقني", r"يعذبني",
            r"\b\w*d[aeo]?r[aeio]?b(ni|uni|ouni)\b",
        ),
        "child": (
            _AR_CHILD + r"\w* ?(في|ف) ?خطر",
            r"(يضرب|كيضرب|بيضرب|يعنف|كيعنف|يعذب) (ولادي|اولادي|اطفالي|ابني|بنتي|ولدي|الدراري|الاطفال|دراري)",
            r"\b(weld|wld|bent|bnt|tfl|tifl|drari|wlad|ouled)\w* (f|fi|fe) (khatar|5atar|khtar)\b",
        ),
        "medical": (
            r"لا يتنفس", r"ما ?(ي|كي)تنفس", r"مغمى عليه", r"فاقد الوعي", r"نوبة قلبية", r"ازمة قلبية",
            r"جلطة", r"نزيف", r"ينزف", r"(الم|وجع|ضيق) (في|ف) ?(الصدر|صدري|صدره|صدرها)",
        ),
        "shelter": (
            r"(ننعس|نرقد|نبات|انام|ننام|نايم|ناعس|راقد|كننعس) ?(في|ف)? ?"
            r"(الزنقة|الشارع|برا|السيارة|الطوموبيل|المحطة)",
            r"(انا|احنا|راني|رانا) ?(في|ف) ?(الشارع|الزنقة)",
            r"ما ?عنديش (فين|وين|مكان) (نعس|ننعس|نبات|نرقد|ننام)", r"ما عندي وين (نبات|نام|نرقد)",
            r"ليس لدي مكان (للنوم|انام فيه)", r"(بلا|بدون) مأوى", r"مشرد",
            r"طرد\w*(?: \w+){0,3} من (البيت|الدار|المنزل|الشقة|السكن|داري|بيتي)",
            r"\b(ana|ra?ni|7na|a7na) (f|fi|fe|fl) ?(zan[qk9]a|chari3|chare3)\b",
            r"\bma ?3a?n?di(ch|sh) (fin|win|fayn|wayn|mkan) (n+e?3e?s+|nbat|nr[qk9]od|nnam)\b",
        ),
    },
}


def compile_lexicon(lexicon: dict[str, dict[str, tuple[str, ...]]]) -> dict[str, re.Pattern[str]]:
    """One folded pattern per word list, every language together."""
    return {
        key: re.compile("|".join(f"(?:{fold_pattern(p)})" for words in lexicon.values()
                                 for p in words.get(key, ())) or r"(?!)")
        for key in LEXICON_KEYS
    }


_COMPILED = compile_lexicon(LEXICON)


def detect_danger(text: str) -> str | None:
    """The kind of danger a message speaks of ("suicide", "violence"...), or None."""
    folded = fold(text)
    for key, kind in CHECK_ORDER:
        if _COMPILED[key].search(folded):
            return kind
    return None
