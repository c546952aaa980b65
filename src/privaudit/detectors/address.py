"""home-address — a street address you posted, above all your own home address.

What it finds
-------------
Street addresses written in posts, messages, bios and comments, in the formats of the
United States, Canada, the United Kingdom, Australia, Germany, Austria, Switzerland,
France, Spain, Italy and the Netherlands: "4512 Fremont Ave N, Seattle, WA 98103",
"221B Baker Street, London NW1 6XE", "Lindenweg 7, 10115 Berlin", "12 rue de la Paix,
75002 Paris", "Calle Mayor 5, 28013 Madrid", "Keizersgracht 123, 1015 CJ Amsterdam".
Postcodes are checked against each country's format (a US ZIP must belong to its state,
a Canadian postal code to its province, an Australian postcode to its state), and the
address fields of your profile or account are reported as they are.

An address is reported as your **home** (high harm) when words next to it say so — "my
new place", "come over to", "party at mine", "we moved into", "our address is", "ich
wohne in der", "meine Adresse", "mi dirección es", "j'habite au", "ons adres" — or when
it is your profile's location or a profile or account address field. (The address of a
check-in or a visited place is not: where you went is for the location rules.) A full
street address with a valid postcode and no such words is reported with lower harm: it may
be a friend's, or an old one, but it is still an address you published.

Not reported: addresses of public places and businesses — an address next to
"restaurant", "café", "store", "office", "museum", "station", "hotel", opening hours,
"event", "tickets", "meet us at the", "for sale", a check-in ("I'm at …") or a tagged
@venue; a house number and street with neither a postcode nor a home cue ("123 Main
St" alone); post-office boxes; and anything inside links, @handles and #hashtags.

Why it matters
--------------
Your home address is where a stalker, an angry stranger or a burglar goes. With your name
it opens people-search results, lets someone send things to your door or take over
deliveries, and answers the "what is your address" question of account recovery and
identity checks. A post saying you are away (see ``away-from-home``) is worse next to it.

Example
-------
    come over to 4512 Fremont Ave N, Seattle WA 98103 for the housewarming 🏡
    → •••• ••••• Ave N, ••••• WA 981•• (high: "come over to", valid WA ZIP code)

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

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import address as lex
from privaudit.detectors.text import (
    BULLET,
    TextView,
    alternation,
    bullets,
    last_match,
    sentence_bounds,
    tokens,
    view,
    words,
)
from privaudit.model import Category, Confidence, Field, Kind, Match, Record, Role

RULE = Rule(
    id="home-address",
    category=Category.ADDRESS,
    title="Home address",
    harm=70,
    module=__name__,
)

STREET_HARM = 35
"""Harm of a street address nothing marks as the writer's home."""
BEFORE = 80
"""How many characters before an address are read for home or venue words."""
AFTER = 40
"""How many characters after an address are read for home words."""
VENUE_AFTER = 20
"""How many characters after an address are read for venue words ("… (restaurant)")."""

# --- patterns ------------------------------------------------------------------------

_WORD = r"[^\W\d_][\w'’.-]*"
_CAP = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.-]*"
_CITY = rf"{_WORD}(?:[ -]{_WORD}){{0,2}}?"
_CITY4 = rf"{_WORD}(?:[ -]{_WORD}){{0,3}}?"
_CITY1 = rf"{_CAP}(?:-{_CAP})*"
_BOUNDARY = r"(?<![\w$€£¥#/.,:+@-])"
_NUM_GUARD = (
    r"(?![\d%°€$£])(?![.,:/]\d)(?!\s?(?:uhr|km|kg|min|mins|h|hrs|mal|x|times|veces|volte|fois"
    r"|jahre?|stunden?|minuten|euros?|eur|tage?|wochen?|años|anni|ans|pm|am)(?!\w))"
)
"""A house number is not a time, a quantity, a price or part of a longer number."""

