"""The trained classifiers: masked identity terms and pronouns, spans that name words, hold at most."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from govern import load_pack
from govern.checks.base import Subject
from govern.checks.classifier import MODELS, Models, models, scores
from govern.checks.signals import SIGNALS
from govern.checks.text_features import GROUP, PERSON, QUOTE, features, tokens
from govern.errors import PolicyError
from tests.checks.helpers import compile_detector, found
from tests.conftest import DEFAULT_PACK, write_pack

IDENTITY_TERMS = [
    "women",
    "men",
    "Muslims",
    "Jews",
    "gay",
    "lesbians",
    "trans",
    "Black",
    "white",
    "Asian",
    "immigrants",
    "refugees",
    "disabled",
    "deaf",
    "Sikhs",
    "Hindus",
    "Christians",
    "Gypsies",
    "Polish",
    "pensioners",
    "bisexual",
    "autistic",
]
PRONOUNS = ["you", "your", "her", "she", "he", "him", "they", "them", "we", "I", "you're"]


@pytest.mark.parametrize("term", [pytest.param(t, id=t) for t in IDENTITY_TERMS + PRONOUNS])
def test_identity_terms_and_pronouns_alone_carry_no_weight(term: str) -> None:
    assert scores(term) == scores("") == scores(term.upper())


@pytest.mark.parametrize(
    "template",
    [
        pytest.param("{} are welcome here.", id="welcome"),
        pytest.param("I love {}.", id="love"),
        pytest.param("{} should be sent back.", id="exclusion"),
        pytest.param("The {} on the phone was rude to me.", id="person"),
    ],
)
def test_swapping_the_group_never_changes_a_score(template: str) -> None:
    first = scores(template.format(IDENTITY_TERMS[0]))
    for term in IDENTITY_TERMS[1:]:
        assert scores(template.format(term)) == first, term


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("You are a f*cking idi0t!!", [PERSON, "are", "a", "f_cking", "idiot"], id="lookalikes"),
        pytest.param("RT @bob: women &amp; men http://t.co/x", [GROUP, GROUP], id="twitter-residue"),
        pytest.param("He said 'you useless idiot' to me", [PERSON, "said", QUOTE, "to", PERSON], id="quoted"),
        pytest.param("2026 !!! ...", [], id="no-words"),
    ],
)
def test_tokens(text: str, words: list[str]) -> None:
    assert tokens(text)[0] == words


def test_token_positions_are_in_the_original_text() -> None:
    text = "İstanbul: You are a f*cking idi0t!!"
    words, spans = tokens(text)
    assert [text[a:b] for a, b in spans] == ["İstanbul", "You", "are", "a", "f*cking", "idi0t"]
    assert words[1:] == [PERSON, "are", "a", "f_cking", "idiot"]


def test_masked_words_have_no_features_of_their_own() -> None:
    assert features("women") == features("you") == []
    assert features("women are") == []  # a mask and a function word: no features at all
    assert f"{GROUP} are vermin" in features("women are vermin")
    assert not any(f.startswith("#") and ("wom" in f or "men" in f) for f in features("I love women and men"))


CLASSIFIER = {"kind": "classifier", "model": "offensive", "above": 0.5}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        pytest.param("The woman on the phone was a thick idiot.", "idiot", id="insult"),
        pytest.param("Thanks for nothing you absolute f*cking muppet.", "f*cking", id="disguised"),
        pytest.param(
            "Three weeks and the bins are still not emptied, you lot are a bunch of lazy idiots.",
            "idiots",
            id="long",
        ),
        pytest.param(
            "Your planning officer is a complete tosser and should be sacked.", "tosser", id="staff"
        ),
    ],
)
def test_spans_name_the_words_that_raised_the_score_not_the_whole_text(text: str, named: str) -> None:
    excerpts = found(CLASSIFIER, text)
    assert excerpts, f"{text!r} scored {scores(text)['offensive']:.2f}"
    assert any(named in e for e in excerpts)
    assert sum(len(e) for e in excerpts) < len(text) / 2
    assert len(excerpts) <= 3


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Can you tell me when my bin will be emptied?", id="question"),
        pytest.param("I love Muslims.", id="identity"),
        pytest.param("Bloody brilliant firework display, well done everyone.", id="mild-word"),
        pytest.param("What a load of rubbish, the council never listens.", id="criticism"),
    ],
)
def test_ordinary_comments_stay_below_the_hold_line(text: str) -> None:
    assert found(CLASSIFIER, text) == []


def test_spans_carry_hold_at_most() -> None:
    detector, problems = compile_detector(CLASSIFIER)
    assert not problems
    spans = detector.find(Subject("You are a thick useless idiot", {}, dt.date(2026, 11, 21), SIGNALS))
    assert spans and {s.action for s in spans} == {"hold"}


HOUSE_RULES = """\
apiVersion: govern/v1
kind: ModerationPolicy
metadata: {name: classifier-only, owner: Communications, description: One rule only a classifier matches.}
spec:
  channels: [{name: facebook-page, mode: post-moderated}]
  hours: {days: [mon, tue, wed, thu, fri], from: "08:00", to: "18:00"}
  flooding: {within_minutes: 10}
  response: {working_days: 1}
  retention: {removed_days: 90}
  rules:
    - id: abuse
      category: profanity
      action: remove
      description: Abuse, as the offensive classifier alone sees it.
      message: Abuse.
      match:
        - {kind: classifier, model: offensive, above: 0.5}
