"""Reddit reader: the data request export (reddit.com/settings/data-request).

Layout: a zip (``export_<username>_<date>.zip``) of flat CSV files, one per data type —
``posts.csv``, ``comments.csv``, ``messages.csv`` (or ``messages_archive.csv``),
``chat_history.csv``, ``statistics.csv``, ``birthdate.csv``, ``ip_logs.csv`` … about forty in
all, and more every year. Large tables are split (``post_votes_1.csv``, ``post_votes_2.csv``,
each with its header); the ``_<n>`` suffix is cut when a file is recognised. Some files carry
a UTF-8 BOM; bodies are markdown with multi-line quoted cells; dates are
``YYYY-MM-DD HH:MM:SS UTC``; ``[deleted]``/``[removed]`` stand for text that is gone.

Detection: a ``posts.csv``/``comments.csv``/``messages.csv`` (or their ``*_headers.csv``)
whose header starts ``id,permalink``, or ``statistics.csv`` starting ``statistic,value``, or
three Reddit-only file names together. Only the CSV files in the folders where that signature
was found are claimed, so a LinkedIn export next to a Reddit one (LinkedIn also writes a
``messages.csv``) keeps its own files.

Pointers (``privaudit.report/1``): ``/<data row>/<column header>``, the 0-based CSV record
after the header, as :mod:`csv` yields it (a duplicate or empty column name is addressed by
its 0-based index), exactly as for LinkedIn (the CSV parser is shared).

What is read, and how it is rated:

* posts (``title``, ``body``) and comments (``body``): **public** — Reddit shows them to
  anyone; the ``permalink`` becomes the item's link;
* private messages (``subject``, ``body``): **private**; the user's own when ``from`` is the
  account name (``account name`` in ``statistics.csv``). Without that name, the user is the
  one participant (``from`` or ``to``) present in every message, else the most frequent one;
* chat (``chat_history.csv`` ``message``): **private** for direct and group chats, and
  **followers** for a subreddit's chat channel (a ``subreddit`` is named: its members see
  it); the user's own when ``username`` is the account name;
* drafts and scheduled posts (``title``, ``body``): **account** (not published yet);
* account data — ``statistics.csv`` (``email address``), ``birthdate.csv`` (``birthdate``,
  ``verified_birthdate``), ``linked_phone_number.csv``/``phone_number.csv`` and the
  structured columns (e-mail, phone, birth date by name) of purchase and payout tables:
  **account**, read first;
* friends' notes (``friends.csv``) and Reddit's announcements are read but are not the user's
  disclosures (a note about a friend holds the friend's details).

Deliberately not read (claimed, no records): vote, save, hide and subscription lists and the
``*_headers.csv`` copies (ids and links only), ``ip_logs.csv`` and the ``ip`` column of every
file (IP addresses are not a finding category), ``account_gender.csv``, identity-link and
payment-provider ids, ``checkfile.csv``. Any other file — Reddit adds some every year — is
read as account data, each column with the generic role of its name (``email`` → e-mail …);
unknown columns holding dates, links, ids or IP addresses are left out. A column that a
recognised file did not have before gets the same treatment.
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
_HEAD = 512
_MAX_SNIFFED = 200
_SPLIT = re.compile(r"_\d+$")
_REDDIT_NAME = re.compile(r"^[a-z0-9_]+\.csv$")
_SKIP_COLUMN = re.compile(
    r"(?:^|\s)(?:date|time|created|updated|at|id|ids|url|urls|link|links|permalink|ip|"
    r"timestamp|sha256|direction|gildings|is|issuer|subject id)(?:\s|$)|(?:url|link|id)$"
)
"""Columns of unknown meaning that hold dates, links, ids, IP addresses or flags."""
_PLACEHOLDERS = frozenset({"[deleted]", "[removed]", "[ deleted ]", "[ removed ]"})
_SIGNATURE_FILES = frozenset(
    {"posts", "comments", "messages", "messages_archive", "post_headers", "comment_headers"}
)
_DISTINCTIVE = frozenset(
    {
        "post_votes",
        "comment_votes",
        "subscribed_subreddits",
        "saved_posts",
        "saved_comments",
        "hidden_posts",
        "ip_logs",
        "linked_identities",
        "account_gender",
        "gilded_content",
        "gold_received",
        "checkfile",
        "poll_votes",
        "approved_submitter_subreddits",
        "moderated_subreddits",
        "multireddits",
        "sensitive_ads_preferences",
        "linked_phone_number",
        "message_headers",
        "messages_archive_headers",
        "chat_history",
    }
)
"""File names that, three together, say "Reddit"."""
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d")


@dataclass(frozen=True, slots=True)
class _Spec:
    """How one Reddit file is read."""

    label: str
    kind: Kind = Kind.OTHER
    exposure: Exposure = Exposure.ACCOUNT
    self_authored: bool = True
    roles: Mapping[str, Role | None] = field(default_factory=dict)
    """Normalised column name (lower case, ``_`` as space) → role, or None to leave it out."""
    structured_only: bool = False
    """Read only columns whose name means e-mail, phone or birth date; ignore the rest."""
    time_column: str | None = None
    reader: str = "rows"
    """``rows``, ``messages``, ``chat``, ``statistics``, ``preferences``, ``posts``."""


_CONTENT_ROLES: dict[str, Role | None] = {
    "id": None,
    "permalink": None,
    "date": None,
    "ip": None,
    "subreddit": None,
    "gildings": None,
    "url": None,
    "link": None,
    "parent": None,
    "media": None,
    "title": Role.TEXT,
    "body": Role.TEXT,
}
_MESSAGE_ROLES: dict[str, Role | None] = {
    **_CONTENT_ROLES,
    "thread id": None,
    "from": None,
    "to": None,
    "subject": Role.TEXT,
}

_SPECS: dict[str, _Spec] = {
    "statistics": _Spec("Reddit account details", Kind.ACCOUNT, reader="statistics"),
    "birthdate": _Spec(
        "birth date on your Reddit account",
        Kind.ACCOUNT,
        roles={
            "birthdate": Role.BIRTHDATE,
            "verified birthdate": Role.BIRTHDATE,
            "verification state": None,
            "verification method": None,
        },
    ),
    "linked_phone_number": _Spec(
        "phone number on your Reddit account", Kind.ACCOUNT, roles={"phone number": Role.PHONE}
    ),
    "phone_number": _Spec(
        "phone number on your Reddit account", Kind.ACCOUNT, roles={"phone number": Role.PHONE}
    ),
    "user_preferences": _Spec("Reddit settings", Kind.ACCOUNT, reader="preferences"),
    "purchases": _Spec("Reddit purchase", Kind.ACCOUNT, structured_only=True),
    "reddit_gold_information": _Spec("Reddit purchase", Kind.ACCOUNT, structured_only=True),
    "subscriptions": _Spec("Reddit subscription", Kind.ACCOUNT, structured_only=True),
    "payouts": _Spec("Reddit payout", Kind.ACCOUNT, structured_only=True),
    "posts": _Spec(
        "Reddit post", Kind.POST, Exposure.PUBLIC, roles=_CONTENT_ROLES, time_column="date"
    ),
    "comments": _Spec(
        "Reddit comment", Kind.COMMENT, Exposure.PUBLIC, roles=_CONTENT_ROLES, time_column="date"
    ),
    "messages": _Spec(
        "Reddit private message",
        Kind.MESSAGE,
        Exposure.PRIVATE,
        roles=_MESSAGE_ROLES,
        time_column="date",
        reader="messages",
    ),
    "messages_archive": _Spec(
        "Reddit private message",
        Kind.MESSAGE,
        Exposure.PRIVATE,
        roles=_MESSAGE_ROLES,
        time_column="date",
        reader="messages",
    ),
    "chat_history": _Spec(
        "Reddit chat message",
        Kind.MESSAGE,
        Exposure.PRIVATE,
        roles={
            "message id": None,
            "created at": None,
            "updated at": None,
            "username": None,
            "message": Role.TEXT,
            "thread parent message id": None,
            "channel url": None,
            "subreddit": None,
            "channel name": None,
            "conversation type": None,
        },
        time_column="created at",
        reader="chat",
    ),
    "drafts": _Spec(
        "Reddit draft (not published)",
        Kind.POST,
        roles={
            **_CONTENT_ROLES,
            "kind": None,
            "created": None,
            "spoiler": None,
            "nsfw": None,
            "original content": None,
            "content category": None,
            "flair id": None,
            "flair text": Role.OTHER,
            "send replies": None,
            "is public link": None,
        },
        time_column="created",
    ),
    "scheduled_posts": _Spec(
        "scheduled Reddit post (not published yet)",
        Kind.POST,
        roles={
            **_CONTENT_ROLES,
            "scheduled post id": None,
            "submission time": None,
            "recurrence": None,
        },
        time_column="submission time",
    ),
    "multireddits": _Spec(
        "custom feed description",
        Kind.OTHER,
        roles={
            "id": None,
            "display name": Role.OTHER,
            "date": None,
            "description": Role.TEXT,
            "privacy": None,
            "subreddits": None,
            "image url": None,
            "is owner": None,
            "favorited": None,
            "followers": None,
        },
        reader="multireddits",
    ),
    "friends": _Spec(
        "note about a Reddit friend",
        self_authored=False,
        roles={"username": None, "note": Role.TEXT},
    ),
    "announcements": _Spec(
        "Reddit announcement",
        Kind.MESSAGE,
        self_authored=False,
        roles={
            "announcement id": None,
            "sent at": None,
            "read at": None,
            "from id": None,
            "from username": None,
            "subject": Role.TEXT,
            "body": Role.TEXT,
            "url": None,
        },
        time_column="sent at",
    ),
}
"""Recognised files by name (lower case, split suffix ``_<n>`` cut)."""

_IGNORED = frozenset(
    {
        "post_headers",
        "comment_headers",
        "message_headers",
        "messages_archive_headers",
        "post_votes",
        "comment_votes",
        "poll_votes",
        "saved_posts",
        "saved_comments",
        "hidden_posts",
        "subscribed_subreddits",
        "moderated_subreddits",
        "approved_submitter_subreddits",
        "ip_logs",
        "account_gender",
        "linked_identities",
        "stripe",
        "persona",
        "twitter",
        "sensitive_ads_preferences",
        "checkfile",
        "gilded_content",
        "gold_received",
    }
)
"""Lists of ids, links, votes, IPs and provider ids: nothing the user wrote."""

_EARLY = ("statistics", "birthdate", "linked_phone_number", "phone_number", "user_preferences")
"""Account files, read before content (the account name decides message authorship)."""

_PREFERENCE_ROLES = frozenset({Role.EMAIL, Role.PHONE, Role.BIRTHDATE})


@dataclass(slots=True)
class _Owner:
    """The account's name, as far as the files say."""

    name: str | None = None
    """Normalised (casefolded, without ``u/``) account name."""


