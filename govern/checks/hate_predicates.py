"""Strongly negative words said of a group as the whole predicate ("immigrants are dreadful people").

The hate lexicon lists the derogatory words it knows; a person writing a new one ("Jews are
heartless", "women are so irritating", "why are Muslims so horrid?") needs no list of ours. So a
group (or a pronoun after it, one member, or a group in the possessive) followed by a copula, some
fillers and one word that ends the predicate is a claim when VADER's lexicon (MIT licence, shipped
with the vaderSentiment package) scores that word as strongly negative.

Words of feeling and hardship are scored negative too ("refugees are scared", "disabled people are
struggling", "pensioners are lonely") but say what a group suffers, not what it is: they are left
out, with every past participle ("attacked", "ignored") except the few that describe character
("twisted", "deranged").
"""

from __future__ import annotations

import functools

from govern.checks.signals import vader_lexicon

# VADER valence at or below this is a strong negative ("awful" -2.0, "annoying" -1.7, "dull" -1.7).
THRESHOLD = -1.5

# What a group suffers or feels, and plain disagreement: never derogation on its own.
SUFFERING = frozenset(
    """poor poorer poorest sad sadder saddest lonely lonelier loneliest lonesome upset angry angrier furious
    broke helpless powerless hungry grieving suffering struggling starving unhappy unhappier fearful
    frightened scared terrified worried desperate despondent depressed devastated heartbroken hurt hurting ill
    exhausted tired stressed frustrated disappointed outraged indignant irate livid uneasy uncomfortable
    insecure
    crying weeping mourning sobbing trembling quaking panicking panicky worrying drowning freezing dead dying
    killed victims prisoners homesick friendless jobless lost stricken distraught disconsolate crestfallen
    downcast glum miserable woeful unfortunate unfortunates wrong mistaken guilty worse negative pessimistic
    cynical bitter protesting complaining fighting losing failing waiting suffer sick sore pain painful
    bereaved sorrowful mournful lamenting troubled distressed distressing tragic stuck broken afraid alone
    unsafe unemployment poverty risk danger dangers trouble problems debt homeless injury illness disabled
    blind deaf vulnerable unstable victim sufferers casualty casualties lose loses depression anxiety
    loneliness isolation abuse exploitation discrimination harassment infection infections disease diseases
    dementia falls strokes""".split()
)
# Character words VADER does not score.
EXTRA = frozenset(
    """delusional shallow sinners heathens godless deviant deviants degenerate degenerates backward primitive
    untrustworthy dishonest sly devious feral inbred subhuman vermin parasites leeches scroungers spongers
    freeloaders bludgers grubby scummy smelly stinky filthy unwashed manipulative hysterical barbaric
    barbarians
    savage uncivilised treacherous conniving scheming lecherous predatory bloodthirsty fanatical dimwitted
    brainless promiscuous senile greedy sneaky arrogant alcoholics drunks drunkards junkies hypocrites
    disloyal
    spongers cowboys irrational deceitful manipulative intolerant dramatic narrow-minded unfit""".split()
)
# Past participles that describe character, not something done to the group.
CHARACTER = frozenset(
    """twisted deranged disturbed wicked crooked perverted brainwashed deluded retarded inbred uneducated
    entitled
    uncivilised uncivilized bigoted diseased cursed damned spoiled spoilt warped demented unhinged
    depraved""".split()
)


@functools.lru_cache(maxsize=1)
def derogatory() -> frozenset[str]:
    """The strongly negative words that, as a whole predicate about a group, derogate it."""
    lexicon = vader_lexicon()
    words = {
        w
        for w, valence in lexicon.items()
        if valence <= THRESHOLD and w.isalpha() and (not w.endswith("ed") or w in CHARACTER)
    }
    return frozenset((words | CHARACTER | EXTRA) - SUFFERING)


