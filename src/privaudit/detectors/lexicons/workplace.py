"""Workplace vocabulary: who the writer works with, insults and threats about them, and
the words that mark information as confidential.

Hostility patterns have a group ``target`` (the boss, the job, the colleagues). ``{ORG}``
in a pattern stands for the organisation keywords of the scan's configuration; a pattern
with ``{ORG}`` is used only when keywords are configured.
"""

from __future__ import annotations

_EN_TARGETS = (
    r"boss", r"bosses", r"manager", r"supervisor", r"team ?lead", r"line manager", r"ceo",
    r"employer", r"company", r"job", r"workplace", r"co-?workers?", r"colleagues?",
    r"shift manager", r"hr(?: department)?", r"department", r"management", r"office",
    r"store manager", r"head chef",
)  # fmt: skip
_EN_INSULTS = (
    r"idiots?", r"morons?", r"assholes?", r"arseholes?", r"jerks?", r"pricks?", r"dicks?",
    r"dickheads?", r"bitch(?:es)?", r"cunts?", r"twats?", r"wankers?", r"clowns?", r"a joke",
    r"useless", r"incompetent", r"stupid", r"dumb", r"braindead", r"brain-?dead", r"toxic",
    r"psychos?", r"psychopaths?", r"pigs?", r"snakes?", r"liars?", r"pieces? of shit", r"trash",
    r"garbage", r"worthless", r"pathetic", r"a nightmare", r"hell", r"the worst", r"losers?",
    r"scumbags?", r"a disgrace", r"racists?", r"creeps?", r"sexist", r"corrupt", r"crooks?",
    r"full of shit", r"retarded", r"a dumbass", r"dumbasses",
)  # fmt: skip
_EN_INTENS = (
    r"(?:(?:such|a|an|the|complete|total|fucking|absolute|so|literally|the biggest|utter|actual"
    r"|real|massive|huge|bunch of|bloody|damn|truly|really|just|all|seriously)\s+){0,4}"
)
_EN_HATE = (
    r"(?:hate|despise|loathe|can['’]?t stand|cannot stand|detest|am done with|['’]m done with)"
)
_EN_VIOLENCE = (
    r"(?:kill|murder|punch|strangle|stab|shoot|beat up|beat the shit out of|slap|hurt|choke"
    r"|deck|smack|burn down|blow up|torch)"
)

