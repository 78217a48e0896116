"""The printable PDF for a site: an A4 poster (page 1) and business cards to cut out (page 2).

The poster says, in each of the bot's languages, that one can ask about one's rights anonymously,
in one's own language; it shows the QR code, the bot's name, "free, no name needed" and, at the
bottom, strips to tear off with the link. Arabic, Dari and Pashto are shaped (joined letters) and
laid out right to left by HarfBuzz through fpdf2, in the fonts of `fonts.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF

from bot.i18n import translations
from bot.languages import BY_CODE, LANGUAGES
from bot.outreach import fonts, texts
from bot.outreach.qr import qr_modules

INK = (33, 37, 41)
ACCENT = (0, 94, 107)  # a dark teal: high contrast with white, readable when photocopied in grey
GREY = (110, 117, 125)
A4_WIDTH, A4_HEIGHT = 210.0, 297.0
STRIPS = 8  # tear-off strips across the bottom of the poster
STRIP_HEIGHT = 58.0
CARD_WIDTH, CARD_HEIGHT = 85.0, 55.0  # the usual business card
CARD_COLUMNS, CARD_ROWS = 2, 5
LATIN, ARABIC = "NotoSans", "NotoSansArabic"


def say(language: str, message: str) -> str:
    """The catalog's words, without the right-to-left marks Telegram needs: the PDF lays out
    right-to-left lines itself."""
    return translations(language).gettext(message)


def font_for(language: str) -> str:
    return ARABIC if BY_CODE[language].direction == "rtl" else LATIN


class SitePoster(FPDF):
    """One site's PDF. Build it with `site_pdf`."""

    def __init__(self) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.add_font(LATIN, "", fonts.regular(fonts.LATIN_FAMILY))
        self.add_font(LATIN, "B", fonts.bold(fonts.LATIN_FAMILY))
        self.add_font(ARABIC, "", fonts.regular(fonts.ARABIC_FAMILY))
        # A Latin letter or digit inside an Arabic line, and the reverse, still has a glyph; bold
        # Arabic script (a poster whose first language is Arabic) is drawn in the regular weight.
        self.set_fallback_fonts([LATIN, ARABIC], exact_match=False)
        self.set_text_shaping(True)

    def qr(self, link: str, x: float, y: float, size: float) -> None:
        """The QR code as filled squares (vector: sharp at any size), each row's runs merged."""
        modules = qr_modules(link)
        step = size / len(modules)
        self.set_fill_color(*INK)
        for row_index, row in enumerate(modules):
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                # A hair wider than the module, so no white seam shows between runs.
                self.rect(x + start * step, y + row_index * step, (column - start) * step + 0.02,
                          step + 0.02, style="F")

    def centred(self, text: str, y: float, size: float, *, family: str = LATIN, style: str = "",
                colour: tuple[int, int, int] = INK, x: float = 0, width: float = A4_WIDTH) -> None:
        """One line centred in [x, x + width], shrunk until it fits."""
        self.set_font(family, style, size)
        while size > 6 and self.get_string_width(text) > width - 8:
            size -= 0.5
            self.set_font(family, style, size)
        self.set_text_color(*colour)
        self.set_xy(x, y)
        self.cell(width, size * 0.45, text, align="C")

    def dashed_line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.set_draw_color(*GREY)
        self.set_line_width(0.2)
        self.set_dash_pattern(dash=2, gap=1.5)
        self.line(x1, y1, x2, y2)
        self.set_dash_pattern()


def poster_page(pdf: SitePoster, link: str, bot_username: str, language: str) -> None:
    """Page 1: headline band, QR code, bot name, the ten languages, tear-off strips."""
    pdf.add_page()
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, A4_WIDTH, 34, style="F")
    # The poster's language first, in the band, centred whether it takes one line or two.
    rtl = BY_CODE[language].direction == "rtl"
    headline, size = say(language, texts.TAGLINE), 26.0 if rtl else 24.0
    while True:  # at most two lines: a longer translation gets a smaller size
        pdf.set_font(font_for(language), "" if rtl else "B", size)
        lines = len(pdf.multi_cell(A4_WIDTH - 28, 11, headline, dry_run=True, output="LINES"))
        if lines <= 2 or size <= 14:
            break
        size -= 1
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(14, (34 - lines * 11) / 2)
    pdf.multi_cell(A4_WIDTH - 28, 11, headline, align="C")
    qr_size = 78.0
    pdf.qr(link, (A4_WIDTH - qr_size) / 2, 42, qr_size)
    pdf.centred(f"@{bot_username}", 126, 22, style="B", colour=ACCENT)
    pdf.centred(say(language, texts.FREE), 137, 16, style="B")
    pdf.centred(say(language, texts.SCAN), 146, 10, colour=GREY)
    pdf.centred(link, 151, 10, colour=GREY)
    y = 160.0
    others = [lang.code for lang in LANGUAGES if lang.code != language]
    for code in others:
        # Arabic letters look smaller than Latin ones at the same size.
        rtl = BY_CODE[code].direction == "rtl"
        pdf.centred(say(code, texts.TAGLINE), y, 14 if rtl else 12.5, family=font_for(code))
        y += 8
    tear_off_strips(pdf, link, bot_username, language)


