"""The words and sentence shapes the `hate` detector reads (data, compiled once by hate.py; long
because it is a lexicon, not logic).

Groups follow the Equality Act 2010's protected characteristics (age, disability, gender
reassignment, race — Gypsy, Roma and Traveller people included — religion or belief, sex,
sexual orientation, pregnancy and maternity). Every entry is lower case, as `evidence.fold`
leaves the text; spaces inside a name may be missing ("blackpeople").
"""

from __future__ import annotations

import re

from govern.checks.evidence import NOT_CONTRACTED, Context

_PEOPLE = r"(?:\s*(?:people|p(?:eo|oe|e|o)p(?:le|el)|pepole|ppl|persons|folk|folks|men|women|kids|"
_PEOPLE += r"children|families|youths?|residents|"
_PEOPLE += r"neighbours|communit(?:y|ies)|immigrants|workers|students|guys|girls|boys|lads|community|"
# ... in a role ("trans teachers", "black doctors"), and their lives ("Muslim lives don't matter")
_PEOPLE += r"teachers|doctors|nurses|drivers|colleagues|parents|couples|pupils|employees|tenants|lives|"
_PEOPLE += r"pride))"

# Collective names of groups (plural or "X people"): what claims are made about.
GROUPS = [
    # religion or belief
    r"\bmuslims\b", r"\bmoslems\b", r"\bmuzzies\b", r"\bislam\b", r"\bmuslim" + _PEOPLE, r"\bjews\b",
    r"\bjewish" + _PEOPLE, r"\bjewry\b", r"\bchristians\b", r"\bcatholics\b", r"\bhindus\b", r"\bsikhs\b",
    r"\bbuddhists\b", r"\batheists\b", r"\bhindu" + _PEOPLE, r"\bsikh" + _PEOPLE,
    # sexual orientation, gender reassignment
    r"\bgays\b", r"\bgay" + _PEOPLE, r"\bgay\s+couples\b", r"\blesbians\b", r"\bbisexuals\b",
    r"\bbi(?:sexual)?" + _PEOPLE, r"\bhomosexuals\b", r"\bhomosexual" + _PEOPLE, r"\bqueer" + _PEOPLE,
    r"\blgbt\w*(?:\s*(?:people|folk|community|kids|persons))?", r"\btrans" + _PEOPLE,
    r"\btrans(?:gender)?\s+(?:women|men|people|kids|children|folk|persons|youth)\b", r"\btransgenders?\b",
    r"\btranssexuals\b", r"\bnon[- ]?binary" + _PEOPLE,
    # race, colour, nationality, ethnic origin
    r"\bblacks\b", r"\bblack" + _PEOPLE, r"\bwhite" + _PEOPLE, r"\bbrown" + _PEOPLE, r"\basians\b",
    r"\basian" + _PEOPLE, r"\bchinese(?:" + _PEOPLE + r")?", r"\bindians\b", r"\bpakistanis\b",
    r"\bbangladeshis\b", r"\bafricans\b", r"\barabs\b", r"\bmexicans\b", r"\blatinos\b", r"\blatinas\b",
    r"\bhispanics\b", r"\bpoles\b", r"\bpolish" + _PEOPLE, r"\bromanians\b", r"\bbulgarians\b",
    r"\beastern\s+europeans\b", r"\bsomalis\b", r"\bnigerians\b", r"\bafghans\b", r"\bsyrians\b",
    r"\biraqis\b", r"\bkurds\b", r"\bturks\b", r"\bjamaicans\b", r"\bgypsies\b", r"\bgipsies\b",
    r"\btravellers\b", r"\btravelers\b", r"\btraveller" + _PEOPLE, r"\broma(?:" + _PEOPLE + r")?\b",
    r"\bimmigrants\b",
    r"\bmigrants\b", r"\brefugees\b", r"\basylum\s+seekers\b", r"\bforeigners\b", r"\billegals\b",
    r"\bethnic\s+minorities\b", r"\bpeople\s+of\s+colou?r\b", r"\bnative\s+americans\b",
    r"\baborigines\b", r"\bindigenous" + _PEOPLE,
    # disability
    r"\bdisabled" + _PEOPLE, r"\bthe\s+disabled\b", r"\bpeople\s+with\s+(?:disabilities|a\s+disability|"
    r"autism|down[’'s]*\s+syndrome|learning\s+disabilities|mental\s+(?:illness|health\s+problems))\b",
    r"\b(?:people|everyone|everybody|anyone|anybody|those|someone|somebody|kids|children|adults)\s+with\s+(?:a\s+)?"
    r"(?:(?:mental|physical|learning|intellectual)\s+(?:disabilit(?:y|ies)|illness(?:es)?|handicaps?)|"
    r"disabilit(?:y|ies)|autism|dementia|down[’'s]*\s+syndrome|special\s+needs)\b",
    r"\bwheelchair\s+users\b", r"\bautistic" + _PEOPLE, r"\bautistics\b", r"\bdeaf" + _PEOPLE,
    r"\bblind" + _PEOPLE, r"\bthe\s+(?:deaf|blind|mentally\s+ill|handicapped)\b", r"\bmentally\s+ill"
    + _PEOPLE, r"\bhandicapped" + _PEOPLE, r"\bcripples\b", r"\bretards\b", r"\bspastics\b",
    # sex, pregnancy and maternity, age
    r"\bwomen\b", r"\bgirls\b", r"\bfemales\b", r"\bwomenfolk\b", r"\bpregnant\s+women\b",
    r"\bsingle\s+mothers\b", r"\bnew\s+mums\b", r"\bold" + _PEOPLE, r"\belderly" + _PEOPLE,
    r"\bthe\s+elderly\b", r"\bpensioners\b", r"\boaps\b", r"\bboomers\b",
]

# One person named by the group ("a dirty Muslim", "that Jew"), for the claims that take one.
SINGULAR = [
    r"\bmuslim\b", r"\bjew\b", r"\bimmigrant\b", r"\bmigrant\b", r"\brefugee\b", r"\bforeigner\b",
    r"\bgypsy\b", r"\btraveller\b", r"\bgay\b", r"\blesbian\b", r"\btranny\b", r"\bhomo\b",
    r"\btrans\s+(?:woman|man|person|kid)\b", r"\bblack\s+(?:man|woman|person|kid|guy)\b",
    r"\bdisabled\s+(?:person|man|woman|kid)\b", r"\bcripple\b", r"\bpaki\b", r"\bsikh\b",
    r"\bhindu\b", r"\barab\b", r"\basylum\s+seeker\b", r"\bpole\b", r"\bromanian\b",
    r"\b(?:gay|trans|black|disabled|jewish|muslim|sikh|hindu|asian|deaf|blind|autistic|bisexual|lesbian|"
    r"traveller|roma|polish|elderly|pregnant|transgender|asylum[- ]seeking|immigrant|refugee)\s+"
    r"(?:person|man|woman|guy|kid|child|bloke|lad|girl|lady|boy|family|neighbour|resident|builder|plumber|cleaner|"
    r"driver|doctor|nurse|teacher|landlord|shopkeeper|waiter|colleague|boss|student|pupil|worker)\b",
    r"\bpakistani\b", r"\bbangladeshi\b", r"\bsomali\b", r"\bnigerian\b", r"\bafghan\b", r"\bsyrian\b",
    r"\biraqi\b", r"\bjamaican\b", r"\bbulgarian\b", r"\bpensioner\b",
]

# One person named by the group after "a", "an", "every", "any" ("A gay person is not a real person").
ARTICLED = (
    r"(?:\b(?:a|an|every|any|each|one|another|that|this)\s+{GS}|\b(?:a|an|every|any|each|another)\s+"
    r"(?:woman|girl|female|lady)\b|\b(?:no|not\s+one|not\s+a\s+single)\s+(?:woman|girl|female|lady)\b)"
)

# Emoji that stand for a group (variation selectors and joiners optional).
EMOJI = (
    "(?:\U0001f54e|\U0001f54b|\u2638\ufe0f?|\U0001f549\ufe0f?|\u271d\ufe0f?|\u2626\ufe0f?|\U0001f46c|\U0001f46d|"
    "\U0001f9bd|\U0001f9bc|[\U0001f466-\U0001f469\U0001f9d1\U0001f474\U0001f475][\U0001f3fe\U0001f3ff]|"
    "\U0001f468\u200d\u2764\ufe0f?\u200d\U0001f468|\U0001f469\u200d\u2764\ufe0f?\u200d\U0001f469|\u262a\ufe0f?|\U0001f54c|\U0001f54d|\u2721\ufe0f?|\U0001f3f3\ufe0f?\u200d?\U0001f308|"
    "\U0001f3f3\ufe0f?\u200d?\u26a7\ufe0f?|\u26a7\ufe0f?|\U0001f473[\U0001f3fb-\U0001f3ff]?"
    "(?:\u200d?[\u2640\u2642]\ufe0f?)?|\U0001f9d5[\U0001f3fb-\U0001f3ff]?|\u267f\ufe0f?|"
    "\U0001f468\U0001f3ff|\U0001f469\U0001f3ff|\U0001f9d1\U0001f3ff|\U0001f308)+"
)

# What is said of a group that derogates or dehumanises it.
NEGATIVE = [
    r"scum(?:bags)?", r"trash", r"garbage", r"rubbish", r"filth", r"filthy", r"dirty", r"vermin",
    r"rats?", r"cockroach(?:es)?", r"roaches", r"parasites?", r"leech(?:es)?", r"animals?", r"beasts?",
    r"apes?", r"monkeys?", r"pigs?", r"dogs?", r"swine", r"savages?", r"barbarians?", r"sub[- ]?humans?",
    r"abominations?", r"freaks?", r"perverts?", r"perverted", r"paedo(?:phile)?s?", r"pedo(?:phile)?s?",
    r"nonces?", r"predators?", r"rapists?", r"terrorists?", r"criminals?", r"thieves", r"thugs",
    r"invaders?", r"(?:a\s+)?plague", r"(?:a\s+)?disease", r"diseased", r"(?:a\s+)?cancer",
    r"(?:an\s+)?infestation", r"(?:a\s+)?virus", r"pests?", r"(?:a\s+)?scourge", r"(?:a\s+)?burden",
    r"(?:a\s+)?drain", r"nothing\s+but\s+(?:trouble|a\s+problem|problems)",
    r"(?:a\s+)?blight", r"(?:a\s+)?stain", r"(?:a\s+)?menace", r"(?:a\s+)?threat",
    r"a\s+danger", r"(?:a\s+)?mistake", r"degenerates?", r"degenerate", r"idiots?", r"morons?", r"liar",
    r"retard(?:s|ed)?", r"imbeciles?", r"maggots?", r"worms?", r"snakes?", r"liars", r"scroungers",
    r"spongers", r"freeloaders", r"inferior", r"worthless", r"useless", r"pathetic", r"disgusting",
    r"disgrace(?:ful)?", r"vile", r"repulsive", r"revolting", r"gross", r"smelly", r"stinking", r"stink",
    r"stupid", r"thick", r"dumb", r"brainless", r"discusting", r"disgustin", r"creatures", r"evil",
    r"sick\s+in\s+the\s+head", r"mentally\s+ill",
    r"mental", r"unnatural", r"dangerous", r"violent", r"primitive", r"backwards?", r"uncivili[sz]ed",
    r"ugly", r"lazy", r"greedy", r"(?:a\s+)?waste\s+of\s+(?:space|oxygen|money|air|skin)",
    r"the\s+(?:worst|lowest|shittest|shitest)\s+(?:people|kind|type|scum|of\s+the\s+lot|thing|things|part)",
    r"the\s+(?:root\s+of\s+all\s+evil|enemy|enemy\s+within|biggest\s+(?:problem|threat|danger))",
    r"(?:the\s+)?problem", r"(?:a\s+)?joke", r"sickening",
    r"nasty", r"hideous", r"abnormal", r"deviants?", r"vile", r"wicked", r"second[- ]class",
    r"lesser", r"not\s+(?:even\s+)?human", r"less\s+than\s+human", r"(?:a\s+)?cult", r"(?:a\s+)?pest",
    r"breeders", r"bludgers", r"benefit\s+cheats", r"shit", r"crap", r"useless\s+eaters",
    r"pieces?\s+of\s+(?:shit|crap|garbage|trash|filth|dirt|scum)", r"shit(?:heads?|bags?|stains?)",
    r"scumbags", r"wastes?\s+of\s+(?:space|oxygen|skin)", r"pigsty", r"sewer\s+rats", r"locusts",
    r"twats", r"cunts", r"arseholes", r"assholes", r"wankers", r"pricks", r"bastards", r"bitches",
    r"dickheads", r"scum", r"subhuman", r"subhumans", r"vermin", r"parasites", r"fuckwits",
    r"fuckers", r"motherfuckers", r"shitbags", r"bollocks", r"scrotes",
    r"(?:fucked|messed|screwed)\s+(?:up\s+)?in\s+the\s+head", r"full\s+of\s+(?:shit|crap|shite)",
    r"tossers", r"knobheads", r"bellends", r"shite", r"(?:a\s+)?load\s+of\s+(?:shite|shit|crap|rubbish)",
    r"sluts",
    r"whores", r"slags", r"muppets", r"clowns", r"losers", r"cretins", r"imbeciles", r"halfwits", r"numpties",
    r"insects", r"bugs", r"germs", r"a\s+pox", r"pond\s+life", r"lowlifes?", r"dregs",
    r"vegetables", r"vultures", r"hyenas", r"cattle", r"livestock", r"dead\s*weight",
    r"brood\s+mares", r"breeding\s+machines",
    r"(?:a\s+)?pain\s+in\s+the\s+(?:arse|ass|backside)", r"tight[- ]fisted", r"penny[- ]pinching",
    # character attacks (the neg_attrib kind): "immigrants are dishonest", "Jews are greedy and cunning"
    r"dishonest", r"immoral", r"aggressive", r"ungrateful", r"rude", r"untrustworthy", r"sly",
    r"devious", r"deceitful", r"cunning", r"shifty", r"crooks?", r"crooked", r"cheats?", r"thief",
    r"thieving", r"corrupt", r"twisted", r"deranged", r"feral", r"uneducated", r"ignorant", r"selfish",
    r"money[- ]grabbing", r"grasping", r"a\s+nuisance", r"nuisances?", r"hopeless", r"fanatics",
    r"extremists", r"nutters", r"psychos", r"weirdos", r"unclean", r"unhygienic", r"brutes", r"bullies",
    r"cowards", r"sinful", r"mentally\s+(?:unwell|deranged|disturbed|defective|deficient)",
    r"sick\s+and\s+twisted", r"good\s+for\s+nothing", r"(?:a\s+)?waste\s+of\s+(?:time|effort)",
    # disease and dead weight: "a tumour on this town", "bed-blockers", "a liability"
    r"(?:a\s+)?tumou?rs?", r"(?:an\s+)?infection", r"(?:a\s+)?poison", r"(?:a\s+)?pestilence", r"gangrene",
    r"(?:a\s+)?liability", r"liabilities", r"a\s+drag", r"attention[- ]seekers", r"deceivers",
    r"manipulators",
    r"(?:a\s+)?pain\s+to\s+(?:deal\s+with|be\s+around|work\s+with|live\s+with|live\s+next\s+to)",
    r"(?:barely|not\s+fully|less|half)\s+evolved", r"unevolved",
    r"on\s+the\s+(?:scrounge|make|fiddle|take|rob)",
    r"bed[- ]?blockers", r"dead\s*wood", r"extremists?", r"unfit(?:\s+(?:to|for))?", r"unworthy",
    r"unsuited\s+to", r"(?:science\s+)?experiments?\s+gone\s+wrong", r"(?:mistakes|freaks)\s+of\s+nature",
    r"(?:a\s+)?(?:ticking\s+)?time\s*bomb",
    r"incapable\s+of\s+(?:integrating|thinking|learning|behaving|change|changing|love|loving|honesty|kindness|"
    r"decency|gratitude|compassion|empathy|reason|peace)", r"simians?", r"primates",
    r"chimps", r"chimpanzees", r"gorillas",
    r"baboons", r"orangutans", r"dinosaurs", r"fossils", r"relics",
    r"obsessed\s+with\s+(?:our\s+|the\s+|young\s+|little\s+)?(?:kids|children|boys|girls|sex)",
    r"fanatics?",
    r"[a-z]+[- ]haters?", r"money[- ]?(?:obsessed|grabbing|grubbing|hungry|mad)", r"shit\s*shows?",
    r"worth\s+less\s+than", r"two[- ]faced", r"jackals", r"wolves", r"seagulls", r"pigeons", r"slugs",
    r"zombies", r"(?:human\s+)?waste", r"(?:walking\s+)?mistakes",
    r"more\s+(?:animal|ape|beast|monkey|robot|machine|vegetable|savage)s?\s+than\s+(?:human|person|people|man|woman)s?",
    r"litter", r"(?:mere\s+)?objects", r"possessions", r"breeding\s+stock", r"intolerant", r"cowboys",
    r"alcoholics",
    r"drunks", r"hypocrites",
    r"less\s+than\s+(?:ours|us|nothing|dirt|animals)", r"entitled", r"promiscuous", r"senile", r"hostile",
    r"(?:prone|inclined|predisposed|addicted)\s+to\s+(?:violence|crime|lying|stealing|theft|rape|terrorism|extremism|"
    r"aggression|cheating|fraud)",
]
# Emoji that derogate or dehumanise when said of a group: rats, snakes, pigs, apes, vomit, waste.
NEGATIVE_EMOJI = (
    "(?:[\U0001f400\U0001f401\U0001f40d\U0001f437\U0001f416\U0001f412\U0001f435\U0001f98d"
    "\U0001fab3\U0001f41b\U0001f9a0\U0001f4a9\U0001f5d1\U0001f92e\U0001f922\U0001f415\U0001f436"
    "\U0001f99f\U0001fab1\U0001f41c\u2623\u2620\U0001f9df\U0001f47f\U0001f404\U0001f42e\U0001f417\U0001f9a8"
    "\U0001f40c\U0001f921]\ufe0f?\\s*)+"
)
HATE_VERBS = [r"\bhate\b", r"\bhates\b", r"\bhated\b", r"\bhating\b", r"\bdespise\b", r"\bdespises\b",
              r"\bdetest\b", r"\bdetests\b", r"\bloathe\b", r"\bloathes\b", r"\babhor\b"]
