"""The ground floor: the types every layer of privaudit speaks.

Data flows one way — archive → platforms → records → detectors → assessment → report —
and these frozen dataclasses are what crosses each boundary. Nothing in this module
imports from the rest of the package, so every layer can stand on it.

Why these shapes:

* A :class:`Record` is one thing the user (or someone else) put on the platform — a post,
  a DM, a profile, a photo — already translated from the platform's format into fields
  with a *role*. Detectors read roles, never platform file layouts, so one detector
  serves every platform.
* A :class:`Match` is one risky span a detector saw in one field of one record.
* A :class:`Finding` is what the user reads: every match of one value, grouped, scored
  and explained, with its :class:`Occurrence` list pointing back into the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


class Exposure(StrEnum):
    """Who can see an item, most exposed first."""

    PUBLIC = "public"
    """Anyone on the internet (public posts, public profile fields)."""
    FOLLOWERS = "followers"
    """The account's approved followers (protected accounts, followers-only posts)."""
    DELETED = "deleted"
    """Deleted by the user but once public: caches, screenshots and archives may keep it."""
    PRIVATE = "private"
    """Direct messages: one screenshot away from public."""
    ACCOUNT = "account"
    """Data only the platform holds (account settings, sign-up details)."""

    @property
    def rank(self) -> int:
        """0 for the most exposed; used to pick a finding's worst exposure."""
        return _EXPOSURE_ORDER.index(self)


_EXPOSURE_ORDER = [
    Exposure.PUBLIC,
    Exposure.FOLLOWERS,
    Exposure.DELETED,
    Exposure.PRIVATE,
    Exposure.ACCOUNT,
]


class Kind(StrEnum):
    """What sort of item a record is."""

    PROFILE = "profile"
    POST = "post"
    REPLY = "reply"
    MESSAGE = "message"
    COMMENT = "comment"
    MEDIA = "media"
    LOCATION = "location"
    ACCOUNT = "account"
    OTHER = "other"


class Category(StrEnum):
    """Finding categories of the report contract (``privaudit.report/1``)."""

    BIRTHDATE = "birthdate"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    GOVERNMENT_ID = "government_id"
    FINANCIAL = "financial"
    CREDENTIAL = "credential"
    LOCATION = "location"
    DEVICE = "device"
    ABSENCE = "absence"
    SENSITIVE = "sensitive"
    WORKPLACE = "workplace"
    CHILDREN = "children"
    INFERENCE = "inference"


class Severity(StrEnum):
    """Severity levels, set from the 0–100 score (see ``assess.severity``)."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for critical … 4 for info, so sorting by rank puts the worst first."""
        return _SEVERITY_ORDER.index(self)

    @classmethod
    def from_score(cls, score: int) -> Severity:
        """Map a score to its level: critical ≥ 80, high ≥ 60, medium ≥ 35, low ≥ 15."""
        for level, floor in _SEVERITY_FLOORS:
            if score >= floor:
                return level
        return cls.INFO


_SEVERITY_ORDER = [
    Severity.CRITICAL,
    Severity.HIGH,
    Severity.MEDIUM,
    Severity.LOW,
    Severity.INFO,
]
_SEVERITY_FLOORS = [
    (Severity.CRITICAL, 80),
    (Severity.HIGH, 60),
    (Severity.MEDIUM, 35),
    (Severity.LOW, 15),
]


class Confidence(StrEnum):
    """How sure we are that a match is what we say it is."""

    HIGH = "high"
    """Validated (checksum, structured field) or matches the user's own profile facts."""
    MEDIUM = "medium"
    """A pattern with supporting context."""
    LOW = "low"
    """A bare pattern."""

    @property
    def rank(self) -> int:
        """0 for high, 2 for low."""
        return [Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW].index(self)


class Role(StrEnum):
    """What a field means, so detectors never need to know a platform's layout."""

    TEXT = "text"
    """Prose a person wrote: posts, messages, bios, comments."""
    BIRTHDATE = "birthdate"
    """A structured date of birth from a profile/account form."""
    PHONE = "phone"
    """A structured phone number field."""
    EMAIL = "email"
    """A structured e-mail address field."""
    NAME = "name"
    """A person's display or real name."""
    PLACE = "place"
    """Free text naming a place ("Munich, Germany"), e.g. a profile location."""
    ADDRESS = "address"
    """A structured postal address field (profile address, autofill home address)."""
    DEVICE = "device"
    """Device or camera metadata (make, model, serial, owner name)."""
    OTHER = "other"
    """A string of unknown meaning (generic readers): only pattern detectors look at it."""