_EN_TOKEN = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_WORD})"
_EN_LINE = re.compile(
    rf"""{_BOUNDARY}
    (?P<num>\d{{1,6}}(?:[A-Za-z](?![\w'’]))?(?:[-–]\d{{1,6}}[A-Za-z]?)?)
    \s+
    (?P<name>(?:{_EN_TOKEN}\s+){{0,3}}?{_EN_TOKEN})
    \s+
    (?P<type>{words(lex.EN_STREET_TYPES)})\.?(?![\w'’-])
    (?:,?\s+(?P<dir>(?-i:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest
        |Southeast|Southwest))\.?(?![\w'’]))?
    (?P<unit>,?\s*(?:{words(lex.EN_UNIT_WORDS)}\.?\s*\#?\s*\d[\w-]{{0,5}}
        |\d{{1,2}}(?:st|nd|rd|th)\s+(?:fl|floor)\.?)(?!\w))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Number-first English street line: ``4512 Fremont Ave N Apt 3``, ``221B Baker Street``."""

_US_TAIL = re.compile(
    rf",?\s+(?:(?P<city>{_CITY4}),?\s+)?"
    rf"(?P<region>{alternation(lex.US_STATES)}|{words(lex.US_STATE_NAMES)})\.?,?\s+"
    rf"(?P<postcode>\d{{5}}(?:-\d{{4}})?)(?![\w-])",
    re.IGNORECASE,
)
_CA_TAIL = re.compile(
    rf",?\s+(?:(?P<city>{_CITY}),?\s+)?(?P<region>(?-i:{alternation(lex.CA_PROVINCES)}))\.?,?\s+"
    rf"(?P<postcode>(?-i:{lex.CA_POSTCODE}))(?!\w)",
    re.IGNORECASE,
)
_AU_TAIL = re.compile(
    rf",?\s+(?:(?P<city>{_CITY}),?\s+)?(?P<region>(?-i:{alternation(lex.AU_STATE_POSTCODES)}))"
    rf",?\s+(?P<postcode>\d{{4}})(?![\w-])",
    re.IGNORECASE,
)
_UK_TAIL = re.compile(
    rf",?\s+(?:(?P<city>{_CITY}),?\s+)?(?P<postcode>(?-i:{lex.UK_POSTCODE}))(?!\w)",
    re.IGNORECASE,
)

_FR_PART = words(lex.FR_PARTICLES)
_FR_LINE = re.compile(
    rf"""{_BOUNDARY}
    (?P<num>\d{{1,4}}(?:\s?(?:bis|ter|quater|[abc])(?!\w))?),?\s+
    (?P<type>{words(lex.FR_TYPES)})\.?\s+
    (?P<name>(?:{_FR_PART}[\s-]*)*{_CAP}(?:[\s-]+(?:{_FR_PART}[\s-]*)*{_CAP}){{0,4}})
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""French and Québec street line: ``12 rue de la Paix``, ``3 bis avenue Victor Hugo``."""
_FR_TAIL = re.compile(rf",?\s+(?P<postcode>\d{{5}})\s+(?P<city>{_CITY1})(?:\s+CEDEX)?")

_DE_LINE = re.compile(
    rf"""(?<![\w-])
    (?P<street>
        (?-i:[A-ZÄÖÜ])[\w'’-]*?{words(lex.DE_NL_SUFFIXES)}
      | (?-i:[A-ZÄÖÜ])[\w'’.-]*\s+(?-i:{words(lex.DE_STREET_WORDS)})
      | (?-i:{words(lex.DE_PREFIXES)})\s+(?-i:[A-ZÄÖÜ])[\w'’-]+
    )(?<!\s)
    \s+
    (?P<num>\d{{1,4}}(?:\s?[a-zA-Z](?![\w'’]))?(?:\s?[-/]\s?\d{{1,4}}[a-zA-Z]?)?){_NUM_GUARD}
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Name-first German/Austrian/Swiss/Dutch street line: ``Lindenweg 7``, ``Am Markt 3``."""
_DE_TAIL = re.compile(
    rf",?\s+(?:(?-i:D|DE|A|AT|CH|NL)-)?"
    rf"(?P<postcode>\d{{5}}|\d{{4}}(?:\s?(?-i:[A-Z]{{2}}))?)(?![\w-])\s+(?P<city>{_CITY1})",
    re.IGNORECASE,
)

_ES_IT_PART = words(lex.ES_IT_PARTICLES)
_ROMAN = r"(?-i:[IVX]{1,4})(?!\w)"
_TYPE_FIRST_LINE = re.compile(
    rf"""(?<![\w/])
    (?P<type>{words((*lex.ES_TYPES, *lex.IT_TYPES))})(?:(?<=/)\s*|\s+)
    (?P<name>(?:{_ES_IT_PART}\s+)*{_CAP}(?:\s+(?:{_ES_IT_PART}\s+)*(?:{_CAP}|{_ROMAN})){{0,4}})
    ,?\s+(?:(?:n|nº|n°|no|núm|num|nr)\.?\s*)?
    (?P<num>\d{{1,4}}[A-Za-z]?){_NUM_GUARD}
    (?P<unit>(?:,?\s*(?:\d{{1,2}}\s?[º°ª]\s?(?:[A-Za-z](?!\w)|\d{{1,2}}\s?[º°ª]?)?
        |(?:piso|planta|puerta|pta\.?|esc\.?|escalera|bajo|interno|int\.|scala)\s*\w{{1,3}})){{0,2}})
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Type-first Spanish/Italian street line: ``Calle Mayor 5, 3º B``, ``Via Roma 12``."""
_ES_IT_TAIL = re.compile(rf",?\s+(?P<postcode>\d{{5}})\s+(?P<city>{_CITY1})")

_DIGIT_RE = re.compile(r"\d")
_EN_KEYWORDS = frozenset(lex.EN_STREET_TYPES)
_FR_KEYWORDS = frozenset(t.rstrip(".") for t in lex.FR_TYPES)
_TYPE_FIRST_KEYWORDS = frozenset(
    w for t in (*lex.ES_TYPES, *lex.IT_TYPES) for w in re.findall(r"\w+", t.lower())
)
_DE_ENDING_RE = re.compile(
    rf"{words(w.lower() for w in (*lex.DE_NL_SUFFIXES, *lex.DE_STREET_WORDS))}\s+\d"
)
"""Matched against the lower-cased text: case-insensitive alternations are slow."""
_DE_PREFIX_RE = re.compile(rf"{words(lex.DE_PREFIXES)}\s+[A-ZÄÖÜ]")
"""Prefilters: a street type, ending or prefix must be in the text for its family to run."""
_ES_TYPE_WORDS = frozenset(t.lower() for t in lex.ES_TYPES)

_HOME_RE = re.compile(rf"(?<!\w)(?:{'|'.join(lex.HOME_CUES)})(?!\w)", re.IGNORECASE)
_VENUE_RE = re.compile(
    rf"(?<!\w)(?:{'|'.join(lex.VENUE_CUES)})(?!\w)|\s@\s|(?<!\w)@(?=\w)", re.IGNORECASE
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
    if country == "UK":
        return code.replace(" ", "")[:-3] + " " + BULLET * 3
    if country == "CA":
        return code.replace(" ", "")[:3] + " " + BULLET * 3
    if country == "NL":
        return code[:2] + BULLET * 2 + " " + BULLET * 2
    return code[:2] + BULLET * (len(code) - 2)


def _in_ranges(value: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= value <= hi for lo, hi in ranges)


def _valid_postcode(country: str, postcode: str, region: str | None = None) -> bool:
    """True when ``postcode`` is a possible code of ``country`` (and of ``region``)."""
    code = postcode.replace(" ", "").upper()
    if country == "US":
        prefixes = lex.US_ZIP_PREFIXES.get(region or "")
        return prefixes is not None and _in_ranges(int(code[:3]), prefixes)
    if country == "CA":
        return code[0] in lex.CA_FIRST_LETTERS.get(region or "", "")
    if country == "AU":
        ranges = lex.AU_STATE_POSTCODES.get(region or "")
        return ranges is not None and _in_ranges(int(code), ranges)
    if country == "UK":
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


def _english(text: str) -> Iterator[Candidate]:
    for found in _EN_LINE.finditer(text):
        name = found.group("name")
        tokens = name.lower().replace("’", "'").split()
        if tokens[0] in lex.NOT_STREET_NAME_WORDS:
            continue
        lowercase = not any(t[0].isupper() or t[0].isdigit() for t in name.split())
        if lowercase and (
            found.group("type").lower() not in lex.EN_STRONG_TYPES
            or any(t in lex.NOT_STREET_NAME_WORDS for t in tokens)
        ):
            continue
        street_type = lex.EN_STREET_TYPES[found.group("type").lower()]
        direction = lex.EN_DIRECTIONS.get((found.group("dir") or "").lower(), "")
        key = _norm(found.group("num"), name, street_type, direction)
        masked = f"{bullets(len(found.group('num')))} {_mask_name(name)} {found.group('type')}"
        if found.group("dir"):
            masked += f" {found.group('dir')}"
        end = found.end()
        country = None
        for tail_country, tail in (("US", _US_TAIL), ("CA", _CA_TAIL), ("AU", _AU_TAIL),
                                   ("UK", _UK_TAIL)):  # fmt: skip
            after = tail.match(text, end)
            if after is None:
                continue
            region = after.groupdict().get("region")
            if region is not None:
                region = lex.US_STATE_NAMES.get(" ".join(region.lower().split()), region.upper())
            postcode = after.group("postcode")
            if not _valid_postcode(tail_country, postcode, region):
                continue
            country, end = tail_country, after.end()
            place = f"{BULLET * 5} " if after.group("city") else ""
            region_shown = f"{region} " if region else ""
            masked += f", {place}{region_shown}{_postcode_shown(country, postcode)}"
            break
        yield Candidate(found.start(), end, key, masked, country, lowercase)


def _french(text: str) -> Iterator[Candidate]:
    for found in _FR_LINE.finditer(text):
        name = found.group("name")
        street_type = lex.FR_TYPES[found.group("type").lower()]
        key = _norm(found.group("num"), street_type, name)
        masked = f"{bullets(len(found.group('num')))} {found.group('type')} {_mask_name(name)}"
        end, country = found.end(), None
        after = _FR_TAIL.match(text, end)
        if after is not None and _valid_postcode("FR", after.group("postcode")):
            country, end = "FR", after.end()
            masked += f", {_postcode_shown('FR', after.group('postcode'))} {BULLET * 5}"
        else:
            after = _CA_TAIL.match(text, end)
            if after is not None and _valid_postcode(
                "CA", after.group("postcode"), after.group("region")
            ):
                country, end = "CA", after.end()
                masked += (
                    f", {after.group('region')} {_postcode_shown('CA', after.group('postcode'))}"
                )
        yield Candidate(found.start(), end, key, masked, country)


def _german_dutch(text: str) -> Iterator[Candidate]:
    for found in _DE_LINE.finditer(text):
        street = found.group("street")
        suffix = _street_suffix(street)
        key = _norm(re.sub(r"(?i)stra(?:ß|ss)e\b|str\.", "str", street), found.group("num"))
        masked = f"{BULLET * 5}{suffix} {bullets(len(found.group('num').replace(' ', '')))}"
        end, country = found.end(), None
        after = _DE_TAIL.match(text, end)
        if after is not None:
            postcode = after.group("postcode")
            compact = postcode.replace(" ", "")
            candidate = (
                "DE"
                if len(compact) == 5 and compact.isdigit()
                else ("NL" if len(compact) == 6 else "AT/CH")
            )
            if _valid_postcode(candidate, postcode):
                country, end = candidate, after.end()
                masked += f", {_postcode_shown(candidate, compact)} {BULLET * 5}"
        yield Candidate(found.start(), end, key, masked, country)


def _street_suffix(street: str) -> str:
    """The street-type part of a name-first street, shown in the evidence."""
    parts = street.split()
    if len(parts) > 1 and parts[-1] in lex.DE_STREET_WORDS:
        return " " + parts[-1]
    lowered = street.lower()
    for suffix in sorted(lex.DE_NL_SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return street[len(street) - len(suffix) :]
    return ""


def _type_first(text: str) -> Iterator[Candidate]:
    for found in _TYPE_FIRST_LINE.finditer(text):
        street_type = found.group("type")
        name = found.group("name")
        key = _norm(street_type, name, found.group("num"))
        masked = f"{street_type} {_mask_name(name)} {bullets(len(found.group('num')))}"
        country_guess = "ES" if street_type.lower() in _ES_TYPE_WORDS else "IT"
        end, country = found.end(), None
        after = _ES_IT_TAIL.match(text, end)
        if after is not None and _valid_postcode(country_guess, after.group("postcode")):
            country, end = country_guess, after.end()
            masked += f", {_postcode_shown(country, after.group('postcode'))} {BULLET * 5}"
        yield Candidate(found.start(), end, key, masked, country)


def _families(text: str) -> list[Callable[[str], Iterator[Candidate]]]:
    """The address formats whose street words are in ``text`` (the cheap prefilter)."""
    if not _DIGIT_RE.search(text):
        return []
    words = tokens(text)
    families: list[Callable[[str], Iterator[Candidate]]] = []
    if not _EN_KEYWORDS.isdisjoint(words):
        families.append(_english)
    if not _FR_KEYWORDS.isdisjoint(words):
        families.append(_french)
    if not _TYPE_FIRST_KEYWORDS.isdisjoint(words):
        families.append(_type_first)
    if _DE_ENDING_RE.search(text.lower()) or _DE_PREFIX_RE.search(text):
        families.append(_german_dutch)
    return families


def candidates(text: str) -> list[Candidate]:
    """Every street address in ``text``, longest first where two claim the same words."""
    found: list[Candidate] = []
    for family in _families(text):
        found.extend(family(text))
    found.sort(key=lambda c: (c.country is None, -(c.end - c.start), c.start))
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


def _context(tv: TextView, cand: Candidate) -> Context:
    text = tv.prose
    lo, hi = sentence_bounds(text, cand.start, cand.end)
    if lo > 0 and not text[lo : cand.start].strip(_LEAD_IN):
        lo = sentence_bounds(text, lo - 1, lo - 1)[0]  # "Party at mine! 12 Oak Lane"
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
    if venue_after is not None:
        return Context(venue=_cue(venue_after))
    if home_before is not None:
        return Context(home=_cue(home_before))
    if home_after is not None:
        return Context(home=_cue(home_after))
    return Context()


def _cue(found: re.Match[str]) -> str:
    cue = " ".join(found.group(0).split()).lower()
    return "a tagged @account" if cue.startswith("@") or cue == "@" else cue


# --- detector ------------------------------------------------------------------------


class AddressDetector:
    """Street addresses in prose, profile locations and structured address fields."""

    rules: tuple[Rule, ...] = (RULE,)

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
            rule=RULE.id,
            category=RULE.category,
            title=RULE.title,
            value=raw,
            key=key,
            evidence=evidence,
            pointer=field.pointer,
            span=(start, start + len(raw)),
            harm=RULE.harm,
            confidence=Confidence.HIGH,
            detail="address in a profile or account address field",
            reasons=("profile address field",),
        )

    def _in_text(self, field: Field) -> Iterator[Match]:
        if not _families(field.text):
            return
        tv = view(field.text)
        for cand in candidates(tv.prose):
            if tv.touches_blank(cand.start, cand.end):
                continue
            context = _context(tv, cand)
            if context.venue is not None:
                continue
            reasons: list[str] = []
            where = f"valid {cand.country} postcode" if cand.country else "no postcode"
            if field.role is Role.PLACE:
                home, harm, confidence = True, RULE.harm, Confidence.MEDIUM
                reasons.append("profile location field")
                if cand.lowercase:
                    confidence = Confidence.LOW
            elif context.home is not None and field.role is Role.TEXT:
                home, harm = True, RULE.harm
                confidence = Confidence.HIGH if cand.country else Confidence.MEDIUM
                if cand.lowercase:
                    confidence = Confidence.LOW
                reasons.append(f"context: '{context.home}'")
            elif cand.country is not None and not cand.lowercase:
                home, harm = False, STREET_HARM
                confidence = Confidence.MEDIUM if field.role is Role.TEXT else Confidence.LOW
            else:
                continue
            reasons.append(where)
            what = "home address" if home else "street address (nothing says whose)"
            detail = f"{what}, {where}" if cand.country else what
            yield Match(
                rule=RULE.id,
                category=RULE.category,
                title=RULE.title if home else "Street address",
                value=field.text[cand.start : cand.end],
                key=cand.key,
                evidence=cand.evidence,
                pointer=field.pointer,
                span=(cand.start, cand.end),
                harm=harm,
                confidence=confidence,
                detail=detail,
                reasons=tuple(reasons),
            )


DETECTOR = AddressDetector()
