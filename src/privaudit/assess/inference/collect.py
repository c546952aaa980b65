"""What inference needs from every record, gathered in one pass during the scan.

The scan hands *every* record to :meth:`Collector.observe` — the owner's own and other
people's — and the collector keeps only small facts: the owner's positions with their time
and audience, the times the owner was active, birthday wishes others sent, the owner's age
statements, and profile names, home towns and time-zone settings. Nothing here decides
anything; :mod:`privaudit.assess.inference` reasons over it at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from privaudit.assess.inference.geo import usable
from privaudit.model import Exposure, Field, Kind, Occurrence, Record, Role

ACTIVITY_KINDS = frozenset({Kind.POST, Kind.REPLY, Kind.COMMENT, Kind.MESSAGE, Kind.MEDIA})
"""Kinds whose timestamp is when the owner did something (for the posting-hour histogram)."""
WISH_KINDS = frozenset({Kind.MESSAGE, Kind.COMMENT, Kind.POST, Kind.REPLY})
"""Kinds of other people's items that can carry a birthday wish to the owner."""
TRAIL_MIN_POINTS = 4
"""Items with this many positions are tracks: only their first and last position count."""
MIN_AGE, MAX_AGE = 13, 100
PUBLIC_NAME_PLATFORMS = frozenset(
    {"x", "facebook", "instagram", "linkedin", "mastodon", "bluesky", "tiktok"}
)
"""Platforms whose profile name is public whatever the account's other settings."""
_NAME_FIELDS = frozenset(
    {
        "accountdisplayname",
        "displayname",
        "display_name",
        "name",
        "full_name",
        "fullname",
        "formattedname",
        "full name",
    }
)
_FIRST_LAST = ("first name", "last name")
_NOT_OWN_NAME = ("other_names", "previous_names", "partner", "family", "relation", "friend")

# --- birthday wishes (other people's words) ------------------------------------------------

WISH_RE = re.compile(
    r"(?<!\w)(?:happy\s+(?:(?P<when>belated|late|early)\s+)?(?:birthday|bday|b-day|b['’]day"
    r"|birfday)|hbd|feliz\s+(?P<when_es>atrasado\s+)?(?:cumpleaños|cumpleanos|cumple)"
    r"|(?:alles\s+gute|herzlichen\s+glückwunsch|herzlichen\s+glueckwunsch)"
    r"(?P<when_de>\s+nachträglich|\s+nachtraeglich)?\s+zum\s+geburtstag"
    r"|(?:joyeux|bon)\s+anniversaire(?!\s+de\s+mariage))(?!\w)",
    re.IGNORECASE,
)
"""A birthday wish: "happy birthday", "hbd", "feliz cumpleaños", "alles Gute zum Geburtstag",
"joyeux anniversaire" (not "… de mariage")."""
WISH_NEEDLES = ("birthday", "bday", "b-day", "b'day", "b’day", "birfday", "hbd", "cumple",
                "geburtstag", "anniversaire")  # fmt: skip
_LATE_RE = re.compile(
    r"(?<!\w)(?:belated|late|early|tomorrow|yesterday|last\s+week|nachträglich|nachtraeglich"
    r"|atrasado|en\s+retard|im\s+voraus|in\s+advance)(?!\w)",
    re.IGNORECASE,
)
_SOMEONE_ELSE_RE = re.compile(
    r"\W{0,3}(?:to\s+(?:your|him|her|them|the\s+(?:birthday\s+)?(?:boy|girl))\b|@\w"
    r"|(?:to\s+)?your\s+(?:mom|mum|dad|son|daughter|kid|kids|brother|sister|husband|wife"
    r"|partner|boyfriend|girlfriend|baby|little|grandma|grandpa|friend)\b"
    r"|a\s+(?:ton|tu|vos|votre)\s|(?:à|a)\s+(?:ton|ta|votre)\s|a\s+tu\s)",
    re.IGNORECASE,
)
"""Right after the wish: it is for someone else ("… to your mom", "… @marco")."""

# --- the owner's age statements ------------------------------------------------------------

