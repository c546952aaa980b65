"""birthdate-full, birthdate-partial — your date of birth, or your birthday without the year.

What it finds
-------------
Your date of birth where you stated it as yours:

* the birthday fields of your profile or account;
* first-person statements in your posts and messages, in English, Spanish, German and
  French: "I was born on 14 March 1990", "my birthday is March 14", "my bday's 3/14",
  "nací el 14 de marzo de 1990", "mi cumpleaños es el 14 de marzo", "ich bin am 14. März
  1990 geboren", "mein Geburtstag ist am 14. März", "je suis née le 14 mars 1990", "mon
  anniversaire c'est le 14 mars";
* labels at the start of a line or sentence: "DOB: 14.03.1990", "date of birth
  1990-03-14", "Geburtsdatum …", "fecha de nacimiento …"; and, in your profile bio only,
  "born 14 March 1990", "geboren am 14.03.1990", "🎂 March 14";
* birthday posts that give your age: "turning 34 today", "I'm 34 today", "it's my 34th
  birthday", "34 today! 🎂", "hoy cumplo 34", "heute werde ich 34", "j'ai 34 ans
  aujourd'hui". The post's date gives day and month, the age gives the year (medium
  confidence: the post's time is in UTC, so the day can be off by one).

``birthdate-full`` is a date with day, month and year; ``birthdate-partial`` is a day and
month without a year.

A date alone is never reported: "meeting on 14 March 1990", "deadline 03/14/2024". Nor
are other people's birthdays ("my son was born on 3/14/2015", "happy birthday mom, born
12 May 1960", "Lily is turning 5 today 🎂"), anniversaries, a year alone ("born in 1990"),
"it's my birthday!" without a date, or first-person statements in items someone else
wrote or retweets ("RT @friend: I was born on …" is their birthday, not yours).

Why it matters
--------------
Your full date of birth is one of the three facts (with name and address) used to prove
who you are: banks, phone carriers, health services and government portals ask for it.
With it, an impostor can pass identity checks, open accounts in your name, or reset your
passwords; it is also a common password and security-question ingredient. Day and month
alone narrow it to a handful of candidates once your age or graduation year is known.

Example
-------
    finally turning 34 today 🎂🥳 thanks for all the wishes!   (posted 2024-03-14)
    → 1990-••-•• (medium: reconstructed from the age and the posting date)

How to fix
----------
* Delete or edit posts that state your birth date or your age on your birthday.
* Hide the birth year in your profile settings, or remove the birthday entirely; most
  platforms let you show day and month only to friends.
* If your full date of birth was public, watch your credit report and ask your bank and
  carrier for an extra account PIN.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum

from dateutil import parser as dateparser

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import BULLET, TextView, view
from privaudit.model import Category, Confidence, Field, Kind, Match, Record, Role

RULE_FULL = Rule(
    id="birthdate-full",
    category=Category.BIRTHDATE,
    title="Date of birth",
    harm=70,
    module=__name__,
)
RULE_PARTIAL = Rule(
    id="birthdate-partial",
    category=Category.BIRTHDATE,
    title="Birthday (day and month)",
    harm=20,
    module=__name__,
)

MIN_YEAR = 1900
MIN_AGE = 5
MAX_AGE = 110

# --- month names -----------------------------------------------------------------------

ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip

MONTH_NAMES: dict[int, tuple[str, ...]] = {
    # English (+ abbreviations), Spanish, German, French
    1: ("january", "jan", "enero", "ene", "januar", "jänner", "janvier", "janv"),
    2: ("february", "feb", "febrero", "februar", "février", "fevrier", "févr", "fevr"),
    3: ("march", "mar", "marzo", "märz", "maerz", "mars"),
    4: ("april", "apr", "abril", "abr", "avril", "avr"),
    5: ("may", "mayo", "mai"),
    6: ("june", "jun", "junio", "juni", "juin"),
    7: ("july", "jul", "julio", "juli", "juillet", "juil"),
    8: ("august", "aug", "agosto", "août", "aout"),
    9: ("september", "sep", "sept", "septiembre", "setiembre", "septembre"),
    10: ("october", "oct", "octubre", "oktober", "okt", "octobre"),
    11: ("november", "nov", "noviembre", "novembre"),
    12: ("december", "dec", "diciembre", "dic", "dezember", "dez", "décembre", "decembre", "déc"),
}
"""Month names by number; every name maps to the English one before dateutil parses."""

MONTHS: dict[str, int] = {name: num for num, names in MONTH_NAMES.items() for name in names}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

# --- date shapes (a regex finds the candidate; dateutil reads only that substring) --------

_MONTH = rf"(?:{_MONTH_ALT})\.?(?!\w)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD = r"(?:st|nd|rd|th|er|ero|º|°|ª|\.)?"
_YEAR = r"\d{4}(?!\d)"
_NUM_FULL = (
    r"(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:(?:19|20)\d\d|\d\d))"
)
_NUM_PARTIAL = r"(?:\d{1,2}/\d{1,2}|\d{1,2}\.\d{1,2}\.)"
_NUM_END = r"(?!\d|[-/.]\d)"
_DMY = (
    rf"{_DAY}{_ORD}[\s/-]*(?:of\s+|de\s+)?{_MONTH}"
    rf"(?:[,\s/-]*(?:de\s+|del\s+)?{_YEAR}|(?![,\s/-]*(?:de\s+|del\s+)?\d))"
)
_MDY = rf"{_MONTH}[\s/-]*(?:the\s+)?{_DAY}{_ORD}(?!\d)(?:,?\s*{_YEAR}|(?!,?\s*\d))"
"""Written dates; a year-less date must not be followed by digits (a year we can't read)."""
DATE = rf"(?<![\w./])(?<!\d-)(?:{_NUM_FULL}{_NUM_END}|{_NUM_PARTIAL}{_NUM_END}|{_DMY}|{_MDY})"
"""A day-and-month date, with or without a year, in numeric or written form."""

_DATE_ONLY_RE = re.compile(rf"{DATE}", re.IGNORECASE)

_SEP = r"[\s:=,\-–—]*"
_LINK = (
    r"(?:is|was|falls|will\s+be|es|fue|ser[aá]|ist|war|est|c['’]\s*est|sera|on|the|el|"
    r"d[ií]a|am|den|le|actually|also|officially)"
)
CONNECTOR = rf"(?:['’]s)?{_SEP}(?:{_LINK}(?!\w){_SEP}){{0,4}}"
"""What may stand between a trigger and its date ("is on the", "c'est le", ": ")."""

PLACE_GAP = (
    r"(?:\s+(?:in|at|en|à|a|im|in\s+der)\s+[^\W\d][\w'’.-]*(?:[\s,]+[^\W\d][\w'’.-]*){0,2},?)?"
)
"""A short place between "born" and the date: "I was born in Berlin on 14 March 1990"."""


class Scope(Enum):
    """Where a trigger counts."""

    SELF = "first person"
    """Explicitly about the writer ("my birthday", "I was born"): any item you wrote."""
    LABEL = "label"
    """A form label ("DOB:") at the start of a line or sentence, not about someone else."""
    PROFILE = "profile bio"
    """Bare "born …" or "🎂": only in your profile bio, at the start of a segment."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words that make the date right after them a birthdate."""

    pattern: str
    scope: Scope
    needles: tuple[str, ...]
    """Lower-case literals, one of which must be in the text (cheap prefilter)."""
    suffix: str = ""
    """What must follow the date ("… geboren")."""
    place: bool = False
    """Allow a short place between trigger and date."""


TRIGGERS: tuple[Trigger, ...] = (
    # English
    Trigger(
        r"\bmy\s+(?:birthday|bday|b-day|b['’]day|birth\s*day|birth\s*date|date\s+of\s+birth"
        r"|dob|d\.o\.b\.?)",
        Scope.SELF, ("birth", "bday", "b-day", "b'day", "b’day", "dob", "d.o.b"),
    ),
    Trigger(r"\bi\s+was\s+born", Scope.SELF, ("born",), place=True),
    # Spanish
    Trigger(r"\b(?:yo\s+)?nac[ií](?!\w)", Scope.SELF, ("nací", "naci"), place=True),
    Trigger(
        r"\bmi\s+(?:cumpleaños|cumpleanos|cumple|fecha\s+de\s+nacimiento)",
        Scope.SELF, ("cumple", "nacimiento"),
    ),
    # German
    Trigger(
        r"\bmein(?:e)?\s+(?:geburtstag|geburtsdatum|geb\.?-?datum|bday)",
        Scope.SELF, ("geb", "bday"),
    ),
    Trigger(r"\bich\s+(?:bin|wurde)\s+geboren", Scope.SELF, ("geboren",), place=True),
    Trigger(
        r"\b(?:ich\s+(?:bin|wurde)|bin)",  # "bin" is first person; "wurde" needs "ich"
        Scope.SELF, ("geboren",),
        suffix=r"(?:\s+(?:in|im)\s+[^\W\d][\w'’.-]*)?\s+geboren(?!\w)",
    ),
    # French
    Trigger(r"\bje\s+suis\s+n[ée]e?(?!\w)", Scope.SELF, ("suis n",), place=True),
    Trigger(
        r"\bmon\s+(?:anniversaire|anniv|annif)(?!\s+de\s+mariage)",
        Scope.SELF, ("anniv", "annif"),
    ),
    Trigger(r"\bma\s+date\s+de\s+naissance", Scope.SELF, ("naissance",)),
    # Form labels, any language
    Trigger(
        r"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|geburtsdatum|geb\.?-?datum"
        r"|fecha\s+de\s+nacimiento|f\.\s*nac\.?|date\s+de\s+naissance)",
        Scope.LABEL, ("dob", "d.o.b", "birth", "geb", "nac", "naissance"),
    ),
    # Profile bio only
    Trigger(r"\bborn", Scope.PROFILE, ("born",), place=True),
    Trigger(r"\b(?:geboren|geb\.)", Scope.PROFILE, ("geb",), place=True),
    Trigger(r"\bnacid[oa]", Scope.PROFILE, ("nacid",), place=True),
    Trigger(r"\bn[ée]e?(?!\w)", Scope.PROFILE, ("né", "ne le", "nee le"), place=True),
    Trigger(
        r"(?:\bbirthday|\bbday|\bb-day|\bcumpleaños|\bcumple|\bgeburtstag|\banniversaire"
        r"|\banniv|🎂)",
        Scope.PROFILE, ("birthday", "bday", "b-day", "cumple", "geburtstag", "anniv", "🎂"),
    ),
)  # fmt: skip
"""Birthdate triggers, most specific first (the first trigger to claim a date wins)."""

_TRIGGER_RES: tuple[tuple[Trigger, re.Pattern[str]], ...] = tuple(
    (
        t,
        re.compile(
            rf"(?P<trigger>{t.pattern}){PLACE_GAP if t.place else ''}{CONNECTOR}"
            rf"(?P<date>{DATE}){t.suffix}",
            re.IGNORECASE,
        ),
    )
    for t in TRIGGERS
)
_NEEDLE_RE = re.compile("|".join(re.escape(n) for t in TRIGGERS for n in t.needles))

OTHER_PEOPLE = (
    # English
    "son", "daughter", "kid", "kids", "child", "children", "baby", "babies", "boy", "girl",
    "twins", "mom", "mum", "mother", "mommy", "dad", "father", "daddy", "wife", "husband",
    "brother", "sister", "grandma", "grandpa", "grandmother", "grandfather", "granny",
    "nana", "niece", "nephew", "friend", "bestie", "bf", "gf", "boyfriend", "girlfriend",
    "partner", "he", "she", "his", "her", "him", "they", "their", "our", "we", "welcome",
    "welcomed", "arrived", "happy birthday", "rip", "memory", "memoriam",
    # Spanish
    "hijo", "hija", "bebé", "bebe", "mamá", "madre", "papá", "padre", "esposa", "esposo",
    "hermano", "hermana", "abuela", "abuelo", "amigo", "amiga", "su", "sus", "nuestro",
    "nuestra", "feliz cumpleaños",
    # German
    "sohn", "tochter", "kind", "mutter", "mama", "vater", "papa", "frau", "mann", "bruder",
    "schwester", "oma", "opa", "freund", "freundin", "sein", "seine", "ihr", "ihre", "unser",
    "unsere", "er", "sie", "alles gute",
    # French
    "fils", "fille", "enfant", "bébé", "mère", "maman", "père", "femme", "mari", "frère",
    "sœur", "soeur", "mamie", "papi", "ami", "amie", "il", "elle", "notre", "nos", "sa", "ses",
    "joyeux anniversaire",
)  # fmt: skip
"""Words near a label or bare "born" that say the date is someone else's."""

_OTHER_PEOPLE_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in OTHER_PEOPLE) + r"|[†✝👶🍼])(?!\w)",
    re.IGNORECASE,
)
_PARENT_OF_RE = re.compile(
    r"(?<!\w)(?:(?i:son|daughter|kids?|child|children|bab(?:y|ies)|twins|boys?|girls?|hij[oa]s?"
    r"|beb[ée]s?|sohn|tochter|kinder|fils|filles?|enfants?)(?!\w)"
    r"|(?i:mom|mum|mommy|mama|mamá|maman|dad|daddy|papa|papá|mother|father|parent|mutter|vater)"
    r"\s+(?i:of|to|de|von|à)\s+[A-ZÁÉÍÓÚÄÖÜ])"
)
"""In a bio, anywhere before "born …": the writer has children, and the date may be theirs."""
_SEGMENT_BREAKS = "|•·\n"
_CLAUSE_BREAKS = frozenset("|•·/\\\n.!?;:()[]-–—*~")

