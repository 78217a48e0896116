"""Danger words in Dari (Persian as written in Afghanistan: سرک, موتر, لت کردن, داکتر), with the
Iranian forms people also use, in Persian script and in the Latin letters people type without a
Persian keyboard ("mikhaham khodkoshi konam"): see `bot.danger_words`.

Folding removes the zero-width non-joiner ("می‌کشد" = "میکشد") and folds ی ک to ي ك, so a pattern
writes "می ?کشد" for the joined, spaced and non-joiner spellings alike.

Drafted without a native speaker: awaiting review (tests/unit/safety_corpus/fa.yml says so too).
"""

_ME = r"(مرا|مره|منو|منرا|مر ?ره|مارا|ما ره)"
# Third person only ("he kills me"); the first person ("خودم را میکشم") is suicide.
_KILLS = r"(می ?کش(د|ه|ن|ند|ه گفت)|بکش(د|ه|ن|ند)|می ?کشدم|بکشدم)\b"
_CHILD = r"(طفل|اطفال|اولاد|بچه|بچیم|بچه ?هایم|پسر|دختر)\w*"
_SLEEP = (r"(خواب|می ?خوابم|می ?خوابیم|بخوابم|خوابیدم|خو کدم|خواب می ?کنم|شب می ?کنم|شب را|"
          r"شب ره|تیر می ?کنم|مانده ?ام|ماندم|ماندیم|زندگی می ?کنم|زندگی می ?کنیم)")

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        _ME + r" " + _KILLS,
        r"(می ?خواهد|می ?خایه|می ?خاد|می ?خواد|می ?خواهند) " + _ME + r" (بکشد|بکشه|بکشن)",
        r"تهدید\w* (به|ب) (مرگ|کشتن|قتل)", r"تهدید\w* (کرد|کده|میکنه|می کند) که (مرا |مره )?" + _KILLS,
        r"\b(mara|mare|mano|mra) (m[ei]k[ou]sh(a|ad|an|and)|b[ou]k[ou]sh(a|ad|an))\b",
        r"\btahdid\w* (ba|be) (marg|koshtan|qatl)\b",
    ),
    "suicide": (
        r"خود ?کشی", r"خود(م|مه|ه|مرا|م را|م ره|م رو)? ?(را |ره |رو )?(بکشم|می ?کشم)\b",
        r"(می ?خواهم|می ?خایم|می ?خوام|میخام|می ?خاهم) (بمیرم|مردن)",
        r"(نمی ?خواهم|نمی ?خایم|نمی ?خوام|نمیخام) (دیگه |دیگر )?(زنده (باشم|بمانم)|زندگی کنم)",
        r"(دیگه|دیگر) (زنده بودن|زندگی) (را |ره )?نمی ?خواهم", r"بهتر (است|اس) (که )?بمیرم",
        r"(همه|تمام) (تابلیت|قرص|دوا)\w* (را |ره |رو )?خوردم", r"خود(م|مه)? ?(را |ره )?(دار|حلق ?آویز)",
        r"\bkh?[ou]d ?k[ou]sh[iy]",
        r"\b(m[ei]kh(a|o)h?(a|o)?m|mikham|mekhayom|mekhayam|mikhom) (b[eiou]miram|khodkoshi|khodkushi)\b",
        r"\bkh?[ou]da?m? (ra |ra|re )?b[ou]k[ou]sham\b",
    ),
    "violence": (
        _ME + r" (لت|لت و کوب|کتک) ?(می ?کنه|میکند|می کند|کرد|کده|کردند|میزنه|می ?زند|زد)",
        _ME + r" (می ?زنه|می ?زند|زد|زده|زدند)\b", r"لت و کوب", r"کتک ?(می ?خورم|خوردم)",
        r"تجاوز (کرد|کده|کردند|جنسی)", r"(به|ب) (من|مه) تجاوز", r"خشونت", r"آزار جنسی(?! (اطفال|کودک|بچه))",
        r"گلو(یم|یمه|یم را|م) (را |ره )?فشار", r"(من|ما) در خطر", r"در خطر (هستم|استم|هستیم|استیم)",
        r"(از|ازی) (شوهرم|خاوندم|نامزدم) (می ?ترسم|ترس دارم)",
        r"\b(mara|mare|mano) (lat|kotak) (m[ei]kon(a|e|ad)|kad|kard)\b", r"\bkhoshunat|\bkhushunat",
        r"\btajawoz|\btajavoz",
    ),
    "child": (
        _CHILD + r"(?: \w+){0,2}? در خطر",
        _CHILD + r" ?(را|ره|رو) (لت|کتک|می ?زنه|می ?زند|زد|آزار)",
        r"آزار (جنسی )?(اطفال|کودک|بچه)",
        r"\b(tefl|tifl|awlad|aulad|bacha|bachem|bachaim)\w* (da|dar) khatar\b",
    ),
    "medical": (
        r"نفس (نمی ?کشد|نمی ?کشه|نمیگیره|کشیده نمی ?تواند|کشیده نمیتانه)", r"نفسش (بند|قطع)",
        r"نفس (گرفته|کشیده) نمی ?(تواند|تانه|تانم|توانه)",
        r"بیهوش", r"(?<!بعد از )(?<!بعد )(?<!از )سکته", r"حمله قلبی", r"(درد|دردی) (در |د )?(سینه|قفسه سینه)",
        r"سینه ?(ام|م|یم) درد",
        r"خون ?ریزی (زیاد|شدید|داره|دارد)", r"تشنج", r"اوردوز",
        r"\bnafas nam[ei]k[ae]sh", r"\bnafas (gerefta|kashida) n[ae]m[ei]t[ao]n",
        r"\bbehosh|\bbihush|\bbehush", r"\bsakta\b",
    ),
    "shelter": (
        r"(در|د|تو|توی|روی) (سرک|کوچه|خیابان|جاده|موتر|ماشین|پارک|ایستگاه)\w* " + _SLEEP,
        r"(در|د) (سرک|کوچه)\w* (هستم|استم|هستیم|استیم|استم|هستیم)",
        r"(از|ازی) (خانه|خانه ام|خانم|خانه ی خود|اتاق|آپارتمان)\w* (بیرون|بیرونم|بیرونمان) "
        r"(کرد|کردند|کدن|کده|انداخت|انداختند)",
        r"(بیرونم|بیرونمان) (کرد|کردند|کدن|کده) از (خانه|اتاق)",
        r"جای(ی)? (برای )?(خواب|خوابیدن|ماندن|بودن) ندار(م|یم)",
        r"(بی ?خانمان|بی ?سرپناه|بی ?خانه|کارتن ?خواب) (هستم|استم|شدم|هستیم|استیم|شدیم)",
        r"\b(da|dar|tu) (sarak|koocha|kucha|khiaban|motar) (khob|khaw|khab|mekhabam|mikhabam)",
        r"\bjay[ei]? (khob|khaw|khab|khabidan) nadaram\b",
        r"\baz khana (bairon|berun|birun)\w* (kadan|kardan|kad|kard)\b",
    ),
}
