"""Facebook "Download your information" reader (Accounts Center export), 2018 → 2025.

Layouts (matched on path *suffixes*, since exports are often zipped inside a folder or split
into several parts):

* 2018–2023: ``profile_information/profile_information.json``, ``posts/your_posts_1.json``,
  ``posts/album/<n>.json``, ``photos_and_videos/``, ``comments/comments.json`` or
  ``comments_and_reactions/comments.json``, ``messages/<folder>/<thread>/message_N.json``,
  ``friends_and_followers/friends.json``, ``location/location_history.json`` …
* 2024–2025: ``personal_information/profile_information/profile_information.json`` and
  ``your_facebook_activity/…`` — or the variant ``your_activity_across_facebook/…`` — with
  ``posts/your_posts__check_ins__photos_and_videos_N.json``, ``posts/check-ins.json``
  (``label_values`` shape), ``messages/{inbox,archived_threads,filtered_threads,
  message_requests,e2ee_cutover}/<thread>/message_N.json``, ``connections/friends/…``.
* Messenger's separate "secure storage" download of end-to-end encrypted chats: flat
  ``<Thread name>_<N>.json`` files with ``participants`` as strings and ``threadName``,
  ``senderName``, ``text``.
* The **HTML export** (Facebook's default format): the same tree with ``.html`` pages.
  Profile, posts, comments and messages are read from the text of the pages (pointer
  convention ``/<line>/<column>``, see ``meta.py``) and the report says that the JSON
  export gives more precise results.

Every string is repaired from Meta's mojibake (``meta.fix_text``); the field text is the
repaired string while its pointer names the raw JSON string.

Profile fields: the birthday ``{year, month, day}`` becomes one BIRTHDATE field whose text
is ISO ``YYYY-MM-DD`` (``--MM-DD`` when the year is 0 or absent) and whose pointer names the
``birthday`` *object* (there is no single JSON string to point at). Name, current city,
hometown, work, education, websites: ``public`` (Facebook shows them to everyone by default);
relationship and family: ``followers`` (friends); birthday, phone numbers, e-mails, previous
names: ``account`` (Facebook keeps the birth year, phones and e-mails private by default).

Exposure of content: the export does not carry a post's audience, so posts, check-ins,
photos and videos are ``followers`` (Facebook's default audience is Friends) unless the data
says otherwise (an ``audience``/``privacy`` value of "Public" → ``public``, "Only me" →
``account``); profile and cover pictures are ``public``; comments ``followers``; messages
``private``; location history ``account``. Friends, groups and Pages liked are kept as
records of kind ``other`` (TEXT fields naming the group or Page) so affiliation rules can
see them: the friend list and Pages liked are ``public`` by default, group memberships
``followers``.

Who wrote a message: the sender is the owner when the name matches the profile's full
name (repaired); without a profile, a guess from the conversations (the participant every
one-to-one title is not, present in most threads — ``meta.guess_owner``); when the data
cannot tell, no message is taken as the owner's. Comments are the owner's unless their
``author`` is someone else. Media files are linked to their post or message through the
JSON ``uri`` values and inherit its exposure and author (chat media nothing references are
not taken as the owner's); their own EXIF is read too, though Facebook normally strips it
(the JSON ``exif_data`` is the authoritative source). A tagged place's coordinate is kept
and its name is a PLACE field; the venue's street address is not (it is the business's
address, not the user's). Address books (other people's numbers), reactions, search
history, logins, ads and settings are not read; other JSON files are scanned generically
with a note, other HTML pages as text of unknown meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from privaudit.archive.interface import Archive, Member
from privaudit.media import is_image_name
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role
from privaudit.platforms.documents import join_pointer
from privaudit.platforms.interface import ReadNotes
from privaudit.platforms.meta import (
    FACEBOOK,
    VIDEO_EXTENSIONS,
    MediaInfo,
    MediaLinks,
    MetaPlatform,
    SelfNames,
    Thread,
    coordinate_point,
    exif_fields,
    exif_points,
    fields_of,
    fix_text,
    from_epoch,
    html_labelled,
    items,
    label_of,
    label_values,
    load,
    media_records,
    rel_path,
    text_field,
    url_of,
    with_article,
)

HTML_NOTE = (
    "This is Facebook's HTML export; the JSON export gives more precise results "
    "(Settings → Download your information → Format: JSON)"
)

_IGNORED_DIRS = frozenset(
    {
        "ads_information",
        "ads_and_businesses",
        "apps_and_websites_off_of_facebook",
        "apps_and_websites",
        "preferences",
        "your_topics",
        "security_and_login_information",
        "activity_messages",
        "notifications",
        "search",
        "search_history",
        "your_interactions_on_facebook",
        "interactions",
        "other_logged_information",
        "news",
        "facebook_news",
        "stickers_used",
        "likes_and_reactions",
        "payment_history",
        "facebook_payments",
    }
)
"""Ads, settings, logins, searches, reactions: nothing the user disclosed to an audience."""
_IGNORED_NAMES = frozenset(
    {
        "likes_and_reactions",
        "posts_and_comments",
        "your_address_books",
        "address_books",
        "friend_requests_received",
        "friend_requests_sent",
        "received_friend_requests",
        "sent_friend_requests",
        "rejected_friend_requests",
        "removed_friends",
        "people_you_may_know",
        "suggested_friends",
        "who_you_follow",
        "who_you've_followed",
        "followers",
        "people_who_follow_you",
        "timezone",
        "places_you_have_been_tagged_in",
        "secret_conversations",
        "your_search_history",
        "profile_update_history",
    }
)
"""Other people's contact data (address books), lists of other accounts, metadata."""
_ACCOUNT_GENERIC = frozenset({"autofill_information"})
"""The user's own details in a shape we read generically (no "unrecognised" note)."""
_POSTS_NAME = re.compile(r"^your_posts(?:__check_ins__photos_and_videos)?(?:_\d+)?$")
_GROUP_POSTS = frozenset({"your_posts_in_groups", "group_posts_and_comments", "your_group_posts"})
_MEDIA_LISTS = frozenset(
    {"your_uncategorized_photos", "your_videos", "your_photos", "uncategorized_photos"}
)
_COMMENT_NAMES = frozenset({"comments", "your_comments_in_groups", "comments_in_groups"})
_FRIEND_NAMES = frozenset({"friends", "your_friends"})
_GROUP_NAMES = frozenset({"your_group_membership_activity", "your_groups"})
_PAGE_NAMES = frozenset(
    {"pages_you've_liked", "pages_you_follow", "pages_you've_followed", "pages", "page_likes"}
)
_PLACE_NAMES = frozenset({"primary_location", "primary_public_location", "last_location"})
_PUBLIC_ALBUMS = ("profile picture", "cover photo")
_VENUE_LABELS = frozenset({"address", "privacy", "audience", "visibility"})
"""Check-in values that are not the user's words: the venue's street address, settings."""

