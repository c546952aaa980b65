"""Children vocabulary: relation words, school words, ages, birthdays and routines.

``{NAME}`` in a pattern stands for a capitalised first name (checked against
:data:`NOT_NAMES`); ``rel`` and ``name`` are the groups a pattern captures.
"""

from __future__ import annotations

NAME = r"(?P<name>(?-i:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?))(?!\w)"

_EN_ADJ = (
    r"(?:(?:little|baby|oldest|eldest|youngest|middle|beautiful|sweet|amazing|big|lil|precious"
    r"|darling|first|second|third|new|newborn|\d{1,2}[- ]?(?:yo|y/o|year[- ]old|month[- ]old)"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten)[- ](?:year|month)[- ]old)\s+){0,2}"
)
_EN_REL = (
    r"(?P<rel>son|daughter|kid|child|toddler|stepson|stepdaughter|little one|grandson"
    r"|granddaughter|nephew|niece|twins|baby boy|baby girl|little man|little girl|little boy)"
)
"""Not "my boy", "my girl" or "my baby" alone: in English they are as often a friend or a
partner ("my boy Jake")."""
_DE_REL = (
    r"(?P<rel>sohn|tochter|kind|kleine[rn]?|enkel(?:in)?|neffe|nichte|sohnemann|töchterchen"
    r"|junge|mädchen|baby|zwillinge|großer|große|stieftochter|stiefsohn)"
)
_ES_REL = r"(?P<rel>hij[oa]|hijit[oa]|niñ[oa]|nen[ea]|bebé|peque|sobrin[oa]|niet[oa]|chiquit[oa])"
_FR_REL = (
    r"(?P<rel>fils|fille|fiston|bébé|enfant|loulou|louloute|petit-fils|petite-fille|neveu"
    r"|nièce|garçon|puce|poussin)"
)

RELATIONS: tuple[str, ...] = (
    # English: "my daughter Emma", "our little boy, Noah"
    rf"(?:my|our)\s+{_EN_ADJ}{_EN_REL}\s*,?\s*{NAME}",
    # English: "Emma, my daughter"
    rf"{NAME}\s*,?\s+(?:my|our)\s+{_EN_ADJ}{_EN_REL}(?!\w)",
    # German
    rf"(?:mein|meine|unser|unsere|meinem|meiner|unserem|unserer|meinen|unseren)\s+"
    rf"(?:(?:kleine[rnms]?|große[rnms]?|älteste[rnms]?|jüngste[rnms]?|süße[rnms]?)\s+)?"
    rf"{_DE_REL}\s*,?\s*{NAME}",
    # Spanish
    rf"(?:mi|mis|nuestr[oa]s?)\s+(?:(?:pequeñ[oa]|peque|mayor|menor|chiquit[oa])\s+)?"
    rf"{_ES_REL}\s*,?\s*{NAME}",
    # French
    rf"(?:mon|ma|mes|notre|nos)\s+(?:(?:petit[e]?|grand[e]?|aîné[e]?|cadet(?:te)?)\s+)?"
    rf"{_FR_REL}\s*,?\s*{NAME}",
    # Dutch, Italian
    rf"(?:mijn|onze|ons)\s+(?P<rel>zoon|dochter|kind|zoontje|dochtertje)\s*,?\s*{NAME}",
    rf"(?:mio|mia|nostro|nostra)\s+(?P<rel>figlio|figlia|bimbo|bimba|bambino|bambina)\s*,?\s*"
    rf"{NAME}",
)  # fmt: skip
"""A child relation word next to a first name."""

_SCHOOLISH = (
    r"(?:school|kindergarten|preschool|pre-?k|daycare|day care|nursery|kita|kiga|krippe|hort"
    r"|grundschule|schule|kindergarten|cole|colegio|guarder[ií]a|escuela|escuelita|jard[ií]n"
    r"|[ée]cole|cr[èe]che|maternelle|garderie|nounou|coll[èe]ge|(?-i:[A-Z])\w+ (?:Elementary"
    r"|Primary|Academy|Preschool|Montessori|School))"
)
PICKUPS: tuple[str, ...] = (
    rf"(?:pick(?:ing|ed|s)?\s+up|drop(?:ping|ped|s)?\s+off|collect(?:ing|ed|s)?|walk(?:ing)?)"
    rf"\s+{NAME}\s+(?:up\s+|off\s+)?(?:from|at|to)\s+(?:the\s+|his\s+|her\s+)?(?={_SCHOOLISH})",
    rf"(?:hole|holen|hol|abholen|bringe|bringen|bring)\s+{NAME}\s+(?:von|aus|in|zur|zum)\s+"
    rf"(?:der\s+|die\s+|den\s+|dem\s+)?(?={_SCHOOLISH})",
    rf"{NAME}\s+(?:von|aus)\s+(?:der\s+|dem\s+)?(?={_SCHOOLISH})(?=[^.!?\n]{{0,40}}abhol)",
    rf"(?:recoger|recojo|recogiendo|llevar|llevo|dejar|dejo|buscar|busco)\s+a\s+{NAME}\s+"
    rf"(?:del|al|en el|en la|de la|a la)\s+(?={_SCHOOLISH})",
    rf"(?:chercher|récupérer|déposer|récupère|dépose|emmener|emmène)\s+{NAME}\s+(?:à|a|au|de)"
    rf"\s+(?:la\s+|l['’])?(?={_SCHOOLISH})",
)  # fmt: skip
"""Taking a named child to or from school: a daily routine, no relation word needed."""

