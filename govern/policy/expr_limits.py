"""Bounds on a CEL expression's size, nesting and cost, checked on its tokens before compiling.

The CEL library has no evaluation budget, parses recursively (a 30,000-term sum overflows the
native stack and kills the process) and builds `map`/`filter` results by copying, so one map
costs the square of its range and nested maps multiply. A pack is untrusted input, so before
`cel.compile` sees an expression we refuse:

- sources over `MAX_CHARS` characters (this also bounds the length of operator chains);
- brackets, parentheses, braces and macro calls nested deeper than `MAX_NESTING`;
- comprehensions (`all`, `exists`, `exists_one`, `map`, `filter`) nested deeper than
  `MAX_COMPREHENSION_NESTING`, or more than `MAX_COMPREHENSIONS` of them in one expression;
- an estimated cost over `MAX_COST` steps. A list can only be as long as the literals and
  variables the expression names (CEL here has no ranges, `split` or flattening): each literal
  adds one item and each variable `VARIABLE_ITEMS` (the request models' list limits). A
  comprehension over such a list costs its length, a `map` or `filter` its square, and nested
  comprehensions multiply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 2000
MAX_NESTING = 32
MAX_COMPREHENSION_NESTING = 2
MAX_COMPREHENSIONS = 8
MAX_COST = 1_000_000
VARIABLE_ITEMS = 100

MACROS = frozenset({"all", "exists", "exists_one", "map", "filter"})
QUADRATIC = frozenset({"map", "filter"})
_KEYWORDS = frozenset({"true", "false", "null", "in"})

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*)
  | (?P<string>[rRbB]{0,2}(?:\"\"\"(?:\\.|[^\\])*?\"\"\"|'''(?:\\.|[^\\])*?'''
                         |"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'))
  | (?P<number>0[xX][0-9a-fA-F]+[uU]?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[uU]?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*|`[^`\n]*`)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why an expression is refused, and where (1-based line and column in the expression)."""

    line: int
    column: int
    message: str


@dataclass(slots=True)
class _Frame:
    closer: str
    macro: str | None  # the comprehension this bracket opens, if any


def _position(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def check_limits(source: str) -> Refusal | None:
    """The first limit `source` breaks, or None when it is within every bound."""
    if len(source) > MAX_CHARS:
        return Refusal(1, 1, f"expression is {len(source):,} characters long; the limit is {MAX_CHARS:,}")
    stack: list[_Frame] = []
    chains: list[tuple[int, int, str]] = []  # (offset, nesting, chain of macros) per comprehension
    items = 0
    previous: tuple[str, str] = ("", "")  # (kind, text) of the last two significant tokens
    before: tuple[str, str] = ("", "")
    for token in _TOKEN.finditer(source):
        kind, text = token.lastgroup or "other", token.group()
        if kind == "space":
            continue
        if kind in ("string", "number") or (kind == "name" and text in ("true", "false", "null")):
            items += 1
        elif kind == "name" and text not in _KEYWORDS:
            follows_dot = previous == ("other", ".")
            items += 0 if follows_dot else VARIABLE_ITEMS  # a field name is part of its variable
        if kind == "open":
            macro = previous[1] if previous[0] == "name" and before == ("other", ".") else None
            macro = macro if macro in MACROS and text == "(" else None
            stack.append(_Frame({"(": ")", "[": "]", "{": "}"}[text], macro))
            if len(stack) > MAX_NESTING:
                line, column = _position(source, token.start())
                return Refusal(line, column, f"expression is nested deeper than {MAX_NESTING} levels")
            if macro is not None:
                enclosing = [f.macro for f in stack if f.macro is not None]
                chains.append((token.start(), len(enclosing), ".".join(enclosing)))
        elif kind == "close" and stack and stack[-1].closer == text:
            stack.pop()
        before, previous = previous, (kind, text)
    return _cost(source, chains, items)


def _cost(source: str, chains: list[tuple[int, int, str]], items: int) -> Refusal | None:
    if len(chains) > MAX_COMPREHENSIONS:
        line, column = _position(source, chains[MAX_COMPREHENSIONS][0])
        message = f"expression has {len(chains)} comprehensions; the limit is {MAX_COMPREHENSIONS}"
        return Refusal(line, column, message)
    for offset, depth, chain in chains:
        if depth > MAX_COMPREHENSION_NESTING:
            line, column = _position(source, offset)
            message = (
                f"comprehensions are nested {depth} deep ({chain}); the limit is {MAX_COMPREHENSION_NESTING}"
            )
            return Refusal(line, column, message)
    total = 0
    for offset, _, chain in chains:
        steps = 1
        for macro in chain.split("."):
            steps *= items * items if macro in QUADRATIC else items
        total += steps
        if total > MAX_COST:
            line, column = _position(source, offset)
            message = (
                f"expression may take about {total:,} steps per evaluation (lists of up to {items:,} "
                f"items; {chain}); the limit is {MAX_COST:,}"
            )
            return Refusal(line, column, message)
    return None
