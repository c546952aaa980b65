"""Sensitive-topic phrases: first-person statements about health, substances, sex, the law
and money, in English, German, Spanish and French.

Every phrase says that the *writer* is concerned ("I was diagnosed with", "my meds", "I'm
so high", "ich bin betrunken", "me arrestaron", "j'ai été arrêté"): a topic word alone is
never enough. Each pattern has a group ``term`` — the sensitive word itself, masked in the
report — and a confidence: ``high`` for explicit statements (a diagnosis, an arrest),
``medium`` for plain ones ("I have depression"), ``low`` for words often used loosely.
"""

from __future__ import annotations

from privaudit.detectors.text import alternation, words

# --- health --------------------------------------------------------------------------

_EN_CONDITIONS = (
    r"cancer", r"(?:breast|lung|skin|prostate|ovarian|colon|thyroid|brain|bone) cancer",
    r"leuk(?:a)?emia", r"lymphoma", r"melanoma", r"(?:a )?(?:brain )?tumou?r", r"diabetes",
    r"type (?:1|2|one|two|i|ii) diabetes", r"hiv", r"aids", r"herpes", r"hpv", r"chlamydia",
    r"gonorrh(?:o)?ea", r"syphilis", r"(?:an )?std", r"(?:an )?sti", r"hepatitis(?: [abc])?",
    r"epilepsy", r"multiple sclerosis", r"crohn['’]?s(?: disease)?", r"(?:ulcerative )?colitis",
    r"lupus", r"fibromyalgia", r"endometriosis", r"pcos",
    r"(?:clinical |major |severe )?depression",
    r"(?:an? )?(?:generali[sz]ed )?anxiety disorder", r"panic (?:attacks|disorder)",
    r"bipolar(?: disorder)?", r"schizophrenia", r"(?:c-)?ptsd", r"ocd", r"adhd",
    r"autism", r"asperger['’]?s", r"(?:an )?eating disorder", r"anorexia", r"bulimia",
    r"(?:borderline personality disorder|bpd)", r"dementia", r"alzheimer['’]?s",
    r"parkinson['’]?s", r"als", r"tourette['’]?s", r"long covid", r"(?:a )?miscarriage",
    r"(?:an )?abortion", r"infertility", r"(?:a )?stroke(?! of)", r"(?:a )?heart attack",
    r"heart disease", r"kidney (?:disease|failure)", r"cirrhosis", r"suicidal thoughts",
    r"(?:an )?addiction", r"alcoholism", r"(?:a )?drinking problem", r"anxiety",
    r"(?:a )?(?:mental |nervous )?breakdown", r"psychosis", r"(?:an )?std",
)  # fmt: skip
_EN_LOOSE = (r"anxiety", r"ocd", r"adhd", r"depression")
"""Conditions also said loosely ("my OCD about my desk"): lower confidence unless diagnosed."""
_EN_MEDS = (
    r"antidepressants?", r"ssris?", r"prozac", r"zoloft", r"lexapro", r"paxil", r"celexa",
    r"wellbutrin", r"effexor", r"cymbalta", r"xanax", r"valium", r"klonopin", r"ativan",
    r"adderall", r"ritalin", r"vyvanse", r"concerta", r"lithium", r"lamictal", r"seroquel",
    r"abilify", r"risperdal", r"methadone", r"suboxone", r"insulin", r"metformin", r"prep",
    r"truvada", r"antiretrovirals?", r"chemo(?:therapy)?", r"antipsychotics?",
    r"mood stabili[sz]ers?",
    r"(?:my )?meds", r"medication",
)  # fmt: skip
_EN_SELF_ADJ = (
    r"diabetic", r"bipolar", r"hiv[- ]positive", r"hiv\+", r"poz", r"pregnant", r"autistic",
    r"epileptic", r"anorexic", r"bulimic", r"(?:an )?alcoholic", r"(?:a )?(?:recovering )?addict",
    r"suicidal", r"schizophrenic", r"clinically depressed", r"in remission",
    r"(?:a )?cancer survivor", r"in rehab", r"in therapy", r"on dialysis",
)  # fmt: skip
_EN_MODS = (
    r"(?:(?:a|an|severe|chronic|stage (?:\d|iv|iii|ii|i|four|three|two|one)|type \w+|clinical"
    r"|major|mild|bad|really bad|terrible|my|early|late|advanced|terminal|diagnosed)\s+){0,3}"
)

_DE_CONDITIONS = (
    r"krebs", r"brustkrebs", r"leukämie", r"einen tumor", r"diabetes", r"hiv", r"aids",
    r"herpes", r"chlamydien", r"syphilis", r"epilepsie", r"multiple sklerose", r"ms",
    r"morbus crohn", r"depressionen?", r"eine depression", r"angststörung(?:en)?",
    r"panikattacken", r"eine bipolare störung", r"schizophrenie", r"ptbs", r"adhs", r"autismus",
    r"eine essstörung", r"magersucht", r"bulimie", r"borderline", r"demenz", r"alzheimer",
    r"parkinson", r"eine fehlgeburt", r"eine abtreibung", r"einen schlaganfall",
    r"einen herzinfarkt", r"suizidgedanken", r"eine sucht", r"long covid", r"burn-?out",
)  # fmt: skip
_DE_MEDS = (
    r"antidepressiva", r"tabletten", r"medikamente", r"psychopharmaka", r"insulin",
    r"methadon", r"lithium", r"ritalin", r"chemo(?:therapie)?", r"prep",
)  # fmt: skip
_DE_SELF_ADJ = (
    r"schwanger", r"depressiv", r"bipolar", r"diabetiker(?:in)?", r"hiv-positiv",
    r"alkoholiker(?:in)?", r"magersüchtig", r"autist(?:in)?", r"epileptiker(?:in)?",
    r"suizidal", r"in therapie", r"in behandlung", r"süchtig", r"in der psychiatrie",
)  # fmt: skip