_DE_TARGETS = (
    r"chef(?:in)?", r"vorgesetzte[rn]?", r"boss", r"kolleg(?:e|in|en|innen)", r"firma",
    r"arbeitgeber", r"job", r"arbeit", r"abteilungsleiter(?:in)?", r"teamleiter(?:in)?",
    r"laden", r"schichtleiter(?:in)?", r"geschäftsführer(?:in)?", r"büro",
)  # fmt: skip
_DE_INSULTS = (
    r"vollidiot(?:in|en)?", r"idiot(?:in|en)?", r"arschl[oö]ch(?:er)?", r"penner", r"ein witz",
    r"inkompetent", r"unfähig", r"dumm", r"bescheuert", r"wichser", r"sau", r"hexe", r"blöd",
    r"dämlich", r"lächerlich", r"die hölle", r"scheiße", r"scheisse", r"kacke",
    r"psychopath(?:in)?",
    r"spast(?:i|en)?", r"vollpfosten", r"hohlbirne", r"trottel", r"depp(?:en)?", r"mist",
    r"zum kotzen", r"das letzte", r"toxisch", r"ätzend",
)  # fmt: skip
_DE_INTENS = (
    r"(?:(?:so|ein|eine|einer|total|echt|voll|der|die|das|komplett|absolut|richtig|einfach|nur"
    r"|der größte|die größte|ein riesen|ein kompletter|eine komplette|solche|solch)\s+){0,3}"
)
_ES_TARGETS = (
    r"jef[ea]s?", r"supervisor[a]?", r"gerente", r"compañer[oa]s?(?: de (?:trabajo|curro))?",
    r"curro", r"trabajo", r"empresa", r"encargad[oa]", r"chamba", r"oficina", r"patr[oó]n",
)  # fmt: skip
_ES_INSULTS = (
    r"imbécil(?:es)?", r"imbecil(?:es)?", r"idiotas?", r"gilipollas", r"pendej[oa]s?",
    r"cabr[oó]n(?:es)?",
    r"cabrona", r"inútil(?:es)?", r"inutil(?:es)?", r"incompetentes?", r"estúpid[oa]s?",
    r"estupid[oa]s?", r"una mierda", r"un asco", r"basura", r"tont[oa]s?", r"payas[oa]s?",
    r"un chiste", r"insoportables?", r"tóxic[oa]s?", r"hijos? de puta", r"hdp", r"mamón",
    r"culero", r"pelotud[oa]", r"boludo", r"un infierno", r"lo peor",
)  # fmt: skip
_ES_INTENS = (
    r"(?:(?:un|una|muy|tan|el|la|los|las|tremend[oa]|total|completamente|re|bien|unos|unas"
    r"|más|lo más)\s+){0,3}"
)
_FR_TARGETS = (
    r"patron(?:ne)?", r"chef(?:fe)?", r"boss", r"manager", r"supérieure?", r"responsable",
    r"collègues?", r"boulot", r"taf", r"travail", r"boîte", r"entreprise", r"directrice",
    r"directeur", r"n\+1",
)  # fmt: skip
_FR_INSULTS = (
    r"con(?:ne|s|nes)?", r"connard", r"connasse", r"idiot(?:e|s|es)?", r"crétin(?:e|s|es)?",
    r"abruti(?:e|s|es)?", r"débiles?", r"incompétent(?:e|s|es)?", r"nul(?:le|s|les)?",
    r"salop(?:e|ard|ards)", r"enfoiré(?:e|s|es)?", r"bouffon(?:ne|s)?", r"une merde",
    r"de la merde", r"pourri(?:e|s|es)?", r"toxiques?", r"insupportables?", r"chiant(?:e|s|es)?",
    r"un enfer", r"l['’]enfer", r"une blague", r"minables?", r"pathétiques?",
)  # fmt: skip
_FR_INTENS = (
    r"(?:(?:un|une|vraiment|trop|tellement|complètement|grave|des|vraie|vrai|le roi des"
    r"|la reine des|totalement|super|bien|gros|grosse|sacré|sacrée)\s+){0,3}"
)


def _alt(items: tuple[str, ...]) -> str:
    return "(?:" + "|".join(items) + ")"


_EN_KW = (
    "boss bosses manager managers supervisor teamlead ceo employer company job workplace "
    "coworker coworkers worker workers colleague colleagues hr department management office"
)
_DE_KW = (
    "chef chefin vorgesetzte vorgesetzter vorgesetzten kollege kollegin kollegen kolleginnen "
    "firma arbeitgeber arbeit abteilungsleiter abteilungsleiterin teamleiter teamleiterin laden "
    "schichtleiter schichtleiterin geschäftsführer geschäftsführerin büro job boss scheißjob "
    "scheissjob drecksjob scheißfirma scheissfirma scheißchef scheisschef scheißarbeit "
    "scheissarbeit scheißkollegen scheiß scheiss drecks"
)
_ES_KW = (
    "jefe jefa jefes jefas supervisor supervisora gerente compañero compañera compañeros "
    "compañeras curro trabajo empresa encargado encargada chamba oficina patrón patron"
)
_FR_KW = (
    "patron patronne chef cheffe boss manager supérieur supérieure responsable collègue "
    "collègues boulot taf travail boîte entreprise directrice directeur"
)
_NL_IT_KW = "baas manager collega collegas werk chef capo capa colleghi collega lavoro azienda"

