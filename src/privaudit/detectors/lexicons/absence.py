"""Away-from-home vocabulary: announcements, timing, and what rules an announcement out.

Patterns are matched case-insensitively on a post's prose (links, @handles and #hashtags
blanked). ``(?-i:…)`` marks the parts that must be capitalised (a destination's name).
"""

from __future__ import annotations

from enum import Enum


class Cue(Enum):
    """How strongly a phrase says the writer's home stands empty."""

    EMPTY = "home empty"
    """The home itself is empty ("empty house this weekend"): needs a time."""
    SITTER = "sitter wanted"
    """Someone must look after the home or pets while the writer is gone."""
    AWAY = "away"
    """The writer is away ("we're on vacation", "im Urlaub", "de vacaciones")."""
    WEAK = "away (vague)"
    """Could be an errand or slang ("I'm gone", "bin weg"): needs a definite time."""
    GO = "leaving"
    """Leaving for a named place ("off to Bali"): needs a definite time or travel words."""
    FLY = "flying"
    """Flying or sailing somewhere: travel by itself."""
    RETURN = "return date"
    """The day the writer is back ("back on the 20th"): needs travel words in the post."""
    START = "trip starts"
    """The trip or holiday begins ("vacation starts tomorrow", "endlich Urlaub")."""


_PLACE = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]+"
"""A capitalised destination ("Bali", "Mallorca", "New York")."""
_EN_DEST = (
    rf"(?:{_PLACE}|the (?:beach|mountains|lake|coast|islands?|cottage|cabin|alps|caribbean"
    r"|seaside|countryside|tropics)|(?:a|an|our|my) (?:vacation|holiday|trip|honeymoon|cruise"
    r"|getaway|road ?trip|adventure))"
)
_DEST_BLOCK = (
    r"(?!(?:Bed|Work|School|Sleep|Church|Class|College|Uni|Gym|The|A|An|My|Our|Target|Walmart"
    r"|Costco|Starbucks|Tesco|Aldi|Lidl|Kroger|Ikea|IKEA|Home|Town|Dinner|Lunch|Breakfast|Brunch"
    r"|Practice|Training|Rehearsal|Mass|Bett|Arbeit|Schule|Uni|Kirche|Cama|Trabajo|Escuela"
    r"|Misa|Dormir|Travail|Boulot|Taf|Lit|Dodo|École|Ecole|Fac)(?!\w))"
)
_EN_BE = (
    r"(?:i['’]?m|i am|im|we['’]?re|we are|i['’]ll be|we['’]ll be|i will be|we will be"
    r"|i['’]?m gonna be|we['’]?re gonna be)"
)
_ADV = (
    r"(?:(?:currently|now|officially|finally|still|already|both|all|gonna be|going to be"
    r"|away and)\s+)*"
)
_WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri"
    r"|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes"
    r"|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche)"
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai"
    r"|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre)"
)
_DAY = (
    r"(?:(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|\.)?(?:\s+(?:of\s+)?" + _MONTHS + r")?)"
)
_DATE = (
    rf"(?:{_WEEKDAYS}|{_DAY}|{_MONTHS}\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"|\d{1,2}[./]\d{1,2}\.?)"
)
_BYE = (
    r"(?!(?:später|dann|gleich|bald|nachher|denne|demnächst|luego|pronto|ahora|la vista|présent"
    r"|ici|maintenant|bientôt|plus tard|tout à l)(?!\w))"
)
"""Not a farewell ("bis später", "hasta luego", "jusqu'à présent")."""
_NUM = (
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a couple(?: of)?|a few"
    r"|several|eine?|zwei|drei|vier|fünf|sechs|una?|dos|tres|cuatro|cinco|une?|deux|trois"
    r"|quatre|cinq)"
)