_ES_CONDITIONS = (
    r"cáncer", r"cancer", r"leucemia", r"un tumor", r"diabetes", r"vih", r"sida", r"herpes",
    r"clamidia", r"sífilis", r"epilepsia", r"esclerosis múltiple", r"crohn", r"depresión",
    r"ansiedad", r"ataques de pánico", r"trastorno bipolar", r"esquizofrenia", r"tept",
    r"toc", r"tdah", r"autismo", r"un trastorno alimenticio", r"anorexia", r"bulimia",
    r"demencia", r"alzheimer", r"parkinson", r"un aborto", r"un derrame", r"un infarto",
    r"pensamientos suicidas", r"una adicción", r"covid persistente",
)  # fmt: skip
_ES_MEDS = (
    r"antidepresivos", r"pastillas", r"medicación", r"medicamentos", r"ansiolíticos",
    r"insulina", r"metadona", r"litio", r"quimio(?:terapia)?", r"prep",
)  # fmt: skip
_ES_SELF_ADJ = (
    r"embarazada", r"diabétic[oa]", r"bipolar", r"seropositiv[oa]", r"alcohólic[oa]",
    r"autista", r"epiléptic[oa]", r"anoréxic[oa]", r"en tratamiento", r"en terapia",
    r"en rehabilitación", r"en quimio", r"deprimid[oa] clínicamente",
)  # fmt: skip

_FR_CONDITIONS = (
    r"(?:un |le )?cancer", r"(?:une |la )?leucémie", r"une tumeur", r"(?:du |le )?diabète",
    r"(?:le )?vih", r"(?:le )?sida", r"(?:l['’])?herpès", r"une chlamydia", r"la syphilis",
    r"(?:l['’])?épilepsie", r"une sclérose en plaques", r"(?:la )?maladie de crohn",
    r"(?:une |la )?dépression", r"des crises d['’]angoisse", r"(?:des )?attaques de panique",
    r"un trouble bipolaire", r"(?:la )?schizophrénie", r"un tspt", r"(?:un |le )?toc",
    r"(?:un |le )?tdah", r"(?:l['’])?autisme", r"un trouble alimentaire", r"(?:l['’])?anorexie",
    r"(?:la )?boulimie", r"(?:la )?maladie d['’]alzheimer", r"(?:la )?maladie de parkinson",
    r"une fausse couche", r"un avortement", r"un avc", r"un infarctus", r"des idées suicidaires",
    r"une addiction", r"un covid long", r"(?:un )?burn-?out",
)  # fmt: skip
_FR_MEDS = (
    r"antidépresseurs", r"anxiolytiques", r"médocs", r"médicaments", r"cachets", r"insuline",
    r"méthadone", r"lithium", r"chimio(?:thérapie)?", r"prep",
)  # fmt: skip
_FR_SELF_ADJ = (
    r"enceinte", r"diabétique", r"bipolaire", r"séropositi(?:f|ve)", r"alcoolique",
    r"autiste", r"épileptique", r"anorexique", r"en dépression", r"en rémission",
    r"sous antidépresseurs", r"en thérapie", r"en cure de désintox",
)  # fmt: skip


def _t(terms: tuple[str, ...]) -> str:
    return f"(?P<term>{alternation(terms)})(?!\\w)"