def tear_off_strips(pdf: SitePoster, link: str, bot_username: str, language: str) -> None:
    """Strips along the bottom edge, the link written along each one, to tear off and keep."""
    top = A4_HEIGHT - STRIP_HEIGHT
    pdf.dashed_line(0, top, A4_WIDTH, top)
    width = A4_WIDTH / STRIPS
    address, _, query = link.removeprefix("https://").partition("?")
    for index in range(STRIPS):
        left = index * width
        if index:
            pdf.dashed_line(left, top, left, A4_HEIGHT)
        # Read from bottom to top, as on tear-off strips everywhere: turned about the strip's
        # bottom-left corner, a line drawn at (left + a, bottom + b) lands at (left + b, bottom - a).
        with pdf.rotation(90, left, A4_HEIGHT):
            lines: Sequence[tuple[str, str, float, tuple[int, int, int]]] = (
                (f"@{bot_username}", "B", 9.0, ACCENT), (address, "", 7.5, INK),
                (f"?{query}", "", 7.5, INK), (say(language, texts.FREE), "", 6.5, GREY),
            )
            for offset, (text, style, size, colour) in zip((5.0, 10.5, 15.0, 20.0), lines, strict=True):
                pdf.centred(text, A4_HEIGHT + offset, size, style=style, colour=colour, x=left + 2,
                            width=STRIP_HEIGHT - 4)


def cards_page(pdf: SitePoster, link: str, bot_username: str, language: str) -> None:
    """Page 2: ten business cards (85 × 55 mm) with cut lines, to hand out during a round."""
    pdf.add_page()
    left = (A4_WIDTH - CARD_COLUMNS * CARD_WIDTH) / 2
    top = (A4_HEIGHT - CARD_ROWS * CARD_HEIGHT) / 2
    for column in range(CARD_COLUMNS + 1):
        pdf.dashed_line(left + column * CARD_WIDTH, 0, left + column * CARD_WIDTH, A4_HEIGHT)
    for row in range(CARD_ROWS + 1):
        pdf.dashed_line(0, top + row * CARD_HEIGHT, A4_WIDTH, top + row * CARD_HEIGHT)
    names = " · ".join(lang.native_name for lang in LANGUAGES[:5]), \
        " · ".join(lang.native_name for lang in LANGUAGES[5:])
    for row in range(CARD_ROWS):
        for column in range(CARD_COLUMNS):
            x, y = left + column * CARD_WIDTH, top + row * CARD_HEIGHT
            pdf.qr(link, x + 5, y + 7, 33)
            text_x, text_width = x + 40, CARD_WIDTH - 42
            pdf.centred(f"@{bot_username}", y + 8, 10, style="B", colour=ACCENT, x=text_x,
                        width=text_width)
            pdf.set_font(LATIN, "", 8)
            pdf.set_text_color(*INK)
            pdf.set_xy(text_x + 2, y + 14)
            pdf.multi_cell(text_width - 4, 3.8, say(language, texts.TAGLINE), align="C")
            pdf.centred(say(language, texts.FREE), y + 31, 8, style="B", x=text_x, width=text_width)
            address, _, query = link.removeprefix("https://").partition("?")
            for line, text in enumerate((address, f"?{query}")):
                pdf.centred(text, y + 36 + line * 3, 6.5, colour=GREY, x=text_x, width=text_width)
            for line, languages in enumerate(names):
                pdf.centred(languages, y + 44 + line * 4, 6.5, colour=GREY, x=x, width=CARD_WIDTH)


def site_pdf(link: str, bot_username: str, language: str) -> bytes:
    """The poster and the cards for one site's link, in `language` first, then all the others."""
    pdf = SitePoster()
    pdf.set_title(say(language, texts.TAGLINE))
    pdf.set_creator("allervers")
    poster_page(pdf, link, bot_username, language)
    cards_page(pdf, link, bot_username, language)
    return bytes(pdf.output())
