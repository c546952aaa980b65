"""Street-address vocabulary: street types, regions, postcode shapes and context words."""

from __future__ import annotations

# --- street types --------------------------------------------------------------------

EN_STREET_TYPES: dict[str, str] = {
    "street": "st", "st": "st", "avenue": "ave", "ave": "ave", "av": "ave", "road": "rd",
    "rd": "rd", "boulevard": "blvd", "blvd": "blvd", "drive": "dr", "dr": "dr", "lane": "ln",
    "ln": "ln", "court": "ct", "ct": "ct", "place": "pl", "pl": "pl", "way": "way",
    "terrace": "ter", "ter": "ter", "circle": "cir", "cir": "cir", "parkway": "pkwy",
    "pkwy": "pkwy", "highway": "hwy", "hwy": "hwy", "trail": "trl", "trl": "trl",
    "square": "sq", "sq": "sq", "crescent": "cres", "cres": "cres", "close": "cl",
    "grove": "gr", "gardens": "gdns", "gdns": "gdns", "mews": "mews", "row": "row",
    "walk": "walk", "hill": "hill", "loop": "loop", "alley": "aly", "plaza": "plz",
    "pike": "pike", "run": "run", "path": "path", "crossing": "xing", "green": "grn",
    "vale": "vale", "rise": "rise", "esplanade": "esp", "parade": "pde", "pde": "pde",
    "expressway": "expy", "expy": "expy", "freeway": "fwy", "fwy": "fwy", "turnpike": "tpke",
    "tpke": "tpke", "causeway": "cswy", "circuit": "cct", "cct": "cct", "quay": "qy",
    "cove": "cv", "heights": "hts", "hts": "hts", "ridge": "rdg", "wynd": "wynd", "str": "st",
}  # fmt: skip
"""English street types (US, UK, CA, AU) → their normalised abbreviation."""

EN_STRONG_TYPES: frozenset[str] = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln",
     "drive", "court", "ct", "terrace", "parkway", "pkwy", "crescent", "highway", "hwy"}
)  # fmt: skip
"""Types unambiguous enough to accept an all-lower-case street ("4512 fremont ave")."""

EN_DIRECTIONS: dict[str, str] = {
    "n": "n", "s": "s", "e": "e", "w": "w", "ne": "ne", "nw": "nw", "se": "se", "sw": "sw",
    "north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne", "northwest": "nw",
    "southeast": "se", "southwest": "sw",
}  # fmt: skip

EN_UNIT_WORDS: tuple[str, ...] = (
    "apt", "apartment", "unit", "suite", "ste", "flat", "fl", "floor", "room", "rm", "bldg",
    "building", "dept", "#",
)  # fmt: skip

UNIT_WORDS: tuple[str, ...] = (
    *EN_UNIT_WORDS, "lot", "wohnung", "whg", "app", "appt", "appartement", "apto", "bte",
    "interno", "scala", "piso", "puerta", "pta", "esc", "escalera", "lgh",
)  # fmt: skip
"""Apartment, suite and floor words before a unit number ("Apt. 5B", "Whg. 3", "bte 2",
"lgh 1102"): a unit number next to a street line is strong evidence of an address."""

NOT_STREET_NAME_WORDS: frozenset[str] = frozenset(
    # units, quantities and function words: "5 mins walk", "3 the road", "2 bedroom place"
    {"min", "mins", "minute", "minutes", "hr", "hrs", "hour", "hours", "day", "days", "week",
     "weeks", "month", "months", "year", "years", "mile", "miles", "mi", "km", "kms", "block",
     "blocks", "step", "steps", "times", "time", "people", "of", "the", "a", "an", "and", "or",
     "to", "in", "on", "at", "by", "for", "from", "with", "my", "our", "your", "his", "her",
     "their", "down", "up", "off", "out", "is", "are", "was", "more", "bedroom", "bed",
     "bath", "story", "storey", "floors", "lanes", "way", "ways", "percent", "pm", "am",
     "new", "old", "big", "small", "little", "dead", "end", "one", "two", "three", "four",
     "five", "six", "seven", "eight", "nine", "ten", "dollar", "dollars", "bucks", "points",
     "games", "yards", "feet", "ft", "meters", "metres", "kids", "dogs", "cats", "cars",
     "lines", "tickets", "bus", "train", "level", "car", "lol", "i", "me", "we", "you", "it",
     "bis", "ter",
     "this",
     "that", "not", "no", "so", "very", "just"}
)  # fmt: skip
"""Words that are never the whole or the start of a street name after a house number."""

