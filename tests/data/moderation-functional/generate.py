"""Expand templates.yaml into the functional test cases for comment moderation (cases.jsonl).

Deterministic and dependency-light (PyYAML only): the same templates always give the same cases in
the same order, so cases.jsonl can be committed and checked with ``--check``.

    python tests/data/moderation-functional/generate.py            # (re)write cases.jsonl
    python tests/data/moderation-functional/generate.py --check    # exit 1 if cases.jsonl is stale
    python tests/data/moderation-functional/generate.py --stdout   # print the cases instead

Each case: case_id, text, functionality, label (hateful | non-hateful), expected_action (remove |
hold | publish, per COUNCIL-POLICY M1-M3), acceptable_actions, rules, escalate_to, target,
template_id, template, split (dev | holdout, by template), policy_differs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates.yaml"
CASES = HERE / "cases.jsonl"

SPAN = re.compile(r"\[\[(.+?)\]\]")
LEET = str.maketrans({"a": "4", "A": "4", "e": "3", "E": "3", "i": "1", "I": "1", "o": "0", "O": "0",
                      "s": "5", "S": "5"})
ACTIONS = ("publish", "hold", "remove")


def char_swap(word: str) -> str:
    """Swap two adjacent characters near the middle (skipping a pair of equal letters)."""
    if len(word) < 2:
        return word
    i = max(0, (len(word) - 1) // 2)
    while i + 1 < len(word) and word[i] == word[i + 1]:
        i += 1
    if i + 1 >= len(word):
        i = 0
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def char_del(word: str) -> str:
    """Drop the middle character."""
    if len(word) < 3:
        return word
    i = len(word) // 2
    return word[:i] + word[i + 1:]


def space_add(word: str) -> str:
    return " ".join(word)


def leet(word: str) -> str:
    return word.translate(LEET)


WORD_PERTURB: dict[str, Callable[[str], str]] = {
    "char_swap": char_swap,
    "char_del": char_del,
    "space_add": space_add,
    "leet": leet,
}


def perturb_span(span: str, how: str, is_group: bool) -> str:
    """Disguise a marked span: drop its spaces, or change one word of it (the identity word of a group
    phrase, else the longest word)."""
    if how == "space_del":
        return span.replace(" ", "")
    change = WORD_PERTURB[how]
    words = span.split(" ")
    index = 0 if is_group else max(range(len(words)), key=lambda k: len(words[k]))
    words[index] = change(words[index])
    disguised = " ".join(words)
    if disguised == span:
        raise ValueError(f"perturbation {how} left {span!r} unchanged")
    return disguised


def fill(template: str, slots: dict[str, str], perturb: str | None) -> str:
    def substitute(text: str) -> str:
        for name, value in slots.items():
            text = text.replace("{" + name + "}", value)
        return text

    if perturb is None:
        if "[[" in template:
            raise ValueError(f"span marker without perturb: {template!r}")
        text = substitute(template)
    else:
        if not SPAN.search(template):
            raise ValueError(f"perturb {perturb} needs a [[span]]: {template!r}")
        text = SPAN.sub(lambda m: perturb_span(substitute(m.group(1)), perturb,
                                               m.group(1).startswith("{group")), template)
        text = substitute(text)
    if "{" in text or "}" in text:
        raise ValueError(f"unfilled slot in {template!r}")
    return text[:1].upper() + text[1:]


def slot_sets(template: str, data: dict[str, Any]) -> Iterator[tuple[str | None, dict[str, str]]]:
    """Yield (target, slots) for every expansion the template needs."""
    if "{slur}" in template:
        for entry in data["slurs"]:
            yield entry["group"], {"slur": entry["slur"]}
    elif "{group" in template:
        for group in data["groups"]:
            yield group["id"], {"group": group["plural"], "group_s": group["singular"]}
    elif "{thing}" in template:
        for thing in data["things"]:
            yield thing, {"thing": thing}
    elif "{target}" in template:
        for target in data["targets"]:
            yield target, {"target": target}
    else:
        yield None, {}


def cases(data: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for func in data["functionalities"]:
        for number, raw in enumerate(func["templates"], start=1):
            spec: dict[str, Any] = raw if isinstance(raw, dict) else {"text": raw}
            template = spec["text"]
            template_id = f"{func['id']}-{number:02d}"
            expected = spec.get("expected_action", func["expected_action"])
            acceptable = list(spec.get("acceptable", func.get("acceptable", [expected])))
            if expected not in ACTIONS or expected not in acceptable or not set(acceptable) <= set(ACTIONS):
                raise ValueError(f"{template_id}: bad expected/acceptable actions")
            label = func["label"]
            for target, slots in slot_sets(template, data):
                text = fill(template, slots, func.get("perturb"))
                key = " ".join(text.lower().split())
                if key in seen:
                    raise ValueError(f"duplicate text {text!r} from {template_id} and {seen[key]}")
                seen[key] = template_id
                suffix = re.sub(r"[^a-z0-9]+", "-", (target or "none").lower()).strip("-")
                out.append({
                    "case_id": f"{template_id}-{suffix}",
                    "text": text,
                    "functionality": func["id"],
                    "label": label,
                    "expected_action": expected,
                    "acceptable_actions": acceptable,
                    "rules": list(spec.get("rules", func.get("rules", []))),
                    "escalate_to": spec.get("escalate_to", func.get("escalate_to")),
                    "target": target,
                    "template_id": template_id,
                    "template": template,
                    "split": "dev" if number % 2 == 1 else "holdout",
                    "policy_differs": (label == "hateful") != (expected != "publish"),
                })
    return out


def render(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if cases.jsonl is not up to date")
    mode.add_argument("--stdout", action="store_true", help="print the cases instead of writing them")
    args = parser.parse_args(argv)
    data = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    text = render(cases(data))
    if args.stdout:
        sys.stdout.write(text)
    elif args.check:
        if not CASES.exists() or CASES.read_text(encoding="utf-8") != text:
            print(f"{CASES} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
    else:
        CASES.write_text(text, encoding="utf-8")
        print(f"wrote {text.count(chr(10))} cases to {CASES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