_PROFILE_HTML_LABELS: dict[str, Role] = {
    "full name": Role.NAME,
    "name": Role.NAME,
    "birthday": Role.BIRTHDATE,
    "date of birth": Role.BIRTHDATE,
    "email": Role.EMAIL,
    "emails": Role.EMAIL,
    "email address": Role.EMAIL,
    "phone number": Role.PHONE,
    "phone numbers": Role.PHONE,
    "mobile": Role.PHONE,
    "current city": Role.PLACE,
    "hometown": Role.PLACE,
}
_PUBLIC_HTML_LABELS = frozenset({"full name", "name", "current city", "hometown"})


@dataclass(slots=True)
class _Files:
    """The reader's members by what they hold."""

    profile: list[Member] = field(default_factory=list)
    profile_html: list[Member] = field(default_factory=list)
    account_generic: list[Member] = field(default_factory=list)
    posts: list[Member] = field(default_factory=list)
    group_posts: list[Member] = field(default_factory=list)
    timeline_by_others: list[Member] = field(default_factory=list)
    checkins: list[Member] = field(default_factory=list)
    albums: list[Member] = field(default_factory=list)
    media_lists: list[Member] = field(default_factory=list)
    comments: list[Member] = field(default_factory=list)
    threads: list[Member] = field(default_factory=list)
    locations: list[Member] = field(default_factory=list)
    places: list[Member] = field(default_factory=list)
    friends: list[Member] = field(default_factory=list)
    groups: list[Member] = field(default_factory=list)
    pages: list[Member] = field(default_factory=list)
    unknown: list[Member] = field(default_factory=list)
    posts_html: list[Member] = field(default_factory=list)
    comments_html: list[Member] = field(default_factory=list)
    threads_html: list[Member] = field(default_factory=list)
    other_html: list[Member] = field(default_factory=list)
    images: list[Member] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    """What later files need from earlier ones."""

    names: list[str] = field(default_factory=list)
    profile_url: str | None = None