HEALTH: tuple[tuple[str, str], ...] = (
    # English
    (rf"i(?:['’]ve| have)?\s+(?:just\s+|recently\s+|finally\s+)?(?:been|got|was|were|am being"
     rf"|['’]m being)\s+diagnosed\s+(?:with|as having)\s+{_EN_MODS}{_t(_EN_CONDITIONS)}", "high"),
    (rf"(?:my|the)\s+(?:doctor|doc|gp|psychiatrist|neurologist|oncologist)\s+(?:said|says|told me|"
     rf"confirmed|diagnosed me with)\s+(?:(?:that\s+)?i\s+(?:have|had|['’]ve got)\s+)?{_EN_MODS}"
     rf"{_t(_EN_CONDITIONS)}", "high"),
    (rf"i\s+(?:tested|came back)\s+positive\s+for\s+{_t(_EN_CONDITIONS)}", "high"),
    (rf"(?:i|i['’]ve)\s+(?:have|got|suffer from|struggle with|am living with|['’]m living with"
     rf"|live with|am battling|['’]m battling|am fighting|['’]m fighting|beat|survived|am"
     rf" recovering from|['’]m recovering from|was treated for|am being treated for|had)\s+"
     rf"{_EN_MODS}{_t(_EN_CONDITIONS)}", "medium"),
    (rf"i(?:['’]m| am)\s+(?:now\s+|officially\s+|still\s+)?{_t(_EN_SELF_ADJ)}", "medium"),
    (r"we(?:['’]re| are)\s+(?:expecting|pregnant)(?P<term>)", "medium"),
    (rf"i(?:['’]m| am)\s+(?:on|taking|prescribed|starting|back on)\s+(?:\d+\s*mg\s+(?:of\s+)?)?"
     rf"{_t(_EN_MEDS)}", "high"),
    (rf"i\s+(?:take|started|stopped|quit|came off|ran out of|forgot to take|need to take|"
     rf"missed)\s+(?:my\s+)?(?:\d+\s*mg\s+(?:of\s+)?)?{_t(_EN_MEDS)}", "high"),
    (r"my\s+(?P<term>meds|medication|antidepressants|therapist|psychiatrist|oncologist|chemo"
     r"|dialysis|insulin|rehab|diagnosis|biopsy results|hiv status|viral load|t-cell count)"
     r"(?!\w)", "medium"),
    (rf"my\s+(?:(?:chronic|severe|clinical|diagnosed)\s+)?{_t(_EN_CONDITIONS)}", "medium"),
    # German
    (rf"(?:bei mir wurde|mir wurde|ich wurde mit)\s+(?:\w+\s+){{0,3}}?{_t(_DE_CONDITIONS)}\s+"
     rf"(?:\w+\s+)?(?:diagnostiziert|festgestellt)", "high"),
    (rf"(?:ich|ich habe|ich hab)\s+(?:die\s+)?diagnose\s+{_t(_DE_CONDITIONS)}", "high"),
    (rf"ich\s+(?:habe|hab|leide an|leide unter|lebe mit|kämpfe gegen|hatte)\s+(?:seit\s+\w+\s+)?"
     rf"(?:\w+\s+)?{_t(_DE_CONDITIONS)}", "medium"),
    (rf"ich\s+bin\s+(?:jetzt\s+|seit\s+\w+\s+)?{_t(_DE_SELF_ADJ)}", "medium"),
    (rf"ich\s+(?:nehme|bekomme|brauche)\s+(?:\w+\s+)?{_t(_DE_MEDS)}", "medium"),
    (r"(?:meine|mein)\s+(?P<term>medikamente|tabletten|antidepressiva|therapeutin|therapeut"
     r"|psychiaterin|psychiater|chemo|diagnose|reha|entzug)(?!\w)", "medium"),
    # Spanish
    (rf"(?:me diagnosticaron|me detectaron|me han diagnosticado)\s+(?:\w+\s+)?{_t(_ES_CONDITIONS)}",
     "high"),
    (rf"(?:tengo|padezco|sufro de|sufro|vivo con|lucho contra|estoy luchando contra|tuve)\s+"
     rf"(?:\w+\s+)?{_t(_ES_CONDITIONS)}", "medium"),
    (rf"(?:estoy|soy)\s+(?:\w+\s+)?{_t(_ES_SELF_ADJ)}", "medium"),
    (rf"(?:tomo|estoy tomando|empecé a tomar|dejé de tomar)\s+(?:\w+\s+)?{_t(_ES_MEDS)}", "medium"),
    (r"mi\s+(?P<term>psicólog[oa]|psiquiatra|medicación|tratamiento|terapeuta|quimio|diagnóstico)"
     r"(?!\w)", "medium"),
    # French
    (rf"(?:on m['’]a diagnostiqué|on m['’]a découvert|j['’]ai été diagnostiquée?\s+(?:avec|d['’]))"
     rf"\s*(?:\w+\s+)?{_t(_FR_CONDITIONS)}", "high"),
    (rf"(?:j['’]ai|je souffre d['’]|je souffre de|je vis avec|je me bats contre|j['’]avais)\s*"
     rf"(?:\w+\s+)?{_t(_FR_CONDITIONS)}", "medium"),
    (rf"je\s+suis\s+(?:\w+\s+)?{_t(_FR_SELF_ADJ)}", "medium"),
    (rf"je\s+(?:prends|suis sous)\s+(?:des\s+|du\s+|de\s+l['’])?{_t(_FR_MEDS)}", "medium"),
    (r"(?:mon|ma|mes)\s+(?P<term>psy|psychiatre|traitement|thérapeute|chimio|médocs"
     r"|médicaments|antidépresseurs|diagnostic)(?!\w)", "medium"),
)  # fmt: skip
"""Health conditions, pregnancy, therapy and medication stated as the writer's own."""

LOOSE_TERMS: frozenset[str] = frozenset(
    {*_EN_LOOSE, "stroke", "a stroke", "heart attack", "a heart attack", "breakdown",
     "a breakdown", "a mental breakdown", "a nervous breakdown", "addiction", "an addiction",
     "toc", "tdah", "adhs", "ansiedad", "burnout", "burn-out", "therapist", "meds",
     "medication", "tabletten", "pastillas", "medicamentos", "cachets", "médicaments",
     "tratamiento", "traitement"}
)  # fmt: skip
"""Terms that, in a plain "I have …" or "my …" statement, are said loosely often enough to
be reported with low confidence only."""

# --- substances ----------------------------------------------------------------------

_INTENS = (
    r"(?:(?:so|soo+|fucking|fkn|really|super|hella|kinda|a little|lowkey|mad|pretty|way too|too"
    r"|completely|totally|absolutely|still|already|getting|gettin|gonna get|about to get|now)"
    r"\s+)*"
)
_EN_ALCOHOL = (
    r"drunk", r"wasted", r"hammered", r"plastered", r"smashed", r"sloshed", r"trashed",
    r"tipsy", r"buzzed", r"hungover", r"hung over", r"shitfaced", r"blackout drunk",
)  # fmt: skip
_EN_HIGH = (
    r"high(?! (?:school|on life|on caffeine|on coffee|on sugar|on love|on adrenaline|up|and dry"
    r"|maintenance|key|alert|ground))", r"stoned", r"baked", r"blazed", r"faded", r"cross ?faded",
    r"tripping", r"trippin", r"rolling", r"rollin", r"coked up", r"geeked", r"zooted",
    r"on (?:molly|acid|shrooms|coke|ecstasy|mdma|ket|ketamine|lsd|speed|meth|xans|percs)",
)  # fmt: skip
_EN_DRUGS = (
    r"weed", r"pot", r"a joint", r"joints", r"a blunt", r"blunts", r"a bowl", r"bowls",
    r"dabs?", r"edibles?", r"molly", r"mdma", r"ecstasy", r"acid", r"lsd", r"shrooms",
    r"magic mushrooms", r"coke", r"cocaine", r"(?:a few |some |two )?lines of coke", r"ketamine",
    r"ket", r"meth", r"heroin", r"crack", r"xans", r"percs", r"oxys?", r"lean", r"ayahuasca",
)  # fmt: skip

