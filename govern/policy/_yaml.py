"""Read YAML into plain values, remembering where every key and value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from govern.errors import Location, Problem

KeyPath = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it: the pure-Python scanner reads a character at a
# time (about 1 s for a 50 KB pack file); the C one gives the same events, nodes and marks.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 2 * 1024 * 1024  # a policy document is small; anything larger is a mistake
MAX_DEPTH = 64


@dataclass
class Document:
    """One YAML document of a pack file, with the position of every path inside it."""

    file: str
    data: Any
    values: dict[KeyPath, Location] = field(default_factory=dict)
    keys: dict[KeyPath, Location] = field(default_factory=dict)
    styles: dict[KeyPath, str] = field(default_factory=dict)  # quote style of quoted scalars

    def at(self, path: KeyPath, *, key: bool = False) -> Location:
        """The location of `path` (its key when `key`), or of its nearest known parent."""
        table = self.keys if key else self.values
        probe = path
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Location(self.file, 1, 1))


def render_path(path: KeyPath) -> str:
    """spec.rules[3].effect — the path as a policy owner would write it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Converter:
    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.seen: set[int] = set()
        self.problems: list[Problem] = []
        self.doc = Document(file, None)

    def loc(self, node: yaml.Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def problem(self, node: yaml.Node, code: str, message: str, path: KeyPath) -> None:
        self.problems.append(Problem(self.loc(node), code, message, render_path(path)))

    def convert(self, node: yaml.Node, path: KeyPath, depth: int = 0) -> Any:
        if id(node) in self.seen:
            # Aliases would let a few lines expand into gigabytes ("billion laughs").
            self.problem(node, "G102", "YAML aliases are not allowed in policy packs", path)
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.problem(node, "G102", f"nesting deeper than {MAX_DEPTH} levels", path)
            return None
        self.doc.values[path] = self.loc(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    self.problem(key_node, "G102", "keys must be plain strings", path)
                    continue
                key = str(key_node.value)
                if key in out:
                    self.problem(key_node, "G300", f"key '{key}' is given twice", path + (key,))
                    continue
                self.doc.keys[path + (key,)] = self.loc(key_node)
                out[key] = self.convert(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.style in ("'", '"', "|", ">"):
            self.doc.styles[path] = node.style
        return self.loader.construct_object(node)


def _too_deep(text: str, display: str) -> Problem | None:
    """Refuse deeply nested flow collections before PyYAML recurses into them (quotes ignored:
    a bracket in a string only makes the estimate larger)."""
    depth = 0
    line = 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(Location(display, line, 1), "G102", f"nesting deeper than {MAX_DEPTH} levels")
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1
    return None


def _first_alias(text: str, display: str) -> Problem | None:
    """Aliases would let a few lines expand into gigabytes ("billion laughs"): refuse them."""
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
                return Problem(where, "G102", "YAML aliases (*name) are not allowed in policy packs")
    except yaml.YAMLError:
        return None  # the composer reports syntax errors with their positions
    return None


def read_documents(path: Path, display: str) -> tuple[list[Document], list[Problem]]:
    """Every document in a YAML file, or the problems that stop it being read."""
    try:
        with path.open("rb") as handle:  # never more than the limit, however large the file grew
            raw = handle.read(MAX_FILE_BYTES + 1)
            size = max(len(raw), path.stat().st_size)
    except OSError as exc:
        return [], [Problem(Location(display), "G100", f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_FILE_BYTES:
        shown = f"{size / 1024 / 1024:.1f} MiB"
        limit = f"{MAX_FILE_BYTES // 1024 // 1024} MiB"
        return [], [Problem(Location(display), "G100", f"file is {shown}, over the {limit} limit")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [Problem(Location(display, line, 1), "G100", "file is not valid UTF-8")]
    refused = _too_deep(text, display) or _first_alias(text, display)
    if refused is not None:
        return [], [refused]
    documents, problems = _compose(text, display, _Loader)
    if problems and problems[0].code == "G101" and _Loader is not yaml.SafeLoader:
        # libyaml says less about a syntax error ("did not find expected ',' or ']'"); ask the
        # pure-Python parser, which names what it found instead, at the same place.
        return _compose(text, display, yaml.SafeLoader)
    return documents, problems


def _compose(
    text: str, display: str, loader_class: type[yaml.SafeLoader]
) -> tuple[list[Document], list[Problem]]:
    """The documents of the text with their positions, or the syntax error that stops them."""
    loader = loader_class(text)
    documents: list[Document] = []
    problems: list[Problem] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            converter = _Converter(display, loader)
            converter.doc.data = converter.convert(node, ())
            problems.extend(converter.problems)
            documents.append(converter.doc)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        return [], [Problem(where, "G101", message or "invalid YAML")]
    except (yaml.YAMLError, RecursionError) as exc:
        return [], [Problem(Location(display), "G101", f"invalid YAML: {exc}")]
    finally:
        loader.dispose()
    return documents, problems
