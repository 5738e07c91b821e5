"""`insult`: insults and abusive descriptions aimed at a person.

Catches: an insult word or a personal put-down aimed at someone: the person addressed ("you're
a pathetic idiot", "you idiot", "are you stupid?"), a named person ("Councillor Smith is a
moron", "Dave is a muppet"), or a person described ("the woman on the phone was a thick idiot",
"our MP is a waste of space"), and exclamations ("what an idiot").
Why: the written policy (M3) holds insults aimed at a member of staff, a councillor or another
commenter, with or without swear words, while harsh criticism of services and decisions is
published. So the target must be a person: "this service is useless", "a shambles", "this
decision stinks" and "the council are clueless" name no person and no insult word, and are
published. Negated, reported and quoted insults ("you're not an idiot", "he called me an idiot")
are not insults by the commenter.

    - kind: insult
      nouns: [jobsworth]          # more insult nouns, added to the built-in list
      adjectives: [gormless]      # more put-downs that insult on their own ("you're gormless")

The finding names the insult ("thick idiot"), not the whole comment.
Instead: criticise what was done, not the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.evidence import (
    MAX_SPANS,
    Context,
    alternation,
    compile_re2,
    endings,
    expand,
    fold,
    words_re,
)
from govern.checks.hate_lexicon import CONTEXT as HATE_CONTEXT

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "nouns": {"type": "list", "schema": {"type": "string", "empty": False}},
    "adjectives": {"type": "list", "schema": {"type": "string", "empty": False}},
}

# Nouns that insult a person whatever the sentence (plurals and simple endings are added).
NOUNS = """idiot moron imbecile cretin halfwit half-wit dimwit nitwit numpty muppet pillock plonker prat
berk twit clown buffoon dunce loser scum scumbag lowlife low-life parasite leech creep freak weirdo
sleazebag dirtbag scrounger waster nonce paedo pedo pervert thicko dumbass dipshit jackass asshole
arsehole dickhead knobhead bellend tosser wanker twat prick cunt bastard bitch git fool
embarrassment nutter nutcase psycho lunatic halfwit simpleton degenerate lowlife wazzock plank
bozo dope dolt oaf eejit gobshite tit liar fraud disgrace coward snob hypocrite crook charlatan jobsworth
bully slimeball jerk douchebag douche scumbucket creep knob""".split()
PHRASES = ["waste of space", "waste of oxygen", "waste of skin", "waste of air", "piece of shit",
           "piece of work", "sack of shit", "excuse for a human", "excuse for a man", "excuse for a woman"]
# Animals are insults said of a person, but also farmers' words: only at the end of a clause.
ANIMALS = "pig cow rat snake toad worm maggot dog donkey sheep weasel swine slug tool".split()
# Put-downs of the person themselves (not of their work: "useless", "incompetent" and
# "clueless" are criticism the policy publishes).
ADJECTIVES = """stupid thick dumb pathetic brainless gormless moronic idiotic ugly fat disgusting
repulsive vile worthless spineless braindead brain-dead dense retarded senile""".split()
FILLERS = """such so just really very a an the total complete absolute utter proper right real bloody
fucking effing flipping frigging massive big little old bunch load pack lot set couple pair of
nothing nowt but like utterly totally completely absolutely truly useless incompetent lazy clueless
hopeless arrogant ignorant miserable horrible nasty rude smug jumped-up stuck-up and being bit""".split()

SECOND = r"(?:you|u|ya|yous|youse|you\s+lot|you\s+people|you\s+guys|y['’]?all|you['’]r|your|ur)"
THIRD = r"(?:he|she)"
TITLED = r"(?:cllr|councillor|councilor|mr|mrs|ms|miss|dr|mayor|sir|dame|lord|lady)\.?\s+[a-z][a-z'’-]+"
PEOPLE = """woman women man men lady ladies guy guys bloke blokes girl girls lad lads chap person people
officer officers warden wardens driver drivers councillor councillors cllr leader mayor clerk
receptionist inspector planner planners manager managers staff employee employees worker workers
binman binmen operator adviser advisor agent agents official officials mp boss chief executive
teacher nurse doctor neighbour neighbours poster commenter op admin moderator attendant attendants
crew chairman chair cabinet member members director directors secretary spokesperson spokesman
caller""".split()
PERSON_NP = (
    r"(?:(?:the|this|that|these|those|your|our|my|his|her|their)\s+(?:[a-z'’-]+\s+)?(?:{PEOPLE}|head\s+of\s+[a-z]+)|"
    r"whoever(?:\s+[a-z'’-]+){1,5}?)"
    r"(?:\s+(?:on|at|in|from|behind|who|that|i|we)(?:\s+[a-z'’-]+){1,3}?)?"
)
COPULA = (
    r"(?:\s+(?:is|are|was|were|am|be|being|seems?(?:\s+like)?|looks?\s+like|sounds?\s+like|acts?\s+like"
    r"|behaves?\s+like)|['’]s|\s?['’]\s?re?\b|\s+r)"
)
MODS = r"(?:,?\s+(?:{FILLERS}|{ADJECTIVES}))*"
TEMPLATES = [
    # predicate: "you're a pathetic idiot", "the woman on the phone was a thick idiot"
    r"\b(?:{SECOND}|{THIRD}|{TITLED}|" + PERSON_NP + r"){COPULA}(" + MODS + r"\s+(?:{NOUNS}|{ADJECTIVES}))",
    r"\b(?:{SECOND}|{THIRD}|{TITLED}|" + PERSON_NP + r"){COPULA}(" + MODS + r"\s+{ANIMALS})\s*(?:[.!?,;]|$)",
    # address: "you idiot", "you useless bunch of clowns", "you stupid cow"
    r"\b(?:you|u|ya|yous|youse)(" + MODS + r"\s+(?:{NOUNS}|{ANIMALS}))",
    # exclamation and question: "what an idiot", "are you stupid?"
    r"\bwhat\s+(an?" + MODS + r"\s+(?:{NOUNS}|{ANIMALS}))"
    r"(?:\s+(?:you\s+are|you['’]re|he\s+is|she\s+is|he['’]s|she['’]s))?"
    r"\s*(?:[.!?,;]|$)",
    r"\b(?:are|is|were|was)\s+(?:{SECOND}|{THIRD}|{TITLED})(" + MODS + r"\s+(?:{NOUNS}|{ADJECTIVES}))\b",
    # put-downs said to someone: "you suck", "screw you", "go to hell", "get lost, loser"
    r"\b((?:you|u|ya)\s+(?:really\s+|all\s+|just\s+|do\s+|so\s+)?(?:suck|stink|are\s+a\s+joke)|(?:screw|sod)\s+(?:you|u)|"
    r"(?:^|[.!?,;]\s*)bite\s+me\b|"
    r"get\s+a\s+(?:brain|life)|shut\s+(?:up|your\s+(?:mouth|face|gob))|get\s+stuffed|"
    r"(?:you|u|he|she)\s+(?:haven['’]?t|hasn['’]?t|have\s+not|has\s+not)\s+got\s+(?:a|one)\s+(?:single\s+)?"
    r"brain\s+cell|"
    r"(?:piss|bugger|sod)\s+off)\b",
    r"(?:^|[.!?;,]\s*)(?:oh\s+|just\s+|you\s+can\s+)?(go\s+to\s+hell)\b",
    # a bare insult as the whole sentence: "Idiot.", "Indeed, moron."
    r"(?:^|[.!?;]\s*)(?:\w+[\s,]+)?((?:an?\s+|such\s+an?\s+)?(?:absolute\s+|total\s+|complete\s+|utter\s+)?"
    r"{NOUNS})\s*(?:[.!?;]|$)",
    # "I hate you." said to someone, as a whole clause ("I hate you guys for making me cry" is fond)
    r"\b(i\s+(?:really\s+|fucking\s+|just\s+|totally\s+)?(?:hate|despise|loathe|detest)\s+(?:you|u|ya)"
    r"(?:\s+(?:so\s+much|all|too))?)\s*(?:[.!?,;]|$)",
    # a bare put-down of someone as the whole sentence: "Stupid woman.", "Dumb bot."
    r"(?:^|[.!?;]\s*)((?:you\s+)?(?:{ADJECTIVES})\s+(?:{PEOPLE}|bot|machine|computer|cow|pig))\s*(?:[.!?]|$)",
    # the person responsible: "whichever idiot designed this junction", "who's the moron in charge"
    r"\b(?:the|whichever|whatever|which|some)\s+((?:absolute\s+|total\s+|complete\s+|utter\s+)?{NOUNS})\s+"
    r"(?:who|that|responsible|in\s+charge|at\s+the\s+council|behind\s+this|designed|decided|thought|came\s+up)",
]
# A named person, read in the text as written so that capitals mark the name: "Dave is a moron".
NAMED = r"\b[A-Z][a-z-]+(?:\s+[A-Z][a-z-]+)?(?i:{COPULA}(" + MODS + r"\s+(?:{NOUNS}|{ADJECTIVES})))\b"
_NAME_WORD = re.compile(r"[A-Za-z-]+")
NOT_NAMES = frozenset(
    "it this that there here what which who everything nothing something life he she they we you".split()
)

# Negated, reported and rebutted insults are someone else's, as for hate ("tired of hearing that ...").
CONTEXT = Context(
    HATE_CONTEXT.negations, HATE_CONTEXT.reporting, HATE_CONTEXT.rebuttals, HATE_CONTEXT.followers, reach=4
)


@dataclass
class Insult:
    regex: re2._Regexp[str]
    named: re2._Regexp[str]
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        folded = fold(subject.text)
        text = folded.text
        spans: list[Span] = []
        for m in self.regex.finditer(text) if self.regex.search(text) else ():
            group = next(g for g in range(1, self.regex.groups + 1) if m.start(g) >= 0)
            start, end = m.start(group), m.end(group)
            start += len(text[start:end]) - len(text[start:end].lstrip())
            if not CONTEXT.cancels(text, m.start(), m.end()):
                spans.append(Span(*folded.span(start, end)))
                if len(spans) >= MAX_SPANS:
                    break
        if folded.where is None:  # names need the capitals of the text as written
            raw = subject.text
            for m in self.named.finditer(raw) if self.named.search(raw) else ():
                name = _NAME_WORD.match(raw, m.start()).group().lower()  # type: ignore[union-attr]
                start, end = m.start(1), m.end(1)
                start += len(raw[start:end]) - len(raw[start:end].lstrip())
                if name not in NOT_NAMES and not CONTEXT.cancels(text, m.start(), m.end()):
                    spans.append(Span(start, end))
        return sorted(set(spans), key=lambda s: (s.start, s.end))


def compile_insult(spec: dict[str, Any], env: CompileEnv) -> Insult | None:
    nouns = [*NOUNS, *spec.get("nouns", [])]
    slots = {
        "NOUNS": alternation(
            [re2.escape(n).replace(r"\-", "[- ]?") + r"(?:s|es)?\b" for n in nouns] + [words_re(PHRASES)]
        ),
        "ANIMALS": alternation(endings(a) for a in ANIMALS),
        "ADJECTIVES": words_re([*ADJECTIVES, *spec.get("adjectives", [])]),
        "FILLERS": words_re(FILLERS),
        "PEOPLE": words_re(PEOPLE),
        "SECOND": SECOND,
        "THIRD": THIRD,
        "TITLED": TITLED,
    }
    slots["MODS"] = expand(MODS, slots)
    slots["COPULA"] = COPULA
    templates = [expand(t, slots) for t in TEMPLATES]
    regex = compile_re2("(?:" + "|".join(f"(?:{t})" for t in templates) + ")")
    named = compile_re2(expand(NAMED, slots))
    return Insult(regex, named)