HOSTILITY: tuple[tuple[str, str, str], ...] = (
    # English
    (rf"(?:my|our)\s+(?:(?:new|old|current|stupid|fucking|damn)\s+)?(?P<target>{_alt(_EN_TARGETS)})"
     rf"\s+(?:is|are|was|were|=|['’]s|['’]re)\s+{_EN_INTENS}{_alt(_EN_INSULTS)}(?!\w)",
     "insult", _EN_KW),
    (rf"i\s+(?:(?:fucking|really|absolutely|so|seriously|truly|just|honestly|literally)\s+)*"
     rf"{_EN_HATE}\s+(?:my|our|this)\s+(?:(?:stupid|fucking|damn|new)\s+)?"
     rf"(?P<target>{_alt(_EN_TARGETS)})(?!\w)", "hate", _EN_KW),
    (rf"(?:fuck|f\*ck|f\*\*k|fk|screw)\s+(?:my|this|our)\s+(?P<target>{_alt(_EN_TARGETS)})(?!\w)",
     "insult", _EN_KW),
    (rf"my\s+(?P<target>{_alt(_EN_TARGETS)})\s+(?:sucks|suck|can go to hell|can fuck off"
     rf"|can eat shit|can go fuck (?:himself|herself|themselves|itself))", "insult", _EN_KW),
    (rf"(?:i['’]?m going to|i['’]?m gonna|i will|i['’]ll|gonna|about to|i want to|i wanna"
     rf"|i could|i swear i['’]ll)\s+(?:fucking\s+|literally\s+)?{_EN_VIOLENCE}\s+(?:my|our|the)"
     rf"\s+(?P<target>{_alt(_EN_TARGETS)})(?!\w)", "threat", _EN_KW),
    (rf"i\s+(?:{_EN_HATE}|fucking hate)\s+(?:working|my job)\s+(?:at|for)\s+(?P<target>{{ORG}})",
     "hate", ""),
    (r"(?:fuck|f\*ck|screw)\s+(?P<target>{ORG})(?!\w)", "insult", ""),
    (rf"(?P<target>{{ORG}})\s+(?:is|are)\s+(?:run by\s+)?{_EN_INTENS}{_alt(_EN_INSULTS)}(?!\w)",
     "insult", ""),
    # German
    (rf"(?:mein(?:e)?|unser(?:e)?)\s+(?P<target>{_alt(_DE_TARGETS)})\s+(?:ist|sind|war|waren)\s+"
     rf"{_DE_INTENS}{_alt(_DE_INSULTS)}(?!\w)", "insult", _DE_KW),
    (rf"(?:^|(?<=[.!?\n]))\s*(?:der\s+|die\s+)?(?P<target>chef(?:in)?|kollege|kollegin|kollegen)"
     rf"\s+(?:ist|sind)\s+{_DE_INTENS}{_alt(_DE_INSULTS)}(?!\w)", "remark", _DE_KW),
    (rf"ich\s+(?:hasse|verabscheue)\s+(?:meine[nr]?|unsere[nr]?|diese[nr]?)\s+"
     rf"(?P<target>{_alt(_DE_TARGETS)})(?!\w)", "hate", _DE_KW),
    (rf"(?:mein(?:e)?)\s+(?P<target>{_alt(_DE_TARGETS)})\s+(?:nervt|kotzt mich an|kann mich mal"
     rf"|geht mir auf den sack)", "insult", _DE_KW),
    (r"(?:scheiß|scheiss|drecks)[- ]?(?P<target>job|firma|chef|arbeit|kollegen)(?!\w)",
     "insult", _DE_KW),
    (rf"ich\s+(?:bring|bringe|werde)\s+(?:meine[nr]?|den|die)\s+(?P<target>{_alt(_DE_TARGETS)})"
     rf"\s+(?:noch\s+)?(?:um|umbringen)(?!\w)", "threat", _DE_KW),
    # Spanish
    (rf"(?:mis?|nuestr[oa]s?)\s+(?P<target>{_alt(_ES_TARGETS)})\s+(?:es|son|era|eran)\s+"
     rf"{_ES_INTENS}{_alt(_ES_INSULTS)}(?!\w)", "insult", _ES_KW),
    (rf"(?:odio|detesto|no soporto|no aguanto)\s+(?:a\s+)?(?:mis?|est[ea]s?)\s+"
     rf"(?P<target>{_alt(_ES_TARGETS)})(?!\w)", "hate", _ES_KW),
    (r"mi\s+(?P<target>jef[ea]|trabajo|curro|empresa)\s+(?:apesta|da asco|me tiene harto"
     r"|me tiene harta)", "insult", _ES_KW),
    (r"(?:voy a|quiero)\s+(?:matar|pegar|reventar|ahorcar)\s+a\s+mi\s+(?P<target>jef[ea]"
     r"|compañer[oa]|encargad[oa])(?!\w)", "threat", _ES_KW),
    # French
    (rf"(?:mon|ma|mes)\s+(?P<target>{_alt(_FR_TARGETS)})\s+(?:est|sont|était|étaient|c['’]est)\s+"
     rf"{_FR_INTENS}{_alt(_FR_INSULTS)}(?!\w)", "insult", _FR_KW),
    (rf"je\s+(?:déteste|hais|supporte pas|ne supporte pas|ne supporte plus|peux pas blairer"
     rf"|ne peux plus voir)\s+(?:mon|ma|mes)\s+(?P<target>{_alt(_FR_TARGETS)})(?!\w)",
     "hate", _FR_KW),
    (r"(?:mon|ma)\s+(?P<target>boulot|taf|boîte|chef|patron|manager)\s+me\s+(?:saoule|soûle"
     r"|gonfle|casse les couilles|fait chier)", "insult", _FR_KW),
    (rf"je\s+vais\s+(?:tuer|buter|frapper|étrangler)\s+(?:mon|ma)\s+(?P<target>{_alt(_FR_TARGETS)})"
     rf"(?!\w)", "threat", _FR_KW),
    # Dutch, Italian
    (r"mijn\s+(?P<target>baas|manager|collega['’]?s?|werk|chef)\s+(?:is|zijn)\s+(?:een\s+)?"
     r"(?:echte\s+|totale\s+)?(?:idioot|idioten|klootzak|eikel|lul|sukkel|waardeloos|incompetent)"
     r"(?!\w)", "insult", _NL_IT_KW),
    (r"(?:il mio|la mia|i miei)\s+(?P<target>capo|capa|colleghi|collega|lavoro|azienda)\s+"
     r"(?:è|e|sono)\s+(?:un\s+|una\s+|proprio\s+)?(?:idiota|idioti|stronz[oa]|coglione|incompetente"
     r"|inutile|una merda)(?!\w)", "insult", _NL_IT_KW),
)  # fmt: skip
"""Insults, hatred and threats about the writer's own workplace, with their kind — ``insult``,
``hate`` (grumbling), ``threat``, or ``remark`` (an insult without "my": less certain) — and
their prefilter keywords (one must be a word of the post; "" for the organisation patterns,
which run when a keyword is named)."""

