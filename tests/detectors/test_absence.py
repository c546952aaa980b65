from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors.absence import DETECTOR
from privaudit.detectors.interface import DetectContext
from privaudit.model import Category, Confidence, Exposure, Field, Kind, Match, Record, Role

from .helpers import find

RULE = "away-from-home"
POSTED = datetime(2024, 3, 14, 15, 30, tzinfo=UTC)
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def run(text: str, *, posted: datetime = POSTED, kind: Kind = Kind.POST) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets.js", pointer="/3", kind=kind,
        exposure=Exposure.PUBLIC, author_is_self=True, timestamp=posted,
        fields=(Field("full_text", "/3/tweet/full_text", text, Role.TEXT),),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, DetectContext(now=NOW)))
    for m in matches:
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
    return matches


@pytest.mark.parametrize(
    ("text", "value", "confidence"),
    [
        ("off to Bali for two weeks!! 🌴✈️ see you on the 20th", "off to Bali for two weeks",
         Confidence.HIGH),
        ("we're away until Sunday, text me if anything", "we're away until Sunday",
         Confidence.HIGH),
        ("back on the 20th, enjoy the snow everyone ✈️", "back on the 20th", Confidence.HIGH),
        ("house sitter needed for our place in March, DM me", "house sitter needed",
         Confidence.HIGH),
        ("empty house this weekend, any ideas lol", "empty house this weekend", Confidence.HIGH),
        ("nobody home till Monday", "nobody home till Monday", Confidence.HIGH),
        ("I'm on vacation this week, no emails please", "I'm on vacation this week",
         Confidence.HIGH),
        ("Off to Bali! ✈️", "Off to Bali", Confidence.MEDIUM),
        ("vacation mode on 🌴", "vacation mode on", Confidence.MEDIUM),
        # German
        ("endlich Urlaub, zwei Wochen Mallorca 🌞", "endlich Urlaub, zwei Wochen", Confidence.HIGH),
        ("wir sind ab morgen zwei Wochen verreist", "wir sind ab morgen zwei Wochen verreist",
         Confidence.HIGH),
        ("niemand zu Hause bis Sonntag, also keine Pakete", "niemand zu Hause bis Sonntag",
         Confidence.HIGH),
        # Spanish
        ("de vacaciones hasta el lunes 🏖️", "de vacaciones hasta el lunes", Confidence.HIGH),
        ("nos vamos a Cancún dos semanas!!", "nos vamos a Cancún dos semanas", Confidence.HIGH),
        ("no hay nadie en casa este fin de semana", "no hay nadie en casa este fin de semana",
         Confidence.HIGH),
        # French
        ("en vacances jusqu'au 15 ☀️", "en vacances jusqu'au 15", Confidence.HIGH),
        ("je pars à Lisbonne pour une semaine", "je pars à Lisbonne pour une semaine",
         Confidence.HIGH),
        # Dutch, Italian
        ("we zijn op vakantie tot zondag", "we zijn op vakantie tot zondag", Confidence.HIGH),
        ("siamo in vacanza fino al 20", "siamo in vacanza fino al", Confidence.HIGH),
    ],
)  # fmt: skip
def test_announcements(text: str, value: str, confidence: Confidence) -> None:
    [m] = run(text)
    assert m.value == value
    assert m.confidence is confidence
    assert m.rule == RULE and m.category is Category.ABSENCE
    assert m.reasons[0].startswith("announcement:")


def test_match_shape() -> None:
    [m] = run("off to Bali for two weeks!! 🌴✈️ see you on the 20th")
    assert m.harm == 55
    assert m.evidence == "off to Bali for two weeks…"
    assert m.detail == "announces an absence (leaving) with a stated period"
    assert "period: 'for two weeks'" in m.reasons
    assert m.pointer == "/3/tweet/full_text"
    [m] = run("so tired. we're away until Sunday, text me")
    assert m.evidence == "…we're away until Sunday…"


def test_vague_departure_is_lower_harm() -> None:
    [m] = run("Off to Bali! ✈️")
    assert (m.harm, m.confidence) == (45, Confidence.MEDIUM)