class RedditPlatform(Platform):
    """Reader for Reddit data request exports."""

    name = "reddit"
    title = "Reddit"

    def __init__(self) -> None:
        self._folders: set[str] | None = None
        """Folders where the last :meth:`detect` found a Reddit export (None: not detected)."""

    def detect(self, archive: Archive, members: list[Member]) -> float:
        folders: set[str] = set()
        names: dict[str, set[str]] = {}
        sniffed = 0
        best = 0.0
        for member in members:
            folder, base = _split(member.path)
            if not base.lower().endswith(".csv"):
                continue
            key = file_key(base)
            names.setdefault(folder, set()).add(key)
            if key not in _SIGNATURE_FILES and key != "statistics":
                continue
            if sniffed >= _MAX_SNIFFED:
                continue
            sniffed += 1
            header = _header_line(archive, member)
            if key == "statistics" and header.startswith("statistic,value"):
                folders.add(folder)
                best = max(best, 0.9)
            elif key in _SIGNATURE_FILES and header.startswith("id,permalink"):
                folders.add(folder)
                best = 1.0
        for folder, keys in names.items():
            if len(keys & _DISTINCTIVE) >= 3:
                folders.add(folder)
                best = max(best, 0.8)
        self._folders = folders
        return best

    def claims(self, member: Member) -> bool:
        folder, base = _split(member.path)
        if not base.lower().endswith(".csv"):
            return False
        if self._folders is not None:
            return folder in self._folders
        return bool(_REDDIT_NAME.match(base))

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        owner = _Owner()
        early: list[tuple[Member, _Spec]] = []
        late: list[tuple[Member, _Spec | None]] = []
        for member in sorted(members, key=lambda m: _order(m.path)):
            key = file_key(_split(member.path)[1])
            if key in _IGNORED:
                continue
            spec = _SPECS.get(key)
            if key in _EARLY and spec is not None:
                early.append((member, spec))
            else:
                late.append((member, spec))
        for member, spec in early:
            yield from self._file(archive, member, spec, owner, notes)
        for member, maybe in late:
            if maybe is None:
                notes.note(f"unrecognised Reddit file {member.path}, its columns read generically")
                maybe = _Spec("Reddit account data")
            yield from self._file(archive, member, maybe, owner, notes)

    # -- one file ---------------------------------------------------------------------------

    def _file(
        self, archive: Archive, member: Member, spec: _Spec, owner: _Owner, notes: ReadNotes
    ) -> Iterator[Record]:
        try:
            table: _Table = read_table(archive.read(member))
        except MemberError as exc:
            notes.skip(member.path, str(exc))
            return
        if table.problem:
            notes.skip(member.path, table.problem)
        if spec.reader == "statistics":
            yield from self._statistics(archive, member, spec, table, owner)
        elif spec.reader == "preferences":
            yield from self._preferences(archive, member, spec, table)
        else:
            yield from self._rows(archive, member, spec, table, owner, notes)

    def _record(
        self,
        archive: Archive,
        member: Member,
        row_index: int,
        spec: _Spec,
        fields: tuple[Field, ...],
        *,
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
            kind=spec.kind,
            exposure=exposure or spec.exposure,
            author_is_self=spec.self_authored if author_is_self is None else author_is_self,
            timestamp=timestamp,
            url=url,
            fields=fields,
            label=label or spec.label,
        )

    def _statistics(
        self, archive: Archive, member: Member, spec: _Spec, table: _Table, owner: _Owner
    ) -> Iterator[Record]:
        """``statistic,value`` rows: the account name and e-mail address are read."""
        value_col = table.index("value")
        if value_col is None:
            return
        for row_index, row in enumerate(table.rows):
            name = " ".join(table.cell(row, "statistic").split()).lower()
            value = row[value_col] if value_col < len(row) else ""
            if not value.strip():
                continue
            if name in ("account name", "username"):
                owner.name = owner.name or _username(value)
                role: Role | None = Role.NAME
            elif "email" in name and "verified" not in name:
                role = Role.EMAIL
            else:
                role = None
            if role is None:
                continue
            ptr = pointer(row_index, table.tokens[value_col])
            fields = (Field(name, ptr, value[:_MAX_TEXT_FIELD], role),)
            yield self._record(archive, member, row_index, spec, fields)

    def _preferences(
        self, archive: Archive, member: Member, spec: _Spec, table: _Table
    ) -> Iterator[Record]:
        """``preference,value`` rows: only values whose setting names an e-mail, phone or
        birth date are read (the others are switches and language codes)."""
        value_col = table.index("value")
        if value_col is None:
            return
        for row_index, row in enumerate(table.rows):
            name = table.cell(row, "preference").strip()
            value = row[value_col] if value_col < len(row) else ""
            role = role_for_key(name)
            if role not in _PREFERENCE_ROLES or not value.strip():
                continue
            ptr = pointer(row_index, table.tokens[value_col])
            yield self._record(archive, member, row_index, spec, (Field(name, ptr, value, role),))

    def _rows(
        self,
        archive: Archive,
        member: Member,
        spec: _Spec,
        table: _Table,
        owner: _Owner,
        notes: ReadNotes,
    ) -> Iterator[Record]:
        readable = _readable(table, _column_roles(table, spec))
        if not readable:
            return
        is_self: Callable[[list[str]], bool] | None = None
        if spec.reader == "messages":
            is_self = _message_authorship(table, owner, member.path, notes)
        elif spec.reader == "chat":
            is_self = _chat_authorship(table, owner, member.path, notes)
        for row_index, row in enumerate(table.rows):
            fields = _fields(row_index, row, readable)
            if not fields:
                continue
            exposure: Exposure | None = None
            label = spec.label
            subreddit = table.cell(row, "subreddit").strip()
            if spec.reader == "chat" and subreddit:
                exposure = Exposure.FOLLOWERS
                label = f"Reddit chat message in r/{subreddit} (seen by its members)"
            elif spec.kind in (Kind.POST, Kind.COMMENT) and subreddit:
                label = f"{spec.label} in r/{subreddit}"
            elif (
                spec.reader == "multireddits"
                and table.cell(row, "privacy").strip().lower() == "public"
            ):
                exposure = Exposure.PUBLIC
            url_cell = table.cell(row, "permalink") or table.cell(row, "channel url")
            yield self._record(
                archive,
                member,
                row_index,
                spec,
                fields,
                exposure=exposure,
                author_is_self=is_self(row) if is_self is not None else None,
                timestamp=_time(table.cell(row, spec.time_column)) if spec.time_column else None,
                url=_url(url_cell),
                label=label,
            )