# Adjectives that derogate when put before a group ("filthy immigrants").
NEGATIVE_BEFORE = [
    r"filthy", r"dirty", r"disgusting", r"vile", r"stinking", r"smelly", r"stupid", r"thick", r"dumb",
    r"lazy", r"evil", r"subhuman", r"worthless", r"bloody", r"fucking", r"effing", r"nasty",
    r"scummy", r"parasitic", r"hideous", r"sneaky", r"greedy", r"thieving", r"inbred",
]
# What a group is denied when it is derogated by negation ("women are not equal").
POSITIVE = [
    r"humans?", r"human\s+beings?", r"people", r"persons", r"welcome", r"equals?", r"normal",
    r"real\s+(?:women|men|people|britons|citizens)", r"trustworthy", r"to\s+be\s+trusted",
    # worth something, not "worth less than anyone else" (said to deny a claim)
    r"worth\s+(?:anything|much|it|the\s+\w+|a\s+\w+|something|saving|having|keeping|listening\s+to|our\s+\w+|respect|"
    r"trusting|employing|hiring|helping|living|their\s+\w+)",
    r"worthy", r"trusted", r"intelligent", r"smart", r"clever", r"capable", r"decent", r"civili[sz]ed",
    r"clean",
    r"honest", r"valuable", r"wanted", r"needed", r"good\s+enough", r"\bfit\s+to", r"british", r"english",
    r"one\s+of\s+us", r"part\s+of\s+(?:this|our|the)\s+(?:country|society|community|town|city)",
    r"(?:real|proper|true|genuine|full)\s+(?:members?|part|citizens?|residents?|neighbours?|britons?|brits|"
    r"people|persons?|humans?|men|women|adults)",
    "(?:real|proper|true|genuine|full)\\s+[\ue000\ue001]",  # "real women", with "women" marked
    r"sane", r"right\s+in\s+the\s+head", r"natural", r"any\s+good",
    r"good\s+(?:people|neighbours|for\s+anything|for\s+society|citizens)", r"(?:of\s+)?any\s+use",
    r"loyal", r"compatible", r"our\s+people", r"(?:as\s+)?(?:clever|smart|good)\s+as",
    r"as\s+(?:good|smart|clever|capable|intelligent)", r"welcome\s+here", r"fully\s+human",
]
ADVERBS = [
    r"all", r"just", r"so", r"such", r"really", r"truly", r"literally", r"basically", r"naturally",
    r"inherently", r"genuinely", r"mostly", r"always", r"nothing\s+but", r"nothing\s+more\s+than",
    r"no\s+better\s+than", r"worse\s+than", r"like", r"as", r"an?", r"the", r"bunch\s+of", r"load\s+of",
    r"pack\s+of", r"lot\s+of", r"swarm\s+of", r"horde\s+of", r"herd\s+of", r"nest\s+of", r"plague\s+of",
    r"complete", r"total", r"absolute", r"utter", r"fucking", r"bloody",
    r"little", r"this", r"(?:the\s+)?human\s+equivalent\s+of", r"sexual", r"moral", r"social",
    r"religious", r"stubborn", r"(?:tidal\s+)?wave\s+of", r"flood\s+of", r"tide\s+of", r"stream\s+of",
    r"habitual", r"serial", r"compulsive", r"pathological", r"professional", r"career",
    r"kind\s+of", r"sort\s+of",
    r"that", r"too", r"very",
    r"quite", r"pretty", r"clearly",
    r"obviously", r"simply", r"probably", r"definitely", r"actually", r"still", r"also", r"typical",
    r"thieving", r"scummy", r"smelly", r"stinking", r"sneaky", r"greedy", r"inbred", r"parasitic", r"nasty",
    r"sick", r"twisted", r"perverted", r"dangerous", r"violent", r"ugly", r"fat", r"thick", r"dumb",
    r"delusional", r"deluded", r"confused", r"crazy", r"horrible", r"ignorant", r"primitive", r"backward",
    r"barbaric", r"brainwashed", r"lying", r"cheating", r"scrounging", r"sponging", r"freeloading",
    r"godless",
    r"subhuman", r"pathetic", r"worthless", r"sad", r"mental", r"mad", r"weird", r"creepy",
    r"nothing\s+other\s+than", r"more\s+like", r"born", r"dirty", r"filthy", r"disgusting", r"stupid",
    r"lazy", r"evil", r"vile", r"useless", r"worthless", r"deep\s+down", r"by\s+nature",
    # degree and likelihood: "a bit too greedy", "a potential extremist", "the equivalent of vermin"
    r"a\s+bit(?:\s+too)?", r"a\s+little\s+too", r"far\s+too", r"way\s+too", r"overly", r"potential",
    r"would[- ]be",
    r"(?:parade|gathering|collection|crowd|gang|mob|band|rabble)\s+of", r"wannabe", r"closet", r"secret",
    r"bitter", r"angry", r"jealous", r"the\s+equivalent\s+of",
    r"equivalent\s+to",
    r"akin\s+to", r"comparable\s+to", r"on\s+a\s+par\s+with", r"little\s+better\s+than",
    r"barely\s+better\s+than",
    r"hardly\s+better\s+than", r"not\s+much\s+better\s+than", r"lower\s+than", r"beneath",
]
# A group referred to again in a later clause or sentence ("I met some immigrants. They are vermin.").
PRONOUNS = (
    r"(?:\bthey\b|\bthem\b|\bthese\s+(?:people|ones|types)\b|\bthose\s+(?:people|ones|types)\b|"
    r"\bsuch\s+people\b|\bpeople\s+like\s+(?:them|that|this|those)\b|\btheir\s+(?:kind|sort|type|lot)\b|"
    r"\b(?:that|this|those|these)\s+(?:sort|kind|type|types|sorts)\b|\bthe\s+likes\s+of\s+(?:them|those)\b|\bthat\s+lot\b|"
    r"\bthis\s+lot\b|\b(?:that|this)\s+thing\b|\b(?:those|these)\s+things\b|\bthe\s+lot\s+of\s+them\b|\b(?:every|each)\s+(?:single\s+)?one\s+of\s+them\b|"
    r"\ball\s+of\s+them\b|\bmost\s+of\s+them\b)"
)

# "are" may run into the next word ("Women arescum"); the short forms may not ("r", "is")
_COP = (
    r"(?:\s*(?:are|were)|\s*(?:r|is|was|be|being|seem|seem\s+to\s+be|look|act|become)\b|['’]re|\s*=|"
    r"\s+(?:have|has|need|needs)\s+to\s+be\b)"
)
_MODS = r"(?:\s+{ADV})"
_NEG = r"\s+{NEG}\b"
# The end of what a group is said to lack: "no respect for our laws", "no decency whatsoever"; not "no respect
# from the council's contractors", which says how others treat them.
_HAD_END = (
    r"(?:\s*(?:[.!?,;:]|$)|\s+(?:for|towards|whatsoever|at\s+all|of\s+any\s+kind|and|or|to\s+(?:society|anyone|"
    r"us|the\s+\w+)|in\s+(?:them|their\s+\w+)|left|to\s+(?:run|do|lead|manage|understand|think|make|raise|hold|"
    r"work|look\s+after|vote|teach))\b)"
)
# Harm to a group ("gas the ...", "should be shot"), as lists so misspellings can be added.
KILL = [
    r"kill", r"shoot", r"gas", r"hang", r"lynch", r"exterminate", r"eradicate", r"wipe\s+out", r"slaughter",
    r"massacre", r"murder", r"behead", r"execute", r"stone", r"burn", r"bomb", r"nuke", r"annihilate",
    r"purge",
    r"genocide", r"string\s+up", r"get\s+rid\s+of", r"eliminate", r"sterili[sz]e", r"cull",
    r"beat\s+up", r"torture", r"punch", r"stab", r"strangle", r"batter", r"maim", r"rape", r"set\s+fire\s+to",
    r"run\s+over", r"blow\s+up", r"beat\s+the\s+(?:shit|crap|hell|life)\s+out\s+of", r"smash\s+up", r"knife",
    r"mow\s+down", r"hunt\s+down", r"hunt",
]
KILLED = [
    r"die", r"be\s+killed", r"killed", r"shot", r"hanged", r"hung", r"gassed", r"exterminated",
    r"wiped\s+out",
    r"eradicated", r"put\s+down", r"lynched", r"burned", r"burnt", r"executed", r"murdered", r"slaughtered",
    r"suffer", r"rot", r"burn", r"strung\s+up", r"sterili[sz]ed", r"culled", r"eliminated",
    r"put\s+in\s+(?:camps|ovens|gas\s+chambers)", r"beaten",
]