NOT_PLACE_NAME_WORDS: frozenset[str] = frozenset(
    # things numbered in prose: "Game 7", "Windows 11", "Room 101", "Platform 9", "May 5"
    {"game", "games", "windows", "iphone", "ipad", "galaxy", "pixel", "android", "ios",
     "version", "season", "episode", "ep", "chapter", "page", "part", "vol", "volume", "act",
     "scene", "round", "stage", "phase", "level", "room", "floor", "gate", "terminal",
     "platform", "track", "row", "seat", "section", "table", "hall", "block", "lot", "unit",
     "apt", "suite", "box", "no", "number", "nr", "week", "day", "year", "top", "covid",
     "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
     "january", "february", "march", "april", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "grade", "class", "series", "model", "mark",
     "psalm", "john", "matthew", "luke", "genesis", "exit", "mile", "route", "highway",
     "interstate", "bus", "flight", "train", "line", "channel", "studio", "apollo", "pro",
     "max", "plus", "ultra", "mini", "air", "xbox", "playstation", "ps", "fifa", "nba", "nfl",
     "ufc", "wwe", "f1", "mlb", "nhl", "vs", "v", "i", "we", "you", "he", "she", "they", "it",
     "the", "a", "an", "at", "in", "on", "to", "of", "for", "and", "or", "my", "our", "is"}
)  # fmt: skip
"""Words that start numbered things which are not streets: a number after them is not a
house number ("Game 7", "Room 101"). Used for street lines without a street type."""

NOT_CITY_WORDS: frozenset[str] = frozenset(
    {"the", "a", "an", "and", "or", "but", "to", "for", "at", "in", "on", "of", "from", "with",
     "by", "as", "if", "so", "is", "are", "was", "were", "be", "been", "it", "its", "i", "me",
     "my", "we", "us", "our", "you", "your", "he", "she", "they", "them", "his", "her",
     "their", "this", "that", "these", "those", "there", "here", "then", "than", "after",
     "before", "tonight", "today", "tomorrow", "yesterday", "now", "soon", "please", "pls",
     "plz", "thanks", "thank", "lol", "just", "also", "via", "near", "next", "last", "when",
     "where", "what", "who", "why", "how", "will", "would", "can", "could", "should", "come",
     "go", "see", "get", "got", "have", "has", "had", "do", "does", "did", "not", "no", "yes",
     "ok", "okay", "bring", "call", "text", "dm", "rt", "until", "till", "since", "about",
     "around", "between", "through", "during", "every", "all", "any", "some", "very", "too",
     "am", "pm", "asap", "x", "xx", "xo", "ty", "btw", "im", "i'm", "it's", "don't", "let's",
     "und", "oder", "bei", "bis", "ab", "et", "ou", "le", "la", "les", "y", "o", "e", "en",
     "para", "por", "con", "per", "di", "da", "het", "een", "op"}
)  # fmt: skip
"""Words after a street line that end it: they start prose again, not a city name."""

PO_BOX_WORDS: frozenset[str] = frozenset(
    {"box", "po", "p.o", "pob", "postbox", "postfach", "apartado", "casilla", "bp", "cp"}
)
"""Words of a post-office box, which is not where anyone lives."""

CITY_PARTICLES: frozenset[str] = frozenset(
    {"of", "de", "la", "le", "les", "del", "di", "da", "on", "upon", "en", "am", "an", "der",
     "y", "e", "nad", "pod", "u", "na", "v", "im", "bei", "sur", "sous", "aan", "op"}
)  # fmt: skip
"""Small words inside a city name after its first word ("Isle of Palms", "Mora de Rubielos")."""

CAPITALISED_NAME_WORDS: frozenset[str] = frozenset({"new", "old", "big", "little", "one"})
"""Words of :data:`NOT_STREET_NAME_WORDS` that do start real street names when written with a
capital ("3 New Road", "12 Old Kent Road", "1 Little Britain")."""

DE_NL_SUFFIXES: tuple[str, ...] = (
    "straße", "strasse", "str.", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer",
    "chaussee", "steig", "pfad", "graben", "kamp",
    "straat", "gracht", "laan", "plein", "kade", "singel", "dijk", "steeg", "dreef",
    # Danish, Swedish, Norwegian, Icelandic
    "vej", "gade", "stræde", "vænget", "gatan", "vägen", "gränd", "stigen", "veien", "vegen",
    "gata", "stræti", "straeti", "braut", "vegur", "stígur",
    # Finnish, Estonian
    "katu", "kuja", "polku", "tie", "väylä", "tänav", "maantee", "puiestee",
    # Czech, Slovak, Slovenian, Croatian
    "ulice", "ulica", "náměstí", "nábřeží", "cesta", "trg",
)  # fmt: skip
"""Endings of one-word German, Austrian, Swiss, Dutch, Nordic, Finnish, Estonian and Central
European street names ("Lindenweg", "Søndergade", "Magasinsgatan", "Koskikatu")."""

