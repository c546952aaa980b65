"""LinkedIn reader: the "Get a copy of your data" export (Basic and Complete archives).

Layout: ``Basic_LinkedInDataExport_MM-DD-YYYY.zip`` or ``Complete_LinkedInDataExport_….zip``
holds flat CSV files (``Profile.csv``, ``Connections.csv``, ``messages.csv``, ``Positions.csv``
…) plus a few folders (``Jobs/``, ``Verifications/``, ``Articles/Articles/<slug>.html``). Some
files carry a member-id suffix (``Shares_123456.csv``, ``Comments_123456.csv``); it is ignored
when the file is recognised.

CSV quirks handled here, once: a UTF-8 BOM; a ``Notes:`` preamble before the real header
(``Connections.csv``, ``Member_Follows.csv``: a ``Notes:`` line, a quoted paragraph, a blank
line, then the header); quoted cells spanning several lines; fully quoted headers;
trailing commas (an empty column name); duplicate column names (``Ad_Targeting.csv``);
files that hold a sentence instead of a table ("No conversations found"); and a ``;``
delimiter when a re-saved file uses one. Bytes that are not text are skipped with a reason; a
file damaged part-way (a cell beyond the csv module's 128 KiB field limit) keeps the rows
before the damage and is reported as partly read.

Columns: each recognised file lists the roles of its columns (``Birth Date`` → birth date,
``Number`` → phone, ``ShareCommentary`` → prose …); any other column — LinkedIn adds some
every year — gets the generic role of its name, and unknown columns holding dates, links, ids
or yes/no flags are not read. Unrecognised files are read the same way, as account data.

Pointers (``privaudit.report/1``): ``/<data row>/<column header>``, where the data row is the
0-based index of the CSV record after the header line (and after any ``Notes:`` preamble),
as Python's :mod:`csv` reader yields them (a blank line between records counts as a record).
A column whose name appears more than once in the header, or has no name, is addressed by its
0-based column index instead (``/0/7``), since a name would not say which one is meant.

Exposure rules:

* public profile (name, headline, summary, region, websites), positions, education, skills,
  certifications, recommendations you wrote, comments: public — LinkedIn shows them to every
  member and, by default, on the public profile;
* posts (``Shares.csv``): public, or followers when ``Visibility`` is connections-only
  (``MEMBER_NETWORK``, LinkedIn's "Anyone" audience, counts as public);
* contact info in ``Profile.csv`` (birth date, address, ZIP code, instant messengers, maiden
  name): followers — LinkedIn shows contact info and the birthday to 1st-degree connections by
  default;
* articles (``Articles/Articles/*.html``, read line by line, ``/<line>`` pointers): public;
* messages, invitations with a note, job applications (sent to the employer): private;
* e-mail addresses, phone numbers, sign-up data, LinkedIn's inferences and ad targeting,
  learning, saved jobs and any file not recognised: account data.

Authorship: a message is the user's when its sender is the profile's owner (by name from
``Profile.csv`` and then by that sender's profile URL); when no sender has that name (or
there is no ``Profile.csv``), the owner is the participant — sender or recipient — present in
the most conversations, and if that participant sent nothing, no message is the user's.
Drafts are the user's. Invitations use their ``Direction``.
Connections, received recommendations and endorsements are other people's data: read, but
not the user's disclosures. Reactions, votes, follows and saved items hold only links and are
deliberately not read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from privaudit.archive.interface import Archive, Member, MemberError
from privaudit.model import Exposure, Field, Kind, Record, Role
from privaudit.platforms.documents import decode_text, pointer
from privaudit.platforms.generic import role_for_key
from privaudit.platforms.interface import Platform, ReadNotes
from privaudit.platforms.tables import Table as _Table
from privaudit.platforms.tables import read_table

_MAX_TEXT_FIELD = 100_000
_HEAD = 1024
_SUFFIX_ID = re.compile(r"_\d+$")
_SPACES = re.compile(r"[\s_]+")
_SKIP_COLUMN = re.compile(
    r"\b(?:date|dates|time|timestamp|url|urls|link|links|id|ids)\b|(?:url|urls|link|links)$"
    r"|\b(?:on|at)$|^is\b"
)
"""Columns of unknown meaning that hold dates, links, ids or flags: never personal prose."""
_PARENS = re.compile(r"\([^)]*\)")

_MISSING = object()
_SelfTest = Callable[[list[str]], bool]


@dataclass(frozen=True, slots=True)
class _Spec:
    """How one LinkedIn file is read."""

    label: str
    kind: Kind = Kind.OTHER
    exposure: Exposure = Exposure.ACCOUNT
    self_authored: bool = True
    roles: Mapping[str, Role | None] = field(default_factory=dict)
    """Column (normalised) → role, or None to leave the column out."""
    unknown_role: Role | None = None
    """Role of columns not in ``roles``; None means the generic role of the column name."""
    label_column: str | None = None
    """A column whose value completes the label, through ``detail_label``."""
    detail_label: str = "{}"
    """Label when ``label_column`` has a value ("position at {}")."""
    time_column: str | None = None
    url_column: str | None = None
    reader: str = "rows"
    """``rows`` (one record per row), ``profile``, ``messages``, ``invitations``, ``shares``."""


_SPECS: dict[str, _Spec] = {
    "profile": _Spec("LinkedIn profile", Kind.PROFILE, Exposure.PUBLIC, reader="profile"),
    "email addresses": _Spec(
        "e-mail address on your LinkedIn account",
        Kind.ACCOUNT,
        roles={"email address": Role.EMAIL, "confirmed": None, "primary": None},
    ),
    "phonenumbers": _Spec(
        "phone number on your LinkedIn account",
        Kind.ACCOUNT,
        roles={"number": Role.PHONE, "extension": None, "type": None},
    ),
    "whatsapp phone numbers": _Spec(
        "WhatsApp number on your LinkedIn account",
        Kind.ACCOUNT,
        roles={"number": Role.PHONE, "extension": None, "is whatsapp number": None},
    ),
    "registration": _Spec(
        "LinkedIn sign-up details",
        Kind.ACCOUNT,
        roles={"registration ip": Role.OTHER, "subscription types": None},
    ),
    "security challenges": _Spec(
        "LinkedIn security check",
        Kind.ACCOUNT,
        roles={"ip address": Role.OTHER, "user agent": None, "challenge type": None},
    ),
    "job seeker preferences": _Spec(
        "job seeker preferences",
        Kind.ACCOUNT,
        roles={
            "phone number": Role.PHONE,
            "commute preference starting address": Role.ADDRESS,
        },
    ),
    "verifications": _Spec("identity verification on LinkedIn", Kind.ACCOUNT),
    "receipts": _Spec("LinkedIn purchase receipt", Kind.ACCOUNT),
    "receipts v2": _Spec("LinkedIn purchase receipt", Kind.ACCOUNT),
    "positions": _Spec(
        "position",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={
            "company name": Role.OTHER,
            "title": Role.OTHER,
            "description": Role.TEXT,
            "location": Role.PLACE,
        },
        label_column="company name",
        detail_label="position at {}",
    ),
    "education": _Spec(
        "education",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={
            "school name": Role.OTHER,
            "notes": Role.TEXT,
            "degree name": Role.OTHER,
            "activities": Role.TEXT,
        },
        label_column="school name",
        detail_label="education at {}",
    ),
    "skills": _Spec(
        "skill on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"name": Role.OTHER},  # the skill's name ("Bicycle Repair"), not a person's
        unknown_role=Role.OTHER,
    ),
    "languages": _Spec(
        "language on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"name": Role.OTHER, "proficiency": None},
    ),
    "certifications": _Spec(
        "certification on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"name": Role.OTHER, "authority": Role.OTHER, "license number": Role.OTHER},
    ),
    "profile summary": _Spec(
        "profile summary", Kind.PROFILE, Exposure.PUBLIC, unknown_role=Role.TEXT
    ),
    "projects": _Spec(
        "project on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"title": Role.OTHER, "description": Role.TEXT},
    ),
    "volunteering": _Spec(
        "volunteering on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"company name": Role.OTHER, "role": Role.OTHER, "cause": Role.OTHER},
    ),
    "honors": _Spec(
        "honor on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"title": Role.OTHER, "description": Role.TEXT},
    ),
    "publications": _Spec(
        "publication on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"name": Role.OTHER, "publisher": Role.OTHER, "description": Role.TEXT},
    ),
    "courses": _Spec(
        "course on your profile",
        Kind.PROFILE,
        Exposure.PUBLIC,
        roles={"name": Role.OTHER, "number": None},
    ),
    "connections": _Spec(
        "connection",
        self_authored=False,
        roles={
            "first name": Role.NAME,
            "last name": Role.NAME,
            "email address": Role.EMAIL,
            "company": Role.OTHER,
            "position": Role.OTHER,
        },
    ),
    "messages": _Spec("LinkedIn message", Kind.MESSAGE, Exposure.PRIVATE, reader="messages"),
    "guide messages": _Spec(
        "message with LinkedIn's assistant", Kind.MESSAGE, Exposure.ACCOUNT, reader="messages"
    ),
    "learning coach messages": _Spec(
        "message with LinkedIn's learning coach",
        Kind.MESSAGE,
        Exposure.ACCOUNT,
        reader="messages",
    ),
    "learningcoachmessages": _Spec(
        "message with LinkedIn's learning coach",
        Kind.MESSAGE,
        Exposure.ACCOUNT,
        reader="messages",
    ),
    "learning role play messages": _Spec(
        "role-play message with LinkedIn's learning coach",
        Kind.MESSAGE,
        Exposure.ACCOUNT,
        reader="messages",
    ),
    "invitations": _Spec(
        "connection invitation",
        Kind.MESSAGE,
        Exposure.PRIVATE,
        roles={"from": Role.NAME, "to": Role.NAME, "message": Role.TEXT, "direction": None},
        time_column="sent at",
        reader="invitations",
    ),
    "shares": _Spec(
        "LinkedIn post",
        Kind.POST,
        Exposure.PUBLIC,
        roles={"sharecommentary": Role.TEXT, "visibility": None},
        time_column="date",
        url_column="sharelink",
        reader="shares",
    ),
    "comments": _Spec(
        "LinkedIn comment",
        Kind.COMMENT,
        Exposure.PUBLIC,
        roles={"message": Role.TEXT},
        time_column="date",
        url_column="link",
    ),
    "recommendations given": _Spec(
        "recommendation you wrote",
        Kind.COMMENT,
        Exposure.PUBLIC,
        roles={
            "first name": Role.NAME,
            "last name": Role.NAME,
            "company": Role.OTHER,
            "job title": Role.OTHER,
            "text": Role.TEXT,
            "status": None,
        },
        time_column="creation date",
    ),
    "recommendations received": _Spec(
        "recommendation you received",
        Kind.COMMENT,
        Exposure.PUBLIC,
        self_authored=False,
        roles={
            "first name": Role.NAME,
            "last name": Role.NAME,
            "company": Role.OTHER,
            "job title": Role.OTHER,
            "text": Role.TEXT,
            "status": None,
        },
        time_column="creation date",
    ),
    "endorsement given info": _Spec(
        "endorsement you gave",
        Kind.OTHER,
        Exposure.PUBLIC,
        roles={"skill name": Role.OTHER, "endorsement status": None},
    ),
    "endorsement received info": _Spec(
        "endorsement you received",
        Kind.OTHER,
        Exposure.PUBLIC,
        self_authored=False,
        roles={"skill name": Role.OTHER, "endorsement status": None},
    ),
    "rich media": _Spec(
        "media you uploaded",
        roles={"media description": Role.TEXT},
    ),
    "ad targeting": _Spec("LinkedIn ad targeting about you", unknown_role=Role.OTHER),
    "inferences about you": _Spec("LinkedIn inference about you", unknown_role=Role.OTHER),
    "job applicant saved answers": _Spec(
        "saved job application answer", roles={"question": None, "answer": Role.TEXT}
    ),
    "job applicant saved screening question responses": _Spec(
        "saved screening question answer", roles={"question": None, "answer": Role.TEXT}
    ),
    "job applications": _Spec(
        "job application",
        Kind.OTHER,
        Exposure.PRIVATE,
        roles={
            "contact email": Role.EMAIL,
            "contact phone number": Role.PHONE,
            "company name": Role.OTHER,
            "job title": Role.OTHER,
            "resume name": None,
            "question and answers": Role.TEXT,
        },
        label_column="company name",
        detail_label="job application to {}",
        time_column="application date",
    ),
    "savedjobs": _Spec("saved job", roles={"job title": Role.OTHER, "company name": Role.OTHER}),
    "saved jobs": _Spec("saved job", roles={"job title": Role.OTHER, "company name": Role.OTHER}),
    "saved job alerts": _Spec("saved job alert"),
    "learning": _Spec(
        "LinkedIn Learning activity",
        roles={
            "content title": Role.OTHER,
            "content description": None,
            "content type": None,
            "content saved": None,
            "notes taken on videos (if taken)": Role.TEXT,
        },
    ),
    "events": _Spec("event", roles={"event name": Role.OTHER, "status": None}),
    "searchqueries": _Spec("LinkedIn search", roles={"search query": Role.OTHER}),
    "logins": _Spec("LinkedIn sign-in", roles={"login type": None, "user agent": None}),
}
"""Recognised files by normalised name (lower case, ``_`` as space, member-id suffix cut)."""

_IGNORED = frozenset(
    {
        "reactions",
        "votes",
        "member follows",
        "company follows",
        "hashtag follows",
        "saved items",
        "instantreposts",
        "ads clicked",
    }
)
"""Files of links, follows and reactions: nothing the user wrote, deliberately not read."""

_DISTINCTIVE = frozenset(
    {
        "profile",
        "connections",
        "phonenumbers",
        "email addresses",
        "whatsapp phone numbers",
        "positions",
        "invitations",
        "rich media",
        "ad targeting",
        "inferences about you",
        "recommendations given",
        "recommendations received",
        "endorsement given info",
        "endorsement received info",
        "profile summary",
        "job applicant saved answers",
        "savedjobs",
        "registration",
        "shares",
        "company follows",
        "member follows",
        "guide messages",
        "learning coach messages",
        "certifications",
    }
)
"""File names that, two together, say "LinkedIn" (``messages``/``comments`` alone do not)."""

_VISIBILITY_FOLLOWERS = ("CONNECTION",)
_TIME_FORMATS = (
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%d %b %Y",
    "%b %d, %Y",
)


@dataclass(slots=True)
class _Owner:
    """Who the archive belongs to, as far as the files say."""

    name: str | None = None
    """Casefolded "First Last" from Profile.csv."""


class LinkedInPlatform(Platform):
    """Reader for LinkedIn data exports."""

    name = "linkedin"
    title = "LinkedIn"

    def detect(self, archive: Archive, members: list[Member]) -> float:
        known: set[str] = set()
        for member in members:
            base = _basename(member.path)
            if not base.lower().endswith(".csv"):
                continue
            key = _file_key(base)
            if key in _DISTINCTIVE:
                known.add(key)
            if key in ("profile", "connections", "messages"):
                head = _head(archive, member)
                if key == "profile" and _is_profile_header(head):
                    return 1.0
                if key == "connections" and head.lstrip().startswith("Notes:"):
                    return 1.0
                if key == "messages" and head.upper().lstrip('"').startswith("CONVERSATION ID"):
                    return 0.9
        return 0.8 if len(known) >= 2 else 0.0

    def claims(self, member: Member) -> bool:
        lower = member.path.lower()
        return lower.endswith(".csv") or (
            lower.endswith((".html", ".htm")) and "articles/" in lower
        )

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        csvs = sorted(
            (m for m in members if m.path.lower().endswith(".csv")),
            key=lambda m: _order(m.path),
        )
        owner = _Owner()
        early: list[tuple[Member, _Spec]] = []
        late: list[tuple[Member, _Spec | None]] = []
        for member in csvs:
            key = _file_key(_basename(member.path))
            if key in _IGNORED:
                continue
            spec = _SPECS.get(key)
            if spec is not None and spec.kind in (Kind.PROFILE, Kind.ACCOUNT):
                early.append((member, spec))
            else:
                late.append((member, spec))
        # Profile and account files first (contract); Profile.csv first of all (the owner).
        for member, spec in early:
            yield from self._file(archive, member, spec, owner, notes)
        for member, maybe_spec in late:
            if maybe_spec is None:
                notes.note(
                    f"unrecognised LinkedIn file {member.path}, its columns read generically"
                )
                maybe_spec = _Spec("LinkedIn data")
            yield from self._file(archive, member, maybe_spec, owner, notes)
        for member in members:
            lower = member.path.lower()
            if lower.endswith((".html", ".htm")) and "articles/" in lower:
                yield from self._article(archive, member, notes)

    # -- one file -----------------------------------------------------------------------

    def _file(
        self, archive: Archive, member: Member, spec: _Spec, owner: _Owner, notes: ReadNotes
    ) -> Iterator[Record]:
        try:
            table = read_table(archive.read(member))
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        if table.problem:
            notes.skip(member.path, table.problem)
        if spec.reader == "profile":
            yield from self._profile(archive, member, spec, table, owner)
        elif spec.reader == "messages":
            yield from self._messages(archive, member, spec, table, owner)
        else:
            yield from self._rows(archive, member, spec, table, owner)

    def _record(
        self,
        archive: Archive,
        member: Member,
        row_index: int,
        spec: _Spec,
        fields: tuple[Field, ...],
        *,
        kind: Kind | None = None,
        exposure: Exposure | None = None,
        author_is_self: bool | None = None,
        timestamp: datetime | None = None,
        url: str | None = None,
        label: str | None = None,
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=pointer(row_index),
            kind=kind or spec.kind,
            exposure=exposure or spec.exposure,
            author_is_self=spec.self_authored if author_is_self is None else author_is_self,
            timestamp=timestamp,
            url=url,
            fields=fields,
            label=label or spec.label,
        )

    def _profile(
        self, archive: Archive, member: Member, spec: _Spec, table: _Table, owner: _Owner
    ) -> Iterator[Record]:
        public_roles: dict[str, Role | None] = {
            "first name": Role.NAME,
            "last name": Role.NAME,
            "headline": Role.TEXT,
            "summary": Role.TEXT,
            "industry": Role.OTHER,
            "geo location": Role.PLACE,
            "twitter handles": Role.OTHER,
            "websites": Role.OTHER,
        }
        contact_roles: dict[str, Role | None] = {
            "maiden name": Role.NAME,
            "birth date": Role.BIRTHDATE,
            "address": Role.ADDRESS,
            "zip code": Role.ADDRESS,
            "instant messengers": Role.OTHER,
        }
        public_columns = _column_roles(
            table, {**public_roles, **dict.fromkeys(contact_roles)}, None
        )
        contact_columns = _column_roles(table, contact_roles, None, only_listed=True)
        for row_index, row in enumerate(table.rows):
            if not any(cell.strip() for cell in row):
                continue
            if owner.name is None:
                full = " ".join(
                    p.strip()
                    for p in (table.cell(row, "first name"), table.cell(row, "last name"))
                    if p.strip()
                )
                owner.name = full.casefold() or None
            public = _fields(table, row_index, row, public_columns)
            contact = _fields(table, row_index, row, contact_columns)
            if public:
                yield self._record(archive, member, row_index, spec, public)
            if contact:
                yield self._record(
                    archive,
                    member,
                    row_index,
                    spec,
                    contact,
                    exposure=Exposure.FOLLOWERS,
                    label="LinkedIn contact info (shown to your connections)",
                )

    def _rows(
        self, archive: Archive, member: Member, spec: _Spec, table: _Table, owner: _Owner
    ) -> Iterator[Record]:
        columns = _column_roles(table, spec.roles, spec.unknown_role)
        for row_index, row in enumerate(table.rows):
            fields = _fields(table, row_index, row, columns)
            if not fields:
                continue
            label = spec.label
            if spec.label_column:
                detail = table.cell(row, spec.label_column).strip()
                if detail:
                    label = spec.detail_label.format(detail)
            author: bool | None = None
            exposure: Exposure | None = None
            if spec.reader == "invitations":
                author = _invitation_is_self(table, row, owner)
            elif spec.reader == "shares":
                exposure = _share_exposure(table.cell(row, "visibility"))
                if exposure is Exposure.FOLLOWERS:
                    label = f"{spec.label} (connections only)"
            url = table.cell(row, spec.url_column).strip() if spec.url_column else ""
            yield self._record(
                archive,
                member,
                row_index,
                spec,
                fields,
                author_is_self=author,
                exposure=exposure,
                timestamp=_time(table.cell(row, spec.time_column)) if spec.time_column else None,
                url=url if url.startswith("http") else None,
                label=label,
            )

    def _messages(
        self, archive: Archive, member: Member, spec: _Spec, table: _Table, owner: _Owner
    ) -> Iterator[Record]:
        is_self = _message_authorship(table, owner)
        roles: dict[str, Role | None] = {
            "subject": Role.TEXT,
            "content": Role.TEXT,
            "conversation title": None,
            "from": None,
            "to": None,
            "folder": None,
            "attachments": None,
        }
        columns = _column_roles(table, roles, None)
        for row_index, row in enumerate(table.rows):
            fields = _fields(table, row_index, row, columns)
            if not fields:
                continue
            conversation = table.cell(row, "conversation id").strip()
            url = (
                f"https://www.linkedin.com/messaging/thread/{conversation}/"
                if conversation and re.fullmatch(r"[\w=+-]+", conversation)
                else None
            )
            yield self._record(
                archive,
                member,
                row_index,
                spec,
                fields,
                author_is_self=is_self(row),
                timestamp=_time(table.cell(row, "date")),
                url=url,
            )

    def _article(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        try:
            text = decode_text(archive.read(member))
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        fields = tuple(
            Field(f"line {index + 1}", pointer(index), line[:_MAX_TEXT_FIELD], Role.TEXT)
            for index, line in enumerate(text.splitlines())
            if line.strip()
        )
        if fields:
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer="",
                kind=Kind.POST,
                exposure=Exposure.PUBLIC,
                author_is_self=True,
                fields=fields,
                label="LinkedIn article",
            )


PLATFORM = LinkedInPlatform()


# -- CSV ---------------------------------------------------------------------------------


def _column_roles(
    table: _Table,
    roles: Mapping[str, Role | None],
    unknown: Role | None,
    only_listed: bool = False,
) -> list[Role | None]:
    """The role of each column (None: not read), from ``roles`` or the column's name."""
    out: list[Role | None] = []
    for col, norm in enumerate(table.norm):
        listed = roles.get(norm, _MISSING) if norm else _MISSING
        if listed is None or isinstance(listed, Role):
            out.append(listed)
            continue
        if only_listed:
            out.append(None)
            continue
        name = table.header[col] if col < len(table.header) else ""
        role = role_for_key(name)
        if unknown is not None and role is Role.OTHER:
            role = unknown
        if role is Role.OTHER and _SKIP_COLUMN.search(_PARENS.sub("", norm).strip()):
            out.append(None)
        else:
            out.append(role)
    return out