_DE_INTOX = (
    "betrunken", "besoffen", "bekifft", "high", "stoned", "druff", "hacke", "blau", "verkatert",
    "zugedröhnt",
)  # fmt: skip
_DE_DRUG_ACTS = (
    "gekifft", "koks genommen", "kokain genommen", "pillen genommen", "mdma genommen",
    "ecstasy genommen", "lsd genommen", "pilze genommen", "einen joint geraucht",
    "gras geraucht",
)  # fmt: skip
_ES_INTOX = (
    "borracho", "borracha", "pedo", "peda", "en pedo", "colocado", "colocada", "drogado",
    "drogada", "fumado", "fumada", "de resaca", "crudo", "cruda", "ebrio", "ebria", "pacheco",
    "pacheca", "high",
)  # fmt: skip
_ES_DRUGS = (
    "un porro", "un canuto", "un blunt", "una raya", "unas rayas", "coca", "cocaína", "éxtasis",
    "md", "mdma", "ácido", "un tripi", "hongos", "setas", "un peta",
)  # fmt: skip
_FR_INTOX = (
    "bourré", "bourrée", "saoul", "saoule", "soûl", "soûle", "ivre", "défoncé", "défoncée",
    "defonce", "stone", "perché", "perchée", "arraché", "arrachée", "pété", "pétée", "déchiré",
    "déchirée", "torché", "torchée", "high",
)  # fmt: skip
_FR_DRUGS = (
    "un joint", "un pétard", "un spliff", "de la coke", "de la cc", "de la md", "de l'ecsta",
    "des champis", "du shit", "de la beuh", "une trace", "un rail", "de la kétamine",
    "un buvard",
)  # fmt: skip
_EN_DRIVE = ("drunk", "high", "stoned", "wasted")
_EN_DRUNK_ACTS = (r"drunk text(?:ed)?", r"drunk dial(?:ed|led)?", r"blacked out")


def _w(terms: tuple[str, ...]) -> str:
    """:func:`_t` of literal words."""
    return f"(?P<term>{words(terms)})(?!\\w)"


SUBSTANCE: tuple[tuple[str, str], ...] = (
    # English
    (rf"i(?:['’]?m| am)\s+{_INTENS}{_t(_EN_ALCOHOL)}(?! (?:on|with) (?:love|power|happiness|you))",
     "medium"),
    (rf"i(?:['’]?m| am)\s+{_INTENS}{_t(_EN_HIGH)}", "medium"),
    (rf"(?:i|we)\s+(?:just\s+|literally\s+|finally\s+)?(?:smoked|smoke|smokin['g]?|took|did"
     rf"|dropped|popped|snorted|railed|bought|scored|tried|ate|take|do)\s+(?:some\s+|a\s+little\s+"
     rf"|so much\s+|my first\s+|more\s+)?{_t(_EN_DRUGS)}", "high"),
    (r"my\s+(?P<term>dealer|weed guy|coke dealer|stash|bong)(?!\w)", "medium"),
    (rf"(?:drove|driving|drive)\s+(?:home\s+)?{_w(_EN_DRIVE)}", "high"),
    (rf"(?:i|just)\s+(?:\w+\s+)?{_t(_EN_DRUNK_ACTS)}", "medium"),
    # German
    (rf"(?:ich bin|bin)\s+(?:so\s+|voll\s+|total\s+|komplett\s+|richtig\s+|mega\s+|sowas von\s+"
     rf"|schon\s+|immer noch\s+|noch\s+)*{_w(_DE_INTOX)}", "medium"),
    (rf"(?:ich|wir)\s+(?:habe|hab|haben)\s+(?:\w+\s+){{0,2}}?{_w(_DE_DRUG_ACTS)}", "high"),
    (r"mein\s+(?P<term>dealer|ticker)(?!\w)", "medium"),
    # Spanish
    (rf"(?:estoy|estoi|toy|ando)\s+(?:muy\s+|re\s+|bien\s+|super\s+|tan\s+|todo\s+|toda\s+)*"
     rf"{_w(_ES_INTOX)}", "medium"),
    (rf"me\s+(?:fum[eé]|met[ií]|tom[eé]|esnif[eé])\s+{_w(_ES_DRUGS)}", "high"),
    (r"mi\s+(?P<term>camello|dealer)(?!\w)", "medium"),
    # French
    (rf"je\s+suis\s+(?:trop\s+|tellement\s+|complètement\s+|grave\s+|super\s+|bien\s+"
     rf"|encore\s+)*{_w(_FR_INTOX)}", "medium"),
    (rf"j['’]ai\s+(?:fumé|pris|tapé|sniffé)\s+{_w(_FR_DRUGS)}", "high"),
    (r"mon\s+(?P<term>dealer|dealeur|plan beuh)(?!\w)", "medium"),
)  # fmt: skip
"""Being drunk or high, and taking illegal drugs, stated as the writer's own."""

ALCOHOL_TERMS: frozenset[str] = frozenset(
    {"drunk", "wasted", "hammered", "plastered", "smashed", "sloshed", "trashed", "tipsy",
     "buzzed", "hungover", "hung over", "shitfaced", "blackout drunk", "drunk text",
     "drunk texted", "drunk dial", "drunk dialed", "drunk dialled",
     "blacked out", "betrunken", "besoffen", "dicht", "hacke", "blau", "verkatert", "borracho",
     "borracha", "pedo", "peda", "en pedo", "de resaca", "crudo", "cruda", "ebrio", "ebria",
     "mamado", "mamada", "bourré", "bourrée", "saoul", "saoule", "soûl", "soûle", "ivre",
     "torché", "torchée", "arraché", "arrachée", "pété", "pétée"}
)  # fmt: skip
"""Alcohol terms: lower harm than illegal drugs."""

# --- sexual content ------------------------------------------------------------------

