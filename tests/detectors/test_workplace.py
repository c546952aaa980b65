from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors.interface import DetectContext
from privaudit.detectors.workplace import DETECTOR, org_keywords
from privaudit.model import Category, Confidence, Exposure, Field, Kind, Match, Record, Role

from .helpers import find

OrgContext = DetectContext


def run(text: str, ctx: DetectContext | None = None, kind: Kind = Kind.POST) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets.js", pointer="/0", kind=kind,
        exposure=Exposure.PUBLIC, author_is_self=True,
        fields=(Field("text", "/0/text", text, Role.TEXT),),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, ctx or DetectContext()))
    for m in matches:
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
        assert m.category is Category.WORKPLACE
    return matches


ACME = OrgContext(org_keywords=("Acme", "Project Falcon", "Globex"))


@pytest.mark.parametrize(
    ("text", "value", "harm", "confidence"),
    [
        ("my boss is an idiot lol", "my boss is an idiot", 45, Confidence.HIGH),
        ("my coworkers are fucking useless", "my coworkers are fucking useless", 45,
         Confidence.HIGH),
        ("fuck this company", "fuck this company", 45, Confidence.HIGH),
        ("I hate my job so much", "I hate my job", 35, Confidence.MEDIUM),
        ("I'm gonna kill my manager if he schedules me on Sunday again",
         "I'm gonna kill my manager", 60, Confidence.HIGH),
        ("mein Chef ist ein Vollidiot", "mein Chef ist ein Vollidiot", 45, Confidence.HIGH),
        ("Chef ist ein Vollidiot. Feierabend.", "Chef ist ein Vollidiot", 45, Confidence.MEDIUM),
        ("mi jefe es un imbécil", "mi jefe es un imbécil", 45, Confidence.HIGH),
        ("odio mi trabajo", "odio mi trabajo", 35, Confidence.MEDIUM),
        ("mon patron est un con", "mon patron est un con", 45, Confidence.HIGH),
        ("mijn baas is een idioot", "mijn baas is een idioot", 45, Confidence.HIGH),
    ],
)  # fmt: skip
def test_hostility(text: str, value: str, harm: int, confidence: Confidence) -> None:
    [m] = run(text)
    assert m.rule == "workplace-hostility"
    assert (m.value, m.harm, m.confidence) == (value, harm, confidence)


def test_hostility_shape() -> None:
    [m] = run("ugh my boss is an idiot lol")
    assert m.key == "workplace-hostility:boss"
    assert m.evidence == "…my boss is an idiot…"
    assert m.detail == "insult about your boss"
    [m] = run("my boss is an idiot", kind=Kind.MESSAGE)
    assert "private message — damaging if screenshotted" in m.reasons


@pytest.mark.parametrize(
    "text",
    [
        "don't tell anyone but we're launching the new tablet in May 🤫",
        "internal only: layoffs next week at the office",
        "I'm under NDA but our client is switching vendors next month",
        "vertraulich: die Übernahme ist durch, unsere Firma wird verkauft",
        "confidencial: lanzamos el producto en junio",
        "confidentiel mais on lance le nouveau produit en mai",
    ],
)
def test_confidential(text: str) -> None:
    [m] = run(text)
    assert m.rule == "workplace-confidential"
    assert (m.harm, m.confidence) == (55, Confidence.MEDIUM)
    assert m.reasons[0].startswith("confidentiality cue:")


def test_org_keywords_raise_confidence_and_mask_the_codename() -> None:
    [m] = run("confidential: Project Falcon ships in May", ACME)
    assert m.confidence is Confidence.HIGH
    assert m.key == "workplace-confidential:project falcon"
    assert m.evidence == "confidential: P•••…"
    assert "names one of your organisation keywords" in m.reasons
    [m] = run("between us, Globex is our new client 🤫", ACME)
    assert m.confidence is Confidence.HIGH
    assert "Globex" not in m.evidence


def test_org_keywords_find_hostility_about_the_employer() -> None:
    [m] = run("I hate working at Acme", ACME)
    assert m.key == "workplace-hostility:acme"
    [m] = run("Acme is run by idiots", ACME)
    assert m.confidence is Confidence.HIGH
    assert run("Acme is run by idiots") == []
    assert run("Acme makes nice stuff", ACME) == []


def test_org_keywords_are_read_defensively() -> None:
    assert org_keywords(DetectContext()) == ()
    assert org_keywords(OrgContext(org_keywords=(" Acme  Corp ", "", "x", "Acme Corp"))) == (
        "Acme Corp",
    )


@pytest.mark.parametrize(
    "text",
    [
        "her boss is an idiot",
        "is my boss an idiot?",
        "if my boss is an idiot I quit",
        "my boss is the best",
        "I love my job",
        "my work is garbage, I need to practice more",
        '"my boss is an idiot" - every employee ever',
        "RT @x: my boss is an idiot",
        "I'm under NDA so I can't say anything, sorry",
        "watching LA Confidential tonight",
        "don't tell anyone but I ate the whole cake",
        "confidential therapy sessions help",
        "the chef is an artist",
    ],
)
def test_negatives(text: str) -> None:
    assert run(text) == []


def test_through_the_registry() -> None:
    [m] = find("my boss is an idiot lol", "workplace-hostility")
    assert m.confidence is Confidence.HIGH


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.from_regex(
            r"(my boss|mein Chef|mi jefe|confidential:|don't tell anyone but|fuck) "
            r"(is an idiot|ist ein Idiot|es un imbécil|we're launching|Acme)[ a-z?!.]{0,20}",
        ),
    ),
    names=st.lists(st.text(max_size=12), max_size=3),
)
def test_never_raises(text: str, names: list[str]) -> None:
    run(text, OrgContext(org_keywords=tuple(names)))
