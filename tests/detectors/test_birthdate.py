from __future__ import annotations

from datetime import UTC, datetime

import pytest

from privaudit.detectors.birthdate import parse_date, parse_structured
from privaudit.model import Category, Confidence, Kind, Role

from .helpers import find

RULE = "birthdate"

# --- first-person statements ---------------------------------------------------------

STATEMENTS = [
    # English
    ("I was born on 14 March 1990 lol", "14 March 1990", "1990-03-14"),
    ("i was born on march 14th, 1990 🙃", "march 14th, 1990", "1990-03-14"),
    ("I was born in Berlin on 14 March 1990", "14 March 1990", "1990-03-14"),
    ("I was born on 3/14/1990 #tbt", "3/14/1990", "1990-03-14"),
    ("my birthday is March 14 🎂", "March 14", "--03-14"),
    ("My birthday is March 14, 1990 and I'm still not over it", "March 14, 1990",
     "1990-03-14"),
    ("my birthday is on the 14th of March", "14th of March", "--03-14"),
    ("my bday's 3/14 btw @dana", "3/14", "--03-14"),
    ("MY BDAY: 14 Mar", "14 Mar", "--03-14"),
    ("DOB: 14.03.1990", "14.03.1990", "1990-03-14"),
    ("Date of birth 1990-03-14", "1990-03-14", "1990-03-14"),
    # Spanish
    ("nací el 14 de marzo de 1990 😅", "14 de marzo de 1990", "1990-03-14"),
    ("yo naci en Sevilla el 14 de marzo de 1990", "14 de marzo de 1990", "1990-03-14"),
    ("mi cumpleaños es el 14 de marzo", "14 de marzo", "--03-14"),
    ("mi cumple es el 14/03 👀", "14/03", "--03-14"),
    # German
    ("ich bin am 14. März 1990 geboren", "14. März 1990", "1990-03-14"),
    ("Ich wurde am 14.03.1990 in Köln geboren.", "14.03.1990", "1990-03-14"),
    ("ich bin geboren am 14.3.1990", "14.3.1990", "1990-03-14"),
    ("bin am 14.3.1990 geboren, also Fisch ♓", "14.3.1990", "1990-03-14"),
    ("mein Geburtstag ist am 14. März", "14. März", "--03-14"),
    ("Geburtsdatum: 14.03.1990", "14.03.1990", "1990-03-14"),
    # French
    ("je suis née le 14 mars 1990", "14 mars 1990", "1990-03-14"),
    ("Je suis né à Lyon le 1er mars 1990", "1er mars 1990", "1990-03-01"),
    ("mon anniversaire c'est le 14 mars", "14 mars", "--03-14"),
    ("mon anniv c’est le 14/03 😇", "14/03", "--03-14"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "key"), STATEMENTS)
def test_birthdate_statements(text: str, value: str, key: str) -> None:
    [m] = find(text, RULE)
    assert m.value == value
    assert m.key == key
    assert m.category is Category.BIRTHDATE
    if key.startswith("--"):
        assert (m.rule, m.harm, m.evidence) == ("birthdate-partial", 20, "••-••")
    else:
        assert (m.rule, m.harm, m.evidence) == ("birthdate-full", 70, f"{key[:4]}-••-••")
    assert m.reasons[0].startswith("trigger: ")


def test_first_person_is_high_labels_in_posts_medium() -> None:
    [m] = find("I was born on 14 March 1990", RULE)
    assert m.confidence is Confidence.HIGH
    assert m.detail == "date of birth after 'i was born'"
    [m] = find("DOB: 14.03.1990", RULE)
    assert m.confidence is Confidence.MEDIUM
    [m] = find("DOB: 14.03.1990", RULE, kind=Kind.PROFILE)
    assert m.confidence is Confidence.HIGH


@pytest.mark.parametrize(
    ("bio", "key"),
    [
        ("Dad of 2 | born 14 March 1990 | 🇩🇪 | he/him", "1990-03-14"),
        ("geboren am 14.03.1990 in Hamburg", "1990-03-14"),
        ("Nacido el 14 de marzo de 1990 en Madrid", "1990-03-14"),
        ("née le 14 mars 1990 ✨", "1990-03-14"),
        ("🎂 March 14 • 📍Berlin", "--03-14"),
        ("coffee addict\nBirthday: 14.03.", "--03-14"),
    ],
)
def test_profile_bio(bio: str, key: str) -> None:
    [m] = find(bio, RULE, kind=Kind.PROFILE)
    assert m.key == key
    assert m.confidence is Confidence.HIGH
    assert "profile bio" in m.reasons


