from __future__ import annotations

import pytest

from privaudit.model import Category, Confidence, Role

from .helpers import find

RULE = "email-address"


@pytest.mark.parametrize(
    ("text", "value", "confidence"),
    [
        ("email me dana.k@fastmail.com 🙏", "dana.k@fastmail.com", Confidence.HIGH),
        ("my email is Dana.K+news@FastMail.com.", "Dana.K+news@FastMail.com", Confidence.HIGH),
        ("contact me at jd_1990@posteo.de, thx", "jd_1990@posteo.de", Confidence.HIGH),
        ("mail: hola@ana-ruiz.es", "hola@ana-ruiz.es", Confidence.HIGH),
        ("📧 dana.k@fastmail.com | 📍 Berlin", "dana.k@fastmail.com", Confidence.HIGH),
        ("escríbeme a ana.ruiz@gmail.com", "ana.ruiz@gmail.com", Confidence.HIGH),
        ("schreib mir: jonas.b@web.de", "jonas.b@web.de", Confidence.HIGH),
        ("écris-moi à claire.m@orange.fr", "claire.m@orange.fr", Confidence.HIGH),
        ("@bob lol its dana.k@fastmail.com not gmail", "dana.k@fastmail.com", Confidence.MEDIUM),
        ("sent to j.doe@mail.co.uk yesterday", "j.doe@mail.co.uk", Confidence.MEDIUM),
        ("contact me at support@janedoe.io", "support@janedoe.io", Confidence.HIGH),
    ],
)
def test_email_positives(text: str, value: str, confidence: Confidence) -> None:
    [m] = find(text, RULE)
    assert m.value == value
    assert m.key == value.lower()
    assert m.confidence is confidence
    assert m.category is Category.EMAIL
    assert m.harm == 40


def test_email_evidence() -> None:
    [m] = find("email me dana.k@fastmail.com", RULE)
    assert m.evidence == "d•••@f•••.com"
    assert m.reasons == ("context: 'email me'",)


@pytest.mark.parametrize(
    "text",
    [
        "new avatar logo@2x.png and icon@3x.JPG",
        "bundle main@1.2.3.js broke, see styles@2x.css",
        "img src=photo@2x.webp",
        "write to jane@example.com or test@foo.example",
        "bob@test.test and a@b.invalid and root@localhost.localhost",
        "no-reply@accounts.google.com sent me a code",
        "noreply@github.com, donotreply@bank.com, MAILER-DAEMON@mx.net",
        "postmaster@gmx.de bounced it",
        "support@acme.com is useless, 3 weeks no answer",
        "info@cafe-berlin.de for reservations",
        "see https://user:pw@host.com/x and http://a.com/?u=bob@c.com",
        "@dana_k @bob hi",
        "ping me @ 5",
        "a@b",
        "git clone git@github.com:me/repo.git",
        "email: dana..k@fastmail.com",
        "",
    ],
)
def test_email_hard_negatives(text: str) -> None:
    assert find(text, RULE) == []


def test_structured_email_field() -> None:
    [m] = find(" Dana.K@FastMail.com ", RULE, Role.EMAIL)
    assert m.confidence is Confidence.HIGH
    assert m.key == "dana.k@fastmail.com"
    assert m.span == (1, 20)
    assert m.detail == "e-mail address in a profile field"


def test_role_mailbox_in_structured_field_is_reported() -> None:
    [m] = find("info@janedoe.io", RULE, Role.EMAIL)
    assert m.confidence is Confidence.HIGH


def test_other_role_is_read() -> None:
    [m] = find("dana.k@fastmail.com", RULE, Role.OTHER)
    assert m.confidence is Confidence.MEDIUM


def test_two_addresses() -> None:
    matches = find("me: a.b@posteo.de / alt: c.d@posteo.de", RULE)
    assert [m.value for m in matches] == ["a.b@posteo.de", "c.d@posteo.de"]


@pytest.mark.parametrize("role", [Role.NAME, Role.PLACE, Role.DEVICE, Role.PHONE])
def test_other_roles_are_not_read(role: Role) -> None:
    assert find("dana.k@fastmail.com", RULE, role) == []
