"""Write large synthetic archives for the performance benchmarks, deterministically.

Everything is a fictional persona: the words, numbers, handles and places come from the
small vocabularies below and a seeded random generator, so the same arguments always give
the same bytes. Two kinds of archive:

* **X** — ``data/manifest.js``, account files, one ``tweets.js`` with N tweets (two-space
  indented like X's exporter), ``direct-messages.js`` with M messages in conversations,
  likes and followers (read by the floor, ignored by privaudit), and photos in
  ``tweets_media/`` and ``direct_messages_media/``, some with an EXIF GPS fix. About one post
  in a hundred carries a planted disclosure (a phone number, an address, a birthday, an
  away-from-home announcement, a card number), so the scan finds and assesses something.
* **Takeout photos** — ``Takeout/Google Photos/Photos from 20xx/`` with N JPEGs (some with
  GPS) and their ``.supplemental-metadata.json`` sidecars.

Usage (from the repository root)::

    python -m benchmarks.perf.generate x /tmp/bench/x-100k.zip --tweets 100000 --dms 10000 \\
        --photos 3000
    python -m benchmarks.perf.generate takeout /tmp/bench/takeout-photos --photos 3000

An output ending in ``.zip`` is written as a zip (JSON deflated, photos deflated at the
fastest level: JPEG data does not compress), anything else as a folder.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

START = datetime(2012, 3, 1, tzinfo=UTC)
END = datetime(2024, 10, 31, tzinfo=UTC)
ME_ID = "1402938475610234881"
ME_NAME = "maren_okafor_bench"
ME_DISPLAY = "Maren Okafor"
TWEPOCH_MS = 1288834974657

FRIENDS = [
    ("trailbuddy_jo", "Jo Alvarez"), ("kettle_and_fern", "Ines Varga"),
    ("priya_runs_pnw", "Priya N."), ("benji_hills", "Benji"), ("coastal_tomas", "Tomás R."),
    ("nightshift_lee", "Lee Park"), ("oat_milk_oscar", "Oscar Lind"), ("the_real_wren", "Wren"),
    ("ShopCo", "ShopCo Help"), ("cityparks_dept", "City Parks"), ("metro_transit", "Metro"),
    ("bookclub_fri", "Friday Books"),
]  # fmt: skip
PLACES = ["Tiger Mountain", "the waterfront", "Green Lake", "the farmers market", "downtown",
          "the lake loop", "Cedar Falls", "the old mill", "Harbor Street", "the north trail",
          "the library", "Union Station", "the stadium", "Pine Ridge",
          "the community garden"]  # fmt: skip
TOPICS = [
    "Coffee, then a long one at {place}. Who's in?",
    "Regression suite green for the first time in a week",
    "{n} miles this morning and my legs are done",
    "Anyone else watching the game tonight? {score} at the half",
    "New personal best on the {km}k: {mins}:{secs:02d}",
    "Rain again. Of course it rains on the one day I planned to be at {place}",
    "Reading '{book}' and I cannot put it down",
    "Tried the new ramen place near {place}, {stars}/10 would go again",
    "Meeting moved to {hour}:{minute:02d}, which means no lunch run today",
    "The cat knocked {n} things off the table before 7am",
    "Finally fixed the bug that has been haunting the build since version {ver}",
    "Sunset from {place} tonight was unreal",
    "Who has a good recipe for banana bread? Mine came out flat",
    "Hot take: {thing} is overrated",
    "Podcast recommendation thread, go",
    "Shipping v{ver} today. Changelog is long, grab a coffee",
    "{n} days until the half marathon and I have not tapered at all",
    "Lost my headphones somewhere around {place}, if you find them they are blue",
    "Train delayed {n} minutes again, the usual",
    "Grocery list: eggs, spinach, oats, {n} bananas, more coffee",
    "Happy Friday! Plans: nothing, absolutely nothing",
    "It's {temp}°F and people are wearing shorts",
    "Our team won {score} and I lost my voice cheering",
    "Rewatching season {n} for the {ord} time, no regrets",
    "Bus {route} was packed today, standing room only from {place}",
    "Brunch at {place} with the crew, {n} pancakes later",
    "Question for the timeline: tabs or spaces? Wrong answers only",
    "That feeling when the tests pass on the first try. Suspicious.",
    "Spent ${price} on plants this weekend and regret nothing",
    "Throwback to the {year} race, still my favourite course",
]  # fmt: skip
THINGS = ["pineapple on pizza", "oat milk", "standing desks", "dark mode", "running at 5am",
          "pumpkin spice", "open offices", "the new phone", "mechanical keyboards"]  # fmt: skip
BOOKS = ["The Long Way Home", "Cartographers of Rain", "Salt and Signal", "Winter Orchard",
         "A Field Guide to Quiet"]  # fmt: skip
EMOJI = ["☕", "🎉", "🏃‍♀️", "😂", "🙃", "🌧️", "🔥", "❤️", "👀", "🐈", "📚", "🌅", "🍜", "💪"]
HASHTAGS = ["running", "coffee", "tbt", "python", "rainyday", "weekend", "halfmarathon",
            "bookclub", "catsoftwitter", "sunset", "devlife", "ramen"]  # fmt: skip
DM_LINES = [
    "are we still on for {hour}:{minute:02d}?", "yes! see you at {place}", "running late, {n} min",
    "did you see the game last night", "lol", "ok sounds good", "can you send me the link",
    "thanks so much!!", "haha same", "I'll bring the snacks", "how was the race?",
    "{n} miles in the rain, never again", "call you later", "happy friday 🎉",
    "can't make it tonight, sorry", "what time does it start", "got it, thanks",
]  # fmt: skip
PLANTED = [
    "new number, text me at (206) 555-01{d2}",
    "you can reach me at maren.okafor{d2}@examplemail.com for the race photos",
    "my birthday is March {day}, {year}, cake is mandatory",
    "moved into our new place at {house} Alder Street, Seattle, WA 98103",
    "out of town until the {day}th, the house is empty, plants please survive",
    "the gate code for the garage is {pin}, don't tell anyone lol",
    "card kept getting declined: 4111 1111 1111 1111 is what the form wants??",
    "I'm {age} today and feeling every one of those years",
    "home alone all week, partner is away until sunday",
    "my passport number is X{d2}{d2}{d2}{d2}{d2} for the booking form, right?",
]  # fmt: skip


# -- ids and times -------------------------------------------------------------------------


def snowflake(when: datetime, rng: random.Random) -> str:
    ms = int(when.timestamp() * 1000)
    return str(((ms - TWEPOCH_MS) << 22) | rng.getrandbits(22))


def twitter_date(when: datetime) -> str:
    return when.strftime("%a %b %d %H:%M:%S +0000 %Y")


def iso_ms(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def short_code(rng: random.Random, n: int = 10) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(alphabet) for _ in range(n))


def times(rng: random.Random, n: int) -> list[datetime]:
    """``n`` sorted moments between START and END, newest first (as X lists tweets)."""
    span = (END - START).total_seconds()
    return sorted((START + timedelta(seconds=rng.random() * span) for _ in range(n)), reverse=True)


# -- text ----------------------------------------------------------------------------------


def fill(template: str, rng: random.Random) -> str:
    return template.format(
        place=rng.choice(PLACES), n=rng.randint(2, 40), score=f"{rng.randint(0, 5)}-"
        f"{rng.randint(0, 5)}", km=rng.choice([5, 10, 21]), mins=rng.randint(18, 99),
        secs=rng.randint(0, 59), book=rng.choice(BOOKS), stars=rng.randint(5, 10),
        hour=rng.randint(7, 20), minute=rng.choice([0, 15, 30, 45]),
        ver=f"{rng.randint(1, 9)}.{rng.randint(0, 20)}", thing=rng.choice(THINGS),
        temp=rng.randint(20, 99), ord=rng.choice(["3rd", "4th", "5th"]),
        route=rng.randint(2, 70), price=rng.randint(12, 180), year=rng.randint(2009, 2023),
        d2=f"{rng.randint(10, 99)}", day=rng.randint(2, 28), house=rng.randint(100, 9999),
        pin=rng.randint(1000, 9999), age=rng.randint(22, 58),
    )  # fmt: skip


def tweet_text(rng: random.Random) -> tuple[str, dict[str, list[Any]]]:
    """A tweet's text and its entities (mentions, hashtags, urls with their indices)."""
    planted = rng.random() < 0.01
    body = fill(rng.choice(PLANTED if planted else TOPICS), rng)
    mentions: list[Any] = []
    hashtags: list[Any] = []
    urls: list[Any] = []
    text = ""
    if rng.random() < 0.3:
        screen, name = rng.choice(FRIENDS)
        text = f"@{screen} "
        mentions.append(
            {"name": name, "screen_name": screen, "indices": ["0", str(len(screen) + 1)]}
        )
    text += body
    if rng.random() < 0.3:
        text += " " + rng.choice(EMOJI)
    if rng.random() < 0.2:
        tag = rng.choice(HASHTAGS)
        start = len(text) + 1
        text += f" #{tag}"
        hashtags.append({"text": tag, "indices": [str(start), str(start + len(tag) + 1)]})
    if rng.random() < 0.25:
        start = len(text) + 1
        url = f"https://t.co/{short_code(rng)}"
        text += " " + url
        urls.append(
            {"url": url, "expanded_url": f"https://example.org/{short_code(rng, 6)}",
             "display_url": "example.org/…", "indices": [str(start), str(start + len(url))]}
        )  # fmt: skip
    return text, {"hashtags": hashtags, "symbols": [], "user_mentions": mentions, "urls": urls}