def test_bare_born_counts_only_in_profile() -> None:
    assert find("born on 14 March 1990", RULE) == []
    assert find("born on 14 March 1990", RULE, kind=Kind.PROFILE) != []


def test_region_decides_numeric_order() -> None:
    [m] = find("my birthday is 03/04/1990", RULE)
    assert m.key == "1990-04-03"
    assert "day/month order assumed day-first" in m.reasons
    [m] = find("my birthday is 03/04/1990", RULE, region="US")
    assert m.key == "1990-03-04"
    [m] = find("my birthday is 14/03/1990", RULE, region="US")
    assert m.key == "1990-03-14"


@pytest.mark.parametrize(
    "text",
    [
        # other people's birthdays
        "my son was born on 3/14/2015 💙",
        "happy birthday mom, born 12 May 1960 and still the coolest",
        "Mozart was born 27 January 1756",
        "our baby was born today!!! 👶",
        "she was born on 14 March 1990",
        "my mom's birthday is March 14",
        "Lily's DOB: 14.03.2015",
        "Name: Lily, DOB: 14.03.2015",
        "my birthday twin @jane was born on 3/14/1991",
        "mi hijo nació el 14 de marzo de 2015",
        "meine Tochter ist am 14.03.2015 geboren",
        "Meine Tochter wurde am 14.03.2015 geboren",
        "mi hija nació el 14 de marzo de 2015",
        "ma fille est née le 14 mars 2015",
        # dates that are not births
        "meeting on 14 March 1990",
        "deadline 03/14/2024 !!",
        "this song is from 1990",
        "our wedding anniversary 14 June 2010 💍",
        "notre anniversaire de mariage c'est le 14 juin",
        "my birthday party is on March 20",
        "my birthday is the same day as 14 March 1990",
        # no (full) date
        "it's my birthday!",
        "it's my birthday today 🎂",
        "born in 1990",
        "I was born in 1990",
        "I was born in March 1990",
        "my birthday is in 3 days",
        # implausible
        "I was born on 14 March 1850",
        "I was born on 14 March 2023",
        "my birthday is 31 February",
        "DOB: 45.13.1990",
        "",
    ],
)
def test_birthdate_hard_negatives(text: str) -> None:
    assert find(text, RULE) == []


@pytest.mark.parametrize(
    "bio",
    [
        "Proud mom of Lily, born 3/14/2015",
        "Proud mom of Lily. Born 3/14/2015",
        "Mom of Lily • born 3/14/2015",
        "Mama von Emma | geboren am 14.03.2015",
        "RIP grandpa, born 12 May 1930",
        "my son was born on 3/14/2015",
    ],
)
def test_profile_bio_other_people(bio: str) -> None:
    assert find(bio, RULE, kind=Kind.PROFILE) == []


def test_someone_elses_message_is_not_the_users_birthdate() -> None:
    assert find("I was born on 14 March 1991", RULE, author_is_self=False) == []
    assert find("turning 34 today 🎂", RULE, author_is_self=False) == []
    assert find("RT @dana_k: I was born on 14 March 1991 🎂", RULE) == []


# --- age on the day of posting (posted 2024-03-14) ------------------------------------

AGES = [
    "turning 34 today 🎉",
    "finally turning 34 today, thx for all the wishes!!",
    "I'm 34 today",
    "Can't believe I am 34 years old today 😭",
    "today I'm 34! #blessed",
    "I turned 34 today",
    "it's my 34th birthday today",
    "It's my 34th birthday!",
    "34 today! 🎂",
    "happy 34th birthday to me 🥳",
    "cumplo 34 años hoy",
    "hoy cumplo 34 🎂",
    "hoy es mi cumpleaños número 34",
    "heute werde ich 34",
    "ich werde heute 34 🎈",
    "ich bin heute 34 Jahre alt geworden",
    "j'ai 34 ans aujourd'hui",
    "aujourd’hui j’ai 34 ans",
]


@pytest.mark.parametrize("text", AGES)
def test_age_statements(text: str) -> None:
    [m] = find(text, RULE)
    assert m.rule == "birthdate-full"
    assert m.key == "1990-03-14"
    assert m.evidence == "1990-••-••"
    assert m.confidence is Confidence.MEDIUM
    assert "reconstructed" in m.detail
    # The detail is printed in masked reports: the age and the posting date together would
    # give the date of birth away.
    assert "2024-03-14" not in m.detail and "34" not in m.detail
    assert not any("34" in reason or "2024" in reason for reason in m.reasons)
    assert m.value in text and "34" in m.value


def test_age_statement_needs_timestamp_and_dated_kind() -> None:
    assert find("turning 34 today", RULE, timestamp=None) == []
    assert find("turning 34 today", RULE, kind=Kind.PROFILE) == []
    assert find("turning 34 today", RULE, kind=Kind.MESSAGE) != []