CUES: tuple[tuple[str, Cue, str], ...] = (
    # --- English
    (rf"{_EN_BE}\s+{_ADV}(?:away(?! from (?!home))|out of town|out of the country|abroad|overseas"
     r"|on (?:vacation|vacay|holidays?|hols|a trip|a road ?trip|(?:our|my) honeymoon|a cruise"
     r"|sabbatical))(?!\w)",
     Cue.AWAY, "away town country abroad overseas vacation vacay holiday holidays hols trip "
     "honeymoon cruise sabbatical"),
    (rf"{_EN_BE}\s+{_ADV}(?:gone|travel(?:l)?ing|off the grid|on the road|not (?:at )?home)(?!\w)",
     Cue.WEAK, "gone traveling travelling grid road home"),
    (rf"(?:(?:i['’]?m|we['’]?re|i am|we are)\s+)?(?:flying|jetting(?: off)?|sailing)\s+(?:out\s+)?"
     rf"(?:to|for)\s+{_DEST_BLOCK}{_EN_DEST}", Cue.FLY, "flying jetting sailing"),
    (rf"(?:(?:i['’]?m|we['’]?re|i am|we are)\s+)?(?:off|leaving|heading(?: off)?|driving"
     rf"|headed|going)\s+(?:out\s+)?(?:to|for)\s+{_DEST_BLOCK}{_EN_DEST}",
     Cue.GO, "off leaving heading driving headed going"),
    (r"(?:(?:i['’]?m|we['’]?re|i am|we are)\s+)?off\s+on\s+(?:(?:a|an|our|my)\s+)?(?:vacation"
     r"|holiday|trip|honeymoon|cruise|road ?trip|getaway|adventure)", Cue.AWAY, "off"),
    (r"(?:my|our)\s+(?:summer\s+|winter\s+|family\s+)?(?:vacation|holidays?|vacay|trip"
     r"|honeymoon|road ?trip|getaway|cruise|leave)\s+(?:officially\s+)?(?:starts|begins"
     r"|kicks off|starting)(?!\w)", Cue.START, "starts begins kicks starting"),
    (r"(?:vacation|holiday|vacay|out of office|ooo) mode(?:\s+(?:on|activated|engaged))?",
     Cue.START, "mode"),
    (rf"{_NUM}\s+(?:weeks?|days|nights|months?)\s+(?:in|on|at|of)\s+{_DEST_BLOCK}{_PLACE}"
     r"(?=.{0,40}(?:here (?:we|i) come|starts?|starting|begins?|tomorrow|tonight|today"
     r"|let['’]?s go|✈|🛫))", Cue.START, "weeks week days nights months month"),
    (r"(?:(?:house|home|flat|apartment|cat|dog|pet|plant)[- ]?sitt(?:er|ing))\s+(?:needed"
     r"|wanted|required)|(?:need|needs|looking for|seeking|searching for|anyone know|recommend)"
     r"\s+(?:an?\s+|some\s+)?(?:good\s+|reliable\s+)?(?:house|home|pet|cat|dog)[- ]?sitter",
     Cue.SITTER, "sitter sitting"),
    (r"(?:water|feed|check on|look after)\s+(?:my|our)\s+(?:plants|cats?|dogs?|fish|pets?|house"
     r"|place|flat|apartment)\s+while\s+(?:i['’]?m|we['’]?re|i am|we are)\s+(?:away|gone"
     r"|travel(?:l)?ing|on (?:vacation|holiday))", Cue.SITTER, "while"),
    (r"(?:empty|vacant)\s+(?:house|home|flat|apartment)", Cue.EMPTY, "empty vacant"),
    (r"(?:house|home|flat|apartment|place)\s+(?:is|will be|['’]s)\s+(?:\w+\s+)?empty",
     Cue.EMPTY, "empty"),
    (r"(?:nobody|no one|no-one|noone)(?:['’]s|\s+is|\s+will be)?\s+(?:at\s+)?home",
     Cue.EMPTY, "nobody noone one"),
    (rf"(?:(?:i['’]ll|we['’]ll|i will|we will|will)\s+)?be\s+back(?:\s+home)?\s+"
     rf"(?:on|by|next|in|after|around)\s+(?:the\s+)?(?:{_DATE}|week|month|{_NUM}\s+(?:days|weeks))",
     Cue.RETURN, "back"),
    (rf"(?<!be )back\s+(?:home\s+)?(?:on|by)\s+(?:the\s+)?{_DATE}", Cue.RETURN, "back"),
    # --- German
    (r"(?:ich bin|bin|wir sind|sind wir|sind)\s+(?:\w+\s+){0,4}?(?:im urlaub|in urlaub"
     r"|verreist|auf reisen|auf weltreise)(?!\w)", Cue.AWAY, "urlaub verreist reisen weltreise"),
    (r"(?:ich bin|bin|wir sind|sind wir)\s+(?:\w+\s+){0,4}?(?:weg|unterwegs|nicht (?:da|zu ?hause"
     r"|daheim))(?!\w)", Cue.WEAK, "weg unterwegs da hause zuhause daheim"),
    (r"(?:ich fliege|wir fliegen|flieg(?:e)? ich|fliegen wir)\s+(?:\w+\s+){0,3}?(?:nach|in die"
     rf"|in den|auf|ans|an die)\s+{_DEST_BLOCK}{_PLACE}", Cue.FLY, "fliege fliegen flieg"),
    (r"(?:ich fahre|wir fahren|fahr(?:e)? ich|fahren wir|es geht|geht['’]?s|morgen geht['’]?s)"
     rf"\s+(?:\w+\s+){{0,3}}?(?:nach|in die|in den|auf|ans|an die)\s+{_DEST_BLOCK}{_PLACE}",
     Cue.GO, "fahre fahren fahr geht gehts"),
    (r"(?:endlich|ab morgen|ab heute|ab jetzt)\s+(?:\w+\s+)?(?:urlaub|ferien)(?!\w)",
     Cue.START, "urlaub ferien"),
    (r"(?:mein|unser)\s+urlaub\s+(?:beginnt|fängt|startet)", Cue.START, "urlaub"),
    (r"urlaubsmodus", Cue.START, "urlaubsmodus"),
    (r"(?:haus|wohnung)\s+(?:ist|steht|bleibt)\s+(?:\w+\s+){0,2}?leer", Cue.EMPTY, "leer"),
    (r"niemand\s+(?:\w+\s+)?(?:zu ?hause|daheim)", Cue.EMPTY, "niemand"),
    (r"(?:haus|katzen|hunde|tier|blumen)[- ]?sitter(?:in)?\s+gesucht|(?:suche|suchen)\s+"
     r"(?:\w+\s+){0,2}?(?:haus|katzen|hunde|tier)[- ]?sitter",
     Cue.SITTER, "sitter sitterin haussitter katzensitter hundesitter tiersitter blumensitter"),
    (r"wer\s+(?:kann|könnte)\s+(?:\w+\s+){0,2}?(?:katzen?|hund|blumen|pflanzen)\s+(?:gießen"
     r"|füttern)", Cue.SITTER, "gießen füttern"),
    (rf"(?:wieder|zurück)\s+(?:da|zurück|zu ?hause|daheim)?\s*(?:am|ab)\s+{_DATE}",
     Cue.RETURN, "wieder zurück"),
    # --- Spanish
    (r"(?:estoy|estamos|me voy|nos vamos|ya estoy|ya estamos)\s+(?:\w+\s+){0,2}?de\s+(?:vacaciones"
     r"|viaje|vacas)(?!\w)", Cue.AWAY, "vacaciones viaje vacas"),
    (r"(?:estoy|estamos)\s+(?:\w+\s+)?fuera(?:\s+de\s+casa)?(?!\w)", Cue.WEAK, "fuera"),
    (r"(?:vuelo|volamos|me vuelo)\s+(?:\w+\s+){0,3}?(?:a|para)\s+" + _DEST_BLOCK + _PLACE,
     Cue.FLY, "vuelo volamos"),
    (r"(?:me voy|nos vamos|salgo|salimos|me largo|nos largamos)\s+(?:\w+\s+){0,3}?(?:a|para)\s+"
     + _DEST_BLOCK + _PLACE, Cue.GO, "voy vamos salgo salimos largo largamos"),
    (r"(?:por fin|empiezan (?:mis|las)|comienzan (?:mis|las))\s+(?:\w+\s+)?vacaciones",
     Cue.START, "vacaciones"),
    (r"no\s+(?:hay|habrá|va a haber)\s+nadie\s+en\s+casa", Cue.EMPTY, "nadie"),
    (r"casa\s+(?:vac[ií]a|sola)", Cue.EMPTY, "casa"),
    (rf"(?:vuelvo|volvemos|regreso|regresamos|de vuelta|estar[ée] de vuelta|estaremos de vuelta)"
     rf"\s+(?:a casa\s+)?(?:el|la|en|este|el próximo)\s+(?:{_DATE}|semana"
     rf"|{_NUM}\s+(?:días|semanas))",
     Cue.RETURN, "vuelvo volvemos regreso regresamos vuelta"),
    # --- French
    (r"(?:je suis|on est|nous sommes|je serai|on sera|nous serons|suis)\s+(?:\w+\s+){0,2}?"
     r"(?:en vacances|en voyage|en congés?|absente?s?|loin de la maison|pas (?:là|chez moi))(?!\w)",
     Cue.AWAY, "vacances voyage congé congés absent absente absents absentes loin là"),
    (r"(?:je pars|on part|nous partons|je m['’]envole|on s['’]envole|nous nous envolons"
     r"|je décolle|on décolle)\s+(?:\w+\s+){0,3}?(?:à|a|en|au|aux|pour)\s+" + _DEST_BLOCK + _PLACE,
     Cue.FLY, "pars part partons envole envolons décolle"),
    (r"(?:je pars|on part|nous partons)\s+(?:\w+\s+){0,2}?en\s+(?:vacances|voyage|week-?end)",
     Cue.AWAY, "pars part partons"),
    (r"(?:enfin|vivement demain,?)\s+(?:les\s+)?vacances", Cue.START, "vacances"),
    (r"personne\s+(?:à|a)\s+la\s+maison", Cue.EMPTY, "personne"),
    (r"maison\s+vide", Cue.EMPTY, "vide"),
    (rf"(?:de retour|je rentre|on rentre|nous rentrons|je reviens|on revient|retour)\s+"
     rf"(?:à la maison\s+)?(?:le|la semaine|dans|mi-|fin)\s*(?:{_DATE}|prochaine|{_NUM}\s+(?:jours"
     rf"|semaines))", Cue.RETURN, "retour rentre rentrons reviens revient"),
    # --- any language: a bare "on vacation", told with a definite period
    (r"(?:on (?:vacation|vacay|holiday|hols)|out of town|im urlaub|in den urlaub|de vacaciones"
     r"|en vacances|en congés?|op vakantie|in vacanza)(?!\w)",
     Cue.WEAK, "vacation vacay holiday hols town urlaub vacaciones vacances congé congés vakantie "
     "vacanza"),
    # --- Dutch, Italian
    (r"(?:ik ben|we zijn|wij zijn|zijn we|ben)\s+(?:\w+\s+){0,2}?(?:op vakantie|met vakantie"
     r"|op reis)(?!\w)", Cue.AWAY, "vakantie reis"),
    (r"niemand\s+thuis", Cue.EMPTY, "niemand"),
    (r"huis\s+(?:staat|is)\s+leeg", Cue.EMPTY, "leeg"),
    (r"(?:sono|siamo)\s+(?:\w+\s+){0,2}?(?:in vacanza|in viaggio|fuori casa)(?!\w)",
     Cue.AWAY, "vacanza viaggio fuori"),
    (r"nessuno\s+(?:a|in)\s+casa", Cue.EMPTY, "nessuno"),
)  # fmt: skip
"""Announcement phrases, how much each says on its own, and its prefilter keywords (whole
lower-case words, one of which a post must contain for the phrase to be searched)."""