SEXUAL: tuple[tuple[str, str], ...] = (
    # English
    (r"(?:i|we)\s+(?:just\s+|finally\s+|literally\s+)?(?:had|have|['’]ve had|been having)\s+"
     r"(?:the (?:best|worst|most amazing)\s+|great\s+|amazing\s+|hot\s+|wild\s+|some\s+|so much\s+"
     r"|unprotected\s+|rough\s+|drunk\s+)?(?P<term>sex|a threesome|a one[- ]night stand|an orgasm"
     r"|anal|phone sex)(?!\w)", "high"),
    (r"(?:i|we)\s+(?:just\s+|finally\s+)?(?P<term>fucked|banged|made love|hooked up)"
     r"(?!\s+(?:up|it|around|over|that|this)\b)(?=\s+(?:with\s+)?(?:him|her|them|a guy|a girl"
     r"|my (?:ex|boss|neighbou?r|coworker|roommate|tinder date|date)|some(?:one|body)|a stranger"
     r"|(?-i:[A-Z])\w+|last night|all night|again|twice)\b)", "high"),
    (r"i\s+(?:just\s+)?slept\s+with\s+(?P<term>my (?:ex|boss|coworker|best friend['’]?s \w+"
     r"|neighbou?r|roommate)|a (?:stranger|guy|girl|married (?:man|woman))|someone)(?!\w)",
     "high"),
    (r"my\s+(?P<term>nudes|dick pics?|sex tape|onlyfans|only fans|fansly|sex life|kinks?"
     r"|fetish(?:es)?)(?!\w)", "high"),
    (r"(?:i\s+)?(?:sent|sending|send(?:ing)?\s+(?:you|u|him|her)\s+)(?:him|her|them|you|u)?\s*"
     r"(?:my\s+)?(?P<term>nudes|nude pics|dick pics?|a dick pic|naked pics)(?!\w)", "high"),
    (r"i(?:['’]m| am)\s+(?:so\s+|soo+\s+|really\s+|fucking\s+)*(?P<term>horny)(?!\w)", "medium"),
    (r"(?:we|i)\s+(?:were|was|are|am|['’]re|['’]m)\s+(?P<term>sexting)(?!\w)", "high"),
    # German
    (r"(?:ich|wir)\s+(?:hatte|hatten|hab(?:e)?|haben)\s+(?:\w+\s+){0,3}?(?P<term>sex|einen dreier"
     r"|einen one-night-stand|ungeschützten sex)(?!\w)", "high"),
    (r"(?:meine|meinen)\s+(?P<term>nacktbilder|nacktfotos|nudes|onlyfans|fetisch)(?!\w)", "high"),
    (r"(?:ich bin|bin)\s+(?:so\s+|voll\s+|mega\s+)*(?P<term>rattig|notgeil|spitz wie)(?!\w)",
     "medium"),
    # Spanish
    (r"(?:tuve|tuvimos|hicimos|he tenido|hemos tenido)\s+(?:\w+\s+){0,2}?(?P<term>sexo|un trío"
     r"|un polvo|sexo sin protección)(?!\w)", "high"),
    (r"(?P<term>follamos|me follé|me acosté con|cogimos|me cogí|nos acostamos)(?!\w)", "high"),
    (r"mis\s+(?P<term>nudes|fotos desnud[oa]|packs?)(?!\w)", "high"),
    (r"(?:estoy|toy)\s+(?:muy\s+|re\s+|bien\s+)*(?P<term>cachond[oa]|arrech[oa]|caliente)(?!\w)",
     "medium"),
    # French
    (r"(?:j['’]ai|on a|nous avons)\s+(?:\w+\s+){0,2}?(?P<term>couché avec|baisé|fait l['’]amour"
     r"|eu un plan cul|fait un plan à trois|couché ensemble)(?!\w)", "high"),
    (r"mes\s+(?P<term>nudes|photos de moi nue?|photos nues?)(?!\w)", "high"),
    (r"je\s+suis\s+(?:trop\s+|tellement\s+)?(?P<term>en chaleur|chaude comme)(?!\w)", "medium"),
)  # fmt: skip
"""Sexual activity, intimate images and sex work stated as the writer's own."""

# --- legal trouble -------------------------------------------------------------------

