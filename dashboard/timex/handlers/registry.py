"""The handler and the filter of every rule, as its record in `rules.txt` names them.

A handler takes (match, context) and returns a (type, value, mod) triple, or None to give the
span up (a shorter candidate at the same place is then tried); a filter (`timex.lookalikes`)
takes (match, text) and returns False to drop a candidate that only looks like an expression.
A record naming a handler or a filter that does not exist is an error that names the rule.
"""

from __future__ import annotations

from dashboard.timex import lookalikes
from dashboard.timex.handlers import absolute, durations, quarters, relative
from dashboard.timex.rules import RULES, RuleError

_MODULES = {
    "absolute": absolute, "durations": durations, "quarters": quarters, "relative": relative,
}  # fmt: skip


def _resolve(rule: str, ref: str, modules: dict, what: str):
    module, _, name = ref.rpartition(".")
    found = getattr(modules.get(module), name, None) if module in modules else None
    if not callable(found):
        raise RuleError(f"rule {rule!r}: no {what} {ref!r}")
    return found


HANDLERS = {r.name: _resolve(r.name, r.value, _MODULES, "value builder") for r in RULES}
"""Rule name to handler."""

CHECKS = {
    r.name: _resolve(r.name, "lookalikes." + r.check, {"lookalikes": lookalikes}, "check")
    for r in RULES
    if r.check
}
"""Rule name to its filter."""