_NUMBER_WORDS = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eins|zwei"
    r"|drei|vier|fünf|sechs|sieben|acht|neun|zehn|uno|dos|tres|cuatro|cinco|seis|siete|ocho"
    r"|nueve|diez|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)"
)
_UNIT = (
    r"(?:years?(?: old)?|yrs?(?: old)?|y/?o|jahre(?: alt)?|años|añitos|ans|jaar|anni|months? old)"
)

AGE: tuple[str, ...] = (
    r"\(\s*\d{1,2}\s*\)",
    rf"(?:turns|turned|turning|just turned|will be|wird|ist jetzt|cumple|cumplió|va a cumplir"
    rf"|aura|fête ses|vient d['’]avoir|wordt|compie)\s+{_NUMBER_WORDS}(?!\d)",
    rf"(?:is|is now|ist|tiene|a|heeft|ha)\s+(?:already\s+|schon\s+|ya\s+|déjà\s+)?{_NUMBER_WORDS}"
    rf"\s+{_UNIT}",
    r"\d{1,2}[- ]?(?:year[- ]old|yo|y/o|jährige[rn]?|jahre alt|años|ans)(?!\w)",
    r"age\s+\d{1,2}|aged\s+\d{1,2}",
)  # fmt: skip
"""A child's age."""

SCHOOL_NAMED: tuple[str, ...] = (
    r"(?-i:(?:[A-Z][\w'’.-]*\s+){1,4}(?:Elementary|Primary|Middle School|High School|School"
    r"|Academy|Preschool|Pre-?K|Nursery|Daycare|Day Care|Kindergarten|Montessori))",
    r"(?:Kita|KiTa|Kindergarten|Grundschule|Gymnasium|Realschule|Gesamtschule|Hort|Krippe"
    r"|Kinderladen)\s+(?-i:[A-ZÄÖÜ])[\wäöüß-]+",
    r"(?:colegio|escuela|guardería|instituto|cole|jardín(?: de infantes)?|CEIP|IES|escuela"
    r" infantil)\s+(?:de\s+|del\s+)?(?-i:[A-ZÁÉÍÓÚ])\w+",
    r"(?:école|ecole|collège|lycée|crèche|maternelle)\s+(?:primaire\s+|maternelle\s+)?(?:de\s+"
    r"|du\s+)?(?-i:[A-ZÉ])[\w'’-]+",
)  # fmt: skip
"""A named school or kindergarten ("Lincoln Elementary", "Kita Sonnenschein")."""

SCHOOL_GENERIC: tuple[str, ...] = (
    r"(?:starts?|started|starting|first day (?:of|at)|back to)\s+(?:school|kindergarten"
    r"|preschool|daycare|nursery|(?:1st|2nd|3rd|\d+th|first|second|third|fourth|fifth) grade"
    r"|year \d+|pre-?k)",
    r"in\s+(?:1st|2nd|3rd|\d+th|first|second|third|fourth|fifth|sixth)\s+grade",
    r"(?:kommt|kam)\s+in\s+die\s+(?:erste|zweite|dritte|vierte|\d\.)\s+klasse", r"einschulung",
    r"erster schultag", r"primer día de (?:cole|colegio|guardería|escuela)",
    r"empieza (?:el cole|primaria|infantil|el colegio)", r"entre en (?:CP|CE1|CE2|CM1|CM2|6e"
    r"|sixième|maternelle|petite section|moyenne section|grande section)", r"rentrée",
    r"his school|her school|their school",
)  # fmt: skip
"""School mentioned without its name."""

BIRTHDAY: tuple[str, ...] = (
    r"birthday", r"bday", r"b-day", r"geburtstag", r"cumpleaños", r"cumple", r"anniversaire",
    r"anniv", r"verjaardag", r"compleanno", r"🎂",
)  # fmt: skip

ROUTINE: tuple[str, ...] = (
    r"(?:every|each)\s+(?:day|morning|afternoon|evening|weekday|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)", r"jeden (?:tag|morgen|nachmittag|montag|dienstag"
    r"|mittwoch|donnerstag|freitag)", r"täglich", r"immer um", r"todos los (?:días|lunes"
    r"|martes|miércoles|jueves|viernes)", r"cada (?:día|mañana|tarde)", r"tous les (?:jours"
    r"|matins|soirs|lundis|mardis|mercredis|jeudis|vendredis)", r"chaque (?:jour|matin|soir)",
    r"(?:at|um|a las|à)\s+\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|uhr|h)(?!\w)",
    r"(?:at|um|a las|à)\s+\d{1,2}[:.h]\d{2}",
)  # fmt: skip
"""A fixed time or a daily routine."""