def _fields(
    table: _Table, row_index: int, row: list[str], roles: list[Role | None]
) -> tuple[Field, ...]:
    """The row's non-empty cells in columns that are read, as fields."""
    out: list[Field] = []
    for col, cell in enumerate(row):
        role = roles[col]
        if role is None or not cell.strip():
            continue
        name = table.header[col] if col < len(table.header) else ""
        out.append(
            Field(
                name or f"column {col + 1}",
                pointer(row_index, table.tokens[col]),
                cell[:_MAX_TEXT_FIELD],
                role,
            )
        )
    return tuple(out)


# -- authorship, exposure, time -------------------------------------------------------------


def _invitation_is_self(table: _Table, row: list[str], owner: _Owner) -> bool:
    direction = table.cell(row, "direction").strip().upper()
    if direction in ("OUTGOING", "SENT"):
        return True
    if direction in ("INCOMING", "RECEIVED"):
        return False
    sender = table.cell(row, "from").strip().casefold()
    return owner.name is not None and sender == owner.name


def _share_exposure(visibility: str) -> Exposure:
    value = visibility.strip().upper()
    if any(word in value for word in _VISIBILITY_FOLLOWERS):
        return Exposure.FOLLOWERS
    return Exposure.PUBLIC


def _sender_key(table: _Table, row: list[str]) -> str:
    url = table.cell(row, "sender profile url").strip().rstrip("/").lower()
    if url:
        return url
    return "name:" + " ".join(table.cell(row, "from").split()).casefold()


