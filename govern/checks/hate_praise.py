"""Strongly positive words denied to a group ("women are far from capable", "no Muslim is honest").

The mirror of `hate_predicates`: there a group is given a strongly negative word; here a group is
denied a strongly positive one, by a negation in the predicate ("are not", "will never be",
"are hardly", "are far from", "have never been"), by a quantifier before the group ("no disabled
person is capable of ...", "not one immigrant I've met has been remotely civilised"), by the
speaker's disbelief ("I don't think trans people can ever be normal", "I doubt a single Muslim here
is honest") or by a question that asks why they cannot be it ("why can't immigrants just be
normal people?"). The word is judged by VADER's lexicon (valence at or above +1.5, MIT licence,
shipped with the vaderSentiment package) rather than by a list of ours, with words of feeling and
fortune left out: "refugees are not safe here", "disabled people are not happy with the new bus
route", "pensioners are not lucky" say what a group lacks or suffers, not what it is worth.
Every past participle is left out too ("women are not paid enough", "Muslims are not allowed"):
they say what is done to the group.
"""

from __future__ import annotations

import functools

from govern.checks.hate_predicates import END
from govern.checks.signals import vader_lexicon

# VADER valence at or above this is a strong positive ("capable" 1.6, "honest" 2.3, "clever" 2.0).
THRESHOLD = 1.5

# Feelings, fortune and states a group may lack without being belittled, and words VADER scores
# that are not about a person's worth (interjections, adverbs, verbs).
FEELINGS = frozenset(
    """happy happier happiest glad safe safer safest safely free freer freest freely comfortable
    comfortably lucky luckier luckiest luckily fortunate healthy relax relaxing ready sure surely
    interested interesting excited eager keen enthusiastic proud prouder rich richer wealthy popular
    positive positively easy easier easiest alive okays ok fine clear clearly definitely truly
    like likes love loves lovely win wins winning winners won support supports supporting supporters
    help helps care cares caring protect save rescue improve improving ensure agree accept
    relief relieve comfort comforting calmer calmest well hope hopes hoping hopeful optimistic wish
    thank thanks thankfully ideal perfect perfectly best better greater greatest great super active
    grant benefit benefits benefitting gain gaining profit profits credit credits party parties
    holiday holidays heart hearts dreams desire interest confident confidence special
    satisfied satisfactory funny fun laughing laugh smile smiling sunny warm warmly
    yes lol lmao haha wow yay cheers treat worth"""
    .split()
)
# Words VADER does not score that deny a person's worth when negated ("trans people are not normal").
EXTRA = frozenset(
    """normal decent civilised civilized sane human humans polite proper real genuine competent rational
    hygienic reliable responsible moral honourable honorable capable trustworthy fit worthy equals
    welcome intelligent clever smart decent mature grateful thankful citizens law-abiding hard-working
    well-behaved well-mannered open-minded kind-hearted good-hearted deserving""".split()
)


@functools.lru_cache(maxsize=1)
def praised() -> frozenset[str]:
    """The strongly positive words that, denied to a group, belittle it."""
    lexicon = vader_lexicon()
    words = {
        w for w, valence in lexicon.items() if valence >= THRESHOLD and w.isalpha() and not w.endswith("ed")
    }
    return frozenset((words | EXTRA) - FEELINGS)


