"""English is the source language: copy each msgid into the empty msgstr of the en catalog."""

from pathlib import Path

from babel.messages.pofile import read_po, write_po

path = Path("locales/en/LC_MESSAGES/messages.po")
with path.open("rb") as handle:
    catalog = read_po(handle, locale="en")
filled = 0
for message in catalog:
    if message.id and not message.string:
        message.string = message.id
        filled += 1
catalog.fuzzy = False
with path.open("wb") as handle:
    write_po(handle, catalog, omit_header=False, sort_output=True, no_location=True)
print(f"en: {filled} source strings copied")