NAME_FIRST_TYPE_WORDS: tuple[str, ...] = (
    # Hungarian
    "u.", "utca", "út", "útja", "tér", "tere", "körút", "krt.", "köz", "sor", "sétány", "rkp.",
    "rakpart", "fasor",
    # Nordic, Estonian
    "gate", "gata", "vei", "veg", "vej", "väg", "allé", "plads", "torg", "terrasse", "tee",
    "tänav", "põik", "mnt.",
)  # fmt: skip
"""Lower-case street-type words after the name ("Kálmán Imre u. 12", "Trenerys gate 23",
"Luite tee 87"), matched case-sensitively."""

DE_STREET_WORDS: tuple[str, ...] = (
    "Straße", "Strasse", "Str.", "Weg", "Allee", "Platz", "Gasse", "Ring", "Damm", "Ufer",
)  # fmt: skip
"""Separate street words after an adjective ("Berliner Straße")."""

DE_PREFIXES: tuple[str, ...] = (
    "Am", "An der", "An den", "Auf der", "Auf dem", "Im", "In der", "In den", "Zum", "Zur",
    "Unter den", "Hinter der", "Hinter dem", "Vor dem", "Alte", "Alter", "Neue", "Neuer",
)  # fmt: skip
"""Prepositional street names ("Am Markt 3", "Zur Mühle 7")."""

ES_TYPES: tuple[str, ...] = (
    "Calle", "C/", "Avenida", "Avda.", "Avda", "Av.", "Plaza", "Pza.", "Paseo", "Pº",
    "Ronda", "Camino", "Carretera", "Ctra.", "Travesía", "Carrer", "Passeig", "Rambla",
    "Glorieta", "Callejón", "Urbanización", "Urb.",
)  # fmt: skip
PT_TYPES: tuple[str, ...] = (
    "Rua", "Rúa", "Travessa", "Praça", "Estrada", "Alameda", "Rodovia", "Avenida",
)  # fmt: skip
"""Portuguese and Galician street types (written before the name, number last)."""
PL_TYPES: tuple[str, ...] = ("ul.", "al.", "os.", "pl.")
"""Polish abbreviations before the name ("ul. Słowicza 10"), matched case-sensitively."""
FR_TYPE_FIRST: tuple[str, ...] = (
    "Rue", "Avenue", "Boulevard", "Chemin", "Place", "Impasse", "Allée", "Quai", "Chaussée",
    "Drève", "Rue de", "Av.",
)  # fmt: skip
"""French street types in the Belgian and Swiss order, number last ("Rue de la Loi 16")."""
LOWERCASE_TYPE_FIRST: frozenset[str] = frozenset(
    {"calle", "rua", "rúa", "avenida", "carrer", "rue", "ul."}
)
"""Type-first street words distinctive enough to accept a street name all in lower case."""
IT_TYPES: tuple[str, ...] = (
    "Via", "Viale", "V.le", "Corso", "C.so", "Piazza", "P.zza", "Piazzale", "Largo",
    "Vicolo", "Strada", "Lungomare", "Lungotevere", "Borgo", "Contrada",
)  # fmt: skip
ES_IT_PARTICLES: tuple[str, ...] = (
    "de", "del", "de la", "de los", "de las", "y", "e", "di", "dei", "della", "delle",
    "do", "da", "dos", "das",
    "degli", "dello", "del", "d'", "d’", "san", "santa", "santo",
)  # fmt: skip

FR_TYPES: dict[str, str] = {
    "rue": "rue", "avenue": "av", "av.": "av", "boulevard": "bd", "bd": "bd", "bld": "bd",
    "place": "pl", "pl.": "pl", "chemin": "ch", "impasse": "imp", "allée": "all",
    "allee": "all", "quai": "quai", "cours": "crs", "route": "rte", "rte": "rte",
    "square": "sq", "passage": "pass", "faubourg": "fg", "chaussée": "chs", "résidence": "res",
    "sentier": "sen", "villa": "vla", "cité": "cite", "hameau": "ham", "montée": "mte",
    "voie": "voie", "promenade": "prom",
}  # fmt: skip
"""French (and Québec) street types → normalised abbreviation."""
FR_PARTICLES: tuple[str, ...] = (
    "de", "des", "du", "de la", "d'", "d’", "la", "le", "les", "l'", "l’", "et", "sur", "sous",
    "aux", "au",
)  # fmt: skip