PLATFORM = RedditPlatform()


# -- columns --------------------------------------------------------------------------------


def _column_roles(table: _Table, spec: _Spec) -> list[Role | None]:
    """The role of each column (None: not read), from the spec or the column's name."""
    out: list[Role | None] = []
    for col, norm in enumerate(table.norm):
        if norm in spec.roles:
            out.append(spec.roles[norm])
            continue
        name = table.header[col] if col < len(table.header) else ""
        role = role_for_key(name) if name else Role.OTHER
        if spec.structured_only:
            out.append(role if role in _PREFERENCE_ROLES else None)
        elif role is Role.OTHER and (not norm or _SKIP_COLUMN.search(norm)):
            out.append(None)
        else:
            out.append(role)
    return out


def _readable(table: _Table, roles: list[Role | None]) -> list[tuple[int, str, str, Role]]:
    """``(column, name, escaped pointer token, role)`` of every column that is read."""
    return [
        (
            col,
            (table.header[col] if col < len(table.header) else "") or f"column {col + 1}",
            pointer(table.tokens[col]),
            role,
        )
        for col, role in enumerate(roles)
        if role is not None
    ]


def _fields(
    row_index: int, row: list[str], readable: list[tuple[int, str, str, Role]]
) -> tuple[Field, ...]:
    out: list[Field] = []
    width = len(row)
    base = f"/{row_index}"
    for col, name, token, role in readable:
        cell = row[col] if col < width else ""
        stripped = cell.strip()
        if not stripped or stripped.lower() in _PLACEHOLDERS:
            continue
        out.append(Field(name, base + token, cell[:_MAX_TEXT_FIELD], role))
    return tuple(out)


