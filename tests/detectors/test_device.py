from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors.device import DETECTOR, owner_name
from privaudit.detectors.interface import DetectContext
from privaudit.model import Category, Confidence, Exposure, Field, Kind, Match, Record, Role


def run(*fields: tuple[str, str, Role]) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets_media/1-IMG_0412.jpg", pointer="",
        kind=Kind.MEDIA, exposure=Exposure.PUBLIC, author_is_self=True,
        fields=tuple(Field(name, "" if role is Role.DEVICE else f"/{name}", text, role)
                     for name, text, role in fields),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, DetectContext()))
    by_name = {f.name: f for f in rec.fields}
    for m in matches:
        assert m.category is Category.DEVICE
        assert m.span is not None
        texts = [f.text for f in rec.fields if f.pointer == m.pointer]
        assert any(t[m.span[0] : m.span[1]] == m.value for t in texts)
        if m.tag:
            assert m.tag in by_name
    return matches


def meta(name: str, text: str) -> list[Match]:
    return run((name, text, Role.DEVICE))


def test_camera_serial() -> None:
    [m] = meta("BodySerialNumber", " 032021004412 ")
    assert (m.rule, m.harm, m.confidence) == ("device-serial", 30, Confidence.HIGH)
    assert m.value == "032021004412"
    assert m.key == "serial:032021004412"
    assert m.evidence == "•••••• ••4412"
    assert m.tag == "BodySerialNumber"
    assert m.detail == "camera serial number in photo metadata (BodySerialNumber)"
    [m] = meta("LensSerialNumber", "0000a1b2c3")
    assert m.detail.startswith("lens serial number")


@pytest.mark.parametrize("value", ["0000000000", "unknown", "N/A", "", "   ", "123", "11111111"])
def test_placeholder_serials(value: str) -> None:
    assert meta("SerialNumber", value) == []


@pytest.mark.parametrize(
    ("tag", "value", "key", "confidence"),
    [
        ("Artist", "Anna Schmidt", "owner:anna schmidt", Confidence.HIGH),
        ("Copyright", "© 2019 Anna Schmidt Photography. All rights reserved.",
         "owner:anna schmidt", Confidence.HIGH),
        ("XPAuthor", "María José García", "owner:maría josé garcía", Confidence.HIGH),
        ("CameraOwnerName", "jonas", "owner:jonas", Confidence.MEDIUM),
        ("OwnerName", "Copyright (c) Léa Dubois", "owner:léa dubois", Confidence.HIGH),
    ],
)  # fmt: skip
def test_owner_names(tag: str, value: str, key: str, confidence: Confidence) -> None:
    [m] = meta(tag, value)
    assert (m.rule, m.harm) == ("device-owner-name", 35)
    assert (m.key, m.confidence) == (key, confidence)
    assert m.tag == tag
    for part in key.removeprefix("owner:").split():
        assert part not in m.evidence.lower()


@pytest.mark.parametrize(
    "value",
    ["Picasa", "Owner", "Canon", "Copyright 2019", "Acme Media GmbH", "Unknown",
     "Windows User", "Studio Lumen", "www.annaschmidt.de", "anna@example.com", "123456",
     "Photo by Instagram", "Camera Owner", ""],
)  # fmt: skip
def test_not_owner_names(value: str) -> None:
    assert meta("Artist", value) == []
    assert owner_name(value) is None


def test_make_and_model_alone_are_nothing() -> None:
    assert run(("Make", "Canon", Role.DEVICE), ("Model", "Canon EOS 80D", Role.DEVICE)) == []
    assert meta("HostComputer", "iPhone 12 Pro") == []


@pytest.mark.parametrize(
    ("name", "text", "role", "evidence", "confidence"),
    [
        ("HostComputer", "Anna's MacBook Pro", Role.DEVICE, "A•••'s MacBook Pro",
         Confidence.HIGH),
        ("deviceName", "Annas MacBook Pro", Role.OTHER, "A••• MacBook Pro", Confidence.MEDIUM),
        ("name", "iPhone de María", Role.OTHER, "iPhone de M•••", Confidence.MEDIUM),
        ("device", "iPad von Jonas", Role.OTHER, "iPad von J•••", Confidence.MEDIUM),
        ("device", "Thomas’ Galaxy S21", Role.OTHER, "T•••’ Galaxy S21", Confidence.MEDIUM),
    ],
)  # fmt: skip
def test_device_names(
    name: str, text: str, role: Role, evidence: str, confidence: Confidence
) -> None:
    [m] = run((name, text, role))
    assert (m.rule, m.harm) == ("device-name", 25)
    assert (m.evidence, m.confidence) == (evidence, confidence)
    assert m.key == "device-name:" + text.lower().replace("’", "'")


def test_sent_from_signature_in_text() -> None:
    [m] = run(("text", "see you soon!\nSent from Anna’s iPhone", Role.TEXT))
    assert m.value == "Anna’s iPhone"
    assert m.reasons == ("'sent from' signature",)
    assert run(("text", "Sent from my iPhone", Role.TEXT)) == []


@pytest.mark.parametrize(
    "text",
    ["Apple iPhone", "My iPhone", "new iPhone who dis", "Samsung Galaxy S21", "News iPhone app",
     "I love Anna's iPhone case"],
)  # fmt: skip
def test_device_name_negatives(text: str) -> None:
    assert run(("deviceName", text, Role.OTHER)) == []
    assert run(("text", text, Role.TEXT)) == []


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(["BodySerialNumber", "Artist", "Copyright", "HostComputer", "Make"]),
    text=st.one_of(st.text(max_size=120), st.from_regex(r"[A-Z][a-z]{1,8}('s|s)? (iPhone|iPad)")),
    role=st.sampled_from(list(Role)),
)
def test_never_raises(name: str, text: str, role: Role) -> None:
    run((name, text, role))