class FacebookPlatform(MetaPlatform):
    """Reader for Facebook exports (JSON and HTML) and Messenger secure-storage downloads."""

    name = "facebook"
    title = "Facebook"
    key = FACEBOOK

    def read(self, archive: Archive, members: list[Member], notes: ReadNotes) -> Iterator[Record]:
        layout = self.layout_for(archive, members)
        files = _classify(members, layout.secure_storage)
        state = _State()
        links = MediaLinks(members)
        # Profile and account data first (contract): the owner's name, phone, birthday.
        for member in files.profile:
            yield from self._profile(archive, member, state, notes)
        for member in files.profile_html:
            yield from self._profile_html(archive, member, state, notes)
        for member in files.account_generic:
            doc = load(archive, member, notes)
            if doc is not None:
                yield from self.generic_records(
                    archive, member, doc, "Facebook account details", Kind.ACCOUNT
                )
        if files.profile_html or files.posts_html or files.threads_html or files.other_html:
            notes.note(HTML_NOTE)
        selves = SelfNames(
            state.names,
            lambda: self.guess_owner_of(archive, files.threads, files.threads_html),
        )
        for member in files.posts:
            yield from self._posts(archive, member, state, links, notes, "Facebook post", True)
        for member in files.group_posts:
            yield from self._posts(
                archive, member, state, links, notes, "post in a Facebook group", True
            )
        for member in files.timeline_by_others:
            yield from self._posts(
                archive, member, state, links, notes, "post on your timeline by someone else", False
            )
        for member in files.checkins:
            yield from self._posts(archive, member, state, links, notes, "Facebook check-in", True)
        for member in files.albums:
            yield from self._album(archive, member, links, notes)
        for member in files.media_lists:
            yield from self._media_list(archive, member, links, notes)
        for member in files.comments:
            yield from self._comments(archive, member, selves, notes)
        for member in files.threads:
            yield from self.thread_member(archive, member, selves, links, notes)
        for member in files.threads_html:
            yield from self.html_thread_records(
                archive, member, selves, _message_label(member.path), notes
            )
        for member in files.posts_html:
            yield from self.html_item_records(
                archive, member, Kind.POST, Exposure.FOLLOWERS, "Facebook post", notes
            )
        for member in files.comments_html:
            yield from self.html_item_records(
                archive, member, Kind.COMMENT, Exposure.FOLLOWERS, "Facebook comment", notes
            )
        for member in files.locations:
            yield from self._location_history(archive, member, notes)
        for member in files.places:
            yield from self._places(archive, member, notes)
        for member in files.friends:
            yield from self._affiliations(
                archive, member, notes, Role.NAME, Exposure.PUBLIC, "Facebook friend"
            )
        for member in files.groups:
            yield from self._affiliations(
                archive, member, notes, Role.TEXT, Exposure.FOLLOWERS, "Facebook group you joined"
            )
        for member in files.pages:
            yield from self._affiliations(
                archive, member, notes, Role.TEXT, Exposure.PUBLIC, "Facebook Page you like"
            )
        for member in files.unknown:
            yield from self.thread_member(archive, member, selves, links, notes)
        for member in files.other_html:
            yield from self.html_generic_records(
                archive, member, "Facebook page of the HTML export", notes
            )
        yield from media_records(self.name, archive, files.images, links, _default_media, notes)

    # -- profile -------------------------------------------------------------------------

    def _profile(
        self, archive: Archive, member: Member, state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        if not isinstance(doc, dict):
            return
        key = "profile_v2" if isinstance(doc.get("profile_v2"), dict) else "profile"
        profile = doc.get(key)
        if not isinstance(profile, dict):
            yield from self.unrecognised(
                archive, member, doc, notes, "Facebook profile", Kind.ACCOUNT
            )
            return
        base = f"/{key}"
        name = profile.get("name")
        if isinstance(name, dict):
            full = text_field(
                "full_name", join_pointer(base, "name", "full_name"), name.get("full_name")
            )
            if full is not None:
                state.names.append(full.text)
            parts = [label_of(name.get(k)) for k in ("first_name", "last_name")]
            if all(parts):
                state.names.append(" ".join(p.strip() for p in parts))
        elif isinstance(name, str):
            state.names.append(fix_text(name))
        username = profile.get("username")
        state.profile_url = url_of(profile, "profile_uri") or (
            f"https://www.facebook.com/{username}"
            if isinstance(username, str) and username
            else None
        )

        public: list[Field] = []
        if isinstance(name, dict):
            public += fields_of(join_pointer(base, "name"), name, {"full_name": Role.NAME})
        elif isinstance(name, str):
            public += fields_of(base, profile, {"name": Role.NAME})
        for city in ("current_city", "hometown"):
            value = profile.get(city)
            if isinstance(value, dict):
                public += fields_of(join_pointer(base, city), value, {"name": Role.PLACE})
            else:
                public += fields_of(base, profile, {city: Role.PLACE})
        for index, nickname in enumerate(_list(profile.get("other_names"))):
            ptr = join_pointer(base, "other_names", index)
            public += fields_of(ptr, nickname, {"name": Role.NAME})
        for index, work in enumerate(_list(profile.get("work_experiences"))):
            ptr = join_pointer(base, "work_experiences", index)
            public += fields_of(
                ptr,
                work,
                {
                    "employer": Role.OTHER,
                    "title": Role.OTHER,
                    "location": Role.PLACE,
                    "description": Role.TEXT,
                },
            )
        for index, school in enumerate(_list(profile.get("education_experiences"))):
            ptr = join_pointer(base, "education_experiences", index)
            public += fields_of(ptr, school, {"name": Role.OTHER})
            for c_index, topic in enumerate(_list(school.get("concentrations"))):
                made = text_field(
                    "concentration", join_pointer(ptr, "concentrations", c_index), topic, Role.OTHER
                )
                if made is not None:
                    public.append(made)
        for index, site in enumerate(_list(profile.get("websites"))):
            public += fields_of(
                join_pointer(base, "websites", index), site, {"address": Role.OTHER}
            )
        for bio_key in ("intro_bio", "about_me", "bio"):
            value = profile.get(bio_key)
            if isinstance(value, dict):
                public += fields_of(
                    join_pointer(base, bio_key), value, {"name": Role.TEXT, "text": Role.TEXT}
                )
            else:
                public += fields_of(base, profile, {bio_key: Role.TEXT})
        if public:
            yield self._profile_record(
                archive, member, base, public, Exposure.PUBLIC, "Facebook profile", state
            )

        friends: list[Field] = []
        relationship = profile.get("relationship")
        if isinstance(relationship, dict):
            friends += fields_of(
                join_pointer(base, "relationship"),
                relationship,
                {"status": Role.OTHER, "partner": Role.NAME},
            )
        for index, member_ in enumerate(_list(profile.get("family_members"))):
            friends += fields_of(
                join_pointer(base, "family_members", index),
                member_,
                {"name": Role.NAME, "relation": Role.OTHER},
            )
        if friends:
            yield self._profile_record(
                archive,
                member,
                base,
                friends,
                Exposure.FOLLOWERS,
                "Facebook profile (friends)",
                state,
            )

        birthday = _birthday(join_pointer(base, "birthday"), profile.get("birthday"))
        if birthday is not None:
            yield self._account(
                archive, member, birthday.pointer, [birthday], "birthday on your Facebook profile"
            )
        phones: list[Field] = []
        for index, phone in enumerate(_list(profile.get("phone_numbers"))):
            phones += fields_of(
                join_pointer(base, "phone_numbers", index), phone, {"phone_number": Role.PHONE}
            )
        if phones:
            yield self._account(
                archive, member, join_pointer(base, "phone_numbers"), phones,
                "phone number on your Facebook profile",
            )  # fmt: skip
        emails: list[Field] = []
        email_block = profile.get("emails")
        if isinstance(email_block, dict):
            for list_key, values in email_block.items():
                for index, value in enumerate(_list_any(values)):
                    made = text_field(
                        list_key, join_pointer(base, "emails", list_key, index), value, Role.EMAIL
                    )
                    if made is not None:
                        emails.append(made)
        if emails:
            yield self._account(
                archive, member, join_pointer(base, "emails"), emails,
                "e-mail address on your Facebook account",
            )  # fmt: skip
        other: list[Field] = []
        for index, previous in enumerate(_list(profile.get("previous_names"))):
            other += fields_of(
                join_pointer(base, "previous_names", index), previous, {"name": Role.NAME}
            )
        address = profile.get("address")
        if isinstance(address, dict):
            other += fields_of(
                join_pointer(base, "address"),
                address,
                {"street": Role.ADDRESS, "city": Role.PLACE, "zipcode": Role.ADDRESS},
            )
        if other:
            yield self._account(archive, member, base, other, "Facebook account details")

    def _profile_record(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        fields: list[Field],
        exposure: Exposure,
        label: str,
        state: _State,
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.PROFILE,
            exposure=exposure,
            author_is_self=True,
            url=state.profile_url,
            fields=tuple(fields),
            label=label,
        )

    def _account(
        self, archive: Archive, member: Member, ptr: str, fields: list[Field], label: str
    ) -> Record:
        return Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.ACCOUNT,
            exposure=Exposure.ACCOUNT,
            author_is_self=True,
            fields=tuple(fields),
            label=label,
        )

    def _profile_html(
        self, archive: Archive, member: Member, state: _State, notes: ReadNotes
    ) -> Iterator[Record]:
        nodes = self.html_nodes(archive, member, notes)
        if nodes is None:
            return
        pairs, rest = html_labelled(nodes, _PROFILE_HTML_LABELS)
        public = [f for label, f in pairs if label in _PUBLIC_HTML_LABELS]
        private = [f for label, f in pairs if label not in _PUBLIC_HTML_LABELS]
        state.names += [f.text for f in public if f.role is Role.NAME]
        if public:
            yield self._profile_record(
                archive,
                member,
                public[0].pointer,
                public,
                Exposure.PUBLIC,
                "Facebook profile",
                state,
            )
        for role, label in (
            (Role.BIRTHDATE, "birthday on your Facebook profile"),
            (Role.PHONE, "phone number on your Facebook profile"),
            (Role.EMAIL, "e-mail address on your Facebook account"),
        ):
            chosen = [f for f in private if f.role is role]
            if chosen:
                yield self._account(archive, member, chosen[0].pointer, chosen, label)
        other = [Field("text", n.pointer, n.text, Role.OTHER) for n in rest]
        if other:
            yield self._account(archive, member, "", other, "Facebook profile page")

    # -- posts, check-ins, photos ----------------------------------------------------------

    def _posts(
        self,
        archive: Archive,
        member: Member,
        state: _State,
        links: MediaLinks,
        notes: ReadNotes,
        label: str,
        mine: bool,
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, post in items(doc):
            exposure = _audience(post)
            when = from_epoch(post.get("timestamp")) or from_epoch(post.get("creation_timestamp"))
            fields: list[Field] = []
            points: list[GeoPoint] = []
            for index, data in enumerate(_list(post.get("data"))):
                dptr = join_pointer(ptr, "data", index)
                fields += fields_of(dptr, data, {"post": Role.TEXT})
                when = when or from_epoch(data.get("update_timestamp"))
            labelled = label_values(join_pointer(ptr, "label_values"), post.get("label_values"))
            fields += [f for f in labelled.fields if f.name.lower() not in _VENUE_LABELS]
            points += labelled.points
            when = when or labelled.timestamp
            url = url_of(post, "url", "uri", "permalink") or labelled.url
            media: list[tuple[str, dict[str, Any]]] = []
            for a_index, attachment in enumerate(_list(post.get("attachments"))):
                for d_index, data in enumerate(_list(attachment.get("data"))):
                    dptr = join_pointer(ptr, "attachments", a_index, "data", d_index)
                    fields += fields_of(dptr, data, {"text": Role.TEXT})
                    place = data.get("place")
                    if isinstance(place, dict):
                        pptr = join_pointer(dptr, "place")
                        # The venue's name; its street address is the business's, not the
                        # user's (the coordinate below is the disclosure), so it is not a field.
                        fields += fields_of(pptr, place, {"name": Role.PLACE})
                        point = coordinate_point(
                            join_pointer(pptr, "coordinate"), place.get("coordinate"),
                            "place tagged on the post", "place.coordinate",
                        )  # fmt: skip
                        if point is not None:
                            points.append(point)
                    if isinstance(data.get("media"), dict):
                        media.append((join_pointer(dptr, "media"), data["media"]))
            for m_index, item in enumerate(_list(post.get("media"))):  # check-ins, 2024
                if isinstance(item, dict):
                    media.append((join_pointer(ptr, "media", m_index), item))
            texts = {f.text for f in fields if f.role is Role.TEXT}
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.POST,
                exposure=exposure,
                author_is_self=mine,
                timestamp=when,
                url=url,
                fields=tuple(fields),
                points=tuple(points),
                label=label,
            )
            info = MediaInfo(
                Kind.POST, exposure, mine, when, url, f"photo in {with_article(label)}"
            )
            for mptr, item in media:
                yield from self._media(archive, member, mptr, item, info, links, texts)

    def _media(
        self,
        archive: Archive,
        member: Member,
        ptr: str,
        media: dict[str, Any],
        info: MediaInfo,
        links: MediaLinks,
        seen_texts: set[str] | None = None,
    ) -> Iterator[Record]:
        """A photo/video of the JSON: its caption, GPS and device values; links its file."""
        uri = media.get("uri")
        if isinstance(uri, str):
            if uri.lower().endswith(VIDEO_EXTENSIONS):
                info = replace(info, label=info.label.replace("photo", "video", 1))
            links.link(uri, member.path, info)
        fields = [
            f
            for f in fields_of(ptr, media, {"description": Role.TEXT})
            if not seen_texts or f.text not in seen_texts
        ]
        fields += exif_fields(ptr, media)
        points = exif_points(ptr, media)
        if not fields and not points:
            return
        yield Record(
            platform=self.name,
            archive=archive.display,
            path=member.path,
            pointer=ptr,
            kind=Kind.MEDIA,
            exposure=info.exposure,
            author_is_self=info.author_is_self,
            timestamp=info.timestamp or from_epoch(media.get("creation_timestamp")),
            url=info.url,
            fields=tuple(fields),
            points=points,
            label=info.label,
        )

    def _album(
        self, archive: Archive, member: Member, links: MediaLinks, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        if not isinstance(doc, dict):
            return
        album = fix_text(doc.get("name") or "") if isinstance(doc.get("name"), str) else ""
        public = album.lower().startswith(_PUBLIC_ALBUMS)
        exposure = Exposure.PUBLIC if public else Exposure.FOLLOWERS
        label = f"photo in your album “{album}”" if album else "photo in a Facebook album"
        for index, photo in enumerate(_list(doc.get("photos"))):
            when = from_epoch(photo.get("creation_timestamp"))
            info = MediaInfo(Kind.MEDIA, exposure, True, when, None, label)
            yield from self._media(archive, member, f"/photos/{index}", photo, info, links)
        cover = doc.get("cover_photo")
        if isinstance(cover, dict) and isinstance(cover.get("uri"), str):
            info = MediaInfo(Kind.MEDIA, exposure, True, None, None, label)
            links.link(cover["uri"], member.path, info)

    def _media_list(
        self, archive: Archive, member: Member, links: MediaLinks, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            when = from_epoch(item.get("creation_timestamp"))
            kind = "video" if "video" in member.path.rsplit("/", 1)[-1] else "photo"
            info = MediaInfo(Kind.MEDIA, _audience(item), True, when, None, f"Facebook {kind}")
            yield from self._media(archive, member, ptr, item, info, links)

    # -- comments and messages -------------------------------------------------------------

    def _comments(
        self, archive: Archive, member: Member, selves: SelfNames, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            when = from_epoch(item.get("timestamp"))
            fields: list[Field] = []
            author: str | None = None
            for index, data in enumerate(_list(item.get("data"))):
                comment = data.get("comment")
                if isinstance(comment, dict):
                    cptr = join_pointer(ptr, "data", index, "comment")
                    fields += fields_of(cptr, comment, {"comment": Role.TEXT})
                    when = when or from_epoch(comment.get("timestamp"))
                    if isinstance(comment.get("author"), str):
                        author = fix_text(comment["author"])
            labelled = label_values(join_pointer(ptr, "label_values"), item.get("label_values"))
            fields += labelled.fields
            mine = author is None or not selves.names or selves.known(author)
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.COMMENT,
                exposure=Exposure.FOLLOWERS,
                author_is_self=mine,
                timestamp=when or labelled.timestamp,
                url=url_of(item, "url", "uri") or labelled.url,
                fields=tuple(fields),
                label="Facebook comment",
            )

    def thread_label(self, path: str, thread: Thread) -> str:
        if thread.secure_storage:
            return "Messenger message (end-to-end encrypted chat)"
        return _message_label(path)

    # -- location and affiliations ---------------------------------------------------------

    def _location_history(
        self, archive: Archive, member: Member, notes: ReadNotes
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        for ptr, item in items(doc):
            point = coordinate_point(
                join_pointer(ptr, "coordinate"), item.get("coordinate"),
                "Facebook location history", "coordinate",
            )  # fmt: skip
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.LOCATION,
                exposure=Exposure.ACCOUNT,
                author_is_self=True,
                timestamp=from_epoch(item.get("creation_timestamp")),
                fields=tuple(fields_of(ptr, item, {"name": Role.PLACE})),
                points=(point,) if point is not None else (),
                label="Facebook location history",
            )

    def _places(self, archive: Archive, member: Member, notes: ReadNotes) -> Iterator[Record]:
        doc = load(archive, member, notes)
        public = "public" in member.path.rsplit("/", 1)[-1]
        for ptr, item in items(doc):
            fields: list[Field] = []
            points: list[GeoPoint] = []
            stack: list[tuple[str, Any]] = [(ptr, item)]
            while stack:
                base, node = stack.pop()
                if isinstance(node, str):
                    made = text_field(base.rsplit("/", 1)[-1], base, node, Role.PLACE)
                    if made is not None:
                        fields.append(made)
                elif isinstance(node, dict):
                    point = coordinate_point(base, node, "Facebook location", "latitude/longitude")
                    if point is not None:
                        points.append(point)
                        continue
                    stack += [(join_pointer(base, k), v) for k, v in reversed(node.items())]
                elif isinstance(node, list):
                    stack += [
                        (join_pointer(base, i), v) for i, v in reversed(list(enumerate(node)))
                    ]
            if fields or points:
                yield Record(
                    platform=self.name,
                    archive=archive.display,
                    path=member.path,
                    pointer=ptr,
                    kind=Kind.LOCATION,
                    exposure=Exposure.PUBLIC if public else Exposure.ACCOUNT,
                    author_is_self=True,
                    fields=tuple(fields),
                    points=tuple(points),
                    label="your location on Facebook",
                )

    def _affiliations(
        self,
        archive: Archive,
        member: Member,
        notes: ReadNotes,
        role: Role,
        exposure: Exposure,
        label: str,
    ) -> Iterator[Record]:
        doc = load(archive, member, notes)
        follows = "follow" in member.path.rsplit("/", 1)[-1]
        item_label = "Facebook Page you follow" if follows and "Page" in label else label
        for ptr, item in items(doc):
            fields = fields_of(ptr, item, {"name": role})
            for index, data in enumerate(_list(item.get("data"))):
                fields += fields_of(join_pointer(ptr, "data", index), data, {"name": role})
            labelled = label_values(join_pointer(ptr, "label_values"), item.get("label_values"))
            fields += [
                Field(f.name, f.pointer, f.text, role)
                for f in labelled.fields
                if f.role in (Role.NAME, Role.OTHER, Role.TEXT)
            ]
            if not fields:
                continue
            yield Record(
                platform=self.name,
                archive=archive.display,
                path=member.path,
                pointer=ptr,
                kind=Kind.OTHER,
                exposure=exposure,
                author_is_self=True,
                timestamp=from_epoch(item.get("timestamp")) or labelled.timestamp,
                url=url_of(item, "url", "uri") or labelled.url,
                fields=tuple(fields),
                label=item_label,
            )


PLATFORM = FacebookPlatform()


# -- helpers ---------------------------------------------------------------------------------


def _classify(members: list[Member], secure_storage: set[str]) -> _Files:
    files = _Files()
    for member in members:
        path = member.path
        rel = rel_path(path)
        parts = rel.split("/")
        name = parts[-1]
        stem, _, ext = name.rpartition(".")
        ext = ext.lower()
        folders = set(parts[:-1])
        if path in secure_storage:
            files.threads.append(member)
            continue
        if ext in ("html", "htm"):
            _classify_html(files, member, stem, folders)
            continue
        if is_image_name(path):
            if not folders & (_IGNORED_DIRS - {"stickers_used"}) and "stickers_used" not in folders:
                files.images.append(member)
            continue
        if ext != "json":
            continue
        in_logged_location = "logged_information" in folders and "location" in folders
        if (folders & _IGNORED_DIRS and not in_logged_location) or _ignored_name(stem):
            continue
        if "logged_information" in folders and not in_logged_location:
            continue
        target = _json_target(files, stem, folders)
        if target is not None:
            target.append(member)
        else:
            files.unknown.append(member)
    for bucket in (files.threads, files.posts):
        bucket.sort(key=lambda m: _natural(m.path))
    return files


def _json_target(files: _Files, stem: str, folders: set[str]) -> list[Member] | None:
    if stem == "profile_information":
        return files.profile
    if stem in _ACCOUNT_GENERIC:
        return files.account_generic
    if "messages" in folders and re.fullmatch(r"message_\d+|.+_\d+", stem):
        return files.threads  # message_N.json, or secure-storage threads kept in messages/
    if _POSTS_NAME.match(stem) and "groups" not in folders:
        return files.posts
    if stem in _GROUP_POSTS or (_POSTS_NAME.match(stem) and "groups" in folders):
        return files.group_posts
    if stem.startswith("other_people's_posts_to_your_timeline"):
        return files.timeline_by_others
    if stem in ("check-ins", "check_ins"):
        return files.checkins
    if "album" in folders:
        return files.albums
    if stem in _MEDIA_LISTS:
        return files.media_lists
    if stem in _COMMENT_NAMES and folders & {"comments", "comments_and_reactions", "groups"}:
        return files.comments
    if stem in ("location_history", "your_location_history"):
        return files.locations
    if stem in _PLACE_NAMES:
        return files.places
    if stem in _FRIEND_NAMES:
        return files.friends
    if stem in _GROUP_NAMES:
        return files.groups
    if stem in _PAGE_NAMES:
        return files.pages
    return None


def _classify_html(files: _Files, member: Member, stem: str, folders: set[str]) -> None:
    if folders & _IGNORED_DIRS or _ignored_name(stem):
        return
    if stem == "profile_information":
        files.profile_html.append(member)
    elif "messages" in folders and re.fullmatch(r"message_\d+", stem):
        files.threads_html.append(member)
    elif _POSTS_NAME.match(stem) or stem in _GROUP_POSTS:
        files.posts_html.append(member)
    elif stem in _COMMENT_NAMES:
        files.comments_html.append(member)
    else:
        files.other_html.append(member)


def _ignored_name(stem: str) -> bool:
    return stem in _IGNORED_NAMES or re.sub(r"_\d+$", "", stem) in _IGNORED_NAMES


def _natural(path: str) -> tuple[str, int]:
    found = re.search(r"_(\d+)\.\w+$", path)
    return (path[: found.start()] if found else path, int(found.group(1)) if found else 0)


def _message_label(path: str) -> str:
    parts = rel_path(path).split("/")
    if "message_requests" in parts:
        return "Messenger message request"
    if "filtered_threads" in parts:
        return "Messenger message (filtered)"
    return "Messenger message"


def _audience(item: dict[str, Any]) -> Exposure:
    """The audience the data states, else Facebook's default for posts: friends."""
    values: list[str] = []
    for key in ("audience", "privacy", "visibility"):
        if isinstance(item.get(key), str):
            values.append(item[key])
    for entry in _list(item.get("label_values")):
        label = entry.get("label")
        audience = isinstance(label, str) and label.lower() in ("privacy", "audience", "visibility")
        if audience and isinstance(entry.get("value"), str):
            values.append(entry["value"])
    for value in values:
        text = fix_text(value).strip().lower()
        if text in ("public", "everyone"):
            return Exposure.PUBLIC
        if text in ("only me", "only_me", "self"):
            return Exposure.ACCOUNT
    return Exposure.FOLLOWERS


def _birthday(ptr: str, value: Any) -> Field | None:
    """``{year, month, day}`` as ISO text (``--MM-DD`` without a year) at the object's pointer."""
    if not isinstance(value, dict):
        return None
    month, day, year = (_int(value.get(k)) for k in ("month", "day", "year"))
    if month is None or day is None:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None and year > 0:
        text = f"{year:04d}-{month:02d}-{day:02d}"
    else:
        text = f"--{month:02d}-{day:02d}"
    return Field("birthday", ptr, text, Role.BIRTHDATE)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _list(value: Any) -> list[dict[str, Any]]:
    """The dict items of a JSON list (a lone object counts as a one-item list)."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def _list_any(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    return [value] if value is not None else []


def _default_media(rel: str) -> MediaInfo | None:
    """What an image nothing in the JSON references inherits from its folder."""
    parts = rel.split("/")
    if "messages" in parts:
        # Unreferenced chat media: who sent it is unknown, so it is not taken as the owner's.
        return MediaInfo(Kind.MESSAGE, Exposure.PRIVATE, False, None, None, "photo in Messenger")
    if parts[0] in ("files", "index.html"):
        return None
    return MediaInfo(Kind.MEDIA, Exposure.FOLLOWERS, True, None, None, "Facebook photo")