# -- authorship -----------------------------------------------------------------------------


def _username(value: str) -> str:
    """``/u/Name`` or ``u/Name`` or ``Name`` → ``name``."""
    text = value.strip().casefold()
    for prefix in ("/u/", "u/", "/user/", "user/"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _infer_owner(table: _Table, columns: tuple[str, ...], path: str, notes: ReadNotes) -> str:
    """Without ``statistics.csv``: the participant in every row, else the most frequent one."""
    counts: Counter[str] = Counter()
    common: set[str] | None = None
    for row in table.rows:
        people = {_username(table.cell(row, c)) for c in columns} - {"", "[deleted]"}
        if not people:
            continue
        counts.update(people)
        common = people if common is None else common & people
    if common and len(common) == 1:
        guess = next(iter(common))
    elif counts:
        guess = counts.most_common(1)[0][0]
    else:
        return ""
    notes.note(
        f"Reddit account name not found (no statistics.csv): in {path} you are taken to be "
        f"u/{guess}, who takes part in the most messages"
    )
    return guess


def _message_authorship(
    table: _Table, owner: _Owner, path: str, notes: ReadNotes
) -> Callable[[list[str]], bool]:
    me = owner.name or _infer_owner(table, ("from", "to"), path, notes)
    if not owner.name and me:
        owner.name = me
    return lambda row: bool(me) and _username(table.cell(row, "from")) == me


def _chat_authorship(
    table: _Table, owner: _Owner, path: str, notes: ReadNotes
) -> Callable[[list[str]], bool]:
    me = owner.name or ""
    if not me and table.rows:
        notes.note(
            f"Reddit account name not found (no statistics.csv): no message in {path} "
            "could be attributed to you"
        )
    return lambda row: bool(me) and _username(table.cell(row, "username")) == me


# -- names, time, links ---------------------------------------------------------------------


def file_key(basename: str) -> str:
    """``post_votes_2.csv`` → ``post_votes``; ``Posts.csv`` → ``posts``."""
    stem = basename[:-4] if basename.lower().endswith(".csv") else basename
    return _SPLIT.sub("", stem.strip().lower().replace(" ", "_").replace("-", "_"))


def _split(path: str) -> tuple[str, str]:
    """``folder/`` (with its slash, "" at the root) and the base name."""
    cut = path.rfind("/") + 1
    return path[:cut], path[cut:]


def _order(path: str) -> tuple[int, str]:
    """Account files first; then private messages, whose participants tell the account's name
    when ``statistics.csv`` is missing; then everything else."""
    key = file_key(_split(path)[1])
    if key in _EARLY:
        return (_EARLY.index(key), path)
    return (len(_EARLY) if key in ("messages", "messages_archive") else len(_EARLY) + 1, path)


def _header_line(archive: Archive, member: Member) -> str:
    try:
        head = decode_text(archive.read_head(member, _HEAD))
    except MemberError:
        return ""
    return head.lstrip().split("\n", 1)[0].strip().lower().replace('"', "")


def _time(value: str) -> datetime | None:
    """``2024-03-12 15:04:05 UTC`` (or ISO 8601) → aware UTC; no zone means UTC."""
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
        for fmt in _TIME_FORMATS:
            try:
                when = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            return None
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _url(value: str) -> str | None:
    text = value.strip()
    if text.startswith(("https://", "http://")):
        return text
    if text.startswith("/r/") or text.startswith("/message/") or text.startswith("/user/"):
        return "https://www.reddit.com" + text
    return None