"""


def test_a_classifier_alone_never_removes(tmp_path: Path) -> None:
    files = {p.name: p.read_text(encoding="utf-8") for p in DEFAULT_PACK.iterdir() if p.suffix == ".yaml"}
    files["moderation.yaml"] = HOUSE_RULES
    pack = load_pack(write_pack(tmp_path / "pack", files))
    result = pack.moderate(
        {
            "text": "You are a thick useless idiot",
            "channel": "facebook-page",
            "posted_at": "2026-11-18T11:00:00Z",
        }
    )
    assert result.action == "hold"
    assert result.findings and all(f.excerpt != "You are a thick useless idiot" for f in result.findings)


def test_an_unknown_model_is_a_load_problem() -> None:
    detector, problems = compile_detector({"kind": "classifier", "model": "nope", "above": 0.5})
    assert detector is None and [p.code for p in problems] == ["G205"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("a" * 50_000, id="one-huge-word"),
        pytest.param("idiot " * 5_000, id="repeated"),
        pytest.param("🔥🔥 ☪️ 🏳️‍🌈 zero\u200bwidth \x00 \ud7ff", id="symbols"),
    ],
)
def test_hostile_text_scores_between_0_and_1(text: str) -> None:
    for name in MODELS:
        assert 0.0 <= scores(text)[name] <= 1.0


def test_every_named_model_is_shipped() -> None:
    assert set(MODELS) <= set(models().names)


def test_scores_follow_the_stored_weights() -> None:
    tiny = Models.from_json(
        {"models": ["offensive"], "intercepts": [-2.0], "features": {"idiot": [4.0], "are idiot": [1.0]}}
    )
    assert tiny.scores("")["offensive"] == pytest.approx(1 / (1 + 2.718281828459045**2.0))
    # "are idiot": 2 words; "idiot" 4 (its char n-grams 0), the bigram 1, "are" none: (4 + 1) / sqrt(2)
    z = -2.0 + 5.0 / 2**0.5
    assert tiny.scores("are idiot")["offensive"] == pytest.approx(1 / (1 + 2.718281828459045 ** (-z)))
    # "you are idiot": "idiot" 4 + half the bigram 0.5, "are" the other half: below SHARE of 4.5
    assert tiny.reasons("offensive", "you are idiot") == [(8, 13)]


def test_scoring_needs_no_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from govern.checks.classifier import scores\n"
        "scores('you absolute idiot')\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'sklearn'], 'sklearn imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_one_abusive_sentence_in_a_long_polite_comment_is_not_averaged_away() -> None:
    polite = (
        "Thank you for sorting out the street lights on Mill Lane so quickly last week. "
        "The new crossing near the school also looks great and the children feel much safer now. "
        "I also wanted to say the library staff were very helpful when I renewed my card. "
    )
    text = polite + "But the man who answered the phone today is a fucking idiot."
    assert len(tokens(text)[0]) > 40
    assert scores(text)["offensive"] > scores(polite)["offensive"] + 0.4
    excerpts = found(CLASSIFIER, text)
    assert excerpts and all(text.index(e) > len(polite) for e in excerpts)


ABOUT_GROUP = {"kind": "classifier", "model": "hate", "above": 0.0, "about": "protected-group"}


def _about_group(text: str) -> list[str]:
    detector, problems = compile_detector(ABOUT_GROUP)
    assert not problems
    spans = detector.find(Subject(text, {}, dt.date(2026, 11, 21), SIGNALS))
    assert {s.action for s in spans} <= {"hold"}
    return [text[s.start : s.end] for s in spans]


def test_about_a_group_names_the_group_beside_the_words() -> None:
    named = _about_group("Muslims are extremely intolerant people.")
    assert "Muslims" in named and len(named) >= 2
    assert "Muslims are extremely intolerant people." not in named


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The bins on our road are disgusting and nobody cares.", id="no-group-named"),
        pytest.param("Hating women has no place in our town.", id="rebutted"),
        pytest.param("Old people are not a burden.", id="only-a-negation-weighs"),
        pytest.param("People who say Gypsies are thieves are wrong.", id="reported-and-rebutted"),
    ],
)
def test_about_a_group_stays_silent(text: str) -> None:
    assert _about_group(text) == []


def test_about_must_name_a_known_target(tmp_path: Path) -> None:
    files = {p.name: p.read_text(encoding="utf-8") for p in DEFAULT_PACK.iterdir() if p.suffix == ".yaml"}
    files["moderation.yaml"] = HOUSE_RULES.replace("above: 0.5}", "above: 0.5, about: everyone}")
    with pytest.raises(PolicyError, match="about"):
        load_pack(write_pack(tmp_path / "pack", files))
