"""`hate` on phrasings written for these tests from the functional taxonomy (not the blind suite)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.checks.helpers import compile_detector, found

SPEC: dict[str, Any] = {
    "kind": "hate",
    "slurs": ["paki", "fag", "faggot", "kike", "pikey", "tranny", "dyke", "nigger"],
    "reclaimable": ["dyke", "fag"],
    "exceptions": [r"\bpacket\s+of\s+fags\b", r"\bsea\s+dykes?\b"],
}

HATEFUL = [
    # strong negative emotion
    "I absolutely loathe Muslims.",
    "Honestly I detest disabled people.",
    "I can't stand immigrants, never could.",
    "Trans people make me sick.",
    "Nothing disgusts me more than Black people.",
    # negative attributes
    "Muslims are all liars.",
    "Immigrants are lazy scroungers.",
    "Travellers are thieving scum.",
    "Trans people are mentally ill.",
    "Women are too stupid to run anything.",
    # dehumanisation
    "Immigrants are cockroaches.",
    "Black people are apes.",
    "Refugees are an infestation.",
    "Sikhs are not human.",
    "Jewish people are a cancer on society.",
    # implicit
    "Women belong in the kitchen.",
    "Muslims can't be trusted.",
    "Funny how crime went up when the immigrants arrived.",
    "Gay people should keep it behind closed doors where nobody has to see it.",
    # threats to a group
    "Muslims deserve to die.",
    "Immigrants should be shot on sight.",
    "Somebody should wipe out the gay people in this town.",
    # slurs, disguised too
    "Look at that p4ki over there.",
    "Typical pikeys, rubbish everywhere.",
    "The council is full of trannies now.",
    # profanity aimed at a group
    "Fucking immigrants ruin everything.",
    "Trans people can fuck off.",
    # reference by pronoun or phrase
    "I've met many Muslims. Every one of them is a liar.",
    "My neighbours are gay. They make me sick.",
    "There's a new family of Travellers down the road and they're scum.",
    # negated positive
    "Muslims are not welcome here.",
    "Immigrants will never be British.",
    "Gay people don't deserve respect.",
    "Disabled people have no place in our workforce.",
    # question and opinion
    "Why do Muslims always cause trouble?",
    "Isn't it time we got rid of the Travellers?",
    "If you ask me immigrants are parasites.",
    "I genuinely believe women are inferior.",
    # spelling
    "Imigrants are scum.",
    "I h@te gay people.",
    "Mus lims are vermin.",
    # a conjoined predicate: the second word is judged though the first is mild
    "Hindus are noisy and spiteful.",
    # a group named as what someone is, then a pronoun
    "The new tenants are Jewish. They are repulsive.",
    # what a group is said to lack, ended by the clause
    "Refugees lack any decency whatsoever.",
    "blackpeople are apes",
    # emoji
    "Muslims 🐷🐷",
    "immigrants = 🐀",
    "☪️ are filth",
]

NOT_HATEFUL = [
    # the group is the object of someone else's rudeness
    "Some Sikh pensioners came in. The receptionist was rude to them, disgusting.",
    # what a group lacks from others is how it is treated
    "Disabled tenants have no respect from the letting agent.",
    # a group named as what someone is, then kindness
    "The new tenants are Jewish. They are lovely.",
    # negated, denied
    "I don't think Muslims are terrorists.",
    "Trans people are not a threat to anyone.",
    "Immigrants are not the problem, the housing shortage is.",
    "Nobody in this town thinks Travellers are scum.",
    "It's a lie that refugees are criminals.",
    # neutral and positive
    "Muslims make up a fifth of the ward.",
    "We need more support for disabled people.",
    "My wife is a trans woman and a teacher.",
    "Immigrants run half the shops on the high street and they are brilliant.",
    "The Sikh temple fed hundreds of people during the floods.",
    "Disabled people are the worst affected by the cuts.",
    "Women are sick of being harassed at the bus station.",
    # counter-speech
    "A man shouted 'go back to your own country' at my mum.",
    "Calling disabled people parasites is disgusting.",
    "Stop saying immigrants are taking over, it is not true.",
    "Anyone who thinks women are inferior needs to grow up.",
    "Comparing refugees to rats is dehumanising.",
    "Refugees are treated like animals in that hotel.",
    # other targets
    "Landlords are parasites.",
    "Cyclists are a menace on the prom.",
    "I hate Mondays and I hate the new bin rota.",
    # homonyms and reclaimed
    "Nipped out for a packet of fags.",
    "The sea dyke needs repairs before winter.",
    "I'm a proud dyke and I love this town.",
]


@pytest.mark.parametrize("text", [pytest.param(t, id=t[:40]) for t in HATEFUL])
def test_hate_is_found_and_named(text: str) -> None:
    excerpts = found(SPEC, text)
    assert excerpts, "no hate found"
    assert all(e and e.strip() != text.strip() or len(text) < 25 for e in excerpts)


@pytest.mark.parametrize("text", [pytest.param(t, id=t[:40]) for t in NOT_HATEFUL])
def test_what_only_looks_like_hate_is_not_found(text: str) -> None:
    assert found(SPEC, text) == []


def test_a_bad_exception_pattern_is_a_located_problem() -> None:
    detector, problems = compile_detector({**SPEC, "exceptions": ["(unclosed"]})
    assert detector is None and [p.code for p in problems] == ["G402"]