# --- age statements on a known date -----------------------------------------------------

_AGE = r"(?<![\d.,])(?P<age>\d{1,3})(?!\d)"
_TODAY = r"(?:today|2day|tdy)"
_ORDN = r"(?:st|nd|rd|th)"
_BDAY = r"(?:birthday|bday|b-day|b['’]day)"
_ADV = r"(?:(?:officially|finally|just|now|also|literally)\s+)*"
_YEARS_OLD = r"(?:(?:years?|yrs?)\s+(?:old|young)\s+)?"
_IM = r"(?:i\s*['’]?m|i\s+am)"


@dataclass(frozen=True, slots=True)
class AgeStatement:
    """A phrase stating the writer's age on the day of posting."""

    pattern: str
    first_person: bool
    """True when the phrase itself says "I"; else it must open a clause."""
    needles: tuple[str, ...]
    """Lower-case literals, one of which must be in the text (cheap prefilter)."""
    needs_cue: bool = False
    """True when the text must also mention a birthday (🎂, "birthday", "years old")."""


_EN_TODAY = ("today", "2day", "tdy")
_EN_BDAY = ("birthday", "bday", "b-day", "b'day", "b’day")

AGE_STATEMENTS: tuple[AgeStatement, ...] = (
    # English
    AgeStatement(rf"\b{_IM}\s+{_ADV}{_AGE}\s+{_YEARS_OLD}{_TODAY}\b", True, _EN_TODAY),
    AgeStatement(
        rf"\b(?:(?:{_IM}|i)\s+)?{_ADV}turn(?:ing|ed)?\s+{_AGE}\s+{_YEARS_OLD}{_TODAY}\b",
        False, _EN_TODAY,
    ),
    AgeStatement(
        rf"\b{_TODAY}\s*,?\s+(?:{_IM}(?:\s+turning)?|i\s+turn(?:ed)?)\s+{_AGE}\b",
        True, _EN_TODAY,
    ),
    AgeStatement(
        rf"\b(?:it\s*['’]?s|it\s+is|today\s+is|today['’]s)\s+my\s+{_AGE}{_ORDN}\s+{_BDAY}"
        rf"(?=\s+{_TODAY}|\s*$|\s*[^\w\s])",
        True, _EN_BDAY,
    ),
    AgeStatement(rf"\bhappy\s+{_AGE}{_ORDN}\s+{_BDAY}\s+to\s+me\b", True, _EN_BDAY),
    AgeStatement(rf"\bmy\s+{_AGE}{_ORDN}\s+{_BDAY}\s+(?:is\s+)?{_TODAY}\b", True, _EN_TODAY),
    AgeStatement(rf"{_AGE}\s+{_YEARS_OLD}{_TODAY}\b", False, _EN_TODAY, needs_cue=True),
    # Spanish
    AgeStatement(rf"\bhoy\s+(?:yo\s+)?cumplo\s+{_AGE}\b", True, ("hoy",)),
    AgeStatement(rf"\bcumplo\s+{_AGE}\s+(?:años\s+|añitos\s+|anos\s+)?hoy\b", True, ("hoy",)),
    AgeStatement(
        rf"\bhoy\s+es\s+mi\s+(?:cumpleaños|cumple)\s+(?:n[uú]mero\s+)?{_AGE}\b",
        True, ("hoy",),
    ),
    # German
    AgeStatement(rf"\bheute\s+(?:werde|bin)\s+ich\s+{_AGE}\b", True, ("heute",)),
    AgeStatement(
        rf"\bich\s+(?:werde|bin)\s+heute\s+{_AGE}\b(?:\s+jahre(?:\s+alt)?)?(?:\s+geworden)?",
        True, ("heute",),
    ),
    # French
    AgeStatement(rf"\bj['’]\s*ai\s+{_AGE}\s+ans\s+aujourd['’]\s*hui\b", True, ("aujourd",)),
    AgeStatement(rf"\baujourd['’]\s*hui\s*,?\s+j['’]\s*ai\s+{_AGE}\s+ans\b", True, ("aujourd",)),
    AgeStatement(
        rf"\bje\s+f[êe]te\s+mes\s+{_AGE}\s+ans\s+aujourd['’]\s*hui\b", True, ("aujourd",)
    ),
    AgeStatement(
        rf"\baujourd['’]\s*hui\s*,?\s+je\s+f[êe]te\s+mes\s+{_AGE}\s+ans\b", True, ("aujourd",)
    ),
)  # fmt: skip
"""Age-on-the-day phrases: posting date + age = date of birth."""

