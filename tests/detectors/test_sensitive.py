from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors.interface import DetectContext
from privaudit.detectors.sensitive import DETECTOR, PRIVATE_REASON
from privaudit.model import Category, Confidence, Exposure, Field, Kind, Match, Record, Role

from .helpers import find


def run(text: str, kind: Kind = Kind.POST) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets.js", pointer="/0", kind=kind,
        exposure=Exposure.PRIVATE if kind is Kind.MESSAGE else Exposure.PUBLIC,
        author_is_self=True, fields=(Field("text", "/0/text", text, Role.TEXT),),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, DetectContext()))
    for m in matches:
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
        assert m.category is Category.SENSITIVE
    return matches


@pytest.mark.parametrize(
    ("text", "rule", "value"),
    [
        # health
        ("ugh. I was diagnosed with bipolar disorder last month", "health-disclosure",
         "I was diagnosed with bipolar disorder"),
        ("I have type 2 diabetes and honestly it sucks", "health-disclosure",
         "I have type 2 diabetes"),
        ("I'm on Lexapro now and feeling better", "health-disclosure", "I'm on Lexapro"),
        ("missed my meds again 🙃", "health-disclosure", "my meds"),
        ("bei mir wurde Krebs diagnostiziert", "health-disclosure",
         "bei mir wurde Krebs diagnostiziert"),
        ("tengo depresión desde hace años", "health-disclosure", "tengo depresión"),
        ("je suis enceinte !!! 🥰", "health-disclosure", "je suis enceinte"),
        # substances
        ("I'm so high rn lmao", "substance-use", "I'm so high"),
        ("we did lines of coke at the party", "substance-use", "we did lines of coke"),
        ("drove home drunk again oops", "substance-use", "drove home drunk"),
        ("ich bin total besoffen 🍺", "substance-use", "ich bin total besoffen"),
        ("estoy borracho jajaja", "substance-use", "estoy borracho"),
        ("j'ai fumé un joint avec les potes", "substance-use", "j'ai fumé un joint"),
        # sexual content
        ("we had sex in the car lol", "sexual-content", "we had sex"),
        ("sent him my nudes and he ghosted me", "sexual-content", "my nudes"),
        ("tuvimos sexo anoche", "sexual-content", "tuvimos sexo"),
        ("j'ai couché avec mon ex", "sexual-content", "j'ai couché avec"),
        # legal trouble
        ("I got arrested last night for fighting", "legal-trouble", "I got arrested"),
        ("my court date is Monday, wish me luck", "legal-trouble", "my court date"),
        ("I'm on probation till 2025", "legal-trouble", "I'm on probation"),
        ("ich wurde gestern festgenommen", "legal-trouble", "ich wurde gestern festgenommen"),
        ("me detuvieron en la manifestación", "legal-trouble", "me detuvieron"),
        ("j'ai été placé en garde à vue", "legal-trouble", "j'ai été placé en garde à vue"),
        # financial distress
        ("we filed for bankruptcy today", "financial-distress", "we filed for bankruptcy"),
        ("I can't pay my rent this month", "financial-distress", "I can't pay my rent"),
        ("debt collectors keep calling me", "financial-distress",
         "debt collectors keep calling me"),
        ("ich kann die Miete nicht mehr zahlen", "financial-distress",
         "ich kann die Miete nicht mehr zahlen"),
        ("no puedo pagar el alquiler", "financial-distress", "no puedo pagar el alquiler"),
        ("je ne peux plus payer mon loyer", "financial-distress",
         "je ne peux plus payer mon loyer"),
    ],
)  # fmt: skip
def test_positives(text: str, rule: str, value: str) -> None:
    [m] = run(text)
    assert (m.rule, m.value) == (rule, value)
    assert m.reasons


