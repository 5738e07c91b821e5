"""The word classes the `threat` detector builds its sentence shapes from.

Who acts (`AGENT`: "I'm going to", "we are planning to", "my mates and I will"; `CALL`: "someone
should"; `DOING`: a plan said in the present, "tomorrow I'm shooting up ..."), what is done (`HURT`
and its -ing and passive forms, `SEVERE`, `CHAIN`), to whom (`VICTIM`: a person, a pronoun, a group
marked by `govern.checks.groups`; `PROPERTY_NP`) and with what (`WEAPON`, `ARMED`, `TOOL`). Each
is an RE2 fragment; `{NAME}` slots are filled by `threat.compile_threat` at load.
"""

from __future__ import annotations

PEOPLE = """person people man men woman women guy guys lad lads kid kids child children boy boys girl girls
officer officers warden wardens councillor councillors cllr mp mayor leader staff worker workers
driver drivers neighbour neighbours bitch bitches bastard bastards cunt cunts idiot idiots prick twat
scum wanker dickhead bloke blokes family families wife husband son daughter mum dad mother father
inspector planner planners clerk receptionist binman binmen bin men crew owner owners landlord tenant
tenants cyclist cyclists motorist motorists resident residents copper coppers police cop cops teacher
teachers nonce paedo pedo traitor traitors politician politicians official officials manager
managers chief executive cabinet member members one ones lot anyone everyone bugger buggers sod
muppet muppets moron morons shopkeeper shopkeepers worshipper worshippers pupil pupils student students
patient patients couple couples lady ladies fella fellas youth youths teen teens teenager
teenagers congregation pensioner pensioners oap oaps christian christians catholic catholics bisexual
bisexuals asian asians freak freaks pervert perverts scumbag scumbags""".split() + [
    "wheelchair user", "wheelchair users"]
PROPERTY = """car cars van vans house houses home homes flat flats window windows office offices building
buildings depot shop shops mosque mosques church churches synagogue synagogues temple temples gurdwara
school schools library libraries centre hall garage shed business premises door doors letterbox tyres
fence place property properties headquarters hq surgery clinic camp camps site caravan caravans club
clubs nightclub bar bars pub pubs hotel hotels hostel hostels restaurant restaurants cafe takeaway
salon""".split() + [
    "town hall", "council offices", "civic centre", "council building", "community centre"]

PRONOUN = (
    r"(?:you|u|ya|yer|him|her|them|em|['’]em|dem|yourselves|yourself|themselves|himself|herself|y['’]?all)"
)
DETERMINER = (
    r"(?:every|any|all|the|that|this|these|those|your|ur|his|her|their|some|the\s+next|the\s+first|"
    r"whoever|whichever|each|one\s+of\s+(?:the|those|these|your)|evry|evey|ev['’]?ry|them|dem|da|"
    r"as\s+many(?:\s+of)?(?:\s+(?:the|them|those|these))?)"
)
VICTIM = (
    r"(?:" + PRONOUN + r"\b|the\s+lot\s+of\s+(?:you|them)\b|each\s+(?:one\s+)?of\s+(?:you|them)\b|"
    + DETERMINER + r"\s+(?:[a-z'’-]+\s+){0,3}?(?:{PEOPLE}|{GROUPS})|{GROUPS}|"
    r"(?:a|an|some|two|three|a\s+few|a\s+couple\s+of)\s+(?:[a-z'’-]+\s+){0,2}?{GROUPS}|"
    r"(?:cllr|councillor|mr|mrs|ms|miss|dr|mayor)\.?\s+[a-z'’-]+\b|(?:every|any|some)(?:one|body)\b)"
)
PROPERTY_NP = (
    r"(?:the|your|ur|his|her|their|that|this|every|those|these)\s+(?:[a-z'’-]+\s+|"
    r"[\x{e000}\x{e001}]['’]?s?\s+){0,2}?"
    r"{PROPERTY}"
    r"(?:\s+down)?"
)
BODY = r"(?:jaw|arms?|legs?|necks?|face|faces|nose|skull|teeth|head|heads|kneecaps?|fingers?|ribs|throat)"
OWNER = r"(?:your|ur|his|her|their|yer)"

