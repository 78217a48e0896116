"""`rasa run` with `--auth-token` taken from the environment, not from the command line.

A command line can be read by every user of the machine (`ps`, /proc/<pid>/cmdline) and is
printed when a port is found taken; the environment of a process only by its own user. So the
stack starts `python -m allervers_nlu.serve run ...` with RASA_AUTH_TOKEN set, and this adds
`--auth-token` to the arguments Rasa parses, inside the process.
"""

from __future__ import annotations

import os
import sys

TOKEN_VARIABLE = "RASA_AUTH_TOKEN"


def arguments(argv: list[str], environ: dict[str, str]) -> list[str]:
    """`argv` with `--auth-token` added for `run` (refused without a token)."""
    token = environ.get(TOKEN_VARIABLE, "")
    if argv[1:2] == ["run"]:
        if not token:
            raise SystemExit(f"{TOKEN_VARIABLE} is not set: Rasa's HTTP API would be open to anyone")
        return [*argv, "--auth-token", token]
    return argv


def main() -> None:
    sys.argv = arguments(["rasa", *sys.argv[1:]], dict(os.environ))
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