# --- regions and postcodes -----------------------------------------------------------

US_STATES: tuple[str, ...] = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
    "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
    "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
    "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
)  # fmt: skip
CA_PROVINCES: tuple[str, ...] = (
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
)  # fmt: skip
AU_STATE_POSTCODES: dict[str, tuple[tuple[int, int], ...]] = {
    "NSW": ((1000, 2599), (2619, 2899), (2921, 2999)),
    "ACT": ((200, 299), (2600, 2618), (2900, 2920)),
    "VIC": ((3000, 3999), (8000, 8999)),
    "QLD": ((4000, 4999), (9000, 9999)),
    "SA": ((5000, 5999),),
    "WA": ((6000, 6999),),
    "TAS": ((7000, 7999),),
    "NT": ((800, 999),),
}
"""Australian states and the postcode ranges Australia Post assigns to each."""

UK_POSTCODE = (
    r"(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d\d?|[A-HK-Y]\d[\dABEHMNPRV-Y]?|\d[A-HJKPSTUW]))"
    r" ?\d[ABD-HJLNP-UW-Z]{2})"
)
"""UK postcode: the official outward/inward format (BS 7666), upper case."""
CA_POSTCODE = r"(?:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)"
"""Canadian postal code ``A1A 1A1`` (letters D, F, I, O, Q, U never appear)."""

COUNTRY_ALIASES: dict[str, str] = {
    "usa": "US", "u.s.a.": "US", "u.s.": "US", "united states of america": "US",
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "great britain": "GB", "netherlands": "NL", "holland": "NL",
    "nederland": "NL", "deutschland": "DE", "österreich": "AT", "schweiz": "CH",
    "suisse": "CH", "svizzera": "CH", "españa": "ES", "italia": "IT", "belgique": "BE",
    "belgië": "BE", "czech republic": "CZ", "danmark": "DK", "sverige": "SE", "norge": "NO",
    "suomi": "FI", "polska": "PL", "magyarország": "HU", "ísland": "IS",
}  # fmt: skip
"""Country names people write that the gazetteer spells differently (it has "United
Kingdom", "The Netherlands", "Czechia")."""

MILITARY_ZIP_PREFIXES: dict[str, tuple[tuple[int, int], ...]] = {
    "AA": ((340, 340),),
    "AE": ((90, 98),),
    "AP": ((962, 966),),
}
"""US military post "states" (Americas, Europe, Pacific) and their ZIP prefixes."""

# --- context -------------------------------------------------------------------------

