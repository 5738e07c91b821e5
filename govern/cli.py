"""The `govern` command: a thin layer over the library calls."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from pydantic import BaseModel

from govern.drafts.models import DraftVerdict
from govern.errors import FieldError, PolicyError, RequestError, error_body
from govern.formats import FORMATS, RENDER
from govern.inputs import loads
from govern.moderation.models import Comment, ModerationResult, Outcome
from govern.pack import Pack, load_pack, parse
from govern.render import render_decision, render_moderation, render_verdict
from govern.settings import Settings, default_pack

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_POLICY = 0, 1, 2, 1

DEFAULT_PACK = default_pack()


def default_policies(settings: Settings | None = None) -> str:
    """$GOVERN_PACK (or its old name $GOVERN_POLICIES), else the shipped council-default pack."""
    return str((settings or Settings.from_env()).pack_path)


class Failure(Exception):
    """Stop the command with a message on stderr and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _load(args: argparse.Namespace) -> Pack:
    try:
        return load_pack(args.policies)
    except PolicyError as exc:
        raise Failure(
            f"govern: the policy pack '{args.policies}' does not load\n{exc}", EXIT_POLICY
        ) from None


def _open_input(name: str) -> BinaryIO:
    """The input as bytes: each line is decoded on its own, so one bad byte spoils one line."""
    if name == "-":
        return getattr(sys.stdin, "buffer", None) or io.BytesIO(
            sys.stdin.read().encode("utf-8", "surrogateescape")
        )
    try:
        return open(name, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as exc:
        raise Failure(f"govern: cannot read '{name}': {exc.strerror}", EXIT_BAD_INPUT) from None


def _documents(args: argparse.Namespace) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON or the error) for each input document."""
    stream = _open_input(args.file)
    plain = getattr(args, "text", False)
    try:
        if args.jsonl:
            for number, line in enumerate(stream, 1):
                if line.strip():
                    yield number, _read(line.rstrip(b"\r\n"), plain, number)
        else:
            yield 1, _read(stream.read().rstrip(b"\n"), plain, None)
    finally:
        if stream is not getattr(sys.stdin, "buffer", None):
            stream.close()


def _read(raw: bytes, plain: bool, line: int | None) -> Any:
    """A line's text (--text) or its JSON, within the input limits; else the error, in its place."""
    try:
        if plain:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise RequestError(
                    [FieldError("", f"byte {exc.start + 1} is not UTF-8 text")], "input"
                ) from None
        return loads(raw, "input", line)
    except RequestError as exc:
        return exc


def _answer_each(
    args: argparse.Namespace,
    ask: Callable[[Any], BaseModel],
    render: Callable[[BaseModel], str],
    is_finding: Callable[[BaseModel], bool] = lambda _: False,
    documents: Iterable[tuple[int, Any]] | None = None,
) -> int:
    """Answer every input document in order; a bad one is reported in place, never dropped."""
    status = EXIT_OK
    for number, document in _documents(args) if documents is None else documents:
        try:
            if isinstance(document, RequestError):
                raise document
            result = ask(document)
        except (RequestError, ValueError, OverflowError, RecursionError) as exc:
            # A RequestError names the field; anything else a line provokes is still reported in
            # its place (and the line after it still answered), never a traceback.
            if not isinstance(exc, RequestError):
                exc = RequestError([FieldError("", f"cannot be answered: {type(exc).__name__}")], "input")
            status = EXIT_BAD_INPUT
            body: dict[str, Any] = {"error": error_body(exc)}
            if args.jsonl:
                body["line"] = number
            if args.format == "text" or not args.jsonl:
                where = f"line {number}: " if args.jsonl else ""
                print(f"govern: {where}{exc}", file=sys.stderr)
            if args.jsonl and args.format == "json":
                print(json.dumps(body), flush=True)
            continue
        if status == EXIT_OK and is_finding(result):
            status = EXIT_FINDINGS
        if args.format == "text":
            print(render(result))
        else:
            dumped = result.model_dump(mode="json")
            print(json.dumps(dumped) if args.jsonl else json.dumps(dumped, indent=2), flush=True)
    return status