CONFIDENTIAL_CUES: tuple[str, ...] = (
    # English
    r"under (?:an? )?nda", r"(?:i['’]?m|we['’]?re) (?:under|bound by) (?:an? )?nda", r"nda",
    r"(?:strictly |highly |very )?confidential", r"internal[- ]only", r"internal use only",
    r"for internal use", r"don['’]?t tell anyone", r"do not share", r"don['’]?t share this",
    r"not (?:public|announced|official) yet", r"not yet (?:public|announced|released|official)",
    r"off the record", r"embargoed", r"under embargo", r"top secret", r"hush[- ]hush",
    r"secret project", r"unreleased", r"unannounced", r"keep (?:it|this) (?:quiet|between us"
    r"|on the down ?low|under wraps|to yourself)", r"between you and me", r"between us",
    r"nobody knows (?:this )?yet", r"no one knows (?:this )?yet", r"before it['’]s announced",
    r"(?:can['’]?t|cannot|not supposed to|not allowed to|shouldn['’]?t) (?:really )?(?:say|talk"
    r" about|share|tell|disclose) (?:much|more|anything|this|it)(?: yet)?",
    # German
    r"vertraulich", r"streng geheim", r"nur intern", r"interne infos?", r"nicht weitersagen",
    r"sag(?:t)? es niemandem", r"unter nda", r"noch nicht offiziell", r"noch geheim",
    r"darf (?:ich )?(?:eigentlich )?(?:noch )?(?:nichts|nicht) (?:sagen|verraten)",
    # Spanish
    r"confidencial", r"no se lo digas a nadie", r"no digáis nada", r"bajo nda",
    r"(?:aún|todavía) no es (?:público|oficial)", r"no puedo (?:decir|contar) (?:mucho|nada)",
    r"secreto", r"uso interno",
    # French
    r"confidentiel(?:le)?", r"ne le dis à personne", r"ne dites rien", r"sous nda",
    r"pas encore (?:public|officiel|annoncé)", r"je (?:ne )?peux pas (?:trop )?en dire",
    r"usage interne", r"top secret",
)  # fmt: skip
"""Words that mark what follows (or precedes) as not to be shared."""