HOME_CUES: tuple[str, ...] = (
    # English
    r"my (?:new |old |current |home |mailing |postal )?(?:place|address|addy|addr|apartment|apt"
    r"|flat|house|home|crib|pad|condo|digs)",
    r"our (?:new |old |current |home |mailing )?(?:place|address|apartment|apt|flat|house|home"
    r"|condo)",
    r"come (?:over|round|by|on over)(?: to)?", r"swing by", r"stop by(?: my| our)?",
    r"(?:party|bbq|barbecue|drinks|dinner|hangout|sleepover|game night|housewarming)"
    r"(?: party)? (?:is )?at (?:mine|my place|ours|our place)",
    r"(?:at|to) (?:mine|my place|our place|ours)", r"housewarming",
    r"(?:just |finally |we |i )?moved (?:in ?to|to|in at)", r"moving (?:in ?to|to)",
    r"i live (?:at|on)", r"we live (?:at|on)", r"i['’]?m living (?:at|on)", r"home address",
    r"send (?:it|them|mail|packages?|the package|stuff|gifts?|letters?|cards?|postcards?) to",
    r"ship (?:it|them) to", r"mail (?:it|them|me)(?: at| to)?", r"deliver(?:ed)? to",
    r"(?:my|our) address is", r"address\s*:", r"new address",
    r"(?:billing|shipping|delivery|mailing|postal|home|current|old|forwarding) address(?:es)?",
    r"(?:his|her|their|[\w’']+['’]s) (?:new |old |home )?address", r"address (?:is|was)",
    r"(?:lives|living|stays|staying) (?:at|on|in)", r"(?:i|we|they) (?:now |still |currently )?"
    r"live (?:at|on|in)", r"(?:send|sent|ship|shipped|mail|mailed|deliver"
    r"|delivered|forward|forwarded) (?:\w+ ){0,4}to",
    r"update (?:my|the) (?:\w+ ){0,3}address(?:es)?",
    r"change (?:my|the) (?:\w+ ){0,3}address(?:es)?", r"return address", r"clos(?:ed|ing) on",
    r"(?:my |our |the )?new (?:apartment|apt|place|flat|house|home|digs|condo|crib|pad)",
    r"moved in", r"eingezogen", r"ny adresse?", r"nieuwe adres",
    # German
    r"ich wohne(?: jetzt| seit \w+)?(?: in der| in| an der| am| auf der| im)?",
    r"wir wohnen(?: jetzt| seit \w+)?(?: in der| in| an der| am| auf der| im)?",
    r"meine (?:neue |alte )?(?:adresse|anschrift|wohnung)", r"unsere (?:neue |alte )?(?:adresse|"
    r"anschrift|wohnung)", r"neue adresse", r"bei mir(?: zu ?hause)?", r"zu mir",
    r"kommt (?:alle )?vorbei", r"(?:sind|bin) umgezogen", r"umzug", r"einweihungsparty",
    # Spanish
    r"mi (?:nueva )?(?:direcci[oó]n|casa|piso|depa|departamento|domicilio)",
    r"nuestra (?:nueva )?(?:direcci[oó]n|casa)", r"nuestro (?:nuevo )?(?:piso|depa|domicilio)",
    r"vivo en", r"vivimos en", r"ven(?:id|gan)? a (?:mi casa|casa)", r"en mi casa",
    r"me mud[eé](?: a)?", r"nos mudamos(?: a)?",
    # French
    r"j['’]\s?habite(?: au| à| a| rue| en| dans)?", r"nous habitons", r"on habite",
    r"mon (?:nouvel |nouveau )?(?:adresse|appart|appartement|domicile)",
    r"ma (?:nouvelle )?(?:adresse|maison)", r"notre (?:nouvelle )?(?:adresse|maison)",
    r"notre (?:nouvel |nouveau )?(?:appart|appartement)", r"chez (?:moi|nous)",
    r"on a d[ée]m[ée]nag[ée]", r"j['’]ai d[ée]m[ée]nag[ée]", r"pendaison de cr[ée]maill[eè]re",
    # Dutch, Italian
    r"ons (?:nieuwe )?adres", r"mijn (?:nieuwe )?adres", r"ik woon(?: op| in| aan)?",
    r"wij wonen(?: op| in| aan)?", r"we wonen(?: op| in| aan)?", r"bij mij(?: thuis)?",
    r"verhuisd(?: naar)?", r"abito in", r"abitiamo in", r"il mio (?:nuovo )?indirizzo",
    r"casa mia", r"da me",
)  # fmt: skip
"""Words that make a street address the writer's home (looked for in the same sentence)."""