def _recipient_keys(table: _Table, row: list[str]) -> set[str]:
    urls = table.cell(row, "recipient profile urls")
    if urls.strip():
        return {u.strip().rstrip("/").lower() for u in re.split(r"[,\s]+", urls) if u.strip()}
    names = (" ".join(n.split()).casefold() for n in table.cell(row, "to").split(","))
    return {"name:" + n for n in names if n}


def _message_authorship(table: _Table, owner: _Owner) -> _SelfTest:
    """Who wrote each message: the owner by name (then by their profile URL); without a name
    that matches a sender, the participant present in the most conversations (as sender or
    recipient) — when that participant never sent anything, no message is theirs."""
    owner_keys: set[str] = set()
    if owner.name:
        for row in table.rows:
            if " ".join(table.cell(row, "from").split()).casefold() == owner.name:
                owner_keys.add(_sender_key(table, row))
    if not owner_keys:
        presence: Counter[str] = Counter()
        sent: Counter[str] = Counter()
        seen: set[tuple[str, str]] = set()
        for row in table.rows:
            conversation = table.cell(row, "conversation id").strip()
            key = _sender_key(table, row)
            participants = _recipient_keys(table, row)
            if key != "name:":
                sent[key] += 1
                participants.add(key)
            for person in participants:
                if (conversation, person) not in seen:
                    seen.add((conversation, person))
                    presence[person] += 1
        if presence:
            owner_keys.add(max(presence, key=lambda k: (presence[k], sent[k])))
    drafts = table.index("is message draft")

    def is_self(row: list[str]) -> bool:
        draft = row[drafts].strip().lower() if drafts is not None and drafts < len(row) else ""
        return draft in ("yes", "true") or _sender_key(table, row) in owner_keys

    return is_self


def _time(value: str) -> datetime | None:
    text = " ".join(value.split())
    if not text:
        return None
    for suffix in (" UTC", " GMT", "Z"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


# -- names -----------------------------------------------------------------------------------


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _file_key(basename: str) -> str:
    """``Shares_123456.csv`` → ``shares``; ``Rich_Media.csv`` → ``rich media``."""
    stem = basename[:-4] if basename.lower().endswith(".csv") else basename
    stem = _SUFFIX_ID.sub("", stem)
    return _SPACES.sub(" ", stem.replace("-", " ").lower()).strip()


def _order(path: str) -> tuple[int, str]:
    return (0 if _file_key(_basename(path)) == "profile" else 1, path)


def _head(archive: Archive, member: Member) -> str:
    try:
        return decode_text(archive.read_head(member, _HEAD))
    except MemberError:
        return ""


def _is_profile_header(head: str) -> bool:
    first = head.lstrip().split("\n", 1)[0].lower()
    return "first name" in first and any(
        col in first for col in ("headline", "geo location", "birth date", "maiden name")
    )