# Each template is one shape of claim; {G} is a group, {GS} one member, {NEG} a derogation,
# {NEGB} a derogatory adjective, {POS} something denied, {ADV} a filler or intensifier.
TEMPLATES = [
    # "Muslims are disgusting", "women are all just stupid", "immigrants r scum"
    "{G}" + _COP + _MODS + "{0,4}" + _NEG,
    "{G}" + _COP + _MODS + r"{0,4}\s*{NEGE}",
    r"{G}(?:\s+\S+){0,4}?\s*"
    + "(?:[\U0001f92e\U0001f922\U0001f44e\U0001f52b\U0001f4a3\U0001f52a\u26b0]\ufe0f?\\s*)+",
    # one person for the group: "A gay person is not a real person", "Every Jewish person = 🐍"
    r"{GA}" + _COP + _MODS + "{0,4}" + _NEG,
    r"{GA}" + _COP + _MODS + r"{0,4}\s*{NEGE}",
    r"{GA}" + _COP + r"\s+(?:not|never|no\s+longer)(?:\s+\w+){0,2}?\s+{POS}",
    # "They have brought nothing but disease", "they've turned the flats into a pigsty"
    r"{G}(?:['’]ve|\s+have|\s+has)?\s+(?:\w+\s+)?(?:bring|brings|brought|spread|spreads|spreading|carry|carries|"
    r"cause|causes|caused|start|starts|create|creates|make|makes)"
    r"\s+(?:\w+\s+){0,2}?(?:crime|disease|dirt|filth|drugs|trouble|violence|chaos|misery|problems|rats|vermin|"
    r"germs|aids|hiv|the\s+virus|virus|viruses|covid|the\s+pandemic|a\s+pandemic|plague|the\s+plague)\b",
    r"\b(?:crime|trouble|problems|rubbish|litter|drugs|noise|violence|burglar\w*|theft\w*)\s+(?:\w+\s+)?(?:went\s+up|"
    r"started|got\s+worse|increased|rose|began|shot\s+up|doubled|exploded)\s+(?:\w+\s+)?(?:when|since|after|once|"
    r"the\s+day)\s+(?:the\s+|all\s+(?:the\s+|these\s+)?|these\s+|those\s+)?{G}",
    r"\bnothing\s+(?:\w+\s+)?(?:disgusts|sickens|repulses|annoys|angers|infuriates|winds\s+me\s+up|bothers)"
    r"(?:\s+me)?\s+(?:more|as\s+much)\s+(?:than|as)\s+(?:\w+\s+)?{G}",
    r"{G}\s+(?:should|must|need\s+to|ought\s+to|had\s+better|can)\s+(?:\w+\s+)?(?:keep\s+(?:it|themselves)\s+"
    r"(?:behind\s+closed\s+doors|to\s+themselves|private|quiet|hidden|out\s+of\s+sight)|stay\s+in\s+the\s+closet|"
    r"stay\s+(?:at\s+home|indoors|hidden|out\s+of\s+sight|away)|be\s+(?:seen\s+and\s+not\s+heard|kept\s+(?:away|"
    r"apart|separate|out)|hidden\s+away))",
    r"{G}\s*[:=\-]?\s*{NEGE}",
    r"{NEGE}\s*{G}",
    # negated positive and exclusion in other words: "nobody wants them here", "no place for ..."
    r"\b(?:nobody|no\s+one|no\s+body)\s+(?:wants|likes|needs|trusts|asked\s+for|invited)\s+(?:the\s+|any\s+)?{G}",
    r"\bno\s+(?:place|room|home|future|space)\s+(?:for|in\s+\w+\s+for)\s+(?:the\s+|any\s+)?{G}",
    r"\b(?:don['’]?t|do\s+not|never)\s+want\s+(?:any\s+(?:more\s+)?|more\s+|the\s+)?{G}\s+(?:here|living\s+(?:here|near|"
    r"next|on\s+(?:my|our|this)|in\s+(?:my|our|this))|moving\s+(?:in|here)|near\s+(?:me|us|my|our|her|him|your|the|their)|around\s+(?:here|my|our)|in\s+(?:my|our|this)\s+(?:street|"
    r"road|town|area|estate|school|country|neighbourhood|borough)\s*(?:[.!?,]|$))",
    r"\b(?:we|i)\s+(?:don['’]?t|do\s+not)\s+want\s+(?:your|their)\s+(?:kind|sort|lot|type)",
    r"{G}\s+(?:contribute|add|give|bring|offer|do)\s+nothing\b",
    r"{G}\s+(?:have|has)\s+never\s+(?:once\s+|ever\s+)?(?:contributed|done|given|added)\s+anything",
    # ... said of the group as a whole: "have nothing to offer the landlord" says what they cannot pay
    r"{G}\s+(?:have|has)\s+nothing\s+(?:(?:to\s+(?:offer|contribute|give|add))(?:\s*(?:[.!?,;]|$)|\s+(?:to\s+(?:us|society|"
    r"anyone|this\s+\w+)|(?:this|our|the)\s+(?:country|town|city|area|community|society|world|borough|nation)|whatsoever|"
    r"at\s+all|but)\b)|of\s+value|worth\s+\w+)",
    r"{G}\s+(?:all\s+)?(?:lack|lacks)\s+(?:the\s+|any\s+|basic\s+)?(?:brains?|intelligence|ability|capacity|morals|decency|"
    r"humanity|common\s+sense|manners|self[- ]control|hygiene)\b",
    r"{G}\s+(?:are|is)\s+(?:completely\s+|totally\s+|just\s+)?(?:incapable\s+of|too\s+(?:stupid|thick|dumb|primitive|"
    r"lazy|backward)\s+to)\s+(?:think|thinking|look|looking|run|running|do|doing|raise|raising|learn|learning|behave|"
    r"behaving|work|working|understand|understanding|integrate|integrating|control|controlling)\b",
    r"{G}\s+(?:are|is|r)\s+(?:of\s+)?no\s+(?:use|good|value|benefit)\b",
    r"\b(?:i['’]?d|i\s+would|would|i\s+will|i['’]?ll)\s+never\s+(?:hire|employ|rent\s+to|let\s+to|date|trust|vote\s+for|"
    r"sit\s+next\s+to|work\s+with|live\s+next\s+to|serve|marry)\s+(?:a\s+|an\s+|any\s+)?(?:{G}|{GS})",
    r"{G}\s+should\s+never\s+have\s+been\s+(?:let\s+in|allowed\s+(?:in|here|to\s+\w+)|given\s+\w+)",
    r"{G}(?:['’]ll|['’]d|\s+\w+)?\s+(?:\w+\s+)?(?:ruin|ruins|wreck|wrecks|destroy|destroys|spoil|spoils)\s+(?:everything|it|"
    r"this\s+\w+|our\s+\w+|the\s+(?:whole\s+)?\w+|every\s+\w+|any\s+\w+|all\s+\w+)",
    r"{G}(?:['’]ll|\s+will|\s+would)\s+(?:nick|steal|rob|take)\s+(?:anything|everything)",
    r"\bcan['’]?t\s+stand\s+(?:the\s+sight\s+of|being\s+(?:near|around))\s+{G}",
    # implicit: "typical Travellers", "nothing against gay people, but", "fine as long as"
    r"\btypical\s+(?:of\s+)?(?:the\s+)?{G}",
    r"\btrust\s+(?:the\s+)?{G}\s+to\s+(?:ruin|wreck|spoil|mess|cause|start|make|bring)",
    r"\bnothing\s+against\s+(?:the\s+)?{G}\s*,?\s+but\b",
    r"{G}\s+(?:are|is)\s+(?:fine|ok|okay|alright|tolerable)\s+(?:as\s+long\s+as|so\s+long\s+as|until|provided|when\s+they)",
    r"\b(?:never|didn['’]?t)\s+(?:had|have)\s+(?:this|these|any)\s+(?:problem|problems|trouble|issues)\s+(?:\w+\s+)?"
    r"(?:before|until)\s+(?:the\s+)?{G}",
    r"{G}\s*[?:!,\-–—]+\s*(?:just\s+|all\s+|total\s+|utter\s+|absolute\s+|filthy\s+|dirty\s+|fucking\s+|"
    r"bloody\s+|effing\s+)?{NEG}\b",
    # hate said with swearing: "fuck women", "Muslims can go fuck themselves", "what a bunch of cunts ... are"
    r"\b(?:fuck|screw|sod|damn|goddamn|god\s+damn|to\s+hell\s+with|bugger)\s+(?:off\s+)?(?:all\s+|the\s+|these\s+|"
    r"those\s+|you\s+)?{G}",
    r"{G}[\s,?!]+(?:can\s+|should\s+|need\s+to\s+|must\s+|just\s+|all\s+)*(?:go\s+)?(?:fuck|screw)\s+(?:themselves|"
    r"yourselves|off|the\s+lot\s+of\s+(?:you|them)|you\s+all)",
    r"{G}[\s,]+(?:fuck|screw|sod|damn)\s+(?:the\s+lot\s+of\s+|all\s+of\s+)?(?:you|them|ya|yas|youse)\b",
    r"{G}\s+(?:can|should|need\s+to|must)\s+(?:all\s+)?(?:just\s+)?(?:kiss\s+my\s+(?:arse|ass)|go\s+to\s+hell|get\s+fucked|"
    r"do\s+one|sod\s+off|bugger\s+off|piss\s+off|fuck\s+off|go\s+fuck\s+themselves|rot\s+in\s+hell|eat\s+shit)",
    r"\bwhat\s+(?:a|an)\s+(?:bunch|load|pack|lot|shower|set)\s+of\s+(?:\w+\s+){0,2}?{NEG}\s+(?:{G}|{GS})",
    r"\bwhat\s+(?:(?:a|an)\s+)?(?:\w+\s+){0,2}?{NEG}\s+(?:{G}|{GS})\s+(?:are|is)\b",
    r"{G}\s+(?:deserve|deserves|get|should\s+get)\s+nothing\s+(?:but|except|other\s+than)\s+(?:a\s+)?(?:{NEG}|contempt|"
    r"hate|hatred|scorn|abuse|kicking|beating|pain|misery|death|suffering)\b",
    # tropes: "Jewish people control the council", "women should know their place"
    r"{G}\s+(?:secretly\s+)?(?:control|controls|run|runs|own|owns)\s+(?:the\s+|this\s+|our\s+|all\s+the\s+)?"
    r"(?:council|media|banks|government|world|country|town|everything|money|press|police)\b",
    r"{G}\s+(?:should|need\s+to|must|ought\s+to|had\s+better)\s+(?:\w+\s+)?(?:know\s+their\s+place|stay\s+in\s+their\s+"
    r"lane|be\s+(?:grateful|thankful|quiet|silent|seen\s+and\s+not\s+heard)|shut\s+up|get\s+back\s+(?:in|to)\s+the\s+kitchen)",
    r"\b(?:can['’]?t|cannot|never|don['’]?t|shouldn['’]?t|wouldn['’]?t)\s+(?:ever\s+)?trust\s+(?:a|an|any|the|those|these|"
    r"(?:a\s+single|any|one)\s+(?:one\s+)?of\s+(?:the|those|these))?\s*(?:{G}|{GS})",
    r"{G}\s+(?:always\s+|just\s+)?(?:leave|leaves|left)\s+(?:a\s+|their\s+)?(?:mess|rubbish|trouble|filth|dirt|chaos)",
    r"{G}\s+(?:\w+\s+){0,6}?(?:and|then)\s+(?:\w+\s+)?(?:ruined|wrecked|destroyed|trashed|spoiled|spoilt)\s+"
    r"(?:it|everything|the\s+\w+|this\s+\w+|our\s+\w+)",
    r"\bwhy\s+(?:can['’]?t|don['’]?t|won['’]?t|doesn['’]?t)\s+(?:all\s+)?(?:the\s+)?{G}\s+(?:just\s+)?(?:go\s+(?:away|back|"
    r"home)|leave|disappear|fuck\s+off|piss\s+off|get\s+out|stay\s+away)",
    r"\b(?:how\s+(?:can|could|do)\s+(?:anyone|you|people|we)|who\s+(?:can|could|would\s+want\s+to))\s+(?:stand|bear|"
    r"tolerate|live\s+(?:near|with|next\s+to))\s+(?:living\s+(?:near|with|next\s+to)\s+)?(?:the\s+)?{G}",
    r"{G}(?:['’]ve|\s+have|\s+has)?\s+(?:\w+\s+)?(?:turned|turn|turning|made|make|making)\s+(?:\w+\s+){0,3}?"
    r"(?:into\s+)?(?:a\s+|an\s+)?(?:pigsty|slum|dump|tip|ghetto|shithole|cesspit|cesspool|hellhole|zoo|caliphate|"
    r"islamic\s+(?:state|republic)|third[- ]world\s+\w+|"
    r"no[- ]go\s+area)",
    # "Nothing makes my blood boil like seeing immigrants", "gay people make my skin crawl"
    r"{G}\s+(?:\w+\s+)?(?:make|makes|made)\s+my\s+(?:blood\s+boil|skin\s+crawl|stomach\s+(?:turn|churn)|"
    r"flesh\s+creep)",
    r"(?:blood\s+boil|skin\s+crawl|stomach\s+(?:turn|churn)|flesh\s+creep)\w*\s+(?:\w+\s+){0,4}?{G}",
    # implicit: "better off without Muslims", "lovely before Travellers arrived", "nothing good about"
    r"\bbetter\s+(?:off\s+|place\s+|town\s+|country\s+|world\s+|street\s+|area\s+)?(?:without|with\s+no|with\s+fewer|once\s+we\s+get\s+rid\s+of)\s+(?:any\s+|the\s+|all\s+|"
    r"these\s+|those\s+)?{G}",
    r"\bbetter\s+(?:off\s+)?(?:if|when|once)\s+(?:all\s+)?(?:the\s+)?{G}\s+(?:were|was|are|got|had)\s+(?:all\s+)?"
    r"(?:just\s+)?(?:wiped\s+out|exterminated|gone|dead|eradicated|gassed|deported|removed|killed|shot|sent\s+back|"
    r"banned|locked\s+up|disappeared|left)",
    r"\b(?:was|were|used\s+to\s+be)\s+(?:\w+\s+)?(?:lovely|nice|fine|safe|decent|clean|quiet|great|better|good|"
    r"peaceful|pleasant)\s+(?:until|before|till|til)\s+(?:the\s+|all\s+(?:the\s+)?|these\s+|those\s+)?{G}\s+"
    r"(?:arrived|came|moved|turned\s+up|showed\s+up|took\s+over|got\s+here|started|appeared|invaded)",
    r"\bnothing\s+(?:good|positive|nice|decent|worthwhile|redeeming|human|normal|natural|likeable|british)\s+"
    r"(?:about|in)\s+(?:the\s+|any\s+)?{G}",
    r"{G}\s+(?:should|must|need\s+to|ought\s+to|can)\s+(?:just\s+)?(?:stick|stay)\s+(?:to|with|among)\s+"
    r"(?:their|there)\s+own",
    r"\b(?:wish|hope)\s+(?:all\s+)?(?:the\s+)?{G}(?:['’]d|\s+would|\s+will|\s+could)?\s+(?:all\s+)?(?:just\s+)?"
    r"(?:disappear|vanish|go\s+away|leave|die|drop\s+dead|get\s+out|fuck\s+off|piss\s+off|move\s+away)",
    # "women so stupid", "gays = disease"
    "{G}" + _MODS + "{1,4}" + _NEG,
    # "Why are women so stupid?", "Aren't Muslims just terrorists?"
    r"\b(?:are|aren['’]?t|arent|is|isn['’]?t)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+)?{G}" + _MODS + "{0,4}"
    + _NEG,
    # "I hate gay people", "can't stand immigrants", "immigrants disgust me"
    r"\b(?:i|we)?\s*(?:{HATE}|can['’]?t\s+stand|"
    r"cannot\s+stand|can['’]?t\s+bear|sick\s+to\s+death\s+of)\s+(?:all\s+|the\s+|these\s+|those\s+|bloody\s+|"
    r"fucking\s+|them\s+)*{G}",
    r"{G}\s+(?:disgust|disgusts|sicken|sickens|repulse|repulses|revolt|revolts|nauseate)\s+me\b",
    r"{G}\s+make\s+me\s+(?:fucking\s+|bloody\s+|so\s+|really\s+|physically\s+)?(?:sick|ill|puke|vomit|want\s+to\s+(?:puke|vomit|throw\s+up|be\s+sick))",
    # "filthy immigrants", "dirty Muslim", "disgusting trans people"
    r"\b{NEGB}\s+(?:(?:old|little|young|lazy|filthy|dirty|stupid|fat|ugly|bloody|fucking|stinking)\s+)?"
    r"(?:{G}|{GS})",
    r"{G}\s+(?:all\s+|always\s+|just\s+|really\s+)*(?:stink|smell|reek)\b",
    # negated positive: "women are not equal", "trans women will never be real women"
    "{G}" + _COP + r"\s+(?:not|never|no\s+longer|nowhere\s+near|in\s+no\s+way|hardly)(?:\s+\w+){0,2}?"
    r"\s+{POS}",
    r"{G}(?:\s+(?:just|simply|really|still|all))?\s+(?:aren['’]?t|arent|isn['’]?t|can['’]?t\s+be|cannot\s+be|"
    r"(?:will|can|could|would|shall)\s+never\s+(?:truly\s+|really\s+|fully\s+|properly\s+)?be|won['’]?t\s+ever\s+be|"
    r"are\s+never|never\s+will\s+be|"
    r"(?:are|is)\s+(?:never|not)\s+going\s+to\s+be|(?:are|is)\s+(?:never|not)\s+gonna\s+be|"
    r"(?:are|is)\s+(?:not\s+|in)capable\s+of\s+being|(?:are|is)\s+not\s+fit\s+to\s+be)(?:\s+\w+){0,2}?\s+{POS}",
    # "no Muslim can be trusted", "not a single immigrant is welcome", "none of them are human"
    r"\b(?:no\s+|not\s+(?:a|one)\s+(?:single\s+)?|none\s+of\s+(?:the\s+)?)(?:{G}|{GS}|woman|girl|female|lady)"
    r"(?:\s+(?:here|round\s+here|i\s+know|in\s+(?:this|our|my)\s+\w+|on\s+(?:this|our|my)\s+\w+))?\s+(?:can|could|should|"
    r"will|is|are|was|were|ever)\s+(?:ever\s+|really\s+|truly\s+)?(?:be\s+)?(?:trusted|trustworthy|to\s+be\s+trusted|"
    r"welcome|human|equal|worth\s+\w+|worthy|civili[sz]ed|decent|honest|normal|intelligent|clever|smart|"
    r"(?:real|proper|true)\s+\w+|good\s+(?:people|neighbours|for\s+anything)|any\s+good|fit\s+to|one\s+of\s+us)\b",
    # "Muslims only know violence", "they can't behave like humans", "why can't Jews ever act like people?"
    r"{G}\s+(?:only|just)\s+(?:know|understand|respect|respond\s+to|speak\s+the\s+language\s+of)\s+(?:\w+\s+)?"
    r"(?:violence|force|the\s+(?:whip|stick|boot|fist)|brute\s+force|hate|hatred|crime|terror|fear)",
    r"{G}\s+(?:\w+\s+)?(?:can['’]?t|cannot|never|don['’]?t|do\s+not|won['’]?t|are\s+(?:not\s+|in)capable\s+of|"
    r"aren['’]?t\s+capable\s+of|are\s+unable\s+to|don['’]?t\s+know\s+how\s+to)\s+(?:ever\s+|even\s+)?(?:behave|behaving|"
    r"act|acting|live|living|think|thinking)\s+(?:\w+\s+)?(?:like|as)\s+(?:\w+\s+)?(?:humans|people|human\s+beings|"
    r"the\s+rest\s+of\s+us|adults|grown\s+ups|normal\s+\w+|civili[sz]ed\s+\w+|decent\s+\w+)",
    r"\bwhy\s+(?:can['’]?t|don['’]?t|won['’]?t|do|are)\s+(?:the\s+|these\s+|those\s+)?{G}\s+(?:ever\s+|just\s+)?"
    r"(?:behave|act|live)\s+like\s+(?:animals|savages|pigs|rats|vermin|apes|beasts|barbarians|humans|human\s+beings|"
    r"(?:normal|decent|civili[sz]ed|proper)\s+(?:people|humans|human\s+beings|folk)|the\s+rest\s+of\s+us)",
    r"{G}\s+(?:have|has|deserve)\s+no\s+(?:place|right|rights|business|brains?|morals|culture|value|worth|"
    r"future)",
    # ... but respect or dignity "from the contractors" is how others treat them
    r"{G}\s+(?:have|has|deserve)\s+no\s+(?:respect|dignity)" + _HAD_END,
    r"{G}\s+(?:can['’]?t|cannot|shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not)\s+be\s+(?:trusted|allowed|"
    r"employed|let\s+in|tolerated|accepted|taken\s+seriously)",
    r"{G}\s+(?:don['’]?t|do\s+not|doesn['’]?t)\s+(?:belong|count|matter|fit\s+in)\b",
    r"{G}\s+(?:don['’]?t|do\s+not|doesn['’]?t)\s+deserve\s+(?:respect|rights|to\s+(?:live|exist|be\s+here|vote|work)|"
    r"equal\s+\w+|anything|any\s+\w+|a\s+(?:home|job|place|say|voice)|help|housing|sympathy|dignity|"
    r"the\s+same\s+(?:respect|rights|treatment|chances)|"
    r"to\s+be\s+treated\s+(?:equally|fairly|as\s+equals)|to\s+be\s+(?:called|seen\s+as|recognised\s+as)\s+(?:\w+|"
    "[\ue000\ue001]))",
    r"{G}\s+(?:shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not|can['’]?t|cannot)\s+(?:be\s+allowed\s+to\s+)?"
    r"(?:vote|work|teach|marry|adopt|have\s+(?:kids|children|rights|jobs|a\s+say|the\s+vote|a\s+vote|a\s+voice|any\s+rights|"
    r"equal\s+rights|the\s+right\s+to\s+\w+)|live\s+(?:here|near)|exist|"
    r"breed|hold\s+office|drive|be\s+(?:teachers|doctors|nurses|parents|leaders|in\s+charge|here|near|"
    r"around\s+children|trusted))",
    r"\b(?:don['’]?t|do\s+not|never)\s+(?:think|believe)\s+{G}\s+(?:should|deserve|are|can|ought)\s+(?:to\s+)?"
    r"(?:be\s+)?(?:allowed|trusted|equal|human|welcome|have\s+(?:the\s+same\s+|equal\s+|any\s+)?(?:rights|a\s+say)|"
    r"vote|work|live\s+here|a\s+(?:vote|say|voice|home|job|chance|place)|any\s+(?:rights|say|help)|{POS})",
    # exclusion: "send them back", "no more Muslims", "immigrants out", "keep gypsies out"
    r"\b(?:send|deport|kick|throw|ship|chuck|boot|drive|force|run|get)\s+(?:all\s+)?(?:the\s+|these\s+|"
    r"those\s+|every\s+|em\s+)?(?:{G}|them)\s+(?:all\s+)?(?:back|out|home|away|off)\b",
    r"{G}\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to|can)\s+(?:all\s+)?(?:just\s+)?"
    r"(?:go\s+(?:back|home)|get\s+out|leave|fuck\s+off|piss\s+off|be\s+(?:deported|sent\s+(?:back|home)|"
    r"banned|kicked\s+out|removed|thrown\s+out|locked\s+up|segregated|sterili[sz]ed|interned|rounded\s+up|"
    r"put\s+in\s+camps|kept\s+out|expelled))",
    r"\b(?:ban|no\s+more|stop\s+letting\s+in|get\s+rid\s+of|rid\s+(?:\w+\s+){0,2}of|deport|expel|round\s+up|"
    r"keep\s+out)\s+(?:all\s+)?(?:the\s+|these\s+|those\s+|any\s+more\s+|more\s+)?{G}",
    r"\bkeep\s+(?:the\s+|all\s+)?{G}\s+(?:out|away)\b",
    r"{G}\s+(?:out|go\s+home|not\s+welcome|get\s+out|fuck\s+off|piss\s+off)\b",
    r"{G}\s+(?:don['’]?t|do\s+not|doesn['’]?t)\s+belong\b",
    r"\bgo\s+back\s+(?:to\s+)?(?:where\s+(?:you|they)\s+(?:came|come)\s+from|(?:to\s+)?(?:your|their)\s+"
    r"(?:own\s+)?(?:country|countries))",
    # dehumanisation: "they breed like rats", "a plague of refugees", "immigrants are swarming in"
    r"{G}\s+(?:breed|multiply|spread|swarm|live|reproduce)\s+like\s+(?:\w+\s+)?(?:rats|rabbits|"
    r"cockroaches|animals|vermin|flies|insects|a\s+disease|a\s+virus|the\s+plague|pigs|dogs)",
    r"{G}(?:\s+are)?\s+(?:swarming|infesting|invading|overrunning|polluting|ruining|invade|infiltrate|colonise|colonize|"
    r"destroying|breeding|outbreeding)\b",
    # taking over a place, not a task ("taking over the running of the food bank this week")
    r"{G}(?:\s+are)?\s+taking\s+over(?:\s+(?:our|this|the|my|every)\s+(?:country|town|city|area|street|high\s+street|"
    r"estate|schools?|council|world|neighbourhood|borough|village|nhs|jobs|houses|homes|street)\b|\s+everything\b|"
    r"\s*(?:[.!?]|$))",
    r"\b(?:swarms?|hordes?|plague|infestation|invasion|vermin|scourge)\s+of\s+(?:\w+\s+)?{G}",
    # threats against a group: "gas the Jews", "gay people should be shot", "death to Muslims"
    r"\b{KILL}\s+(?:all\s+|every\s+|the\s+|these\s+|those\s+|more\s+|some\s+|them\s+|of\s+the\s+)*"
    r"(?:\w+\s+)?{G}",
    r"{G}\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|deserves\s+to|"
    r"have\s+to|all\s+need\s+to)\s+(?:all\s+)?(?:be\s+)?{KILLED}\b",
    # "will" predicts as often as it threatens ("disabled people will suffer if these cuts go ahead"):
    # only being killed by someone counts
    r"{G}\s+(?:will|are\s+going\s+to|are\s+gonna)\s+(?:all\s+)?be\s+(?:killed|shot|hanged|hung|gassed|exterminated|"
    r"wiped\s+out|eradicated|put\s+down|lynched|burned|burnt|executed|murdered|slaughtered|strung\s+up|culled|"
    r"eliminated|beaten|stabbed|butchered)\s*(?:[.!,;]|$|\s+(?:if|when|once|soon|one\s+day|like|for\s+this))",
    r"\bdeath\s+to\s+(?:all\s+)?(?:the\s+)?{G}",
    r"\b(?:hope|wish)\s+(?:all\s+)?(?:the\s+)?{G}\s+(?:die|dies|get\s+(?:killed|shot|cancer|raped)|rot|burn|"
    r"suffer)",
    r"\bthe\s+only\s+good\s+(?:{GS}|{G})\s+(?:is|are)\s+(?:a\s+)?dead",
    r"{G}\s+(?:belong|belongs|should\s+be|need\s+to\s+be|ought\s+to\s+be|should\s+(?:all\s+)?be\s+(?:kept|locked\s+up|put))"
    r"\s+(?:back\s+)?in\s+(?:a\s+|an\s+|the\s+)?(?:camps?|gas\s+chambers|ovens|cages?|zoos?|ground|kitchen|asylums?|"
    r"institutions?|bin|sea|jungle|trees|gutter|sewers?|dark\s+ages|stone\s+age|stables?|kennels?|pens?|"
    r"ghettos?|prisons?|jails?|mental\s+homes?|loony\s+bins?|madhouses?)\b",
]

