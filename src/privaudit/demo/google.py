"""The demo story as a Google Takeout export: ``takeout-YYYYMMDDTHHMMSSZ-001/Takeout/``.

Takeout has no "posts", so the story is spread over the products that hold what a person
wrote or recorded: ``Profile/Profile.json`` (name, e-mail, birthday), YouTube comments
(``YouTube and YouTube Music/comments/comments.csv``, the text wrapped in JSON as Takeout
writes it; public), Google Chat direct messages (``Google Chat/Groups/DM <id>/
messages.json`` with ``group_info.json``, and ``Google Chat/Users/User <id>/user_info.json``
naming the account), Google Photos (each photo beside its ``.supplemental-metadata.json``
sidecar with ``geoData``/``geoDataExif``; the original keeps its EXIF) and Location History
(``Location History (Timeline)/Records.json`` with ``latitudeE7``/``longitudeE7``).

The story's geotagged post becomes Location History (the phone logging the nights at home),
every photo, including the one shared in a chat, sits in the private Photos library, and the
birthday and holiday news go to the street's group chat.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from typing import Any

from privaudit.demo.export import (
    MONTHS,
    WEEKDAYS,
    Export,
    Inferred,
    account_facts,
    answer_key,
    clock,
    code,
    epoch,
    number,
    phone_photo,
    plain_json,
)
from privaudit.demo.persona import EXPORT_TIME, Story

TAKEOUT = "Takeout"
PROFILE = f"{TAKEOUT}/Profile/Profile.json"
COMMENTS = f"{TAKEOUT}/YouTube and YouTube Music/comments/comments.csv"
RECORDS = f"{TAKEOUT}/Location History (Timeline)/Records.json"
THREADS = ("friend", "coworker", "parent", "scam")
_NEIGHBOURS = ("birthday", "away")
"""Story posts written to the street's group chat instead of a public comment."""
_NEIGHBOUR_NAMES = (
    ("Dee Hollis", "dee.hollis"),
    ("Marco Lindqvist-Ade", "marco.la"),
    ("Priya Vance", "priya.vance"),
)
_PHOTO_MISTAKE = (
    "Photo in the Google Photos library with its GPS position (every shared copy has it)"
)


