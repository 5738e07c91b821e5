"""The newer shapes of threat, matched by `threat` in their own RE2 pass.

Written from our own probes (tests/data/moderation-probes-5-threats.jsonl), each from the
structure of the threat rather than one sentence: a plan said in the present ("tomorrow I'm
shooting up the mosque"), a decision or a denial that promises harm ("I won't rest until every ...
is dead"), a weapon kept ready, a group addressed, a condition and its consequence ("one more ...
and I'm getting my shotgun", "keep it up and you'll be found in a ditch"), mass violence announced,
and threats to one person said the way people say them ("punch your lights out"). Each is an RE2
template with `{NAME}` slots filled by `threat.compile_threat`. They run apart from
`threat.TEMPLATES` so that a match there set aside as another sense ("shoot some hoops with the
lads") cannot hide one of these at the same place ("poison the water at the ... site").
"""

from __future__ import annotations

from govern.checks.threat_words import BODY, DOER, PROPERTY_NP, VICTIM

PLANS = [
    # a plan said in the present: "Tomorrow I'm shooting up the mosque", "I'll be stabbing ... on Friday",
    # "I'm getting my rifle and shooting ..."
    "{DOING}" + r"\s+(?:and\s+)?{HURT_ING}\s+(?:up\s+)?" + VICTIM,
    "{DOING}" + r"\s+(?:shooting\s+up|bombing|torching|firebombing|petrol\s+bombing|blowing\s+up|"
    r"burning\s+down|attacking|smashing\s+up|setting\s+fire\s+to)\s+" + PROPERTY_NP,
    "{DOING}" + r"(?:\s+\S+){1,5}?\s+(?:and|then)\s+{HURT_ING}\s+" + VICTIM,
    # one plan, then the harm: "I'm coming round tonight to kick your door in and batter you"
    DOER + r"(?:\s+\S+){1,6}?\s+(?:and|then|n)\s+(?:then\s+)?{CHAIN}\s+" + VICTIM,
    DOER + r"\s+(?:kick|smash|break|bash|boot)\s+(?:down\s+|in\s+)?(?:your|ur|his|her|their)\s+"
    r"(?:front\s+|back\s+)?doors?(?:\s+(?:in|down))?",
    # "bash in the skull of any ...", "smash the faces of ..."
    DOER + r"\s+(?:kick|smash|bash|cave|punch|stamp)\s+(?:in\s+)?(?:the\s+)?" + BODY
    + r"(?:\s+in)?\s+of\s+" + VICTIM,
    # a weapon taken to, or kept ready for, a victim: "take a knife to every ...", "a knife ready for the
    # next ..."
    DOER + r"\s+take\s+(?:a|an|my|the)\s+{WEAPON}\s+to\s+" + VICTIM,
    r"\b(?:got|have|['’]ve\s+got|sharpening|sharpened|loading|loaded|saving|keeping|bought|buying|bringing|"
    r"oiling)\s+"
    r"(?:a|my|the|some|this|me\s+a|myself\s+a)\s+(?:new\s+|big\s+|sharp\s+)?{LETHAL}\s+(?:ready\s+|"
    r"waiting\s+|"
    r"sharpened\s+|loaded\s+)?for\s+{VICTIM_G}",
    # "go on a killing spree"
    DOER + r"\s+(?:go\s+)?(?:on\s+)?a\s+(?:killing|shooting|stabbing|murder|murdering)\s+(?:spree|rampage)",
    # a denial that promises the harm: "I won't rest until every ... is dead", "nothing will stop me
    # killing ..."
    r"\b(?:i|we)(?:\s+will\s+not|\s+won['’]?t|\s+wont|\s+shall\s+not|\s+can['’]?t|\s+cannot|"
    r"\s+am\s+not\s+going\s+to|"
    r"['’]m\s+not\s+going\s+to|\s+ain['’]?t\s+gonna|['’]ll\s+never|\s+will\s+never)\s+(?:rest|stop|sleep|"
    r"be\s+(?:happy|satisfied|done))\s+(?:un)?till?\s+(?:\S+\s+){1,6}?(?:is|are|['’]s|['’]re|has\s+been|"
    r"have\s+been|"
    r"lies?|lie)\s+(?:all\s+)?(?:dead|{PASSIVE}|in\s+(?:the\s+|their\s+)?graves?)\b",
    r"\b(?:nothing|no\s*one|nobody)\s+(?:will|can|is\s+going\s+to|['’]s\s+going\s+to|could|['’]ll)\s+stop\s+"
    r"(?:me|us)\s+(?:from\s+)?{HURT_ING}\s+" + VICTIM,
    # "the next ... who speaks to me is dead", "every ... I see gets a bullet", "any ... near my house will
    # be shot"
    r"\b(?:the\s+next|the\s+first|any|every)\s+(?:single\s+)?(?:[a-z'’-]+\s+){0,2}?(?:{GROUPS}|{PEOPLE})"
    r"(?:\s+\S+){1,8}?\s+(?:is|['’]s|will\s+be|['’]ll\s+be|gets?|will\s+get|['’]ll\s+get|"
    r"is\s+getting)\s+(?:a\s+)?"
    r"(?:dead(?:\s+(?:man|woman|meat))?\s*(?:[.!,]|$)|(?:bullet|knife|blade|brick|kicking|beating|hiding)\b)",
    r"\b(?:the\s+next|the\s+first|any|every)\s+(?:single\s+)?(?:[a-z'’-]+\s+){0,2}?(?:{GROUPS}|{PEOPLE})"
    r"(?:\s+\S+){0,5}?\s+(?:me|my|us|our|mine)\b(?:\s+\S+){0,4}?\s+(?:will|['’]ll|is\s+going\s+to|"
    r"are\s+going\s+to|"
    r"gonna)\s+(?:be|get)\s+{PASSIVE}\b",
    # second wave: threats said through a condition, a scene or a weapon rather than a verb of harm
    r"\bgive\s+(?:me|us)\s+(?:\S+\s+){0,2}?(?:alone\s+)?with\s+{VICTIM_G}(?:\s+\S+){0,3}?\s+and\s+(?:a|an|"
    r"my|the)\s+"
    r"{WEAPON}\b",
    r"\bif\s+(?:i|we)\s+(?:had|owned|got|could\s+get)\s+(?:a|an|my|the)\s+{ARMED}\b(?:\s+\S+){0,8}?\s+"
    r"(?:would\s+be|['’]d\s+be)\s+(?:dead|{PASSIVE})\b",
    r"\b(?:one|1|any)\s+more\s+(?:\S+\s+){0,2}?{GROUPS}(?:\s+\S+){0,5}?\s+(?:and|&)\s+(?:i|we)(?:['’]?m|"
    r"\s+am|['’]?re|"
    r"\s+are|['’]?ll|\s+will)\s+(?:\S+\s+){0,3}?(?:{CHAIN}|{HURT_ING}|(?:getting|grabbing|fetching|loading|"
    r"getting\s+out)"
    r"\s+(?:my|the|our)\s+(?:\w+\s+)?{ARMED})\b",
    "{AGENT}" + r"\s+see\s+{VICTIM_G}(?:\s+\S+){0,4}?\s+(?:hanging|hanged|hung|dead|burning|swinging|"
        r"strung\s+up|"
    r"in\s+(?:the\s+ground|body\s+bags|coffins|the\s+morgue))\b",
    DOER + r"\s+make\s+(?:" + VICTIM + r"|{VICTIM_G})(?:\s+\S+){0,3}?\s+wish\s+(?:they|he|she|you)(?:['’]?d|"
        r"\s+had|"
    r"\s+were|\s+was)\s+(?:never\s+been\s+born|dead|never\s+(?:come|came|been))",
    DOER + r"\s+bring\s+back\s+(?:lynchings?|the\s+gas\s+chambers|gas\s+chambers|the\s+ovens|"
        r"concentration\s+camps|"
    r"the\s+camps)\b",
    DOER + r"\s+put\s+" + VICTIM + r"\s+out\s+of\s+(?:their|his|her|your|ur)\s+misery",
    DOER + r"\s+put\s+(?:a\s+)?(?:bullet|knife|blade|round|bolt)\s+(?:in|through|"
        r"between)\s+(?:the\s+)?(?:eyes|head|back|"
    r"skull|brain|heart|chest|face)\s+of\s+" + VICTIM,
    # ... at the end of its clause: not "you'll never know what hit you when you see the bill"
    r"\b(?:won['’]?t|will\s+not|wont|never)\s+know\s+what\s+hit\s+(?:them|him|her|you|em)\s*(?:[.!,;]|$)",
    r"\b(?:we['’]?re|we\s+are|i['’]?m|i\s+am|im)\s+(?:going|goin|heading|coming)\s+(?:in|round|down|"
    r"over)(?:\s+there)?\s+"
    r"with\s+(?:a\s+|my\s+|our\s+|the\s+)?{ARMED}\b",
    DOER + r"\s+(?:beat|batter|kick|punch|stab|strangle|hit|thump|starve)\s+(?:my|"
        r"our)\s+(?:[a-z'’\x{e000}\x{e001}-]+\s+){0,2}?"
    r"(?:{PEOPLE}|{GROUPS})\s+(?:{PARTICLES}|(?:till|until|til)\s+(?:she|he|they)\s+(?:loses|lose|dies|die|"
    r"stops?\s+"
    r"breathing|can['’]?t\s+(?:walk|breathe|move)))",
    DOER + r"\s+(?:push|shove|throw|chuck|kick|drag|toss)\s+" + VICTIM + r"(?:\s+\S+){0,4}?\s+(?:under|in|"
        r"into|off|onto|"
    r"in\s+front\s+of)\s+(?:a|the)\s+(?:bus|train|lorry|truck|road|traffic|river|canal|sea|lake|fire|bridge|"
    r"cliff|roof|"
    r"tracks|oven|bonfire|furnace)\b",
    DOER + r"\s+(?:take|bring|carry)\s+(?:a|my|the|our|some)\s+{LETHAL}\s+(?:down\s+)?(?:to|into)\s+"
    r"(?:the\s+|a\s+|that\s+|their\s+)?(?:[a-z'’\x{e000}\x{e001}-]+\s+)?(?:{PROPERTY}|{GROUPS})",
    r"\b(?:my|our)\s+(?:\w+\s+)?{LETHAL}\s+(?:is|are|['’]s)\s+(?:\w+\s+)?(?:ready|waiting|loaded|sharpened|"
    r"sharp)\s+"
    r"for\s+{VICTIM_G}",
    DOER + r"\s+set\s+" + VICTIM + r"\s+(?:on\s+fire|alight|ablaze)",
    DOER + r"\s+(?:rip|tear|pull|yank|rip\s+off|tear\s+off|pull\s+off)\s+(?:the|her|their|his|your|that)\s+"
    r"(?:hijab|niqab|burqa|burka|turban|patka|kippah|kippa|yarmulke|headscarf|head\s+scarf|veil|wig|"
    r"skull\s+cap)s?\b",
    DOER + r"\s+(?:mow\s+down|plough\s+into|plow\s+into|drive\s+into|ram|shoot\s+up|bomb|open\s+fire\s+on)\s+"
    r"(?:the|that|their|this)\s+(?:[a-z'’\x{e000}\x{e001}-]+\s+){0,2}?(?:march|parade|rally|vigil|crowd|"
    r"congregation|"
    r"procession|festival|celebration|prayers)\b",
    DOER + r"\s+(?:drive|plough|plow|ram|smash|crash|run)\s+(?:my|a|the|our)\s+(?:\w+\s+)?(?:car|van|truck|"
        r"lorry|motor)\s+"
    r"(?:into|through)\s+(?:the\s+|a\s+|those\s+|that\s+)?(?:(?:group|crowd|bunch|load|queue)\s+of\s+)?"
    r"(?:[a-z'’\x{e000}\x{e001}-]+\s+){0,2}?(?:(?:crowd|crowds|march|parade|queue|congregation|worshippers|"
    r"people)\b|"
    r"{PEOPLE}|{GROUPS})",
    DOER + r"\s+poison\s+(?:the|their|his|her|your)\s+(?:water|food|well|supply|drinks?|dinners?|meals?)\b",
    DOER + r"\s+(?:do\s+to\s+{VICTIM_G}\s+what\s+(?:hitler|the\s+nazis)\s+did|finish\s+(?:what|the\s+job)\s+"
    r"(?:hitler|the\s+nazis)\s+started)",
    r"\bfinish\s+(?:what|the\s+job)\s+(?:hitler|the\s+nazis)\s+started\b",
    # the next to arrive "won't last a week": "the next ... family to move in here won't last a week"
    r"\b(?:the\s+next|any|every|the\s+first)\s+(?:[a-z'’-]+\s+){0,2}?(?:{GROUPS}|{PEOPLE})(?:\s+\S+){0,2}?\s+"
    r"(?:to|who|that)\s+(?:dares?\s+(?:to\s+)?)?(?:moves?|comes?|turns?\s+up|shows?\s+(?:up|their\s+face)|"
    r"sets?\s+foot|"
    r"walks?|arrives?)(?:\s+\S+){0,4}?\s+(?:won['’]?t|will\s+not|wont|isn['’]?t\s+going\s+to|"
    r"aren['’]?t\s+going\s+to)\s+"
    r"last\s+(?:a|the|one|more\s+than\s+a|long)\b",
    r"\b(?:tonight|tomorrow|next\s+week|this\s+weekend|on\s+\w+day|soon)\s*,?\s+(?:every|all\s+(?:the\s+)?|"
    r"the|those)\s+"
    r"(?:[a-z'’-]+\s+){0,2}?{GROUPS}(?:\s+\S+){0,4}?\s+(?:dies|die|burns?|hangs?|bleeds?)\b",
    DOER + r"\s+(?:smash|kick|bash|cave|stamp)\s+(?:some|a\s+few|the|their|them|a\s+couple\s+of)\s+"
    r"(?:[a-z'’\x{e000}\x{e001}-]+\s+)?(?:heads|skulls|faces|teeth)\s+in\b",
    DOER + r"\s+(?:break|snap|smash|slit|cut)\s+(?:every|all|the|some|any)\s+(?:[a-z'’-]+\s+|"
        r"[\x{e000}\x{e001}]\s+)?"
    + BODY + r"\b",
    r"\b(?:have|put|stick|see)\s+(?:the\s+|their\s+|your\s+|his\s+|her\s+)?(?:[a-z'’-]+\s+|"
    r"[\x{e000}\x{e001}]['’]?s?\s+)"
    r"{0,2}?heads?\s+on\s+(?:spikes?|poles?|pikes?|a\s+(?:spike|pole|pike|plate|stick))",
    r"\bwait\s+(?:till|until|til|and\s+see)\s+(?:you\s+)?(?:see\s+)?what\s+(?:i|we)(?:['’]?ll|\s+will|"
    r"\s+am\s+going\s+to|"
    r"['’]m\s+going\s+to|['’]m\s+gonna)?\s+(?:do|does|doing)\s+to\s+{VICTIM_G}",
    # third wave: what is done, said in other words
    DOER + r"\s+(?:make\s+sure|ensure|see\s+to\s+it|"
        r"make\s+certain)\s+(?:that\s+)?{VICTIM_G}(?:\s+\S+){0,3}?\s+"
    r"(?:never|don['’]?t|do\s+not|won['’]?t|will\s+never|can['’]?t)\s+(?:\S+\s+)?(?:feels?|are|is|be)\s+safe",
    DOER + r"\s+wipe\s+" + VICTIM + r"\s+(?:off\s+the\s+(?:face\s+of\s+the\s+(?:earth|planet)|map)|out)",
    # torn apart: a group, or "them" after a group was named ("those ..., I'll rip them apart"); not a person,
    # whom "I'll tear you apart" more often means in argument
    DOER + r"\s+(?:rip|tear|cut|hack|chop|slice)\s+(?:apart\s+{VICTIM_GROUP}|{VICTIM_GROUP}\s+(?:apart|"
        r"to\s+(?:pieces|shreds|"
    r"ribbons|bits)|into\s+(?:little\s+)?(?:pieces|bits|shreds|ribbons)))",
    r"[\x{e000}\x{e001}][^.!?\n]{0,80}?" + DOER + r"\s+(?:rip|tear|cut|hack|chop|slice)\s+(?:them|"
    r"em)\s+(?:apart|"
    r"to\s+(?:pieces|shreds|ribbons|bits)|into\s+(?:little\s+)?(?:pieces|bits|shreds|ribbons))",
    r"(?:{DOING}|{AGENT})\s+(?:coming|going|gonna\s+come)\s+to\s+get\s+(?:you|u|ya|him|her|them|"
    r"em)(?:\s+all)?\s*"
    r"(?:[.!,]|$|\s+(?:soon|next|one\s+by\s+one|tonight))",
    r"\b(?:get|hurt|find|catch|visit|come\s+for|deal\s+with)\s+(?:you|u|him|her|them|em|{VICTIM_G})\s+when\s+"
    r"(?:you|u|he|she|they)\s+least\s+expect\s+it",
    DOER + r"\s+(?:commit|carry\s+out|start|do)\s+(?:a\s+)?(?:genocide|massacre|pogrom|holocaust|"
        r"ethnic\s+cleansing|"
    r"mass\s+(?:shooting|murder|killing|stabbing))\b",
    DOER + r"\s+(?:start|begin|keep|carry\s+on|go\s+on)\s+{HURT_ING}\s+" + VICTIM,
    r"\b(?:join|help)\s+(?:me|us)\s+(?:in\s+)?{HURT_ING}\s+" + VICTIM,
    r"\b(?:i|we)(?:['’]ve|\s+have)?\s+(?:planted|left|hidden|put|placed|set)\s+(?:a|an|the)\s+(?:bomb|"
    r"device|explosive|"
    r"pipe\s+bomb)\s+(?:in|at|under|inside|outside|near)\b",
    r"\bthere['’]?s\s+a\s+bomb\s+(?:in|at|under|inside)\s+(?:the|your|their|this|that)\s+",
    DOER + r"\s+set\s+(?:my|the|our|a)\s+(?:\w+\s+)?dogs?\s+on(?:to)?\s+" + VICTIM,
    DOER + r"\s+(?:throw|pour|chuck|splash)\s+(?:petrol|acid|bleach|paraffin|lighter\s+fluid)\s+(?:on|over|"
        r"at|through|"
    r"in|into)\s+(?:" + VICTIM + r"|" + PROPERTY_NP + r")",
    r"\b(?:i['’]?ll|i\s+will|we['’]?ll|we\s+will)\s+be\s+waiting\s+for\s+{VICTIM_G}(?:\s+(?:after|outside|"
    r"at|when|"
    r"tonight|tomorrow|on)(?:\s+\S+){0,2}?)?\s*(?:[.!]|$)",
    r"(?:burn|torch|set\s+fire\s+to|burning|torching|setting\s+fire\s+to)\s+(?:\S+\s+){1,5}?with\s+(?:them|"
    r"him|her|you|"
    r"the\s+\S+)\s+(?:all\s+)?(?:still\s+)?(?:in\s+it|inside|in\s+there|in\s+them)",
    "{DOING}" + r"\s+burning\s+(?:their|his|her|your|ur)\s+(?:\S+\s+){0,2}?{PROPERTY}",
    DOER + r"\s+show\s+{VICTIM_G}\s+what\s+(?:a\s+)?(?:real\s+)?(?:crusade|holocaust|genocide|pogrom|"
        r"massacre|violence|"
    r"pain|suffering)\s+(?:looks|feels|is)",
    r"\b(?:go|going|goin|gonna\s+go|let['’]?s\s+go|off)\s+(?:out\s+)?[\x{e000}\x{e001}][\s-]*(?:hunting|"
    r"bashing|killing|"
    r"stabbing|shooting|lynching)\b",
    r"\b(?:i|we)(?:['’]m|\s+am|['’]re|\s+are)?\s+(?:plan(?:ning)?\s+on|thinking\s+(?:of|about)|intend\s+on|"
    r"set\s+on|"
    r"keen\s+on|dreaming\s+(?:of|about)|fantasi[sz]ing\s+about)\s+(?:{HURT_ING}\s+" + VICTIM + r"|"
    r"putting\s+(?:a\s+)?"
    r"(?:bullet|knife|blade)\s+(?:in|through)\s+" + VICTIM + r")",
    DOER + r"(?:\s+\S+){1,6}?\s+(?:and|then)\s+(?:burn|torch|firebomb|smash\s+up|"
        r"petrol\s+bomb)\s+(?:down\s+)?"
    + PROPERTY_NP,
    r"\b(?:keep\s+(?:talking|going|it\s+up|pushing)|say\s+that\s+again|do\s+that\s+again|come\s+(?:near|"
    r"round|here)"
    r"(?:\s+\S+){0,3}?\s+again)\s+and\s+(?:see|watch)\s+what\s+happens\s+to\s+(?:you|u|him|her|them)\b",
    r"\b(?:your|ur|his|her|their)\s+(?:family|kids|children|wife|husband|mum|house|home|car)\s+(?:won['’]?t|"
    r"will\s+not|"
    r"wont|isn['’]?t\s+going\s+to|aren['’]?t\s+going\s+to|will\s+never)\s+be\s+safe\s*(?:[.!]|$|"
    r"after\s+(?:what|this|"
    r"that|today|tonight)|now|any\s*more|from\s+(?:me|us))",
    DOER + r"\s+(?:break|snap|smash)\s+every\s+bone\s+in\s+(?:your|ur|his|her|their|"
        r"" + VICTIM + r"['’]?s?)\s+bod(?:y|ies)",
    DOER + r"\s+get\s+(?:every\s+(?:last|single)\s+(?:one\s+of\s+(?:them|you)|[\x{e000}\x{e001}])|(?:them|"
        r"you)\s+all|"
    r"the\s+lot\s+of\s+(?:them|you))\s*(?:[.!]|$)",
    # slang for killing, only of a group or person met: "gonna blast every ... I see"
    DOER + r"\s+(?:blast|pop|cap|smoke|merk|murk|dust|slump|whack)\s+{VICTIM_GROUP}(?:\s+\S+){0,2}?\s+"
    r"(?:i|we)\s+(?:see|meet|find|catch|spot)\b",
    # "you had better not walk home alone tonight." (said as the whole sentence, not advice with a reason)
    r"\b(?:you|u|he|she|they)\s+(?:had|['’]d)\s+better\s+not\s+(?:walk|go|be)\s+(?:home\s+)?(?:alone|out)"
    r"(?:\s+(?:tonight|again|anymore|any\s+more|after\s+dark))?\s*(?:[.!]|$)",
    # "the streets will run red with the blood of ...", "my next victim is ..."
    r"\b(?:run|runs|running|flow|flows|flowing|be|"
    r"awash)\s+(?:red\s+)?with\s+(?:the\s+)?blood\s+of\s+(?:the\s+|every\s+|"
    r"all\s+(?:the\s+)?)?(?:[a-z'’-]+\s+){0,2}?(?:{GROUPS}|traitors|infidels)",
    r"\b(?:my|our)\s+next\s+(?:victims?\s+(?:is|are|will\s+be)\s+{VICTIM_G}|targets?\s+(?:is|are|"
    r"will\s+be)\s+"
    r"{VICTIM_GROUP}\s*(?:[.!]|$))",
    # fifth wave: threats to one person, said the way people say them
    DOER + r"\s+(?:punch|knock|kick|smack)\s+(?:your|ur|his|her|their)\s+lights\s+out",
    DOER + r"\s+(?:knock|punch|kick|shove|ram|stuff)\s+(?:your|ur|his|her|their)\s+teeth\s+(?:down|in|out)",
    DOER + r"\s+(?:rearrange|redecorate|remodel)\s+(?:your|ur|his|her|their)\s+(?:face|teeth|head|jaw)",
    DOER + r"\s+(?:run|mow|gun|hunt|string)\s+" + VICTIM + r"\s+(?:over|down|up)\s*(?:[.!,;]|$|\s+(?:and|"
        r"with|tonight|"
    r"tomorrow|when|if|next|in\s+my|with\s+my)\b)",
    DOER + r"\s+(?:get|send|have)\s+(?:my|the|our|some\s+of\s+my)\s+(?:brothers?|lads|boys|mates|cousins?|"
        r"friends|crew|gang)"
    r"\s+(?:round\s+)?to\s+(?:sort\s+(?:you|u|him|her|them)\s+out|deal\s+with\s+(?:you|u|him|her|them)|"
    r"pay\s+(?:you|u|him|"
    r"her|them)\s+a\s+visit|do\s+(?:you|u|him|her|them)\s+over|(?:{CHAIN}|hurt|beat|batter)\s+(?:you|u|him|"
    r"her|them))\b",
    r"\b(?:take|taking)\s+(?:you|u|him|her|them)\s+out\s*[,\s]\s*(?:permanently|for\s+good|"
    r"once\s+and\s+for\s+all)",
    # a condition, then the consequence: "keep it up and you'll be found in a ditch"
    r"\b(?:keep\s+(?:it|this|that)\s+up|carry\s+on|one\s+more\s+word|say\s+that\s+again|do\s+that\s+again|"
    r"try\s+that\s+again)\s*,?\s+and\s+(?:you|u|he|she|they)(?:['’]ll|\s+will|['’]re\s+going\s+to|"
    r"\s+are\s+going\s+to)\s+"
    r"(?:be\s+found|end\s+up|wake\s+up|turn\s+up)\s+(?:dead\s+)?(?:in|at|under)\s+(?:the\s+|a\s+)?(?:canal|"
    r"river|ditch|"
    r"morgue|hospital|ground|gutter|body\s+bag|box|coffin|boot)",
    r"\b(?:you|u|he|she|they)(?:['’]re|\s+are|['’]ll|\s+will|\s+is|['’]s)\s+(?:going\s+to\s+|"
    r"gonna\s+)?(?:be\s+found|end\s+up|"
    r"turn\s+up)\s+(?:dead\s+)?(?:in|at|under)\s+(?:the\s+|a\s+)?(?:canal|river|ditch|morgue|gutter|"
    r"body\s+bag|box|coffin)"
    r"\s+if\s+(?:you|u|he|she|they)\s+(?:keep|carry\s+on|don['’]?t\s+(?:stop|shut\s+up|back\s+off)|"
    r"come\s+(?:back|near|"
    r"round)|say\s+that|do\s+that)",
    r"\b(?:won['’]?t|will\s+not|wont|never)\s+(?:be\s+able\s+to\s+)?(?:walk|see|talk|stand|breathe|"
    r"eat)\s+(?:again\s+)?"
    r"(?:\S+\s+){0,2}?when\s+(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:done|finished|through)\s+with",
    r"\b(?:one|1)\s+more\s+(?:\S+\s+){1,3}?and\s+(?:that|the|this|your|his|"
    r"her)\s+(?:[a-z'’-]+\s+)?(?:{PEOPLE}|{GROUPS})\s+"
    r"(?:is|are|['’]s|['’]re|will\s+be|['’]ll\s+be)\s+(?:getting|gonna\s+get|"
    r"going\s+to\s+get)\s+(?:{PASSIVE}|(?:a\s+)?"
    r"(?:kicking|beating|hiding|slap|smack|bullet|knife|glassing|battering))\b",
    r"(?:{PEOPLE}|{GROUPS})\s+(?:who|that)\s+(?:\S+\s+){1,5}?(?:will|['’]ll|are\s+going\s+to|"
    r"is\s+going\s+to|are\s+gonna|"
    r"is\s+gonna)\s+get\s+(?:a\s+)?(?:kicking|beating|hiding|slap|smack|bullet|knife|battering|pasting|"
    r"glassing)\b",
    r"\b(?:i|we)\s+know\s+(?:which\s+school\s+)?(?:your|his|her|their)\s+(?:kids|children|son|daughter|wife|"
    r"husband|family|"
    r"grandkids)\s+(?:go(?:es)?\s+to|live|lives|work|works|walk|walks|play|plays)\b",
    r"\b(?:hope|wish|pray)\s+(?:that\s+)?(?:your|his|her|their)\s+(?:house|home|flat|car|shop|"
    r"office)\s+(?:burns?|gets?\s+"
    r"(?:burnt|burned|torched|smashed|bombed|petrol\s+bombed))",
    r"\b(?:you|u|he|she|they)\s+(?:should|had\s+better|['’]d\s+better|want\s+to|wanna)\s+be\s+(?:very\s+|"
    r"really\s+)?careful\s+"
    r"(?:walking|going|driving|leaving|getting)\s+(?:\S+\s+){0,4}?(?:tonight|alone|after\s+dark|"
    r"from\s+now\s+on)\s*(?:[.!]|$)",
    r"\b(?:your|ur|his|her|their)\s+(?:wife|husband|kids|children|mum|mother|family)\s+(?:will\s+be|"
    r"['’]ll\s+be|is\s+going\s+to\s+be|"
    r"are\s+going\s+to\s+be|(?:is|are)\s+gonna\s+be)\s+(?:a\s+)?(?:widow|widower|orphans?|fatherless|"
    r"motherless)\b",
    r"\b(?:a|my|the)\s+(?:knife|blade|gun|machete)\s+(?:at|to|against|in)\s+(?:your|ur)\s+(?:throat|neck|"
    r"head|back|face|chest)",
]