# A group in the possessive, and what it owns that is belittled ("a woman's opinion", "trans people's
# feelings", "their lives"): the claim is about the people.
POSSESSIVE = (
    r"(?:(?:{G}|{GA}|{GS})['’]s?|\btheir)\s+(?:\w+\s+)?(?:opinions?|views?|words?|lives|life|ideas?|feelings?|votes?|"
    r"voices?|say|rights|brains?|beliefs?|kids|children|babies|work|jobs?|contributions?|needs|pain|suffering|safety|"
    r"health|existence|input|testimony|complaints?|experiences?|thoughts|judge?ments?|decisions?|intelligence)\b"
)
_NOTHING = r"(?:absolutely\s+)?(?:nothing|nowt|zero|fuck\s+all|sod\s+all|jack|jack\s+shit|very\s+little)"
_SKIP = r"(?:\s+\S+){0,5}?"
# What a group is denied after "no", "not one", "none of" ("No woman is fit to run", "not a single
# ... deserves respect"): narrower than POSITIVE, as "no refugee is safe here" is sympathy.
_DENIED = (
    r"(?:trusted|trustworthy|to\s+be\s+trusted|welcome|human|equal|worth\s+\w+|worthy|civili[sz]ed|decent|honest|"
    r"normal|intelligent|clever|smart|good\s+enough|fit\s+to\s+\w+|(?:real|proper|true)\s+\w+|one\s+of\s+us|"
    r"british|english|any\s+good|good\s+for\s+anything|in\s+charge|respected|respect|rights|listened\s+to|"
    r"(?:our|any|the\s+same)\s+(?:respect|trust|rights|sympathy)|"
    r"called\s+\w+|a\s+(?:home|house|job|place|say|voice|chance|vote)(?:\s+(?:here|in\s+(?:this|our|my)\s+\w+))?"
    r"\s*(?:[.!?,;]|$)|to\s+be\s+(?:here|trusted|respected|in\s+charge|treated\s+(?:equally|fairly|as\s+equals))|"
    r"to\s+live\s+(?:here|among\s+us)|to\s+(?:vote|exist|work|stay))"
)
_NO_ONE = (
    r"\b(?:no\s+|not\s+(?:even\s+)?(?:a|one)\s+(?:single\s+)?|not\s+(?:a\s+single|one)\s+(?:one\s+)?of\s+"
    r"(?:the\s+|those\s+|these\s+)?|"
    r"none\s+of\s+(?:the\s+|those\s+|these\s+)?)"
)
_GOOD = (
    r"(?:honest|decent|good|nice|clean|clever|smart|intelligent|trustworthy|hard[- ]working|law[- ]abiding|"
    r"normal|sane|polite|useful|respectable|competent|capable)"
)
# More shapes, written later and longer: kept out of TEMPLATES, whose spaces may all be missing, as
# optional spaces around their many free words would make one RE2 program too large to run fast.
MORE_TEMPLATES = [
    # what a group is said to lack: "asylum seekers lack any respect for our laws", "have zero decency"
    r"{G}\s+(?:all\s+|just\s+|simply\s+)?(?:lack|lacks|lacking|have\s+(?:no|zero)|has\s+(?:no|zero)|are\s+devoid\s+of|"
    r"(?:don['’]?t|do\s+not|doesn['’]?t)\s+have\s+(?:the|any|enough)|"
    r"(?:have|has)\s+not\s+(?:got\s+)?(?:a|an|one)\s+(?:shred|ounce|scrap|bit|grain)\s+of|"
    r"(?:have|has)\s+never\s+(?:once\s+)?had\s+(?:a|an|one|any)\s+(?:shred\s+of|ounce\s+of|scrap\s+of|bit\s+of)?|(?:haven['’]?t|hasn['’]?t)\s+(?:got\s+)?"
    r"(?:a|an|one|any)\s+(?:shred\s+of\s+|ounce\s+of\s+|scrap\s+of\s+)?)\s+(?:any\s+|all\s+|basic\s+|the\s+|a\s+|"
    r"common\s+|human\s+)?(?:sense\s+of\s+)?(?:respect|worth|value|decency|morals|morality|shame|empathy|loyalty|honou?r|"
    r"honesty|integrity|intelligence|brains?|manners|hygiene|class|humanity|conscience|compassion|common\s+sense|"
    r"self[- ]control|gratitude|civility|restraint|discipline|talent|values|usefulness)" + _HAD_END,
    # "Gypsies can't be anything but thieves", "they will never be more than parasites"
    r"{G}\s+(?:can['’]?t|cannot|could\s+never|will\s+never|won['’]?t\s+ever|are\s+never|will\s+always\s+be)\s+(?:be\s+)?"
    r"(?:anything|nothing)\s+(?:but|other\s+than|more\s+than|except|else\s+than)" + _MODS + "{0,3}" + _NEG,
    # "I can't think of a single good thing about Muslims"
    r"\b(?:can['’]?t|cannot|couldn['’]?t|could\s+not)\s+(?:even\s+)?(?:think\s+of|name|find|come\s+up\s+with)\s+(?:a|one)\s+"
    r"(?:single\s+)?(?:good|positive|nice|decent|redeeming|kind|useful)\s+(?:thing|quality|trait|word|point)\s+(?:about|"
    r"to\s+say\s+about)\s+(?:the\s+|any\s+)?(?:{G}|{GS})",
    # "a woman's place is not in the council chamber", "women's place is in the kitchen"
    r"(?:{G}|{GA}|{GS}|\b(?:a|the)\s+woman|\bwomen)['’]?s?\s+place\s+is\s+(?:not\s+(?:in|on|at|here)|in\s+the\s+"
    r"(?:home|kitchen|bedroom)|at\s+home|behind\s+the\s+sink)",
    # a preference against a group: "I'd sooner live next to a tip than next to Muslims"
    r"\b(?:i['’]?d|i\s+would|we['’]?d|we\s+would)\s+(?:much\s+|far\s+)?(?:sooner|rather|prefer\s+to)\s+(?:\S+\s+){1,8}?"
    r"than\s+(?:\w+\s+){0,3}?(?:next\s+to\s+|near\s+|with\s+|beside\s+|alongside\s+|among\s+)?(?:a\s+|an\s+|the\s+|any\s+|"
    r"some\s+)?(?:{G}|{GS})\s*(?:[.!?,;]|$|\s+(?:neighbours?|next\s+door|as\s+neighbours?))",
    # "hiring a woman is asking for trouble"
    r"\b(?:hiring|employing|electing|appointing|promoting|trusting|dating|marrying|letting\s+in|voting\s+for)\s+"
    r"(?:a|an|any|the|more)?\s*(?:{G}|{GS}|woman|women)\s+(?:is|was|would\s+be|=)\s+(?:just\s+|always\s+|only\s+|basically\s+)?"
    r"(?:asking\s+for\s+trouble|a\s+(?:big\s+|huge\s+|terrible\s+)?mistake|a\s+risk|a\s+liability|a\s+disaster|madness|"
    r"a\s+waste\s+of\s+\w+|pointless|a\s+joke|suicide|dangerous)",
    # pathologised: "trans people need therapy, not rights", "gay people need curing"
    r"{G}\s+(?:all\s+)?(?:just\s+)?(?:need|needs|should\s+get|should\s+be\s+given)\s+(?:curing|fixing|sectioning|"
    r"conversion\s+therapy|their\s+heads\s+(?:examined|tested|testing|looking\s+at)|locking\s+up|putting\s+down|"
    r"to\s+be\s+(?:cured|fixed|sectioned|locked\s+up|put\s+down|sterili[sz]ed|medicated)|"
    r"(?:therapy|treatment|medication|a\s+psychiatrist|help)\s*,?\s+not\s+(?:rights|equality|respect|acceptance|pride|"
    r"a\s+(?:flag|parade|say|vote)|protection|the\s+vote))",
    # "immigrants only come here for the handouts"
    r"{G}\s+(?:only\s+|just\s+|all\s+)*(?:come|came|coming|are\s+(?:only\s+|just\s+)?(?:here|coming))\s+(?:here\s+|over\s+"
    r"(?:here\s+)?)?(?:for|to\s+(?:get|claim|grab|take|milk|sponge|scrounge|live\s+off))\s+(?:the\s+|our\s+|free\s+)?"
    r"(?:handouts|benefits|freebies|free\s+\w+|money|nhs|council\s+houses|houses|housing|welfare|our\s+\w+|the\s+system)",
    # replacement tropes: "Muslims breed to outnumber us"
    r"{G}\s+(?:\w+\s+){0,4}?(?:outnumber|outbreed|out-breed|replace|take\s+over\s+from)\s+(?:us|the\s+(?:british|english|"
    r"natives|locals|white\s+\w+))\b",
    # "Jews only care about money"
    r"{G}\s+(?:only|just)\s+(?:care|cares|think|thinks)\s+about\s+(?:money|themselves|their\s+own|sex|getting\s+\w+|"
    r"benefits|handouts)\b",
    r"{G}\s+(?:are|is)\s+only\s+(?:interested\s+in|in\s+it\s+for)\s+(?:the\s+)?(?:money|themselves|benefits|handouts)\b",
    # ageism: "old people have had their turn", "they should make way"
    r"{G}\s+(?:have|has|['’]ve)\s+(?:all\s+)?had\s+(?:their|its)\s+(?:turn|day|time|innings)\b",
    r"{G}\s+(?:should|need\s+to|ought\s+to|must)\s+(?:just\s+)?(?:make\s+way|die\s+off|hurry\s+up\s+and\s+die|"
    r"get\s+out\s+of\s+the\s+way|step\s+aside\s+and\s+die)",
    # avoidance: "I'd pull my kids out of any school with trans teachers"
    r"\b(?:i['’]?d|i\s+would|i['’]?ll|i\s+will|we['’]?d|we\s+would)\s+(?:pull|take|move|keep|get)\s+(?:my|our)\s+(?:kids|"
    r"children|son|daughter|sons|daughters|family|boy|girl)\s+(?:out\s+of|away\s+from|from)\s+(?:\S+\s+){0,4}?(?:{G}|{GS})",
    # "you can always tell when Gypsies have been through a town"
    r"\b(?:can|could)\s+(?:always\s+)?tell\s+(?:when|where|if)\s+(?:the\s+|some\s+)?{G}\s+(?:have|has|had)\s+been\b",
    # scapegoats: "immigrants are the reason this town is a dump"
    r"{G}\s+(?:are|is)\s+(?:the\s+(?:only\s+|main\s+|real\s+|whole\s+)?(?:reason|cause)|to\s+blame|responsible)\s+(?:for\s+|"
    r"why\s+|that\s+)?(?:\w+\s+){0,5}?(?:a\s+)?(?:dump|shithole|tip|slum|ghetto|crime|crime[- ]ridden|ruined|"
    r"going\s+downhill|"
    r"unsafe|filthy|dirty|falling\s+apart|gone\s+to\s+\w+|a\s+mess|overrun|dangerous|confused|messed\s+up|corrupted)\b",
    # exclusion of a group in a role: "women drivers should be banned from the roads"
    r"{G}(?:\s+[a-z]+)?\s+should\s+(?:all\s+)?(?:just\s+)?be\s+(?:banned|barred|kept\s+(?:off|out|away))\b",
    # questions: "how are gay people even allowed near children?", "what use is a woman on the council?"
    r"\bhow\s+(?:are|is|come)\s+(?:the\s+|these\s+|those\s+)?(?:{G}|{GS})\s+(?:even|still)\s+(?:allowed|let|permitted)\b",
    r"\bhow\s+(?:are|is)\s+(?:the\s+|these\s+|those\s+)?{G}\s+allowed\s+(?:near|around)\s+(?:our\s+|the\s+|young\s+|"
    r"little\s+)?(?:kids|children|schools?)",
    r"\bwhat\s+(?:earthly\s+)?(?:use|good)\s+(?:is|are)\s+(?:{GA}|{G}|a\s+woman\b|women\b)",
    r"\bwhat(?:['’]?s|\s+is)\s+the\s+(?:point|use)\s+(?:of|in)\s+(?:having\s+)?(?:any\s+)?(?:{G}|{GA})\s*(?:[?.!]|$)",
    # resentment of what a group is given: "disabled people get free parking. They don't deserve it."
    r"(?:{G}|{GS})\s+(?:\w+\s+){0,2}?(?:get|gets|got|are\s+given|receive|receives|are\s+handed)\s+(?:\w+\s+){0,2}?"
    r"(?:free|special|extra|priority|more|everything|handouts|benefits|houses|homes|money|grants|discounts|perks)\b"
    r"[^.!?]{0,40}[.!?,;]\s*(?:and\s+|but\s+)?(?:they|these\s+people|none\s+of\s+them)\s+(?:don['’]?t|do\s+not|never|"
    r"hardly)\s+(?:even\s+)?(?:deserve|earned|earn)\s+(?:it|them|that|this|any\s+of\s+it)\b",
    # scapegoats in a clause: "Polish workers are why wages are so low"
    r"{G}\s+(?:are|is)\s+(?:the\s+reason\s+)?why\s+(?:\S+\s+){1,4}?(?:(?:is|are|have|has|were|was)\s+)?(?:so\s+|too\s+)?"
    r"(?:low|high|bad|awful|terrible|rubbish|dirty|filthy|unsafe|dangerous|ruined|going\s+downhill|gone\s+downhill|"
    r"overcrowded|full|a\s+mess|a\s+dump|a\s+tip|confused|messed\s+up|corrupted|broken|nice|good)\b",
    # "if you let Roma on the site, say goodbye to your bins"
    r"\b(?:if|once|when)\s+(?:you\s+|we\s+|they\s+)?(?:let|allow|have|get|house|put)\s+(?:\w+\s+){0,2}?{G}[^.!?]{0,40}?"
    r"\b(?:say|kiss)\s+goodbye\s+to\b",
    # kept out of ordinary places: "autistic kids shouldn't be in normal schools"
    r"{G}\s+(?:shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not|don['’]?t\s+belong)\s+(?:be\s+)?(?:allowed\s+)?"
    r"(?:in|at|on|near|into)\s+(?:normal|ordinary|mainstream|regular|our|proper|decent)\s+(?:schools?|classes|jobs|"
    r"workplaces|society|streets|neighbourhoods|areas|hospitals|parks|pools|shops|pubs)\b",
    # "single mothers get pregnant just for a council flat"
    r"{G}\s+(?:\w+\s+){1,3}?(?:just|only|purely)\s+(?:for|to\s+get|to\s+claim)\s+(?:a\s+|the\s+|more\s+)?"
    r"(?:council\s+\w+|houses?|flats?|benefits|handouts|money|passports?|visas?|free\s+\w+)",
    # "non-binary people will never be taken seriously by me"
    r"{G}\s+(?:will\s+never|won['’]?t\s+ever|can\s+never|are\s+never)\s+(?:be\s+)?(?:taken\s+seriously|trusted|accepted|"
    r"respected|welcome|served|hired)\s+(?:by\s+(?:me|us|anyone\s+(?:sane|sensible|normal))|in\s+my\s+(?:house|home|shop|"
    r"pub|street|business))",
    # questions: "why do we let autistic people work with the public?",
    # "do Polish people ever stop drinking?",
    # "shouldn't deaf people just stay at home?"
    r"\bwhy\s+(?:do|does|did|are|is|should|would)\s+(?:we|they|you|the\s+council|people|employers)\s+(?:even\s+|still\s+)?"
    r"(?:let|allow|hire|employ|tolerate|accept|put\s+up\s+with)\s+(?:the\s+|these\s+|those\s+|any\s+)?{G}\s+"
    r"(?:work|near|in|into|teach|drive|live|stay|come|vote|adopt|run|be|anywhere)\b",
    r"\b(?:do|does|did|can|will|would)\s+(?:any\s+)?{G}\s+ever\s+(?:stop|quit|give\s+up)\s+(?:drinking|stealing|"
    r"lying|complaining|breeding|moaning|whining|begging|cheating|fighting|scrounging|smelling|thieving|sponging)\b",
    r"\b(?:shouldn['’]?t|mustn['’]?t|wouldn['’]?t\s+it\s+be\s+better\s+if)\s+(?:the\s+|these\s+|those\s+|all\s+)?{G}\s+"
    r"(?:just\s+|all\s+)?(?:stay\s+(?:at\s+home|indoors|hidden|inside|out\s+of\s+sight|away|in\s+their\s+own\s+\w+)|"
    r"be\s+(?:locked\s+up|kept\s+(?:away|apart|out|inside)|sent\s+(?:back|home|away)|deported|banned))",
    r"\bis\s+there\s+(?:a\s+single|one|any)\s+(?:{GS}|{G})(?:\s+\w+)?\s+(?:who|that)\s+(?:doesn['’]?t|does\s+not|"
    r"isn['’]?t|is\s+not|won['’]?t)\s+(?:steal|lie|cheat|stink|smell|scrounge|beg|drink|a\s+(?:thief|liar|cheat|criminal|"
    r"terrorist|scrounger|paedo\w*|pervert))\b",
    # what they will do to what they are given: "they will trash them in a month"
    r"{G}(?:['’]ll|\s+will|\s+would|['’]d)\s+(?:just\s+|only\s+)?(?:trash|wreck|ruin|smash\s+up|destroy|vandalise)\s+"
    r"(?:them|those|these|the\s+place|it\s+all)\b",
    # contempt and refusal: "I have nothing but contempt for ...", "I just can't accept gay people"
    r"\b(?:i|we)\s+(?:have|feel|hold|got)\s+(?:nothing\s+but|only|so\s+much|such|pure|total|utter)\s+(?:contempt|"
    r"disdain|hatred|hate|disgust|loathing|scorn)\s+(?:for|towards)\s+(?:the\s+|all\s+)?(?:{G}|{GS})",
    r"\b(?:i|we)\s+(?:just\s+|simply\s+)?(?:can['’]?t|cannot|won['’]?t|will\s+never|refuse\s+to|don['’]?t|do\s+not)\s+"
    r"(?:ever\s+)?(?:accept|tolerate|respect|like|trust)\s+(?:the\s+|any\s+|these\s+|those\s+)?(?:{G}|{GS})\s*"
    r"(?:[.!?,;]|$|\s+(?:as|in|at|here|anywhere|near|around|and)\b)",
    # "autistic people are better off dead"
    r"{G}" + _COP + r"\s+(?:all\s+)?(?:better\s+off|best\s+off)\s+(?:dead|gone|not\s+existing|never\s+born|"
    r"put\s+down|"
    r"locked\s+up|in\s+(?:homes|institutions|prison|cages))\b",
    # "Roma people make this town worse"
    r"{G}\s+(?:\w+\s+)?(?:make|makes|made|are\s+making)\s+(?:\w+\s+){0,3}?(?:worse|a\s+worse\s+place|unsafe|"
    r"dangerous|dirty|filthy|a\s+dump|a\s+mess|unliveable|a\s+shithole|unrecogni[sz]able|foreign)\b",
    # "why would anyone hire a deaf person?"
    r"\bwhy\s+(?:would|should|do|does)\s+(?:anyone|anybody|you|we|the\s+council|any\s+\w+)\s+(?:ever\s+|even\s+|"
    r"want\s+to\s+)?(?:hire|employ|rent\s+to|marry|date|trust|elect|vote\s+for|serve|let\s+in)\s+(?:a\s+|an\s+|any\s+|"
    r"the\s+)?(?:{G}|{GS})",
    # "immigrants will never amount to anything", "refugees don't add anything of value"
    r"{G}\s+(?:will\s+never|won['’]?t\s+ever|won['’]?t|would\s+never|could\s+never|never|don['’]?t|do\s+not)\s+"
    r"amount\s+to\s+(?:anything|much|owt|a\s+thing|nothing)",
    r"{G}\s+(?:don['’]?t|do\s+not|never|doesn['’]?t|can['’]?t|cannot|won['’]?t)\s+(?:contribute|add|give|bring|offer)\s+"
    r"(?:anything|a\s+thing|owt)(?:\s+(?:of\s+value|useful|worthwhile|positive|good|meaningful))?\s*(?:[.!?,;]|$|"
    r"\s+(?:to|of|here|at\s+all)\b)",
    # "Jews have no redeeming qualities"
    r"{G}\s+(?:have|has)\s+(?:no|zero|not\s+(?:a|one)\s+(?:single\s+)?)\s*(?:redeeming|good|positive)\s+(?:qualities|quality|"
    r"features?|traits?|points?)",
    # "I have never seen a refugee do an honest day's work"
    r"\b(?:never|not\s+once)\s+(?:seen|known|met|heard\s+of)\s+(?:a|an|one|any)\s+(?:single\s+)?(?:{GS}|{G})\s+(?:do|doing|"
    r"put\s+in)\s+(?:an?\s+)?(?:honest\s+)?(?:day['’]?s\s+work|hand['’]?s\s+turn|any\s+work|a\s+proper\s+job)",
    # "I'll make sure they regret it"
    r"\b(?:i['’]?ll|i\s+will|we['’]?ll|we\s+will|i['’]?m\s+going\s+to|we['’]?re\s+going\s+to)\s+make\s+(?:sure\s+)?{G}\s+"
    r"(?:\w+\s+)?(?:regret|pay\b|suffer|sorry|wish\s+they)",
    # "women belong in the bedroom and nowhere else"
    r"{G}\s+belong\s+(?:\w+\s+){1,4}?and\s+nowhere\s+else",
    # a denial approved: "trans people are never going to be accepted round here, and rightly so"
    r"{G}\s+(?:\w+\s+){0,3}?(?:not|never|n['’]t)\s+(?:\w+\s+){0,4}?(?:accepted|welcome|welcomed|wanted|tolerated|"
    r"allowed|liked)\b[^.!?]{0,30}?,?\s+(?:and\s+)?(?:rightly\s+so|quite\s+right(?:ly)?|good|thank\s+god|"
    r"as\s+it\s+should\s+be|long\s+may\s+it\s+continue)\b",
    # "gay men are no kind of role model for children"
    r"{G}\s+(?:are|make|is)\s+(?:no|not|never|terrible|awful|bad)\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:role\s+models?|"
    r"examples?\s+(?:to|for))",
    # "trans women are just men in wigs"
    r"{G}\s+(?:are|r|['’]re)\s+(?:all\s+)?(?:just|only|really|simply|nothing\s+but|basically)\s+(?:\w+\s+)?(?:men|"
    r"blokes|guys|women|girls)\s+in\s+(?:wigs|dresses|frocks|skirts|make[- ]?up|disguise|costumes?)",
    # "disabled people should pay for their own ramps"
    r"{G}\s+should\s+(?:have\s+to\s+)?pay\s+for\s+(?:their\s+own|themselves)\b",
    # dual loyalty: "every Jew is loyal to Israel before this country"
    r"(?:{G}|{GA})\s+(?:is|are)\s+(?:always\s+|all\s+)?(?:more\s+)?loyal\s+to\s+(?:\w+\s+){1,2}?(?:before|rather\s+than|"
    r"over|than|not)\b",
    # questions: "why do Muslims breed like that?", "who in their right mind would let a trans person teach?",
    # "why are Travellers allowed anywhere near our town?"
    r"\bwhy\s+do\s+(?:the\s+|all\s+)?{G}\s+(?:all\s+|always\s+)?(?:breed|multiply|smell|stink|steal|lie|scrounge|beg|"
    r"cheat)\b",
    r"\bwho\s+(?:in\s+their\s+right\s+mind\s+)?(?:would|could|['’]d)\s+(?:ever\s+)?(?:let|allow|hire|employ|trust|"
    r"marry|date|rent\s+to|vote\s+for)\s+(?:a\s+|an\s+|any\s+|the\s+)?(?:{G}|{GS})(?:\s+(?:teach|work|near|in|into|run|"
    r"look\s+after|anywhere)\b|\s*(?:[?.!]|$))",
    r"\bwhy\s+(?:are|is)\s+(?:the\s+|these\s+|those\s+)?{G}\s+(?:even\s+|still\s+|ever\s+)?(?:allowed|let|permitted)\s+"
    r"(?:anywhere\s+near|near|in|into|here|out|outside|in\s+public|on\s+the\s+streets|to\s+(?:stay|live|come|teach|work|"
    r"vote|breed|have\s+(?:kids|children)))\b",
    # "A gay couple moved in. They should be ashamed of themselves."
    "(?:[\ue000\ue001]|\\bthey|\\bthese\\s+people|\\bthose\\s+people)"
    r"\s+should\s+(?:all\s+)?be\s+(?:ashamed|embarrassed)\s+of\s+themselves",
    # "Gypsies don't know the meaning of honest work"
    r"{G}\s+(?:don['’]?t|do\s+not|wouldn['’]?t|never)\s+(?:even\s+)?know\s+the\s+meaning\s+of\s+(?:the\s+word\s+)?(?:\w+\s+)?"
    r"(?:work|honesty|hygiene|respect|decency|soap|manners|loyalty|shame|truth|gratitude)\b",
    # "no Black man I've ever met could hold down a job"
    r"(?:{G}|" + _NO_ONE + r"(?:{GS}|{G}|woman|man)" + _SKIP + r")\s+(?:\w+\s+)?"
    r"(?:can['’]?t|cannot|couldn['’]?t|could|can|"
    r"never|don['’]?t|will\s+never|won['’]?t)\s+(?:ever\s+)?(?:hold\s+down|keep)\s+(?:a\s+)?(?:\w+\s+)?job",
    # "women only got the vote by accident"
    r"{G}\s+only\s+got\s+(?:the\s+vote|(?:their|the|that|this)\s+\w+)\s+(?:by\s+accident|out\s+of\s+pity|because\s+of\s+"
    r"(?:quotas|diversity|pity)|for\s+(?:diversity|show))",
    # "pensioners are wasting NHS money by staying alive"
    r"{G}\s+(?:are\s+)?(?:wasting|costing|draining|taking)\s+(?:\w+\s+){0,3}?by\s+(?:staying\s+alive|living\s+(?:so\s+)?long|"
    r"existing|breathing|being\s+alive)",
    # "immigrants should be thankful we let them breathe our air"
    r"{G}\s+should\s+be\s+(?:grateful|thankful|glad|lucky)\s+(?:that\s+)?(?:we|they)\s+(?:even\s+)?(?:let|allow)\s+them\s+"
    r"(?:\w+\s+)?(?:breathe|live|exist|stay|in|here)\b",
    # "Muslims don't integrate, they invade"
    r"{G}\s+(?:don['’]?t|do\s+not|won['’]?t|never|refuse\s+to)\s+integrate\s*[,;.]?\s*(?:they\s+)?(?:invade|take\s+over|"
    r"colonise|colonize|conquer|infiltrate|breed)",
    # "isn't it time trans people stopped pretending?"
    r"\b(?:time|high\s+time)\s+(?:that\s+)?(?:the\s+|all\s+)?{G}\s+(?:stopped|quit|gave\s+up)\s+(?:pretending|existing|"
    r"breeding|whining|moaning|complaining|playing\s+the\s+victim|lying)",
    r"{G}\s+(?:should|need\s+to|must)\s+(?:just\s+)?stop\s+(?:pretending|playing\s+the\s+victim|whining|moaning|breeding|"
    r"existing)",
    # "who actually likes Travellers?"
    r"\bwho\s+(?:actually\s+|really\s+|honestly\s+|even\s+|on\s+earth\s+|the\s+hell\s+|the\s+fuck\s+)?(?:likes|wants|trusts|"
    r"needs|would\s+(?:like|want|trust))\s+(?:the\s+|any\s+)?{G}\s*(?:[?]|$|\s+(?:anyway|honestly|around|here|living|near|"
    r"next)\b)",
    # "women never have anything intelligent to say", "no pensioner has anything useful to add"
    r"(?:{G}|" + _NO_ONE + r"(?:{GS}|{G}|woman|man)" + _SKIP + r")\s+(?:never\s+(?:have|has|had)\s+anything|"
    r"(?:have|has|had)\s+(?:nothing|anything)|don['’]?t\s+have\s+anything|(?:have|has)\s+never\s+had\s+anything)\s+"
    r"(?:\w+\s+)?to\s+(?:say|offer|add|contribute|give)\s*(?:[.!?,;]|$|\s+(?:to\s+(?:us|society|anyone|this\s+\w+)|"
    r"(?:this|our|the)\s+(?:country|town|city|area|community|society|world|borough|nation)|of\s+value|whatsoever|"
    r"at\s+all)\b)",
    # "lesbians don't make good parents"
    r"{G}\s+(?:don['’]?t|do\s+not|doesn['’]?t|never|can['’]?t|cannot|won['’]?t|will\s+never|could\s+never)\s+make\s+"
    r"(?:good|decent|proper|fit|real|responsible|loving|reliable|trustworthy)\s+(?:\w+\s+)?(?:parents|mothers|fathers|"
    r"neighbours|citizens|employees|workers|leaders|teachers|doctors|friends|partners|husbands|wives|carers|"
    r"role\s+models|tenants)\b",
    # "women are only good for one thing"
    r"{G}\s+(?:are|is|r)\s+only\s+(?:good|fit|useful)\s+for\s+(?:one\s+thing|sex|cooking|cleaning|breeding|making\s+babies|"
    r"the\s+kitchen|housework|labour|nothing|menial\s+\w+)",
    # questions: "why are gay people like this?", "why does every Muslim have to be so angry?",
    # "do women even have brains?"
    r"\bwhy\s+(?:are|is)\s+(?:all\s+)?(?:the\s+)?(?:{G}|{GS})\s+(?:always\s+|all\s+)?like\s+(?:this|that)\s*(?:[?!.]|$)",
    r"\bwhy\s+(?:do|does|must)\s+(?:all\s+|every\s+)?(?:the\s+)?(?:{G}|{GS})\s+(?:always\s+)?(?:have\s+to|need\s+to|"
    r"got\s+to)\s+be\s+so\s+(?:angry|bitter|aggressive|loud|miserable|emotional|touchy|sensitive|difficult|demanding|"
    r"entitled|dramatic|noisy|rude|pushy|preachy|smug)\b",
    r"\b(?:do|does)\s+(?:the\s+|all\s+|any\s+)?{G}\s+(?:even\s+|actually\s+|really\s+)?(?:have|possess)\s+(?:a\s+|any\s+)?"
    r"(?:brains?|morals|feelings|souls?|a\s+conscience|any\s+sense|intelligence)\b",
    # "women are not built for leadership"
    r"{G}" + _COP + r"\s+(?:not|never|hardly)\s+(?:\w+\s+)?(?:built|cut\s+out|designed|meant|suited|equipped|"
    r"made)\s+for\s+(?:leadership|office|work|power|politics|science|maths|engineering|this\s+country|society|the\s+job|"
    r"the\s+role|a\s+career|combat|sport|driving|thinking|learning|responsibility|management|decisions|public\s+life|"
    r"civili[sz]ed\s+\w+|it|this|that)\b",
    # "refugees rarely have anything good about them"
    r"{G}\s+(?:rarely|seldom|never|don['’]?t|do\s+not)\s+(?:have|has)\s+anything\s+(?:good|positive|nice|decent|redeeming)\s+"
    r"about\s+(?:them|themselves)",
    # "immigrants are changing our culture and not for the better", "... destroying our way of life"
    r"{G}\s+(?:are\s+)?(?:destroying|eroding|diluting|erasing|replacing|killing)\s+(?:our|this|the)\s+(?:\w+\s+)?(?:culture|"
    r"way\s+of\s+life|values|heritage|identity|traditions)\b",
    r"{G}\s+(?:are\s+)?(?:changing|have\s+changed)\s+(?:our|this|the)\s+(?:\w+\s+)?(?:culture|way\s+of\s+life|country|"
    r"values|heritage|identity|town)\b[^.!?]{0,20}?\bnot\s+for\s+the\s+better",
    # "how much longer do we have to put up with trans people?"
    r"\b(?:how\s+(?:much\s+)?long(?:er)?\s+(?:do|must|will|should)\s+we\s+(?:have\s+to\s+)?|why\s+(?:do|must|should)\s+we\s+"
    r"(?:have\s+to\s+)?)(?:put\s+up\s+with|tolerate|endure|suffer)\s+(?:the\s+|these\s+|those\s+|all\s+(?:the\s+|these\s+)?)?"
    r"{G}",
    # "why do disabled people get everything for free?"
    r"\bwhy\s+(?:do|does|should)\s+(?:the\s+|all\s+)?{G}\s+(?:always\s+|just\s+)?get\s+(?:everything|it\s+all|"
    r"all\s+the\s+\w+|special\s+treatment|free\s+\w+|priority|handouts)",
    # an ill wish after a group: "I hope they fail"
    r"\b(?:i|we)\s+hope\s+{G}\s+(?:all\s+)?(?:fail|go\s+bust|go\s+under|suffer|get\s+what['’]?s\s+coming|lose\s+everything|"
    r"rot|go\s+bankrupt)\b",
    # "it's disgusting that they are allowed"
    r"\b(?:it['’]?s|it\s+is)\s+(?:\w+\s+)?{NEG}\s+that\s+{G}\s+(?:are|is|were|get|can)\s+(?:even\s+|still\s+)?(?:allowed|"
    r"let|welcome|permitted)(?:\s*(?:[.!?]|$)|\s+(?:in|here|near|to\s+(?:use|come|swim|teach|vote|live|stay|work))\b)",
    # "refugees should be put on the first boat back"
    r"(?:{G}\s+(?:should|must|need\s+to|ought\s+to)\s+(?:all\s+)?be|\b(?:put|send|ship|stick)\s+{G})\s+(?:put\s+|sent\s+|"
    r"shipped\s+|thrown\s+|stuck\s+)?(?:on|onto)\s+(?:the\s+)?(?:first|next)\s+(?:boat|plane|flight|ferry|train|dinghy)",
    # "women who work are neglecting their children"
    r"{G}\s+(?:who|that)\s+(?:\w+\s+){1,3}?(?:are|is)\s+(?:all\s+)?(?:neglecting|failing|abandoning|damaging|harming|"
    r"ruining)\s+(?:their|the|our)\s+(?:children|kids|families|husbands|society|country)",
    # "what a shitshow of refugees"
    r"\bwhat\s+(?:a|an)\s+(?:\w+\s+)?{NEG}\s+of\s+(?:\w+\s+)?{G}",
    # the possessive: "a woman's opinion is worthless", "a Muslim's word means nothing"
    "{GP}" + _COP + _MODS + "{0,4}" + _NEG,
    # ... said as a whole claim: "means nothing to the police" blames the police
    r"{GP}\s+(?:means?|counts?\s+for|amounts?\s+to|(?:is|are)\s+worth|add\s+up\s+to)\s+" + _NOTHING
    + r"\s*(?:[.!,;]|$)",
    r"{GP}\s+(?:don['’]?t|doesn['’]?t|do\s+not|does\s+not|never)\s+(?:really\s+|even\s+)?"
    r"(?:matter|count|mean\s+anything)\s*(?:[.!,;]|$)",
    "{GP}" + _COP + r"\s+(?:not|never)\s+(?:\w+\s+)?(?:worth\s+(?:living|anything|much|saving|listening\s+to|"
    r"hearing|the\s+\w+|a\s+\w+)|important|valuable|equal|valid|as\s+important|as\s+valuable)\b",
    "{GP}" + _COP + r"\s+worth\s+less\s+than\b",
    r"{GP}\s+(?:can['’]?t|cannot|should\s+never|should\s+not|shouldn['’]?t|must\s+never)\s+be\s+(?:trusted|believed|"
    r"taken\s+seriously|counted|listened\s+to)",
    # negated positives with a quantifier: "No woman is fit to run the council", "not a single ... deserves
    # respect"
    _NO_ONE + r"(?:{GS}|{G}|woman|girl|female|lady)" + _SKIP + r"\s+(?:is|are|was|were|will\s+ever\s+be|"
    r"will\s+be|can\s+(?:ever\s+)?be|could\s+(?:ever\s+)?be|should\s+(?:ever\s+)?be|has\s+ever\s+been|deserves?|"
    r"deserved|merits?|can\s+be\s+called|should\s+be\s+allowed\s+to\s+be)\s+"
    r"(?:ever\s+|really\s+|truly\s+|even\s+|actually\s+)?" + _DENIED,
    _NO_ONE + r"(?:{GS}|{G}|woman|girl|female|lady)" + _SKIP + r"\s+(?:has|have)\s+(?:ever\s+)?"
    r"(?:done|worked|contributed|paid|earned|given)\s+(?:\w+\s+)?(?:honest|decent|proper|anything|a\s+penny|"
    r"their\s+(?:share|\w+))",
    r"\b(?:isn['’]?t|is\s+not|there['’]?s\s+(?:no|not)|there\s+is\s+(?:no|not)|there\s+are\s+no|never\s+(?:met|seen|known|found|find)|"
    r"no\s+such\s+thing\s+as|(?:can['’]?t|cannot|won['’]?t|will\s+never|never\s+will)\s+(?:ever\s+)?find)\s+"
    r"(?:a\s+|an\s+|one\s+|any\s+)?(?:single\s+)?" + _GOOD + r"\s+(?:{GS}|{G}|woman|women|girl|lady)",
    r"\bnever\s+(?:met|seen|known|found)\s+(?:a|an|one|any)\s+(?:single\s+)?(?:{GS}|{G}|woman|girl|lady)\s+"
    r"(?:who\s+(?:was|is)\s+)?(?:worth|who\s+(?:could|can)\s+be\s+trusted|i\s+(?:could|can|would)\s+trust)",
    r"\b(?:never|can['’]?t|cannot|don['’]?t|wouldn['’]?t|won['’]?t)\s+(?:ever\s+)?trust\s+(?:a|an|any)\s+"
    r"(?:woman|girl|female|lady)\b",
    # "trans women will never be women", "they'll never be good enough"
    r"{G}\s+(?:will|can|could|shall)\s+never\s+be\s+(?:real\s+|proper\s+|true\s+)?" + "[\ue000\ue001]",
    r"{G}['’]ll\s+never\s+be(?:\s+\w+){0,2}?\s+{POS}",
    # "they can't do the job properly", "women are too emotional to be in charge"
    r"{G}\s+(?:\w+\s+)?(?:can['’]?t|cannot|couldn['’]?t|are\s+unable\s+to|will\s+never)\s+(?:even\s+)?(?:do|handle|"
    r"manage|hack|cope\s+with)\s+(?:the|a|any|their|this|real)\s+(?:job|work|jobs|role|responsibility|pressure)"
    r"\s*(?:properly|right|as\s+well\s+as|like\s+(?:a\s+man|men|us)|[.!]|$)",
    "{G}" + _COP + r"\s+(?:\w+\s+)?too\s+(?:emotional|weak|stupid|thick|dumb|soft|lazy|primitive|backward|"
    r"unstable|hysterical|dim|ignorant|irrational|fragile|simple|slow|mental|feeble|greedy|selfish|dishonest|violent|"
    r"aggressive|dangerous)\s+(?:\w+\s+)?to\b",
    # generalisation: "they are all the same"
    r"{G}\s*(?:are|r|['’]re)\s+all\s+(?:the\s+)?(?:same|alike)\s*(?:[.!,;:]|$)",
    r"\ball\s+{G}\s*(?:are|r|['’]re)\s+(?:the\s+)?(?:same|alike)\s*(?:[.!,;:]|$)",
    # implicit: "women belong at home", "leave the decisions to the men", "push their lifestyle on our kids"
    r"{G}\s+(?:belong|should\s+(?:stay|be|stick)|need\s+to\s+(?:stay|be)|ought\s+to\s+(?:stay|be))\s+(?:back\s+)?"
    r"(?:at\s+home|in\s+the\s+home|in\s+the\s+kitchen|in\s+the\s+bedroom|behind\s+the\s+sink|barefoot)",
    r"{G}\s+should\s+(?:leave|let)\s+(?:\w+\s+){0,3}?(?:to\s+the\s+)?(?:men|man|boys|grown[- ]ups|adults)\b",
    r"{G}\s+(?:\w+\s+){0,3}?(?:push|pushing|force|forcing|ram|ramming|shove|shoving|impose|imposing)\s+(?:their|it|this)\s+"
    r"(?:\w+\s+)?(?:on|down|onto|upon)\s+(?:our|the|your|us|everyone)",
    r"{G}\s+(?:\w+\s+){0,3}?(?:groom|grooming|recruit|recruiting|corrupt|corrupting|indoctrinate|indoctrinating|"
    r"brainwash|brainwashing|prey\s+on|preying\s+on)\s+(?:our|the|your|young|little)\s+(?:kids|children|youngsters|"
    r"boys|girls|youth)",
    r"{G}(?:\s+\S+){0,3}?\s+(?:just\s+|only\s+)?(?:take|takes|took)\s+(?:and\s+(?:take|takes)\s+)+(?:and\s+)?",
    r"{G}(?:\s+\S+){0,5}?\s+(?:give|gives|put|puts|contribute|contributes|pay|pays)\s+(?:nothing|nowt|f\w*\s+all)\s+back",
    r"\bjust\s+what\s+(?:this|our|the|we|my)\s+(?:\w+\s+)?(?:needed|needs|need),?\s+(?:more|another|even\s+more)\s+"
    r"(?:{G}|{GS})\s*(?:[.!,;?]|$)",
    r"\b(?:oh\s+)?(?:great|brilliant|fantastic|wonderful|lovely|marvellous|perfect|just\s+great)\s*[,!.]+\s*(?:more|"
    r"another|even\s+more)\s+(?:\w+\s+)?(?:{G}|{GS})\s*(?:[.!,;?]|$)",
    # comparisons said with a copula: "no different from circus animals", "more like vegetables than humans"
    "{G}" + _COP + r"\s+(?:\w+\s+)?(?:no\s+different\s+(?:from|to|than)|the\s+same\s+as|more\s+like|"
    r"just\s+like|about\s+as\s+\w+\s+as)\s+(?:\w+\s+){0,2}?(?:{NEG}|vegetables|hyenas|vultures|cattle|livestock|goats)\b",
    r"{G}\s+(?:have|has|got)\s+(?:the\s+)?(?:manners|brains?|morals|intelligence|hygiene|mentality|iq|"
    r"attention\s+span|table\s+manners)\s+of\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:{NEG}|cattle|goats?|sheep|vegetables?|"
    r"goldfish|hamsters?|chickens?|donkeys?|gnats?|toddlers?|children|a\s+child)\b",
    # questions: "why can't they just stay at home?", "who wants them living next door?"
    r"\bwhy\s+(?:can['’]?t|don['’]?t|won['’]?t|doesn['’]?t)\s+(?:all\s+)?(?:the\s+)?{G}\s+(?:just\s+)?(?:stay\s+"
    r"(?:at\s+home|in(?:doors)?|away|out\s+of\s+sight|where\s+they\s+(?:are|belong|came\s+from))|keep\s+(?:to\s+"
    r"themselves|away|out\s+of\s+sight))",
    r"\bwho\s+(?:\w+\s+)?(?:wants|would\s+want|needs)\s+(?:more\s+|any\s+|the\s+)?{G}\s+(?:living|moving|next|near|"
    r"around|here|in\s+(?:their|our|this)|on\s+(?:their|our|this))",
    # denied respect, trust or a place: "I have no respect for trans people", "I don't trust immigrants",
    # "I'll never accept them as equals", "they will never belong here"
    r"\b(?:i|we)\s+(?:have|got|feel|hold)\s+(?:no|zero|nothing\s+but\s+contempt|not\s+an\s+ounce\s+of|no\s+\w+)\s+"
    r"(?:\w+\s+)?(?:respect|time|sympathy|love|tolerance|patience|use|regard)\s+(?:for|towards)\s+(?:the\s+|any\s+)?"
    r"{G}\s*(?:[.!,;]|$|\s+(?:at\s+all|whatsoever))",
    r"\b(?:i|we)(?:['’]ll)?\s+(?:don['’]?t|do\s+not|never|won['’]?t|will\s+never|refuse\s+to|can['’]?t|cannot|"
    r"could\s+never|"
    r"would\s+never|wouldn['’]?t)\s+(?:ever\s+|really\s+)?(?:respect|trust|value|tolerate|welcome|accept)\s+"
    r"(?:the\s+|any\s+|a\s+|an\s+)?(?:{G}|{GS})\s*(?:[.!,;]|$|\s+(?:at\s+all|one\s+bit|whatsoever|in\s+(?:my|our|this)\s+\w+|here))",
    r"\b(?:i|we)(?:['’]ll)?\s+(?:don['’]?t|do\s+not|never|won['’]?t|will\s+never|refuse\s+to|can['’]?t|cannot|"
    r"could\s+never|"
    r"would\s+never|wouldn['’]?t)\s+(?:ever\s+)?(?:see|consider|treat|regard|count|accept|think\s+of)\s+(?:the\s+|any\s+)?"
    r"{G}\s+(?:as\s+(?:\w+\s+)?|like\s+)?(?:my\s+|our\s+)?(?:equals?|humans?|human\s+beings|people|normal|real\s+\w+|"
    # the markers of a group, in RE2's escapes
    r"proper\s+\w+|one\s+of\s+us|british|english|neighbours|[\x{e000}\x{e001}])",
    r"\b(?:i|we)\s+(?:don['’]?t|do\s+not|couldn['’]?t|could\s+not)\s+(?:really\s+)?care\s+(?:about|for|what\s+happens\s+to)"
    r"\s+(?:the\s+|any\s+|all\s+(?:the\s+)?)?{G}\s*(?:[.!,;]|$|\s+(?:at\s+all|die|drown|starve|suffer|get\s+hurt))",
    r"{G}\s+(?:will|can|could|would|shall)\s+never\s+(?:belong|fit\s+in|integrate|be\s+accepted|be\s+one\s+of\s+us|"
    r"be\s+welcome|be\s+equal|be\s+normal|be\s+trusted|be\s+part\s+of\s+(?:this|our|the))",
    r"{G}\s+(?:don['’]?t|doesn['’]?t|do\s+not)\s+have\s+(?:anything\s+(?:to\s+offer|of\s+value|worthwhile|good)|"
    r"any\s+(?:value|worth|use|morals|brains|decency|place)|what\s+it\s+takes)",
    r"{G}\s+(?:shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not|don['’]?t\s+deserve\s+to)\s+(?:ever\s+)?be\s+"
    r"(?:treated|seen|regarded|considered|counted)\s+(?:as|like)\s+(?:equals?|humans?|people|normal|one\s+of\s+us)",
    r"\b(?:nobody|no\s+one|never|how\s+can\s+(?:anyone|you|we)|who\s+(?:would|could|can))\s+(?:should\s+)?(?:ever\s+)?"
    r"trust\s+(?:a\s+|an\s+|any\s+|the\s+)?(?:{G}|{GS}|woman|girl)",
    # questions: "why should they get any rights?", "what's the point of ...?", "do they ever stop being ...?"
    r"\bwhy\s+(?:should|do|does|must)\s+(?:we\s+(?:even\s+)?(?:have\s+to\s+)?(?:put\s+up\s+with|tolerate|pay\s+for|"
    r"accept|even\s+let)\s+(?:the\s+|these\s+|those\s+|any\s+)?{G}|{G}\s+(?:even\s+)?(?:get|have|deserve)\s+"
    r"(?:any\s+)?(?:rights|a\s+say|a\s+vote|anything|equal\s+rights))",
    r"\bwhy\s+do\s+we\s+even\s+(?:let|allow)\s+(?:the\s+|these\s+|any\s+)?{G}",
    r"\bwhat['’]?s\s+the\s+point\s+(?:of|in)\s+(?:the\s+)?{G}\s*(?:[?.!]|$)",
    r"\b(?:anything|nothing|anyone|nobody)\s+(?:more|worse)\s+(?:\w+\s+)?than\s+(?:a\s+|an\s+)?(?:{G}|{GS})",
    r"{G}\s+(?:ever\s+)?(?:stop|quit)\s+being\s+(?:so\s+)?{NEG}",
    r"{G}\s+(?:are\s+)?(?:allowed\s+to|keep|just\s+keep)\s+(?:breed|breeding|multiply|multiplying)",
    # dehumanising comparisons in other words: "more animal than human", "the human equivalent of rats"
    "{G}" + _COP + r"\s+(?:more|less)\s+(?:animal|beast|ape|monkey|vermin|savage)\s+than\s+"
    r"(?:human|man|people)",
    "{G}" + _COP + r"\s+(?:no\s+more|not\s+(?:any\s+)?more|less)\s+human\s+than\b",
    r"\b(?:human|two[- ]legged)\s+(?:equivalent|version)\s+of\s+(?:\w+\s+)?{NEG}",
    r"{G}\s+(?:remind\s+me\s+of|look\s+like|smell\s+like|sound\s+like|act\s+like|behave\s+like|live\s+like|eat\s+like)\s+"
    r"(?:a\s+|an\s+)?(?:\w+\s+)?(?:{NEG}|vegetables|hyenas|vultures|cattle|goats|hamsters|chickens|sheep|donkeys)\b",
    # "they'll rip us all off", "they can do it in their own country"
    r"{G}(?:['’]ll|\s+will|\s+always|\s+just|\s+would)?\s+(?:rip|con|cheat|scam|swindle|fleece|diddle|mug|rob)\s+"
    r"(?:\w+\s+){0,2}?(?:off|you|us|everyone|people|blind)\b",
    r"{G}\s+(?:can|should|could)\s+(?:\w+\s+){0,3}?(?:in|back\s+in|back\s+to)\s+(?:their|your)\s+own\s+"
    r"(?:country|countries|land|lands)\b",
    # implicit derogation: avoidance, suspicion and replacement ("I'd move house if ... moved in next door")
    r"\b(?:i['’]?d|i\s+would|we['’]?d|we\s+would)\s+(?:move|sell\s+up|move\s+house|move\s+out|leave)\s+(?:house\s+|out\s+|"
    r"away\s+)?(?:if|when|the\s+day)\s+(?:a|an|any|the|some)?\s*(?:\w+\s+)?(?:{G}|{GS})",
    r"\b(?:don['’]?t|never|do\s+not)\s+let\s+(?:your|my|our|the)\s+(?:kids|children|daughters?|sons?)\s+(?:play|go|mix|"
    r"hang\s+(?:out|around))\s+(?:with|near|around)\s+(?:the\s+|any\s+|those\s+)?(?:{G}|{GS})",
    r"\b(?:wouldn['’]?t|would\s+never|['’]d\s+never|would\s+not|never|won['’]?t|don['’]?t)\s+let\s+(?:my|our)\s+(?:\w+\s+)?"
    r"(?:marry|date|go\s+out\s+with|be\s+friends\s+with|play\s+with|near)\s+(?:a\s+|an\s+|any\s+)?(?:{G}|{GS})",
    r"\b(?:wouldn['’]?t|would\s+never|['’]d\s+never|would\s+not|never|won['’]?t|don['’]?t)\s+let\s+(?:a|an|any)\s+"
    r"(?:{GS}|{G})\s+(?:babysit|teach|look\s+after|near|mind|care\s+for|work\s+with)",
    r"\bcross\s+(?:the\s+)?(?:road|street)\s+(?:when|if|whenever)\s+(?:i\s+|you\s+|we\s+)?(?:see|spot|meet)\s+"
    r"(?:a\s+|an\s+|any\s+|some\s+)?(?:{G}|{GS})",
    r"\btypical\s+(?:woman|women|female|girl)\b",
    r"\bof\s+course\s+(?:it\s+was|it['’]s|they\s+were)\s+(?:a\s+|an\s+|the\s+)?(?:{G}|{GS})\s*(?:[.!]|$|\s+(?:who|that)\s+"
    r"(?:did|done|started|caused|nicked|stole|broke))",
    r"{G}\s+(?:\w+\s+)?(?:commit|commits|do|cause|are\s+behind|are\s+responsible\s+for)\s+(?:all|most|the\s+most|half|"
    r"all\s+of|most\s+of)\s+(?:the\s+)?(?:crime|crimes|violence|burglaries|robberies|stabbings|rapes|trouble)",
    r"{G}\s+(?:will|are\s+going\s+to|are\s+gonna)\s+(?:soon\s+)?(?:outnumber|replace|out-?breed|take\s+over)\s+(?:us|the\s+\w+|"
    r"this\s+\w+|our\s+\w+|everything)",
    r"{G}\s+(?:just|only)\s+(?:want|crave|need)\s+(?:attention|handouts|benefits|money|free\s+stuff|to\s+be\s+(?:special|"
    r"victims|different))",
    r"{G}\s+(?:\w+\s+)?(?:milk|milking|cheat|cheating|abuse|abusing|exploit|exploiting|scrounge\s+off|sponge\s+off|"
    r"leech\s+off|game|gaming)\s+(?:the\s+)?(?:system|benefits|nhs|council|taxpayer|welfare)",
    r"{G}\s+(?:only|just)\s+(?:look\s+after|help|care\s+about|hire|employ)\s+(?:their\s+own|each\s+other|themselves)",
    r"{G}\s+(?:\w+\s+)?(?:look\s+after|help|care\s+about|hire|employ)\s+(?:their\s+own|each\s+other|themselves)\s*(?:and|,)\s+"
    r"(?:nobody|no\s+one|never\s+(?:us|anyone))",
    r"{G}\s+can\s+(?:all\s+)?(?:shove|stick|stuff)\s+it\b",
    # questions and tropes, more: "why are they allowed in this country?", "what is wrong with ...?"
    r"\bwhy\s+(?:are|is)\s+(?:the\s+)?{G}\s+(?:even\s+|still\s+)?allowed\s+(?:in|into|here|to\s+(?:live|stay|come|be)\s+"
    r"(?:here|in))",
    r"\bwhat['’]?s?\s+(?:is\s+)?(?:wrong|the\s+matter)\s+with\s+(?:the\s+|these\s+|those\s+|all\s+)?{G}\s*(?:[?!.]|$)",
    r"{G}\s+(?:\w+\s+){0,5}?(?:take|taking|took)\s+over\s*(?:[.!?,]|$|\s+(?:our\s+\w+|everything|this\s+country|the\s+country|"
    r"the\s+place|this\s+place))",
    r"\btime\s+(?:\w+\s+)?{G}\s+(?:were|was|got)\s+(?:banned|deported|removed|kicked\s+out|sent\s+(?:back|home)|"
    r"locked\s+up|rounded\s+up|thrown\s+out)",
    r"\bwhy\s+(?:are|is)\s+(?:the\s+)?{G}\s+(?:so\s+|all\s+|always\s+)?"
    r"(?:obsessed\s+with|only\s+interested\s+in)"
    r"\s+"
    r"(?:money|power|themselves|sex|control|handouts|benefits)",
    "{G}" + _COP + r"\s+(?:so\s+|all\s+|always\s+|just\s+)?"
    r"(?:obsessed\s+with|only\s+interested\s+in|all\s+about)"
    r"\s+"
    r"(?:money|power|themselves|sex|control|handouts|benefits)",
    "{G}" + _COP + r"\s+(?:completely\s+|totally\s+|just\s+)?incapable\s+of\s+"
    r"(?:logic|thought|thinking|reason|reasoning|"
    r"leading|learning|love|honesty|decency|kindness|being\s+trusted|telling\s+the\s+truth|integrating|change|"
    r"compassion|gratitude)",
    r"\b(?:not\s+(?:a|one)\s+(?:single\s+)?|no\s+)(?:{GS}|{G})(?:\s+\S+){0,5}?\s+(?:i['’]?d|i\s+would|i\s+could|you\s+can|"
    r"you\s+could|anyone\s+(?:would|could|can))\s+(?:ever\s+)?(?:trust|respect|believe|like|rely\s+on)",
    "{G}" + _COP + r"\s+not\s+and\s+never\s+(?:will\s+be|were|was|have\s+been)\s+(?:\w+\s+){0,2}?{POS}",
    # negated positives, more: "you can't call them human", "I'd never want one as a neighbour",
    # "you'll never convince me they are decent", "not once has one contributed", "nothing a woman says
    # is worth listening to"
    r"\b(?:can['’]?t|cannot|couldn['’]?t|wouldn['’]?t|won['’]?t|never)\s+call\s+(?:the\s+|any\s+|a\s+|an\s+)?"
    r"(?:{G}|{GS})\s+(?:\w+\s+)?{POS}",
    r"\b(?:never|wouldn['’]?t|don['’]?t|do\s+not|would\s+not)\s+want\s+(?:a|an|any)\s+(?:{GS}|{G})\s+(?:as\s+(?:a\s+|my\s+|"
    r"our\s+)?(?:neighbour|neighbours|friend|colleague|boss|teacher|tenant|councillor|mp)|living\s+(?:next\s+door|near|"
    r"nearby))",
    r"\b(?:never|won['’]?t|can['’]?t|nobody\s+will|no\s+one\s+will)\s+(?:convince|persuade|tell)\s+me\s+(?:that\s+)?"
    r"(?:{G}|{GS})\s+(?:are|is|can\s+be)\s+(?:\w+\s+)?{POS}",
    r"\bnot\s+once\s+(?:has|have|did)\s+(?:a\s+|an\s+|any\s+)?(?:{GS}|{G})\s+(?:ever\s+)?(?:contributed|done|given|"
    r"helped|paid|worked|added)",
    r"\bnothing\s+(?:a\s+|an\s+|any\s+)?(?:{GS}|{G}|woman)\s+(?:says?|does|do|thinks?|writes?)\s+(?:is|are)\s+"
    r"(?:worth|of\s+(?:any\s+)?(?:value|use)|important|true)",
    r"{G}" + _COP + r"\s+(?:nobody|no\s+one)['’]?s\s+idea\s+of\s+(?:normal|decent|human|a\s+\w+)",
    # more questions and claims: "why do they always steal?", "are they even human?", "how many more ...?"
    r"\bwhy\s+(?:do|does)\s+(?:all\s+)?(?:the\s+)?{G}\s+(?:always|all|just|only)\s+(?:steal|lie|cheat|rob|stink|smell|"
    r"whine|moan|breed|beg|scrounge|cause\s+trouble)",
    r"{G}\s+(?:always|all|just|constantly)\s+(?:steal|lie|cheat|rob|stink|scrounge|beg)\b",
    r"(?:\bwhy\s+can['’]?t\s+{G}|{G}\s+(?:can['’]?t|never))\s+(?:ever\s+)?(?:do|get)\s+anything\s+right",
    r"\bhow\s+many\s+more\s+{G}\s+(?:do|must|will|are)\s+we\s+(?:have\s+to\s+|going\s+to\s+)?(?:put\s+up\s+with|"
    r"tolerate|take|let\s+in|accept|pay\s+for)",
    r"\b(?:are|is)\s+(?:the\s+)?{G}\s+(?:even|actually|really|truly)\s+(?:human|people|persons|normal|civili[sz]ed)\b",
    r"\bwhy\s+is\s+it\s+(?:always|only)\s+(?:the\s+)?{G}\s+(?:causing|who\s+cause|making|who\s+make|starting|behind)",
    r"\b(?:happier|better|nicer|safer|cleaner)\s+(?:off\s+)?(?:if|when|once)\s+(?:all\s+)?(?:the\s+)?{G}\s+(?:\w+\s+)?"
    r"(?:disappeared|vanished|were\s+gone|went\s+away|died|were\s+dead|didn['’]?t\s+exist)",
    r"\bshould\s+we\s+(?:really\s+|even\s+)?(?:let|allow)\s+{G}\s+(?:to\s+)?(?:make\s+decisions|vote|drive|lead|"
    r"run\s+\w+|have\s+(?:a\s+say|rights|children|kids))",
    "{G}" + _COP + r"\s+(?:as\s+bad\s+as|no\s+better\s+than|worse\s+than)\s+(?:\w+\s+)?{NEG}",
    r"\bnone\s+of\s+(?:the|these|those)\s+{G}\s+(?:deserve|deserves|should\s+get|should\s+have|merit)\s+(?:(?:a|any)\s+"
    r"(?:council\s+)?(?:house|home|flat|job|benefits|help|support|vote|say|place|chance|respect|rights)|to\s+"
    r"(?:be\s+here|stay|live\s+here|vote))",
    r"{G}\s+should\s+(?:just\s+)?(?:stick\s+to|stay\s+in|keep\s+to)\s+(?:cooking|cleaning|the\s+kitchen|housework|"
    r"having\s+babies|making\s+(?:tea|sandwiches)|their\s+own\s+kind|their\s+own\s+countries|their\s+own\s+country|"
    r"their\s+place)",
    r"{G}\s+(?:\w+\s+){0,4}?(?:take|taking|took|steal|stealing|stole|nick|nicking)\s+(?:all\s+)?(?:our|all\s+the)\s+"
    r"(?:jobs|houses|homes|benefits|school\s+places|women|country|nhs|money|council\s+houses)",
    r"{G}\s+(?:shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not)\s+(?:be\s+)?(?:teaching|teach|looking\s+after|"
    r"look\s+after|working\s+with|work\s+with|(?:anywhere\s+)?near|around|allowed\s+(?:anywhere\s+)?near)\s+(?:our\s+|the\s+|your\s+|young\s+|little\s+)?"
    r"(?:kids|children|youngsters|pupils|boys|girls)",
    r"{G}\s+get\s+(?:everything|it\s+all|all\s+the\s+\w+)\s+(?:handed|given)\s+(?:to\s+them|on\s+a\s+plate)",
    r"{G}\s+get\s+(?:everything|it\s+all)(?:\s+\S+){0,4}?\s+(?:while|and|but)\s+(?:we|us|the\s+rest\s+of\s+us)\s+get\s+"
    r"nothing",
    r"{G}\s+(?:are|r|['’]re)\s+(?:always\s+|all\s+)?up\s+to\s+no\s+good",
    r"(?:{G}|{GA}|\bshe|\bhe)\s+only\s+got\s+(?:the|her|his|their|that|this)\s+(?:job|role|post|position|place|seat)\s+"
    r"(?:because|cos|coz|for)\s+(?:of\s+)?(?:quotas?|diversity|being\s+a|she['’]?s\s+a|he['’]?s\s+a|they['’]?re|"
    r"positive\s+discrimination|the\s+colour|her\s+gender|their\s+(?:race|gender|religion))",
    r"{G}\s+(?:haven['’]?t|have\s+not|don['’]?t\s+have|ain['’]?t)\s+(?:got\s+)?(?:a|one)\s+(?:single\s+)?brain\s*"
    r"(?:cell\s+)?between\s+them",
    # with swearing: "they can shove their culture up their arse"
    r"{G}\s+(?:can|could|should|may)\s+(?:all\s+)?(?:\w+\s+)?(?:shove|stick|stuff)\s+(?:\S+\s+){1,4}?up\s+"
    r"(?:their|your|yer)\s+(?:arses?|ass(?:es)?|backsides?|bums?)",
]

