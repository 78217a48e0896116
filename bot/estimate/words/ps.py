"""Pashto typed answers. Phones with a Persian keyboard have no ې ۍ ښ ږ ګ ړ ډ ټ ځ څ and type the nearest
Persian letter (ی ش ژ گ ر د ت ز چ): both spellings are read."""

# Pashto letter -> the Persian letters typed for it (ی is folded to ي by bot.folding).
_PERSIAN_KEYBOARD = {"ې": "ي", "ۍ": "ي", "ښ": "ش", "ږ": "ژ", "ګ": "گ", "ړ": "ر", "ډ": "د", "ټ": "ت", "ځ": "ز",
                     "څ": "چ"}


def _any_keyboard(pattern: str) -> str:
    """`pattern` also matching the same words typed on a Persian keyboard."""
    return "".join(f"[{c}{_PERSIAN_KEYBOARD[c]}]" if c in _PERSIAN_KEYBOARD else c for c in pattern)


_WORDS: dict[str, tuple[str, ...]] = {
    "DONT_KNOW": (r"نه پوهېږم", r"نه پوهیږم", r"na poh(e|i)gam", r"na poh(e|i)zham"),
    "NOTHING": ("هېڅ", "هیڅ", "نشته", r"نه لرم", "نه", r"(ماشوم|ماشومان|کار|عاید|معاش|پیسې) (نه لرم|نشته)",
                r"کار نه کوم", "بېکار", "hech", "hich", "nishta", "nashta"),
    "ALONE": ("یوازې", "یواځې", "یوازی", "مجرد", "ناواده", "کونډه", "کونډ",
              r"طلاق (شوی|شوې|اخیستی|اخیستې)", "yawaze", "yawazi"),
    "COUPLE": (r"واده (شوی|شوې|کړی|کړې)", r"واده یم", "متاهل", r"له (خپلې )?(میرمنې|ښځې|مېړه|خاوند) سره",
               r"wada (shawi|shawe|kari)"),
    "NOT_COUPLE": (r"واده (مې )?نه", r"نه یم واده"),
    "UNEMPLOYMENT": ("بېکارۍ", r"د بېکارۍ (مرسته|پیسې)", "bekari", "bikari"),
    "PENSION": ("تقاعد", "تقاعدي", "متقاعد", r"د تقاعد (معاش|پیسې)"),
    "TENANT": (r"کرایه ?دار", "کرایه", r"په کرایه", "کرایي", r"kiraya( ?dar)?", r"kraya( ?dar)?"),
    "OWNER": ("مالک", r"(خپل|زما) کور", r"د خپل کور"),
    "FREE": (r"(له|د) (خپلوانو|ملګرو|ملګري|کورنۍ|مور او پلار|ورور|خور) (سره|کره|کور)", "وړیا", "wriya"),
    "HOMELESS": (r"په (سړک|سرک|کوڅه)", "سړک", r"کور (نه لرم|نشته)", r"بې ?کوره", r"په موټر کې"),
    "FRENCH_EU": ("فرانسوي", "فرانسوی", r"د فرانسې تابعیت", "اروپایی", "اروپايي", "faransawi"),
    "NO_PAPERS": (r"(اسناد|کاغذونه|اقامت|اجازه لیک) (نه لرم|نشته)", r"بې (اسنادو|اسناده|کاغذه)"),
    "REFUGEE": ("پناهنده", "کډوال", r"پناه (ورکړل شوی|ورکړل شوې|اخیستې|اخیستی)"),
    "ASYLUM": (r"پناه (غوښتونکی|غوښتونکې|غوښتنه|غواړم|غوښتې)", r"د پناه غوښتنه", "پناهجو",
               r"panah ghokht\w*"),
    "LONG_PERMIT": (r"10 (کاله|کالو|کلن)", r"لس (کاله|کالو)", r"له (5|پنځو) کالو (زیات|ډېر)"),
    "SHORT_PERMIT": (r"د اوسېدو اجازه( لیک)?", r"اوسېدو اجازه", r"اجازه لیک", "اقامت", "ویزه", "ویزا"),
    "YEARS": ("کاله", "کالو", "کال"),
}
WORDS = {category: tuple(map(_any_keyboard, patterns)) for category, patterns in _WORDS.items()}
NUMBERS = {"یو": 1, "یوه": 1, "دوه": 2, "درې": 3, "دري": 3, "څلور": 4, "پنځه": 5, "شپږ": 6}