@dataclass(frozen=True, slots=True)
class Field:
    """One string of a record, with where it lives in its archive member."""

    name: str
    """The field's name in the source (``full_text``, ``bio``, an EXIF tag name)."""
    pointer: str
    """RFC 6901 JSON Pointer to this field in the parsed member ("" for a media file)."""
    text: str
    """The field's value as text."""
    role: Role = Role.TEXT
    """What the field means; detectors choose fields by role."""


@dataclass(frozen=True, slots=True)
class GeoPoint:
    """A precise position attached to a record (post geotag, photo GPS, check-in)."""

    lat: float
    lon: float
    pointer: str
    """Where the position is in the member ("" for media metadata)."""
    source: str
    """Human description of where it came from: "tweet geo", "EXIF GPS"."""
    tag: str = ""
    """The metadata tag or field name(s), e.g. ``GPSLatitude/GPSLongitude``."""
    accuracy_m: float | None = None
    """Stated accuracy radius in metres, when the source gives one."""


@dataclass(frozen=True, slots=True)
class Record:
    """One item of an export, translated out of the platform's format."""

    platform: str
    """Platform id (``x``, ``facebook``, ``generic`` …)."""
    archive: str
    """Display path of the archive the item came from."""
    path: str
    """Member path inside the archive (POSIX, relative to the archive root)."""
    pointer: str
    """RFC 6901 pointer to the item in the parsed member ("" for a whole file)."""
    kind: Kind
    exposure: Exposure
    author_is_self: bool
    """True when the archive's owner wrote it (their post, their DM, their profile)."""
    timestamp: datetime | None = None
    """When the item was created (timezone-aware, UTC when the source has no zone)."""
    url: str | None = None
    """Link to the item on the platform, where the platform has one."""
    fields: tuple[Field, ...] = ()
    points: tuple[GeoPoint, ...] = ()
    label: str = ""
    """Short human name of the item ("tweet", "direct message", "profile")."""

    def __post_init__(self) -> None:
        # A source without a zone (a camera clock, a local export date) is read as UTC, here
        # once for every reader, so whole-archive code can compare any two timestamps.
        if self.timestamp is not None and self.timestamp.tzinfo is None:
            object.__setattr__(self, "timestamp", self.timestamp.replace(tzinfo=UTC))


@dataclass(frozen=True, slots=True)
class Match:
    """One risky value a detector found in one field (or the points) of one record."""

    rule: str
    """Stable rule id (``phone-number``)."""
    category: Category
    title: str
    """What was found, for people ("Phone number")."""
    value: str
    """The raw value (only shown with ``--reveal``)."""
    key: str
    """Normalised value: equal keys in one category are the same finding."""
    evidence: str
    """The value masked for display."""
    pointer: str
    """Pointer to the field (or geo point) the value is in."""
    span: tuple[int, int] | None
    """Character span within the field's text, when the value came from text."""
    harm: int
    """Base harm 0–100 of this kind of value (before exposure and confidence)."""
    confidence: Confidence
    detail: str = ""
    """What exactly was found, for the explanation ("valid German mobile number")."""
    reasons: tuple[str, ...] = ()
    """Why the detector is as confident as it is ("context: 'call me'")."""
    tag: str = ""
    """Metadata tag name for media findings."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where one finding's value appears."""

    archive: str
    path: str
    pointer: str
    span: tuple[int, int] | None
    timestamp: datetime | None
    url: str | None
    exposure: Exposure
    kind: Kind
    author_is_self: bool
    tag: str = ""
    platform: str = ""
    """Platform id of the item (a finding's occurrences may span platforms)."""


@dataclass(slots=True)
class Finding:
    """One risky value, every place it occurs, how bad it is and what to do."""

    id: str
    """Stable fingerprint that contains nothing of the value."""
    rule: str
    category: Category
    title: str
    severity: Severity
    score: int
    confidence: Confidence
    exposure: Exposure
    platform: str
    evidence: str
    value: str
    why: str
    remediation: list[str]
    occurrences: list[Occurrence]
    own_fact: str | None = None
    """Name of the profile fact this value matches ("your account phone number")."""
    detail: str = ""
    key: str = ""
    """The normalised value the matches were grouped by (never printed; for inference)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something that could not be read, and why, in plain language."""

    path: str
    reason: str