_AGE_RES: tuple[tuple[AgeStatement, re.Pattern[str]], ...] = tuple(
    (a, re.compile(a.pattern, re.IGNORECASE)) for a in AGE_STATEMENTS
)
_UNDATED_KINDS = frozenset({Kind.PROFILE, Kind.ACCOUNT})
"""Kinds whose timestamp is not the day the text was written (profile edits, sign-up)."""
_AGE_NEEDLE_RE = re.compile("|".join(re.escape(n) for a in AGE_STATEMENTS for n in a.needles))
_DIGIT = re.compile(r"\d")
_FIRST_PERSON_START = re.compile(
    r"(?:i\b|i['’]m|my\b|hoy|cumplo|heute|ich|j['’]|aujourd|je\b)", re.I
)
_BIRTHDAY_CUE = re.compile(
    r"🎂|🎈|🥳|birthday|bday|b-day|b['’]day|years old|yrs old|y/o|cumple|geburtstag|anniv",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|°|(?:days?|weeks?|months?|hours?|hrs?|minutes?|mins?|seconds?|km|k|miles?|mi|kg"
    r"|lbs?|pounds?|followers|likes|tweets|posts|points|pts|times|people|euros?|dollars?"
    r"|d[ií]as|semanas|meses|horas|minutos|seguidores|kilos|tage|wochen|monate|stunden"
    r"|minuten|kilometer|jours|semaines|mois|heures|abonn[ée]s)\b)",
    re.IGNORECASE,
)
"""A unit after the number: "hoy cumplo 30 días sin fumar" is not an age."""
_AFTER_AGE_OK = re.compile(
    r"\s*(?:$|[^\w\s]|(?:years?|yrs?|yo|y/o|old|young|and|today|2day|now|so|but|lol|omg"
    r"|años|añitos|anos|y|hoy|ya|jahre|und|heute|jetzt|ans|et|aujourd|enfin)(?!\w))",
    re.IGNORECASE,
)
"""What may follow an age that ends a phrase ("today I'm 34!", "hoy cumplo 34 años")."""
_RETWEET_RE = re.compile(r"^\s*RT\s+@\w+\s*:")
"""A retweet quotes someone else: its "I" is not the archive's owner."""

# --- parsing ---------------------------------------------------------------------------

_MONTH_WORD_RE = re.compile(rf"(?<!\w)(?:{_MONTH_ALT})\.?(?!\w)")
_FILLER_RE = re.compile(r"(?<!\w)(?:de|del|of|the)(?!\w)")
_ORDINAL_RE = re.compile(r"(\d)(?:st|nd|rd|th|er|ero|º|°|ª|\.(?=\s|$))", re.IGNORECASE)
_NUM_YEARLESS_RE = re.compile(r"\d{1,2}[./]\d{1,2}")
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2004, 3, 2)
"""Two different defaults (leap years, 31-day months): a part dateutil filled in from the
default differs between the two parses, so a missing year is detectable."""