# Going somewhere to do it: "off to the fair to ...", "going to the mosque to ...".
GOING_TO_DO = (
    r"(?:off|out|going|goin|heading|headed)\s+(?:down\s+|round\s+|over\s+|out\s+)?to\s+(?:the\s+|a\s+|"
    r"that\s+)?"
    r"[a-z'’\x{e000}\x{e001}-]+(?:\s+[a-z'’\x{e000}\x{e001}-]+)?\s+to"
)
# What a speaker says they are about to do, after "I'm" / "we are": "going to", "planning to", "off to".
PLAN = (
    r"(?:(?:going|goin|goign|giong|goimg)\s+(?:to|too|2|ta)|gonna|gona|gunna|gna|finna|about\s+to|bout\s+to|"
    r"coming\s+to|"
    r"planning\s+(?:to|on)|intending\s+to|determined\s+to|ready\s+to|prepared\s+to|off\s+to|out\s+to|"
    r"going\s+out(?:\s+[a-z]+){0,2}\s+to|coming\s+(?:round|over|down|back)(?:\s+[a-z]+){0,2}\s+to|"
    r"getting\s+ready\s+to|itching\s+to|desperate\s+to|set\s+to|looking\s+forward\s+to|gonna\s+go|"
    + GOING_TO_DO + r")"
)
# ... and after "I" / "we" alone: "will", "want to", "have decided to", "can't wait to".
WILL = (
    r"(?:will|shall|would|wanna|want\s+to|intend\s+to|plan\s+to|mean\s+to|aim\s+to|vow\s+to|need\s+to|"
    r"(?:have|['’]ve|)\s*decided\s+to|(?:have|['’]ve)\s+got\s+to|got\s+to|gotta|can['’]?t\s+wait\s+to|"
    r"cannot\s+wait\s+to|would\s+(?:love|like)\s+to|swear\s+(?:i|we)(?:['’]?ll|\s+will)|"
    r"promise\s+(?:i|we)(?:['’]?ll|\s+will)|gonna|going\s+to)"
)
AGENT = (
    r"(?:\b(?:i|we|me\s+and\s+(?:my\s+|the\s+)?[a-z]+|(?:my|our)\s+(?:mates|boys|lads|brothers?|friends|mate|"
    r"family|cousins?|pals?)\s+and\s+(?:i|me)|the\s+(?:lads|boys)\s+and\s+(?:i|me)|im|ima|imma)"
    # the plan (PLAN) written once: "I'm", "we're", "I am", "we r" (one copy keeps the RE2 program small)
    r"(?:(?:\s*['’]?(?:m|re)|\s+(?:am|are|r))\s+(?:(?:\w+ly|just|so|now|all)\s+)?" + PLAN + r"|"
    r"\s*['’]?(?:ll|ll\s+personally|d\s+(?:love|like)\s+to)|\s+" + WILL + r"|\s+(?:is|are)\s+gonna|"
    r"['’]ve\s+(?:decided|got|made\s+up\s+(?:my|our)\s+minds?)\s+to|"
    r"\s*['’]d|\s+would)"
    r"|\bill\b|\bima\b|\bimma\b|\bgonna\b|\bwatch\s+(?:me|us)|\b(?:my|our|the)\s+(?:plan|aim|goal|mission|"
    r"intention|dream)\s+(?:is|was|will\s+be)\s+to|"
    r"\b(?:our|my)\s+(?:group|gang|crew|lads|boys|mates|firm|movement)\s+(?:will|is\s+going\s+to|"
    r"are\s+going\s+to|['’]ll|plans?\s+to|are\s+gonna|is\s+gonna)|"
    # no subject, at the start of a clause: "Going to stab the first ... I see", "gonna kill some ..."
    r"(?:^|[.!?;:,\n]\s*)(?:" + GOING_TO_DO + r"|going\s+(?:to|2)|goin\s+(?:to|2)|gunna|about\s+to|off\s+to|"
    r"planning\s+to|want\s+to|wanna|(?:can['’]?t|cant)\s+wait\s+to))"
)
LETS = r"\b(?:let['’]?s|lets|let\s+us)(?:\s+go(?:\s+and)?)?"
CALL = (
    r"\b(?:someone|somebody|some1|people|we|you|u|they|everyone|anyone|the\s+public|residents|locals|lads|"
    r"somebody\s+needs|one\s+of\s+(?:you|us))\s+(?:should|shud|needs?\s+to|ought\s+to|must|has\s+to|"
    r"have\s+to|"
    r"gotta|got\s+to|oughta)"
)
FILL = r"(?:\s+(?:just|really|fucking|bloody|actually|definitely|literally|personally|happily|gladly|"
FILL += r"go\s+and|go|come\s+and|out\s+and|come\s+round\s+and|go\s+round\s+and|"
FILL += r"find\s+" + PRONOUN + r"\s+and|all|finally|"
FILL += r"[a-z]+ly))*"
DOER = r"(?:{AGENT}|{CALL}|{LETS})" + FILL  # who intends or is urged to act
HURT = (
    r"(?:kill|murder|shoot|stab|knife|hang|lynch|strangle|choke|behead|batter|punch|kick|slap|smack|thump|"
    r"deck|glass|hurt|attack|assault|maim|rape|bomb|gas|torch|burn|drown|poison|skin|gut|headbutt|bottle|"
    r"execute|slaughter|butcher|massacre|eliminate|cripple|run\s+over|knock\s+out|hit|set\s+fire\s+to|"
    r"hunt\s+down|blow\s+up|"
    r"firebomb|petrol\s+bomb|string\s+up|throw\s+acid\s+(?:at|on|in)|acid|microwave|shank|stomp|jump|end|"
    r"waste|"
    r"take\s+out|smash|beat|wipe\s+out|exterminate|throttle|suffocate|mow\s+down|break|torture|beat\s+up|"
    r"beat\s+the\s+(?:shit|crap|hell|life)\s+out\s+of|kick\s+the\s+(?:shit|crap|hell)\s+out\s+of|"
    r"(?:choke|squeeze|strangle|kick|stamp)\s+the\s+life\s+out\s+of|cut\s+up|carve\s+up|slice\s+up|chop\s+up|"
    r"bash|bash\s+up|gun\s+down|run\s+down|shoot\s+down|stab\s+up|kneecap|decapitate|dismember|crucify|"
    r"eradicate|annihilate|burn\s+alive|skin\s+alive|bury\s+alive|kil|kiil|kll|murda|murdah|murdur|muder|"
    r"shank|hunt|"
    # "cripple" is also a slur, so the group marker stands where the verb was: "I'll cripple him"
    r"\x{e001})"
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

# The -ing forms, for plans said in the present ("Tomorrow I'm shooting up the mosque", "we are hunting
# down every ..."), and what is done to a victim in the passive ("are going to be gassed").
HURT_ING = (
    r"(?:killing|murdering|shooting|stabbing|knifing|hanging|lynching|strangling|choking|beheading|battering|"
    r"punching|kicking|bashing|hurting|attacking|maiming|raping|bombing|gassing|torching|burning|drowning|"
    r"poisoning|"
    r"executing|slaughtering|butchering|massacring|torturing|exterminating|glassing|shanking|smashing|"
    r"beating|"
    r"hunting\s+down|hunting|running\s+over|running\s+down|wiping\s+out|beating\s+up|gunning\s+down|"
    r"mowing\s+down|"
    r"stringing\s+up|knocking\s+out|cutting\s+up|slitting\s+the\s+throats?\s+of|blowing\s+up|"
    r"setting\s+fire\s+to)"
)
PASSIVE = (
    r"(?:killed|murdered|shot|stabbed|knifed|hanged|hung|lynched|strangled|beheaded|battered|"
    r"beaten(?:\s+up)?|"
    r"bashed|attacked|maimed|raped|bombed|gassed|torched|burn(?:ed|t)(?:\s+alive)?|drowned|poisoned|executed|"
    r"slaughtered|butchered|massacred|tortured|exterminated|glassed|hunted(?:\s+down)?|run\s+over|"
    r"wiped\s+(?:out|off\s+the\s+map|off\s+the\s+face\s+of\s+the\s+earth)|gunned\s+down|mown\s+down|"
    r"mowed\s+down|"
    r"strung\s+up|eradicated|annihilated)"
)
WEAPON = (
    r"(?:knife|knives|gun|guns|machete|machetes|bat|bats|baseball\s+bat|crowbar|blade|shotgun|rifle|pistol|"
    r"axe|"
    r"hatchet|cleaver|hammer|iron\s+bar|sword|crossbow|petrol\s+bomb|acid|bomb|chainsaw)"
)
# Weapons that are also tools count only where nothing says what they are for ("with a hammer fixing the
# shelves").
TOOL = r"(?:hammer|axe|hatchet|cleaver|chainsaw|iron\s+bar)"
ARMED = (
    r"(?:knife|knives|gun|guns|machete|machetes|bat|bats|baseball\s+bat|crowbar|blade|shotgun|rifle|pistol|"
    r"sword|"
    r"crossbow|petrol\s+bomb|acid|bomb)"
)
LETHAL = r"(?:knife|knives|gun|guns|bullet|bullets|machete|rifle|shotgun|pistol|noose|petrol\s+bomb|acid)"
# Said in the present as a plan: "I'm", "we are", "I'll be".
DOING = (
    r"\b(?:i['’]?m|im|i\s+am|we['’]?re|we\s+are|we\s+r|i['’]?ll\s+be|we['’]?ll\s+be|(?:i|we)\s+will\s+be|"
    r"ill\s+be)"
    r"(?:\s+(?:just|off|out|now|definitely|personally|going\s+out|going\s+round|[a-z]+ly))*"
)
# A group or a person as a victim where the verb alone does not say it is violence.
VICTIM_GROUP = (
    r"(?:(?:(?:the\s+next|the\s+first|every|any|all|all\s+the|the|those|these|them|some|each)\s+)?"
    r"(?:[a-z'’-]+\s+){0,2}?{GROUPS}|(?:the\s+next|the\s+first|every|any)\s+(?:[a-z'’-]+\s+){0,2}?{PEOPLE})"
)
VICTIM_G = r"(?:" + VICTIM_GROUP + r"|you|u|him|her|them)"
# Verbs severe enough that "... and <verb> them" is a threat after any plan: "I'm coming round to kick your
# door in and batter you".
CHAIN = (
    r"(?:kill|murder|shoot|stab|knife|batter|strangle|hang|lynch|rape|torch|slaughter|butcher|execute|gas|"
    r"drown|"
    r"poison|behead|bash|glass|maim|torture)"
)
