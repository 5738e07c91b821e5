"""Read a pack folder (and the packs it extends) into validated, merged, typed documents."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from govern.errors import Location, PolicyError, Problem, did_you_mean
from govern.policy import validate
from govern.policy._yaml import Document, read_documents, render_path
from govern.policy.files import inside, list_files
from govern.policy.model import SPEC_MODELS, Metadata, Record, Spec, merge
from govern.policy.schemas import DETECTOR_EXTRAS, ENVELOPE, KINDS, PACK_FILE, detector_specs

R = TypeVar("R", bound=Record)

API_VERSION = "govern/v1"
PACK_FILE_NAME = "pack.yaml"
MAX_EXTENDS = 8  # packs in one `extends:` chain
_ZONE_KEY = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")


Detectors = Mapping[str, Mapping[str, Any]]  # a detector kind -> its Cerberus schema


@cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def time_zone(name: str) -> ZoneInfo | None:
    """The IANA time zone `name`, or None when it is not one (a folder such as 'Europe' is not)."""
    if len(name) > 64 or not _ZONE_KEY.fullmatch(name) or name not in _zone_names():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


@dataclass
class RawPack:
    """A pack's settings and documents after validation and `extends:` merging."""

    name: str
    version: str
    owner: str
    description: str
    timezone: ZoneInfo
    root: Path
    documents: dict[tuple[str, str], Spec] = field(default_factory=dict)
    digest: str = ""
    extends: RawPack | None = None

    def specs(self, kind: str, model: type[R]) -> list[R]:
        """The specs of every document of one kind, in name order."""
        found = [d.spec for (k, _), d in sorted(self.documents.items()) if k == kind]
        return [spec for spec in found if isinstance(spec, model)]


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _read_document(doc: Document, problems: list[Problem], detectors: Detectors) -> Spec | None:
    found = validate.check(doc, doc.data, ENVELOPE)
    if found:
        problems.extend(found)
        return None
    data: dict[str, Any] = doc.data
    if data["apiVersion"] != API_VERSION:
        message = f"apiVersion '{data['apiVersion']}' is not supported; use '{API_VERSION}'"
        problems.append(Problem(doc.at(("apiVersion",)), "G211", message, "apiVersion"))
        return None
    kind = data["kind"]
    if kind not in KINDS:
        hint = did_you_mean(kind, KINDS) or f" (kinds: {', '.join(KINDS)})"
        problems.append(Problem(doc.at(("kind",)), "G210", f"unknown kind '{kind}'{hint}", "kind"))
        return None
    found = validate.check(doc, data["spec"], KINDS[kind], ("spec",))
    if not found:
        found = _check_detectors(doc, kind, data["spec"], detectors)
    if found:
        problems.extend(found)
        return None
    metadata = Metadata.located(data["metadata"], doc, ("metadata",))
    spec = SPEC_MODELS[kind].located(data["spec"], doc, ("spec",))
    return Spec(kind=kind, metadata=metadata, spec=spec)


def _check_detectors(doc: Document, kind: str, spec: dict[str, Any], detectors: Detectors) -> list[Problem]:
    """Each detector against the schema of its own kind (phrases, patterns, ...)."""
    problems: list[Problem] = []
    for path, detector in detector_specs(kind, spec):
        name = detector.get("kind")
        if name not in detectors:
            hint = did_you_mean(str(name), detectors) or f" (kinds: {', '.join(detectors)})"
            message = f"unknown check kind '{name}'{hint}"
            problems.append(Problem(doc.at(path + ("kind",)), "G203", message, render_path(path)))
            continue
        schema = {**detectors[str(name)], **DETECTOR_EXTRAS.get(kind, {})}
        problems += validate.check(doc, detector, schema, path)
    return problems


def _duplicates(specs: list[Spec], problems: list[Problem]) -> None:
    """Named records (rules, categories, priorities) must be unique within one pack."""
    seen: dict[tuple[str, str, str], Record] = {}
    for spec in specs:
        for field_name in type(spec.spec).model_fields:
            items = getattr(spec.spec, field_name)
            if not isinstance(items, list):
                continue
            for item in items:
                key = getattr(item, "id", None) or getattr(item, "name", None)
                if not isinstance(key, str) or not isinstance(item, Record):
                    continue
                slot = (spec.kind, field_name, key)
                if slot in seen:
                    first = seen[slot].where()
                    message = f"{field_name[:-1]} '{key}' is defined twice (first at {first})"
                    problems.append(Problem(item.where(), "G300", message, key))
                else:
                    seen[slot] = item


def _read_pack_file(root: Path, problems: list[Problem]) -> tuple[Document, dict[str, Any]] | None:
    file = root / PACK_FILE_NAME
    display = _display(file)
    if not root.is_dir():
        problems.append(Problem(Location(_display(root)), "G100", "no such pack folder"))
        return None
    if file.is_symlink() and not inside(file, root):
        message = "symbolic link leads outside the pack folder; it is not read"
        problems.append(Problem(Location(display), "G105", message))
        return None
    if not file.is_file():
        problems.append(Problem(Location(display), "G110", "a pack folder needs a pack.yaml"))
        return None
    docs, found = read_documents(file, display)
    problems.extend(found)
    if found or len(docs) != 1:
        if not found:
            problems.append(Problem(Location(display), "G110", "pack.yaml must hold one document"))
        return None
    doc = docs[0]
    found = validate.check(doc, doc.data, PACK_FILE)
    problems.extend(found)
    if not isinstance(doc.data, dict):
        return None
    # Read on past a faulty pack.yaml, so that every problem of the pack is listed at once.
    settings = {key: value for key, value in doc.data.items() if isinstance(value, str | list)}
    return doc, settings


