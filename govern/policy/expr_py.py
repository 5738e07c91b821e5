"""A CEL expression as a plain Python closure, when it stays inside a small typed subset.

Most policy expressions are a comparison or two (`days_requested > 365`, `"comms-team" in
groups`, `size(priorities) > 0 || manager_approved`); running them through the CEL runtime costs
a conversion of every value read, where a closure costs a dictionary lookup. This module
translates such an expression, given the type of each variable, into a closure over the facts
mapping, and gives up (returns None) on anything else, which then runs on CEL as before.

The subset: int, string (without escapes) and bool literals; variables; `x[k]` on a map; `in`
on a list or a map; `size()`; `!`, `&&`, `||`, `?:`; `==`, `!=` on two values of one type and
`<`, `<=`, `>`, `>=` on two ints or two strings; parentheses. Every expression is type-checked
here, so a closure that returns gives the value CEL would give. A closure may raise where CEL
reports an error (a missing map key); the caller then runs the CEL program, which gives CEL's
own answer, including its rule that `false && error` is false whichever side errs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Closure = Callable[[Mapping[str, Any]], Any]

# The types a variable may be declared with (lists and maps are read-only, as facts are).
INT, STR, BOOL, LIST_STR, MAP_STR_INT = "int", "string", "bool", "list(string)", "map(string, int)"
_ORDERED = {INT, STR}

_TOKEN = re.compile(
    r"\s*(?:(?P<int>\d{1,18})(?![\w.])|(?P<str>\"[^\"\\\n]*\"|'[^'\\\n]*')"
    r"|(?P<name>[A-Za-z_]\w*)|(?P<op>==|!=|<=|>=|&&|\|\||[<>!?:()\[\]]))"
)


class _Unsupported(Exception):
    """Outside the subset: the expression stays on CEL."""


def compile_py(source: str, types: Mapping[str, str]) -> Closure | None:
    """A closure computing `source` over a facts mapping, or None when it is outside the subset."""
    try:
        tokens = _tokens(source)
        parser = _Parser(tokens, types)
        closure, _ = parser.ternary()
        if parser.at < len(tokens):
            return None
        return closure
    except (_Unsupported, RecursionError):
        return None


def _tokens(source: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(source):
        if source[at:].strip() == "":
            break
        found = _TOKEN.match(source, at)
        if found is None or found.lastgroup is None:
            raise _Unsupported(source[at:])
        out.append((found.lastgroup, found[found.lastgroup]))
        at = found.end()
    return out


Typed = tuple[Closure, str]


class _Parser:
    """Recursive descent, with CEL's precedence: ?: < || < && < relations < unary < member."""

    def __init__(self, tokens: list[tuple[str, str]], types: Mapping[str, str]) -> None:
        self.tokens, self.types, self.at = tokens, types, 0

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens) or (expected is not None and self.tokens[self.at][1] != expected):
            raise _Unsupported(expected or "end")
        self.at += 1
        return self.tokens[self.at - 1]

    def ternary(self) -> Typed:
        condition = self.or_()
        if self.peek() != "?":
            return condition
        self.take("?")
        yes = self.ternary()
        self.take(":")
        no = self.ternary()
        test, a, b = _want(condition, BOOL)[0], yes[0], no[0]
        if yes[1] != no[1]:
            raise _Unsupported("?: with two types")
        return (lambda f: a(f) if test(f) else b(f)), yes[1]

    def or_(self) -> Typed:
        left = self.and_()
        while self.peek() == "||":
            self.take()
            a, b = _want(left, BOOL)[0], _want(self.and_(), BOOL)[0]
            left = _either(a, b), BOOL
        return left

    def and_(self) -> Typed:
        left = self.relation()
        while self.peek() == "&&":
            self.take()
            a, b = _want(left, BOOL)[0], _want(self.relation(), BOOL)[0]
            left = _both(a, b), BOOL
        return left

    def relation(self) -> Typed:
        left = self.unary()
        operator = self.peek()
        if operator not in ("==", "!=", "<", "<=", ">", ">=", "in"):
            return left
        self.take()
        right = self.unary()
        if self.peek() in ("==", "!=", "<", "<=", ">", ">=", "in"):
            raise _Unsupported("chained relation")
        a, b = left[0], right[0]
        if operator == "in":
            if left[1] != STR or right[1] not in (LIST_STR, MAP_STR_INT):
                raise _Unsupported("in")
            if right[1] == MAP_STR_INT:
                return (lambda f: a(f) in _keys(b(f))), BOOL
            return (lambda f: a(f) in b(f)), BOOL
        if left[1] != right[1] or left[1] not in (_ORDERED | {BOOL}):
            raise _Unsupported("comparison of two types")
        if operator not in ("==", "!=") and left[1] not in _ORDERED:
            raise _Unsupported("ordering of bools")
        return _COMPARE[operator](a, b), BOOL

    def unary(self) -> Typed:
        if self.peek() == "!":
            self.take()
            inner = _want(self.unary(), BOOL)[0]
            return (lambda f: not inner(f)), BOOL
        return self.member()

    def member(self) -> Typed:
        value = self.primary()
        while self.peek() == "[":
            self.take("[")
            key = self.ternary()
            self.take("]")
            if value[1] != MAP_STR_INT or key[1] != STR:
                raise _Unsupported("index")
            mapping, k = value[0], key[0]
            value = _index(mapping, k), INT
        return value

    def primary(self) -> Typed:
        kind, text = self.take()
        if kind == "int":
            number = int(text)
            return (lambda f: number), INT
        if kind == "str":
            string = text[1:-1]
            if not string.isascii():
                raise _Unsupported("non-ASCII string")
            return (lambda f: string), STR
        if kind == "name":
            if text in ("true", "false"):
                flag = text == "true"
                return (lambda f: flag), BOOL
            if text == "size" and self.peek() == "(":
                self.take("(")
                inner = self.ternary()
                self.take(")")
                if inner[1] not in (STR, LIST_STR, MAP_STR_INT):
                    raise _Unsupported("size")
                measured = inner[0]
                return (lambda f: len(measured(f))), INT
            declared = self.types.get(text)
            if declared is None or self.peek() in ("(", "."):
                raise _Unsupported(text)
            return (lambda f: f[text]), declared
        if text == "(":
            inner = self.ternary()
            self.take(")")
            return inner
        raise _Unsupported(text)


def _want(typed: Typed, kind: str) -> Typed:
    if typed[1] != kind:
        raise _Unsupported(f"{typed[1]} where {kind} is needed")
    return typed


def _either(a: Closure, b: Closure) -> Closure:
    return lambda f: a(f) or b(f)


def _both(a: Closure, b: Closure) -> Closure:
    return lambda f: a(f) and b(f)


def _index(mapping: Closure, key: Closure) -> Closure:
    return lambda f: _keys(mapping(f))[key(f)]


def _keys(value: Any) -> dict[str, Any]:
    """A map fact as a dict (facts hold maps as hashable pairs, see expr.FrozenMap)."""
    return value if isinstance(value, dict) else dict(value)


_COMPARE: dict[str, Callable[[Closure, Closure], Closure]] = {
    "==": lambda a, b: lambda f: a(f) == b(f),
    "!=": lambda a, b: lambda f: a(f) != b(f),
    "<": lambda a, b: lambda f: a(f) < b(f),
    "<=": lambda a, b: lambda f: a(f) <= b(f),
    ">": lambda a, b: lambda f: a(f) > b(f),
    ">=": lambda a, b: lambda f: a(f) >= b(f),
}
