from __future__ import annotations

import pytest

from privaudit.model import Category, Confidence, Role

from .helpers import find

RULE = "phone-number"


@pytest.mark.parametrize(
    ("text", "value", "key", "confidence", "region"),
    [
        ("new number, text me 📱 (206) 555-0142 !!", "(206) 555-0142", "+12065550142",
         Confidence.HIGH, None),
        ("@dana_k can u txt me at 206-555-0142 https://t.co/aB3dE #help", "206-555-0142",
         "+12065550142", Confidence.HIGH, None),
        ("my cell is 206.555.0142 lol", "206.555.0142", "+12065550142", Confidence.HIGH, None),
        ("Tel. 206-555-0142", "206-555-0142", "+12065550142", Confidence.HIGH, None),
        ("Phone No. 206-555-0142", "206-555-0142", "+12065550142", Confidence.HIGH, None),
        ("call me at +49 151 23456789 📞", "+49 151 23456789", "+4915123456789",
         Confidence.HIGH, None),
        ("WhatsApp: +33 6 12 34 56 78", "+33 6 12 34 56 78", "+33612345678",
         Confidence.HIGH, None),
        ("Handy: 0151 23456789", "0151 23456789", "+4915123456789", Confidence.HIGH, "DE"),
        ("llámame al +34 612 34 56 78 porfa", "+34 612 34 56 78", "+34612345678",
         Confidence.HIGH, "ES"),
        ("appelle-moi au 06 12 34 56 78 stp", "06 12 34 56 78", "+33612345678",
         Confidence.HIGH, "FR"),
        ("bel me: +31 6 12345678", "+31 6 12345678", "+31612345678", Confidence.HIGH, None),
        ("chiamami +39 312 345 6789", "+39 312 345 6789", "+393123456789", Confidence.HIGH,
         None),
        ("206-555-0142 is my number, call anytime", "206-555-0142", "+12065550142",
         Confidence.HIGH, None),
        ("new phone who dis?? jk. +44 7911 123456", "+44 7911 123456", "+447911123456",
         Confidence.MEDIUM, None),
        ("lost my wallet, if found 2065550142", "2065550142", "+12065550142",
         Confidence.LOW, None),
        ("just in case, 206-555-0142", "206-555-0142", "+12065550142", Confidence.LOW, None),
    ],
)  # fmt: skip
def test_phone_positives(
    text: str, value: str, key: str, confidence: Confidence, region: str | None
) -> None:
    [match] = find(text, RULE, region=region)
    assert match.value == value
    assert match.key == key
    assert match.confidence is confidence
    assert match.category is Category.PHONE
    assert match.title == "Phone number"
    assert match.reasons


def test_phone_match_shape() -> None:
    [m] = find("text me (206) 555-0142", RULE)
    assert m.evidence == "+1 •••• ••0142"
    assert m.harm == 60
    assert m.detail == "valid US mobile number"
    assert m.pointer == "/0/tweet/full_text"
    assert "context: 'text me'" in m.reasons


def test_landline_harm_and_evidence() -> None:
    [m] = find("Telefon: 030 123456", RULE, region="DE")
    assert m.harm == 50
    assert m.detail == "valid DE landline number"
    assert m.evidence.startswith("+49 ")
    assert m.evidence.endswith("3456")


def test_two_numbers_in_one_post() -> None:
    text = "home (206) 555-0142, work 206-555-0199"
    matches = find(text, RULE)
    assert [m.key for m in matches] == ["+12065550142", "+12065550199"]


@pytest.mark.parametrize(
    "text",
    [
        # identifiers announced by context words
        "order 2065550142 still hasn't shipped @UPSHelp 😤",
        "tracking: 206 555 0142 says delivered?? no it wasn't",
        "ticket 206-555-0142 closed without a fix",
        "invoice ref 206-555-0142 attached",
        "my order id (206) 555-0142 pls help",
        "case 2065550142 escalated",
        "ISBN 978-3-16-148410-0",
        "flight 2065550142 delayed again",
        "confirmation (206) 555-0142",
        "account no 206 555 0142",
        "serial 2065550142",
        "Version 2065.550.142 is out",
        "firmware 206-555-0142 bricked my router",
        "PO Box 2065550142",
        "Bestellnummer 0151 23456789",
        "mi pedido 2065550142 no llega",
        "commande 2065550142 toujours pas livrée",
        # prefixes
        "#2065550142",
        "# 2065550142",
        "$206 555 0142 raised!",
        "€2065550142",
        "£206 555 0142",
        "¥2065550142",
        "No. 206-555-0142",
        "Nr. 206 555 0142",
        # glued to letters or other digits
        "abc2065550142",
        "2065550142xyz",
        "12-206-555-0142",
        "206-555-0142-99",
        "2065550142@txt.att.net",
        # dates, times, ranges, prices, quantities
        "1990-2020 was a ride",
        "12/10/2020",
        "10:30-11:45 and 12:00-13:30",
        "the years 1999 2000 2001 2002",
        "1,206,555,014 views",
        "206 555 0142 km driven",
        "2065550142 € raised",
        # links, handles, hashtags
        "https://t.co/2065550142",
        "see www.site.com/2065550142",
        "@2065550142 hi",
        # business lines
        "call 1-800-555-0199 for support",
        "premium line +1 900 555 0199",
        "hotline +33 884 01 23 45",
        "text me at +44 55 1234 5678",
        # not valid numbers, placeholders
        "call me 12345",
        "text me 12345678",
        "my number is 0000000",
        "",
    ],
)
def test_phone_hard_negatives(text: str) -> None:
    assert find(text, RULE) == []


