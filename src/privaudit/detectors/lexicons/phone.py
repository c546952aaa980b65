"""Phone-number vocabulary: the words around a number that say what it is, by language.

Every table maps a language code (``en``, ``de``, ``es``, ``fr``, ``it``, ``pt``, ``nl``; ``any``
for words every language borrows) to regular-expression fragments. The detector compiles
each table once into one alternation with a named group per language, so the cue that
matched also tells which language — and so which countries — a national-format number
most likely belongs to.
"""

from __future__ import annotations

PERSONAL_CUES: dict[str, tuple[str, ...]] = {
    "any": (
        r"whats ?app", r"signal", r"telegram", r"sms", r"imessage", r"viber", r"wa\.?me",
    ),
    "en": (
        r"call me", r"text me", r"txt me", r"msg me", r"message me", r"ring me", r"reach me",
        r"contact me", r"hit me up", r"hmu", r"hit my (?:line|cell|phone)", r"holla at me",
        r"get (?:hold of )?me", r"buzz me", r"phone me", r"dm or call",
        r"my (?:new |old |personal |private |work |home |mobile |cell |phone |direct )?"
        r"(?:number|no\.?|num|#|cell|mobile|phone|digits|line)",
        r"cell(?:phone)?", r"phone", r"tel(?:ephone)?\.?", r"mobile", r"mob\.?",
    ),
    "de": (
        r"handy(?:nummer)?", r"meine (?:handy|telefon|mobil)?nummer", r"ruf mich an",
        r"ruf an", r"rufen sie mich an", r"schreib mir", r"schick mir eine (?:sms|nachricht)",
        r"simse? mir", r"meld(?:e)? dich", r"telefon(?:nummer)?",
        r"mobil(?:nummer)?", r"erreichbar", r"erreichst du mich",
    ),
    "es": (
        r"ll[aá]mame", r"escr[ií]beme", r"m[aá]rcame", r"h[aá]blame", r"mi n[uú]mero",
        r"m[aá]ndame un (?:mensaje|whats|wasap|sms)",
        r"mi (?:cel|celular|m[oó]vil|tel[eé]fono|whats|wasap)", r"celular", r"m[oó]vil",
        r"tel[eé]fono", r"wasap",
    ),
    "fr": (
        r"appelle[- ]moi", r"appelez[- ]moi", r"[eé]cris[- ]moi", r"textez[- ]moi",
        r"envoie[- ]moi un (?:texto|sms|message)",
        r"mon (?:num[eé]ro|num|portable|t[eé]l[eé]phone|tel|t[eé]l|06|07)",
        r"t[eé]l[eé]phone", r"t[eé]l\.?", r"portable", r"joignable",
    ),
    "it": (
        r"chiamami", r"scrivimi", r"contattami", r"mandami un (?:messaggio|sms|whatsapp)",
        r"il mio numero", r"il mio cell(?:ulare)?", r"cellulare",
        r"telefono",
    ),
    "pt": (
        r"me liga", r"liga[- ]me", r"me manda (?:uma )?mensagem", r"chama no (?:zap|whats)",
        r"meu n[uú]mero", r"meu (?:celular|telem[oó]vel|zap|whats)",
        r"telem[oó]vel", r"telefone",
    ),
    "nl": (
        r"bel me", r"bel mij", r"app me", r"stuur me een (?:appje|berichtje|sms(?:je)?)",
        r"mijn nummer", r"mijn (?:mobiele|telefoon)nummer", r"mobiel",
        r"telefoon(?:nummer)?", r"bereikbaar",
    ),
}  # fmt: skip
"""Words that say the number is the writer's own phone, or name a phone line outright
("call me", "my number", "mobile", "Handy", "llámame", "mon portable") → high confidence."""