VENUE_CUES: tuple[str, ...] = (
    # English
    r"restaurant", r"caf[eé]", r"coffee(?: ?shop)?", r"bar", r"pub", r"diner", r"bistro",
    r"bakery", r"brewery", r"winery", r"store", r"shop", r"boutique", r"showroom", r"office",
    r"offices", r"hq", r"headquarters", r"museum", r"gallery", r"station", r"airport",
    r"hotel", r"hostel", r"motel", r"inn", r"theat(?:er|re)", r"cinema", r"church",
    r"library", r"stadium", r"arena", r"venue", r"club", r"gym", r"studio", r"clinic",
    r"hospital", r"pharmacy", r"school", r"university", r"campus", r"market", r"mall",
    r"salon", r"spa", r"park", r"zoo", r"opening hours", r"hours", r"open (?:daily|today|now|"
    r"from|mon|tue|wed|thu|fri|sat|sun|7 days)", r"now open", r"grand opening",
    r"doors open", r"tickets?", r"event", r"meetup", r"meet ?up", r"conference", r"workshop",
    r"concert", r"festival", r"meet (?:us |me )?at the", r"join us",
    r"visit us", r"located at", r"our (?:new )?(?:store|shop|office|location|studio)",
    r"for sale", r"for rent", r"open house", r"listing", r"i['’]?m at", r"check(?:ed)? in",
    r"church", r"embassy", r"consulate", r"town hall", r"city hall", r"courthouse",
    r"polling", r"vote at", r"protest", r"rally", r"(?:lunch|dinner|brunch|breakfast) at",
    r"burgers?", r"pizza", r"tacos", r"sushi", r"menu", r"food truck",
    # German
    r"laden", r"gesch[äa]ft", r"b[üu]ro", r"praxis", r"bahnhof", r"kneipe", r"lokal",
    r"[öo]ffnungszeiten", r"ge[öo]ffnet", r"veranstaltung", r"er[öo]ffnung", r"treffpunkt",
    r"kirche", r"rathaus", r"schule", r"kita", r"bäckerei", r"b[äa]ckerei", r"eintritt",
    r"konzert", r"ausstellung", r"filiale", r"standort", r"zu verkaufen", r"zu vermieten",
    # Spanish
    r"restaurante", r"tienda", r"oficina", r"museo", r"estaci[oó]n", r"horario", r"evento",
    r"inauguraci[oó]n", r"local", r"cafeter[ií]a", r"se vende", r"se alquila", r"colegio",
    r"iglesia", r"concierto", r"entradas",
    # French
    r"boutique", r"bureau", r"mus[ée]e", r"gare", r"h[ôo]tel", r"horaires", r"[ée]v[ée]nement",
    r"ouverture", r"magasin", r"brasserie", r"mairie", r"[ée]glise", r"salle", r"[àa] vendre",
    r"[àa] louer", r"concert", r"expo(?:sition)?",
    # Dutch, Italian
    r"winkel", r"kantoor", r"openingstijden", r"ristorante", r"negozio", r"ufficio",
    r"stazione", r"orari",
)  # fmt: skip
"""Words that make a street address a public place or business, not anyone's home."""

US_ZIP_PREFIXES: dict[str, tuple[tuple[int, int], ...]] = {
    "AL": ((350, 369),), "AK": ((995, 999),), "AZ": ((850, 865),), "AR": ((716, 729), (755, 755)),
    "CA": ((900, 961),), "CO": ((800, 816),), "CT": ((60, 69),), "DE": ((197, 199),),
    "DC": ((200, 205), (569, 569)), "FL": ((320, 349),), "GA": ((300, 319), (398, 399)),
    "HI": ((967, 968),), "ID": ((832, 838),), "IL": ((600, 629),), "IN": ((460, 479),),
    "IA": ((500, 528),), "KS": ((660, 679),), "KY": ((400, 427),), "LA": ((700, 714),),
    "ME": ((39, 49),), "MD": ((206, 219),), "MA": ((10, 27), (55, 55)), "MI": ((480, 499),),
    "MN": ((550, 567),), "MS": ((386, 397),), "MO": ((630, 658),), "MT": ((590, 599),),
    "NE": ((680, 693),), "NV": ((889, 898),), "NH": ((30, 38),), "NJ": ((70, 89),),
    "NM": ((870, 884),), "NY": ((100, 149), (5, 5), (63, 63)), "NC": ((270, 289),),
    "ND": ((580, 588),), "OH": ((430, 459),), "OK": ((730, 749),), "OR": ((970, 979),),
    "PA": ((150, 196),), "RI": ((28, 29),), "SC": ((290, 299),), "SD": ((570, 577),),
    "TN": ((370, 385),), "TX": ((750, 799), (733, 733), (885, 885)), "UT": ((840, 847),),
    "VT": ((50, 59),), "VA": ((201, 201), (220, 246)), "WA": ((980, 994),),
    "WV": ((247, 268),), "WI": ((530, 549),), "WY": ((820, 831),), "PR": ((6, 9),),
    "VI": ((8, 8),), "GU": ((969, 969),), "AS": ((967, 967),), "MP": ((969, 969),),
}  # fmt: skip
"""US states and the three-digit ZIP prefixes USPS assigns to each (ZIP must agree)."""

CA_FIRST_LETTERS: dict[str, str] = {
    "NL": "A", "NS": "B", "PE": "C", "NB": "E", "QC": "GHJ", "ON": "KLMNP", "MB": "R",
    "SK": "S", "AB": "T", "BC": "V", "NT": "X", "NU": "X", "YT": "Y",
}  # fmt: skip
"""Canadian provinces and the first letters of their postal codes (must agree)."""

US_STATE_NAMES: dict[str, str] = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
    "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
    "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
    "minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT",
    "nebraska": "NE", "nevada": "NV", "new hampshire": "NH", "new jersey": "NJ",
    "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
    "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "puerto rico": "PR",
}  # fmt: skip
"""US state names → USPS abbreviation (a written-out state before a ZIP code)."""