def test_work_travel_is_lower_harm() -> None:
    [m] = run("Flying to Tokyo tomorrow for a business trip")
    assert m.harm == 35
    assert "work travel: someone may still be at home" in m.reasons


def test_old_posts_are_discounted() -> None:
    [m] = run("we're away until Sunday", posted=datetime(2021, 5, 1, tzinfo=UTC))
    assert m.harm == 40
    assert any("the trip is over" in r for r in m.reasons)


def test_one_match_per_sentence_one_key_per_post() -> None:
    a, b = run("off to Bali for two weeks! house sitter needed")
    assert (a.value, b.value) == ("off to Bali for two weeks", "house sitter needed")
    assert a.key == b.key == "data/tweets.js#/3#/3/tweet/full_text"
    [m] = run("we're away until Sunday, away away away until Sunday")
    assert m.value == "we're away until Sunday"


@pytest.mark.parametrize(
    "text",
    [
        # told afterwards
        "last year in Bali was amazing",
        "just got back from two weeks in Bali ✈️",
        "we were away for two weeks last summer",
        "#tbt off to Bali for two weeks 2019",
        "wir waren letzte Woche im Urlaub",
        "el verano pasado estuvimos de vacaciones",
        # wishes and plans
        "I need a vacation so bad",
        "ich bräuchte mal Urlaub",
        "if only I could be on vacation this week",
        "someday I'll be off to Bali for a month",
        "necesito vacaciones hasta el lunes",
        # someone else
        "my parents are away until Sunday",
        "she's on holiday until the 20th",
        "my neighbours' house is empty this weekend",
        # questions, quotes, lyrics, retweets
        "Are you away this weekend?",
        "nobody home? 🤔",
        "\"Leaving on a jet plane, don't know when I'll be back again\"",
        "♪ I'm on vacation, every single day ♪ for two weeks",
        "RT @travelguy: off to Bali for two weeks!",
        # errands, slang, work
        "off to work 😴",
        "heading to Target tomorrow",
        "going to bed",
        "coming home to an empty house sucks",
        "I'm gone lol",
        "bin weg, bis später",
        "I'm away from my desk until 3pm",
        "I'll be back on Monday with a new video!",
        "back on track this week 💪",
        "back in the day we had 2 weeks of summer",
    ],
)
def test_negatives(text: str) -> None:
    assert run(text) == []


def test_only_text_fields_are_read() -> None:
    rec = Record(
        platform="x", archive="a.zip", path="p", pointer="", kind=Kind.PROFILE,
        exposure=Exposure.PUBLIC, author_is_self=True,
        fields=(Field("location", "/loc", "away until Sunday", Role.PLACE),),
    )  # fmt: skip
    assert list(DETECTOR.detect(rec, DetectContext())) == []


def test_through_the_registry() -> None:
    [m] = find("off to Bali for two weeks!! 🌴✈️", RULE)
    assert m.confidence is Confidence.HIGH


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.from_regex(
            r"(we're away|off to [A-Z][a-z]+|back on|endlich Urlaub|de vacaciones|en vacances)"
            r" (until|for|hasta|jusqu'au|bis)? ?[a-z0-9 .!?]{0,20}",
        ),
    ),
    kind=st.sampled_from(list(Kind)),
)
def test_never_raises(text: str, kind: Kind) -> None:
    run(text, kind=kind)


def test_shared_text_helpers() -> None:
    from privaudit.detectors.text import excerpt, inside_quotes, sentence_bounds, tokens

    text = "Off to Bali for 2 weeks! back on the 20th. Come to 12 Main St. Seattle? ok."
    assert text[slice(*sentence_bounds(text, 0, 3))] == "Off to Bali for 2 weeks!"
    assert text[slice(*sentence_bounds(text, 30, 32))] == " back on the 20th."
    assert text[slice(*sentence_bounds(text, 50, 55))] == " Come to 12 Main St. Seattle?"
    assert excerpt(text, 25, 41) == "…back on the 20th…"
    assert excerpt("a " * 40, 0, 80, limit=10) == "a a a a a…"
    assert inside_quotes('he said "I was arrested" lol', 10, 20)
    assert not inside_quotes('I was arrested "lol"', 0, 5)
    assert tokens("I'm AWAY, t.co/x") == {"i", "m", "away", "t", "co", "x"}