LEGAL: tuple[tuple[str, str], ...] = (
    # English
    (r"i\s+(?:just\s+|finally\s+|literally\s+)?(?:got|was|have been|['’]ve been|been|am being"
     r"|['’]m being|am getting|['’]m getting)\s+(?:\w+\s+)?(?P<term>arrested|detained"
     r"|charged with \w+|convicted|indicted|sentenced|locked up|jailed|sued"
     r"|subpoenaed|deported|investigated|prosecuted)(?!\w)", "high"),
    (r"(?:i\s+(?:got|have|['’]ve got|had)\s+(?:a\s+|another\s+|my\s+(?:first|second)\s+)?"
     r"|my\s+)(?P<term>dui|dwi|owi|duis)(?!\w)", "high"),
    (r"my\s+(?P<term>court date|court hearing|arraignment|sentencing|probation officer|parole"
     r" officer|mugshot|criminal record|bail hearing|public defender|restraining order"
     r"|custody hearing|plea deal)(?!\w)", "high"),
    (r"i(?:['’]m| am)\s+(?:still\s+|currently\s+)?on\s+(?P<term>probation|parole|house arrest"
     r"|bail)(?!\w)", "high"),
    (r"i\s+have\s+(?P<term>court|a court date|a warrant|warrants|a felony)"
     r"(?=\s+(?:tomorrow|today|on|next|this|out|for|in)\b|\s*[.!,]|\s*$)", "high"),
    (r"(?:i\s+)?(?:spent|spending|spend)\s+the\s+night\s+in\s+(?P<term>jail|a cell|lockup"
     r"|the drunk tank)(?!\w)", "high"),
    (r"(?:i\s+)?(?:just\s+)?(?:got|getting)\s+out\s+of\s+(?P<term>jail|prison|juvie|county)"
     r"(?!\w)", "high"),
    (r"(?P<term>a restraining order) against me", "high"),
    (r"i(?:['’]m| am)\s+(?P<term>facing (?:charges|\d+ years|jail time|prison time))", "high"),
    # German
    (r"ich\s+(?:wurde|bin)\s+(?:gestern\s+|heute\s+|letzte nacht\s+)?(?P<term>festgenommen"
     r"|verhaftet|verurteilt|angeklagt|verklagt|abgeschoben)(?:\s+worden)?(?!\w)", "high"),
    (r"ich\s+(?:habe|hab|hatte)\s+(?:eine\s+|einen\s+|\w+\s+)?(?P<term>anzeige|vorstrafe"
     r"|bewährung|gerichtstermin|hausarrest|strafbefehl|haftbefehl)(?!\w)", "high"),
    (r"(?:ich bin|bin)\s+(?:noch\s+)?auf\s+(?P<term>bewährung)(?!\w)", "high"),
    (r"(?:mein(?:e|en)?)\s+(?P<term>gerichtstermin|bewährungshelfer(?:in)?|vorstrafe"
     r"|strafverfahren|strafbefehl|führerschein ist weg|lappen ist weg)(?!\w)", "high"),
    # Spanish
    (r"me\s+(?P<term>arrestaron|detuvieron|denunciaron|demandaron|condenaron|deportaron"
     r"|quitaron el carnet|retiraron el carnet)(?!\w)", "high"),
    (r"(?:estoy|estuve)\s+(?P<term>detenid[oa]|arrestad[oa]|en la cárcel|en prisión"
     r"|en libertad condicional|imputad[oa])(?!\w)", "high"),
    (r"mi\s+(?P<term>juicio|audiencia|antecedentes penales|condena|abogado de oficio)(?!\w)",
     "high"),
    (r"(?:tengo|tuve)\s+(?P<term>un juicio|antecedentes|una orden de alejamiento)(?!\w)", "high"),
    (r"(?:sal[ií]|acabo de salir)\s+de\s+(?P<term>la cárcel|prisión|la trena)(?!\w)", "high"),
    # French
    (r"j['’]ai\s+été\s+(?P<term>arrêtée?|interpellée?|placée? en garde à vue|condamnée?"
     r"|mise? en examen|inculpée?|poursuivie?|expulsée?)(?!\w)", "high"),
    (r"je\s+suis\s+(?P<term>en garde à vue|en liberté conditionnelle|sous contrôle judiciaire"
     r"|en prison|convoquée? au tribunal|poursuivie?|sous bracelet)(?!\w)", "high"),
    (r"(?:mon|ma)\s+(?P<term>procès|casier judiciaire|audience|comparution|garde à vue)(?!\w)",
     "high"),
    (r"j['’]ai\s+(?P<term>perdu mon permis|un casier|une convocation au tribunal|un procès)"
     r"(?!\w)", "high"),
)  # fmt: skip
"""Arrests, charges, convictions, court dates and probation stated as the writer's own."""

# --- financial distress --------------------------------------------------------------

_EN_CANT_PAY = (
    r"(?:i|we)\s+(?:can['’]?t|cannot|couldn['’]?t|could not|won['’]?t be able to|am not able to"
    r"|['’]m not able to)\s+(?:even\s+|afford to\s+)?(?:pay|afford|make)\s+(?P<term>(?:my|our|the"
    r"|this month['’]s)\s+(?:rent|mortgage|bills|car payment|loan|student loans?|credit card"
    r" bills?|electric bill|medical bills))(?!\w)",
    "high",
)
_DE_CANT_PAY = (
    r"(?:ich|wir)\s+(?:kann|können)\s+(?P<term>(?:die|meine|unsere)\s+(?:miete|rechnungen|raten"
    r"|kredite?)\s+nicht\s+(?:mehr\s+)?(?:zahlen|bezahlen))",
    "high",
)
_ES_CANT_PAY = (
    r"no\s+(?:puedo|podemos|llego a|llegamos a)\s+pagar\s+(?P<term>(?:el|mi|nuestro|la)\s+"
    r"(?:alquiler|renta|hipoteca|luz|facturas|préstamo))",
    "high",
)
_FR_CANT_PAY = (
    r"je\s+(?:ne\s+)?(?:peux|pourrai|arrive)\s+(?:pas|plus)\s+(?:à\s+)?payer\s+(?P<term>(?:mon"
    r"|le|notre|mes)\s+(?:loyer|crédit|prêt|factures))",
    "high",
)
NEGATED: frozenset[str] = frozenset(
    p for p, _ in (_EN_CANT_PAY, _DE_CANT_PAY, _ES_CANT_PAY, _FR_CANT_PAY)
)
"""Phrases that contain their own negation ("can't pay my rent"): no negation check."""