CONTEXT_CUES: dict[str, tuple[str, ...]] = {
    "any": (r"fax", r"voip", r"skype"),
    "en": (
        r"call(?:ed|ing|s)?", r"text(?:ed|ing|s)?", r"rang", r"ring(?:ing)?", r"dial(?:l?ed)?",
        r"phoned", r"reach(?:ed)?", r"contact", r"answer(?:ing|s|ed)?(?: (?:at|on))?",
        r"get(?:ting)? through to",
        r"(?:not )?picking up", r"messages? (?:to|from|on)", r"calls? (?:to|from|on)",
        r"voicemail", r"landline", r"direct line", r"digits", r"registered",
        r"(?:this|that|the|same|his|her|their|your|new|old|contact|phone|mobile|cell|home"
        r"|work|office|emergency) (?:number|no\.?|line)(?! of)",
        r"number(?: is|:)",
    ),
    "de": (
        r"an(?:ge)?rufen", r"anruf(?:e|en)?", r"ruf(?:t|en)?", r"nummer", r"unter",
        r"simsen", r"w[äa]hlen", r"festnetz", r"durchwahl",
    ),
    "es": (
        r"llam(?:a|ar|ando|ada|adas)(?: al)?", r"n[uú]mero", r"marcar", r"contesta(?:n)?",
        r"mensajes?(?: al)?", r"fijo",
    ),
    "fr": (
        r"appel(?:er|le|lez|s)?(?: au)?", r"num[eé]ro", r"joindre", r"r[eé]pond(?:ent|s)?",
        r"textos?",
        r"messages?", r"fixe",
    ),
    "it": (r"chiama(?:re|te)?", r"telefonare", r"numero", r"messaggi?", r"fisso"),
    "pt": (r"ligar?(?: para)?", r"n[uú]mero", r"chamadas?", r"mensage[mn]s?", r"fixo"),
    "nl": (r"bellen", r"bel", r"gebeld", r"nummer", r"vast"),
}  # fmt: skip
"""Words that say a number is a phone without saying whose ("call", "not answering at",
"messages to", "Nummer", "número") → medium confidence; they also let a national-format
number of another country than the account's be read at all."""

BUSINESS_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        r"call us", r"text us", r"contact us", r"reach us", r"ring us", r"message us",
        r"whats ?app us", r"email us", r"give us a (?:call|ring)",
        r"our (?:office|hotline|helpline|number|line|team|store|shop|studio|salon|agency)",
        r"customer (?:service|care|support)", r"help ?line", r"hot ?line", r"support line",
        r"sales", r"reservations?", r"bookings?", r"box office", r"guest ?list",
        r"(?:for|more) info(?:rmation)?", r"enquiries", r"inquiries", r"tickets?",
        r"appointments?",
    ),
    "de": (
        r"ruf(?:en sie)? uns an", r"kontaktieren sie uns",
        r"unser(?:e)? (?:b[üu]ro|hotline|nummer)",
        r"kundenservice", r"kundendienst", r"reservierung(?:en)?", r"terminvereinbarung",
    ),
    "es": (
        r"ll[aá]manos", r"cont[aá]ctanos", r"escr[ií]benos", r"nuestro (?:n[uú]mero|tel[eé]fono)",
        r"atenci[oó]n al cliente", r"reservas", r"informes", r"entradas",
    ),
    "fr": (
        r"appelez[- ]nous", r"contactez[- ]nous", r"notre (?:num[eé]ro|standard)",
        r"service client(?:s|[eè]le)?", r"r[eé]servations?", r"renseignements",
    ),
    "it": (
        r"chiamaci", r"contattaci", r"il nostro numero", r"prenotazioni", r"servizio clienti",
    ),
    "pt": (r"ligue[- ]nos", r"fale conosco", r"nosso n[uú]mero", r"atendimento"),
    "nl": (r"bel ons", r"neem contact op", r"ons nummer", r"klantenservice", r"reserveren"),
}  # fmt: skip
"""Words of a business advertising its line ("call us", "for reservations", "customer
service"): the number is not the writer's own (→ not reported)."""