_END = r"(?=\s*(?:$|[.!?,;:)]|\s(?:and|now|but|so|lol|haha|today|y|und|jetzt|et|ya)\b))"
AGE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?<!\w)i\s*['’]?m\s+(?P<age>\d{{1,2}})(?:\s+(?:years?|yrs?)(?:\s+old)?"
        rf"|\s*(?:yo|y/o|y\.o\.))?{_END}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\w)i\s+am\s+(?P<age>\d{{1,2}})(?:\s+(?:years?|yrs?)(?:\s+old)?)?{_END}",
        re.IGNORECASE,
    ),
    re.compile(r"(?<!\w)tengo\s+(?P<age>\d{1,2})\s+años(?!\s+de\b)", re.IGNORECASE),
    re.compile(
        rf"(?<!\w)ich\s+bin\s+(?P<age>\d{{1,2}})(?:\s+jahre(?:\s+alt)?)?{_END}", re.IGNORECASE
    ),
    re.compile(r"(?<!\w)j['’]\s*ai\s+(?P<age>\d{1,2})\s+ans(?!\s+d['’e])", re.IGNORECASE),
)
"""First-person statements of the writer's current age ("I'm 34", "tengo 34 años")."""
YEAR_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\w)i\s+was\s+born\s+in\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:yo\s+)?nac[ií]\s+en\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE),
    re.compile(r"(?<!\w)ich\s+bin\s+(?P<year>(?:19|20)\d\d)\s+geboren", re.IGNORECASE),
    re.compile(r"(?<!\w)je\s+suis\s+n[ée]e?\s+en\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE),
)
"""First-person statements of the writer's birth year ("I was born in 1990")."""
AGE_NEEDLES = ("i'm", "i’m", "im ", "i am", "i m", "tengo", "ich bin", "j'ai", "j’ai", "born",
               "nací", "naci", "geboren", "suis n")  # fmt: skip
_RETWEET_RE = re.compile(r"^\s*RT\s+@\w+\s*:")
_DIGIT_RE = re.compile(r"\d")
_AGE_NEEDLE_RE = re.compile("|".join(re.escape(n) for n in AGE_NEEDLES), re.IGNORECASE)
_WISH_NEEDLE_RE = re.compile("|".join(re.escape(n) for n in WISH_NEEDLES), re.IGNORECASE)
"""Cheap prefilters: one regex scan instead of a loop of substring tests."""
_ASCII_AGE_NEEDLES = tuple(n for n in AGE_NEEDLES if n.isascii())


def _has_age_needle(text: str) -> bool:
    """``_AGE_NEEDLE_RE.search(text)``, faster on ASCII text (almost every post).

    On ASCII text a case-insensitive match of a needle is exactly a substring test in the
    lowercased text, and the needles with other characters cannot occur in it at all.
    """
    if text.isascii():
        lowered = text.lower()
        for needle in _ASCII_AGE_NEEDLES:  # noqa: SIM110 - a plain loop is fastest here
            if needle in lowered:
                return True
        return False
    return _AGE_NEEDLE_RE.search(text) is not None


@dataclass(slots=True)
class PointItem:
    """One position of one of the owner's items."""

    lat: float
    lon: float
    when: datetime | None
    exposure: Exposure
    kind: Kind
    platform: str
    occurrence: Occurrence
    item: tuple[str, str, str] = ("", "", "")
    """(archive, member, record pointer): positions of one item count as one item."""
    label: str = ""
    """``home``/``work`` when the platform labelled the place so."""


@dataclass(slots=True)
class Statement:
    """A wish, an age or a birth-year statement, with where it is."""

    when: datetime | None
    exposure: Exposure
    platform: str
    occurrence: Occurrence
    number: int = 0
    """The age or the year stated (0 for wishes)."""


@dataclass(slots=True)
class ProfileFact:
    """A name or home town from the owner's profile, with its audience."""

    text: str
    exposure: Exposure
    platform: str
    occurrence: Occurrence