STRONG_TIMING: tuple[str, ...] = (
    # English
    rf"(?:for|the next|next)\s+(?:the\s+)?(?:next\s+)?{_NUM}\s+(?:days|weeks?|nights|months?)",
    r"(?:for|over)\s+the\s+(?:long\s+)?(?:weekend|holidays|summer|week|month|break)",
    rf"(?:until|till|til|['’]til|through|thru|returning|back on|back by)\s+(?:the\s+)?"
    rf"(?:{_DATE}|next|end|mid|early|late|new year)",
    rf"from\s+(?:the\s+)?{_DATE}\s+(?:to|until|till|-|–)\s+(?:the\s+)?{_DATE}",
    r"(?:this|next|all)\s+(?:long\s+)?(?:weekend|week|month)", r"\d+\s*(?:days|weeks|nights)",
    rf"{_NUM}\s+(?:weeks?|days|nights|months?)", r"the whole (?:week|weekend|month|summer)",
    # German
    r"(?:für|ganze|die nächsten)\s+(?:\w+\s+)?(?:tage|wochen|monate|woche|wochenende)",
    rf"bis\s+(?:zum\s+|zur\s+|nächste\s+|ende\s+|mitte\s+|anfang\s+)?(?:{_DATE}|{_BYE}\w+)",
    r"(?:dieses|übers|nächstes|am)\s+wochenende", r"(?:nächste|diese|kommende)\s+woche",
    rf"{_NUM}\s+(?:wochen|tage|monate)",
    rf"vom\s+{_DATE}\s+bis", rf"ab\s+(?:dem\s+)?{_DATE}",
    # Spanish
    rf"hasta\s+(?:el\s+|la\s+|finales de\s+|principios de\s+)?(?:{_DATE}|{_BYE}\w+)",
    r"(?:durante|por)\s+(?:\w+\s+)?(?:días|semanas|meses)", rf"{_NUM}\s+(?:semanas?|días|meses)",
    r"este fin de semana",
    r"la semana que viene|la próxima semana", r"todo el (?:verano|mes|finde)",
    # French
    rf"jusqu['’]\s?(?:au|à|a|en|le|la)?\s*(?:{_DATE}|mi-\w+|fin \w+|{_BYE}\w+)",
    r"pendant\s+(?:\w+\s+)?(?:jours|semaines|mois)", rf"{_NUM}\s+(?:semaines?|jours|mois)",
    r"ce week-?end",
    r"la semaine prochaine", rf"du\s+{_DATE}\s+au", r"tout l['’](?:été|hiver)",
    # Dutch, Italian
    r"tot\s+(?:en met\s+)?(?:zondag|maandag|volgende|eind|\d)", r"fino al", r"per\s+(?:due|tre"
    r"|\d+)\s+settimane",
)  # fmt: skip
"""A definite period: how long the home stays empty, or the day it stops."""

