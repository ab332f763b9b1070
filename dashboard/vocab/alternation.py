"""A word list as one regular expression: `alternatives`.

>>> alternatives(["may", "march", "mar", "a"])
'(?:ma(?:y|r(?:ch)?)|a)'
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternatives(names: Iterable[str]) -> str:
    """A pattern for any of `names`, the longest first where several start alike (a trie)."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}
    return _alternatives(trie) or "(?!x)x"


def _alternatives(node: dict) -> str:
    """A trie node as a pattern: its branches, longest first (greedy), then its end if any."""
    branches = []
    for char, child in node.items():
        if char:
            chain = char
            while len(child) == 1 and "" not in child:
                (char, child), = child.items()
                chain += char
            chain = re.escape(chain)  # (a character at a time, so once for the chain)
            branches.append(chain + _alternatives(child) if child.keys() - {""} else chain)
    if not branches:
        return ""
    group = f"(?:{'|'.join(branches)})" if len(branches) > 1 or "" in node else branches[0]
    return group + "?" if "" in node else group
