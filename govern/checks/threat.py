"""`threat`: intent or a call to violence against a person or property, direct or veiled.

Catches: who means harm and against whom, in the same clause:
- intent: "I am going to shoot the next black person I see", "I'll smash your face in",
  "we will burn his house down";
- a call: "someone should torch his car", "you should kill yourself", "kill them all";
- wishing or prescribing death or injury: "he deserves a bullet", "the councillor should be
  hanged", "I hope you get run over";
- veiled forms: "I know where you live", "watch your back", "sort him out permanently", "it
  would be a shame if something happened to your car", "your days are numbered".
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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import re2

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.evidence import MAX_SPANS, NOT_CONTRACTED, Context, compile_re2, expand, fold, words_re
from govern.checks.groups import GROUP, MEMBER, marked

SCHEMA: dict[str, Any] = {
    "kind": {"type": "string", "required": True},
    "people": {"type": "list", "schema": {"type": "string", "empty": False}},
}

PEOPLE = """person people man men woman women guy guys lad lads kid kids child children boy boys girl girls
officer officers warden wardens councillor councillors cllr mp mayor leader staff worker workers
driver drivers neighbour neighbours bitch bitches bastard bastards cunt cunts idiot idiots prick twat
scum wanker dickhead bloke blokes family families wife husband son daughter mum dad mother father
inspector planner planners clerk receptionist binman binmen bin men crew owner owners landlord tenant
tenants cyclist cyclists motorist motorists resident residents copper coppers police cop cops teacher
teachers nonce paedo pedo traitor traitors politician politicians official officials manager
managers chief executive cabinet member members one ones lot anyone everyone bugger buggers sod
muppet muppets moron morons""".split()
PROPERTY = (
    """car cars van vans house houses home homes flat flats window windows office offices building