WEAK_TIMING: tuple[str, ...] = (
    r"tomorrow", r"tonight", r"today", r"this (?:morning|afternoon|evening)", r"right now",
    r"morgen", r"heute(?: abend| nacht)?", r"jetzt", r"mañana", r"hoy", r"esta noche",
    r"demain", r"aujourd['’]\s?hui", r"ce soir", r"maintenant", r"domani", r"stasera", r"oggi",
    r"vandaag", r"vanavond",
)  # fmt: skip
"""Now or very soon, without saying for how long."""

PAST: tuple[str, ...] = (
    # English
    r"last (?:year|summer|winter|spring|fall|autumn|week|month|time|weekend|christmas|easter)",
    r"\d+\s+(?:years?|months?|weeks?|days?)\s+ago", r"ago", r"(?:was|were)\s+(?:away|on (?:vacation"
    r"|holiday))", r"got back", r"came back", r"(?:i|we) went", r"throwback", r"tbt",
    r"flashback", r"remember when", r"used to", r"back in (?:\d{4}|the day)", r"miss(?:ing)?",
    r"(?:was|were) (?:amazing|great|awesome|the best|fun|lovely|incredible)", r"had (?:a|an|the"
    r"|such)", r"home sweet home", r"(?:i['’]?m|we['’]?re|i am|we are) (?:finally )?(?:back|home)",
    r"good to be (?:back|home)", r"(?:i|we) were", r"(?:i|we) was",
    # German
    r"letzte[nrs]?\s+(?:jahr|sommer|woche|monat|urlaub|winter)", r"vor\s+\w+\s+(?:jahren|wochen"
    r"|tagen|monaten)", r"(?:war|waren)\s+(?:\w+\s+)?(?:im urlaub|weg|verreist|unterwegs)",
    r"zurück aus", r"wieder (?:zu ?hause|daheim)", r"(?:ich|wir) (?:war|waren)", r"damals",
    # Spanish
    r"(?:el|la)\s+(?:año|verano|semana|mes)\s+pasad[oa]", r"hace\s+\w+\s+(?:años|meses|semanas"
    r"|días)", r"estuve", r"estuvimos", r"fuimos", r"volví", r"volvimos", r"de vuelta en casa",
    r"ya estoy de vuelta", r"ya estamos de vuelta",
    # French
    r"l['’]année dernière", r"l['’]été dernier", r"la semaine dernière", r"il y a\s+\w+\s+(?:ans"
    r"|mois|semaines|jours)", r"j['’]étais", r"on était", r"nous étions", r"(?:je suis|on est)"
    r"\s+(?:rentrée?s?|de retour)", r"souvenirs?",
)  # fmt: skip
"""The trip is over: told afterwards."""

