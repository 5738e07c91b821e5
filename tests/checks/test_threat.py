"""`threat` on phrasings written for these tests: intent, calls, veiled forms, and what is not a threat."""

from __future__ import annotations

import pytest

from tests.checks.helpers import found

SPEC = {"kind": "threat"}

THREATS = [
    ("I am going to shoot the next black person I see.", "I am going to shoot the next black person"),
    ("Someone should torch his car.", "Someone should torch his car"),
    ("I know where you live.", "I know where you live"),
    ("Watch your back, councillor.", "Watch your back"),
    ("We'll sort him out permanently.", "sort him out permanently"),
    ("I'll smash your face in if I see you at the depot.", "I'll smash your face in"),
    ("We're going to burn the Traveller camp down tonight.", "We're going to burn the Traveller camp down"),
    ("That warden deserves a bullet.", "deserves a bullet"),
    ("The leader of the council should be hanged.", "The leader of the council should be hanged"),
    ("I hope you get run over by a bin lorry.", "hope you get run over"),
    ("Your days are numbered, mate.", "Your days are numbered"),
    ("It would be a shame if something happened to your car.", "It would be a shame if something happened"),
    ("Im gonna stab him when he comes out of the office.", "Im gonna stab him"),
    ("Kill them all.", "Kill them all"),
    ("Any cyclists on my road will regret it.", "Any cyclists on my road will regret it"),
    # plans said in more ways (written for these tests, not taken from a benchmark)
    ("On Saturday we are running over every Hindu outside the temple.", "we are running over every Hindu"),
    ("Off to the fair to knife some Kurds.", "to knife some Kurds"),
    ("Me and my cousin have decided to shoot the Sikh lads at the bus stop.", "shoot the Sikh lads"),
    ("I'll never sleep until every Somali on this street is butchered.", "is butchered"),
    ("You Catholics are all going to die.", "You Catholics are all going to die"),
    ("The next Polish bloke who parks here is dead.", "is dead"),
    ("I've sharpened a machete ready for them lesbians.", "sharpened a machete ready for them lesbians"),
    ("The bisexuals at the pub will get strung up by us.", "strung up by us"),
    ("We're coming back tonight to smash their door down and gas the lot of them.", "smash their door down"),
    ("I'll stamp the heads in of any Roma I catch.", "stamp the heads in of any Roma"),
    ("If we got a rifle every Hindu on the estate would be shot.", "would be shot"),
    ("One more Romanian shop on this parade and I'm fetching my shotgun.", "fetching my shotgun"),
    ("We'll drive a van into the congregation at the synagogue.", "drive a van into the congregation"),
    ("I'm going to tear the turban off that Sikh bloke.", "tear the turban"),
    ("Any Romanian who dares to move in here won't last a week.", "move in here won't last"),
    ("I'll push every lesbian I meet under a train.", "under a train"),
    ("Mark my words, the Hindus on Elm Road will be burning by Friday.", "will be burning by Friday"),
    ("Those Jews, I swear I'll tear them apart.", "tear them apart"),
    ("My crew is going to put every Somali family on this estate in the camps.", "in the camps"),
    ("Help me in stabbing the Catholics at the midnight mass.", "stabbing the Catholics"),
    ("Say that again and see what happens to you.", "see what happens to you"),
    ("I'll break every bone in his body.", "every bone in his body"),
    ("Next time I see the warden I'm going to mow him down.", "mow him down"),
    ("Carry on and you'll be found in the river.", "be found in the river"),
    ("I'll send my cousins round to do him over.", "do him over"),
    ("Your kids will be orphans by Christmas.", "will be orphans"),
    ("I'll put a blade to your throat.", "blade to your throat"),
]

NOT_THREATS = [
    "This heat is killing me.",
    "I'd kill for a decent bus service.",
    "Someone will break their neck on that hill.",
    "No one deserves to die like that.",
    "I hope she gets well soon.",
    "He threatened to kill me and nobody came.",
    "I would never hurt anyone.",
    "The parking charges will kill the high street.",
    "We smashed our fundraising target, thank you all!",
    "I'm going to kill the weeds on the allotment this weekend.",
    "You'll regret this at the ballot box in May.",
    "The gay men's choir absolutely killed it last night.",
    "Accidents happen on that junction every week.",
    "We are going to thrash the Sikh temple's five-a-side team.",
    "I'm off to shoot a few frames with the lads from the camera club.",
    "I'll be at the mosque open day with a hammer fixing the bookshelves.",
    "I won't rest until every Somali family on this street has heating.",
    "I'll make sure no Polish worker is hurt on the building site.",
    "Nothing will stop me from helping the Roma families settle in.",
    "You Catholics are all going to love the new parish hall.",
    "If we got a grant every Hindu family on the estate would be warmer.",
    "One more Somali shop on this parade and I'm doing all my shopping here.",
    "We'll drive a van of donations to the synagogue food bank.",
    "Any Kurd who dares to move in here will get a warm welcome.",
    "I'll push every lesbian I meet to join the running club.",
    "It's time to end the baby bank waiting list.",
    "We'll be burning the Guy on bonfire night at the Catholic club.",
    "You'll never know what hit you when you see the new council tax bill.",
    "I'm going to cut the Sikh heritage cake into slices for everyone.",
    "The Polish families will hang their lanterns on the green tonight.",
    "I'm going to the council meeting to tear them apart over the parking charges.",
    "I'm going to drop every pensioner I see at the bus stop on my way home.",
    "I'll run you over to the station if you need a lift.",
    "You'll end up in hospital if you slip on that ice outside the library.",
    "Staff are getting attacked on the buses and nobody does anything.",
    "A man held a knife to her throat in the park last night, police said.",
    "Did you honestly think we would hurt the councillor? We were protesting.",
]


@pytest.mark.parametrize(("text", "excerpt"), [pytest.param(t, e, id=t[:40]) for t, e in THREATS])
def test_threats_are_found_and_named(text: str, excerpt: str) -> None:
    """The finding names the threat: it overlaps the words that make it one, and is not the whole text."""
    spans = found(SPEC, text)
    assert any(excerpt in s or s in excerpt for s in spans), spans


@pytest.mark.parametrize("text", [pytest.param(t, id=t[:40]) for t in NOT_THREATS])
def test_figures_of_speech_denials_and_reports_are_not_threats(text: str) -> None:
    assert found(SPEC, text) == []
