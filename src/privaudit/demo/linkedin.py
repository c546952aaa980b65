"""The demo story as a LinkedIn export: ``Complete_LinkedInDataExport_MM-DD-YYYY/``.

LinkedIn's "Get a copy of your data" is a folder of flat CSV files: ``Profile.csv`` (with the
contact info only 1st-degree connections see: birth date, address), ``PhoneNumbers.csv``
and ``Email Addresses.csv``, ``Shares.csv`` (posts, with their ``Visibility``),
``messages.csv`` (every message of every conversation, fully quoted, with a byte-order
mark), ``Connections.csv`` (behind a ``Notes:`` preamble), ``Positions.csv`` and
``Registration.csv``. Report pointers are ``/<data row>/<column header>``.

LinkedIn keeps no photo positions, so the story's geotag and photo GPS have no place
here; their posts and message stay, as ordinary ones.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from privaudit.demo.export import MONTHS, Export, Inferred, account_facts, answer_key, number
from privaudit.demo.persona import EXPORT_TIME, Audience, Story

THREADS = ("friend", "coworker", "parent", "scam")


def build(story: Story) -> Export:
    """The LinkedIn export of ``story``."""
    p = story.persona
    root = f"Complete_LinkedInDataExport_{EXPORT_TIME:%m-%d-%Y}"
    export = Export("linkedin", "LinkedIn", root)
    where: dict[str, tuple[str, str]] = {}
    me_url = f"https://www.linkedin.com/in/{p.first.lower()}-{p.last.lower()}-demo"
    birth = f"{MONTHS[p.birthday.month - 1][:3]} {p.birthday.day}, {p.birthday.year}"

    export.add(
        "Profile.csv",
        _csv(
            [
                "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
                "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
                "Instant Messengers",
            ],
            [[
                p.first, p.last, "", "", birth, f"Product designer at {p.employer}",
                "Designing calm software for busy people. Coffee, bikes, bad puns.",
                "Design Services", "", f"{p.town.city}, {p.town.state_name}", "", "", "",
            ]],
        ),
    )  # fmt: skip
    export.add(
        "PhoneNumbers.csv",
        _csv(["Extension", "Number", "Type"], [["", p.phone_local, "Mobile"]], bom=True),
    )
    export.add(
        "Email Addresses.csv",
        _csv(
            ["Email Address", "Confirmed", "Primary", "Updated On"],
            [[p.email, "Yes", "Yes", "3/2/15, 9:14 AM"]],
        ),
    )
    export.add(
        "Registration.csv",
        _csv(
            ["Registered At", "Registration Ip", "Subscription Types"],
            [["6/1/11, 10:00 AM", "203.0.113.24", "Basic"]],
        ),
    )
    export.add(
        "Positions.csv",
        _csv(
            ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
            [[p.employer, "Product designer", "Design systems and research.",
              f"{p.town.city}, {p.town.state_name}, United States", "Sep 2020", ""]],
        ),
    )  # fmt: skip
    connections = [
        [name.split()[0], " ".join(name.split()[1:]),
         f"https://www.linkedin.com/in/{handle.replace('_', '-')}", "", "", "",
         f"{3 + i:02d} Mar 20{19 + i}"]
        for i, (name, handle) in enumerate((p.friend, p.friend2, p.coworker))
    ]  # fmt: skip
    export.add(
        "Connections.csv",
        _CONNECTIONS_NOTE
        + _csv(
            ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
             "Connected On"],
            connections,
        ),
    )  # fmt: skip

    # Posts, newest first; LinkedIn's "Anyone" audience is MEMBER_NETWORK.
    shares: list[list[str]] = []
    for item in sorted(story.posts(), key=lambda i: i.when, reverse=True):
        urn = number(f"{p.seed}:share:{item.key}", 19, 7)
        shares.append([
            f"{item.when:%Y-%m-%d %H:%M:%S}",
            f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{urn}",
            item.text, "", "", "MEMBER_NETWORK",
        ])  # fmt: skip
        if item.photo is None and item.geotag is None:
            where[item.key] = ("Shares.csv", f"/{len(shares) - 1}/ShareCommentary")
    export.add(
        "Shares.csv",
        _csv(
            ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"], shares
        ),
    )

    # Messages: every conversation in one file, newest first.
    people = {"friend": p.friend, "coworker": p.coworker, "parent": p.parent, "scam": p.scammer}
    rows: list[list[str]] = []
    messages = [i for i in story.items if i.audience is Audience.MESSAGE]
    for item in sorted(messages, key=lambda i: i.when, reverse=True):
        other, handle = people[item.thread]
        other_url = f"https://www.linkedin.com/in/{handle.replace('_', '-')}"
        sender, sender_url, to, to_url = (
            (p.name, me_url, other, other_url) if item.mine else (other, other_url, p.name, me_url)
        )
        conversation = f"2-{number(f'{p.seed}:conversation:{item.thread}', 24)}"
        rows.append([
            conversation, "", sender, sender_url, to, to_url,
            f"{item.when:%Y-%m-%d %H:%M:%S} UTC", "", item.text, "INBOX", "", "No", "No",
        ])  # fmt: skip
        if item.photo is None:
            where[item.key] = ("messages.csv", f"/{len(rows) - 1}/CONTENT")
    export.add(
        "messages.csv",
        _csv(
            ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
             "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
             "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
            rows,
            bom=True,
            quote_all=True,
        ),
    )  # fmt: skip

    account_facts(
        export,
        p,
        ("Profile.csv", "/0/Birth Date"),
        ("PhoneNumbers.csv", "/0/Number"),
        ("Email Addresses.csv", "/0/Email Address"),
        "profile's contact info",
        exposure="followers",
        birthdate_text=birth,
        phone_text=p.phone_local,
    )
    answer_key(export, story, where, "public")
    export.inferred.append(
        Inferred(
            "identity-theft-kit",
            "name, date of birth, phone number and home address, all in one archive",
        )
    )
    export.notes.append(
        "LinkedIn keeps no photo positions, so the photo and geotag lessons are not in this "
        "export; the birth date in the contact info is seen by 1st-degree connections."
    )
    return export


def _csv(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    bom: bool = False,
    quote_all: bool = False,
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(
        out, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    )
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")


_CONNECTIONS_NOTE = (
    b"Notes:\n"
    b'"When exporting your connection data, you may notice that some of the email addresses '
    b"are missing. You will only see email addresses for connections who have allowed their "
    b'connections to see or download their email address."\n\n'
)
