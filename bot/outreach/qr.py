"""The QR code of a site's link: a PNG for the workers' group, and the dark modules for the poster."""

from __future__ import annotations

import io

import segno

# Error correction Q (25 %): a poster gets folded, scratched and photographed at an angle.
ERROR = "q"


def qr_png(link: str, *, scale: int = 12) -> bytes:
    """A PNG a phone can scan from the screen of another phone (quiet zone included)."""
    buffer = io.BytesIO()
    segno.make_qr(link, error=ERROR).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_modules(link: str) -> list[list[bool]]:
    """The QR code as rows of dark (True) and light modules, with no quiet zone: the poster draws
    them as vector squares, sharp at any print size."""
    return [[bool(module) for module in row] for row in segno.make_qr(link, error=ERROR).matrix]
