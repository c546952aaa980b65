from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors.children import DETECTOR
from privaudit.detectors.interface import DetectContext
from privaudit.model import Category, Confidence, Exposure, Field, Kind, Match, Record, Role

from .helpers import find

RULE = "child-details"


def run(text: str) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets.js", pointer="/0", kind=Kind.POST,
        exposure=Exposure.PUBLIC, author_is_self=True,
        fields=(Field("text", "/0/text", text, Role.TEXT),),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, DetectContext()))
    for m in matches:
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
        assert (m.rule, m.category, m.harm) == (RULE, Category.CHILDREN, 65)
    return matches


@pytest.mark.parametrize(
    ("text", "value", "key", "confidence"),
    [
        ("so proud! my daughter Emma (7) starts at Lincoln Elementary tomorrow 🎒",
         "my daughter Emma", "child:daughter:emma", Confidence.HIGH),
        ("picking up Noah from Kita Sonnenschein at 3pm every day this week",
         "picking up Noah from", "child:child:noah", Confidence.HIGH),
        ("our son Ben turns 5 on Saturday 🎂", "our son Ben", "child:son:ben", Confidence.MEDIUM),
        ("Emma, my daughter, is 7 years old now", "Emma, my daughter", "child:daughter:emma",
         Confidence.MEDIUM),
        ("meine Tochter Mia kommt in die erste Klasse", "meine Tochter Mia",
         "child:daughter:mia", Confidence.MEDIUM),
        ("mein Sohn Paul geht in die Kita Regenbogen", "mein Sohn Paul", "child:son:paul",
         Confidence.HIGH),
        ("mi hijo Lucas cumple 5 años", "mi hijo Lucas", "child:son:lucas", Confidence.MEDIUM),
        ("ma fille Léa entre en CP à l'école Jules Ferry", "ma fille Léa", "child:daughter:léa",
         Confidence.HIGH),
        ("mijn dochter Sanne wordt 6 vandaag", "mijn dochter Sanne", "child:daughter:sanne",
         Confidence.MEDIUM),
    ],
)  # fmt: skip
def test_positives(text: str, value: str, key: str, confidence: Confidence) -> None:
    [m] = run(text)
    assert (m.value, m.key, m.confidence) == (value, key, confidence)


def test_match_shape() -> None:
    [m] = run("so proud! my daughter Emma (7) starts at Lincoln Elementary tomorrow 🎒")
    assert m.evidence == "daughter E••• · school (named), age"
    assert "Emma" not in m.evidence and "Lincoln" not in m.evidence
    assert m.detail == "your daughter's first name with school (named), age"
    assert m.reasons == ("named daughter", "detail: school (named)", "detail: age")


def test_repeated_mentions_are_one_finding() -> None:
    matches = run("my son Noah turns 5 🎂 … my son Noah loves his 5 years old party")
    assert len(matches) == 1
    [a] = run("my son Noah turns 5")
    [b] = run("our son Noah starts kindergarten at Oak Hill Montessori")
    assert a.key == b.key


@pytest.mark.parametrize(
    "text",
    [
        "my son Noah is the best",
        "her daughter Emma starts at Lincoln Elementary",
        "my son starts school tomorrow",
        "RT @x: my daughter Emma (7) starts at Lincoln Elementary",
        "my son Is 5 years old",
        "my baby Girl turned 3",
        '"my daughter Emma (7)" is a great book title',
        "my boy Kevin Durant is 35 years old and still the best",
        "my girl Sarah turns 30 on Saturday 🎂",
        "my baby Jake picked me up at 6pm every day",
    ],
)
def test_negatives(text: str) -> None:
    assert run(text) == []


def test_through_the_registry() -> None:
    [m] = find("our son Ben turns 5 on Saturday 🎂", RULE)
    assert m.key == "child:son:ben"


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.from_regex(
            r"(my daughter|mein Sohn|mi hijo|ma fille|picking up) [A-Z][a-zé]{1,8} "
            r"(\(7\)|turns 5|from Kita [A-Z][a-z]+|at 3pm)[ a-z?!.]{0,20}",
        ),
    ),
)
def test_never_raises(text: str) -> None:
    run(text)
