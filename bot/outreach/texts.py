"""What the posters and the workers' /site and /sites answers say (catalog message ids)."""

from __future__ import annotations

from bot.i18n import N_

# One line per language on the poster, each in its own language.
TAGLINE = N_("Ask about your rights, anonymously, in your language")
FREE = N_("Free, no name needed")
SCAN = N_("Scan with your phone's camera, or open:")
# The workers' group (default language).
SITE_USAGE = N_("Give the site a name, for example: /site Maraude Belleville")
SITE_CREATED = N_(
    "Site “%(name)s” is ready. Its link:\n%(link)s\n\n"
    "Below: the QR code, and a PDF with an A4 poster (page 1) and business cards to cut out "
    "(page 2). People who open the link are counted for this site in /sites."
)
SITE_CAPTION = N_("QR code for “%(name)s”")
POSTER_CAPTION = N_("Poster and cards for “%(name)s”")
NO_SITES = N_("No sites yet. Create one with /site NAME.")
SITES_HEADER = N_("Outreach sites (people who arrived through each link):")
SITE_LINE = N_("%(name)s (since %(date)s): %(count)s\n%(link)s")
