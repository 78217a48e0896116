"""Danger words in Pashto, in Pashto script (or its Persian-keyboard spelling, which folding maps
to: ې ۍ → ي, ټ → ت, ړ → ر, ښ → ش, ږ → ژ, ګ → گ) and in Latin letters: see `bot.danger_words`.
ځ and څ are written ز or ج and س or چ by people without a Pashto keyboard: patterns list them.

The least sure of the word lists: drafted without a native speaker, awaiting review
(tests/unit/safety_corpus/ps.yml says so too). Kept to plain, frequent words.
"""

_SELF = r"(ځان|زان|ځانونه)"
_CHILD = r"(ماشوم|ماشومان|ماشومه|زوی|زوي|لور|لورګانې|اولاد|بچی|بچي)\w*"
_IS = r"(دی|دي|دئ|ده|دې|دے|دي|یم|يو|دي)"

WORDS: dict[str, tuple[str, ...]] = {
    "threat": (
        r"\bما (به )?(ووژني|وژني|ووژنی|وژنی|مړ کړي|ووژنه)\b",
        r"(غواړي|غواري|غواړی|غواړي چې|غواړي چي) ما (ووژني|مړ کړي)",
        r"د (وژلو|مرګ|مړینې) (ګواښ|گواښ|ګواس|دهمکی|تهدید)",
        r"(ګواښ|گواښ|ګواس|تهدید)\w* (یې )?(کوي|کړی|وکړ)\w* چې (ما )?(ووژني|وژني)",
        r"\bma (ba )?(wawazhni|wazhni|wwazhni|wawajni|wajni)\b",
    ),
    "suicide": (
        _SELF + r" ?(وژنه|وژنې|وژني|ووژنم|وژنم|به ووژنم)", r"خودکشي", r"خود ?کشی",
        r"(غواړم|غوارم|غواړو) (مړ شم|ومرم|مړه شم|ومرو)",
        r"(نه غواړم|نه غوارم|نور نه غواړم|نه غواړم نور) (ژوندی|ژوندۍ|ژوند)",
        r"(ټولې|ټول|ټولي) (ګولۍ|گولۍ|ګولۍ|ګولي|دوا|دواګانې)\w* (مې |می )?(وخوړې|وخوړلې|وخوړل|خوړلي)",
        r"\b(zan|dzan) (wazhna|wawazhnam|wazhnam|ba wawazhnam)\b", r"\bkh[ou]dk[ou]sh[iy]",
        r"\bghwaram (mar sham|wamram)\b",
    ),
    "violence": (
        r"\bما (وهي|وهی|ټکوي)\b", r"\bزه (یې )?(ووهلم|وهلم|ووهل شوم)\b",
        r"وهل ?(او )?ټکول", r"تاوتریخوال", r"(جنسي|جنسی) (تېری|تیری|تېرى|ځورونه)",
        r"(په|پر) ما (تېری|تیری) (وکړ|کړی|کوي)",
        r"(زه|موږ|مونږ|مونګ) (په )?خطر (کې|کی|کښې) (یم|یو|يم|يو)",
        r"له (خپل )?(مېړه|میړه|خاوند|ميړه)\w*( مې| می)? (ډار|ډاریږم|وېره|ویره)",
        r"\bma (wahi|wawahalam|wohi|wahee)\b", r"\btawtrikhwal", r"\btaw ?trikh",
    ),
    "child": (
        _CHILD + r"(?: \w+){0,2}? (په )?خطر (کې|کی|کښې) " + _IS,
        r"(زما |زمونږ |زموږ )?" + _CHILD + r" (وهي|وهی|ووهل|ټکوي|ځوروي)",
        r"د ماشومانو (ځورونه|وهل|جنسي ځورونه)",
        r"\b(mashum|mashoom|mashooman|mashuman)\w* (pa )?khatar (ke|ki)\b",
    ),
    "medical": (
        r"ساه (نه|نشي|نه شي) (اخلي|اخیستلی|اخیستلای|اخیستی|اخلی|کښلی)", r"ساه (یې )?بنده",
        r"بې ?(هوښه|هوشه|سده)", r"(د )?زړه (حمله|دوره)", r"سکته",
        r"(په )?(سینه|سینې|ټټر) (کې |کی )?(درد|دردیږي|خوږیږي)", r"(د )?(سینې|ټټر) درد",
        r"وینه (ډېره|ډیره|زیاته|ډير) (ځي|ځی|زي|بهیږي|بهېږي|روانه)", r"(ډېره|ډیره) وینه (ځي|بهیږي)",
        r"\bsaa? (na|nashi) (akhli|akhistalai)\b", r"\bbe ?hosha\b",
    ),
    "shelter": (
        r"(په|د) (سړک|سرک|کوڅه|کوڅې|موټر|موټرو|پارک|سړکونو) (کې|کی|کښې|باندې|باندی)? ?"
        r"(ویده|اوده|ویدې|ویده کیږم|شپه تېروم|شپه تیروم|شپې تېروو|اوسېږم|اوسیږم|پاتې شوم|پاتی شوم|پاتې شوو)",
        r"(له|د) (کوره|کور نه|کور څخه|کوره نه|خونې)\w* (یې |یی )?(وویستم|وویستلم|وویستو|وشړلم|شړلي|ویستلي)",
        r"(وویستم|وویستلم|وشړلم|وویستلو) (له|د) (کوره|کور)",
        r"(د )?(خوب|شپې|پاتې کیدو|اوسېدو|اوسیدو) (ځای|ځاى|زای|جای) (نه لرم|نلرم|نه لرو|نلرو|نشته)",
        r"بې ?(کوره|سرپناه|ځایه) (یم|یو|شوم|شوو)",
        r"\b(pa|da) (sarak|kocha|kucha|motor) (ke|ki)? ?(wida|weeda|oda|auda)\b",
        r"\b(da )?(khob|khoob|shpe) (zay|zai|dzay|dzai) (na laram|nalaram|nishta)\b",
        r"\b(la|da) kora (wa ?wistam|wawistalam|washaralam)\b",
    ),
}
