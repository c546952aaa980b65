"""The demo story as a Facebook export: ``facebook-<username>-DD_MM_YYYY-<random>/``.

The JSON layout of Facebook's "Download your information" since 2024:
``personal_information/profile_information/profile_information.json`` (``profile_v2``),
``your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`` (posts
newest first, ``data[].post`` text, photo attachments with ``media_metadata.photo_metadata
.exif_data`` and tagged places with a ``coordinate``), ``comments_and_reactions/
comments.json``, one ``messages/inbox/<name>_<id>/message_1.json`` per conversation
(messages newest first, ``sender_name``/``timestamp_ms``/``content``, photos by ``uri``),
``connections/friends/your_friends.json``. Every string is written the way Meta's exporter
writes it: each UTF-8 byte as its own ``\\u00XX`` escape.

As in real exports, photos attached to posts carry no EXIF (Facebook strips it; their GPS
sits in the JSON ``exif_data``), while the photo sent in Messenger keeps its EXIF.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from privaudit.demo.export import (
    HOME_AND_KIT,
    Export,
    account_facts,
    answer_key,
    code,
    epoch,
    meta_json,
    meta_thread,
    number,
    plain_photo,
    pointer_of,
)
from privaudit.demo.persona import EXPORT_TIME, Persona, Story

ACT = "your_facebook_activity"
POSTS = f"{ACT}/posts/your_posts__check_ins__photos_and_videos_1.json"
PROFILE = "personal_information/profile_information/profile_information.json"
THREADS = ("friend", "coworker", "parent", "scam")


def build(story: Story) -> Export:
    """The Facebook export of ``story``."""
    p = story.persona
    username = f"{p.first.lower()}.{p.last.lower()}.demo"
    tag = code(p.rng_tag, 8)
    root = f"facebook-{username.replace('.', '')}-{EXPORT_TIME:%d_%m_%Y}-{tag}"
    export = Export("facebook", "Facebook", root)
    where: dict[str, tuple[str, str]] = {}

    profile = _profile(p, username)
    export.add(PROFILE, meta_json(profile))

    # Posts, newest first.
    posts: list[Any] = []
    for item in sorted(story.posts(), key=lambda i: i.when, reverse=True):
        post: dict[str, Any] = {
            "timestamp": epoch(item.when),
            "data": [{"post": item.text}, {"update_timestamp": epoch(item.when)}],
            "title": f"{p.name} updated their status.",
        }
        index = len(posts)
        base = f"/{index}/attachments/0/data/0"
        if item.photo is not None:
            media_id = number(f"{p.seed}:photo:{item.key}", 15)
            uri = f"{ACT}/posts/media/Mobileuploads_{p.seed}/{media_id}.jpg"
            lat, lon = item.photo.gps or (0.0, 0.0)
            exif: dict[str, Any] = {
                "upload_ip": "203.0.113.77",
                "taken_timestamp": epoch(item.photo.taken),
                "latitude": lat,
                "longitude": lon,
                "camera_make": "Apple",
                "camera_model": "iPhone 13",
                "orientation": 1,
                "original_width": 4032,
                "original_height": 3024,
            }
            media = {
                "uri": uri,
                "creation_timestamp": epoch(item.when),
                "media_metadata": {"photo_metadata": {"exif_data": [exif]}},
                "title": "Mobile uploads",
                "description": item.text,
            }
            post["attachments"] = [{"data": [{"media": media}]}]
            post["title"] = f"{p.name} added a new photo."
            export.add(uri, plain_photo(item, item.photo.palette))
            where[item.key] = (
                POSTS,
                f"{base}/media/media_metadata/photo_metadata/exif_data/0/latitude",
            )
        elif item.geotag is not None:
            lat, lon = item.geotag
            post["attachments"] = [
                {
                    "data": [
                        {
                            "place": {
                                "name": "Home Sweet Home",
                                "coordinate": {"latitude": lat, "longitude": lon},
                            }
                        }
                    ]
                }
            ]
            post["title"] = f"{p.name} was at Home Sweet Home."
            where[item.key] = (POSTS, f"{base}/place/coordinate")
        posts.append(post)
    for item in story.posts():
        if item.key not in where:
            where[item.key] = (POSTS, pointer_of(posts, item.text))
    export.add(POSTS, meta_json(posts))
    export.add(f"{ACT}/posts/your_uncategorized_photos.json", meta_json({"other_photos_v2": []}))

    export.add(
        f"{ACT}/comments_and_reactions/comments.json",
        meta_json(
            {
                "comments_v2": [
                    {
                        "timestamp": epoch(datetime(2024, 9, 1, 16, 4, tzinfo=EXPORT_TIME.tzinfo)),
                        "data": [
                            {
                                "comment": {
                                    "timestamp": epoch(
                                        datetime(2024, 9, 1, 16, 4, tzinfo=EXPORT_TIME.tzinfo)
                                    ),
                                    "comment": "So good to see you both 😊 congrats again!",
                                    "author": p.name,
                                }
                            }
                        ],
                        "title": f"{p.name} commented on {p.friend2[0]}'s photo.",
                    }
                ]
            }
        ),
    )

    # Messenger: one folder per conversation, messages newest first.
    people = {"friend": p.friend, "coworker": p.coworker, "parent": p.parent, "scam": p.scammer}
    for thread in THREADS:
        other = people[thread][0]
        folder = f"{_slug(other)}_{number(f'{p.seed}:thread:{thread}', 15)}"
        rel = f"{ACT}/messages/inbox/{folder}/message_1.json"
        meta_thread(
            export,
            story,
            where,
            thread,
            other,
            rel,
            thread_path=f"inbox/{folder}",
            photo_dir=f"messages/inbox/{folder}/photos/",
            photo_id=("dmphoto", 15, 1),
            member_root=f"{ACT}/",
            extra={"thread_type": "Regular"},
        )

    export.add(
        "connections/friends/your_friends.json",
        meta_json(
            {
                "friends_v2": [
                    {
                        "name": name,
                        "timestamp": epoch(datetime(2015 + i, 3, 2, tzinfo=EXPORT_TIME.tzinfo)),
                    }
                    for i, (name, _) in enumerate((p.friend, p.friend2, p.coworker, p.parent))
                ]
            }
        ),
    )
    export.add(
        "security_and_login_information/logins_and_logouts.json",
        meta_json(
            {
                "account_accesses_v2": [
                    {
                        "action": "Login",
                        "timestamp": epoch(EXPORT_TIME - timedelta(days=1)),
                        "site": "www.facebook.com",
                        "ip_address": "198.51.100.23",
                    }
                ]
            }
        ),
    )

    account_facts(
        export,
        p,
        (PROFILE, "/profile_v2/birthday"),
        (PROFILE, pointer_of(profile, p.phone_e164)),
        (PROFILE, pointer_of(profile, p.email)),
    )
    answer_key(export, story, where, "followers")
    export.inferred += HOME_AND_KIT
    export.notes.append(
        "Facebook posts carry no audience in the export, so privaudit rates them as seen by "
        "friends (Facebook's default); photos attached to posts are stripped of EXIF, but "
        "their position is kept in the JSON exif_data, which is where the report points."
    )
    return export


def _profile(p: Persona, username: str) -> dict[str, Any]:
    tz = EXPORT_TIME.tzinfo
    return {
        "profile_v2": {
            "name": {"full_name": p.name, "first_name": p.first, "middle_name": "",
                     "last_name": p.last},
            "emails": {"emails": [p.email], "previous_emails": [], "pending_emails": [],
                       "ad_account_emails": []},
            "birthday": {"year": p.birthday.year, "month": p.birthday.month,
                         "day": p.birthday.day},
            "gender": {"gender_option": "PREFER_NOT_TO_SAY", "pronoun": "NEUTRAL"},
            "previous_names": [],
            "other_names": [],
            "current_city": {"name": f"{p.town.city}, {p.town.state_name}",
                             "timestamp": epoch(datetime(2021, 8, 1, tzinfo=tz))},
            "work_experiences": [
                {"employer": p.employer, "title": "Product designer",
                 "start_timestamp": epoch(datetime(2020, 9, 1, tzinfo=tz)),
                 "timestamp": epoch(datetime(2020, 9, 2, tzinfo=tz))}
            ],
            "phone_numbers": [
                {"phone_type": "Mobile", "phone_number": p.phone_e164, "verified": True}
            ],
            "username": username,
            "registration_timestamp": epoch(datetime(2011, 2, 14, 9, 30, tzinfo=tz)),
            "profile_uri": f"https://www.facebook.com/{username}",
        }
    }  # fmt: skip


def _slug(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())