def cmd_validate(args: argparse.Namespace) -> int:
    from govern.sandbox import check_pack

    try:
        checked = check_pack(args.dir)  # in a child process: a pack that crashes it is refused
    except PolicyError as exc:
        if args.format == "json":
            print(json.dumps({"valid": False, "problems": [p.as_dict() for p in exc.problems]}, indent=2))
        else:
            for problem in exc.problems:
                print(problem)
            count = len(exc.problems)
            print(
                f"{count} problem{'s' if count != 1 else ''}; the pack is not valid",
                file=sys.stderr,
            )
        return EXIT_POLICY
    ref = checked.ref
    if args.format == "json":
        print(json.dumps({"valid": True, "pack": ref, "rules": checked.rules}))
    else:
        print(f"{ref['pack']} {ref['version']}: valid ({checked.rules} rules, {ref['digest']})")
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    pack = _load(args)
    return _answer_each(args, pack.decide, render_decision)  # type: ignore[arg-type]


def cmd_check(args: argparse.Namespace) -> int:
    pack = _load(args)
    texts: dict[int, str] = {}

    def ask(document: Any) -> DraftVerdict:
        if args.text:
            document = {"text": document, "platform": args.platform, "account": args.account}
            if args.posted_at:
                document["posted_at"] = args.posted_at
            if args.approach:
                document["author"] = {"approach": args.approach}
        verdict = pack.check(document)
        texts[id(verdict)] = document["text"]
        return verdict

    def render(verdict: BaseModel) -> str:
        assert isinstance(verdict, DraftVerdict)
        return render_verdict(verdict, texts.pop(id(verdict), ""))

    def flagged(verdict: BaseModel) -> bool:
        return isinstance(verdict, DraftVerdict) and verdict.verdict != "ok"

    if args.format in FORMATS:
        return _check_for_tools(args, ask)
    return _answer_each(args, ask, render, flagged)


