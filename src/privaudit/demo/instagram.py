"""The demo story as an Instagram export: ``instagram-<username>-YYYY-MM-DD-<random>/``.

The JSON layout of Instagram's "Download your information" since 2024:
``personal_information/personal_information/personal_information.json`` (``profile_user``
with ``string_map_data``), ``your_instagram_activity/media/posts_1.json`` and
``stories.json`` (the caption in ``media[].title``, positions in ``media_metadata
.photo_metadata.exif_data``), ``your_instagram_activity/comments/post_comments_1.json``,
``your_instagram_activity/messages/inbox/<username>_<id>/message_1.json`` (the Messenger
thread shape) and the photos themselves under ``media/posts/YYYYMM/``. Strings are written
with Meta's byte-per-escape encoding, as the real exporter does.

Every Instagram post is a photo, so the story's text posts become captions of ordinary
photos; the geotagged post becomes a story. As in real exports, exported photos carry no
EXIF (their GPS is in the JSON), while the photo sent in a direct message keeps it.
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
from privaudit.demo.persona import EXPORT_TIME, Story

ACT = "your_instagram_activity"
PROFILE = "personal_information/personal_information/personal_information.json"
POSTS = f"{ACT}/media/posts_1.json"
STORIES = f"{ACT}/media/stories.json"
THREADS = ("friend", "coworker", "parent", "scam")
_PLAIN = ((210, 200, 190), (170, 160, 150), (120, 110, 100), (70, 64, 60))


def build(story: Story) -> Export:
    """The Instagram export of ``story``."""
    p = story.persona
    username = f"{p.first.lower()}.{p.last.lower()}.demo"
    root = f"instagram-{username.replace('.', '_')}-{EXPORT_TIME:%Y-%m-%d}-{code(p.rng_tag, 8)}"
    export = Export("instagram", "Instagram", root)
    where: dict[str, tuple[str, str]] = {}

    profile = {
        "profile_user": [
            {
                "title": "",
                "media_map_data": {},
                "string_map_data": _smd(
                    {
                        "Email": p.email,
                        "Phone Confirmed": "True",
                        "Phone Number": p.phone_e164,
                        "Username": username,
                        "Name": p.name,
                        "Bio": f"Product designer ✏️ coffee, bikes, bad puns · {p.town.city}",
                        "Gender": "prefer not to say",
                        "Date of birth": p.birthday.isoformat(),
                        "Private Account": "False",
                    }
                ),
            }
        ]
    }
    export.add(PROFILE, meta_json(profile))
    export.add(
        "security_and_login_information/login_and_account_creation/account_privacy_changes.json",
        meta_json(
            {
                "account_history_account_privacy_history": [
                    {
                        "title": "Public",
                        "media_map_data": {},
                        "string_map_data": _smd(
                            {"Time": epoch(datetime(2019, 4, 2, 12, tzinfo=EXPORT_TIME.tzinfo))}
                        ),
                    }
                ]
            }
        ),
    )

    # Posts (every post is a photo) and the one story, newest first.
    posts: list[Any] = []
    stories: list[Any] = []
    for item in sorted(story.posts(), key=lambda i: i.when, reverse=True):
        media_id = number(f"{p.seed}:media:{item.key}", 17, 17)
        folder = "stories" if item.geotag is not None else "posts"
        uri = f"media/{folder}/{item.when:%Y%m}/{media_id}.jpg"
        entry: dict[str, Any] = {"uri": uri, "creation_timestamp": epoch(item.when)}
        gps = item.photo.gps if item.photo is not None else item.geotag
        palette = item.photo.palette if item.photo is not None else _PLAIN
        if gps is not None:
            taken = item.photo.taken if item.photo is not None else item.when
            local = taken + timedelta(hours=p.town.utc_offset)
            entry["media_metadata"] = {
                "photo_metadata": {
                    "exif_data": [
                        {
                            "latitude": gps[0],
                            "longitude": gps[1],
                            "date_time_original": f"{local:%Y:%m:%d %H:%M:%S}",
                            "source_type": "camera",
                        }
                    ]
                }
            }
        entry["title"] = item.text
        entry["cross_post_source"] = {"source_app": "FB"}
        export.add(uri, plain_photo(item, palette))
        if item.geotag is not None:
            stories.append(entry)
            ptr = f"/ig_stories/{len(stories) - 1}"
            member = STORIES
        else:
            posts.append({"media": [entry]})
            ptr = f"/{len(posts) - 1}/media/0"
            member = POSTS
        if gps is not None:
            where[item.key] = (member, f"{ptr}/media_metadata/photo_metadata/exif_data/0/latitude")
        else:
            where[item.key] = (member, f"{ptr}/title")
    export.add(POSTS, meta_json(posts))
    export.add(STORIES, meta_json({"ig_stories": stories}))
    export.add(
        f"{ACT}/comments/post_comments_1.json",
        meta_json(
            [
                {
                    "media_list_data": [{"uri": ""}],
                    "string_map_data": _smd(
                        {
                            "Comment": "So good to see you both 😊 congrats again!",
                            "Media Owner": p.friend2[1],
                            "Time": epoch(datetime(2024, 9, 1, 16, 4, tzinfo=EXPORT_TIME.tzinfo)),
                        }
                    ),
                }
            ]
        ),
    )

    people = {"friend": p.friend, "coworker": p.coworker, "parent": p.parent, "scam": p.scammer}
    for thread in THREADS:
        other, handle = people[thread]
        folder = f"{handle.replace('_', '')}_{number(f'{p.seed}:thread:{thread}', 17, 17)}"
        rel = f"{ACT}/messages/inbox/{folder}/message_1.json"
        meta_thread(
            export,
            story,
            where,
            thread,
            other,
            rel,
            thread_path=f"{ACT}/messages/inbox/{folder}",
            photo_dir=f"{ACT}/messages/inbox/{folder}/photos/",
            photo_id=("dm", 17, 17),
        )
    export.add(
        "connections/followers_and_following/followers_1.json",
        meta_json(
            [
                {
                    "title": "",
                    "media_list_data": [],
                    "string_list_data": [
                        {
                            "href": f"https://www.instagram.com/{handle}",
                            "value": handle,
                            "timestamp": epoch(datetime(2020, 1, 1, tzinfo=EXPORT_TIME.tzinfo)),
                        }
                    ],
                }
                for _, handle in (p.friend, p.friend2, p.coworker)
            ]
        ),
    )

    account_facts(
        export,
        p,
        (PROFILE, pointer_of(profile, p.birthday.isoformat())),
        (PROFILE, pointer_of(profile, p.phone_e164)),
        (PROFILE, pointer_of(profile, p.email)),
        "account's personal information",
    )
    answer_key(
        export,
        story,
        where,
        "public",
        rules={"geotag": "photo-gps"},
        mistakes={"geotag": "Story photo taken at home, its GPS position kept by Instagram"},
    )
    export.inferred += HOME_AND_KIT
    export.notes.append(
        "Instagram strips EXIF from the photos it exports but keeps their position in the "
        "JSON exif_data, which is where the report points; the photo sent in a direct "
        "message keeps its EXIF."
    )
    return export


def _smd(values: dict[str, Any]) -> dict[str, Any]:
    """``string_map_data``: label → {href, value, timestamp} (ints are timestamps)."""
    out: dict[str, Any] = {}
    for label, value in values.items():
        if isinstance(value, int):
            out[label] = {"href": "", "value": "", "timestamp": value}
        else:
            out[label] = {"href": "", "value": value, "timestamp": 0}
    return out