def test_harm_by_topic() -> None:
    harms = {
        m.rule: m.harm
        for text in (
            "I was diagnosed with diabetes",
            "we did lines of coke",
            "we had sex",
            "I got arrested",
            "we filed for bankruptcy",
        )
        for m in run(text)
    }
    assert harms == {
        "health-disclosure": 50,
        "substance-use": 50,
        "sexual-content": 55,
        "legal-trouble": 60,
        "financial-distress": 40,
    }
    [m] = run("I'm so drunk lol")
    assert (m.harm, m.detail) == (40, "intoxication (alcohol)")


def test_evidence_masks_the_sensitive_word() -> None:
    [m] = run("ugh. I was diagnosed with bipolar disorder last month")
    assert m.evidence == "…I was diagnosed with b•••…"
    assert "bipolar" not in m.evidence
    assert m.key == "health-disclosure:bipolar disorder"
    assert m.confidence is Confidence.HIGH
    [m] = run("I got arrested last night")
    assert m.evidence == "I got arrested…"  # the act is the topic itself: shown


def test_same_condition_in_two_posts_shares_a_key() -> None:
    [a] = run("I have diabetes")
    [b] = run("my diabetes is acting up today")
    assert a.key == b.key == "health-disclosure:diabetes"


def test_private_message_reason() -> None:
    [m] = run("I got arrested last night", kind=Kind.MESSAGE)
    assert PRIVATE_REASON in m.reasons
    [m] = run("I got arrested last night")
    assert PRIVATE_REASON not in m.reasons


def test_loose_words_are_low_confidence() -> None:
    [m] = run("I have anxiety about the exam")
    assert m.confidence is Confidence.LOW
    [m] = run("I was diagnosed with anxiety")
    assert m.confidence is Confidence.HIGH


def test_a_bare_link_lowers_confidence() -> None:
    [m] = run("I got arrested lol https://t.co/abc123")
    assert m.confidence is Confidence.MEDIUM
    assert "posted with a link: may be quoting an article" in m.reasons


@pytest.mark.parametrize(
    "text",
    [
        # news shares and general statements
        "new study shows people with diabetes are at risk https://t.co/abc",
        "according to the report, I have cancer-causing chemicals at home https://t.co/x",
        "cancer research fundraiser this weekend",
        "bankruptcy law explained",
        "Legalize weed now",
        # other people
        "my mom has cancer",
        "she got arrested yesterday",
        "his court date is Monday",
        # questions, negations, hypotheticals, habits
        "am I drunk?",
        "do I have ADHD or am I just lazy?",
        "I was not arrested, stop lying",
        "I don't have diabetes",
        "if I had cancer I would quit",
        "when I'm drunk I text my ex",
        # figures of speech and lyrics
        "high on life today ☀️",
        "drunk on love",
        "I'm high school teacher",
        '"I\'m so high" — great song',
        "♪ I got arrested ♪",
        "I'm so excited",
        "I'm broke lol",
        # words with an everyday meaning
        "I got booked for a gig in May",
        "I got charged $50 for shipping",
        "I got busted by my mom eating cookies",
        "I have a record of 5-0!",
        "I had a stroke of luck today",
        "ich bin zu Hause",
        "ich bin breit aufgestellt",
        "je suis raide dingue de toi",
        "estoy mamado del gym",
        # retweets
        "RT @bob: I got arrested lol",
    ],
)
def test_negatives(text: str) -> None:
    assert run(text) == []


def test_through_the_registry() -> None:
    [m] = find("I got arrested last night for fighting", "legal-trouble")
    assert m.confidence is Confidence.HIGH


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.from_regex(
            r"(I'm so|I was diagnosed with|ich bin|estoy|je suis|my|I got|we filed for) "
            r"(high|drunk|diabetes|arrested|bankruptcy|besoffen|borracho|enceinte)[ a-z?!.]{0,20}",
        ),
    ),
    kind=st.sampled_from(list(Kind)),
)
def test_never_raises(text: str, kind: Kind) -> None:
    run(text, kind)