def _check_for_tools(args: argparse.Namespace, ask: Callable[[Any], DraftVerdict]) -> int:
    """Every draft checked, then one report in a tool's format (Vale JSON, SARIF, rdjsonl). A bad
    document is reported on stderr in its place; the others are still in the report."""
    source = "stdin" if args.file == "-" else args.file
    items: list[tuple[str, str, DraftVerdict]] = []
    status = EXIT_OK
    for number, document in _documents(args):
        try:
            if isinstance(document, RequestError):
                raise document
            verdict = ask(document)
        except (RequestError, ValueError, OverflowError, RecursionError) as exc:
            where = f"line {number}: " if args.jsonl else ""
            print(f"govern: {where}{exc}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        text = document if args.text else document["text"]
        items.append((f"{source}:{number}" if args.jsonl else source, text, verdict))
        if status == EXIT_OK and verdict.verdict != "ok":
            status = EXIT_FINDINGS
    print(RENDER[args.format](items), flush=True)
    return status


def _timelines(documents: list[tuple[int, Any]]) -> tuple[dict[int, Comment], dict[str, list[Comment]]]:
    """The comments of a whole --jsonl file, parsed once by line, and each author's timed comments
    in line order: the engine judges flooding against them by posting time, whatever the order
    of the lines (a comment on a later line at the same moment does not count)."""
    parsed: dict[int, Comment] = {}
    by_author: dict[str, list[Comment]] = {}
    for number, document in documents:
        try:
            comment = parse(Comment, document, "comment")
        except RequestError:
            continue  # reported in its place when answered
        parsed[number] = comment
        if comment.posted_at is not None and comment.author.id:
            by_author.setdefault(comment.author.id.lower(), []).append(comment)
    return parsed, by_author


def cmd_moderate(args: argparse.Namespace) -> int:
    pack = _load(args)
    documents = list(_documents(args))  # the whole file first: flooding looks both ways in it
    parsed, timelines = _timelines(documents)
    texts: dict[int, str] = {}

    outcomes: dict[str, list[Outcome]] = {}  # earlier outcomes of this run by author: strikes

    def ask(numbered: tuple[int, Any]) -> ModerationResult:
        number, document = numbered
        comment = parsed.get(number) or parse(Comment, document, "comment")
        author = comment.author.id or ""
        timeline = timelines.get(author.lower(), []) if comment.posted_at is not None else []
        result = pack.moderate(comment, timeline, outcomes.get(author, []))
        if author and comment.posted_at is not None:
            outcomes.setdefault(author, []).append(pack.moderation.outcome(comment, result))
        texts[id(result)] = comment.text
        return result

    def render(result: BaseModel) -> str:
        assert isinstance(result, ModerationResult)
        return render_moderation(result, texts.pop(id(result), ""))

    def flagged(result: BaseModel) -> bool:
        return isinstance(result, ModerationResult) and result.action != "publish"

    numbered = [(n, d if isinstance(d, RequestError) else (n, d)) for n, d in documents]
    return _answer_each(args, ask, render, flagged, numbered)


def _add_input(parser: argparse.ArgumentParser, packs: str, tools: tuple[str, ...] = ()) -> None:
    parser.add_argument(
        "--policies",
        default=packs,
        metavar="DIR",
        help="the policy pack folder (default: council-default)",
    )
    parser.add_argument("file", metavar="FILE", help="a JSON document, or - for standard input")
    parser.add_argument("--jsonl", action="store_true", help="JSON Lines in: one answer a line, in order")
    parser.add_argument(
        "--format",
        choices=["json", "text", *tools],
        default="json",
        help="json (default) or text for people"
        + (f"; {', '.join(tools)} for other tools (docs/integrations.md)" if tools else ""),
    )


def build_parser(settings: Settings | None = None) -> argparse.ArgumentParser:
    """The command line; defaults (the pack, the database) come from `settings`, read once."""
    settings = settings or Settings.from_env()
    packs = str(settings.pack_path)
    parser = argparse.ArgumentParser(
        prog="govern",
        description="Policy-as-code for social-media governance: access, drafts, moderation.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check a policy pack; list every problem as file:line:col")
    p.add_argument("dir", nargs="?", default=packs, metavar="DIR")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("decide", help="decide access requests (JSON, or JSON Lines with --jsonl)")
    _add_input(p, packs)
    p.set_defaults(run=cmd_decide)

    p = sub.add_parser(
        "check",
        help="check draft posts: exit 0 ok, 1 revise/refer/block, 2 bad input",
        description="Check drafts against the discretion guidelines. Input is a JSON draft, or plain "
        "text with --text; --jsonl for one per line.",
    )
    _add_input(p, packs, FORMATS)
    p.add_argument("--text", action="store_true", help="the input is the draft's plain text")
    p.add_argument("--platform", default="x", help="with --text: the platform (default x)")
    p.add_argument("--account", default="corporate", help="with --text: corporate or personal")
    p.add_argument("--posted-at", default=None, help="with --text: when it will be posted (ISO 8601)")
    p.add_argument("--approach", default=None, help="with --text: the author's approach")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser(
        "moderate",
        help="moderate comments: exit 0 all published, 1 any held or removed, 2 bad input",
        description="Decide publish, hold or remove for comments (JSON, or JSON Lines with --jsonl; "
        "with --jsonl, earlier lines count for the flooding rule).",
    )
    _add_input(p, packs)
    p.set_defaults(run=cmd_moderate)

    from govern import admin, enforce, owner, reports

    admin.add_commands(sub, settings)
    owner.add_commands(sub, settings)
    enforce.add_commands(sub, settings)
    reports.add_commands(sub, settings)
    from govern import training_records  # issue 16: `govern training import`

    training_records.add_commands(sub, settings)
    return parser


def main(argv: Sequence[str] | None = None, settings: Settings | None = None) -> int:
    parser = build_parser(settings)
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except Failure as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":
    sys.exit(main())