def read_pack(
    root: Path, detectors: Detectors, packs_root: Path | None = None, _chain: tuple[Path, ...] = ()
) -> RawPack:
    """Validate and merge a pack folder; raise PolicyError listing every problem.

    `detectors` names each detector kind with its schema (govern.checks' registry, handed in so
    the loader needs nothing above it). `extends:` may only name packs under `packs_root` (by
    default the folder holding `root`).
    """
    root = root.resolve()
    packs_root = (packs_root or root.parent).resolve()
    problems: list[Problem] = []
    read = _read_pack_file(root, problems)
    if read is None:
        raise PolicyError(problems)
    pack_doc, settings = read
    files, found = list_files(root)
    if any(p.code == "G104" for p in found):
        raise PolicyError(problems + found)  # too big to read at all
    problems.extend(found)

    parent: RawPack | None = None
    if isinstance(settings.get("extends"), str):
        parent = _read_parent(root, detectors, packs_root, settings["extends"], pack_doc, _chain, problems)

    zone = ZoneInfo("UTC")
    zone_name = settings.get("timezone") if isinstance(settings.get("timezone"), str) else None
    zone_name = zone_name or (parent.timezone.key if parent else "UTC")
    if (named := time_zone(zone_name)) is not None:
        zone = named
    else:
        hint = did_you_mean(zone_name, _zone_names())
        message = f"unknown time zone '{zone_name[:64]}'{hint}; use an IANA name such as 'Europe/London'"
        problems.append(Problem(pack_doc.at(("timezone",)), "G205", message, "timezone"))

    digest = hashlib.sha256(parent.digest.encode() if parent else b"")
    specs: list[Spec] = []
    for listed in files:
        file = listed.path
        if file.name == PACK_FILE_NAME and file.parent == root:
            digest.update(b"pack.yaml\0" + file.read_bytes())
            continue
        rel = file.relative_to(root).as_posix()
        try:
            digest.update(rel.encode() + b"\0" + file.read_bytes())
        except OSError:
            pass
        docs, found = read_documents(file, _display(file))
        problems.extend(found)
        for doc in docs:
            if (spec := _read_document(doc, problems, detectors)) is not None:
                specs.append(spec)
    _duplicates(specs, problems)

    documents = dict(parent.documents) if parent else {}
    own: set[tuple[str, str]] = set()
    for spec in specs:
        key = (spec.kind, spec.metadata.name)
        if key in own:
            where = spec.metadata.where("name")
            message = f"a {spec.kind} named '{key[1]}' is already in this pack"
            problems.append(Problem(where, "G300", message, "metadata.name"))
            continue
        own.add(key)
        if key in documents:
            base = documents[key]
            merged = merge(base.spec, spec.spec)
            documents[key] = Spec(kind=spec.kind, metadata=spec.metadata, spec=merged)
        else:
            documents[key] = spec

    for i, rule_id in enumerate(settings.get("disable") or []):
        if not isinstance(rule_id, str):
            continue
        if not _disable(documents, rule_id):
            known = [r.id for d in documents.values() for r in getattr(d.spec, "rules", [])]
            hint = did_you_mean(rule_id, known)
            problems.append(
                Problem(
                    pack_doc.at(("disable", i)),
                    "G301",
                    f"cannot disable unknown rule '{rule_id}'{hint}",
                    "disable",
                )
            )

    if problems:
        raise PolicyError(problems)
    return RawPack(
        name=settings["name"],
        version=settings["version"],
        owner=settings["owner"],
        description=settings["description"],
        timezone=zone,
        root=root,
        documents=documents,
        digest="sha256:" + digest.hexdigest(),
        extends=parent,
    )


def _read_parent(
    root: Path,
    detectors: Detectors,
    packs_root: Path,
    extends: str,
    pack_doc: Document,
    chain: tuple[Path, ...],
    problems: list[Problem],
) -> RawPack | None:
    """The pack `extends:` names, when it is under the packs root and not a cycle."""
    where = pack_doc.at(("extends",))
    target = (root / extends).resolve()
    if target in (*chain, root):
        problems.append(Problem(where, "G111", f"pack extends itself via '{extends}'"))
        return None
    if not inside(target, packs_root):
        message = (
            f"'{extends}' is outside the packs root '{packs_root}'; a pack may only extend packs under "
            "it (set GOVERN_PACKS_ROOT to a folder holding both)"
        )
        problems.append(Problem(where, "G112", message, "extends"))
        return None
    if len(chain) + 1 >= MAX_EXTENDS:
        problems.append(
            Problem(where, "G112", f"a pack may extend at most {MAX_EXTENDS - 1} others", "extends")
        )
        return None
    try:
        return read_pack(target, detectors, packs_root, (*chain, root))
    except PolicyError as exc:
        problems.extend(exc.problems)
        return None


def _disable(documents: dict[tuple[str, str], Spec], rule_id: str) -> bool:
    for key, doc in documents.items():
        rules = getattr(doc.spec, "rules", None)
        if isinstance(rules, list) and any(r.id == rule_id for r in rules):
            kept = [r for r in rules if r.id != rule_id]
            spec = doc.spec.model_copy(update={"rules": kept})
            spec._doc, spec._path = doc.spec.source
            documents[key] = Spec(kind=doc.kind, metadata=doc.metadata, spec=spec)
            return True
    return False