def build(story: Story) -> Export:
    """The Google Takeout export of ``story``."""
    p = story.persona
    root = f"takeout-{EXPORT_TIME:%Y%m%dT%H%M%SZ}-001"
    export = Export("google", "Google Takeout", root)
    where: dict[str, tuple[str, str]] = {}
    email = p.email

    export.add(
        PROFILE,
        plain_json(
            {
                "name": {"givenName": p.first, "familyName": p.last, "formattedName": p.name},
                "displayName": p.name,
                "emails": [{"value": email}],
                "birthday": p.birthday.isoformat(),
                "gender": {"type": "unspecified"},
            }
        ),
    )
    export.add(f"{TAKEOUT}/archive_browser.html", _BROWSER.encode("utf-8"))

    # Public words: YouTube comments. Positions: Photos and Location History.
    comments: list[list[str]] = []
    channel = f"UC{number(f'{p.seed}:channel', 20)}"
    photo_year: dict[str, int] = {}
    for item in story.posts():
        if item.photo is not None:
            continue
        if item.geotag is not None or item.key in _NEIGHBOURS:
            continue
        comment_id = f"Ugx{number(f'{p.seed}:comment:{item.key}', 18)}"
        video = f"v{number(f'{p.seed}:video:{item.key}', 10)}"
        comments.append([
            comment_id, channel, _iso(item.when), "0", "", "", video,
            json.dumps({"text": item.text}, ensure_ascii=False, separators=(",", ":")), "",
        ])  # fmt: skip
        where[item.key] = (COMMENTS, f"/{len(comments) - 1}/Comment Text")
    export.add(
        COMMENTS,
        _csv(
            ["Comment ID", "Channel ID", "Comment Create Timestamp", "Price", "Parent Comment ID",
             "Post ID", "Video ID", "Comment Text", "Top-Level Comment ID"],
            comments,
        ),
    )  # fmt: skip
    first_image = int(number(f"{p.seed}:img", 4, 1))
    for item in story.items:
        photo = item.photo
        if photo is None:
            continue
        year = photo.taken.year
        photo_year[item.key] = year
        name = f"IMG_{first_image + 37 * len(photo_year)}.JPG"
        folder = f"{TAKEOUT}/Google Photos/Photos from {year}"
        gps = photo.gps or (0.0, 0.0)
        geo = {
            "latitude": gps[0],
            "longitude": gps[1],
            "altitude": 12.0,
            "latitudeSpan": 0.0,
            "longitudeSpan": 0.0,
        }
        sidecar = {
            "title": name,
            "description": "",
            "imageViews": "3",
            "creationTime": {
                "timestamp": str(epoch(item.when)),
                "formatted": _formatted(item.when),
            },
            "photoTakenTime": {
                "timestamp": str(epoch(photo.taken)),
                "formatted": _formatted(photo.taken),
            },
            "geoData": geo,
            "geoDataExif": geo,
            "url": f"https://photos.google.com/photo/AF1Qip{code(f'{p.seed}:url:{item.key}', 12)}",
            "googlePhotosOrigin": {"mobileUpload": {"deviceType": "IOS_PHONE"}},
        }
        export.add(f"{folder}/{name}", phone_photo(item, p))
        member = f"{folder}/{name}.supplemental-metadata.json"
        export.add(member, plain_json(sidecar))
        where[item.key] = (member, "/geoDataExif")

    geotag = next(i for i in story.items if i.geotag is not None)
    assert geotag.geotag is not None
    locations: list[Any] = []
    for night in range(6):
        when = geotag.when - timedelta(days=2 * night, hours=10)
        lat, lon = geotag.geotag
        locations.append(
            {
                "latitudeE7": round(lat * 1e7) + (night % 3) * 3,
                "longitudeE7": round(lon * 1e7) - (night % 2) * 4,
                "accuracy": 12 + night,
                "source": "WIFI",
                "deviceTag": int(number(f"{p.seed}:device", 9)),
                "timestamp": _iso(when),
            }
        )
    locations.reverse()
    export.add(RECORDS, plain_json({"locations": locations}))
    where[geotag.key] = (RECORDS, "/locations/0")

    # Google Chat: one DM space per conversation.
    me = {"name": p.name, "email": email, "user_type": "Human"}
    user_id = number(f"{p.seed}:user", 21)
    export.add(
        f"{TAKEOUT}/Google Chat/Users/User {user_id}/user_info.json", plain_json({"user": me})
    )
    people = {"friend": p.friend, "coworker": p.coworker, "parent": p.parent, "scam": p.scammer}
    for thread in THREADS:
        name, handle = people[thread]
        other = {"name": name, "email": f"{handle}@privaudit-demo.mail", "user_type": "Human"}
        space = f"DM {number(f'{p.seed}:space:{thread}', 11)}"
        messages: list[dict[str, Any]] = []
        for item in sorted(story.messages(thread), key=lambda i: i.when):
            messages.append(
                {
                    "creator": me if item.mine else other,
                    "created_date": _chat_date(item.when),
                    "text": item.text,
                    "topic_id": f"t{len(messages) + 1}",
                    "message_id": f"m{number(f'{p.seed}:message:{item.key}', 10)}",
                }
            )
            if item.photo is None:
                where[item.key] = (
                    f"{TAKEOUT}/Google Chat/Groups/{space}/messages.json",
                    f"/messages/{len(messages) - 1}/text",
                )
        export.add(
            f"{TAKEOUT}/Google Chat/Groups/{space}/group_info.json",
            plain_json({"members": [other, me]}),
        )
        export.add(
            f"{TAKEOUT}/Google Chat/Groups/{space}/messages.json",
            plain_json({"messages": messages}),
        )

    # The neighbourhood group chat: the news people share with the whole street.
    space = f"Space {code(f'{p.seed}:neighbours', 11)}"
    neighbours = [
        {"name": name, "email": f"{slug}@privaudit-demo.mail", "user_type": "Human"}
        for name, slug in _NEIGHBOUR_NAMES
    ]
    group: list[dict[str, Any]] = []
    for item in sorted((story.item(k) for k in _NEIGHBOURS), key=lambda i: i.when):
        group.append(
            {
                "creator": me,
                "created_date": _chat_date(item.when),
                "text": item.text,
                "topic_id": f"t{len(group) + 1}",
                "message_id": f"m{number(f'{p.seed}:message:{item.key}', 10)}",
            }
        )
        where[item.key] = (
            f"{TAKEOUT}/Google Chat/Groups/{space}/messages.json",
            f"/messages/{len(group) - 1}/text",
        )
    export.add(
        f"{TAKEOUT}/Google Chat/Groups/{space}/group_info.json",
        plain_json({"name": f"{p.street} neighbours", "members": [*neighbours, me]}),
    )
    export.add(
        f"{TAKEOUT}/Google Chat/Groups/{space}/messages.json", plain_json({"messages": group})
    )

    account_facts(
        export,
        p,
        (PROFILE, "/birthday"),
        None,
        (PROFILE, "/emails/0/value"),
        "Google account",
    )
    photos = list(photo_year)
    answer_key(
        export,
        story,
        where,
        "public",
        rules={geotag.key: "location-history"},
        mistakes={
            geotag.key: "Location History on: Google kept the nights spent at home",
            **dict.fromkeys(photos, _PHOTO_MISTAKE),
            "birthday": "Birthday message to a neighbourhood group: with its date, the full "
            "date of birth",
            "away": "Announcing a two-week holiday to a 30-member neighbourhood group chat",
        },
        exposures={
            geotag.key: "account",
            **dict.fromkeys(photos, "account"),
            **dict.fromkeys(_NEIGHBOURS, "private"),
        },
    )
    export.inferred.append(
        Inferred("inferred-home", "the photo positions cluster at one place: home")
    )
    export.notes.append(
        "Takeout keeps Google Photos originals with their EXIF and a sidecar whose geoData "
        "repeats the position; the report points at the sidecar. The library is private "
        "(account), but every copy shared from it carries the position."
    )
    return export


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _formatted(when: datetime) -> str:
    return f"{MONTHS[when.month - 1][:3]} {when.day}, {when.year}, {clock(when)} UTC"


def _chat_date(when: datetime) -> str:
    month, weekday = MONTHS[when.month - 1], WEEKDAYS[when.weekday()]
    return f"{weekday}, {month} {when.day}, {when.year} at {clock(when)} UTC"


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


_BROWSER = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Takeout</title></head>
<body><h1>Your Google data</h1>
<p>privaudit training demo: every person, number and place in this export is fictional.</p>
</body></html>
"""