@dataclass(slots=True)
class ArchiveSummary:
    """What was scanned in one archive."""

    path: str
    platforms: list[str] = field(default_factory=list)
    members: int = 0
    records: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Plain-language remarks ("unrecognised X file, scanned as generic JSON")."""


@dataclass(slots=True)
class ActionStep:
    """One step of the action plan: what to do, where, how long it takes, what it removes."""

    id: str
    """Stable fingerprint of the step (type, platform and target), never of a value."""
    type: str
    """Step type from the advice catalog (``delete-public-post``, ``rotate-key`` …)."""
    action: str
    """What to do, with counts ("Delete 12 public posts on X")."""
    how: str
    """Where and how: the settings path or the steps on the platform."""
    why: str
    """Why it matters, in one sentence."""
    platform: str
    categories: list[Category]
    count: int
    """How many items the step covers (posts to delete, keys to rotate)."""
    effort_minutes: float
    """Estimated effort (catalog data: minutes per item plus a fixed part)."""
    risk_removed: int
    """Score points the step removes across the findings it touches (see docs/scoring.md)."""
    links: list[str] = field(default_factory=list)
    """Item links (post URLs) or, where the platform has none, ``member#pointer`` places."""
    finding_ids: list[str] = field(default_factory=list)
    residual: str = ""
    """What the step cannot undo (copies, screenshots, search caches)."""

    @property
    def priority(self) -> float:
        """Risk removed per minute of effort: the plan's sort key."""
        return self.risk_removed / max(self.effort_minutes, 0.5)


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """A place the archive reveals (home, work, a routine's place), without its coordinates."""

    role: str
    """``home``, ``work`` or ``routine``."""
    near: str
    """Offline gazetteer name ("near Seattle, US"), or "" when none is close."""
    items: int
    """Items within ``radius_m`` of the place."""
    radius_m: int
    exposure: Exposure
    """Most exposed audience at which the place can still be inferred."""
    evidence: str
    """Masked centre, like every location finding's evidence."""
    value: str
    """Centre ``lat,lon`` (only shown with ``--reveal``)."""


@dataclass(frozen=True, slots=True)
class Routine:
    """A repeated weekday + hour + place."""

    weekday: str
    """English weekday name ("Tuesday")."""
    hour: int
    """Local hour 0–23."""
    place: str
    """Where: "at home", "at work", "near Greenwood, Seattle, US" or "at the same place"."""
    times: int
    """Distinct weeks the routine was seen."""
    first: datetime | None
    last: datetime | None


@dataclass(frozen=True, slots=True)
class Trip:
    """A period away from home (location jumps, or an away-from-home announcement)."""

    start: datetime
    end: datetime
    days: int
    near: str
    """Where (gazetteer name) or "" when unknown."""
    source: str
    """``location`` (positions > 100 km from home) or ``announcement`` (absence finding)."""
    items: int


@dataclass(slots=True)
class Profile:
    """Pattern of life: what the timestamps and positions of the whole archive reveal."""

    hour_histogram: list[int] = field(default_factory=lambda: [0] * 24)
    """Items you created per local hour of the day (index 0 = midnight)."""
    weekday_histogram: list[int] = field(default_factory=lambda: [0] * 7)
    """Items per local weekday (index 0 = Monday)."""
    timezone: str | None = None
    """Likely time zone (IANA name or ``UTC±hh:mm``)."""
    timezone_source: str = ""
    """Why that zone: "your home's position", "quiet hours 01:00–06:00 UTC", "account setting"."""
    timed_items: int = 0
    """Items with a timestamp that the histograms count."""
    places: list[PlaceSummary] = field(default_factory=list)
    routines: list[Routine] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)


@dataclass(slots=True)
class ScanResult:
    """Everything a report needs: what was scanned, the ranked findings and the grade."""

    archives: list[ArchiveSummary]
    findings: list[Finding]
    """Ranked, worst first."""
    grade: str
    """A–F, set by the worst findings (never an average)."""
    records: int = 0
    """Records scanned across all archives."""
    generated_at: datetime | None = None
    action_plan: list[ActionStep] = field(default_factory=list)
    """De-duplicated steps, most risk removed per minute of effort first."""
    profile: Profile | None = None
    """Pattern of life (posting hours, time zone, places, routines, trips), when known."""