WISH: tuple[str, ...] = (
    # English
    r"(?:i|we)\s+(?:really\s+|so\s+|just\s+)?(?:need|want|wanna|wish|would love|['’]d love|could"
    r" use|deserve|hope)", r"need (?:a|an|another) (?:vacation|holiday|break|trip|getaway)",
    r"wish(?:ing)?", r"someday", r"some day", r"one day", r"if only", r"dream(?:ing)?",
    r"bucket list", r"(?:should|could|can|shall) (?:i|we)", r"(?:thinking|planning|hoping)"
    r"\s+(?:about|of|on|to)", r"would", r"if (?:i|we)", r"imagine", r"can['’]?t afford",
    # German
    r"(?:brauche|bräuchte|brauch|möchte|wünschte|würde|wäre|hätte)", r"urlaubsreif",
    r"irgendwann", r"wenn (?:ich|wir)", r"reif für",
    # Spanish
    r"necesito", r"quiero", r"quisiera", r"ojalá", r"me gustaría", r"algún día", r"sueño",
    r"si pudiera",
    # French
    r"besoin d", r"je veux", r"je voudrais", r"j['’]aimerais", r"un jour", r"si seulement",
    r"vivement(?! demain)", r"rêve", r"si je",
)  # fmt: skip
"""Wishes, plans and hypotheticals: nobody is going yet."""