# Implicit derogation with no derogatory word: the group's arrival tied to a consequence in the same
# sentence ("Since the refugees moved in you can't walk the streets at night", "We never had to lock
# our doors before ...", "The day they arrived was the day this town died").
ARRIVE = (
    r"(?:the\s+|all\s+(?:the\s+)?|these\s+|those\s+|more\s+|some\s+|they\s+let\s+(?:the\s+)?|(?:\w+\s+)?of\s+)?"
    r"(?:{G}|{GS})\s+(?:\w+\s+)?(?:came|come|arrived|arrive|moved\s+in|move\s+in|moved\s+here|turned\s+up|turn\s+up|"
    r"showed\s+up|got\s+here|took\s+over|left|have\s+left|are\s+back|came\s+back|appeared|settled|set\s+up|"
    r"pitched\s+up|started\s+(?:coming|moving))\b"
)
CONSEQUENCE = (
    r"(?:(?:can['’]?t|cannot|couldn['’]?t)\s+(?:even\s+)?(?:walk|go\s+out|leave\s+(?:\w+\s+){0,2}?(?:unlocked|out|alone)|"
    r"let\s+(?:\w+\s+){0,2}?(?:out|play))|(?:never|didn['’]?t)\s+(?:had|have|used)\s+to\s+lock|"
    r"lock\s+(?:your|our|the|my)\s+(?:doors|sheds|cars|bikes|gates)|nothing\s+(?:\w+\s+){0,3}?(?:is|was|will\s+be)\s+safe|"
    r"count\s+(?:your|the)\s+(?:spoons|silver|fingers)|hide\s+your|sell(?:ing)?\s+up|never\s+been\s+the\s+same|"
    r"house\s+prices?\s+(?:dropped|fell|crashed|plummeted|went\s+down|have\s+(?:dropped|fallen))|"
    r"(?:town|place|area|street|estate|village|road|neighbourhood|high\s+street|park)\s+(?:\w+\s+)?(?:died|is\s+dead|"
    r"has\s+died|went\s+downhill|has\s+gone\s+downhill|is\s+finished|was\s+ruined|is\s+ruined|has\s+been\s+ruined|"
    r"went\s+to\s+(?:pot|hell|the\s+dogs))|(?:crime|trouble|burglar\w*|theft)\s+(?:has\s+)?(?:gone\s+up|"
    r"gone\s+through\s+the\s+roof|soared|rocketed)|crime\s+rate\s+(?:goes|went|has\s+gone)\s+(?:up|through\s+the\s+roof))"
)
ARRIVALS = [
    r"\b(?:since|ever\s+since|once|after|when|the\s+day)\s+" + ARRIVE + r"[^.!?]{0,80}?\b" + CONSEQUENCE,
    r"\b" + CONSEQUENCE + r"[^.!?]{0,80}?\b(?:since|once|after|when|before|until|till|the\s+day)\s+" + ARRIVE,
    r"(?:^|[.!?]\s*)" + ARRIVE + r"\s*(?:,|and)\s+[^.!?]{0,60}?\b" + CONSEQUENCE,
]

