"""The evasions an outside review used, through the default pack: every one must be caught, and
each finding must underline exactly what the person wrote.

A swear word (drafts D3, profanity), an insult (drafts D4, defamation: "liar"), a UK mobile
number (moderation M4, personal data) and a flooding repeat (moderation M7). Each table row is
one disguise; the contrasts at the end are ordinary text that must not be caught.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from govern import Pack
from govern.checks.normalise import normalise
from govern.moderation.models import ModerationResult

# Each disguise is applied to a word; the word must be found with the excerpt that was written.
SWEAR = {
    "zero-width-space": "s\u200bh\u200bi\u200bt",
    "zero-width-joiner": "sh\u200dit",
    "zero-width-non-joiner": "sh\u200ci\u200ct",
    "soft-hyphen": "sh\u00adit",
    "word-joiner": "s\u2060hit",
    "byte-order-mark": "sh\ufeffit",
    "bidi-control": "s\u202eh\u202cit",
    "variation-selector": "s\ufe0fhit",
    "cyrillic": "ѕһіt",
    "greek": "SΗΙΤ",
    "fullwidth": "ｓｈｉｔ",
    "math-bold": "𝐬𝐡𝐢𝐭",
    "math-italic": "𝑠ℎ𝑖𝑡",
    "math-script": "𝓼𝓱𝓲𝓽",
    "math-double-struck": "𝕤𝕙𝕚𝕥",
    "math-monospace": "𝚜𝚑𝚒𝚝",
    "circled": "ⓢⓗⓘⓣ",
    "small-capitals": "ꜱʜɪᴛ",
    "superscript": "ˢʰⁱᵗ",
    "precomposed-accents": "ŝhît",
    "combining-accents": "s\u0301hi\u0308t",
    "zalgo": "s\u0337\u0321h\u0334i\u0338t\u0335",
    "html-named": "sh&iacute;t",
    "html-decimal": "&#115;&#104;&#105;&#116;",
    "html-hex": "&#x73;hi&#x74;",
    "dots": "s.h.i.t",
    "spaces": "s h i t",
    "dashes": "s-h-i-t",
    "mixed-separators": "s. h-i _t",
    "nbsp-separators": "s\u00a0h\u00a0i\u00a0t",
    "thin-space-separators": "s\u2009h\u2009i\u2009t",
    "repeated-letters": "shiiiiit",
    "every-letter-doubled": "sshhiitt",
    "leet-digits": "5h17",
    "leet-symbols": "$h!t",
    "asterisk-mask": "sh*t",
    "mixed-case": "ShIt",
    "mixed-disguises": "ѕ\u200bh&#105;iiｔ",
    "negative-circled": "🅢🅗🅘🅣",
    "negative-squared": "🆂🅷🅸🆃",
    "squared": "🅂🄷🄸🅃",
    "parenthesised": "⒮⒣⒤⒯",
    "parenthesised-capitals": "🄢🄗🄘🄣",
    "regional-indicators": "🇸🇭🇮🇹",
    "regional-indicators-in-a-word": "sh🇮t",
    "enclosed-inside-a-word": "sh🅸t",
}

INSULT = {
    "zero-width-space": "l\u200bi\u200ba\u200br",
    "zero-width-joiner": "li\u200dar",
    "zero-width-non-joiner": "l\u200ciar",
    "soft-hyphen": "li\u00adar",
    "word-joiner": "lia\u2060r",
    "byte-order-mark": "l\ufeffiar",
    "bidi-control": "l\u200eiar",
    "cyrillic": "lіаr",
    "greek": "lιαr",
    "fullwidth": "ｌｉａｒ",
    "math-bold": "𝐥𝐢𝐚𝐫",
    "math-italic": "𝑙𝑖𝑎𝑟",
    "math-script": "𝓵𝓲𝓪𝓻",
    "circled": "ⓛⓘⓐⓡ",
    "small-capitals": "ʟɪᴀʀ",
    "combining-accents": "l\u0300i\u0301a\u0302r",
    "html-named": "l&iacute;ar",
    "html-decimal": "&#108;&#105;&#97;&#114;",
    "html-hex": "li&#x61;r",
    "dots": "l.i.a.r",
    "spaces": "l i a r",
    "dashes": "l-i-a-r",
    "nbsp-separators": "l\u00a0i\u00a0a\u00a0r",
    "thin-space-separators": "l\u2009i\u2009a\u2009r",
    "repeated-letters": "liiiaaar",
    "leet-digits": "l14r",
    "leet-symbols": "l!@r",
    "mixed-case": "LiAr",
    "negative-squared": "🅻🅸🅰🆁",
    "parenthesised": "⒧⒤⒜⒭",
    "regional-indicators-in-a-word": "l🇮🇦r",
}

PHONE = {
    "zero-width-space": "077\u200b00 900\u200b123",
    "zero-width-joiner": "07700\u200d900123",
    "zero-width-non-joiner": "0770\u200c0 90\u200c0123",
    "soft-hyphen": "07700\u00ad900\u00ad123",
    "word-joiner": "07\u20607\u206000 900123",
    "byte-order-mark": "07700\ufeff900123",
    "fullwidth-digits": "０７７００ ９００１２３",
    "arabic-indic-digits": "٠٧٧٠٠ ٩٠٠١٢٣",
    "persian-digits": "۰۷۷۰۰ ۹۰۰۱۲۳",
    "devanagari-digits": "०७७०० ९००१२३",
    "math-bold-digits": "𝟎𝟕𝟕𝟎𝟎 𝟗𝟎𝟎𝟏𝟐𝟑",
    "math-double-struck-digits": "𝟘𝟟𝟟𝟘𝟘 𝟡𝟘𝟘𝟙𝟚𝟛",
    "circled-digits": "⓪⑦⑦⓪⓪ ⑨⓪⓪①②③",
    "superscript-digits": "⁰⁷⁷⁰⁰ ⁹⁰⁰¹²³",
    "html-decimal": "&#48;7700 &#57;00123",
    "html-hex": "0770&#x30; 900&#x31;23",
    "html-nbsp": "07700&nbsp;900123",
    "nbsp-separator": "07700\u00a0900\u00a0123",
    "thin-space-separators": "07700\u2009900\u2009123",
    "ideographic-space": "07700\u3000900123",
    "dots": "07700.900.123",
    "dashes": "07700-900-123",
    "spaces-between-digits": "0 7 7 0 0 9 0 0 1 2 3",
    "letters-for-digits": "O77OO 9OOl23",
    "combining-strike-through": "\u0336".join("07700 900123") + "\u0336",
    "international-fullwidth-plus": "＋44 7700 900123",
    "mixed-disguises": "٠７7\u200bOO&#32;９00١23",
}


def _spans(pack: Pack, text: str, rule: str, area: str) -> list[tuple[int, int, str]]:
    if area == "drafts":
        findings = pack.check({"text": text, "platform": "facebook"}).findings
    else:
        findings = pack.moderate({"text": text, "channel": "facebook-page"}).findings
    return [(f.start, f.end, f.excerpt) for f in findings if f.rule == rule]


def _assert_caught(pack: Pack, before: str, word: str, after: str, rule: str, area: str) -> None:
    text = before + word + after
    start, end = len(before), len(before) + len(word)
    assert _spans(pack, text, rule, area) == [(start, end, word)], f"{rule} missed {word!r}"


@pytest.mark.parametrize("word", [pytest.param(w, id=k) for k, w in SWEAR.items()])
def test_swearing_is_caught_however_disguised(council: Pack, word: str) -> None:
    _assert_caught(council, "What a load of ", word, ", honestly.", "profanity", "drafts")


@pytest.mark.parametrize("word", [pytest.param(w, id=k) for k, w in INSULT.items()])
def test_an_insult_is_caught_however_disguised(council: Pack, word: str) -> None:
    _assert_caught(council, "Everyone knows the leader is a ", word, " and a bully.", "defamation", "drafts")


@pytest.mark.parametrize("number", [pytest.param(w, id=k) for k, w in PHONE.items()])
def test_a_phone_number_is_caught_however_disguised(council: Pack, number: str) -> None:
    _assert_caught(council, "Ring me on ", number, " after six", "personal-data", "moderation")


def test_each_table_has_at_least_the_reviewed_variants() -> None:
    assert min(len(SWEAR), len(INSULT), len(PHONE)) >= 23


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("ni🅶🅶er", id="negative-squared"),
        pytest.param("ni🅖🅖er", id="negative-circled"),
        pytest.param("ni⒢⒢er", id="parenthesised"),
        pytest.param("🇳🇮🇬🇬🇪🇷", id="regional-indicators"),
        pytest.param("ni🇬🇬er", id="regional-indicators-in-a-word"),
    ],
)
def test_an_enclosed_slur_is_removed(council: Pack, word: str) -> None:
    _assert_caught(council, "Go home you ", word, " now", "hate", "moderation")


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        pytest.param("Go 🇬🇧 team", "Go 🇬🇧 team", id="a-flag-between-spaces"),
        pytest.param("🇬🇧!", "🇬🇧!", id="a-flag-alone"),
        pytest.param("Up 🇬🇧🇫🇷 here", "Up GBFR here", id="two-flags-read-as-letters"),
        pytest.param("ni🇬🇬er", "niGGer", id="touching-letters"),
        pytest.param("⒜⒝", "ab", id="parenthesised-one-letter-each"),
    ],
)
def test_regional_indicators_are_letters_only_outside_a_flag(text: str, normalised: str) -> None:
    found = normalise(text)
    assert found.text == normalised
    if found.offsets is not None:
        assert len(found.offsets) == len(found.text) + 1
        assert found.offsets == sorted(found.offsets) and found.offsets[-1] == len(text)


@pytest.mark.parametrize(
    ("text", "styled"),
    [
        pytest.param("Say 🅽🅾 now", ["🅽🅾"], id="negative-squared"),
        pytest.param("Say ⒩⒪ now", ["⒩⒪"], id="parenthesised"),
        pytest.param("Say 🇳🇴🇵🇪 now", ["🇳🇴🇵🇪"], id="regional-letters"),
        pytest.param("Go 🇬🇧 team", [], id="a-flag-is-no-styled-letter"),
    ],
)
def test_styled_letters_finds_enclosed_forms(council: Pack, text: str, styled: list[str]) -> None:
    assert [e for _, _, e in _spans(council, text, "styled-letters", "drafts")] == styled


def test_a_flag_is_still_one_emoji(council: Pack) -> None:
    assert [e for _, _, e in _spans(council, "Go 🇬🇧 team", "emoji", "drafts")] == ["🇬🇧"]


# --- flooding: the same comment three times, disguised differently each time --------------

COMMENT = "Please fix the pothole on Elm Road"
Disguise = Callable[[str], str]
DISGUISES: dict[str, Disguise] = {
    "plain": lambda t: t,
    "zero-width-space": lambda t: t.replace("pot", "p\u200bot"),
    "zero-width-joiner": lambda t: t.replace("fix", "f\u200dix"),
    "soft-hyphen": lambda t: t.replace("pothole", "pot\u00adhole"),
    "word-joiner": lambda t: t.replace("Elm", "E\u2060lm"),
    "byte-order-mark": lambda t: "\ufeff" + t,
    "cyrillic": lambda t: t.replace("a", "а").replace("e", "е").replace("o", "о"),
    "greek": lambda t: t.replace("o", "ο").replace("E", "Ε"),
    "fullwidth": lambda t: t.replace("pothole", "ｐｏｔｈｏｌｅ"),
    "math-bold": lambda t: t.replace("Road", "𝐑𝐨𝐚𝐝"),
    "circled": lambda t: t.replace("fix", "ⓕⓘⓧ"),
    "combining-accents": lambda t: t.replace("e", "é").replace("o", "o\u0308"),
    "html-entities": lambda t: t.replace(" ", "&nbsp;").replace("o", "&#111;"),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "extra-spaces": lambda t: t.replace(" ", "   "),
    "dotted-word": lambda t: t.replace("pothole", "p.o.t.h.o.l.e"),
    "spaced-word": lambda t: t.replace("pothole", "p o t h o l e"),
    "repeated-letters": lambda t: t.replace("Please", "Pleeeease"),
    "leet": lambda t: t.replace("o", "0").replace("e", "3"),
    "upper-case": str.upper,
    "punctuation": lambda t: t + "!!!",
    "small-capitals": lambda t: t.replace("fix", "ꜰɪx"),
    "bidi-marks": lambda t: "\u200e" + t.replace(" ", " \u200f"),
    "line-breaks": lambda t: t.replace(" on ", "\non\n"),
}


def _flood(pack: Pack, texts: list[str]) -> ModerationResult:
    start = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
    comments = [
        {
            "text": text,
            "channel": "facebook-page",
            "author": {"id": "resident-7"},
            "posted_at": (start + dt.timedelta(minutes=2 * i)).isoformat(),
        }
        for i, text in enumerate(texts)
    ]
    return pack.moderate(comments[-1], comments[:-1])


NAMES = list(DISGUISES)


@pytest.mark.parametrize(
    "names",
    [pytest.param([NAMES[(i + k) % len(NAMES)] for k in range(3)], id=NAMES[i]) for i in range(len(NAMES))],
)
def test_flooding_is_caught_however_each_repeat_is_disguised(council: Pack, names: list[str]) -> None:
    result = _flood(council, [DISGUISES[n](COMMENT) for n in names])
    assert "flooding" in {f.rule for f in result.findings}, names
    assert result.action in ("hold", "remove")


def test_three_different_comments_are_not_flooding(council: Pack) -> None:
    texts = [COMMENT, "Please fix the pothole on Oak Road", "Bin 11 was missed on Elm Road"]
    assert "flooding" not in {f.rule for f in _flood(council, texts).findings}
    texts = ["Bin 11 was missed", "Bin 1 was missed", "Bin 111 was missed"]
    assert "flooding" not in {f.rule for f in _flood(council, texts).findings}


# --- contrasts: ordinary text holding the letters or the digits ----------------------------


@pytest.mark.parametrize(
    ("text", "rule", "area"),
    [
        pytest.param("Scunthorpe United won on Saturday", "profanity", "drafts", id="scunthorpe"),
        pytest.param("Shiitake mushrooms at the market", "profanity", "drafts", id="shiitake"),
        pytest.param("We will assess the damage", "profanity", "drafts", id="assess"),
        pytest.param("Cocktails at the Dickens festival", "profanity", "drafts", id="dickens"),
        pytest.param("Shell out for a new passport", "profanity", "drafts", id="shell"),
        pytest.param("I am a U K citizen", "profanity", "drafts", id="spaced-letters"),
        pytest.param("Café opening hours: 9–5", "profanity", "drafts", id="accents"),
        pytest.param("The library is familiar and peculiar", "defamation", "drafts", id="familiar"),
        pytest.param("The fox left its lair", "defamation", "drafts", id="lair"),
        pytest.param("Our l1brary card scheme", "defamation", "drafts", id="leet-library"),
        pytest.param("Ask for the e-mail at reception", "defamation", "drafts", id="e-mail"),
        pytest.param("In 2026 we fixed 1,200 potholes", "personal-data", "moderation", id="year"),
        pytest.param("Oil, pool and 300 sandbags", "personal-data", "moderation", id="o-and-l-letters"),
        pytest.param("Invoice 2026-07-11 ref 4471", "personal-data", "moderation", id="date-and-reference"),
        pytest.param("Call ０２３ ９２８３ ４０００ (ours)", "personal-data", "moderation", id="allowed"),
        pytest.param("Come on 🇬🇧 and 🇫🇷, ⓖⓞ!", "hate", "moderation", id="flags-are-not-letters"),
        pytest.param("Up 🇸🇭 and 🇮🇹 fans", "profanity", "drafts", id="flags-between-words"),
    ],
)
def test_ordinary_text_is_not_caught(council: Pack, text: str, rule: str, area: str) -> None:
    assert _spans(council, text, rule, area) == []


# --- party names (drafts D5 in a pre-election period, D6 outside one) ----------------------

PRE_ELECTION = "2027-04-10T12:00:00"
ORDINARY_DAY = "2026-11-23T12:00:00"


def _party_findings(pack: Pack, text: str, posted_at: str) -> tuple[str, list[str]]:
    verdict = pack.check({"text": text, "platform": "facebook", "posted_at": posted_at})
    rule = "pre-election" if posted_at == PRE_ELECTION else "party-political"
    return verdict.verdict, [f.excerpt for f in verdict.findings if f.rule == rule]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        pytest.param("Vote LABOUR on Thursday", "Vote LABOUR", id="capitals"),
        pytest.param("Vote ＬＡＢＯＵＲ on Thursday", "Vote ＬＡＢＯＵＲ", id="fullwidth"),
        pytest.param("Vote Lab0ur on Thursday", "Vote Lab0ur", id="leet"),
        pytest.param("Vote L a b o u r on Thursday", "Vote L a b o u r", id="spaced"),
        pytest.param("vote labour on thursday", "vote labour", id="lower-case"),
        pytest.param("The tories cut the bus grant", "tories", id="lower-case-tories"),
        pytest.param("The GREEN PARTY asked us", "GREEN PARTY", id="capitals-green-party"),
        pytest.param("Thanks to our T.o.r.y councillors", "T.o.r.y", id="dotted"),
        pytest.param("Ask the labour councillors", "labour councillors", id="labour-as-a-party"),
    ],
)
@pytest.mark.parametrize(
    ("posted_at", "verdict"),
    [pytest.param(PRE_ELECTION, "block", id="D5"), pytest.param(ORDINARY_DAY, "refer", id="D6")],
)
def test_a_party_name_is_caught_however_written(
    council: Pack, text: str, excerpt: str, posted_at: str, verdict: str
) -> None:
    found_verdict, excerpts = _party_findings(council, text, posted_at)
    assert (found_verdict, excerpt in excerpts) == (verdict, True), excerpts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Your green bin will be emptied on Friday", id="green-bins"),
        pytest.param("We need more labour on site to finish the road", id="labour-the-word"),
        pytest.param("Eat your greens at the school fair", id="greens-the-word"),
        pytest.param("A conservative estimate is 300 homes", id="conservative-the-word"),
        pytest.param("The village green party is on Saturday", id="village-green-party"),
    ],
)
def test_ordinary_words_are_not_party_names(council: Pack, text: str) -> None:
    assert _party_findings(council, text, ORDINARY_DAY)[1] == []


# --- phone numbers and e-mail addresses written in words -----------------------------------


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("seven seven zero zero nine zero zero one two three", id="words-without-the-0"),
        pytest.param("oh seven seven oh oh 900123", id="words-and-digits"),
        pytest.param("zero double seven double oh nine double oh one two three", id="double"),
        pytest.param("Nought Seven Seven Nought Nought, nine nought nought, one two three", id="nought"),
        pytest.param("07700 9OO one two three", id="lookalikes-and-words"),
        pytest.param("john dot smith at example dot com", id="email-at-dot"),
        pytest.param("john.smith at example dot co.uk", id="email-dot-in-the-domain"),
        pytest.param("JSmith AT Example DOT com", id="email-capitals"),
        pytest.param("john (at) example (dot) org", id="email-bracketed"),
        pytest.param("jsmith [at] mail [dot] co [dot] uk", id="email-square-brackets"),
    ],
)
def test_contacts_in_words_are_caught(council: Pack, written: str) -> None:
    _assert_caught(council, "Get me on ", written, " after six", "personal-data", "moderation")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I'm at the library", id="at-a-place"),
        pytest.param("There are one or two potholes", id="one-or-two"),
        pytest.param("Open seven days a week", id="seven-days"),
        pytest.param("See you at 7.30 on Monday", id="at-a-time"),
        pytest.param("Meet me at Elm dot", id="at-elm-dot"),
        pytest.param("Look at bbc.co.uk for the news", id="look-at-a-site"),
        pytest.param("Check your calendar at examplecouncil.gov.uk/bins", id="more-at-a-site"),
        pytest.param("Tea at Elm dot com-munity centre", id="no-top-level-domain"),
        pytest.param("We counted one two three four five six seven eight nine ducks", id="counting"),
        pytest.param("Write to customer dot services at examplecouncil dot gov dot uk", id="own-email"),
        pytest.param("Call oh two three, nine two eight three, four oh oh oh", id="own-number"),
    ],
)
def test_ordinary_words_are_no_contact(council: Pack, text: str) -> None:
    assert _spans(council, text, "personal-data", "moderation") == []