def test_context_word_before_wins_over_earlier_cue() -> None:
    assert find("call me about ticket 2065550142", RULE) == []


def test_personal_cue_nearer_than_negative_word() -> None:
    [m] = find("re your order: call me 206-555-0142", RULE)
    assert m.confidence is Confidence.HIGH


def test_context_does_not_cross_sentences() -> None:
    [m] = find("Order finally arrived! Call me 206-555-0142", RULE)
    assert m.confidence is Confidence.HIGH


def test_region_decides_national_numbers() -> None:
    text = "ruf mich an: 0151 23456789"
    [m] = find(text, RULE, region="DE")
    assert m.key == "+4915123456789"
    assert m.detail == "valid DE mobile number"
    assert "country from the language (German)" not in m.reasons


def test_another_country_from_the_cue_language() -> None:
    # not valid in the account's region (US): the German cue says where to read it
    for region in ("US", None):
        [m] = find("ruf mich an: 0151 23456789", RULE, region=region)
        assert m.key == "+4915123456789"
        assert m.confidence is Confidence.HIGH
        assert "country from the language (German)" in m.reasons


def test_local_number_after_a_personal_cue() -> None:
    [m] = find("call me 555-0142", RULE)
    assert m.key == "tel:5550142"
    assert m.confidence is Confidence.MEDIUM
    assert m.detail == "phone number (local number without its area code)"
    # seven digits with only a neutral word next to them are not enough
    assert find("I keep getting calls from 555-0142", RULE) == []


def test_international_numbers_ignore_region() -> None:
    [m] = find("+49 151 23456789", RULE, region="US")
    assert m.key == "+4915123456789"
    assert m.confidence is Confidence.MEDIUM


def test_structured_phone_field() -> None:
    [m] = find("  +49 151 23456789 ", RULE, Role.PHONE)
    assert m.confidence is Confidence.HIGH
    assert m.value == "+49 151 23456789"
    assert m.span == (2, 18)
    assert m.reasons[0] == "profile phone field"
    [m] = find("(206) 555-0142", RULE, Role.PHONE)
    assert m.key == "+12065550142"


@pytest.mark.parametrize("text", ["", "12345", "not a phone", "+1 555 0142", "1-800-555-0199"])
def test_structured_phone_invalid_or_business(text: str) -> None:
    assert find(text, RULE, Role.PHONE) == []


def test_other_role_needs_formatting() -> None:
    assert find("2065550142", RULE, Role.OTHER) == []
    assert find("1712345678901", RULE, Role.OTHER) == []
    [m] = find("+1 206-555-0142", RULE, Role.OTHER)
    assert m.confidence is Confidence.MEDIUM
    [m] = find("(206) 555-0142", RULE, Role.OTHER)
    assert m.confidence is Confidence.LOW


@pytest.mark.parametrize("role", [Role.NAME, Role.PLACE, Role.DEVICE, Role.BIRTHDATE])
def test_other_roles_are_not_read(role: Role) -> None:
    assert find("call me (206) 555-0142", RULE, role) == []


def test_other_field_name_is_context() -> None:
    from privaudit.model import Field

    from .helpers import record, scan

    for name in ("phone_number", "mobilePhone", "tel"):
        rec = record(fields=(Field(name, "/0/" + name, "2065550142", Role.OTHER),))
        [m] = scan(rec)
        assert m.confidence is Confidence.HIGH
        assert m.reasons[0] == f"field name: '{name}'"
    rec = record(fields=(Field("hotel_id", "/0/hotel_id", "2065550142", Role.OTHER),))
    assert scan(rec) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Name: Toshimi Arata Phone: 0490 75 40 81", "0490 75 40 81"),
        ("Mobile: 03.93.92.16.85 and that's it", "03.93.92.16.85"),
        ("Desk: +41 (0)96 471 07 95", "+41 (0)96 471 07 95"),
        ("reach me at 21 284 698 2548 anytime", "21 284 698 2548"),
        ("Fax: 345-899-3560x4587", "345-899-3560x4587"),
        ("Lara 082 490 1693-Office", "082 490 1693"),
    ],
)
def test_labelled_numbers_from_any_country(text: str, value: str) -> None:
    [match] = find(text, RULE)
    assert match.value == value
    assert match.confidence is Confidence.MEDIUM
    assert match.detail.startswith("phone number (")
    assert match.key.startswith(("tel:", "+"))
    assert "•" in match.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Home: 2020-10-12 was the day",
        "Office: 10:30-11:45 on Mondays",
        "home: 1990-2020 were good years",
        "phone: 12345",
        "work: 3 days a week",
    ],
)
def test_labels_without_a_phone_shape_are_ignored(text: str) -> None:
    assert find(text, RULE) == []
