"""The scaled stack: PostgreSQL, Redis, Rasa replicas behind nginx, gateways in webhook mode.

`allervers run-scaled` (`make run-scaled`) and tests/scale/ start it from the committed files in
deploy/ (nginx.conf, endpoints.yml, redis.conf, postgresql.conf), rendered for the run into
var/scaled/. The processes are handled as `bot/stack.py` handles the small stack's.
"""

from bot.scaled.binaries import INSTALL_LINE, MissingBinaryError, find_binaries
from bot.scaled.children import ServiceDidNotStart
from bot.scaled.stack import ScaledOptions, ScaledStack

__all__ = ["INSTALL_LINE", "MissingBinaryError", "ScaledOptions", "ScaledStack", "ServiceDidNotStart",
           "find_binaries"]