def test_age_statement_uses_posting_date() -> None:
    posted = datetime(2023, 7, 2, 23, 0, tzinfo=UTC)
    [m] = find("ich werde heute 40", RULE, timestamp=posted)
    assert m.key == "1983-07-02"


def test_age_statement_on_leap_day() -> None:
    posted = datetime(2024, 2, 29, tzinfo=UTC)
    [m] = find("I'm 24 today", RULE, timestamp=posted)
    assert m.key == "2000-02-29"
    assert find("I'm 23 today", RULE, timestamp=posted) == []


@pytest.mark.parametrize(
    "text",
    [
        "temperature 34 today",
        "it's 34 today, too hot ☀️",
        "34 today",
        "Lily is turning 5 today 🎂",
        "my son turns 5 today 🎂",
        "she's 34 today 🎂",
        "Happy birthday to my son, 5 today! 🎂",
        "the twins are 5 today 🎂",
        "hoy cumplo 30 días sin fumar",
        "I'm 34 minutes late today",
        "I'm 200 today 🎂",
        "I'm 3 today 🎂",
        "it's my 34th birthday next week",
        "ich bin heute 10 km gelaufen",
        "j'ai 34 ans",
        "today I turned 34 pages of my thesis",
        "today I'm 34 steps closer",
    ],
)
def test_age_hard_negatives(text: str) -> None:
    assert find(text, RULE) == []


# --- structured birthdate fields ---------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key", "region"),
    [
        ("1980-01-01", "1980-01-01", None),
        ("1980-01-01T00:00:00.000Z", "1980-01-01", None),
        ("01-Jan-2000", "2000-01-01", None),
        ("14/03/1990", "1990-03-14", None),
        ("03/04/1990", "1990-04-03", None),
        ("03/04/1990", "1990-03-04", "US"),
        ("March 14, 1990", "1990-03-14", None),
        ("14 March 1990", "1990-03-14", None),
        ("14. März 1990", "1990-03-14", None),
        ("--03-14", "--03-14", None),
        ("03-14", "--03-14", None),
        ("March 14", "--03-14", None),
        ("1990-03-14 00:00:00 UTC", "1990-03-14", None),
        ("1990-03-14T00:00:00+01:00", "1990-03-14", None),
        ("03/14/1990 00:00", "1990-03-14", "US"),
    ],
)
def test_structured_birthdate(raw: str, key: str, region: str | None) -> None:
    [m] = find(f" {raw} ", RULE, Role.BIRTHDATE, region=region)
    assert m.key == key
    assert m.value == raw
    assert m.span == (1, 1 + len(raw))
    assert m.confidence is Confidence.HIGH
    assert m.reasons == ("profile birthdate field",)


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "1990", "March 1990", "1850-01-01", "2024-01-01", "2023-02-30", "13-45",
     "Tuesday", "unknown", "0000-00-00", "x" * 100, "12:30", "00:00:00 UTC"],
)  # fmt: skip
def test_structured_birthdate_rejects(raw: str) -> None:
    assert find(raw, RULE, Role.BIRTHDATE) == []


def test_a_date_alone_is_never_a_birthdate() -> None:
    for role in (Role.TEXT, Role.OTHER):
        assert find("14 March 1990", RULE, role, kind=Kind.PROFILE) == []
        assert find("1990-03-14", RULE, role) == []


# --- the parser ------------------------------------------------------------------------


def test_parse_date_detects_missing_year() -> None:
    full = parse_date("14 de marzo de 1990", dayfirst=True)
    assert full is not None and (full.year, full.month, full.day) == (1990, 3, 14)
    part = parse_date("14. März", dayfirst=True)
    assert part is not None and (part.year, part.month, part.day) == (None, 3, 14)
    assert parse_date("March", dayfirst=True) is None
    iso = parse_date("1990-03-04", dayfirst=True)
    assert iso is not None and (iso.month, iso.day) == (3, 4)


def test_parse_structured_shapes() -> None:
    assert parse_structured("--12-24", dayfirst=True) is not None
    assert parse_structured("2000-13-01", dayfirst=True) is None
    assert parse_structured("hello 14 March 1990", dayfirst=True) is None


def test_phrases_do_not_bridge_links_or_handles() -> None:
    assert find("I https://t.co/1a7ab7ae2 turning 34 today", RULE) == []
    assert find("my birthday @dana 3/14", RULE) == []
    [m] = find("@dana_k turning 34 today 🎂 https://t.co/xYz", RULE)
    assert m.value == "turning 34 today"
