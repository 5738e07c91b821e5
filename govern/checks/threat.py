"""`threat`: intent or a call to violence against a person or property, direct or veiled.

Catches: who means harm and against whom, in the same clause:
- intent: "I am going to shoot the next black person I see", "I'll smash your face in",
  "we will burn his house down";
- a call: "someone should torch his car", "you should kill yourself", "kill them all";
- wishing or prescribing death or injury: "he deserves a bullet", "the councillor should be
  hanged", "I hope you get run over";
- veiled forms: "I know where you live", "watch your back", "sort him out permanently", "it
  would be a shame if something happened to your car", "your days are numbered";
- plans said in other ways: in the present ("tomorrow I'm shooting up the mosque"), as a decision
  ("I've decided to ...", "my plan is to ..."), a denial that promises harm ("I won't rest until
  every ... is dead"), a weapon kept ready for someone ("a knife ready for the next ..."), a group
  addressed ("you ... are all going to die"), the next one met ("the next ... I see is dead").
Why: the written policy (M1) removes threats and escalates them to community safety, with or
without swear words. A threat needs an agent who intends or is urged to act and a victim who is
a person (or their property), so figures of speech have nothing to match: "this heat is killing
me" (no agent), "I'd kill for a decent bus service" (no victim), "someone will break their neck
on that hill" (an accident, not an act), "the parking charges will kill the high street".
Denials, reports and condemnations are not reported: "I would never hurt anyone", "he
threatened to kill me", "no one deserves to die", and well-wishes carry no violent verb.

    - kind: threat
      people: [bailiff]      # more words for a person who can be threatened (built-in list kept)

Instead: say what should change and report danger to the police.

Over ~400 lines: the patterns for each form of threat and their exclusions (figures of speech,
reports, denials, well-wishes, a group only owning the thing "beaten": "the Travellers' team") are
read together when one is changed. The word classes they are built from are in `threat_words`;
the newer shapes found by our probes are in `threat_plans` and run as a second RE2 pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.evidence import MAX_SPANS, NOT_CONTRACTED, Context, compile_re2, expand, fold, words_re
from govern.checks.groups import GROUP, MEMBER, marked
from govern.checks.threat_plans import PLANS
from govern.checks.threat_words import (
    AGENT,
    ARMED,
    BODY,
    CALL,
    CHAIN,
    DETERMINER,
    DOER,
    DOING,
    FILL,
    HARMED,
    HURT,
    HURT_ING,
    LETHAL,
    LETS,
    OWNER,
    PARTICLES,
    PASSIVE,
    PEOPLE,
    PRONOUN,
    PROPERTY,
    PROPERTY_NP,
    SEVERE,
    TOOL,
    VICTIM,
    VICTIM_G,
    VICTIM_GROUP,
    WEAPON,
)

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "people": {"type": "list", "schema": {"type": "string", "empty": False}},
}

TEMPLATES = [
    # intent or call, person: "I'm going to shoot the next black person", "someone should kill him"
    DOER + r"\s+{HURT}\s+" + VICTIM,
    DOER + r"\s+(?:beat|do|sort|smash|knock|kick|cave|hunt|string|rough|duff|chop|cut|hack|carve|slice|"
    r"beat\s+the\s+(?:shit|crap|hell|life)\s+out\s+of)\s+" + VICTIM + r"\s+{PARTICLES}",
    DOER + r"\s+(?:beat\s+the\s+(?:shit|crap|hell|life)\s+out\s+of|put\s+(?:a\s+)?"
    r"(?:bullet|knife|blade|brick|bat)\s+(?:in|through)|stick\s+a\s+knife\s+in|slit|cut)\s+" + VICTIM,
    DOER + r"\s+(?:break|snap|smash|cave\s+in|kick\s+in|knock\s+out|rip\s+out|"
    r"rip\s+off|slit|cut)\s+" + OWNER + r"\s+(?:\w+\s+)?" + BODY,
    DOER + r"\s+(?:smash|kick|knock|cave|punch)\s+" + OWNER + r"\s+" + BODY
    + r"\s+(?:in|off|out)",
    DOER + r"\s+put\s+" + VICTIM + r"(?:\s+\S+){0,5}?\s+in\s+(?:hospital|the\s+ground|a\s+box|a\s+"
    r"wheelchair|intensive\s+care|a\s+body\s+bag|(?:the\s+|a\s+|an\s+)?gas\s+chambers?|(?:the\s+|a\s+|"
    r"an\s+)?ovens?|"
    r"(?:the\s+)?(?:concentration\s+)?camps|(?:their\s+|the\s+|a\s+)?graves?|(?:a\s+)?coffins?|body\s+bags)",
    r"(?:{AGENT}|{CALL}|\b(?:want|like)\s+me\s+to)" + FILL
    + r"\s+{HURT}\s+(?:[a-z'’-]+\s+){1,3}?with\s+(?:a|an|my|the)\s+"
    r"(?:gun|knife|bat|machete|hammer|brick|axe|blade|crowbar|shotgun|rifle)\b",
    r"\b(?:want|like)\s+me\s+to\s+{HURT}\s+" + VICTIM,
    DOER + r"\s+(?:make\s+" + VICTIM + r"(?:\s+(?:on|in|at|from|of|near|round|who)(?:\s+\S+){1,4}?)?"
    r"\s+(?:pay|suffer|bleed|regret\s+it)|give\s+"
    + VICTIM + r"\s+a\s+(?:good\s+|proper\s+)?(?:kicking|beating|hiding|slap|smack|pasting|battering)|"
    + r"do\s+over\s+" + VICTIM + r"|do\s+" + VICTIM + r"\s+over)",
    r"\b(?:be|['’]ll\s+be|will\s+be)\s+waiting\s+(?:for\s+\S+\s+)?with\s+(?:a|my|the)\s+(?:bat|"
    r"baseball\s+bat|knife|gun|"
    r"machete|hammer|crowbar|brick|blade|shotgun)",
    # intent or call, property: "someone should torch his car", "we'll burn the depot down"
    DOER + r"\s+(?:burn|torch|firebomb|petrol\s+bomb|blow\s+up|smash|smash\s+up|"
    r"trash|wreck|vandalise|vandalize|set\s+fire\s+to|set\s+alight|key|brick|slash)\s+(?:down\s+)?"
    + PROPERTY_NP,
    DOER + r"\s+(?:put|throw|chuck|send)\s+(?:a\s+)?(?:brick|petrol\s+bomb|firework|"
    r"petrol|rock|molotov)\s+through\s+" + PROPERTY_NP,
    DOER + r"\s+slash\s+(?:the|your|his|her|their)\s+tyres",
    # imperative at the start of a clause: "kill them all", "burn his house down"
    r"(?:^|[.!?;:,\n]\s*|\band\s+)(?:let['’]?s\s+|lets\s+|go\s+and\s+|just\s+|pls\s+|please\s+)?{SEVERE}\s+"
    + VICTIM + r"(?:\s+all)?",
    # "let's beat up some ...", "time to punch a few ..."
    r"\b(?:let['’]?s|lets|time\s+to|it['’]?s\s+time\s+to)\s+(?:go\s+(?:and\s+)?)?{HURT}\s+(?:up\s+)?(?:some|"
    r"a\s+few|a\s+couple\s+of|"
    r"more|all|every|the|those|these)?\s*(?:[a-z'’-]+\s+){0,2}?(?:{PEOPLE}|{GROUPS})",
    r"(?:^|[.!?;:,\n]\s*)(?:let['’]?s\s+|lets\s+|go\s+and\s+|just\s+)?(?:burn|torch|firebomb|blow\s+up)\s+"
    r"(?:down\s+)?" + PROPERTY_NP,
    # wishing or prescribing harm: "he deserves a bullet", "the councillor should be hanged"
    r"\b(?:he|she|they|you|u|him|them|" + DETERMINER + r"\s+(?:[a-z'’-]+\s+){0,2}?(?:{PEOPLE}|{GROUPS})"
    r"(?:\s+(?:of|from|at|in)\s+(?:the\s+)?[a-z'’-]+)?|{GROUPS}|"
    r"(?:cllr|councillor|mr|mrs|ms)\.?\s+[a-z'’-]+)\s+(?:should|needs?\s+to|ought\s+to|must|deserves?\s+to|"
    r"wants?\s+to|want\s+to|will|is\s+going\s+to|are\s+going\s+to)\s+(?:all\s+)?(?:be\s+)?{HARMED}\b",
    r"\b(?:deserves?|deserved)\s+(?:a\s+)?(?:good\s+)?(?:bullet|beating|kicking|slap|hiding|knife|to\s+"
    r"(?:die|be\s+(?:shot|hurt|hanged|hung|beaten|attacked|stabbed|killed|lynched|burned|burnt)|suffer|rot))",
    r"\b(?:hope|wish|pray)\s+(?:that\s+)?(?:you|u|he|she|they|him|her|someone|somebody)\s+(?:\w+\s+){0,2}?"
    r"(?:dies?|gets?\s+(?:killed|shot|stabbed|run\s+over|hit\s+by\s+a\s+(?:bus|car|train|lorry)|cancer|"
    r"raped|hurt|beaten(?:\s+up)?)|rots?\s+in\s+hell|burns?\s+(?:alive|in\s+hell)|chokes?|drops?\s+dead|"
    r"suffers?)",
    r"\bdeath\s+to\s+(?:the\s+|all\s+)?(?:{GROUPS}|{PEOPLE}|traitors|infidels|(?:cllr|councillor|mr|mrs|"
    r"ms)\.?\s+\w+)",
    r"\b(?:kill|hang|shoot)\s+(?:your|ur)self\b",
    # told to die: "Die.", "just die already", "die now, please", "I'd like it if you died"
    r"(?:^|[.!?,;:\n]\s*)(?:just\s+|please\s+|pls\s+|go\s+(?:and\s+)?|now\s+)?die(?:[\s,]+(?:die|now|"
    r"already|quickly|"
    r"slowly|please|soon|today|then|off))*(?:[\s,]+[a-z]+)?\s*(?:[.!?]|$)",
    r"\b(?:like|love|want|wish|prefer)\s+(?:it\s+)?(?:if|when)\s+(?:you|u|he|she|"
    r"they)\s+(?:would\s+)?(?:die|died|were\s+dead)\b",
    r"\b(?:want|need|like|wish)\s+(?:you|u|him|her|them)\s+to\s+(?:\w+\s+)?(?:die|be\s+dead|suffer)\b",
    # veiled: "I know where you live", "watch your back", "sort him out permanently"
    r"\b(?:i|we)\s+know\s+where\s+(?:you|u|he|she|they|(?:your|his|her|their|the|that|"
    r"this)\s+(?:\w+\s+){0,2}?"
    r"\w+)\s+(?:\w+\s+){0,2}?"
    r"(?:live|lives|living|work|works|sleep|sleeps|park|parks|go(?:es)?\s+to\s+school|drink|drinks|are|is|"
    r"stay|stays|"
    r"hang\s+out|meet|pray|worship)\b",
    r"\b(?:i|we)\s+know\s+(?:what\s+car\s+(?:you|he|she)\s+drive|where\s+(?:your|his|her)\s+kids|which\s+"
    r"(?:house|school))",
    r"\b(?:watch|mind)\s+(?:your|ur|yer|his|her|their)\s+backs?\b",
    r"\blook(?:ing)?\s+over\s+(?:your|ur|his|her|their)\s+shoulders?\b",
    r"\bsleep\s+with\s+one\s+eye\s+open\b",
    r"\b(?:your|ur|his|her|their)\s+days\s+are\s+numbered\b",
    r"\b(?:they['’]?re|they\s+are)\s+next\s*(?:[.!]|$)",
    r"\b(?:you['’]?re|you\s+are|ur|he['’]?s|she['’]?s|you['’]?ll\s+be|he\s+is|she\s+is)\s+(?:a\s+)?"
    r"(?:dead\s+(?:man|woman|meat)\b|next\s*(?:[.!,]|$))",
    r"\b(?:you|u|he|she|they)(?:['’]ll|\s+will|['’]re\s+going\s+to|\s+are\s+going\s+to|\s+is\s+going\s+to|"
    r"['’]s\s+going\s+to)\s+(?:\w+\s+)?(?:regret\s+(?:this|it|that|the\s+day)|pay\s+for\s+(?:this|that|it)|"
    r"get\s+what['’]?s\s+coming|get\s+(?:hurt|stabbed|shot|done\s+in)|not\s+see\s+it\s+coming|"
    r"never\s+see\s+it\s+coming|not\s+be\s+(?:so\s+)?(?:safe|walking\s+away))",
    r"\b(?:you|u|he|she|they)\s+(?:won['’]?t|will\s+not|wont)\s+(?:even\s+)?see\s+(?:it|us|me|"
    r"them)\s+coming\b",
    r"\b(?:any|every|all|the\s+next)\s+(?:\S+\s+){1,8}?(?:will|['’]ll|is\s+going\s+to|are\s+going\s+to|"
    r"gonna)\s+(?:\w+\s+)?(?:regret\s+(?:it|this|that|coming)|pay\s+for\s+it|get\s+(?:hurt|"
    r"what['’]?s\s+coming|"
    r"a\s+kicking|a\s+beating|stabbed|shot))",
    r"\b(?:is|are|will\s+be|['’]s|['’]re)\s+getting\s+(?:a|the)\s+(?:brick|bullet|kicking|beating|knife|"
    r"slap|hiding|"
    r"petrol\s+bomb)\b",
    r"\b(?:had|have)\s+better\s+(?:lock\s+(?:his|her|their|your)\s+doors?|watch\s+(?:out|(?:his|her|their|"
    r"your)\s+"
    r"backs?)|sleep\s+with\s+one\s+eye\s+open|not\s+show\s+(?:his|her|their|your)\s+faces?)",
    r"\bwhat['’]?s\s+coming\s+to\s+(?:you|him|her|them)\b",
    r"\b(?:it|that)\s*(?:['’]?d|\s+would|\s+will|['’]?ll)\s+be\s+a\s+(?:real\s+)?(?:shame|pity)\s+if\s+"
    r"(?:something|anything|someone)\s+(?:bad\s+)?(?:happened|were\s+to\s+happen|was\s+to\s+happen|happens)",
    r"\bbe\s+a\s+(?:shame|pity)\s+if\s+(?:your|his|her|their|the)\s+\w+\s+(?:\w+\s+)?(?:caught\s+fire|"
    r"burned|burnt|went\s+up\s+in\s+flames|got\s+(?:smashed|damaged|torched|hurt))",
    r"\b(?:we['’]?re|we\s+are|i['’]?m|i\s+am|im)\s+coming\s+(?:for|after)\s+(?:you|u|him|her|them)\b",
    r"\b(?:i['’]?ll|i\s+will|we['’]?ll|we\s+will)\s+be\s+(?:waiting|watching)\s+(?:for\s+)?(?:you|him|her)\b",
    r"\b(?:pay|paying)\s+(?:you|him|her|them)(?:\s+all)?\s+a\s+(?:little\s+|personal\s+)?visit\b",
    r"\b(?:sort|deal\s+with)\s+(?:you|him|her|them|[a-z]+)\s+(?:out\s+)?(?:permanently|for\s+good|"
    r"once\s+and\s+"
    r"for\s+all|properly|my\s+way|personally)",
    r"\bmake\s+(?:you|him|her|them|" + VICTIM + r")\s+(?:all\s+)?disappear\b",
    r"\band\s+make\s+(?:them|him|her|you)\s+(?:all\s+)?(?:pay\s*(?:[.!,]|$)|suffer|bleed|regret\s+it)",
    r"\b(?:or|otherwise)\s+(?:you['’]?ll|you\s+will|they['’]?ll|they\s+will)\s+(?:be\s+sorry|regret\s+it|"
    r"get\s+hurt|pay\s+for\s+it)",
    r"\b(?:be|['’]ll\s+be|will\s+be|we['’]?re|i['’]?m|coming)\s+(?:ready|waiting|"
    r"coming)\s+(?:for\s+(?:\S+\s+){1,6}?)?with\s+"
    r"(?:bats|knives|guns|machetes|hammers|crowbars|bricks|petrol|a\s+(?:bat|knife|gun|machete|"
    r"can\s+of\s+petrol)|"
    r"baseball\s+bats)\b",
    r"\bby\s+force\s+if\s+(?:we|i)\s+(?:have|need)\s+to\b",
    "[\ue000\ue001]" + r"(?:\s+\S+){0,4}?,\s+(?:your|ur)\s+(?:time\s+is\s+up|days\s+are\s+numbered)",
    r"(?:{GROUPS}|you|u|y['’]?all|you\s+lot)[\s,]+(?:\S+\s+){0,5}?should\s+be\s+(?:very\s+)?(?:afraid|"
    r"scared|frightened|"
    r"terrified)\s*(?:[.!]|$)",
    r"\b(?:petrol|a\s+brick|a\s+firework|something\s+nasty)\s+through\s+(?:your|his|her|their)\s+"
    r"(?:letterbox|letter\s+box|window|door)",
    r"\baccidents\s+happen\s+to\s+(?:people\s+like\s+you|those\s+who|people\s+who)",
    r"\b(?:make\s+sure|see\s+to\s+it|guarantee|ensure)\s+(?:that\s+)?(?:\S+\s+){1,5}?(?:suffers?|"
    r"pays?\s+for\s+it|"
    r"bleeds?|"
    r"gets?\s+hurt|dies?|never\s+walks?\s+again)\b",
    r"\b(?:they['’]?re|they\s+are|you['’]?re|you\s+are|he['’]?s|she['’]?s|ur)\s+(?:as\s+good\s+as\s+)?dead"
    r"(?:\s+meat)?\s*(?:[.!,]|$)",
    r"\b(?:will|['’]ll|gonna|going\s+to|is\s+going\s+to)\s+get\s+(?:their|his|her|your|ur)\s+(?:head|face|"
    r"teeth|legs?|"
    r"heads|faces|skulls?)\s+(?:kicked|smashed|caved|punched|knocked|bashed|kicked\s+right)\s+(?:in|out|off)",
    r"\b(?:your|their|his|her)\s+(?:time|day|turn)\s+(?:is|will)\s+(?:coming|come|next|soon)",
    r"\b(?:get|grab|buy|bring|fetch)\s+(?:a|an|my|the|me\s+a)\s+(?:gun|knife|machete|bat|shotgun|rifle|"
    r"blade|axe|"
    r"hammer|crowbar)\s+and\s+(?:deal\s+with|sort\s+out|go\s+after|come\s+for|kill|shoot|hurt|visit|finish|"
    r"chop|"
    r"hack|cut|stab|slice|smash|batter)",
    # armed and waiting: "I'll be outside the mosque with a knife on Friday"
    r"{AGENT}\s+be\s+(?:\S+\s+){0,6}?with\s+(?:a|an|my|the|some)\s+(?:knife|knives|gun|guns|machete|bat|bats|"
    r"baseball\s+bat|crowbar|blade|shotgun|rifle|acid)\b",
    # "I'm going to knock her out", "shoot up the mosque", "set their houses on fire"
    DOER + r"\s+knock\s+" + VICTIM + r"\s+(?:out|unconscious|senseless|flat)\b",
    DOER + r"\s+(?:shoot|bomb|blow|burn|smash)\s+up\s+" + PROPERTY_NP,
    DOER + r"\s+set\s+" + PROPERTY_NP + r"\s+(?:on\s+fire|alight|ablaze)",
    DOER + r"\s+(?:break|snap|smash|cave\s+in|kick\s+in)\s+(?:the|both)\s+" + BODY + r"\s+of\s+" + VICTIM,
    # carrying a weapon to a group's place: "I'm bringing a knife to the pride parade"
    r"\b(?:i['’]?m|we['’]?re|i\s+am|we\s+are|i['’]?ll\s+be|we['’]?ll\s+be)\s+(?:bringing|taking|"
    r"carrying)\s+(?:a|my|the|some)\s+"
    r"(?:knife|knives|gun|guns|machete|bat|bats|baseball\s+bat|crowbar|shotgun|rifle|petrol\s+bomb|"
    r"acid)\s+(?:to|down\s+to|"
    r"into)\s+(?:the|a|that|this|their|every|any)\s+",
    # "I'm coming for the refugees in the hotel tonight"
    r"\b(?:we['’]?re|we\s+are|i['’]?m|i\s+am|im)\s+coming\s+(?:for|after)\s+(?:the\s+|all\s+(?:the\s+)?|"
    r"every\s+|those\s+|"
    r"these\s+)?(?:[a-z'’-]+\s+){0,2}?{GROUPS}(?:\s+(?:in|at|on)\s+(?:\S+\s+){0,3}?)?\s*(?:tonight|tomorrow|"
    r"next|soon|now|"
    r"[.!]|$)",
    # a person or group between the speaker and the weapon: "run the couple next door out of town with a bat"
    r"{AGENT}\s+(?:\S+\s+){0,6}?(?:{GROUPS}|you|him|her|them)\s+(?:\S+\s+){0,6}?with\s+(?:a|an|my|the|"
    r"some)\s+"
    r"(?:{ARMED}\b|{TOOL}\s*(?:[.!,;]|$|\s+(?:tonight|tomorrow|today|this|next|on|soon|and\s+{CHAIN})))",
    # "kick the head in of any ...", "I want every ... dead", "attack the mosque", "hurt by me",
    # "by my hand"
    DOER + r"\s+(?:kick|smash|cave|bash|punch)\s+(?:the\s+)?(?:head|heads|face|faces|teeth|skull)\s+in"
    r"\s+of\s+" + VICTIM,
    r"\b(?:i|we)\s+(?:want|wish|need)\s+(?:every|all|all\s+the|the|those|"
    r"these)?\s*(?:[a-z'’-]+\s+){0,2}?{GROUPS}"
    r"(?:\s+\S+){0,4}?\s+dead\b",
    DOER + r"\s+(?:attack|storm|raid|firebomb|petrol\s+bomb|bomb)\s+" + PROPERTY_NP,
    r"\b(?:will|['’]ll|gonna|going\s+to)\s+(?:all\s+)?(?:get|be)\s+(?:hurt|smashed|{PASSIVE})\s+"
    r"by\s+(?:me|us|my\s+hands?|our\s+hands)\b",
    r"\b(?:die|dead|killed|suffer)\s+(?:by|at)\s+(?:my|our)\s+(?:own\s+)?(?:hand|hands|knife|gun|fists)\b",
    # "go round to the ... site and burn it", "a knife with a ...'s name on it", "next ... I see, I'm running
    # him over"
    DOER + r"\s+(?:\S+\s+){0,8}?{GROUPS}(?:\s+\S+){0,3}?\s+(?:and|then)\s+"
    r"(?:burn|torch|firebomb|smash\s+up|wreck|trash)"
    r"\s+(?:it|them|the\s+place)",
    r"\b(?:a|my|this|the)\s+(?:knife|bullet|blade|gun|brick|bat)\s+with\s+(?:your|ur|his|her|their|a|an|the|"
    r"every|some)"
    r"\s+(?:\S+\s+){0,2}?names?\s+on\s+it",
    r"\b(?:the\s+)?(?:next|first|any|every)\s+(?:\S+\s+){0,2}?{GROUPS}\s+(?:i|we)\s+(?:see|meet|find|"
    r"catch)\s*,?\s+"
    r"(?:i['’]?m|i\s+am|we['’]?re|i['’]?ll|we['’]?ll|i\s+will)\s+(?:going\s+to\s+|gonna\s+)?(?:run|running|"
    r"knock|knocking|"
    r"stab|stabbing|shoot|shooting|batter|battering|kill|killing|smash|smashing|kick|kicking|punch|punching|"
    r"hit|hitting|"
    r"hurt|hurting|glass|glassing|knife|knifing|burn|burning|drown|drowning)\s+(?:him|her|them|it)",
    # "will get my fist in their face", "feel my boot"
    r"\b(?:get|feel|taste)\s+(?:my|our)\s+(?:fist|fists|boot|boots|knife|foot|bat|hammer|blade)\s*(?:in|"
    r"through|across|"
    r"on|up|\.|!|$)",
    # a group dragged or chased out: "I'll drag every immigrant out of that hotel"
    DOER + r"\s+(?:drag|chase|hound|throw|smoke|burn|force|turf|run)\s+(?:every|all|the|those|these|any)?\s*"
    r"(?:[a-z'’-]+\s+){0,2}?{GROUPS}\s+out\b",
    # intent to harm someone named: "I want to kill Dave." ("kill it", "kill time" are not people)
    DOER + r"\s+(?:kill|murder|stab|strangle|rape|shoot|behead|microwave)\s+"
    r"[a-z]+\s*(?:[.!?]|$)",
    r"\b(?:will|['’]ll|gonna|going\s+to|need\s+to|needs\s+to)\s+(?:be\s+taught\s+|"
    r"teach\s+(?:\S+\s+){1,3})a\s+"
    r"(?:proper\s+|real\s+|hard\s+)?lesson",
    r"\bsix\s+feet\s+under\b",
    r"\b(?:give|gives|giving)\s+" + VICTIM
    + r"\s+a\s+(?:good\s+|proper\s+)?(?:kicking|beating|hiding|pasting|battering)\s+"
    r"(?:they|he|she|you)\s+(?:won['’]?t|will\s+never)\s+forget",
    # veiled, to a person or a group: "Muslims had better stay away if they know what's good for them",
    # "won't be leaving in one piece", "next time it won't be words", "your days here are numbered"
    r"\bif\s+(?:they|he|she)\s+know\s+what['’]?s\s+good\s+for\s+(?:them|him|her)\b",
    r"\b(?:won['’]?t|will\s+not|wont|never)\s+(?:be\s+)?(?:leav(?:e|ing)|walk(?:ing)?\s+(?:away|"
    r"out))\s+(?:\w+\s+){0,2}?"
    r"in\s+one\s+piece\b",
    r"\b(?:leave|leaving|go\s+home|going\s+home)\s+in\s+(?:a\s+)?(?:body\s+bag|box|coffin|ambulance)",
    r"\b(?:you|u|he|she|they)(?:['’]ll|\s+will)\s+(?:be\s+)?(?:leav(?:e|ing)|"
    r"go(?:ing)?\s+home)\s+(?:\S+\s+){0,3}?in\s+"
    r"(?:a|an)\s+(?:body\s+bag|box|coffin|ambulance|hearse)",
    r"\b(?:be|['’]ll\s+be|will\s+be)\s+waiting\s+(?:for\s+(?:\S+\s+){1,6}?)with\s+(?:a|my|the)\s+(?:bat|"
    r"baseball\s+bat|knife|"
    r"gun|machete|hammer|crowbar|brick|blade|shotgun)",
    r"\bthere['’]?(?:ll|\s+will)\s+be\s+blood\b", r"\bblood\s+will\s+(?:be\s+(?:spilt|spilled|shed)|flow)\b",
    r"\bnext\s+time\s+it\s+(?:won['’]?t|will\s+not|wont)\s+be\s+(?:just\s+)?(?:words|a\s+warning|talk|"
    r"a\s+letter)",
    r"\bthis\s+is\s+(?:your|their|his|her)\s+(?:last|final|only)\s+warning\b",
    r"\b(?:your|ur|his|her|their)\s+days\s+(?:here\s+|in\s+\w+\s+|on\s+\w+\s+)?are\s+numbered\b",
    DOER + r"\s+make\s+(?:life|their\s+lives|your\s+lives|your\s+life|his\s+life|her\s+life)\s+"
    r"(?:hell|a\s+(?:living\s+)?hell|a\s+misery)\s+for\s+" + VICTIM,
    DOER + r"\s+(?:deal\s+with|sort\s+out|take\s+care\s+of)\s+" + VICTIM
    + r"\s+(?:myself|ourselves|personally|permanently|for\s+good|my\s+way|our\s+way)",
    r"(?:{GROUPS}|" + PRONOUN + r")\s+(?:\S+\s+){0,4}?(?:will|['’]ll|are\s+going\s+to|is\s+going\s+to)\s+"
    r"be\s+dealt\s+with"
    r"[,\s]+(?:permanently|for\s+good|once\s+and\s+for\s+all|our\s+way|my\s+way)",
    DOER + r"\s+(?:see\s+to\s+it|make\s+sure|make\s+certain)\s+(?:that\s+)?(?:no|not\s+(?:a|one)\s+"
    r"(?:single\s+)?)\s*(?:\S+\s+){0,3}?(?:feels?|is|are|will\s+(?:be|feel)|can\s+(?:be|feel))\s+safe",
    r"(?:{GROUPS}|you|u|they)\s+(?:\S+\s+){0,3}?(?:won['’]?t|will\s+not|wont)\s+be\s+safe\s+(?:\S+\s+){0,4}?"
    r"(?:once|when|after)\s+(?:we|i)\b",
    r"(?:{GROUPS}|you|u|y['’]?all|you\s+lot)[\s,]+(?:\S+\s+){0,2}?should\s+be\s+(?:very\s+)?(?:afraid|"
    r"scared|frightened|"
    r"terrified)(?:[\s,]+very\s+(?:afraid|scared|frightened))?\s*(?:[.!]|$)",
    r"\bwait\s+(?:till|until|til|and\s+see)\s+(?:\S+\s+){1,4}?(?:see|find\s+out)\s+what\s+(?:we|"
    r"i)(?:['’]?ve|\s+have)\s+"
    r"(?:got\s+)?(?:planned|in\s+store)\s+for\s+(?:them|you|u|him|her|{GROUPS})",
    r"(?:{GROUPS}|you|u|they|he|she)\s+(?:\S+\s+){0,3}?(?:will|['’]ll|are\s+going\s+to|is\s+going\s+to|"
    r"gonna)\s+"
    r"(?:all\s+)?bleed\b",
    r"\bpay(?:\s+for\s+(?:this|that|it))?\s+with\s+(?:their|his|her|your|ur)\s+(?:lives|life|blood)\b",
    r"\b(?:get|getting|pay|paying)\s+(?:a\s+)?(?:little\s+|personal\s+)?visit\s+from\s+(?:us|me|the\s+lads|"
    r"my\s+\w+)\b",
    r"\b(?:want|wanna|like|love|wish|hope|waiting)\s+(?:to\s+)?see\s+(?:\S+\s+){0,4}?(?:{GROUPS}|them|him|"
    r"her|you)\s+"
    r"(?:\S+\s+){0,3}?(?:dead|hang|hanged|hung|burn|burned|burnt|shot|killed|strung\s+up|lynched|gassed|"
    r"six\s+feet\s+under)\b",
    r"\b(?:make\s+sure|see\s+to\s+it|guarantee)\s+(?:that\s+)?(?:\S+\s+){1,6}?(?:is|are|ends?\s+up|"
    r"gets?)\s+(?:all\s+)?(?:dead|{PASSIVE})\b",
    r"\b(?:the\s+next|every|any)\s+(?:single\s+)?(?:\S+\s+){1,4}?(?:i|we)\s+(?:see|find|meet|"
    r"catch)\s+(?:\S+\s+){0,3}?"
    r"(?:is|are|['’]s)\s+(?:getting|gonna\s+get|going\s+to\s+get)\s+(?:\w+\s+)?(?:stabbed|shot|battered|"
    r"glassed|kicked|"
    r"knifed|lynched|burned|burnt|killed|hurt|beaten|a\s+kicking|a\s+beating|a\s+slap|done\s+in)",
    # telling someone to die, or wishing it on them: "kys", "go die in a fire", "I hope you die"
    r"\bkys\b",
    r"\b(?:go\s+(?:and\s+)?)?die\s+in\s+a\s+(?:fire|ditch|hole|car\s+crash)\b",
    r"\b(?:i\s+)?(?:hope|wish|pray)\s+(?:that\s+)?(?:you|u|ya|he|she|they|{GROUPS})\s+(?:all\s+)?(?:\w+\s+)?"
    r"(?:die|dies|drop\s+dead|get\s+(?:killed|shot|stabbed|cancer|run\s+over)|burn|rot|suffer)\b",
]


CONTEXT = Context.build(
    negations=[
        r"\bnot\b", r"\bnever\b", NOT_CONTRACTED, r"\bno\s+one\b", r"\bnobody\b",
        r"\bno\s+(?:man|person|woman|child|body)\b", r"\bnor\b", r"\bwithout\b",
    ],
    reporting=[
        r"\bthreat(?:en(?:s|ed|ing)?)?\b",
        r"\b(?:said|says|told\s+(?:me|us|her|him|them)|wrote|posted|shouted|"
        r"screamed|yelled|warned)\s+(?:that\s+)?(?:he|she|they|someone|somebody|people|the\s+\w+)\b",
        r"\b(?:someone|somebody|a\s+man|a\s+woman|he|she|they)\s+(?:said|says|wrote|posted|shouted|told)\b",
        r"\b(?:guy|man|woman|bloke|lad|lady|person|people|neighbour|kid|kids|group|gang)\b(?:\s+\w+){0,4}?\s+"
        r"(?:said|says|shouted|wrote|posted|told|screamed|yelled|chanted)\b",
        r"\bin\s+(?:the|a)\s+(?:film|movie|game|book|song|play|series)\b", r"\bi\s+dreamt\b",
        r"\b(?:reported|report|reporting)\b",
        r"\bif\s+(?:anyone|someone|you)\s+(?:ever\s+)?(?:says?|threatens?)\b",
        r"\b(?:told|called|rang|phoned|reported\s+(?:it\s+)?to)\s+the\s+police\b",
        # a question that denies it: "Do you really think I'm going to shoot ...? Of course not."
        r"\b(?:do|did|does)\s+(?:you|anyone|anybody|they|people)\s+(?:really\s+|honestly\s+|"
        r"seriously\s+)?(?:think|believe|"
        r"imagine|expect)\s+(?:that\s+)?(?:i|we)\b",
    ],
    rebuttals=[
        r"^[\s,;:\"'”’)]*(?:(?:and|which|that|this|it)\s+)?(?:is|are|was|['’]s)\s+(?:just\s+|so\s+|"
        r"completely\s+"
        r"|totally\s+|absolutely\s+|not\s+)?(?:not\s+ok|unacceptable|disgusting|a\s+crime|wrong|appalling|"
        r"sickening|terrifying|scary|vile|never\s+ok)",
        r"\b(?:election|ballot|polls|vote|voting|votes)\b",
    ],
    reach=6,
    report_inside=True,
)


# "I'll beat you at chess", "we'll smash them in the quiz": a contest, not violence.
GAME = compile_re2(
    r"\s*(?:all\s+)?(?:at|in)\s+(?:a\s+|the\s+|our\s+|next\s+\w+['’]?s?\s+)?(?:\w+\s+)?(?:chess|draughts|"
    r"darts|pool|snooker|"
    r"cards|poker|scrabble|monopoly|quiz|quizzes|football|tennis|squash|golf|cricket|bowls|bingo|game|games|"
    r"match|"
    r"race|election|polls|vote|ballot|arm\s+wrestling|fifa|league|final|cup|competition|contest|rematch)\b"
)


# "I'll shoot you a message", "shoot him a look": the verb's other sense, with a thing sent.
SENT = compile_re2(
    r"\s+(?:a|an)\s+(?:quick\s+|short\s+|private\s+)?(?:message|text|email|e-mail|line|dm|pm|note|reply|"
    r"look|glance|"
    r"smile|wink|question|link|photo|picture|invite)\b"
)
# "kill the weeds on the Muslim cemetery path": the thing harmed comes before the group it is near.
THING_NEAR = compile_re2(
    r"\b(?:the|that|this|those|these|your|his|her|their)\s+[a-z'’-]+\s+(?:on|in|at|of|near|by|from|for|"
    r"outside|behind|"
    r"around|round|opposite)\s+(?:the|a|an|that|this|our|my|their)\s+[\x{e000}\x{e001}]"
)
# "I'll hit you up later": to contact someone, not to hit them.
HIT_UP = compile_re2(r"\s+up\b")
# "I could kill it", "I want to kill time": a bare object that is not a person.
NOT_A_PERSON = compile_re2(
    r"\b(?:kill|murder|stab|strangle|shoot|microwave)\s+(?:it|time|this|that|something|everything|anything|"
    r"one|two|"
    r"some|off|myself|yourself|ourselves|pizza|dinner|lunch|breakfast|food)\s*[.!?]?$|"
    # the effigy on bonfire night
    r"\b(?:burn|burning)\s+(?:the|a|our|their)\s+guy$"
)


# A group (or every member) as the subject of harm to come, whatever is said of them between:
# "Trans people who use the changing rooms will be hunted down", "the immigrants in the hostel will burn".
DOOM = (
    f"(?:[{GROUP}{MEMBER}]|(?:every|any|all|the|those|these)\\s+(?:[a-z'’-]+\\s+){{0,2}}?[{GROUP}{MEMBER}])"
    r"(?:\s+\S+){0,8}?\s*"
    r"(?:\s+will|['’]ll|\s+are\s+(?:all\s+|both\s+)?going\s+to|\s+is\s+going\s+to|\s+are\s+(?:all\s+)?gonna|"
    r"\s+gonna|\s+should|\s+must|\s+need\s+to|"
    r"\s+deserve\s+to|\s+ought\s+to)\s+(?:all\s+)?(?:be\s+|get\s+|end\s+up\s+)?"
    r"(?:(?:hunted(?:\s+down)?|burned|burnt|torched|stabbed|shot|lynched|hanged|hung|strung\s+up|"
    r"beaten(?:\s+up)?|"
    r"battered|glassed|knifed|thrown\s+(?:in|into|off)\s+(?:the\s+)?\w+|run\s+out\s+of\s+(?:town|here|"
    r"the\s+\w+)|"
    r"dealt\s+with|made\s+to\s+(?:suffer|pay|bleed)|hurt|(?:their|his|her)\s+heads?\s+kicked\s+in|"
    r"what(?:['’]s|\s+is)\s+coming|in\s+(?:the\s+|a\s+)?(?:canal|river|ground|morgue|ditch|body\s+bags?|box|"
    r"coffin)|"
    r"bleed|killed|murdered|gassed|exterminated|wiped\s+out|not\s+survive\s+the\s+night|"
    r"die\s+(?:tonight|tomorrow|today|this\s+(?:week|weekend)|next\s+week|on\s+\w+day|one\s+by\s+one)|"
    r"hang\s+from|"
    r"get\s+it\s+(?:tonight|tomorrow|today|soon|this\s+(?:week|weekend)|next\s+week|on\s+\w+day))\b|"
    # said at the end of a clause only: "will burn." (not "burn through their budgets"), "will be sorry."
    r"(?:burn(?:\s+(?:alive|to\s+death|in\s+hell))?|sorry|regret\s+it|what\s+(?:they|he|"
    r"she)\s+deserves?|(?:burning|bleeding|hanging|swinging)(?:\s+(?:by|before|on|from|this|next)\s+\S+|"
    r"\s+tonight|"
    r"\s+tomorrow|\s+soon)?)\s*(?:[.!,]|$))"
)
# A group addressed and told it will die: "You Jews are going to die", "you lot ... will all burn".
ADDRESSED = (
    f"\\b(?:you|u|ya|y['’]?all)\\s+(?:\\S+\\s+){{0,2}}?[{GROUP}{MEMBER}](?:\\s+\\S+){{0,4}}?\\s+(?:are|r|will|['’]re|['’]ll)"
    r"\s+(?:all\s+)?(?:going\s+to\s+|gonna\s+|gunna\s+)?(?:all\s+)?(?:die|be\s+dead|burn|hang|suffer|bleed)\b"
)
# What makes harm to come a prediction or an accident: "will get hurt on those pavements",
# "killed by these cuts".
ACCIDENT = compile_re2(
    r"\s*(?:on|by|in\s+the\s+(?:cold|heat|traffic|road|crossfire)|from|because|due\s+to|crossing|walking|"
    r"using|"
    r"without|unless|when\s+the\s+council|if\s+the\s+council|if\s+(?:this|these|nothing|no\s+one)|"
    r"as\s+a\s+result|under)\b"
)


# "beat the Travellers' team", "kill the refugees' dogs": the victim was only the owner of a thing.
POSSESSED = compile_re2(r"['’]s?\s+([a-z]+)")
KEEP_POSSESSED = frozenset(PEOPLE) | frozenset(PROPERTY) | frozenset(
    """own body bodies throat throats head heads face faces skull skulls neck necks legs arms teeth
    house houses home homes car cars kids children babies wives daughters sons""".split()
)
# "shoot some hoops with the lads": a thing, then the people it is done with (not a weapon: "my knife for
# the ...").
THING_WITH = compile_re2(
    r"\b(?:some|the|every|any|all|those|these|that|this|a|an|my|your|his|her|their)\s+([a-z'’-]+)\s+"
    r"(?:with|at|on|for|from|to|and|near|round|around)\s+(?:(?:the|a|an|my|our|his|her|their|some|"
    r"all\s+the)\s+)?"
    r"(?:" + words_re(PEOPLE) + r"|[\x{e000}\x{e001}])$"
)
# ... unless the thing is a weapon or a vehicle: "my knife for the ...", "a van into the congregation"
ARMS = compile_re2("^(?:" + WEAPON + "|" + LETHAL + "|car|van|truck|lorry|motor|dogs?)$")


def _possessed(text: str, end: int) -> bool:
    m = POSSESSED.match(text, end)
    return m is not None and m.group(1) not in KEEP_POSSESSED


def _thing_with(match: str) -> bool:
    m = THING_WITH.search(match)
    return m is not None and ARMS.match(m.group(1)) is None


# A group's name used as an adjective of a thing: "cut the gay pride cake", "smash the Jewish quiz team".
COMPOUND = compile_re2(
    r"\s+(?:pride|cake|cakes|flag|flags|parade|march|festival|fair|event|events|party|night|team|club|choir|"
    r"society|"
    r"history|culture|food|heritage|month|quarter|charity|association|forum|network|centre|center|school|"
    r"cemetery|shop|"
    r"shops|restaurant|bakery|art|music|film|book|books|dance|wedding|weddings|holiday|recipes|cuisine|"
    r"calendar|"
    r"exhibition|rights|stall|stalls|business|businesses|museum|library|quiz|bingo|lunch|dinner|breakfast)\b"
)
# "the refugees will hang their art", "they'll swing by": the verb's other sense, with an object or particle.
OTHER_OBJECT = compile_re2(r"\s+(?:their|the|a|an|his|her|our|my|out|up|around|about|round|by|on|some|"
    r"bunting)\b")
# "shoot them with the new camera": a photograph.
PHOTO = compile_re2(
    r"(?:\s+\S+){0,3}?\s+(?:with|on)\s+(?:a|the|my|his|her|our|their)\s+(?:new\s+|old\s+|digital\s+|"
    r"phone\s+)?"
    r"(?:camera|phone|iphone|lens|drone|camcorder|water\s+pistols?|nerf\s+guns?|paintball\s+guns?|film)\b"
)


def _other_sense(text: str, match: str, end: int) -> bool:
    """Whether a match is a contest, a message sent, a thing killed or a call ("hit you up"), not violence."""
    last = match.split()[-1] if match.split() else ""
    return (
        GAME.match(text, end) is not None
        or (match.endswith((GROUP, MEMBER)) and COMPOUND.match(text, end) is not None)
        or (last in ("hang", "swing", "burn") and OTHER_OBJECT.match(text, end) is not None)
        or ("shoot" in match and PHOTO.match(text, end) is not None)
        or _possessed(text, end)
        or _thing_with(match)
        or SENT.match(text, end) is not None
        or NOT_A_PERSON.search(match) is not None
        or THING_NEAR.search(match) is not None
        or (match.split()[-2:-1] == ["hit"] and HIT_UP.match(text, end) is not None)
    )


@dataclass
class Threat:
    regex: re2._Regexp[str]
    doom: re2._Regexp[str]
    plans: re2._Regexp[str]
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        folded = fold(subject.text)
        mark = marked(subject.text)  # groups named are one character: "shoot any \ue000"
        text = mark.text
        spans: list[Span] = []
        found = []
        for regex in (self.regex, self.plans):
            if regex.search(text):  # finditer costs more than search in the RE2 binding
                matches = regex.finditer(text)
                found += [m.span() for m in matches if not _other_sense(text, m.group(), m.end())]
        if mark.has_group and self.doom.search(text):
            found += [m.span() for m in self.doom.finditer(text) if not ACCIDENT.match(text, m.end())]
        for start, end in sorted(found):
            start += len(text[start:end]) - len(text[start:end].lstrip(" .!?;:,\n"))
            if end > start and not CONTEXT.cancels(text, start, end):
                spans.append(Span(*folded.span(*mark.span(start, end))))
                if len(spans) >= MAX_SPANS:
                    break
        return spans


def compile_threat(spec: dict[str, Any], env: CompileEnv) -> Threat | None:
    people = [*PEOPLE, *spec.get("people", [])]
    slots = {
        "PEOPLE": words_re(people),
        "PROPERTY": words_re(PROPERTY),
        "GROUPS": f"[{GROUP}{MEMBER}]",
        "AGENT": AGENT,
        "CALL": CALL,
        "LETS": LETS,
        "HURT": HURT,
        "PARTICLES": PARTICLES,
        "SEVERE": SEVERE,
        "HARMED": HARMED,
        "HURT_ING": HURT_ING,
        "PASSIVE": PASSIVE,
        "WEAPON": WEAPON,
        "ARMED": ARMED,
        "TOOL": TOOL,
        "LETHAL": LETHAL,
        "DOING": DOING,
        "CHAIN": CHAIN,
    }
    slots["VICTIM_G"] = expand(VICTIM_G, slots)
    slots["VICTIM_GROUP"] = expand(VICTIM_GROUP, slots)

    def one(templates: list[str]) -> re2._Regexp[str]:
        # The shapes that start with who acts share that start once ("DOER (?:shoot ...|burn ...)"):
        # RE2 does not factor it out, and one copy per shape made the program (and its DFA) ten times
        # larger, so that the DFA's cache thrashed on ordinary comments.
        tails = [t[len(DOER) :] for t in templates if t.startswith(DOER)]
        rest = [t for t in templates if not t.startswith(DOER)]
        alternatives = [f"{DOER}(?:" + "|".join(f"(?:{t})" for t in tails) + ")", *rest]
        return compile_re2("(?:" + "|".join(f"(?:{expand(t, slots)})" for t in alternatives) + ")")

    return Threat(one(TEMPLATES), compile_re2(f"(?:{DOOM})|(?:{ADDRESSED})"), one(PLANS))