RELATION_NORMAL: dict[str, str] = {
    "son": "son", "boy": "son", "stepson": "son", "baby boy": "son", "little man": "son",
    "little boy": "son", "sohn": "son", "sohnemann": "son", "junge": "son", "stiefsohn": "son",
    "hijo": "son", "hijito": "son", "niño": "son", "nene": "son", "fils": "son",
    "fiston": "son", "garçon": "son", "zoon": "son", "zoontje": "son", "figlio": "son",
    "bimbo": "son", "bambino": "son", "großer": "son",
    "daughter": "daughter", "girl": "daughter", "stepdaughter": "daughter",
    "baby girl": "daughter", "little girl": "daughter", "tochter": "daughter",
    "töchterchen": "daughter", "mädchen": "daughter", "stieftochter": "daughter",
    "hija": "daughter", "hijita": "daughter", "niña": "daughter", "nena": "daughter",
    "fille": "daughter", "dochter": "daughter", "dochtertje": "daughter", "figlia": "daughter",
    "bimba": "daughter", "bambina": "daughter", "große": "daughter", "puce": "daughter",
    "grandson": "grandchild", "granddaughter": "grandchild", "enkel": "grandchild",
    "enkelin": "grandchild", "nieto": "grandchild", "nieta": "grandchild",
    "petit-fils": "grandchild", "petite-fille": "grandchild",
    "nephew": "nephew or niece", "niece": "nephew or niece", "neffe": "nephew or niece",
    "nichte": "nephew or niece", "sobrino": "nephew or niece", "sobrina": "nephew or niece",
    "neveu": "nephew or niece", "nièce": "nephew or niece",
}  # fmt: skip
"""Relation words → the relation, for keys ("Emma" the daughter is one finding)."""

NOT_NAMES: frozenset[str] = frozenset(
    {
        # English
        "i", "the", "a", "an", "and", "is", "was", "has", "had", "just", "turns", "turned",
        "starts", "started", "got", "gets", "will", "can", "loves", "love", "who", "what",
        "when", "this", "that", "my", "our", "happy", "birthday", "today", "tomorrow",
        "yesterday", "mom", "dad", "mum", "christmas", "easter", "school", "kindergarten",
        "he", "she", "they", "it", "his", "her", "lol", "omg", "ok", "so", "but", "also",
        "finally", "now", "here", "there", "did", "does", "said", "says", "asked", "made",
        "came", "went", "goes", "wants", "needs", "thinks", "knows", "playing", "sleeping",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "mommy", "daddy", "please", "thanks",
        "congrats", "congratulations", "proud", "first", "last", "new", "little", "big",
        "age", "aged", "in", "on", "at", "for", "with", "from", "to", "of", "not", "never",
        "always", "still", "really", "very", "too", "all", "both", "after", "before",
        "boy", "girl", "baby", "kid", "kids", "son", "daughter", "twins", "man", "one",
        "child", "children", "toddler", "bestie", "sweetie", "honey", "princess",
        # German
        "ist", "wird", "hat", "und", "der", "die", "das", "es", "mit", "heute", "morgen",
        "gestern", "schule", "geburtstag", "kita", "kommt", "geht", "war", "auch", "noch",
        "schon", "jetzt", "endlich", "mal", "nicht", "im", "am", "um", "bei", "zur", "zum",
        "von", "aus", "wurde", "hatte", "sagt", "fragt", "spielt", "schläft", "liebt",
        # Spanish
        "y", "el", "la", "los", "las", "cumple", "hoy", "mañana", "ayer", "ya", "que", "con",
        "en", "de", "del", "se", "va", "tiene", "está", "fue", "empieza",
        # French
        "le", "les", "est", "et", "aujourd", "demain", "hier", "entre", "fête", "qui", "au",
        "du", "des", "sa", "ma", "mon", "fait",
    }
)  # fmt: skip
"""Capitalised words that follow a relation word but are not names."""

KEYWORDS = """
    son sons daughter daughters boy girl kid kids child baby toddler little grandson
    granddaughter nephew niece twins man sohn tochter kind kleine kleiner kleinen enkel enkelin
    neffe nichte sohnemann töchterchen junge mädchen zwillinge großer große stieftochter
    stiefsohn hijo hija hijos hijas hijito hijita niño niña nene nena bebé peque sobrino
    sobrina nieto nieta chiquito chiquita fils fille fiston enfant loulou louloute petit
    petite neveu nièce garçon puce poussin zoon dochter zoontje dochtertje figlio figlia bimbo
    bimba bambino bambina pick picking picked picks drop dropping dropped drops collect
    collecting collected walk walking hole holen hol abholen bringe bringen bring recoger
    recojo recogiendo llevar llevo dejar dejo buscar busco chercher récupérer récupère
    déposer dépose emmener emmène
"""  # fmt: skip
"""Prefilter keywords: every relation or pick-up phrase contains one of these words."""
