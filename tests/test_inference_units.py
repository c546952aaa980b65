"""Inference rules on hand-made records: wishes, ages, clustering, time zones, the kit."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from privaudit.assess import Collector, Hit, OwnFacts, assess
from privaudit.assess.inference.collect import is_full_name
from privaudit.assess.inference.gazetteer import gazetteer
from privaudit.assess.inference.geo import cluster, distance_m
from privaudit.assess.inference.localtime import parse_zone, zone_from_hours, zone_name
from privaudit.detectors import detect
from privaudit.detectors.interface import DetectContext
from privaudit.model import Exposure, Field, GeoPoint, Kind, Record, Role

NOW = datetime(2024, 11, 3, tzinfo=UTC)
_counter = iter(range(1_000_000))


def _record(
    text: str = "",
    *,
    when: datetime | None = None,
    self_: bool = True,
    kind: Kind = Kind.POST,
    exposure: Exposure = Exposure.PUBLIC,
    label: str = "post",
    platform: str = "x",
    fields: tuple[Field, ...] | None = None,
    points: tuple[tuple[float, float], ...] = (),
) -> Record:
    n = next(_counter)
    ptr = f"/{n}"
    return Record(
        platform=platform,
        archive="a",
        path="data/items.js",
        pointer=ptr,
        kind=kind,
        exposure=exposure,
        author_is_self=self_,
        timestamp=when,
        url=f"https://example.invalid/{n}",
        fields=fields if fields is not None else _text_fields(ptr, text),
        points=tuple(GeoPoint(lat, lon, ptr + "/geo", "geotag") for lat, lon in points),
        label=label,
    )


def _text_fields(ptr: str, text: str) -> tuple[Field, ...]:
    return (Field("text", ptr + "/text", text),) if text else ()


def _run(records: list[Record]):  # type: ignore[no-untyped-def]
    collector, facts, hits = Collector(), OwnFacts(), []
    for record in records:
        collector.observe(record)
        if record.author_is_self:
            matches = detect(record, DetectContext(region="US", now=NOW))
            facts.observe(record, matches)
            hits.extend(Hit(record, m) for m in matches)
    return assess(hits, facts, collector, NOW)


def _wish(text: str, when: datetime, **kw: object) -> Record:
    return _record(text, when=when, self_=False, kind=Kind.MESSAGE, exposure=Exposure.PRIVATE,
                   label="direct message", **kw)  # type: ignore[arg-type]  # fmt: skip


def _dob(result) -> str | None:  # type: ignore[no-untyped-def]
    found = [f for f in result.findings if f.rule == "reconstructed-birthdate"]
    return found[0].value if found else None


# --- birthday wishes and ages -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Happy birthday!!", "hbd 🎉", "HAPPY BDAY robin", "Feliz cumpleaños amiga",
     "Alles Gute zum Geburtstag!", "Joyeux anniversaire !"],
)  # fmt: skip
def test_wishes_are_collected(text: str) -> None:
    collector = Collector()
    collector.observe(_wish(text, datetime(2023, 3, 14, 12, tzinfo=UTC)))
    assert len(collector.wishes) == 1


@pytest.mark.parametrize(
    ("text", "label", "self_"),
    [
        ("happy birthday to your mom!", "direct message", False),
        ("Happy belated birthday", "direct message", False),
        ("happy birthday @marco", "direct message", False),
        ("happy birthday everyone", "group message", False),
        ("joyeux anniversaire de mariage", "direct message", False),
        ("Happy birthday mom!", "post", True),  # the owner wishing someone else
        ("alles Gute nachträglich zum Geburtstag", "direct message", False),
    ],
)
def test_wishes_for_someone_else_or_late_are_not(text: str, label: str, self_: bool) -> None:
    collector = Collector()
    record = _record(text, when=datetime(2023, 3, 14, tzinfo=UTC), self_=self_,
                     kind=Kind.MESSAGE, label=label)  # fmt: skip
    collector.observe(record)
    assert collector.wishes == []


@pytest.mark.parametrize(
    ("text", "age"),
    [("I'm 34 and tired", 34), ("i am 34 years old.", 34), ("im 27, lol", 27),
     ("tengo 40 años", 40), ("ich bin 29 Jahre alt", 29), ("j'ai 31 ans", 31)],
)  # fmt: skip
def test_age_statements(text: str, age: int) -> None:
    collector = Collector()
    collector.observe(_record(text, when=datetime(2024, 6, 1, tzinfo=UTC)))
    assert [s.number for s in collector.ages] == [age]


@pytest.mark.parametrize(
    "text",
    ["I'm 5 minutes away", "I am 100% sure", "I'm 10 km in", "tengo 10 años de experiencia",
     "j'ai 20 ans d'expérience", "I'm 2 for 2 today", "RT @pal: I'm 34 and thriving"],
)  # fmt: skip
def test_not_age_statements(text: str) -> None:
    collector = Collector()
    collector.observe(_record(text, when=datetime(2024, 6, 1, tzinfo=UTC)))
    assert collector.ages == []


def test_birth_year_statement_and_wishes_give_the_date() -> None:
    records = [
        _wish("happy birthday!", datetime(2021, 8, 2, 15, tzinfo=UTC)),
        _wish("hbd", datetime(2023, 8, 2, 9, tzinfo=UTC)),
        _record("I was born in 1988 and I still love 80s music",
                when=datetime(2022, 1, 5, tzinfo=UTC)),
    ]  # fmt: skip
    assert _dob(_run(records)) == "1988-08-02"


def test_wishes_on_one_day_in_a_single_year_are_not_enough() -> None:
    records = [
        _wish("happy birthday!", datetime(2023, 8, 2, 15, tzinfo=UTC)),
        _wish("hbd!!", datetime(2023, 8, 2, 16, tzinfo=UTC)),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
    ]
    assert _dob(_run(records)) is None


def test_two_equally_supported_days_are_ambiguous() -> None:
    records = [
        _wish("happy birthday!", datetime(2021, 8, 2, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 8, 2, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2021, 5, 9, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 5, 9, 15, tzinfo=UTC)),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
    ]
    assert _dob(_run(records)) is None


def test_stated_birthday_without_year_picks_the_day() -> None:
    records = [
        _record(fields=(Field("birthDate", "/b", "--05-09", Role.BIRTHDATE),),
                kind=Kind.ACCOUNT, exposure=Exposure.ACCOUNT, label="birthday"),
        _wish("happy birthday!", datetime(2021, 8, 2, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 8, 2, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2021, 5, 9, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 5, 9, 15, tzinfo=UTC)),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
    ]  # fmt: skip
    assert _dob(_run(records)) == "1993-05-09"


def test_evenly_conflicting_ages_give_no_year() -> None:
    records = [
        _wish("happy birthday!", datetime(2021, 8, 2, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 8, 2, 15, tzinfo=UTC)),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
        _record("I'm 35.", when=datetime(2023, 10, 2, tzinfo=UTC)),
    ]
    assert _dob(_run(records)) is None


def test_a_date_already_stated_publicly_is_not_reconstructed_again() -> None:
    records = [
        _record("I was born on 2 August 1993 🎂", when=datetime(2020, 1, 1, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2021, 8, 2, 15, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 8, 2, 15, tzinfo=UTC)),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
    ]
    result = _run(records)
    assert _dob(result) is None
    assert [f.rule for f in result.findings if f.category == "birthdate"] == ["birthdate-full"]


def test_public_wishes_and_public_age_make_a_public_reconstruction() -> None:
    records = [
        _record("happy birthday!!", when=datetime(2021, 8, 2, 15, tzinfo=UTC), self_=False,
                kind=Kind.COMMENT, exposure=Exposure.PUBLIC, label="comment on your post"),
        _record("hbd 🎉", when=datetime(2022, 8, 2, 15, tzinfo=UTC), self_=False,
                kind=Kind.COMMENT, exposure=Exposure.PUBLIC, label="comment on your post"),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
    ]  # fmt: skip
    result = _run(records)
    [dob] = [f for f in result.findings if f.rule == "reconstructed-birthdate"]
    assert dob.value == "1993-08-02" and dob.exposure is Exposure.PUBLIC
    assert dob.score == round(70 * 0.85)  # one age statement: medium confidence


def test_wish_day_is_the_local_day() -> None:
    # 20:30 in Los Angeles on 2 August is 3 August in UTC; the home position sets the zone.
    home = (47.6740, -122.3871)
    records = [
        _record(f"night {i}", when=datetime(2024, 1, 10 + i, 6, tzinfo=UTC), points=(home,))
        for i in range(3)
    ] + [
        _wish("happy birthday!", datetime(2021, 8, 3, 3, 30, tzinfo=UTC)),
        _wish("happy birthday!", datetime(2022, 8, 3, 3, 30, tzinfo=UTC)),
        _record("I'm 30.", when=datetime(2023, 10, 1, tzinfo=UTC)),
    ]
    assert _dob(_run(records)) == "1993-08-02"


# --- places --------------------------------------------------------------------------------


def _around(centre: tuple[float, float], i: int) -> tuple[float, float]:
    return (centre[0] + ((i * 37) % 7 - 3) * 0.00005, centre[1] + ((i * 53) % 5 - 2) * 0.00007)


def test_clustering_is_independent_of_order() -> None:
    rng = random.Random(7)
    points = [_around((52.52, 13.40), i) for i in range(30)] + [
        _around((52.50, 13.39), i) for i in range(20)
    ]
    first = sorted((round(c.lat, 6), round(c.lon, 6), len(c.members)) for c in cluster(points))
    rng.shuffle(points)
    second = sorted((round(c.lat, 6), round(c.lon, 6), len(c.members)) for c in cluster(points))
    assert first == second
    assert [n for _, _, n in first] == [20, 30]
    assert all(c.radius_m < 100 for c in cluster(points))


def test_night_place_is_home_and_office_hours_place_is_work() -> None:
    home, office = (52.5298, 13.4015), (52.5076, 13.3904)
    records = []
    for day in range(1, 6):  # Mon 3 June … Fri 7 June 2024, Berlin summer time (UTC+2)
        records.append(
            _record(
                "", when=datetime(2024, 6, day + 2, 20, tzinfo=UTC), points=(_around(home, day),)
            )
        )  # 22:00 local
        records.append(_record("", when=datetime(2024, 6, day + 2, 9, tzinfo=UTC),
                               points=(_around(office, day),)))  # 11:00 local  # fmt: skip
    result = _run(records)
    [found_home] = [f for f in result.findings if f.rule == "inferred-home"]
    [found_work] = [f for f in result.findings if f.rule == "inferred-work"]
    assert distance_m(*(float(x) for x in found_home.value.split(",")), *home) < 100
    assert distance_m(*(float(x) for x in found_work.value.split(",")), *office) < 100
    assert "near Berlin" in found_home.detail or "near Mitte" in found_home.detail


def test_a_place_seen_on_one_day_or_only_in_office_hours_is_not_home() -> None:
    cafe = (48.1372, 11.5756)
    one_day = [
        _record("", when=datetime(2024, 6, 1, 20 + i, tzinfo=UTC), points=(_around(cafe, i),))
        for i in range(3)
    ]
    assert not [f for f in _run(one_day).findings if f.category == "inference"]
    weekdays = [
        _record("", when=datetime(2024, 6, 3 + i, 10, tzinfo=UTC), points=(_around(cafe, i),))
        for i in range(4)
    ]
    assert "inferred-home" not in {f.rule for f in _run(weekdays).findings}


def test_home_exposure_is_the_widest_audience_that_still_shows_it() -> None:
    home = (40.4168, -3.7038)
    records = [
        _record("", when=datetime(2024, 3, 1 + i, 22, tzinfo=UTC), points=(_around(home, i),),
                exposure=Exposure.PUBLIC if i < 1 else Exposure.ACCOUNT, kind=Kind.MEDIA)
        for i in range(5)
    ]  # fmt: skip
    [found] = [f for f in _run(records).findings if f.rule == "inferred-home"]
    assert found.exposure is Exposure.ACCOUNT  # one public photo alone is not a pattern
    assert found.detail.startswith("5 photos were taken within")
    records[1] = _record("", when=datetime(2024, 3, 2, 22, tzinfo=UTC),
                         points=(_around(home, 1),), kind=Kind.MEDIA)  # fmt: skip
    [found] = [f for f in _run(records).findings if f.rule == "inferred-home"]
    assert found.exposure is Exposure.PUBLIC


# --- the identity-theft kit -----------------------------------------------------------------


def _kit_records(dob_exposure: Exposure, phone_exposure: Exposure) -> list[Record]:
    return [
        _record(fields=(Field("accountDisplayName", "/n", "Ada Quill", Role.NAME),),
                kind=Kind.ACCOUNT, exposure=Exposure.ACCOUNT, label="account"),
        _record(fields=(Field("location", "/l", "Leeds, UK", Role.PLACE),),
                kind=Kind.PROFILE, exposure=Exposure.PUBLIC, label="profile"),
        _record("I was born on 14 March 1990", when=datetime(2022, 1, 1, tzinfo=UTC),
                exposure=dob_exposure),
        _record("call me on (206) 555-0142", when=datetime(2022, 2, 1, tzinfo=UTC),
                exposure=phone_exposure),
    ]  # fmt: skip


def test_kit_when_every_part_is_public() -> None:
    result = _run(_kit_records(Exposure.PUBLIC, Exposure.PUBLIC))
    [kit] = [f for f in result.findings if f.rule == "identity-theft-kit"]
    assert kit.severity == "critical" and kit.exposure is Exposure.PUBLIC
    assert kit.evidence == "name + date of birth + home town + phone"
    assert "Ada Quill" not in kit.evidence and "Ada Quill" in kit.value
    assert {o.pointer for o in kit.occurrences} >= {"/n", "/l"}
    assert result.findings[0].rule == "identity-theft-kit"
    assert result.grade == "F"


def test_kit_at_followers_level_when_one_part_is_followers_only() -> None:
    result = _run(_kit_records(Exposure.FOLLOWERS, Exposure.PUBLIC))
    [kit] = [f for f in result.findings if f.rule == "identity-theft-kit"]
    assert kit.exposure is Exposure.FOLLOWERS and kit.score == 80


@pytest.mark.parametrize("private", [Exposure.PRIVATE, Exposure.ACCOUNT, Exposure.DELETED])
def test_no_kit_when_a_part_is_not_visible(private: Exposure) -> None:
    assert not [
        f for f in _run(_kit_records(Exposure.PUBLIC, private)).findings
        if f.rule == "identity-theft-kit"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "full"),
    [("Dana Whitfield", True), ("José Müller", True), ("danawhit_runs", False),
     ("Dana", False), ("trail runner", False), ("Dana W 🏃", False), ("Mary-Jane O'Neil", True)],
)  # fmt: skip
def test_full_names(text: str, full: bool) -> None:
    assert is_full_name(text) is full


# --- time zones and the gazetteer ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "name"),
    [("Europe/Berlin", "Europe/Berlin"), ("Pacific Time (US & Canada)", "America/Los_Angeles"),
     ("UTC+02:00", "UTC+02:00"), ("-5", "UTC-05:00"), ("Berlin", "Europe/Berlin"),
     ("Tokyo", "Asia/Tokyo")],
)  # fmt: skip
def test_account_time_zone_settings(value: str, name: str) -> None:
    zone = parse_zone(value)
    assert zone is not None and zone_name(zone) == name


@pytest.mark.parametrize("value", ["", "nowhere", "UTC+99", "x" * 100])
def test_unreadable_time_zones(value: str) -> None:
    assert parse_zone(value) is None


def test_zone_from_quiet_hours() -> None:
    # Someone in UTC-5 is quiet 01:00-06:00 local = 06:00-11:00 UTC.
    hours = [10] * 24
    for h in range(6, 11):
        hours[h] = 0
    guessed = zone_from_hours(hours)
    assert guessed is not None
    assert zone_name(guessed[0]) == "UTC-05:00" and "06:00–11:00 UTC" in guessed[1]
    assert zone_from_hours([3] * 24) is not None
    assert zone_from_hours([0] * 24) is None


def test_gazetteer_names_and_zones() -> None:
    places = gazetteer()
    assert places is not None
    assert places.describe(47.6740, -122.3871) == "Greenwood, Seattle, US"
    assert places.timezone(47.6740, -122.3871) == "America/Los_Angeles"
    assert places.describe(0.0, -140.0) == ""  # the open Pacific
    assert places.timezone(-33.87, 151.21) == "Australia/Sydney"


def test_naive_and_missing_timestamps_do_not_crash() -> None:
    records = [
        _record("", when=None, points=((52.52, 13.40),)),
        _record("", when=datetime(2024, 1, 1, 22), points=((52.52, 13.40),)),  # naive
        _record("I'm 30", when=datetime(2024, 1, 1)),
    ]
    result = _run(records)
    assert result.profile is not None


def test_hundreds_of_positions_are_cheap() -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    records = [
        _record("", when=start + timedelta(hours=7 * i), kind=Kind.LOCATION,
                exposure=Exposure.ACCOUNT, points=(_around((45.5, -122.6), i),))
        for i in range(500)
    ]  # fmt: skip
    result = _run(records)
    assert any(f.rule == "inferred-home" for f in result.findings)