# The negations of a predicate: "are not", "are hardly", "are far from", "are in no way".
NEGATORS = (
    r"(?:not|never|hardly|barely|scarcely|seldom|rarely|almost\s+never|far\s+from|the\s+(?:very\s+)?opposite\s+of|anything\s+but|nowhere\s+near|in\s+no\s+way|no\s+longer|not\s+at\s+all|"
    r"not\s+even|by\s+no\s+means|(?:hardly|not|never)\s+what\s+(?:you|i|we|anyone)['’]?d\s+call|"
    r"(?:never|not)\s+(?:going|gonna)\s+to\s+be|not\s+gonna\s+be)"
)
# A copula already negated: "aren't", "can't be", "will never be", "have never been".
_NEGATED_COPULA = (
    r"(?:\s+(?:aren['’]?t|arent|isn['’]?t|wasn['’]?t|weren['’]?t|ain['’]?t|can['’]?t\s+be|cannot\s+be|"
    r"(?:will|can|could|would|shall)\s+never\s+(?:truly\s+|really\s+|fully\s+)?be|won['’]?t\s+(?:ever\s+)?be|wouldn['’]?t\s+(?:ever\s+)?be|"
    r"couldn['’]?t\s+(?:ever\s+)?be|(?:have|has)\s+never\s+(?:once\s+|ever\s+)?been|(?:haven['’]?t|hasn['’]?t)\s+(?:ever\s+)?been|"
    r"never\s+(?:have\s+been|were|was|will\s+be|are))|['’]ll\s+never\s+be|['’]re\s+not|['’]re\s+never)"
)
_FILLERS = (
    r"(?:\s+(?:{ADV}|even|ever|remotely|particularly|exactly|especially|terribly|that|any|capable\s+of\s+being|"
    r"[a-z]+ly))*?"
)
# The end of a denied predicate: the predicate's end, or what it is enough for or capable of
# ("intelligent enough to", "capable of holding"), or a noun of people ("decent people", "real women").
END_DENIED = (
    r"(?:" + END + r"|\s+(?:enough|of|to|as|around|near|with|for)\b|"
    r"\s+(?:women|men|woman|man|people|person|humans?|"
    r"citizens?|neighbours?|parents?|mothers?|fathers?|members?|adults?|part|persons?|employees?|wives|husbands|teachers|doctors|drivers|leaders|"
    r"workers|friends|christians|britons|brits)\b|\s*" + "[\ue000\ue001])"
)
# What makes a denied ability a matter of access, not of worth: "no disabled person is capable of
# getting up those steps without help" describes the steps.
ACCESS = (
    r"^[^.!?\n]{0,60}?\b(?:steps|stairs|kerbs?|ramps?|lifts?|doors?|entrances?|pavements?|buses|bus|trains?|"
    r"counters?|toilets?|without\s+(?:help|assistance|support|a\s+\w+)|on\s+their\s+own|unaided)\b"
)
_SUBJECT = r"(?:{G}|{GA}|{GP})"
_ONE = r"(?:{GS}|{G}|woman|girl|female|lady|man)"
_NO_ONE = (
    r"\b(?:no\s+|not\s+(?:even\s+)?(?:a|one)\s+(?:single\s+)?|not\s+(?:a\s+single|one)\s+(?:one\s+)?of\s+"
    r"(?:the\s+|those\s+|these\s+)?|"
    r"none\s+of\s+(?:the\s+|those\s+|these\s+)?)"
)
_BE = (
    r"(?:is|are|was|were|has\s+(?:ever\s+)?been|have\s+(?:ever\s+)?been|will\s+(?:ever\s+)?be|can\s+(?:ever\s+)?be|"
    r"could\s+(?:ever\s+)?be|would\s+(?:ever\s+)?be|should\s+(?:ever\s+)?be|make|makes|made)"
)
_DISBELIEF = (
    r"\b(?:i|we)\s+(?:(?:don['’]?t|do\s+not|never|can['’]?t|cannot|won['’]?t|will\s+never|refuse\s+to|wouldn['’]?t)\s+"
    r"(?:ever\s+)?(?:think|believe|accept|agree|reckon|buy|say)|(?:seriously\s+|really\s+)?doubt)\s+(?:that\s+)?"
    r"(?:any\s+|a\s+single\s+|even\s+one\s+)?"
)
# ... "known for being" before the word is taken whenever it is there ("aren't exactly known for being
# bright")
_WORD = r"(?:\s+(?:known|famous|renowned|noted)\s+for(?:\s+being)?)?\s+(?:an?\s+)?([a-z]+(?:-[a-z]+)?)"


def templates(copula: str) -> list[str]:
    """The shapes whose group 1 is the word denied to a group."""
    return [
        # "women are far from capable", "immigrants aren't decent people", "they'll never be good enough"
        _SUBJECT + r"(?:\s+(?:just|simply|really|still|all|honestly|clearly|obviously|certainly))?"
        + r"(?:" + copula + r"\s+" + NEGATORS + r"|" + _NEGATED_COPULA + r")" + _FILLERS + _WORD + END_DENIED,
        # "no disabled person is capable of ...", "not one immigrant I've met has been remotely civilised"
        _NO_ONE + _ONE + r"(?:\s+\S+){0,5}?\s+" + _BE + _FILLERS + _WORD + END_DENIED,
        # "I don't think trans people can ever be normal", "I doubt a single Muslim in this town is honest"
        _DISBELIEF + r"(?:{G}|{GA}|{GS}|{GP}|woman|women)(?:\s+\S+){0,4}?\s+" + _BE + _FILLERS + _WORD
        + END_DENIED,
        # "nobody could call a Hindu trustworthy", "you'd never call them honest"
        r"\b(?:nobody|no\s+one|(?:you|i|we)['’]?d\s+never|(?:you|i|we)\s+(?:can['’]?t|couldn['’]?t|wouldn['’]?t|would\s+never))\s+"
        r"(?:could\s+|would\s+|can\s+|ever\s+)?(?:call|consider|describe|think\s+of)\s+(?:a\s+single\s+|one\s+|a\s+|an\s+|"
        r"any\s+)?"
        r"(?:{G}|{GS})(?:\s+as)?" + _FILLERS + _WORD + END_DENIED,
        # "I'm yet to meet an immigrant who's honest", "you'll never find a Jew who is generous"
        r"\b(?:(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+yet\s+to|(?:i|we)\s+(?:have|['’]ve)\s+never|(?:you|i|we)(?:['’]ll|\s+will)?"
        r"\s+never|(?:you|i|we)\s+(?:can['’]?t|won['’]?t)\s+(?:ever\s+)?)\s+(?:meet|met|see|seen|find|found|know|known)\s+"
        r"(?:a|an|one|any)\s+(?:single\s+)?(?:{GS}|{G}|woman|man)\s+(?:who|that)(?:\s+(?:is|was|were|are|could\s+be)|['’]s)"
        + _FILLERS + _WORD + END_DENIED,
        # "why can't immigrants just be normal people?", "why aren't Muslims ever honest?"
        r"\bwhy\s+(?:can['’]?t|won['’]?t|couldn['’]?t|aren['’]?t|isn['’]?t|can\s+(?:no|not)\s+)\s*(?:any\s+|all\s+)?"
        r"(?:the\s+|these\s+|those\s+)?(?:{G}|{GS})\s+(?:just\s+|ever\s+|even\s+)*(?:be|act|seem)?" + _FILLERS
        + _WORD
        + END_DENIED,
    ]