# Comparisons with vermin, animals or disease ("letting them in is like letting wild dogs in",
# "I'd sooner have rats next door than ..."); not when the comparison is negated or describes
# how a group is treated ("refugees are treated like animals").
ANIMALS = (
    r"(?:rats|vermin|dogs|wild\s+dogs|animals|beasts|cockroaches|roaches|pigs|swine|apes|monkeys|parasites|"
    r"leeches|plague|disease|a\s+disease|a\s+virus|cancer|rabbits|insects|locusts|sewage|filth|rubbish|"
    r"cattle|livestock|snakes|maggots|lice|fleas|germs|pests|zoo\s+animals|a\s+pack\s+of\s+\w+|(?:a\s+)?sewer|"
    r"(?:a\s+)?cesspit|(?:a\s+)?pigsty|(?:a\s+)?rubbish\s+tip|(?:a\s+)?dump|(?:a\s+)?zoo|a\s+swarm\s+of\s+\w+|"
    r"(?:broken\s+)?machines|furniture|flies|mosquitoes|gnats|seagulls|pigeons|jackals|hyenas|wolves|vultures|slugs|zombies|robots|objects|junk|scrap|(?:a\s+)?tumou?r|a\s+flood\s+of\s+\w+|an\s+infestation)"
)
COMPARISONS = [
    r"{G}\s+(?:\S+\s+){0,8}?(?:like|than|as|to)\s+(?:\S+\s+){0,4}?" + ANIMALS + r"\b",
    r"\b" + ANIMALS + r"\s+(?:\S+\s+){0,8}?than\s+(?:\S+\s+){0,3}?{G}",
]
COMPARISON_EXCUSED = (
    r"\b(?:treat\w*|kept|housed|herded|caged|hunted|handled|described|portrayed|depicted|talked\s+about|"
    r"compar\w*|liken\w*|equat\w*|(?:are|is|were|was)\s+living\s+like|forced|made\s+to|"
    r"spoken\s+(?:to|about)|abused|dehumani[sz]\w*|call(?:s|ed|ing)?|work\w*\s+like|(?:sick|tired)\s+as)\b|\bnot\b|"
    r"n['’]t\b|\bnever\b|\bno\b"
)

