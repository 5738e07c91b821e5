"""Contrast sets written for govern from templates: what the public corpora have too little of.

Training data only (`govern.moderation.train`), labelled `own-templates` in govern/data/README.md.
Written from the published taxonomy of functional tests for hate speech (derogation,
dehumanisation, exclusion, threats; neutral and positive identity mentions, negation,
counter-speech) and from COUNCIL-POLICY M1-M3, not copied from any test suite.

- Identity mentions that are neutral or positive, negated hate and counter-speech, across 24
  groups (clean for every model). Identity terms are masked before training, so the groups differ
  only in their surrounding words ("people", "families"); what these rows teach is that a group
  being named says nothing.
- Hate in those same sentence shapes (hate = 1), so that the model learns the predicate, not the
  shape "GROUP are ...".
- Threats aimed at people or property (threat = 1) and their look-alikes: figures of speech,
  well-wishes, reports and condemnations of violence (clean for every model).
"""

from __future__ import annotations

import itertools

GROUPS = (
    "Muslims",
    "Muslim families",
    "Jewish people",
    "Jews",
    "Sikhs",
    "Hindus",
    "Christians",
    "gay people",
    "gay men",
    "lesbians",
    "bisexual people",
    "trans people",
    "trans women",
    "Black people",
    "Black residents",
    "Asian families",
    "Chinese people",
    "Polish people",
    "Gypsies and Travellers",
    "Roma families",
    "immigrants",
    "refugees",
    "asylum seekers",
    "disabled people",
    "deaf people",
    "autistic people",
    "wheelchair users",
    "women",
    "pregnant women",
    "older people",
    "pensioners",
)

NEUTRAL = (
    "I love {g}.",
    "{G} are welcome here.",
    "{G} are part of this community.",
    "{G} live on my street and they are lovely neighbours.",
    "Lots of {g} live in this ward.",
    "My neighbours are {g} and they helped me when I was ill.",
    "The council should do more to support {g}.",
    "{G} deserve the same services as everyone else.",
    "Will the new community centre run sessions for {g}?",
    "Great to see {g} at the summer festival.",
    "Proud that our town welcomes {g}.",
    "There is a support group for {g} at the library on Tuesdays.",
    "{G} have lived in this area for generations.",
    "Thank you to the {g} who organised the litter pick.",
    "How many {g} use the bus pass scheme?",
    "Why are there no {g} on the planning committee?",
    "{G} are people too.",
    "Respect to all the {g} working in our care homes.",
    "The report says {g} wait longer for housing.",
    "{G} are just as entitled to a parking permit as anyone.",
    "We need more accessible toilets, {g} keep asking for them.",
    "{G} run half the shops on the high street and do a great job.",
    "Are {g} consulted about the new bus routes?",
    "{G} are our friends, family and neighbours.",
    # where people live: the hateful shapes name towns and streets too ("get them out of our town"),
    # so living somewhere must be taught as saying nothing
    "{G} have moved into our road.",
    "There are {g} living in the flats by the park.",
    "Our estate has {g} living on it.",
    "Plenty of {g} live round here.",
    "{G} are residents of this town too.",
    "Many {g} call this town home.",
    "{G} have lived on our street for years.",
    "A few {g} live in the village now.",
)

COUNTER = (
    "I don't hate {g}.",
    "Hate crime against {g} is never acceptable.",
    "Nobody should say {g} are the problem.",
    "It is wrong to blame {g} for the housing shortage.",
    "{G} are not vermin, they are our neighbours.",
    "Saying {g} should be sent back is racist and wrong.",
    "Someone sprayed graffiti saying {g} are scum, please clean it off.",
    "The leaflets claiming {g} are criminals are lies.",
    "{G} don't deserve the abuse they get online.",
    "Stop pretending {g} are a threat, they are not.",
)

HATE = (
    "I hate {g}.",
    "{G} are vermin.",
    "{G} are a disease on this town.",
    "{G} should be sent back where they came from.",
    "Get {g} out of our town.",
    "{G} are all criminals.",
    "{G} are not welcome here.",
    "{G} don't belong here.",
    "{G} are subhuman.",
    "{G} should not be allowed near children.",
    "I wish {g} would just disappear.",
    "Keep {g} out of our schools.",
    "{G} are ruining this country.",
    "{G} are filthy animals.",
    "No more {g} in this street.",
    "{G} are a plague.",
    "{G} breed like rats.",
    "{G} are too stupid to work.",
)

