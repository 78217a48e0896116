"""The QR code and the poster, read back as a phone and a printer would: the QR decodes to the
link, the PDF's text carries the link and the ten languages, its pages render."""

from __future__ import annotations

import io

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from bot.i18n import translations
from bot.languages import LANGUAGES
from bot.outreach import texts
from bot.outreach.poster import site_pdf
from bot.outreach.qr import qr_png

LINK = "https://t.me/allervers_test_bot?start=Zq3_kP9-xY2mWv7A"


def decoded(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)]


def test_the_qr_png_decodes_to_the_link():
    image = Image.open(io.BytesIO(qr_png(LINK)))
    assert image.format == "PNG"
    assert decoded(image) == [LINK]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return site_pdf(LINK, "allervers_test_bot", "fr")


def test_the_pdf_is_an_a4_poster_then_a_page_of_cards(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)


def test_the_poster_says_the_link_the_bot_and_free_in_french(pdf):
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert LINK in text
    assert "@allervers_test_bot" in text
    assert translations("fr").gettext(texts.FREE) in text


@pytest.mark.parametrize("language", [lang.code for lang in LANGUAGES if lang.direction == "ltr"])
def test_the_poster_has_a_line_in_each_latin_or_cyrillic_language(pdf, language):
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert translations(language).gettext(texts.TAGLINE) in text


def arabic_letters(text: str) -> str:
    """Only the Arabic-script letters and the spaces: what a reader's eye follows."""
    kept = "".join(c if "\u0600" <= c <= "\u06ff" or c == " " else "" for c in text)
    return " ".join(kept.split())


@pytest.mark.parametrize("language", [lang.code for lang in LANGUAGES if lang.direction == "rtl"])
def test_the_arabic_script_lines_carry_their_words(pdf, language):
    """Shaped right to left by HarfBuzz, the line still carries its words (a font missing the
    letters would carry none). Text extraction splits a few ligatures, hence "most words"."""
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    line = max((arabic_letters(row).split() for row in text.splitlines()),
               key=lambda words: len(set(words) & set(expected_words(language))))
    found = set(line) & set(expected_words(language))
    assert len(found) >= 0.75 * len(set(expected_words(language))), (language, line)


def expected_words(language: str) -> list[str]:
    return arabic_letters(translations(language).gettext(texts.TAGLINE)).split()


def test_the_first_page_renders_and_its_qr_code_scans(pdf):
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=2).to_pil()
    assert image.size[0] > 1000
    assert LINK in decoded(image)


def test_every_business_card_scans(pdf):
    image = pypdfium2.PdfDocument(pdf)[1].render(scale=3).to_pil()
    assert decoded(image).count(LINK) == 10


@pytest.mark.parametrize("language", [lang.code for lang in LANGUAGES])
def test_a_poster_can_be_made_in_each_language_first(language):
    """An organisation whose DEFAULT_LANGUAGE is Arabic or Ukrainian gets its poster too."""
    made = site_pdf(LINK, "allervers_test_bot", language)
    text = PdfReader(io.BytesIO(made)).pages[0].extract_text()
    assert LINK in text and "@allervers_test_bot" in text