buildings depot shop shops mosque mosques church churches synagogue synagogues temple temples gurdwara
school schools library libraries centre hall garage shed business premises door doors letterbox tyres
fence place property properties headquarters hq surgery clinic camp camps site caravan caravans""".split()
    + ["town hall", "council offices", "civic centre", "council building", "community centre"]
)

PRONOUN = r"(?:you|u|ya|yer|him|her|them|yourselves|yourself|themselves|himself|herself|y['’]?all)"
DETERMINER = (
    r"(?:every|any|all|the|that|this|these|those|your|ur|his|her|their|some|the\s+next|the\s+first|"
    r"whoever|whichever|each|one\s+of\s+(?:the|those|these|your))"
)
VICTIM = (
    r"(?:"
    + PRONOUN
    + r"\b|the\s+lot\s+of\s+(?:you|them)\b|each\s+(?:one\s+)?of\s+(?:you|them)\b|"
    + DETERMINER
    + r"\s+(?:[a-z'’-]+\s+){0,3}?(?:{PEOPLE}|{GROUPS})|{GROUPS}|"
    r"(?:cllr|councillor|mr|mrs|ms|miss|dr|mayor)\.?\s+[a-z'’-]+\b|(?:every|any|some)(?:one|body)\b)"
)
PROPERTY_NP = (
    r"(?:the|your|ur|his|her|their|that|this|every|those|these)\s+(?:[a-z'’-]+\s+){0,2}?{PROPERTY}"
    r"(?:\s+down)?"
)
BODY = r"(?:jaw|arms?|legs?|necks?|face|faces|nose|skull|teeth|head|heads|kneecaps?|fingers?|ribs|throat)"
OWNER = r"(?:your|ur|his|her|their|yer)"

AGENT = (
    r"(?:\b(?:i|we|me\s+and\s+(?:my\s+|the\s+)?[a-z]+|im|ima|imma)(?:\s*['’]?(?:ll|ll\s+personally|m\s+(?:going\s+to|"
    r"gonna|gunna|about\s+to|coming\s+to|gna)|re\s+(?:going\s+to|gonna|coming\s+to)|d\s+(?:love|like)\s+to)"
    r"|\s+(?:am|are)\s+(?:going\s+to|gonna|about\s+to|coming\s+to|planning\s+to|gunna)|\s+will|\s+shall|"
    r"\s+want\s+to|\s+wanna|\s+intend\s+to|\s+plan\s+to|\s+would\s+(?:love|like)\s+to|\s+can['’]?t\s+wait\s+to|"
    r"\s+swear\s+(?:i|we)['’]?ll|\s+promise\s+(?:i|we)['’]?ll|\s+gonna|\s+going\s+to|\s+(?:is|are)\s+gonna|"
    r"\s*['’]d|\s+would)"
    r"|\bill\b|\bima\b|\bimma\b|\bgonna\b)"
)
CALL = (
    r"\b(?:someone|somebody|some1|people|we|you|u|they|everyone|anyone|the\s+public|residents|locals|lads|"
    r"somebody\s+needs|one\s+of\s+(?:you|us))\s+(?:should|shud|needs?\s+to|ought\s+to|must|has\s+to|have\s+to|"
    r"gotta|got\s+to|oughta)"
)
FILL = r"(?:\s+(?:just|really|fucking|bloody|actually|definitely|literally|personally|happily|gladly|"
FILL += r"go\s+and|come\s+and|come\s+round\s+and|go\s+round\s+and|find\s+" + PRONOUN + r"\s+and|all|finally|"
FILL += r"[a-z]+ly))*"
HURT = (
    r"(?:kill|murder|shoot|stab|knife|hang|lynch|strangle|choke|behead|batter|punch|kick|slap|smack|thump|"
    r"deck|glass|hurt|attack|assault|maim|rape|bomb|gas|torch|burn|drown|poison|skin|gut|headbutt|bottle|"
    r"execute|slaughter|butcher|massacre|eliminate|cripple|run\s+over|set\s+fire\s+to|hunt\s+down|blow\s+up|"
    r"firebomb|petrol\s+bomb|string\s+up|throw\s+acid\s+(?:at|on|in)|acid|shank|stomp|jump|end|waste|"
    r"take\s+out|smash|beat|wipe\s+out|exterminate|throttle|suffocate|mow\s+down|break)"
)
PARTICLES = (
    r"(?:up|in|down|to\s+death|senseless|black\s+and\s+blue|to\s+a\s+pulp|out\s+permanently|"
    r"out\s+for\s+good|out\s+once\s+and\s+for\s+all|into\s+next\s+week)"
)
SEVERE = (
    r"(?:kill|murder|shoot|stab|knife|hang|lynch|strangle|behead|rape|bomb|gas|torch|burn|execute|"
    r"slaughter|massacre|string\s+up|firebomb|petrol\s+bomb|blow\s+up|glass|shank)"
)
HARMED = (
    r"(?:shot|killed|hanged|hung|lynched|stabbed|beaten(?:\s+up)?|burn(?:ed|t)(?:\s+alive)?|gassed|"
    r"executed|murdered|strung\s+up|put\s+down|tortured|raped|die|dead|hurt|attacked|run\s+over|"
    r"rot\s+in\s+hell|burn\s+in\s+hell|hang|swing|exterminated|wiped\s+out|get\s+(?:a\s+bullet|shot|"
    r"stabbed|killed|what['’]?s\s+coming|a\s+kicking|a\s+beating|hurt|run\s+over))"
)

TEMPLATES = [
    # intent or call, person: "I'm going to shoot the next black person", "someone should kill him"
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+{HURT}\s+" + VICTIM,
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+(?:beat|do|sort|smash|knock|kick|cave|hunt|string|rough|duff|"
    r"beat\s+the\s+(?:shit|crap|hell|life)\s+out\s+of)\s+" + VICTIM + r"\s+{PARTICLES}",
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+(?:beat\s+the\s+(?:shit|crap|hell|life)\s+out\s+of|put\s+(?:a\s+)?"
    r"(?:bullet|knife|blade|brick|bat)\s+(?:in|through)|stick\s+a\s+knife\s+in|slit|cut)\s+" + VICTIM,
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+(?:break|snap|smash|cave\s+in|kick\s+in|knock\s+out|rip\s+out|"
    r"rip\s+off|slit|cut)\s+" + OWNER + r"\s+(?:\w+\s+)?" + BODY,
    r"(?:{AGENT}|{CALL})"
    + FILL
    + r"\s+(?:smash|kick|knock|cave|punch)\s+"
    + OWNER
    + r"\s+"
    + BODY
    + r"\s+(?:in|off|out)",
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+put\s+" + VICTIM + r"\s+in\s+(?:hospital|the\s+ground|a\s+box|a\s+"
    r"wheelchair|intensive\s+care|a\s+body\s+bag)",
    r"(?:{AGENT}|{CALL}|\b(?:want|like)\s+me\s+to)"
    + FILL
    + r"\s+{HURT}\s+(?:[a-z'’-]+\s+){1,3}?with\s+(?:a|an|my|the)\s+"
    r"(?:gun|knife|bat|machete|hammer|brick|axe|blade|crowbar|shotgun|rifle)\b",
    r"\b(?:want|like)\s+me\s+to\s+{HURT}\s+" + VICTIM,
    r"(?:{AGENT}|{CALL})"
    + FILL
    + r"\s+(?:make\s+"
    + VICTIM
    + r"\s+(?:pay|suffer|bleed|regret\s+it)|give\s+"
    + VICTIM
    + r"\s+a\s+(?:good\s+|proper\s+)?(?:kicking|beating|hiding|slap|smack|pasting|battering)|"
    + r"do\s+over\s+"
    + VICTIM
    + r"|do\s+"
    + VICTIM
    + r"\s+over)",
    r"\b(?:be|['’]ll\s+be|will\s+be)\s+waiting\s+(?:for\s+\S+\s+)?with\s+(?:a|my|the)\s+(?:bat|baseball\s+bat|knife|gun|"
    r"machete|hammer|crowbar|brick|blade|shotgun)",
    # intent or call, property: "someone should torch his car", "we'll burn the depot down"
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+(?:burn|torch|firebomb|petrol\s+bomb|blow\s+up|smash|smash\s+up|"
    r"trash|wreck|vandalise|vandalize|set\s+fire\s+to|set\s+alight|key|brick|slash)\s+(?:down\s+)?"
    + PROPERTY_NP,
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+(?:put|throw|chuck|send)\s+(?:a\s+)?(?:brick|petrol\s+bomb|firework|"
    r"petrol|rock|molotov)\s+through\s+" + PROPERTY_NP,
    r"(?:{AGENT}|{CALL})" + FILL + r"\s+slash\s+(?:the|your|his|her|their)\s+tyres",
    # imperative at the start of a clause: "kill them all", "burn his house down"
    r"(?:^|[.!?;:,\n]\s*|\band\s+)(?:let['’]?s\s+|lets\s+|go\s+and\s+|just\s+|pls\s+|please\s+)?{SEVERE}\s+"
    + VICTIM
    + r"(?:\s+all)?",
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
    r"\bdeath\s+to\s+(?:the\s+|all\s+)?(?:{GROUPS}|{PEOPLE}|traitors|infidels|(?:cllr|councillor|mr|mrs|ms)\.?\s+\w+)",
    r"\b(?:kill|hang|shoot)\s+(?:your|ur)self\b",
    # veiled: "I know where you live", "watch your back", "sort him out permanently"
    r"\b(?:i|we)\s+know\s+where\s+(?:you|u|he|she|they|(?:your|his|her|their|the|that|this)\s+(?:\w+\s+){0,2}?"
    r"\w+)\s+(?:\w+\s+){0,2}?"
    r"(?:live|lives|living|work|works|sleep|sleeps|park|parks|go(?:es)?\s+to\s+school|drink|drinks)",
    r"\b(?:i|we)\s+know\s+(?:what\s+car\s+(?:you|he|she)\s+drive|where\s+(?:your|his|her)\s+kids|which\s+"
    r"(?:house|school))",
    r"\b(?:watch|mind)\s+(?:your|ur|yer|his|her|their)\s+backs?\b",
    r"\blook(?:ing)?\s+over\s+(?:your|ur|his|her|their)\s+shoulders?\b",
    r"\bsleep\s+with\s+one\s+eye\s+open\b",
    r"\b(?:your|ur|his|her|their)\s+days\s+are\s+numbered\b",
    r"\b(?:you['’]?re|you\s+are|ur|he['’]?s|she['’]?s|you['’]?ll\s+be|he\s+is|she\s+is)\s+(?:a\s+)?"
    r"(?:dead\s+(?:man|woman|meat)|next)\b",
    r"\b(?:you|u|he|she|they)(?:['’]ll|\s+will|['’]re\s+going\s+to|\s+are\s+going\s+to|\s+is\s+going\s+to|"
    r"['’]s\s+going\s+to)\s+(?:\w+\s+)?(?:regret\s+(?:this|it|that|the\s+day)|pay\s+for\s+(?:this|that|it)|"
    r"get\s+what['’]?s\s+coming|get\s+(?:hurt|stabbed|shot|done\s+in)|not\s+see\s+it\s+coming|"
    r"never\s+see\s+it\s+coming|not\s+be\s+(?:so\s+)?(?:safe|walking\s+away))",
    r"\b(?:you|u|he|she|they)\s+(?:won['’]?t|will\s+not|wont)\s+(?:even\s+)?see\s+(?:it|us|me|them)\s+coming\b",
    r"\b(?:any|every|all|the\s+next)\s+(?:\S+\s+){1,8}?(?:will|['’]ll|is\s+going\s+to|are\s+going\s+to|"
    r"gonna)\s+(?:\w+\s+)?(?:regret\s+(?:it|this|that|coming)|pay\s+for\s+it|get\s+(?:hurt|what['’]?s\s+coming|"
    r"a\s+kicking|a\s+beating|stabbed|shot))",
    r"\b(?:is|are|will\s+be|['’]s|['’]re)\s+getting\s+(?:a|the)\s+(?:brick|bullet|kicking|beating|knife|slap|hiding|"
    r"petrol\s+bomb)\b",
    r"\b(?:had|have)\s+better\s+(?:lock\s+(?:his|her|their|your)\s+doors?|watch\s+(?:out|(?:his|her|their|your)\s+"
    r"backs?)|sleep\s+with\s+one\s+eye\s+open|not\s+show\s+(?:his|her|their|your)\s+faces?)",
    r"\bwhat['’]?s\s+coming\s+to\s+(?:you|him|her|them)\b",
    r"\b(?:it|that)\s*(?:['’]?d|\s+would|\s+will|['’]?ll)\s+be\s+a\s+(?:real\s+)?(?:shame|pity)\s+if\s+"
    r"(?:something|anything|someone)\s+(?:bad\s+)?(?:happened|were\s+to\s+happen|was\s+to\s+happen|happens)",
    r"\bbe\s+a\s+(?:shame|pity)\s+if\s+(?:your|his|her|their|the)\s+\w+\s+(?:\w+\s+)?(?:caught\s+fire|"
    r"burned|burnt|went\s+up\s+in\s+flames|got\s+(?:smashed|damaged|torched|hurt))",
    r"\b(?:we['’]?re|we\s+are|i['’]?m|i\s+am|im)\s+coming\s+(?:for|after)\s+(?:you|u|him|her|them)\b",
    r"\b(?:i['’]?ll|i\s+will|we['’]?ll|we\s+will)\s+be\s+(?:waiting|watching)\s+(?:for\s+)?(?:you|him|her)\b",
    r"\b(?:pay|paying)\s+(?:you|him|her|them)(?:\s+all)?\s+a\s+(?:little\s+|personal\s+)?visit\b",
    r"\b(?:sort|deal\s+with)\s+(?:you|him|her|them|[a-z]+)\s+(?:out\s+)?(?:permanently|for\s+good|once\s+and\s+"
    r"for\s+all|properly|my\s+way|personally)",
    r"\bmake\s+(?:you|him|her|them)\s+disappear\b",
    r"\b(?:petrol|a\s+brick|a\s+firework|something\s+nasty)\s+through\s+(?:your|his|her|their)\s+"
    r"(?:letterbox|letter\s+box|window|door)",
    r"\baccidents\s+happen\s+to\s+(?:people\s+like\s+you|those\s+who|people\s+who)",
    r"\b(?:make\s+sure|see\s+to\s+it|guarantee)\s+(?:that\s+)?(?:\S+\s+){1,5}?(?:suffers?|pays?\s+for\s+it|bleeds?|"
    r"gets?\s+hurt|dies?|never\s+walks?\s+again)\b",
    r"\b(?:they['’]?re|they\s+are|you['’]?re|you\s+are|he['’]?s|she['’]?s|ur)\s+(?:as\s+good\s+as\s+)?dead"
    r"(?:\s+meat)?\s*(?:[.!,]|$)",
    r"\b(?:will|['’]ll|gonna|going\s+to|is\s+going\s+to)\s+get\s+(?:their|his|her|your|ur)\s+(?:head|face|teeth|legs?|"
    r"heads|faces|skulls?)\s+(?:kicked|smashed|caved|punched|knocked|bashed|kicked\s+right)\s+(?:in|out|off)",
    r"\b(?:your|their|his|her)\s+(?:time|day|turn)\s+(?:is|will)\s+(?:coming|come|next|soon)",
    r"\b(?:get|grab|buy|bring|fetch)\s+(?:a|my|the|me\s+a)\s+(?:gun|knife|machete|bat|shotgun|rifle|blade)\s+and\s+"
    r"(?:deal\s+with|sort\s+out|go\s+after|come\s+for|kill|shoot|hurt|visit|finish)",
    r"\b(?:will|['’]ll|gonna|going\s+to|need\s+to|needs\s+to)\s+(?:be\s+taught\s+|teach\s+(?:\S+\s+){1,3})a\s+"
    r"(?:proper\s+|real\s+|hard\s+)?lesson",
    r"\bsix\s+feet\s+under\b",
]

CONTEXT = Context.build(
    negations=[
        r"\bnot\b",
        r"\bnever\b",
        NOT_CONTRACTED,
        r"\bno\s+one\b",
        r"\bnobody\b",
        r"\bno\s+(?:man|person|woman|child|body)\b",
        r"\bnor\b",
        r"\bwithout\b",
    ],
    reporting=[
        r"\bthreat(?:en(?:s|ed|ing)?)?\b",
        r"\b(?:said|says|told\s+(?:me|us|her|him|them)|wrote|posted|shouted|"
        r"screamed|yelled|warned)\s+(?:that\s+)?(?:he|she|they|someone|somebody|people|the\s+\w+)\b",
        r"\b(?:someone|somebody|a\s+man|a\s+woman|he|she|they)\s+(?:said|says|wrote|posted|shouted|told)\b",
        r"\b(?:guy|man|woman|bloke|lad|lady|person|people|neighbour|kid|kids|group|gang)\b(?:\s+\w+){0,4}?\s+"
        r"(?:said|says|shouted|wrote|posted|told|screamed|yelled|chanted)\b",
        r"\bin\s+(?:the|a)\s+(?:film|movie|game|book|song|play|series)\b",
        r"\bi\s+dreamt\b",
        r"\b(?:reported|report|reporting)\b",
        r"\bif\s+(?:anyone|someone|you)\s+(?:ever\s+)?(?:says?|threatens?)\b",
        r"\b(?:told|called|rang|phoned|reported\s+(?:it\s+)?to)\s+the\s+police\b",
    ],
    rebuttals=[
        r"^[\s,;:\"'”’)]*(?:(?:and|which|that|this|it)\s+)?(?:is|are|was|['’]s)\s+(?:just\s+|so\s+|completely\s+"
        r"|totally\s+|absolutely\s+|not\s+)?(?:not\s+ok|unacceptable|disgusting|a\s+crime|wrong|appalling|"
        r"sickening|terrifying|scary|vile|never\s+ok)",
        r"\b(?:election|ballot|polls|vote|voting|votes)\b",
    ],
    reach=6,
    report_inside=True,
)


@dataclass
class Threat:
    regex: re2._Regexp[str]
    pattern: str | None = None

    def find(self, subject: Subject) -> list[Span]:
        folded = fold(subject.text)
        mark = marked(subject.text)  # groups named are one character: "shoot any \ue000"
        text = mark.text
        spans: list[Span] = []
        if not self.regex.search(text):  # finditer costs more than search in the RE2 binding
            return spans
        for m in self.regex.finditer(text):
            start, end = m.span()
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
        "HURT": HURT,
        "PARTICLES": PARTICLES,
        "SEVERE": SEVERE,
        "HARMED": HARMED,
    }
    templates = [expand(t, slots) for t in TEMPLATES]
    return Threat(compile_re2("(?:" + "|".join(f"(?:{t})" for t in templates) + ")"))