# Said with a group named anywhere in the comment, these derogate it without naming it again.
IMPLICIT = [
    r"\bthere\s+goes\s+the\s+neighbou?rhood\b",
    r"\b(?:lowers?|lowering|lowered|drags?\s+down|bring(?:s|ing)?\s+down)\s+the\s+(?:tone|area|house\s+prices)\b",
    r"\block\s+up\s+your\s+(?:daughters|wives|kids|children|valuables)\b",
    r"\bhide\s+your\s+(?:daughters|wives|kids|children|valuables|wallets?|purses?|handbags?|bikes?|jewellery|silver|"
    r"phones?|dogs|cats|cars?)\b",
    r"\bcount\s+(?:your|the)\s+(?:spoons|silver|fingers|children|kids)\b",
    r"\b(?:keep|watch)\s+(?:your\s+)?(?:hands?|eyes?)\s+on\s+your\s+(?:wallets?|purses?|bags?|handbags?|valuables|kids|"
    r"children|bikes?|phones?)\b",
    r"\block\s+up\s+(?:everything|anything\s+(?:valuable|you\s+value))\b",
    r"\b(?:hope|wish)\s+(?:it|the\s+\w+|their\s+\w+)\s+(?:burns|gets\s+(?:burned|burnt|torched|bombed|smashed\s+up)|"
    r"blows\s+up)\b",
    r"\bi['’]?m\s+not\s+(?:a\s+)?(?:racist|sexist|homophobic|transphobic|bigot|prejudiced|islamophobic)\s*,?\s+but\b",
    r"\b(?:time\s+to|i['’]?m\s+going\s+to|we['’]?re\s+going\s+to|might\s+as\s+well)\s+(?:sell\s+up|move\s+out)\b",
    r"\bkeep\s+(?:them|em)\s+(?:out|away\s+from)\b",
    r"\block\s+up\s+your\s+(?:bikes|cars|sheds|houses|valuables|doors)\b",
    r"\b(?:{NEG})(?:\s+\w+)?[\s,]+(?:the\s+(?:whole\s+)?lot\s+of|the\s+(?:pair|two|three)\s+of|all\s+of|both\s+of|every\s+(?:last\s+|single\s+)?one\s+of|"
    r"each\s+of|most\s+of)\s+(?:them|em)\b",
    r"\bhouse\s+prices\s+(?:will|would|are\s+going\s+to|are\s+gonna)?\s*(?:drop|fall|crash|go\s+down|plummet)\b",
    r"\bstick\s+to\s+their\s+own\s+kind\b",
    # a fragment after a group was named ("Travellers on the field. Vermin, the lot of them."):
    # dehumanising nouns and calls for harm only, as "Disgusting." after "disabled bays removed"
    # is a complaint about a decision
    r"(?:^|[.!?;:\n–—-]\s*)(?:absolute\s+|utter\s+|total\s+|just\s+|bloody\s+|fucking\s+|filthy\s+|dirty\s+|"
    r"nothing\s+but\s+|nowt\s+but\s+|"
    r"what\s+(?:a\s+)?|bunch\s+of\s+|pack\s+of\s+|load\s+of\s+)*(?:vermin|rats|animals|filthy\s+animals|savages|parasites|"
    r"leeches|cockroaches|scum|scumbags|filth|subhumans?|sub-humans?|useless\s+eaters|a\s+plague|plague|"
    r"an\s+infestation|infestation|a\s+disease|a\s+cancer|locusts|maggots|pests|degenerates|freaks|"
    r"(?:should|need\s+to|ought\s+to)\s+be\s+(?:locked\s+up|put\s+down|shot|gassed|deported|sterili[sz]ed|"
    r"hanged|strung\s+up|exterminated|wiped\s+out|sent\s+back|kicked\s+out|banned|culled|burned|burnt)|"
    r"makes?\s+me\s+(?:\w+\s+)?(?:sick|puke|vomit|want\s+to\s+(?:puke|vomit|throw\s+up)))\s*(?:[.!?]|$|,?\s+the\s+whole\s+lot\s*(?:[.!?]|$)|,?\s+(?:the\s+lot|all|"
    r"every\s+(?:last\s+|single\s+)?one|each|most)\s+of\s+(?:them|em)\b)",
    r"\b(?:went|goes|gone|going|go)\s+to\s+(?:rack\s+and\s+)?(?:ruin|the\s+dogs|pot|hell|shit)\s+(?:\w+\s+){0,3}?"
    r"(?:when|since|after|once|as\s+soon\s+as)\b",
    r"\b(?:when|since|after|once)\s+(?:\w+\s+){0,4}?(?:{G}|{GS})(?:\s+\w+){0,4}?[\s,:;-]+(?:the\s+)?(?:place|area|street|"
    r"estate|town|neighbourhood|road)\s+(?:went|goes|has\s+gone|always\s+goes|will\s+go)\s+(?:to\s+)?(?:ruin|downhill|"
    r"the\s+dogs|pot|hell|shit)",
]