NOT_PHONE_CUES: tuple[str, ...] = (
    # English
    r"order(?: no\.?| number| #| id)?", r"ticket", r"tracking", r"track(?:ing)? (?:no|number)",
    r"invoice", r"ref\.?", r"reference", r"id", r"(?<!in )case(?: no\.?| number| #| id)?",
    r"isbn", r"issn", r"flight",
    r"account(?: no\.?| number| #)?", r"acct", r"serial", r"s/n", r"confirmation", r"conf\.?",
    r"p\.? ?o\.? box", r"box", r"booking", r"reservation", r"policy", r"claim", r"transaction",
    r"txn", r"receipt", r"parcel", r"package", r"shipment", r"customer(?: no\.?| number)?",
    r"member(?:ship)?(?: no\.?| number)?", r"patient", r"student", r"employee", r"licen[cs]e",
    r"vin", r"imei", r"iban", r"bic", r"routing", r"sku", r"model", r"part", r"pin", r"otp",
    r"(?:promo|discount|verification|voucher|gift card|tracking|access|security) code", r"pnr",
    r"(?:credit |debit |gift |bank |loyalty )?card(?: no\.?| number| #)?", r"code",
    r"data", r"balance", r"bill", r"usage",
    r"batch", r"barcode", r"upc", r"ean", r"doi", r"pmid", r"arxiv",
    r"patent", r"docket", r"registration", r"reg\.?", r"kvk", r"vat", r"ein", r"ssn", r"tax",
    r"version", r"ver\.?", r"v", r"build", r"release", r"patch", r"firmware",
    r"ip(?: address)?", r"coordinates", r"gps", r"lat", r"lon", r"lng", r"zip(?: code)?",
    r"postcode", r"postal code", r"score", r"scored",
    # German
    r"bestell(?:ung|nummer|nr\.?)", r"auftrag(?:snummer)?", r"rechnung(?:snummer)?",
    r"kunden(?:nummer|nr\.?)", r"sendung(?:snummer)?", r"aktenzeichen", r"vorgang(?:snummer)?",
    r"buchung(?:snummer)?", r"vertrag(?:snummer)?", r"konto(?:nummer)?", r"steuer(?:nummer|-?id)",
    r"postfach", r"plz",
    # Spanish
    r"pedido", r"factura", r"referencia", r"seguimiento", r"localizador", r"expediente",
    r"cuenta", r"reserva", r"env[ií]o", r"dni", r"nif", r"apartado",
    # French
    r"commande", r"facture", r"r[eé]f[eé]rence", r"suivi", r"dossier", r"compte",
    r"colis", r"vol", r"bo[iî]te postale",
    # Italian, Dutch, Portuguese
    r"ordine", r"fattura", r"riferimento", r"pratica", r"bestelling", r"factuur",
    r"encomenda", r"pedido", r"fatura",
)  # fmt: skip
"""Words just before a number that say it is an identifier, not a phone (→ skip)."""

LABEL_WORDS: tuple[str, ...] = (
    r"phone", r"tel(?:ephone)?", r"mobile", r"cell(?:phone)?", r"handy", r"telefon",
    r"tel[eé]fono", r"t[eé]l[eé]phone", r"portable", r"m[oó]vil", r"celular", r"whats ?app",
    r"fax", r"mob", r"telefoon", r"mobiel", r"cellulare", r"telefono", r"telefone",
    r"telem[oó]vel", r"gsm", r"natel",
)  # fmt: skip
"""Labels of a signature or contact card ("Phone:", "Mobile", "Fax:"): a number right after
one is a phone even when it is valid in no country we know."""

FIELD_LABELS: tuple[str, ...] = (
    r"desk", r"office", r"work", r"home", r"direct", r"main", r"private", r"privat",
    r"b[üu]ro", r"bureau", r"oficina", r"domicile", r"casa",
)  # fmt: skip
"""Everyday words that label a phone only when written as a label, with a colon
("Office: …", "Home number …") — "work 330-1130" is a shift, not a phone."""

POSTFIX_LABELS: tuple[str, ...] = (r"mobile", r"office", r"fax", r"home", r"cell", r"work")
"""Labels written after the number ("082 490 1693-Office")."""

LANGUAGE_REGIONS: dict[str, tuple[str, ...]] = {
    "de": ("DE", "AT", "CH"),
    "es": ("ES", "MX", "AR", "CO", "CL", "PE"),
    "fr": ("FR", "BE", "CH", "LU", "CA"),
    "it": ("IT", "CH"),
    "pt": ("PT", "BR"),
    "nl": ("NL", "BE"),
}
"""Where a language is mostly written, most likely first: the countries a national-format
number is tried in when the post (or the cue next to it) is in that language. English is
not listed: it is written everywhere, so it names no country."""

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English", "de": "German", "es": "Spanish", "fr": "French", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch",
}  # fmt: skip

COMMON_REGIONS: tuple[str, ...] = (
    "GB", "FR", "ES", "NL", "BE", "CH", "IE", "PT", "NO", "DK", "PL", "AU", "NZ", "IN", "BR",
    "MX", "AR", "ZA",
)  # fmt: skip
"""Last resort for a number with phone context and no hint of its country."""

PERMISSIVE_REGIONS: tuple[str, ...] = ("DE", "AT", "IT", "FI", "SE")
"""Countries whose numbering plans accept most digit strings (a third to three quarters of
random 8–12 digit strings are "valid" there, as landlines with area codes of every
length): in the last resort they count only for a mobile number, whose ranges are strict
everywhere."""

STOPWORDS: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "en": "the and is my me you to of it for on at this that with i are was have will your",
        "de": "der die das und ist ich nicht mit ein eine auf für mein meine auch du wir bin mich"
        " dich oder aber",
        "es": "el los las es y que por para con una mi pero muy también está yo del al te me",
        "fr": "le les est et je tu vous nous une pour pas avec dans sur mon ma mes ça très aussi"
        " mais moi au",
        "it": "il gli che è per non con una sono mio mia anche ma della questo mi ti ho",
        "pt": "o os que é não com uma para meu minha também está eu você um ao",
        "nl": "het een en is ik niet met van op voor mijn ook je dat zijn me",
    }.items()
}
"""Frequent short words that tell the language of a post (two or more, and more than any
other language, decide it)."""