FINANCIAL: tuple[tuple[str, str], ...] = (
    # English
    (r"(?:i|we)(?:['’]ve| have)?\s+(?:just\s+|finally\s+|had to\s+)?(?:filed|filing|declared"
     r"|declaring|file|declare)\s+(?:for\s+)?(?P<term>bankruptcy|chapter (?:7|11|13))(?!\w)",
     "high"),
    (r"(?:i['’]?m|i am|we['’]?re|we are)\s+(?:going\s+|officially\s+|basically\s+|so\s+|now\s+)?"
     r"(?P<term>bankrupt|drowning in debt|in (?:so much |serious |massive |crippling |deep )?debt"
     r"|behind on (?:my |our |the )?(?:rent|mortgage|payments|bills|car payments?|child support)"
     r"|being evicted|getting evicted|facing eviction|about to lose (?:my|our) (?:house|home"
     r"|apartment|car)|being foreclosed on)(?!\w)", "high"),
    _EN_CANT_PAY,
    (r"(?P<term>debt collectors?)\s+(?:keep|kept|are|have been|called|calling|won['’]t)\s+"
     r"(?:\w+\s+){0,2}?(?:me|us|my|our)(?!\w)", "high"),
    (r"(?:my|our)\s+(?:house|home|condo)\s+(?:is|went)\s+(?:in|into)\s+(?P<term>foreclosure)",
     "high"),
    (r"(?:i|we)\s+(?:just\s+)?(?:got|received)\s+(?:an?\s+)?(?P<term>eviction notice"
     r"|final notice|repossession notice)(?!\w)", "high"),
    (r"(?:i|we)\s+(?:just\s+)?maxed\s+out\s+(?P<term>(?:all\s+)?(?:my|our)\s+(?:credit\s+)?cards)",
     "medium"),
    (r"i\s+owe\s+(?P<term>the irs|\$\s?\d[\d,.]*k?|over \$\s?\d[\d,.]*k?|\d[\d,.]*k? (?:dollars"
     r"|in (?:debt|student loans|back taxes)))", "medium"),
    (r"(?:i|we)\s+(?:had to\s+|just\s+)?(?:took|take|taking|get|got)\s+out\s+(?:a|another)\s+"
     r"(?P<term>payday loan|title loan)(?!\w)", "high"),
    (r"(?:my|our)\s+(?:car|truck)\s+(?:got|was|is being)\s+(?P<term>repossessed|repo['’]?d)",
     "high"),
    # German
    (r"(?:ich|wir)\s+(?:bin|sind|habe|haben|hab|musste|mussten)\s+(?:\w+\s+){0,2}?"
     r"(?P<term>insolvent|privatinsolvenz(?: angemeldet)?|überschuldet|hohe schulden"
     r"|\d[\d.]*\s*(?:€|euro) schulden)(?!\w)", "high"),
    _DE_CANT_PAY,
    (r"(?:mir|uns)\s+(?:droht|drohen)\s+(?:die\s+)?(?P<term>zwangsräumung|pfändung|insolvenz)",
     "high"),
    (r"(?:das\s+)?(?P<term>inkasso|der gerichtsvollzieher)\s+(?:\w+\s+){0,2}?(?:mir|mich|uns)"
     r"(?!\w)", "high"),
    # Spanish
    _ES_CANT_PAY,
    (r"(?:estoy|estamos)\s+(?P<term>en quiebra|endeudad[oa]s?|ahogad[oa]s? en deudas"
     r"|arruinad[oa]s?)(?!\w)", "high"),
    (r"(?:me|nos)\s+(?:van a\s+)?(?P<term>desahuciar|desalojar|embargar|embargaron|desahuciaron"
     r"|echan del piso)(?!\w)", "high"),
    (r"tengo\s+(?:muchas\s+|un montón de\s+|demasiadas\s+)?(?P<term>deudas)(?!\w)", "medium"),
    # French
    _FR_CANT_PAY,
    (r"(?:je suis|on est|nous sommes)\s+(?P<term>en faillite|surendettée?s?|criblée?s? de dettes"
     r"|interdite? bancaire)(?!\w)", "high"),
    (r"(?:j['’]ai|on a)\s+(?:\w+\s+)?(?P<term>l['’]huissier|un huissier|un dossier de"
     r" surendettement|des dettes)(?!\w)", "medium"),
    (r"(?:on va|ils vont)\s+(?:me|nous)\s+(?P<term>expulser|saisir)(?!\w)", "high"),
)  # fmt: skip
"""Bankruptcy, unpayable debts and eviction stated as the writer's own."""

NEWS_CUES: tuple[str, ...] = (
    r"according to", r"study", r"studies", r"research", r"researchers", r"report(?:s|ed)?",
    r"article", r"news", r"breaking", r"headline", r"via", r"says", r"survey", r"poll",
    r"scientists", r"experts", r"laut", r"studie", r"zeitung", r"según", r"estudio",
    r"noticia", r"selon", r"étude", r"article",
)  # fmt: skip
"""Words of a shared article: with a link, the statement is likely quoted, not confessed."""

HYPOTHETICAL: tuple[str, ...] = (
    r"if", r"what if", r"when(?:ever)?", r"imagine", r"pretend", r"suppose", r"even if",
    r"unless", r"wenn", r"falls", r"ob", r"si", r"cuando", r"quand", r"lorsque", r"als ob",
    r"in case", r"as if", r"like", r"feel like", r"dream(?:t|ed)? (?:that|i)",
)  # fmt: skip
"""Words right before a statement that make it a hypothesis, a habit or a comparison."""

