"""The demo story as an X (Twitter) archive: ``twitter-YYYY-MM-DD-<hex>/``.

The layout of X's "Download an archive of your data" (2022 →): ``Your archive.html``,
``data/manifest.js`` listing every data file, ``data/*.js`` as ``window.YTD.<type>.part0 =
[ … ]`` with X's spacing (``"key" : value``, numbers as strings), tweets newest first,
direct messages as ``dmConversation`` objects (messages newest first), and media named
``<tweet or message id>-<media key>.jpg`` in ``data/tweets_media/`` and
``data/direct_messages_media/``. Ids are snowflakes consistent with their timestamps.

One liberty, said in the answer key: X removes EXIF from the photos it publishes, so a
real archive's ``tweets_media`` rarely carries GPS; the demo keeps it, because that is
what the photo on the phone carried and what other platforms keep.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from privaudit.demo.export import (
    HOME_AND_KIT,
    Export,
    account_facts,
    answer_key,
    phone_photo,
    pointer_of,
)
from privaudit.demo.persona import EXPORT_TIME, Audience, Item, Story

_TWEPOCH_MS = 1288834974657
_IPHONE = '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>'
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def build(story: Story) -> Export:
    """The X archive of ``story``."""
    p = story.persona
    root = f"twitter-{EXPORT_TIME:%Y-%m-%d}-{_hash(p.rng_tag, 64)}"
    export = Export("x", "X (Twitter)", root)
    me = _snowflake(datetime(2016, 3, 4, 12, tzinfo=EXPORT_TIME.tzinfo), f"{p.seed}:me")
    people = {
        "friend": (p.friend, _snowflake(datetime(2014, 5, 1, tzinfo=EXPORT_TIME.tzinfo), "f")),
        "coworker": (p.coworker, _snowflake(datetime(2017, 9, 1, tzinfo=EXPORT_TIME.tzinfo), "c")),
        "parent": (p.parent, _snowflake(datetime(2019, 2, 1, tzinfo=EXPORT_TIME.tzinfo), "p")),
        "scam": (p.scammer, _snowflake(datetime(2025, 4, 29, tzinfo=EXPORT_TIME.tzinfo), "s")),
    }
    files: dict[str, tuple[str, list[Any]]] = {}

    def data(name: str, global_name: str, records: list[Any]) -> list[Any]:
        files[name] = (global_name, records)
        return records

    account = data(
        "account",
        "account",
        [
            {
                "account": {
                    "email": p.email,
                    "createdVia": "web",
                    "username": p.handle,
                    "accountId": me,
                    "createdAt": _iso(datetime(2016, 3, 4, 12, 0, 31, tzinfo=EXPORT_TIME.tzinfo)),
                    "accountDisplayName": p.name,
                }
            }
        ],
    )
    data(
        "profile",
        "profile",
        [
            {
                "profile": {
                    "description": {
                        "bio": f"Product designer at {p.employer} ✏️ coffee, bikes, bad puns",
                        "website": "",
                        "location": p.city_line,
                    },
                    "avatarMediaUrl": f"https://pbs.twimg.com/profile_images/{me}/avatar.jpg",
                }
            }
        ],
    )
    data(
        "ageinfo",
        "ageinfo",
        [
            {
                "ageMeta": {
                    "ageInfo": {"age": [str(p.age)], "birthDate": p.birthday.isoformat()},
                    "inferredAgeInfo": {"age": ["25-34"], "birthDate": ""},
                }
            }
        ],
    )
    phone = data("phone-number", "phone_number", [{"device": {"phoneNumber": p.phone_e164}}])
    data(
        "ip-audit",
        "ip_audit",
        [
            {
                "ipAudit": {
                    "accountId": me,
                    "createdAt": _iso(EXPORT_TIME - timedelta(days=2)),
                    "loginIp": "203.0.113.42",
                }
            }
        ],
    )
    data(
        "account-timezone",
        "account_timezone",
        [{"accountTimezone": {"accountId": me, "timeZone": "Eastern Time (US & Canada)"}}],
    )
    data(
        "follower",
        "follower",
        [
            {
                "follower": {
                    "accountId": uid,
                    "userLink": f"https://twitter.com/intent/user?user_id={uid}",
                }
            }
            for _, uid in list(people.values())[:3]
        ],
    )
    data(
        "following",
        "following",
        [
            {
                "following": {
                    "accountId": uid,
                    "userLink": f"https://twitter.com/intent/user?user_id={uid}",
                }
            }
            for _, uid in list(people.values())[:3]
        ],
    )

    # Tweets, newest first; media files beside them.
    posts = sorted(story.posts(), key=lambda i: i.when, reverse=True)
    tweets: list[Any] = []
    where: dict[str, tuple[str, str]] = {}
    """story key → (member, pointer) of the planted value."""
    for item in posts:
        tweet, media_file = _tweet(item, p.handle, f"{p.seed}:{item.key}")
        tweets.append({"tweet": tweet})
        index = len(tweets) - 1
        if media_file is not None:
            assert item.photo is not None
            name, _ = media_file
            export.add(f"data/tweets_media/{name}", phone_photo(item, p))
            where[item.key] = (f"data/tweets_media/{name}", "")
        elif item.geotag is not None:
            where[item.key] = ("data/tweets.js", f"/{index}/tweet/geo/coordinates")
        else:
            where[item.key] = ("data/tweets.js", f"/{index}/tweet/full_text")
    data("tweets", "tweets", tweets)
    data(
        "tweet-headers",
        "tweet_headers",
        [
            {"tweet": {"tweet_id": t["tweet"]["id_str"], "user_id": me,
                       "created_at": t["tweet"]["created_at"]}}
            for t in tweets
        ],
    )  # fmt: skip

    # Direct messages: one conversation per thread, messages newest first.
    conversations: list[Any] = []
    for thread in ("friend", "coworker", "parent", "scam"):
        (_, other) = people[thread]
        messages: list[Any] = []
        conv_id = "-".join(sorted((me, other), key=int))
        for item in sorted(story.messages(thread), key=lambda i: i.when, reverse=True):
            sender, recipient = (me, other) if item.mine else (other, me)
            msg_id = _snowflake(item.when, f"{p.seed}:dm:{item.key}")
            text = item.text
            media_urls: list[str] = []
            urls: list[Any] = []
            if item.photo is not None:
                key = _short(f"{p.seed}:dmkey:{item.key}", 8)
                code = _short(f"{p.seed}:tco:{item.key}", 10)
                text = f"{text} https://t.co/{code}"
                urls = [
                    {
                        "url": f"https://t.co/{code}",
                        "expanded": f"https://twitter.com/messages/media/{msg_id}",
                        "display": f"pic.twitter.com/{code}",
                    }
                ]
                media_urls = [
                    f"https://ton.twitter.com/1.1/ton/data/dm/{msg_id}/{msg_id}/{key}.jpg"
                ]
                media_name = f"data/direct_messages_media/{msg_id}-{key}.jpg"
                export.add(media_name, phone_photo(item, p))
                where[item.key] = (media_name, "")
            messages.append(
                {
                    "messageCreate": {
                        "recipientId": recipient,
                        "reactions": [],
                        "urls": urls,
                        "text": text,
                        "mediaUrls": media_urls,
                        "senderId": sender,
                        "id": msg_id,
                        "createdAt": _iso(item.when),
                        "editHistory": [],
                    }
                }
            )
        conversations.append({"dmConversation": {"conversationId": conv_id, "messages": messages}})
    data("direct-messages", "direct_messages", conversations)
    for item in story.items:
        if item.audience is Audience.MESSAGE and item.photo is None:
            where[item.key] = ("data/direct-messages.js", pointer_of(conversations, item.text))
    data("direct-messages-group", "direct_messages_group", [])
    data("like", "like", [])
    data("block", "block", [])
    data("mute", "mute", [])

    for name, (global_name, records) in files.items():
        export.add(f"data/{name}.js", _ytd(f"YTD.{global_name}.part0", records))
    export.add("data/manifest.js", _manifest(files, me, p.handle, p.name, export))
    export.add("data/README.txt", _README.format(handle=p.handle, id=me).encode("utf-8"))
    export.add("Your archive.html", _VIEWER.encode("utf-8"))

    # Answer key.
    account_facts(
        export,
        p,
        ("data/ageinfo.js", "/0/ageMeta/ageInfo/birthDate"),
        ("data/phone-number.js", pointer_of(phone, p.phone_e164)),
        ("data/account.js", pointer_of(account, p.email)),
        "account settings",
    )
    answer_key(export, story, where, "public")
    export.inferred += HOME_AND_KIT
    export.notes.append(
        "X removes GPS from the photos it publishes, so a real archive's tweets_media/ rarely "
        "carries it; the demo keeps it to show what the photo on the phone carried."
    )
    return export


# -- tweets -----------------------------------------------------------------------------------


def _tweet(item: Item, handle: str, label: str) -> tuple[dict[str, Any], tuple[str, str] | None]:
    tid = _snowflake(item.when, "tweet:" + label)
    text = item.text
    entities: dict[str, Any] = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
    display_end = len(text)
    media_file: tuple[str, str] | None = None
    extended: dict[str, Any] | None = None
    if item.photo is not None:
        code = _short("tco:" + label, 10)
        tco = f"https://t.co/{code}"
        text = f"{text} {tco}"
        mid = _snowflake(item.when - timedelta(seconds=41), "media:" + label)
        key = _media_key(mid)
        media = {
            "expanded_url": f"https://twitter.com/{handle}/status/{tid}/photo/1",
            "indices": [str(display_end + 1), str(len(text))],
            "url": tco,
            "media_url": f"http://pbs.twimg.com/media/{key}.jpg",
            "id_str": mid,
            "id": mid,
            "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg",
            "sizes": {
                "thumb": {"w": "150", "h": "150", "resize": "crop"},
                "small": {"w": "680", "h": "510", "resize": "fit"},
                "medium": {"w": "1200", "h": "900", "resize": "fit"},
                "large": {"w": "2048", "h": "1536", "resize": "fit"},
            },
            "type": "photo",
            "display_url": f"pic.twitter.com/{code}",
        }
        entities["media"] = [media]
        extended = {"media": [dict(media)]}
        media_file = (f"{tid}-{key}.jpg", key)
    tweet: dict[str, Any] = {
        "edit_info": {
            "initial": {
                "editTweetIds": [tid],
                "editableUntil": _iso(item.when + timedelta(hours=1)),
                "editsRemaining": "5",
                "isEditEligible": True,
            }
        },
        "retweeted": False,
        "source": _IPHONE,
        "entities": entities,
        "display_text_range": ["0", str(display_end)],
        "favorite_count": str(int(_hash(label, 4), 16) % 40),
        "id_str": tid,
        "truncated": False,
        "retweet_count": "0",
    }
    if item.geotag is not None:
        lat, lon = (f"{v:.5f}" for v in item.geotag)
        tweet["coordinates"] = {"type": "Point", "coordinates": [lon, lat]}
    tweet["id"] = tid
    if item.geotag is not None:
        tweet["geo"] = {"type": "Point", "coordinates": [lat, lon]}
    tweet["created_at"] = _twitter_date(item.when)
    tweet["favorited"] = False
    tweet["full_text"] = text
    tweet["lang"] = "en"
    if extended is not None:
        tweet["extended_entities"] = extended
    return tweet, media_file


# -- X's formats --------------------------------------------------------------------------------


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _lines(obj: Any, level: int, inline_lists: bool = False) -> str:
    """X's data files: two-space indent, ``"key" : value``, empty containers ``[ ]``.

    With ``inline_lists`` (``manifest.js``), lists stay on the line (``[ { … } ]``)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{ }"
        parts = [f"{inner}{_s(k)} : {_lines(v, level + 1, inline_lists)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
    if isinstance(obj, list):
        if not obj:
            return "[ ]"
        if inline_lists:
            return "[ " + ", ".join(_lines(v, level, inline_lists) for v in obj) + " ]"
        return "[\n" + ",\n".join(inner + _lines(v, level + 1) for v in obj) + "\n" + pad + "]"
    return _s(obj) if isinstance(obj, str) else json.dumps(obj)


def _ytd(global_name: str, records: list[Any]) -> bytes:
    return f"window.{global_name} = {_lines(records, 0)}".encode()


def _manifest(
    files: dict[str, tuple[str, list[Any]]], me: str, handle: str, name: str, export: Export
) -> bytes:
    types: dict[str, Any] = {}
    for file_name, (global_name, records) in sorted(files.items(), key=lambda kv: kv[1][0]):
        camel = "".join(
            part if i == 0 else part.capitalize() for i, part in enumerate(global_name.split("_"))
        )
        entry: dict[str, Any] = {}
        if camel == "tweets":
            entry["mediaDirectory"] = "data/tweets_media"
        if camel == "directMessages":
            entry["mediaDirectory"] = "data/direct_messages_media"
        entry["files"] = [
            {
                "fileName": f"data/{file_name}.js",
                "globalName": f"YTD.{global_name}.part0",
                "count": str(len(records)),
            }
        ]
        types[camel] = entry
    size = sum(len(v) for v in export.files.values())
    config = {
        "userInfo": {"accountId": me, "userName": handle, "displayName": name},
        "archiveInfo": {
            "sizeBytes": str(size),
            "generationDate": _iso(EXPORT_TIME),
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": types,
    }
    return f"window.__THAR_CONFIG = {_lines(config, 0, inline_lists=True)}".encode()


def _snowflake(when: datetime, label: str) -> str:
    """A 19-digit snowflake id for ``when`` with deterministic low bits."""
    ms = int(when.timestamp() * 1000) + int(_hash("ms" + label, 4), 16) % 1000
    return str(((ms - _TWEPOCH_MS) << 22) | (int(_hash(label, 6), 16) & ((1 << 22) - 1)))


def _media_key(media_id: str) -> str:
    raw = int(media_id).to_bytes(8, "big") + bytes.fromhex(_hash("key" + media_id, 6))
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _short(label: str, n: int) -> str:
    value = int.from_bytes(hashlib.sha256(label.encode()).digest(), "big")
    out = []
    for _ in range(n):
        value, r = divmod(value, len(_ALPHABET))
        out.append(_ALPHABET[r])
    return "".join(out)


def _hash(label: str, n: int) -> str:
    return hashlib.sha256(label.encode()).hexdigest()[:n]


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def _twitter_date(when: datetime) -> str:
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return (
        f"{days[when.weekday()]} {months[when.month - 1]} {when.day:02d} "
        f"{when:%H:%M:%S} +0000 {when.year}"
    )


_README = """INTRODUCTION
============
This archive was generated at the request of the following user:
- @username at the time the archive was generated: {handle}
- Account ID: {id}

The easiest way to navigate your archive is to open the HTML renderer in a desktop web browser by double clicking the "Your archive" file included in the main folder once the archive is unzipped.

Note that the HTML renderer only includes a subset of the data included in the archive. To see all the data included in the archive, please navigate the JSON files located in the "data" folder.

TRAINING DEMO: every person, number and place in this archive is fictional (privaudit demo).
"""  # noqa: E501

_VIEWER = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Your Twitter Data</title>
</head>
<body>
<noscript>You need to enable JavaScript to view your archive.</noscript>
<div id="root"></div>
<!-- privaudit training demo: a stand-in for the offline archive viewer. -->
<script src="data/manifest.js"></script>
</body>
</html>
"""
