"""The poster's fonts: Noto Sans (Latin, Cyrillic) and Noto Sans Arabic (Arabic, Dari, Pashto),
from PyPI packages, so a machine with no fonts installed makes the same poster.

The packages ship variable fonts. Their default instance is the regular weight and loads at once;
the bold one has to be cut out of the variable font (fontTools), which takes seconds: it is made
once per font version, kept in the system's temporary folder, and started in the background when
the gateway starts (`warm_up`), so a worker's first /site does not wait for it.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from pathlib import Path

import fontpkg
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

LATIN_FAMILY, ARABIC_FAMILY = "Noto Sans", "Noto Sans Arabic"
BOLD = {"wght": 700, "wdth": 100}
_lock = threading.Lock()


def regular(family: str) -> Path:
    """The variable font itself: its default instance is the regular weight."""
    return Path(fontpkg.path(family))


def bold(family: str) -> Path:
    """A static bold font cut from the variable one, made once and then read from the cache."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{family} {fontpkg.family(family).version}".lower())
    target = Path(tempfile.gettempdir()) / "allervers-fonts" / f"{slug}-bold.ttf"
    with _lock:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            font = instancer.instantiateVariableFont(TTFont(regular(family)), BOLD)
            # Written aside, then renamed: another process never reads half a font.
            partial = target.with_suffix(f".{os.getpid()}.part")
            font.save(partial)
            os.replace(partial, target)
    return target


def warm_up() -> None:
    """Make the bold font in the background now."""
    threading.Thread(target=bold, args=(LATIN_FAMILY,), name="poster fonts", daemon=True).start()