# -- X archive -----------------------------------------------------------------------------


def ytd(name: str, part: int = 0) -> bytes:
    return f"window.YTD.{name}.part{part} = ".encode()


def array_chunks(items: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    """A two-space indented JSON array, one item at a time (X's exporter layout)."""
    yield b"[\n"
    first = True
    for item in items:
        body = orjson.dumps(item, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
        yield (b"" if first else b",\n") + b"  " + body
        first = False
    yield b"\n]"


def whole(name: str, items: list[dict[str, Any]]) -> Iterator[bytes]:
    yield ytd(name)
    yield from array_chunks(iter(items))


class Writer:
    """Files into a zip (JSON deflated) or a folder, streamed."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.zip: zipfile.ZipFile | None = None
        if out.suffix == ".zip":
            out.parent.mkdir(parents=True, exist_ok=True)
            self.zip = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        else:
            out.mkdir(parents=True, exist_ok=True)
        self.bytes = 0
        self.files = 0

    def write(self, name: str, chunks: Iterator[bytes] | bytes, *, media: bool = False) -> None:
        parts = [chunks] if isinstance(chunks, bytes) else chunks
        self.files += 1
        if self.zip is not None:
            info = zipfile.ZipInfo(name, date_time=(2024, 11, 3, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info._compresslevel = 1 if media else 6  # type: ignore[attr-defined]
            with self.zip.open(info, "w", force_zip64=True) as handle:
                for part in parts:
                    handle.write(part)
                    self.bytes += len(part)
            return
        path = self.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            for part in parts:
                handle.write(part)
                self.bytes += len(part)

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


def x_archive(out: Path, tweets: int, dms: int, photos: int, gps_share: float, photo_kb: int,
              seed: int) -> Writer:  # fmt: skip
    rng = random.Random(seed)
    w = Writer(out)
    root = ""
    tweet_times = times(rng, tweets)
    tweet_ids = [snowflake(t, rng) for t in tweet_times]
    # Photos: two thirds in tweets, one third in DMs.
    tweet_photos = min(tweets, photos * 2 // 3)
    dm_photos = photos - tweet_photos
    photo_tweets = set(rng.sample(range(tweets), tweet_photos)) if tweet_photos else set()
    media_keys: dict[int, str] = {}

    def tweet_items() -> Iterator[dict[str, Any]]:
        for i, (when, tid) in enumerate(zip(tweet_times, tweet_ids, strict=True)):
            retweet = rng.random() < 0.08
            if retweet:
                screen, _ = rng.choice(FRIENDS)
                text = f"RT @{screen}: " + fill(rng.choice(TOPICS), rng)
                entities: dict[str, list[Any]] = {
                    "hashtags": [], "symbols": [], "urls": [],
                    "user_mentions": [
                        {"screen_name": screen, "indices": ["3", str(len(screen) + 4)]}
                    ],
                }  # fmt: skip
            else:
                text, entities = tweet_text(rng)
            tweet: dict[str, Any] = {
                "edit_info": {"initial": {"editTweetIds": [tid], "editableUntil": iso_ms(when),
                                          "editsRemaining": "5", "isEditEligible": True}},
                "retweeted": False,
                "source": '<a href="http://twitter.com/download/iphone" rel="nofollow">'
                "Twitter for iPhone</a>",
                "entities": entities,
                "display_text_range": ["0", str(len(text))],
                "favorite_count": str(rng.randint(0, 40)),
                "id_str": tid,
                "truncated": False,
                "retweet_count": str(rng.randint(0, 5)),
                "id": tid,
                "created_at": twitter_date(when),
                "favorited": False,
                "full_text": text,
                "lang": "en",
            }  # fmt: skip
            if entities["user_mentions"] and text.startswith("@"):
                tweet["in_reply_to_status_id_str"] = str(int(tid) - 999_999)
                tweet["in_reply_to_screen_name"] = entities["user_mentions"][0]["screen_name"]
            if rng.random() < 0.01:
                lat, lon = 47.6 + rng.random() / 10, -122.4 + rng.random() / 10
                tweet["geo"] = {"type": "Point", "coordinates": [f"{lat:.6f}", f"{lon:.6f}"]}
                tweet["coordinates"] = {
                    "type": "Point",
                    "coordinates": [f"{lon:.6f}", f"{lat:.6f}"],
                }
            if i in photo_tweets:
                key = short_code(rng, 15)
                media_keys[i] = key
                tweet["extended_entities"] = {"media": [{
                    "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg",
                    "id_str": str(int(tid) + 1), "type": "photo",
                    "expanded_url": f"https://x.com/{ME_NAME}/status/{tid}/photo/1",
                }]}  # fmt: skip
            yield {"tweet": tweet}

    w.write(root + "data/tweets.js", _prefixed(ytd("tweets"), array_chunks(tweet_items())))

    # Direct messages: conversations of ~50 messages, half of them the owner's.
    dm_items: list[dict[str, Any]] = []
    dm_media: list[str] = []
    dm_photo_idx = set(rng.sample(range(dms), min(dms, dm_photos))) if dms else set()
    done = 0
    conv = 0
    while done < dms:
        size = min(dms - done, rng.randint(20, 80))
        other = str(10**17 + conv * 7919)
        messages = []
        for when in times(rng, size):
            mine = rng.random() < 0.5
            mid = snowflake(when, rng)
            text = fill(rng.choice(PLANTED if rng.random() < 0.005 else DM_LINES), rng)
            media_urls = []
            if done in dm_photo_idx:
                key = short_code(rng, 8)
                dm_media.append(f"{mid}-{key}.jpg")
                media_urls.append(f"https://ton.twitter.com/dm/{mid}/{mid}/{key}.jpg")
            messages.append({"messageCreate": {
                "recipientId": other if mine else ME_ID, "reactions": [], "urls": [],
                "text": text, "mediaUrls": media_urls, "senderId": ME_ID if mine else other,
                "id": mid, "createdAt": iso_ms(when)}})  # fmt: skip
            done += 1
        dm_items.append(
            {"dmConversation": {"conversationId": f"{ME_ID}-{other}", "messages": messages}}
        )
        conv += 1
    w.write(root + "data/direct-messages.js", whole("direct_messages", dm_items))

    likes = [{"like": {"tweetId": str(10**18 + i), "fullText": fill(rng.choice(TOPICS), rng),
                       "expandedUrl": f"https://x.com/i/web/status/{10**18 + i}"}}
             for i in range(tweets // 2)]  # fmt: skip
    w.write(root + "data/like.js", whole("like", likes))
    followers = [{"follower": {"accountId": str(10**9 + i),
                               "userLink": f"https://x.com/intent/user?user_id={10**9 + i}"}}
                 for i in range(max(50, tweets // 20))]  # fmt: skip
    w.write(root + "data/follower.js", whole("follower", followers))
    _x_account_files(w, root)
    _x_manifest(w, root, tweets, dms)

    # Photos.
    photo_rng = random.Random(seed + 1)
    for i in sorted(photo_tweets):
        name = f"{tweet_ids[i]}-{media_keys[i]}.jpg"
        w.write(
            root + "data/tweets_media/" + name, jpeg(photo_rng, gps_share, photo_kb), media=True
        )
    for name in dm_media:
        w.write(root + "data/direct_messages_media/" + name, jpeg(photo_rng, gps_share, photo_kb),
                media=True)  # fmt: skip
    w.close()
    return w


def _prefixed(prefix: bytes, chunks: Iterator[bytes]) -> Iterator[bytes]:
    yield prefix
    yield from chunks


def _x_account_files(w: Writer, root: str) -> None:
    w.write(root + "data/account.js", whole("account", [{"account": {
        "email": "maren.okafor@examplemail.com", "createdVia": "web", "username": ME_NAME,
        "accountId": ME_ID, "createdAt": "2011-06-01T10:00:00.000Z",
        "accountDisplayName": ME_DISPLAY}}]))  # fmt: skip
    w.write(root + "data/profile.js", whole("profile", [{"profile": {"description": {
        "bio": "Runner, tester, cat person. Opinions my own.", "website": "",
        "location": "Seattle, WA"}, "avatarMediaUrl": "", "headerMediaUrl": ""}}]))  # fmt: skip
    w.write(root + "data/ageinfo.js", whole("ageinfo", [{"ageMeta": {"ageInfo": {
        "age": ["33"], "birthDate": "1991-03-14"}}}]))  # fmt: skip
    w.write(root + "data/phone-number.js", whole("phone_number", [{"device": {
        "phoneNumber": "+12065550147"}}]))  # fmt: skip


def _x_manifest(w: Writer, root: str, tweets: int, dms: int) -> None:
    def entry(file: str, glob: str, count: int) -> dict[str, Any]:
        return {"files": [{"fileName": f"data/{file}", "globalName": f"YTD.{glob}.part0",
                           "count": str(count)}]}  # fmt: skip

    config = {
        "userInfo": {"accountId": ME_ID, "userName": ME_NAME, "displayName": ME_DISPLAY},
        "archiveInfo": {"sizeBytes": "0", "generationDate": "2024-11-03T12:00:00.000Z",
                        "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
        "dataTypes": {
            "account": entry("account.js", "account", 1),
            "ageinfo": entry("ageinfo.js", "ageinfo", 1),
            "directMessages": {"mediaDirectory": "data/direct_messages_media",
                               **entry("direct-messages.js", "direct_messages", dms)},
            "follower": entry("follower.js", "follower", 0),
            "like": entry("like.js", "like", tweets // 2),
            "phoneNumber": entry("phone-number.js", "phone_number", 1),
            "profile": entry("profile.js", "profile", 1),
            "tweets": {"mediaDirectory": "data/tweets_media",
                       **entry("tweets.js", "tweets", tweets)},
        },
    }  # fmt: skip
    w.write(root + "data/manifest.js", b"window.__THAR_CONFIG = " + orjson.dumps(
        config, option=orjson.OPT_INDENT_2))  # fmt: skip


# -- photos --------------------------------------------------------------------------------

_BASE_JPEG: bytes | None = None


def _base_jpeg() -> bytes:
    """A tiny real JPEG (64x48, no metadata) whose segments follow the inserted EXIF."""
    global _BASE_JPEG
    if _BASE_JPEG is None:
        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), (90, 140, 200)).save(buffer, "JPEG", quality=80)
        _BASE_JPEG = buffer.getvalue()
    return _BASE_JPEG


def jpeg(rng: random.Random, gps_share: float, kb: int) -> bytes:
    """A JPEG with camera EXIF (GPS in ``gps_share`` of them) and ~``kb`` KiB of image data."""
    from PIL import Image, TiffImagePlugin

    exif = Image.Exif()
    exif[0x010F] = rng.choice(["Apple", "Google", "samsung"])
    exif[0x0110] = rng.choice(["iPhone 13", "Pixel 7", "SM-G991B"])
    exif[0x0131] = "17.6.1"
    moment = START + timedelta(seconds=rng.random() * (END - START).total_seconds())
    stamp = moment.strftime("%Y:%m:%d %H:%M:%S")
    exif[0x0132] = stamp
    sub = exif.get_ifd(0x8769)
    sub[0x9003] = stamp
    sub[0x9011] = "-07:00"
    if rng.random() < gps_share:
        r = TiffImagePlugin.IFDRational
        lat, lon = 47.5 + rng.random() * 0.3, -122.45 + rng.random() * 0.3
        gps = exif.get_ifd(0x8825)
        gps[0] = b"\x02\x02\x00\x00"
        gps[1], gps[3] = "N", "W"
        for tag, value in ((2, lat), (4, abs(lon))):
            deg = int(value)
            minutes = int((value - deg) * 60)
            seconds = round(((value - deg) * 60 - minutes) * 6000)
            gps[tag] = (r(deg, 1), r(minutes, 1), r(seconds, 100))
    blob = exif.tobytes()
    if not blob.startswith(b"Exif\x00\x00"):  # older Pillow returns the TIFF part only
        blob = b"Exif\x00\x00" + blob
    base = _base_jpeg()
    app1 = b"\xff\xe1" + (len(blob) + 2).to_bytes(2, "big") + blob
    # Image data: random bytes before the end marker stand in for a real photo's scan data.
    payload = rng.randbytes(max(0, kb * 1024 + rng.randint(-kb * 300, kb * 300)))
    return base[:2] + app1 + base[2:-2] + payload.replace(b"\xff", b"\xfe") + base[-2:]


def takeout_photos(out: Path, photos: int, gps_share: float, photo_kb: int, seed: int) -> Writer:
    rng = random.Random(seed)
    w = Writer(out)
    for i in range(photos):
        year = 2015 + i * 10 // max(photos, 1)
        folder = f"Takeout/Google Photos/Photos from {year}/"
        name = f"IMG_{year}{i:06d}.jpg"
        data = jpeg(rng, gps_share, photo_kb)
        w.write(folder + name, data, media=True)
        taken = int((START + timedelta(days=i % 4000)).timestamp())
        has_geo = rng.random() < gps_share
        lat, lon = (47.5 + rng.random() * 0.3, -122.45 + rng.random() * 0.3) if has_geo else (0, 0)
        geo = {"latitude": lat, "longitude": lon, "altitude": 0.0, "latitudeSpan": 0.0,
               "longitudeSpan": 0.0}  # fmt: skip
        sidecar = {
            "title": name, "description": "", "imageViews": str(rng.randint(0, 20)),
            "creationTime": {"timestamp": str(taken + 60), "formatted": "synthetic"},
            "photoTakenTime": {"timestamp": str(taken), "formatted": "synthetic"},
            "geoData": geo, "geoDataExif": geo,
            "url": f"https://photos.google.com/photo/AF1Qip{i:08d}",
            "googlePhotosOrigin": {"mobileUpload": {"deviceType": "ANDROID_PHONE"}},
        }  # fmt: skip
        side = (name + ".supplemental-metadata")[:46] + ".json"
        w.write(folder + side, json.dumps(sidecar, indent=2).encode())
    w.close()
    return w


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="kind", required=True)
    px = sub.add_parser("x", help="an X archive")
    px.add_argument("out", type=Path, help="output: a .zip file or a folder")
    px.add_argument("--tweets", type=int, default=100_000)
    px.add_argument("--dms", type=int, default=10_000)
    px.add_argument("--photos", type=int, default=3_000)
    px.add_argument("--photo-kb", type=int, default=150, help="average image size (KiB)")
    px.add_argument("--gps-share", type=float, default=0.3)
    px.add_argument("--seed", type=int, default=7)
    pt = sub.add_parser("takeout", help="a Google Takeout photo set")
    pt.add_argument("out", type=Path)
    pt.add_argument("--photos", type=int, default=3_000)
    pt.add_argument("--photo-kb", type=int, default=300)
    pt.add_argument("--gps-share", type=float, default=0.5)
    pt.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.kind == "x":
        w = x_archive(args.out, args.tweets, args.dms, args.photos, args.gps_share,
                      args.photo_kb, args.seed)  # fmt: skip
    else:
        w = takeout_photos(args.out, args.photos, args.gps_share, args.photo_kb, args.seed)
    size = os.path.getsize(args.out) if args.out.suffix == ".zip" else w.bytes
    print(
        f"wrote {args.out}: {w.files:,} files, {w.bytes / 1e6:,.1f} MB inflated, "
        f"{size / 1e6:,.1f} MB on disk, in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