WORK_CONTEXT: tuple[str, ...] = (
    # English
    r"we['’]?re (?:launching|releasing|shipping|announcing|acquiring|merging|laying off|being"
    r" acquired|getting acquired|closing)", r"we (?:launch|release|ship|announce)",
    r"(?:our|my) (?:team|company|client|clients|customer|customers|project|product|boss|ceo"
    r"|manager|board|startup|employer|department)", r"client", r"customer", r"launch(?:ing)?",
    r"release date", r"roadmap", r"merger", r"acquisition", r"acquired", r"layoffs?",
    r"laying off", r"restructuring", r"earnings", r"revenue", r"q[1-4]", r"prototype",
    r"codename", r"code name", r"project \w+", r"at work", r"the office", r"memo", r"all-hands",
    r"investors?", r"funding round", r"ipo", r"the deal", r"contract", r"new product",
    r"next (?:iphone|model|version|release|product|game|season)",
    # German
    r"wir launchen", r"launch", r"release", r"übernahme", r"fusion", r"entlassungen",
    r"stellenabbau", r"kunden?", r"projekt", r"produkt", r"(?:unsere|meine) firma", r"chef",
    r"quartal", r"umsatz", r"prototyp", r"auf der arbeit",
    # Spanish
    r"lanzamos", r"lanzamiento", r"vamos a lanzar", r"cliente", r"proyecto", r"producto",
    r"(?:mi|nuestra) empresa", r"despidos", r"fusión", r"adquisición", r"trimestre",
    r"en el curro", r"en el trabajo",
    # French
    r"on lance", r"lancement", r"nouveau produit", r"client", r"projet", r"(?:ma|notre) boîte",
    r"(?:mon|notre) entreprise", r"licenciements", r"plan social", r"rachat", r"fusion",
    r"chiffre d['’]affaires", r"trimestre", r"au boulot", r"au taf",
)  # fmt: skip
"""Words that put a secret in a work setting (a launch, a client, layoffs, a merger)."""

DISCLOSURE_JOINS: tuple[str, ...] = (r"but", r"aber", r"pero", r"mais", r"though", r"however")
"""After a confidentiality cue, these words announce that the secret follows anyway."""

REFUSALS: tuple[str, ...] = (
    r"so (?:i )?can['’]?t (?:say|talk|share|tell)", r"can['’]?t say more", r"can['’]?t talk"
    r" about (?:it|that)", r"no comment", r"sorry", r"stay tuned", r"more soon", r"soon™",
    r"deshalb kann ich nichts", r"mehr (?:darf|kann) ich nicht", r"no puedo decir más",
    r"je ne peux rien dire", r"j['’]en dis pas plus",
)  # fmt: skip
"""Phrases that keep the secret: "I'm under NDA so I can't say" discloses nothing."""

SECRET_KEYWORDS = """
    nda confidential internal embargoed embargo secret hush unreleased unannounced
    vertraulich geheim intern interne weitersagen niemandem confidencial secreto confidentiel
    confidentielle
"""  # fmt: skip
"""Prefilter: words that by themselves mark something as confidential."""
SECRET_SOFT_KEYWORDS = """
    tell share public announced official record keep between knows say talk disclose
    offiziell verraten sagen digas digáis público oficial decir contar uso personne dites
    annoncé dire usage
"""  # fmt: skip
"""Prefilter: words of the longer cues ("don't tell anyone", "not public yet"), searched only
when a work word is in the post too."""
WORK_KEYWORDS = """
    launch launching launches release releasing released ship shipping announce announcing
    client clients customer customers project product products roadmap merger acquisition
    acquired acquiring layoff layoffs laying restructuring earnings revenue q1 q2 q3 q4
    prototype codename code team company boss ceo manager board startup employer work office
    memo investors investor funding ipo deal contract launchen übernahme fusion entlassungen
    stellenabbau kunde kunden projekt produkt firma chef quartal umsatz prototyp arbeit
    lanzamos lanzamiento lanzar cliente clientes proyecto producto empresa despidos fusión
    adquisición trimestre curro trabajo lance lancement produit projet boîte entreprise
    licenciements plan rachat chiffre boulot taf iphone model version
"""  # fmt: skip
"""Prefilter: work words, one of which must accompany a soft confidentiality cue."""
