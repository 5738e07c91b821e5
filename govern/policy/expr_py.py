"""A CEL expression as a plain Python closure, when it stays inside a small typed subset.

Most policy expressions are a comparison or two (`days_requested > 365`, `"comms-team" in
groups`, `size(priorities) > 0 || manager_approved`); running them through the CEL runtime costs
a conversion of every value read, where a closure costs a dictionary lookup. This module
translates such an expression, given the type of each variable, into a closure over the facts
mapping, and gives up (returns None) on anything else, which then runs on CEL as before.

The translation is Python source for one function (one call per evaluation, not one per
operator), built only from what the parser accepted: declared variable names, integers, ASCII
strings written back with repr(), and fixed operators; it is compiled with no builtins but `len`.

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


def translate(source: str, types: Mapping[str, str]) -> str | None:
    """`source` as one Python expression over a facts mapping `f` (calling only what NAMESPACE
    holds), or None when it is outside the subset."""
    try:
        tokens = _tokens(source)
        parser = _Parser(tokens, types)
        code, _ = parser.ternary()
        if parser.at < len(tokens):
            return None
    except (_Unsupported, RecursionError):
        return None
    return code


def compile_py(source: str, types: Mapping[str, str]) -> Closure | None:
    """A closure computing `source` over a facts mapping, or None when it is outside the subset."""
    code = translate(source, types)
    return None if code is None else closure_of(code)


def closure_of(code: str) -> Closure | None:
    """The closure of a translation (see `translate`): no builtins but what NAMESPACE holds. None
    when Python cannot compile it: a chain of a few hundred `&&` nests deeper than its parser goes."""
    try:
        closure: Closure = eval(f"lambda f: {code}", dict(NAMESPACE))  # noqa: S307
    except (SyntaxError, RecursionError, MemoryError):
        return None
    return closure


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


Typed = tuple[str, str]  # Python source and CEL type
_RELATIONS = ("==", "!=", "<", "<=", ">", ">=", "in")


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
        if yes[1] != no[1]:
            raise _Unsupported("?: with two types")
        return f"({yes[0]} if {_want(condition, BOOL)} else {no[0]})", yes[1]

    def or_(self) -> Typed:
        left = self.and_()
        while self.peek() == "||":
            self.take()
            left = f"({_want(left, BOOL)} or {_want(self.and_(), BOOL)})", BOOL
        return left

    def and_(self) -> Typed:
        left = self.relation()
        while self.peek() == "&&":
            self.take()
            left = f"({_want(left, BOOL)} and {_want(self.relation(), BOOL)})", BOOL
        return left

    def relation(self) -> Typed:
        left = self.unary()
        operator = self.peek()
        if operator not in _RELATIONS:
            return left
        self.take()
        right = self.unary()
        if self.peek() in _RELATIONS:
            raise _Unsupported("chained relation")
        if operator == "in":
            if left[1] != STR or right[1] not in (LIST_STR, MAP_STR_INT):
                raise _Unsupported("in")
            container = f"_keys({right[0]})" if right[1] == MAP_STR_INT else right[0]
            return f"({left[0]} in {container})", BOOL
        if left[1] != right[1] or left[1] not in (_ORDERED | {BOOL}):
            raise _Unsupported("comparison of two types")
        if operator not in ("==", "!=") and left[1] not in _ORDERED:
            raise _Unsupported("ordering of bools")
        return f"({left[0]} {operator} {right[0]})", BOOL

    def unary(self) -> Typed:
        if self.peek() == "!":
            self.take()
            return f"(not {_want(self.unary(), BOOL)})", BOOL
        return self.member()

    def member(self) -> Typed:
        value = self.primary()
        while self.peek() == "[":
            self.take("[")
            key = self.ternary()
            self.take("]")
            if value[1] != MAP_STR_INT or key[1] != STR:
                raise _Unsupported("index")
            value = f"_keys({value[0]})[{key[0]}]", INT
        return value

    def primary(self) -> Typed:
        kind, text = self.take()
        if kind == "int":
            return str(int(text)), INT
        if kind == "str":
            string = text[1:-1]
            if not string.isascii():
                raise _Unsupported("non-ASCII string")
            return repr(string), STR
        if kind == "name":
            if text in ("true", "false"):
                return str(text == "true"), BOOL
            if text == "size" and self.peek() == "(":
                self.take("(")
                inner = self.ternary()
                self.take(")")
                if inner[1] not in (STR, LIST_STR, MAP_STR_INT):
                    raise _Unsupported("size")
                return f"len({inner[0]})", INT
            declared = self.types.get(text)
            if declared is None or self.peek() in ("(", ".") or not text.isidentifier():
                raise _Unsupported(text)
            return f"f[{text!r}]", declared
        if text == "(":
            inner = self.ternary()
            self.take(")")
            return inner
        raise _Unsupported(text)


def _want(typed: Typed, kind: str) -> str:
    if typed[1] != kind:
        raise _Unsupported(f"{typed[1]} where {kind} is needed")
    return typed[0]


def _keys(value: Any) -> dict[str, Any]:
    """A map fact as a dict (facts hold maps as hashable pairs, see expr.FrozenMap)."""
    return value if isinstance(value, dict) else dict(value)


# What the Python source of a translated expression may call, besides reading `f` (the facts).
NAMESPACE: dict[str, Any] = {"__builtins__": {}, "len": len, "_keys": _keys}