IMPLICIT += [
    # "Filthy, the whole lot."
    r"\b(?:{NEG})[\s,]+the\s+(?:whole\s+)?lot\s*(?:[.!?]|$)",
    # "Black neighbours? Better lock your car."
    r"\bbetter\s+lock\s+(?:up\s+)?(?:your|the)\s+(?:cars?|bikes?|doors|sheds?|houses?|valuables|gates?|windows)\b",
    # an epithet after the claim: "..., the parasites?"
    r",\s*(?:the|those|these|bloody|dirty|filthy|fucking)\s+(?:\w+\s+)?(?:parasites|vermin|rats|animals|leeches|"
    r"cockroaches|savages|scroungers|subhumans|degenerates|freaks|filth)\s*(?:[.!?]|$)",
    # "a gay couple adopting is child abuse"
    r"(?:{G}|{GA})(?:\s+\w+){0,3}?\s+(?:is|are|=)\s+(?:basically\s+|just\s+|literally\s+|tantamount\s+to\s+)?"
    r"(?:child\s+abuse|grooming|an\s+abomination|a\s+perversion|against\s+nature)\b",
]
IMPLICIT += ARRIVALS

CONTEXT = Context.build(
    negations=[
        r"\bnot\b", r"\bnever\b", NOT_CONTRACTED, r"\bno\s+one\b", r"\bnobody\b", r"\bnone\s+of\b", r"\bno\b",
        r"\b(?:myth|lie|nonsense|rubbish|untrue|false|wrong|absurd|ridiculous|ignorant|bigoted|racist)\s+"
        r"(?:to|that)\b", r"\bstop\b", r"\bhow\s+dare\b", r"\bshame\s+on\b", r"\brefuse\s+to\b",
        r"\bwithout\b", r"\bnor\b",
    ],
    reporting=[
        r"\b(?:people|those|anyone|someone|somebody|whoever|idiots|bigots|racists|folk|men|he|she|they|"
        r"anybody|everyone|person)\s+who\s+(?:\w+\s+)?(?:say|says|said|think|thinks|claim|claims|believe|"
        r"believes|reckon|post|posts|posted|call|calls|shout|write|writes|spread|spreads|tell|tells)\b",
        r"\b(?:saying|claiming|suggesting|implying|pretending|calling|shouting|chanting|writing|posting|"
        r"comparing|likening|labelling|labeling|branding|"
        r"spreading|telling\s+(?:me|us|people)|arguing|insisting|screaming|yelling)\b",
        r"\b(?:said|says|shouted|wrote|posted|told\s+(?:me|us|her|him)|screamed|yelled|chanted|sprayed|"
        r"painted|tweeted|called\s+(?:me|us|him|her|them)|heard\s+\w+(?:\s+\w+)?\s+say)\b",
        r"\bthe\s+(?:idea|claim|notion|myth|lie|suggestion|view|belief|assumption|stereotype|trope|misconception)\s+"
        r"(?:that|of)\b", r"\bmisconception\b",
        # ... in the plural, with or without an article: "preconceived notions that ... are criminals"
        r"\b(?:notions|myths|assumptions|stereotypes|stereotyping|tropes|misconceptions|prejudices?)\b",
        r"\blies\s+(?:that|about)\b",
        r"\b(?:he|she|they|someone|somebody|people|group|party|man|woman|guy|bloke|gran|grandad|dad|mum|uncle|"
        r"aunt|neighbour|leaflets?|posts?|articles?|signs?|posters?|graffiti|[a-z]+s)\s+(?:\w+\s+)?(?:claim|claims|"
        r"claimed|insist|insists|insisted|argue|argues|argued|reckon|reckons|believe|believes|think|thinks|thought|"
        r"say|says|said|used\s+to\s+(?:say|think|believe))\b",
        r"\b(?:i|we)\s+used\s+to\s+(?:think|believe|say|reckon)\b", r"\bheard\b",
        # how others see a group: "disabled people are seen as sick, as if they need to be cured"
        r"\b(?:seen|viewed|regarded|portrayed|painted|depicted|stereotyped|written\s+off)\s+as\b",
        # asking why others hate: "Why do people hate immigrants so much?"
        r"\bwhy\s+(?:do|does|did|would|should)\s+(?:people|so\s+many(?:\s+people)?|some(?:\s+people)?|folk|others|anyone)\b",
        r"\b(?:tell|tells|telling|told)\s+(?:\w+\s+){1,2}that\b",
        r"\b(?:statements?|comments?|words|things|posts?|signs?|leaflets?|graffiti|chants?|messages?)\s+"
        r"(?:like|such\s+as|saying)\b",
        r"\b(?:sick|tired)\s+of\s+(?:hearing|people|reading|seeing)\b", r"\bif\s+you\s+think\b",
        r"\b(?:who|where)\s+(?:says|said)\b", r"\bdon['’]?t\s+(?:let|listen)\b",
        r"\bthreat(?:s|en(?:s|ed|ing)?)?\s+(?:to|of|against)\b",  # "threats to kill ... are a crime"
    ],
    rebuttals=[
        r"^[\s,;:\"'”’)]*(?:(?:and|which|that|this|it)\s+)?(?:is|are|was|were|['’]s|is\s+just|are\s+just)\s+"
        r"(?:just\s+|simply\s+|absolutely\s+|so\s+|completely\s+|totally\s+|utterly\s+|pure\s+|plain\s+|"
        r"clearly\s+|a\s+|an\s+|deeply\s+|really\s+)*(?:wrong|nonsense|rubbish|bullshit|a\s+lie|lies|a\s+myth|"
        r"false|untrue|racist|racism|sexist|sexism|misogyn\w*|homophob\w*|transphob\w*|islamophob\w*|"
        r"antisemit\w*|ableis\w*|bigot\w*|hateful|hate|hate\s+speech|disgusting|vile|shameful|abhorrent|"
        r"ignorant|offensive|unacceptable|not\s+(?:ok|okay|acceptable|true|on|right|funny)|a\s+disgrace|"
        r"appalling|sickening|awful|horrible|outrageous|dangerous|poison|evil)\b",
        r"^[\s,;:\"'”’)]*(?:[-–—]\s*)?(?:that['’]?s|this\s+is|that\s+is|it['’]?s)\s+(?:just\s+|so\s+|pure\s+|"
        r"plain\s+)?(?:racist|sexist|bigoted|hateful|disgusting|vile|wrong|not\s+ok|unacceptable|hate)",
        r"^[\s,;:\"'”’)]*(?:makes?|made)\s+me\s+(?:sick|angry|ashamed|furious)",
        r"\b(?:it['’]?s|that['’]?s|this\s+is|which\s+is)\s+(?:so\s+|just\s+|absolutely\s+)?(?:shameful|heartbreaking|"
        r"inhumane|disgraceful|a\s+disgrace|appalling|shocking)\b",
        r"^[\s,;:\"'”’)]*(?:has|have)\s+no\s+place\b",
        r"^[\s,;:\"'”’)]*(?:needs?\s+to\s+stop|should\s+be\s+(?:ashamed|reported|removed|challenged))",
    ],
    followers=[
        r"^(?:that|this|such|these|those|it|statements?|comments?|views?|words|talk|posts?|rhetoric|language|"
        r"people\s+who|whoever|anyone\s+who|i\s+(?:reported|challenged|complained)|(?:he|she|they|i|we|you)\s+"
        r"(?:was|were|are|is|am))\b.{0,60}?\b(?:wrong|"
        r"nonsense|racist|racism|sexist|bigoted|bigotry|hateful|hate|disgusting|vile|not\s+ok|unacceptable|"
        r"shameful|appalling|sickening|reported|ashamed|no\s+place)\b",
    ],
    reach=8,
)


def variants(word: str, swaps_only: bool = False) -> set[str]:
    """A word with one inner letter dropped, or two neighbouring letters swapped ("htae", "mslims")."""
    out = set()
    for i in range(len(word) - 1):
        out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        if not swaps_only and 0 < i:
            out.add(word[:i] + word[i + 1 :])
    out.discard(word)
    return out


def misspelt(fragments: list[str]) -> list[str]:
    """Misspellings of the plain words among `fragments` (RE2): a word, or a name's first word.

    Words of four letters or more get both kinds of slip (a trailing "s?" makes two words); the first word
    of a two-word name ("gay people", "trans people") gets both, as the second word anchors it.
    """
    out: set[tuple[str, str]] = set()
    known: set[str] = set()
    for source in fragments:
        m = _PLAIN.match(source)
        if m is None:
            continue
        article, head, rest = m.group(1) or "", m.group(2), m.group(3)
        known.add(head)
        if rest in ("", r"\b", "?", "s?", "es?", "(?:es)?"):
            words = {"": [head], r"\b": [head], "?": [head[:-1], head], "s?": [head, head + "s"],
                     "es?": [head + "e", head + "es"], "(?:es)?": [head, head + "es"]}[rest]
            for word in words:
                if len(word) >= 4:
                    known.add(word)
                    out |= {(article + v, r"\b") for v in variants(word)}
        elif rest == _PEOPLE and len(head) >= 3:
            out |= {(article + v, rest) for v in variants(head)}
    return [
        rf"\b{v}{rest}" if not v.startswith("(") else rf"{v}{rest}"
        for v, rest in sorted(out)
        if v.split(")?")[-1] not in known and v.split(")?")[-1] not in TYPO_COLLISIONS
    ]


_PLAIN = re.compile(r"^(\(\?:an?\\s\+\)\?|\(\?:the\\s\+\)\?)?(?:\\b)?([a-z]+)(.*)$")


# Misspellings that are words of their own.
TYPO_COLLISIONS = frozenset(
    """backs lacks poles roles trans romans arabs sikh isms sum rat ras ats art tar ape pae pig gip dog
    god ogd scum evil vile live veil vlie lazy thick thcik dumb vermin thieves pests pets step sets
    pest apes aspe peas pase spae spa are era ear rae sick ugly gross grsos crap carp cap rap shit hits
    this sith trash tarsh rash cult clut lust slut burden nimals animal back metal def hats thus garage
    refuges sink violet sinking tick hat hates gas sit lay pet lie lies dub cut joe sake sakes treat best
    bests bus
    dos gem gems tash rats money beat beats none arts shot pure moon bob cuts site loses""".split()
)
