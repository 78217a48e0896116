"""Words of danger, and the emergency numbers that fit each kind of danger.

The gateway screens every message with `detect_danger` before anything else, so a person in
danger gets the numbers first even if the language model misreads the message.
"""

from __future__ import annotations

import re
import unicodedata

from bot.i18n import N_

EMERGENCY_NUMBERS = {
    "112": N_("European emergency number, for any emergency"),
    "15": N_("SAMU, medical emergency"),
    "17": N_("police, if you are in danger or attacked"),
    "18": N_("fire brigade, fire or accident"),
    "114": N_("by text message, if you cannot speak or hear"),
    "115": N_("a place to sleep tonight (SAMU social)"),
    "119": N_("a child in danger"),
    "3919": N_("women victims of violence, anonymous"),
    "3114": N_("suicide prevention, someone listens to you"),
}

NUMBERS_BY_DANGER = {
    "violence": ("17", "3919", "112"),
    "suicide": ("3114", "15", "112"),
    "shelter": ("115",),
    "medical": ("15", "112", "18"),
    "child": ("119", "17"),
    "general": ("112", "15", "17", "18", "115", "119", "3919", "3114"),
}

# Accent-free, lower-case stems, by language then kind. Kept short and specific: a false alarm
# costs one extra message, a miss can cost a life. Every message is screened against every
# language (people mix them); tests/unit/test_safety.py fails when a supported language has none.
LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "suicide": (
            r"\bsuicid", r"\bme tuer\b", r"\bje veux mourir", r"\benvie de mourir",
            r"\bveux plus vivre", r"\ben finir\b", r"\bm'?en finir", r"\bsauter (du|d'un|par la) ",
            r"\bme jeter (du|sous|par)", r"\bpendre\b", r"\bme pendre",
        ),
        "violence": (
            r"\bme frappe", r"\bm'?a frappe", r"\bme bat\b", r"\bviolence", r"\bviole",
            r"\bil va me tuer",
        ),
        "shelter": (
            r"\bdors? dehors", r"\bdormir dehors", r"\bsans abri", r"\ba la rue",
            r"\bnulle part ou dormir", r"\bpas ou dormir",
        ),
        "medical": (
            r"\bne respire plus", r"\brespire mal", r"\bevanoui", r"\binconscient",
            r"\bcrise cardiaque", r"\bfait un avc", r"\bsaigne beaucoup",
        ),
        "child": (r"\benfant en danger", r"\bmaltrait"),
    },
    "en": {
        "suicide": (
            r"\bsuicid", r"\bkill myself", r"\bwant to die", r"\bend my life", r"\bsuicidal",
            r"\bjump off",
        ),
        "violence": (
            r"\bviolence", r"\bbeats? me\b", r"\bhits? me\b", r"\babuse", r"\bhe hurts me",
            r"\braped?\b",
        ),
        "shelter": (
            r"\bsleep(ing)? outside", r"\bsleep on the street", r"\bnowhere to sleep",
            r"\bhomeless tonight",
        ),
        "medical": (
            r"\bcan'?t breathe", r"\bnot breathing", r"\bunconscious", r"\bheart attack",
            r"\bbleeding a lot",
        ),
        "child": (r"\bchild in danger",),
    },
    "ar": {
        "suicide": (
            r"انتحار", r"انتحر", r"اقتل نفسي", r"نقتل روحي", r"بغيت نموت", r"اريد ان اموت",
            r"أريد أن أموت", r"حاب نموت",
        ),
        "violence": (r"يضربني", r"ضربني", r"عنف", r"يعنفني", r"اغتصاب"),
        "shelter": (
            r"ننعس في الزنقة", r"نرقد برا", r"انام في الشارع", r"أنام في الشارع",
            r"ما عنديش وين نبات", r"بلا مأوى", r"ليس لدي مكان للنوم",
        ),
        "medical": (r"لا يتنفس", r"ما يتنفسش", r"مغمى عليه", r"نوبة قلبية", r"نزيف"),
        "child": (r"طفل في خطر",),
    },
}
# The order a message is checked in: the most urgent kind wins.
DANGER_KINDS = ("suicide", "violence", "child", "medical", "shelter")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ord(ch) > 0x600)


_COMPILED = {
    kind: re.compile(_fold("|".join(p for words in LEXICON.values() for p in words.get(kind, ()))))
    for kind in DANGER_KINDS
}


def detect_danger(text: str) -> str | None:
    """The kind of danger a message speaks of ("suicide", "violence"...), or None."""
    folded = _fold(text)
    for kind in DANGER_KINDS:
        if _COMPILED[kind].search(folded):
            return kind
    return None
