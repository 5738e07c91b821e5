"""D8 and D10 on the default pack: apologies are never hostile, hostility is aimed at the reader,
words to avoid are flagged in their jargon sense and left alone in their literal one."""

from __future__ import annotations

from typing import Any

import pytest

from govern import Pack

# Written for this test in the voice of a customer-service team: apologies and plain accounts of
# a problem, many of them full of words VADER scores as negative.
APOLOGIES = [
    "I am very sorry for the disruption, I can see this service was delayed by a train fault.",
    "We're very sorry for the disruption, the bin lorry broke down and couldn't finish the round.",
    "So sorry you were left waiting in the cold. That's not good enough and I've passed it on.",
    "Apologies, the lift has failed again. An engineer is on the way and we'll update you by 5pm.",
    "Really sorry, that's an awful experience. The crew should never have blocked your drive.",
    "Sorry for the terrible delays today, a burst water main flooded the road.",
    "We're sorry. You shouldn't have had to chase us three times about a missed bin.",
    "I'm sorry you were told the wrong date. That was our mistake, not yours.",
    "We apologise: the website crashed this morning and payments failed. It's working again now.",
    "Sorry to hear about your mum's fall on the pavement. Please send us the location so we can fix it.",
    "You're right to be angry and I'm sorry. The toilets should have been open.",
    "Sorry, the boiler broke and the pool is freezing. It'll be fixed by Friday.",
    "We're so sorry for the loss of your dog's tag in our lost property mix-up, it's upsetting.",
    "Our sympathies: the storm damage on your street is dreadful and crews are there now.",
    "Sorry, obviously this isn't the news anyone wanted, but the fair is cancelled because of the wind.",
]


@pytest.mark.parametrize("text", APOLOGIES)
def test_an_apology_is_never_hostile(council: Pack, text: str) -> None:
    verdict = council.check({"text": text, "platform": "facebook", "in_reply_to": "This is a joke"})
    assert "hostile-tone" not in {f.rule for f in verdict.findings}
    assert verdict.scores.tone < 0.35


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        pytest.param("Obviously the tip is shut on Mondays.", "Obviously", id="condescension"),
        pytest.param(
            "You're being ridiculous, the bins were emptied.", "You're being ridiculous", id="judgement"
        ),
        pytest.param(
            "Your comment is completely out of order.", "Your comment is completely out of order", id="yours"
        ),
        pytest.param("Not our problem, ring the water company.", "Not our problem", id="dismissal"),
        pytest.param(
            "You only have yourself to blame for the fine.", "You only have yourself to blame", id="blame"
        ),
        pytest.param("Good luck with that.", "Good luck with that", id="sarcasm"),
        pytest.param("As we've already said, the tip is shut.", "As we've already said", id="contraction"),
        pytest.param("We are furious about this disgusting mess.", "We are furious", id="anger"),
    ],
)
def test_hostility_is_found_as_a_span(council: Pack, text: str, excerpt: str) -> None:
    verdict = council.check({"text": text, "platform": "x"})
    assert excerpt in [f.excerpt for f in verdict.findings if f.rule == "hostile-tone"]
    assert verdict.verdict == "revise"


def test_sentiment_alone_makes_no_finding(council: Pack) -> None:
    verdict = council.check({"text": "Terrible, awful, horrible weather is on the way.", "platform": "x"})
    assert verdict.findings == [] and verdict.verdict == "ok"


def test_tone_ranks_hostile_and_corporate_above_sincere(council: Pack) -> None:
    def tone(text: str) -> float:
        return council.check({"text": text, "platform": "x"}).scores.tone

    sincere = tone("Sorry the library was shut. The heating failed; it's open again tomorrow.")
    corporate = tone(
        "We apologise for any inconvenience. Going forward we will deliver a robust heating service."
    )
    hostile = tone("The heating failed. Obviously you'd know that if you had bothered to check.")
    assert sincere < corporate and sincere < hostile


def _flagged(council: Pack, text: str) -> list[tuple[str, Any]]:
    verdict = council.check({"text": text, "platform": "facebook"})
    return [(f.excerpt, f.suggestion) for f in verdict.findings if f.rule == "corporate-tone"]


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        pytest.param("Our new plan will empower young people.", "empower", id="empower"),
        pytest.param("We're tackling potholes across the city.", "tackling", id="tackling"),
        pytest.param("The stakeholder workshop is on Monday.", "stakeholder", id="stakeholder-singular"),
        pytest.param("We delivered real improvements to parks.", "delivered", id="delivered"),
        pytest.param("We will liaise with the housing team.", "liaise", id="liaise"),
        pytest.param("We'll progress your complaint today.", "progress", id="progress-as-a-verb"),
        pytest.param("The money is ring-fenced for libraries.", "ring-fenced", id="ring-fenced"),
        pytest.param("A one stop shop for council tax help.", "one stop shop", id="one-stop-shop"),
        pytest.param("We are committed to cleaner streets.", "committed", id="committed"),
        pytest.param("This drives up standards in care homes.", "drives", id="drive-metaphor"),
        pytest.param("In order to apply, fill in the form.", "In order to", id="in-order-to"),
    ],
)
def test_words_to_avoid_are_flagged_with_an_alternative(council: Pack, text: str, excerpt: str) -> None:
    found = _flagged(council, text)
    assert [e for e, _ in found] == [excerpt]
    assert all(s for _, s in found)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Please drive slowly past the school.", id="drive-slowly"),
        pytest.param("Don't block your neighbour's drive.", id="a-drive"),
        pytest.param("Flooding on Marine Drive this morning.", id="street-name"),
        pytest.param("Pick up the key from the library desk.", id="key-from"),
        pytest.param("Key Stage 2 results are out.", id="key-stage"),
        pytest.param("The midwife delivered twins at home.", id="deliver-twins"),
        pytest.param("Your new caddy will be delivered next week.", id="caddy-delivered"),
        pytest.param("We need more foster carers for teenagers.", id="foster-carers"),
        pytest.param("The air ambulance had to land on the field.", id="land-aircraft"),
        pytest.param("Council land at Hilsea is up for sale.", id="land-noun"),
        pytest.param("Good progress on the seafront path.", id="progress-noun"),
        pytest.param("Our engineers are strengthening the bridge.", id="strengthen-bridge"),
        pytest.param("A bad tackle ended the rugby match early.", id="tackle-rugby"),
        pytest.param("Book in advance for the panto.", id="in-advance"),
        pytest.param("The agenda for Thursday's cabinet meeting is online.", id="meeting-agenda"),
    ],
)
def test_literal_senses_are_left_alone(council: Pack, text: str) -> None:
    assert _flagged(council, text) == []