COUNTRY_ALIASES: dict[str, str] = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "britain": "GB", "great britain": "GB", "northern ireland": "GB", "deutschland": "DE",
    "españa": "ES", "espana": "ES", "italia": "IT", "nederland": "NL", "holland": "NL",
    "the netherlands": "NL", "belgique": "BE", "belgië": "BE", "belgie": "BE",
    "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "österreich": "AT", "brasil": "BR",
    "méxico": "MX", "sverige": "SE", "norge": "NO", "danmark": "DK", "suomi": "FI",
    "polska": "PL", "éire": "IE", "new south wales": "AU", "ontario": "CA", "québec": "CA",
    "quebec": "CA", "bayern": "DE", "catalunya": "ES", "cataluña": "ES",
    # big cities that are not capitals
    "barcelona": "ES", "valencia": "ES", "sevilla": "ES", "seville": "ES", "munich": "DE",
    "münchen": "DE", "hamburg": "DE", "frankfurt": "DE", "köln": "DE", "cologne": "DE",
    "milan": "IT", "milano": "IT", "napoli": "IT", "naples": "IT", "torino": "IT",
    "lyon": "FR", "marseille": "FR", "toulouse": "FR", "bordeaux": "FR", "sydney": "AU",
    "melbourne": "AU", "brisbane": "AU", "perth": "AU", "toronto": "CA", "montréal": "CA",
    "montreal": "CA", "vancouver": "CA", "calgary": "CA", "manchester": "GB",
    "glasgow": "GB", "edinburgh": "GB", "liverpool": "GB", "leeds": "GB", "zurich": "CH",
    "zürich": "CH", "geneva": "CH", "genève": "CH", "basel": "CH", "rotterdam": "NL",
    "utrecht": "NL", "antwerp": "BE", "antwerpen": "BE", "ghent": "BE", "gent": "BE",
    "porto": "PT", "são paulo": "BR", "sao paulo": "BR", "rio de janeiro": "BR",
    "mumbai": "IN", "bangalore": "IN", "bengaluru": "IN", "guadalajara": "MX",
    "monterrey": "MX", "auckland": "NZ", "johannesburg": "ZA", "cape town": "ZA",
    "salzburg": "AT", "graz": "AT", "kraków": "PL", "krakow": "PL", "gothenburg": "SE",
    "göteborg": "SE", "bergen": "NO", "aarhus": "DK", "cork": "IE", "galway": "IE",
}  # fmt: skip
"""Native and everyday names of countries, and big cities, that the English list of
countries and capitals lacks."""

AMBIGUOUS_PLACE_NAMES: frozenset[str] = frozenset(
    {"jordan", "chad", "georgia", "turkey", "guinea", "niger", "jersey", "male", "victoria",
     "kingston", "mali", "china", "japan", "israel", "panama", "cuba", "peru", "oman",
     "monaco", "andorra", "dominica", "grenada", "bermuda", "malta", "san jose", "lima",
     "santiago", "valletta", "avarua", "castries", "melekeok", "honiara", "apia", "funafuti",
     "sucre", "belmopan", "praia", "colombo", "roseau", "nassau", "bridgetown",
     "george town", "hamilton", "douglas", "saint helier", "st. helier", "saint peter port",
     "the valley", "plymouth", "road town", "stanley", "tripoli", "podgorica"}
)  # fmt: skip
"""Country and capital names that are also first names, common words or far more often
another place: never a hint of a number's country."""

VANITY_TLDS: frozenset[str] = frozenset(
    {"co", "me", "io", "tv", "ly", "ai", "fm", "gg", "to", "cc", "ws", "so", "la", "sh", "im",
     "is", "it", "am", "at", "be", "do", "in", "us", "no", "vc", "nu", "gl", "mu", "gd", "ac"}
)  # fmt: skip
"""Two-letter domain endings used for their look, not their country ("bit.ly", "x.co") or
that collide with words ("it", "is", "at"): not a hint."""

NUMBER_WORDS: dict[str, int] = {
    # English
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
    # Spanish
    "cero": 0, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9,
    # French
    "zéro": 0, "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9,
    # German
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9,
}  # fmt: skip
"""Digits written as words, for numbers spelled out to get past filters ("five five five,
oh one four two")."""

REPEAT_WORDS: dict[str, int] = {"double": 2, "triple": 3}
"""English "double five" = 55."""
