from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors import DETECTORS, RULES, detect, rule_doc
from privaudit.detectors.interface import DetectContext
from privaudit.model import Field, GeoPoint, Kind, Role

from .helpers import record, scan

EXPECTED = {
    "phone-number": 60,
    "email-address": 40,
    "birthdate-full": 70,
    "birthdate-partial": 20,
    "photo-gps": 60,
    "post-geotag": 55,
    "location-trail": 55,
    "location-history": 50,
    "national-id-number": 90,
    "passport-number": 75,
    "drivers-licence-number": 65,
    "payment-card": 85,
    "iban": 70,
    "bank-account": 60,
    "bank-bic": 10,
    "crypto-seed-phrase": 95,
    "crypto-private-key": 95,
    "password": 85,
    "pin-code": 85,
    "security-answer": 70,
    "one-time-code": 20,
    "api-key": 95,
    "private-key": 95,
    "jwt": 60,
    "home-address": 70,
    "street-address": 45,
    "away-from-home": 55,
    "health-disclosure": 50,
    "substance-use": 50,
    "sexual-content": 55,
    "legal-trouble": 60,
    "financial-distress": 40,
    "workplace-hostility": 45,
    "workplace-confidential": 55,
    "child-details": 65,
    "device-serial": 30,
    "device-owner-name": 35,
    "device-name": 25,
}


def test_rules_registry() -> None:
    assert {rid: rule.harm for rid, rule in RULES.items()} == EXPECTED
    for rid, rule in RULES.items():
        assert rule.id == rid
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rid)
    assert len(DETECTORS) == 13


def test_rule_docs_have_sections() -> None:
    for rid in RULES:
        doc = rule_doc(rid)
        assert rid in doc.splitlines()[0]
        for section in ("What it finds", "Why it matters", "Example", "How to fix"):
            assert section in doc, (rid, section)


def test_detect_runs_every_detector_on_one_record() -> None:
    fields = (
        Field("full_text", "/0/text", "text me (206) 555-0142 or dana.k@fastmail.com"),
        Field("bio", "/0/bio", "I was born on 14 March 1990"),
    )
    rec = record(fields=fields, points=(GeoPoint(52.52, 13.405, "/0/geo", "tweet geo"),))
    rules = sorted(m.rule for m in scan(rec))
    assert rules == ["birthdate-full", "email-address", "phone-number", "post-geotag"]
    pointers = {m.rule: m.pointer for m in scan(rec)}
    assert pointers["birthdate-full"] == "/0/bio"
    assert pointers["phone-number"] == "/0/text"


def test_benign_tweets_give_nothing() -> None:
    benign = [
        "gm ☕️ #MondayMotivation https://t.co/Ab12Cd34Ef",
        "RT @nasa: 1969-07-20 was 55 years ago today 🚀 https://t.co/xyz",
        "Score: 3-2 at 90+4' 😱 #FCBayern",
        "Q3 revenue up 12% to $2,065,550,142",
        "my code is at github dot com slash dana",
        "Temperatures of 34 today, stay hydrated",
        "flight LH 2065 to BER 🛫 gate 14, departure 10:30",
        "I'm 34 and today I learned python",
        "Born to run 🏃 12 km today",
    ]
    for text in benign:
        assert scan(record(text)) == [], text


_ROLES = st.sampled_from(list(Role))
_KINDS = st.sampled_from(list(Kind))
_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="0123456789 +-().#/:@.abcé März🎂", max_size=120),
    st.from_regex(r"(my birthday is|I'm|DOB:|call me|turning) [0-9 ./-]{0,20}(today)?"),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, role=_ROLES, kind=_KINDS, region=st.sampled_from([None, "US", "DE", "xx"]),
       self_=st.booleans())  # fmt: skip
def test_detect_never_raises(
    text: str, role: Role, kind: Kind, region: str | None, self_: bool
) -> None:
    rec = record(text, role, kind=kind, author_is_self=self_)
    for m in detect(rec, DetectContext(region=region, now=datetime(2025, 1, 1, tzinfo=UTC))):
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
        assert m.rule in RULES


@settings(max_examples=100, deadline=None)
@given(lat=st.floats(), lon=st.floats(), acc=st.one_of(st.none(), st.floats()))
def test_geo_never_raises(lat: float, lon: float, acc: float | None) -> None:
    rec = record(points=(GeoPoint(lat, lon, "/geo", "tweet geo", accuracy_m=acc),))
    for m in detect(rec, DetectContext()):
        assert -90 <= float(m.key.split(",")[0]) <= 90


def test_doc_examples_hold() -> None:
    """The examples the rule pages print are what the detectors actually report."""
    from privaudit.model import Confidence

    from .helpers import find

    [m] = find("new number, text me 📱 (206) 555-0142 !!", "phone-number")
    assert (m.evidence, m.confidence) == ("+1 •••• ••0142", Confidence.HIGH)
    [m] = find("dm me or email me: dana.k@fastmail.com 🙏", "email-address")
    assert (m.evidence, m.confidence) == ("d•••@f•••.com", Confidence.HIGH)
    [m] = find("finally turning 34 today 🎂🥳 thanks for all the wishes!", "birthdate")
    assert (m.evidence, m.confidence) == ("1990-••-••", Confidence.MEDIUM)