OTHER_PEOPLE: tuple[str, ...] = (
    # English
    r"(?:my|his|her|their|your|our)\s+(?:\w+\s+)?(?:mom|mum|mother|dad|father|parents|folks"
    r"|sister|brother|wife|husband|boss|neighbou?rs?|roommate|flatmate|friends?|family|kids"
    r"|son|daughter|bf|gf|boyfriend|girlfriend|partner|cousin|aunt|uncle|grandparents|grandma"
    r"|grandpa|in-laws|landlord|colleague|coworker)s?(?:['’]s?)?",
    r"(?:he|she|they|you|u)(?:['’](?:s|re|ll|d))?", r"(?:are|is|will) (?:you|u|they|he|she)",
    # German
    r"(?:meine?|seine?|ihre?|unsere?)\s+(?:eltern|mutter|mama|vater|papa|schwester|bruder|frau"
    r"|mann|freund(?:in)?|nachbarn?|chef(?:in)?|familie|kinder|oma|opa)", r"(?:er|du|ihr)",
    # Spanish
    r"(?:mis?|sus?|tus?)\s+(?:padres|madre|mamá|padre|papá|hermana|hermano|esposa|esposo|novio"
    r"|novia|vecinos?|jefe|amigos?|familia|abuelos)", r"(?:él|ella|ellos|ellas|tú)",
    # French
    r"(?:mes|mon|ma|ses|son|sa|tes|ton|ta)\s+(?:parents|mère|maman|père|papa|sœur|soeur|frère"
    r"|femme|mari|copain|copine|voisins?|patron|amis?|famille)", r"(?:il|elle|ils|elles|tu)",
)  # fmt: skip
"""Someone else is the one away."""

WORK_TRAVEL: tuple[str, ...] = (
    r"business trip", r"work trip", r"for work", r"conference", r"off-?site", r"client visit",
    r"work travel", r"dienstreise", r"geschäftsreise", r"beruflich", r"messe",
    r"viaje de (?:trabajo|negocios)", r"por trabajo", r"déplacement(?: pro(?:fessionnel)?)?",
    r"voyage d['’]affaires", r"pour le (?:boulot|travail|taf)", r"zakenreis",
)  # fmt: skip
"""Work travel: the writer is away, but someone else may well be at home."""

TRAVEL_WORDS: tuple[str, ...] = (
    r"vacation", r"vacay", r"holidays?", r"trip", r"travel\w*", r"flight", r"fly(?:ing)?",
    r"airport", r"abroad", r"beach", r"cruise", r"honeymoon", r"away", r"urlaub", r"ferien",
    r"reise\w*", r"flug\w*", r"flughafen", r"vacaciones", r"viaje", r"vuelo", r"aeropuerto",
    r"playa", r"vacances", r"voyage", r"vol", r"aéroport", r"plage", r"vakantie", r"vacanza",
    r"✈️?", r"🛫", r"🛬", r"🌴", r"🏝️?", r"🏖️?", r"🧳", r"🗺️?",
)  # fmt: skip
"""Words that make a return date a trip's end, and a named place a destination."""