_STRUCT_ISO_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.,+\-Z]*)?")
_STRUCT_YEARLESS_RE = re.compile(r"-?-?(\d{2})-(\d{2})")
_STRUCT_TIME_RE = re.compile(
    r"(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+\-]\d{2}:?\d{2})?"
    r"|\s+(?:UTC|GMT))$",
    re.IGNORECASE,
)
"""A time of day and zone after a form date ("1990-03-14 00:00:00 UTC"): exports store
birth dates as midnight timestamps; the time says nothing about the birth."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """A day and month, with the year when the text gave one."""

    year: int | None
    month: int
    day: int
    ambiguous: bool = False
    """Numeric day/month order was guessed from the region."""


def _month_to_english(found: re.Match[str]) -> str:
    return ENGLISH_MONTHS[MONTHS[found.group(0).rstrip(".")] - 1]


def parse_date(candidate: str, dayfirst: bool) -> Parsed | None:
    """Day, month and (if present) year of a candidate date a regex captured."""
    text = candidate.lower().strip().rstrip(".").strip()
    text = _MONTH_WORD_RE.sub(_month_to_english, text)
    text = _FILLER_RE.sub(" ", text)
    text = _ORDINAL_RE.sub(r"\1", text)
    text = " ".join(text.split())
    if _NUM_YEARLESS_RE.fullmatch(text):
        text = text.replace(".", "/")
    yearfirst = text[:4].isdigit()
    dayfirst = dayfirst and not yearfirst
    try:
        one = dateparser.parse(text, dayfirst=dayfirst, yearfirst=yearfirst, default=_DEFAULT_A)
        two = dateparser.parse(text, dayfirst=dayfirst, yearfirst=yearfirst, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None
    if (one.month, one.day) != (two.month, two.day):
        return None  # day or month missing
    year = one.year if one.year == two.year else None
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    ambiguous = (
        not yearfirst
        and not any(c.isalpha() for c in text)
        and len(numbers) >= 2
        and numbers[0] <= 12
        and numbers[1] <= 12
        and numbers[0] != numbers[1]
    )
    return Parsed(year, one.month, one.day, ambiguous)


def parse_structured(text: str, dayfirst: bool) -> Parsed | None:
    """A birthdate form field: ISO, ``--MM-DD``, ``MM-DD`` or any written date shape."""
    raw = _STRUCT_TIME_RE.sub("", text.strip()).strip()
    if not raw or len(raw) > 40:
        return None
    if iso := _STRUCT_ISO_RE.fullmatch(raw):
        year, month, day = (int(g) for g in iso.groups())
        return Parsed(year, month, day) if _valid(year, month, day) else None
    if yearless := _STRUCT_YEARLESS_RE.fullmatch(raw):
        month, day = int(yearless.group(1)), int(yearless.group(2))
        return Parsed(None, month, day) if _valid(2000, month, day) else None
    if not _DATE_ONLY_RE.fullmatch(raw):
        return None
    return parse_date(raw, dayfirst)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# --- detector --------------------------------------------------------------------------


def _reference(record: Record, ctx: DetectContext) -> date:
    """The latest date a birth could be judged against: posting date, scan date or today."""
    when = record.timestamp or ctx.now or datetime.now(UTC)
    return when.date()


def _plausible(parsed: Parsed, ref: date) -> bool:
    if parsed.year is None:
        return _valid(2000, parsed.month, parsed.day)
    if not MIN_YEAR <= parsed.year <= ref.year - MIN_AGE:
        return False
    return _valid(parsed.year, parsed.month, parsed.day)


def _at_clause_start(text: str, pos: int) -> bool:
    """True when only spaces, emoji or symbols separate ``pos`` from a clause break."""
    i = pos
    while i > 0:
        char = text[i - 1]
        if char in _CLAUSE_BREAKS:
            return True
        if char.isspace() or char in "\u200d\ufe0f" or unicodedata.category(char)[0] == "S":
            i -= 1
            continue
        return False
    return True


def _about_someone_else(text: str, pos: int) -> bool:
    """True when the current segment, before ``pos``, mentions another person."""
    start = max(0, pos - 40)
    for brk in _SEGMENT_BREAKS:
        cut = text.rfind(brk, start, pos)
        if cut >= 0:
            start = max(start, cut + 1)
    return _OTHER_PEOPLE_RE.search(text, start, pos) is not None


def _evidence(parsed: Parsed) -> str:
    dots = BULLET * 2
    if parsed.year is None:
        return f"{dots}-{dots}"
    return f"{parsed.year:04d}-{dots}-{dots}"


def _key(parsed: Parsed) -> str:
    if parsed.year is None:
        return f"--{parsed.month:02d}-{parsed.day:02d}"
    return f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"


def _match(
    field: Field,
    parsed: Parsed,
    span: tuple[int, int],
    confidence: Confidence,
    detail: str,
    reasons: tuple[str, ...],
) -> Match:
    rule = RULE_PARTIAL if parsed.year is None else RULE_FULL
    return Match(
        rule=rule.id,
        category=rule.category,
        title=rule.title,
        value=field.text[span[0] : span[1]],
        key=_key(parsed),
        evidence=_evidence(parsed),
        pointer=field.pointer,
        span=span,
        harm=rule.harm,
        confidence=confidence,
        detail=detail,
        reasons=reasons,
    )


class BirthdateDetector:
    """Birthdates in birthdate fields, first-person statements and age-on-the-day posts."""

    rules: tuple[Rule, ...] = (RULE_FULL, RULE_PARTIAL)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        dayfirst = (ctx.region or "").upper() != "US"
        for field in record.fields:
            if field.role is Role.BIRTHDATE:
                yield from self._structured(field, ctx, dayfirst)
            elif (
                field.role is Role.TEXT
                and record.author_is_self
                and not _RETWEET_RE.match(field.text)
            ):
                tv = view(field.text)
                if not _DIGIT.search(tv.prose):
                    continue  # every statement we read has a date or an age in digits
                lowered = field.text.lower()
                if _NEEDLE_RE.search(lowered):
                    yield from self._statements(record, ctx, field, tv, lowered, dayfirst)
                if (
                    record.timestamp is not None
                    and record.kind not in _UNDATED_KINDS
                    and _AGE_NEEDLE_RE.search(lowered)
                ):
                    yield from self._ages(record.timestamp.date(), field, tv, lowered)

    def _structured(self, field: Field, ctx: DetectContext, dayfirst: bool) -> Iterator[Match]:
        parsed = parse_structured(field.text, dayfirst)
        if parsed is None:
            return
        ref = (ctx.now or datetime.now(UTC)).date()
        if not _plausible(parsed, ref):
            return
        raw = field.text.strip()
        start = field.text.index(raw)
        what = "birthday without year" if parsed.year is None else "date of birth"
        yield _match(
            field, parsed, (start, start + len(raw)), Confidence.HIGH,
            f"{what} in a profile field", ("profile birthdate field",),
        )  # fmt: skip

    def _statements(
        self,
        record: Record,
        ctx: DetectContext,
        field: Field,
        tv: TextView,
        lowered: str,
        dayfirst: bool,
    ) -> Iterator[Match]:
        text = tv.prose
        ref = _reference(record, ctx)
        profile = record.kind is Kind.PROFILE
        seen: set[tuple[int, int]] = set()
        for trigger, pattern in _TRIGGER_RES:
            if trigger.scope is Scope.PROFILE and not profile:
                continue
            if not any(n in lowered for n in trigger.needles):
                continue
            for found in pattern.finditer(text):
                span = found.span("date")
                if span in seen:
                    continue
                start = found.start("trigger")
                if tv.touches_blank(start, found.end()):
                    continue
                if trigger.scope is not Scope.SELF and (
                    not _at_clause_start(text, start) or _about_someone_else(text, start)
                ):
                    continue
                if trigger.scope is Scope.PROFILE and _PARENT_OF_RE.search(text, 0, start):
                    continue
                parsed = parse_date(found.group("date"), dayfirst)
                if parsed is None or not _plausible(parsed, ref):
                    continue
                seen.add(span)
                cue = " ".join(found.group("trigger").split()).lower()
                reasons = [f"trigger: '{cue}'"]
                if profile:
                    reasons.append("profile bio")
                if parsed.ambiguous:
                    reasons.append(
                        "day/month order assumed " + ("day-first" if dayfirst else "month-first")
                    )
                confidence = Confidence.HIGH
                if trigger.scope is Scope.LABEL and not profile:
                    confidence = Confidence.MEDIUM
                what = "birthday without year" if parsed.year is None else "date of birth"
                yield _match(
                    field, parsed, span, confidence, f"{what} after '{cue}'", tuple(reasons)
                )

    def _ages(self, posted: date, field: Field, tv: TextView, lowered: str) -> Iterator[Match]:
        text = tv.prose
        seen: set[tuple[int, int]] = set()
        for statement, pattern in _AGE_RES:
            if not any(n in lowered for n in statement.needles):
                continue
            for found in pattern.finditer(text):
                span = found.span()
                if any(s < span[1] and span[0] < e for s, e in seen):
                    continue
                if tv.touches_blank(*span):
                    continue
                if _UNIT_AFTER.match(text, found.end("age")):
                    continue
                if found.end("age") == found.end() and not _AFTER_AGE_OK.match(text, found.end()):
                    continue
                first_person = statement.first_person or bool(
                    _FIRST_PERSON_START.match(found.group(0))
                )
                if not first_person and not _at_clause_start(text, span[0]):
                    continue
                if statement.needs_cue and not _BIRTHDAY_CUE.search(text):
                    continue
                age = int(found.group("age"))
                if not MIN_AGE <= age <= MAX_AGE or posted.year - age < MIN_YEAR:
                    continue
                try:
                    born = date(posted.year - age, posted.month, posted.day)
                except ValueError:
                    continue  # 29 February in a non-leap year
                seen.add(span)
                parsed = Parsed(born.year, born.month, born.day)
                # Neither the age nor the posting date is quoted: together they *are* the
                # date of birth, and details are printed even in a masked report.
                yield _match(
                    field, parsed, span, Confidence.MEDIUM,
                    "date of birth reconstructed from an age statement and the posting date",
                    ("age statement on a dated post",),
                )  # fmt: skip


DETECTOR = BirthdateDetector()