@dataclass(slots=True)
class Collector:
    """Small facts from every record of a scan, for whole-archive inference."""

    points: list[PointItem] = field(default_factory=list)
    activity: set[tuple[str, datetime]] = field(default_factory=set)
    wishes: list[Statement] = field(default_factory=list)
    ages: list[Statement] = field(default_factory=list)
    birth_years: list[Statement] = field(default_factory=list)
    names: list[ProfileFact] = field(default_factory=list)
    hometowns: list[ProfileFact] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    records: int = 0

    def observe(self, record: Record) -> None:
        """Keep what inference needs from one record (anyone's)."""
        self.records += 1
        if record.author_is_self:
            self._own(record)
        elif record.kind in WISH_KINDS and record.timestamp is not None:
            self._wishes(record)

    # -- the owner's items --------------------------------------------------------------

    def _own(self, record: Record) -> None:
        if record.timestamp is not None and record.kind in ACTIVITY_KINDS:
            self.activity.add((record.platform, record.timestamp))
        if record.points:
            self._points(record)
        if record.kind in (Kind.PROFILE, Kind.ACCOUNT):
            self._profile(record)
        elif record.timestamp is not None:
            for f in record.fields:
                if f.role is Role.TEXT and f.text and not _RETWEET_RE.match(f.text):
                    self._ages(record, f)

    def _points(self, record: Record) -> None:
        label = _semantic(record.fields)
        points = [p for p in record.points if usable(p.lat, p.lon)]
        if len(points) >= TRAIL_MIN_POINTS:
            points = [points[0], points[-1]]
        for point in points:
            self.points.append(
                PointItem(
                    lat=point.lat,
                    lon=point.lon,
                    when=record.timestamp,
                    exposure=record.exposure,
                    kind=record.kind,
                    platform=record.platform,
                    occurrence=occurrence(record, point.pointer, None, point.tag),
                    item=(record.archive, record.path, record.pointer),
                    label=label,
                )
            )

    def _profile(self, record: Record) -> None:
        names = [f for f in record.fields if f.role is Role.NAME and _own_name_field(f)]
        exposure = record.exposure
        if record.platform in PUBLIC_NAME_PLATFORMS:
            exposure = Exposure.PUBLIC
        # The occurrence carries the name's real audience (a display name is public even
        # when the export keeps it in an account file).
        firsts = {f.name.lower(): f for f in names if f.name.lower() in _FIRST_LAST}
        if len(firsts) == 2:
            first, last = firsts["first name"], firsts["last name"]
            full = f"{first.text.strip()} {last.text.strip()}"
            if is_full_name(full):
                lead = len(first.text) - len(first.text.lstrip())
                span = (lead, lead + len(first.text.strip()))  # the first-name cell
                where = replace(occurrence(record, first.pointer, span), exposure=exposure)
                self.names.append(ProfileFact(full, exposure, record.platform, where))
        for f in names:
            if f.name.lower() in _NAME_FIELDS and is_full_name(f.text):
                where = replace(occurrence(record, f.pointer, (0, len(f.text))), exposure=exposure)
                self.names.append(ProfileFact(f.text.strip(), exposure, record.platform, where))
        if record.kind is Kind.PROFILE:
            for f in record.fields:
                if f.role is Role.PLACE and f.text.strip():
                    self.hometowns.append(
                        ProfileFact(
                            f.text.strip(), record.exposure, record.platform,
                            occurrence(record, f.pointer, (0, len(f.text))),
                        )
                    )  # fmt: skip
        for f in record.fields:
            if "timezone" in f.name.lower().replace("_", "").replace(" ", "") and f.text:
                self.zones.append(f.text)

    def _ages(self, record: Record, f: Field) -> None:
        if not _DIGIT_RE.search(f.text) or not _has_age_needle(f.text):
            return
        for pattern in AGE_RES:
            for found in pattern.finditer(f.text):
                age = int(found.group("age"))
                if MIN_AGE <= age <= MAX_AGE:
                    self.ages.append(
                        Statement(
                            record.timestamp, record.exposure, record.platform,
                            occurrence(record, f.pointer, found.span()), age,
                        )
                    )  # fmt: skip
        for pattern in YEAR_RES:
            for found in pattern.finditer(f.text):
                self.birth_years.append(
                    Statement(
                        record.timestamp, record.exposure, record.platform,
                        occurrence(record, f.pointer, found.span()), int(found.group("year")),
                    )
                )  # fmt: skip

    # -- other people's items -----------------------------------------------------------

    def _wishes(self, record: Record) -> None:
        if "group" in record.label.lower():
            return  # in a group chat the wish may be for anyone in the group
        for f in record.fields:
            if f.role is not Role.TEXT or not f.text:
                continue
            if not _WISH_NEEDLE_RE.search(f.text):
                continue
            found = WISH_RE.search(f.text)
            if found is None or found.group("when") or found.group("when_es"):
                continue
            if found.group("when_de") or _LATE_RE.search(f.text):
                continue
            if _SOMEONE_ELSE_RE.match(f.text, found.end()):
                continue
            self.wishes.append(
                Statement(
                    record.timestamp, record.exposure, record.platform,
                    occurrence(record, f.pointer, found.span()),
                )
            )  # fmt: skip
            return


def occurrence(
    record: Record, pointer: str, span: tuple[int, int] | None = None, tag: str = ""
) -> Occurrence:
    """An occurrence pointing at one field (or position) of ``record``."""
    return Occurrence(
        archive=record.archive,
        path=record.path,
        pointer=pointer,
        span=span,
        timestamp=record.timestamp,
        url=record.url,
        exposure=record.exposure,
        kind=record.kind,
        author_is_self=record.author_is_self,
        tag=tag,
        platform=record.platform,
    )


def _semantic(fields: tuple[Field, ...]) -> str:
    for f in fields:
        if f.name == "semanticType" or "home" in f.name.lower() or "work" in f.name.lower():
            text = f.text.strip().upper()
            if "HOME" in text:
                return "home"
            if "WORK" in text:
                return "work"
    return ""


def _own_name_field(f: Field) -> bool:
    lowered = f.pointer.lower()
    return not any(part in lowered for part in _NOT_OWN_NAME)


_NAME_TOKEN = re.compile(r"^[^\W\d_](?:[^\W\d_]|[-'’.])*$")


def is_full_name(text: str) -> bool:
    """Two to four words of letters, at least two capitalised: "Dana Whitfield", "José Müller"."""
    words = [w for w in text.split() if _NAME_TOKEN.match(w)]
    if len(text.split()) > 5 or not 2 <= len(words) <= 4:
        return False
    if any(ch.isdigit() or ch in "@_/#" for ch in text):
        return False
    capitalised = [w for w in words if w[0].isupper() and len(w.strip(".")) >= 2]
    return len(capitalised) >= 2
