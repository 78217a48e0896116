"""deploy/'s files rendered for one run: each `${NAME}` filled in, nothing else changed.

The launcher and the tests use the committed files as they are; a name left unfilled stops
the start (`string.Template.substitute` raises) rather than writing a broken configuration.
Only the braced, upper-case form is a placeholder: nginx's own variables (`$uri`, `$status`)
are lower-case and stay as written.
"""

from __future__ import annotations

import os
from pathlib import Path
from string import Template

from bot.config import PROJECT_ROOT

DEPLOY_DIR = PROJECT_ROOT / "deploy"


class DeployTemplate(Template):
    """`${UPPER_CASE}` only; a bare `$name` is left alone (the `named` group never matches)."""

    pattern = r"""
    \$(?:
      (?P<escaped>(?!))
    | (?P<named>(?!))
    | {(?P<braced>[A-Z][A-Z0-9_]*)}
    | (?P<invalid>(?!))
    )
    """  # type: ignore[assignment]


def render(name: str, values: dict[str, str | int]) -> str:
    return DeployTemplate((DEPLOY_DIR / name).read_text(encoding="utf-8")).substitute(
        {key: str(value) for key, value in values.items()})


def write_private(path: Path, text: str) -> Path:
    """Write `text` to `path`, readable by its owner only (it may hold a password)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def server_lines(ports: list[int], options: str = "") -> str:
    """nginx `server` lines of an upstream, one per port (a placeholder when there is none)."""
    if not ports:
        # An upstream needs a server: a closed port answers 502 at once.
        return "server 127.0.0.1:9 down;"
    suffix = f" {options}" if options else ""
    return "\n        ".join(f"server 127.0.0.1:{port}{suffix};" for port in ports)