TARGETS = (
    "you",
    "him",
    "her",
    "them",
    "the councillor",
    "the parking warden",
    "that planning officer",
    "the bin men",
    "the leader of the council",
    "your staff",
)
VIOLENCE = ("kill", "stab", "shoot", "batter", "hurt", "punch", "beat up", "strangle", "glass")
THREATS = (
    "I'm going to {v} {t}.",
    "I will {v} {t} if this happens again.",
    "Someone should {v} {t}.",
    "I swear I'll {v} {t} next time.",
    "Next time I see {t} I'll {v} them.",
)
VEILED = (
    "I know where you live.",
    "I know where the councillor lives.",
    "I know where he lives and which car is his.",
    "Watch your back.",
    "You'd better watch your back, mate.",
    "Someone should burn down the council offices.",
    "Someone should torch his car.",
    "I'll smash your windows in.",
    "You'll be sorry when your car goes up in flames.",
    "Come near my house again and I'll break your legs.",
    "That warden won't be walking home tonight.",
    "Shame if something happened to your kids.",
    "Keep it up and you'll end up in hospital.",
    "Be a pity if the depot caught fire one night.",
    "He deserves a bullet.",
    "She deserves a good beating.",
    "Accidents happen to people like you.",
    "We'll pay the planning officer a visit at home.",
    "Sleep with one eye open.",
    "Your days are numbered.",
)
SAFE = (
    "This heat is killing me.",
    "I'd kill for a decent bus service.",
    "My feet are killing me after the charity walk.",
    "The traffic on the ring road is murder.",
    "I hope she gets well soon.",
    "I hope he gets well soon, he works so hard.",
    "Hope they get well soon.",
    "I hope you have a lovely retirement.",
    "I hope she enjoys her new job.",
    "I hope they fix the road soon.",
    "Get well soon, we miss you at the library.",
    "The kids had a blast at the fireworks.",
    "Shoot me an email with the details.",
    "We smashed our fundraising target, thank you all.",
    "Someone will break their neck on that icy hill.",
    "The man who threatened staff was arrested, good.",
    "No one deserves to be attacked at work.",
    "Threats against council staff are never acceptable.",
    "I know where the recycling centre is but it's always shut.",
    "Watch out for the pothole on Mill Lane.",
    "That new burger van is killing it.",
    "I hope he gets the help he needs.",
    "The council is killing the high street with these parking charges.",
    "This decision will be the death of our village.",
    "The play was a knockout, well done to the cast.",
    "We need to fight for our library.",
    "They should hang the new pictures in the town hall.",
    "Burn the old leaves in a garden incinerator, not on the street.",
    "I'd happily strangle whoever designed this roundabout, joking of course, but it is awful.",
    "She was shot in the film, not in real life.",
    "The fireworks went off with a bang.",
    "Stabbing pains in my back after carrying the bins up the hill.",
)


def _fill(template: str, group: str) -> str:
    return template.replace("{g}", group).replace("{G}", group[0].upper() + group[1:])


def examples() -> list[tuple[str, dict[str, int | None]]]:
    """Every templated example with its labels per model (None: not used for that model)."""
    clean: dict[str, int | None] = {"offensive": 0, "threat": 0, "hate": 0}
    out: list[tuple[str, dict[str, int | None]]] = []
    for template, group in itertools.product(NEUTRAL + COUNTER, GROUPS):
        out.append((_fill(template, group), clean))
    for template, group in itertools.product(HATE, GROUPS):
        out.append((_fill(template, group), {"offensive": None, "threat": None, "hate": 1}))
    threat: dict[str, int | None] = {"offensive": None, "threat": 1, "hate": None}
    for template, verb, target in itertools.product(THREATS, VIOLENCE, TARGETS):
        out.append((template.replace("{v}", verb).replace("{t}", target), threat))
    out += [(text, threat) for text in VEILED]
    out += [(text, clean) for text in SAFE]
    return out