KEYWORDS: dict[str, str] = {
    "health": """
        diagnosed diagnosis diagnose diagnostiziert diagnostizierte diagnosticaron
        diagnosticado diagnóstico diagnostiqué diagnostiquée diagnostic detectaron découvert
        cancer cáncer krebs brustkrebs leukemia leukaemia leukämie leucemia leucémie lymphoma
        melanoma tumor tumour tumeur diabetes diabète diabetic diabetiker diabetikerin
        diabético diabética diabétique hiv vih aids sida herpes herpès hpv chlamydia
        chlamydien clamidia gonorrhea gonorrhoea syphilis sífilis std stds sti stis hepatitis
        epilepsy epilepsie epilepsia épilepsie epileptic epileptiker epileptikerin epiléptico
        epiléptica épileptique sclerosis sklerose esclerosis sclérose crohn crohns colitis
        lupus fibromyalgia endometriosis pcos depression depressionen depresión dépression
        depressed depressiv deprimido deprimida anxiety ansiedad angststörung angststörungen
        angoisse panic panikattacken pánico panique bipolar bipolare bipolaire schizophrenia
        schizophrenie esquizofrenia schizophrénie schizophrenic ptsd ptbs tept tspt ocd toc
        adhd adhs tdah autism autismus autismo autisme autistic autist autistin autista
        autiste asperger aspergers eating essstörung alimenticio alimentaire anorexia
        anorexie magersucht magersüchtig anorexic anoréxico anoréxica anorexique bulimia
        bulimie boulimie bulimic borderline bpd dementia demenz demencia alzheimer alzheimers
        parkinson parkinsons tourette tourettes covid miscarriage fehlgeburt fausse aborto
        abortion abtreibung avortement infertility stroke schlaganfall avc derrame heart
        herzinfarkt infarto infarctus kidney cirrhosis suicidal suizidal suicidas
        suicidaires suizidgedanken addiction adicción sucht süchtig alcoholism alcoholic
        alkoholiker alkoholikerin alcohólico alcohólica alcoolique addict drinking breakdown
        psychosis burnout burn meds medication medikamente medicación medicamentos
        médicaments médocs therapist therapy therapie therapeut therapeutin terapia terapeuta
        thérapie thérapeute psychiatrist psychiater psychiaterin psiquiatra psychiatre
        psicólogo psicóloga psy oncologist chemo chemotherapy chemotherapie quimio
        quimioterapia chimio chimiothérapie dialysis insulin insulina insuline rehab reha
        entzug rehabilitación désintox biopsy pregnant expecting schwanger embarazada enceinte
        poz remission rémission survivor antidepressants antidepressant antidepressiva
        antidepresivos antidépresseurs ssri ssris prozac zoloft lexapro paxil celexa
        wellbutrin effexor cymbalta xanax valium klonopin ativan adderall ritalin vyvanse
        concerta lithium litio lamictal seroquel abilify risperdal methadone methadon metadona
        méthadone suboxone metformin prep truvada antiretrovirals antiretroviral
        antipsychotics antipsychotic stabilizers stabilisers tabletten pastillas cachets
        anxiolytiques ansiolíticos psychopharmaka tratamiento traitement behandlung
        psychiatrie seropositivo seropositiva séropositif séropositive
    """,
    "substance": """
        drunk wasted hammered plastered smashed sloshed trashed tipsy buzzed hungover hung
        shitfaced high stoned baked blazed faded crossfaded tripping trippin coked geeked
        zooted molly acid shrooms coke ecstasy mdma ket ketamine lsd meth xans percs weed pot
        joint joints blunt blunts bowl bowls dab dabs edible edibles cocaine heroin oxy oxys
        ayahuasca mushrooms dealer stash bong betrunken besoffen dicht breit bekifft druff
        hacke blau verkatert zugedröhnt gekifft koks kokain pillen pilze gras ticker borracho
        borracha pedo peda colocado colocada drogado drogada fumado fumada resaca crudo cruda
        ebrio ebria mamado mamada pacheco pacheca porro canuto raya rayas coca cocaína éxtasis
        md ácido tripi hongos setas peta camello bourré bourrée saoul saoule soûl soûle ivre
        défoncé défoncée defonce stone perché perchée arraché arrachée pété pétée raide
        déchiré déchirée torché torchée pétard spliff cc ecsta champis shit beuh trace rail
        kétamine buvard dealeur blacked lines lean
    """,
    "sexual": """
        sex sexo threesome stand orgasm anal fucked banged love hooked slept nudes nude dick
        onlyfans fans fansly kink kinks fetish fetishes horny naked sexting dreier
        nacktbilder nacktfotos rattig notgeil spitz fetisch trío polvo follamos follé
        acosté acostamos cogimos cogí desnudo desnuda desnudos desnudas pack packs cachondo
        cachonda arrecho arrecha caliente couché baisé amour cul trois nue nues chaleur
        chaude ensemble
    """,
    "legal": """
        arrested detained booked charged convicted indicted sentenced locked jailed cuffed
        busted sued subpoenaed deported fired investigated prosecuted dui dwi owi duis court
        arraignment sentencing probation parole mugshot criminal bail defender restraining
        custody plea arrest warrant warrants record felony jail cell lockup tank prison juvie
        county facing festgenommen verhaftet verurteilt angeklagt verklagt abgeschoben
        anzeige vorstrafe bewährung gerichtstermin hausarrest strafbefehl haftbefehl
        strafverfahren führerschein lappen bewährungshelfer bewährungshelferin arrestaron
        detuvieron denunciaron demandaron condenaron deportaron carnet detenido detenida
        arrestado arrestada cárcel prisión condicional imputado imputada juicio audiencia
        antecedentes condena oficio alejamiento trena arrêté arrêtée interpellé interpellée
        garde condamné condamnée examen inculpé inculpée poursuivi poursuivie expulsé
        expulsée judiciaire tribunal bracelet procès casier comparution permis convoqué
        convoquée
    """,
    "financial": """
        bankruptcy bankrupt chapter debt debts behind evicted eviction lose foreclosure
        foreclosed rent mortgage bills loan loans collector collectors notice repossessed
        repo maxed owe payday insolvent privatinsolvenz insolvenz überschuldet schulden miete
        rechnungen raten kredit kredite zwangsräumung pfändung inkasso gerichtsvollzieher
        pagar quiebra endeudado endeudada endeudados ahogado ahogada deudas arruinado
        arruinada desahuciar desalojar embargar embargaron desahuciaron echan payer faillite
        surendetté surendettée surendettement criblé criblée dettes interdit huissier
        expulser saisir
    """,
}  # fmt: skip
"""Prefilter keywords per topic (whole lower-case words): a post none of whose words is
in the list cannot match any phrase of the topic, and is not searched."""