# The end of a predicate: punctuation, "and", or a noun of people ("dreadful people", "a bad lot").
END = (
    r"\s*(?:[.,!?;:)]|$|\s+(?:and|or|people|persons|folk|folks|lot|bunch|creatures|beings|ones|humans|"
    r"individuals|sorts|types|to\s+the\s+core|by\s+nature|through\s+and\s+through|all\s+of\s+them|"
    r"the\s+lot\s+of\s+them|if\s+you\s+ask\s+me|in\s+my\s+(?:opinion|view|experience)|honestly|"
    r"(?:about|at)\s+(?:\w+\s+)?(?:money|everything|anything|politics|driving|maths|math|science|business|life|work|"
    r"it|this|that)|it['’]?s|it\s+is|that\s+(?:it|you|i|we)|"
    r"for\s+(?:office|anything|work|purpose|society|leadership|power|the\s+\w+)|(?:to|towards)\s+(?:us|our\s+\w+(?:\s+of\s+life)?|everyone|everybody|outsiders|women|children|kids|"
    r"society|this\s+country|the\s+rest\s+of\s+us))\b)"
)


def templates(copula: str) -> list[str]:
    """The shapes whose group 1 is the word judged: a statement, and a question ("why are ... so ...?")."""
    fillers = r"(?:\s+(?:{ADV}|this|[a-z]+ly))*?"
    senses = r"(?:" + copula + r"|\s+(?:smell|smells|smelled|smelt|looked|looks|sound|sounds|sounded|seemed|"
    senses += r"acted|"
    senses += r"behave|behaved|behaves)\b)"
    return [
        # a compound's last part is judged: "man-haters"
        r"(?:{G}|{GA}|{GP})" + senses + fillers + r"\s+([a-z]+(?:-[a-z]+)?)" + END,
        # ... or the last of a list: "naturally promiscuous and immoral", "lazy, dirty and dishonest"
        r"(?:{G}|{GA}|{GP})" + senses + fillers + r"\s+[a-z]+(?:\s*,\s*[a-z]+){0,3}\s*,?\s+(?:and|or)"
        + fillers
        + r"\s+([a-z]+)" + END,
        # "why do women always have to be so dramatic?"
        r"\bwhy\s+(?:do|does|must|should)\s+(?:all\s+|every\s+)?(?:the\s+)?(?:{G}|{GS})\s+(?:always\s+|all\s+|ever\s+)?(?:have\s+to\s+|"
        r"need\s+to\s+|got\s+to\s+|gotta\s+|insist\s+on\s+being\s+)?(?:be|act|seem|look|sound)" + fillers
        + r"\s+([a-z]+)" + END,
        # ... or the middle of a list: "slow, smelly and in the way"
        r"(?:{G}|{GA}|{GP})" + senses + fillers + r"\s+[a-z]+\s*,\s*([a-z]+)\s*(?:,|\s+(?:and|or))",
        # what a group is prone to: "prone to violence"
        r"(?:{G}|{GA}|{GP})" + senses + fillers
        + r"\s+(?:prone|inclined|predisposed|given|addicted)\s+to\s+([a-z]+)"
        + END,
        r"\b(?:(?:why|how\s+come)\s+)?(?:are|is|were)\s+(?:all\s+|every\s+|so\s+many\s+)?(?:the\s+|these\s+|"
        r"those\s+)?(?:{G}|{GS}|woman)" + fillers + r"\s+([a-z]+)" + END,
    ]


# A fragment after a group was named: "I saw some ... at the bus stop. Disgusting people." (a bare
# "Disgusting." may judge a decision, so a noun of people is needed).
FRAGMENT = (
    r"(?:^|[.!?;:\n]\s*)(?:(?:such|what|absolutely|utterly|totally|truly|just|really|bloody|fucking)\s+)*"
    r"(?:an?\s+)?([a-z]+)\s+(?:people|lot|bunch|creatures|folk|individuals|humans|beings)\s*(?:[.!?]|$)"
)
