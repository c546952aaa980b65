from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors.address import DETECTOR, candidates
from privaudit.detectors.interface import DetectContext
from privaudit.model import Category, Confidence, Exposure, Field, Kind, Match, Record, Role

from .helpers import find

RULE = "home-address"
STREET = "street-address"


def run(text: str, role: Role = Role.TEXT, kind: Kind = Kind.POST) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets.js", pointer="/0", kind=kind,
        exposure=Exposure.PUBLIC, author_is_self=True,
        fields=(Field("full_text", "/0/tweet/full_text", text, role),),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, DetectContext()))
    for m in matches:
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
    return matches


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("come over to 4512 Fremont Ave N, Seattle WA 98103 for the housewarming 🏡",
         "4512 Fremont Ave N, Seattle WA 98103", "4512 fremont ave n"),
        ("send it to 500 W 42nd St Apt 5B, New York, NY 10036 pls",
         "500 W 42nd St Apt 5B, New York, NY 10036", "500 w 42nd st"),
        ("New address: 221B Baker Street, London NW1 6XE 📦",
         "221B Baker Street, London NW1 6XE", "221b baker st"),
        ("we moved to 88 Queen St W, Toronto, ON M5H 2N2!!", "88 Queen St W, Toronto, ON M5H 2N2",
         "88 queen st w"),
        ("Our new place: 12 Smith St, Fitzroy VIC 3065", "12 Smith St, Fitzroy VIC 3065",
         "12 smith st"),
        ("ich wohne jetzt in der Lindenweg 7, 10115 Berlin", "Lindenweg 7, 10115 Berlin",
         "lindenweg 7"),
        ("Meine neue Adresse: Hauptstraße 5a, 80331 München", "Hauptstraße 5a, 80331 München",
         "hauptstr 5a"),
        ("j'habite au 12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris",
         "12 rue de la paix"),
        ("mi dirección es Calle Mayor 5, 3º B, 28013 Madrid", "Calle Mayor 5, 3º B, 28013 Madrid",
         "calle mayor 5"),
        ("ons adres: Keizersgracht 123, 1015 CJ Amsterdam", "Keizersgracht 123, 1015 CJ Amsterdam",
         "keizersgracht 123"),
        ("il mio indirizzo è Via Roma 12, 00184 Roma", "Via Roma 12, 00184 Roma", "via roma 12"),
        ("Party at mine tonight! 12 Oak Lane, bring snacks", "12 Oak Lane", "12 oak ln"),
    ],
)  # fmt: skip
def test_home_addresses(text: str, value: str, key: str) -> None:
    [m] = run(text)
    assert (m.value, m.key) == (value, key)
    assert m.rule == RULE and m.category is Category.ADDRESS
    assert m.harm == 70
    assert m.confidence in (Confidence.HIGH, Confidence.MEDIUM)
    assert any(r.startswith("context:") for r in m.reasons)


def test_full_address_with_postcode_and_cue_is_high() -> None:
    [m] = run("come over to 4512 Fremont Ave N, Seattle WA 98103 for the housewarming 🏡")
    assert m.confidence is Confidence.HIGH
    assert m.evidence == "•••• ••••• Ave N, ••••• WA 981••"
    assert m.detail == "home address, valid US postcode"
    assert "context: 'come over to'" in m.reasons


def test_evidence_never_shows_the_street_or_number() -> None:
    for text, shown in [
        ("New address: 221B Baker Street, London NW1 6XE", "•••• ••••• Street, ••••• NW1 •••"),
        ("ich wohne in der Lindenweg 7, 10115 Berlin", "•••••weg •, 10••• •••••"),
        ("j'habite au 12 rue de la Paix, 75002 Paris", "•• rue •••••, 75••• •••••"),
        ("ons adres: Keizersgracht 123, 1015 CJ Amsterdam", "•••••gracht •••, 10•• •• •••••"),
    ]:
        [m] = run(text)
        assert m.evidence == shown
        assert "Baker" not in m.evidence and "Paix" not in m.evidence


def test_street_without_postcode_needs_a_home_cue() -> None:
    [m] = run("I live at 10 Downing Street now lol")
    assert m.confidence is Confidence.MEDIUM and m.harm == 70
    assert run("10 Downing Street is iconic") == []
    assert run("123 Main St") == []


def test_lower_case_street_is_low_confidence() -> None:
    [m] = run("come over to 4512 fremont ave tonight")
    assert m.confidence is Confidence.LOW


def test_street_address_without_cue_is_lower_harm() -> None:
    [m] = run("123 Main St, Seattle, WA 98103")
    assert m.rule == STREET and m.harm == 45 and m.title == "Street address"
    assert m.confidence is Confidence.HIGH
    assert m.detail == "street address (nothing says whose), valid US postcode"


def test_wrong_postcode_is_an_address_but_not_validated() -> None:
    for text in ("123 Main St, Seattle, WA 10036", "88 Queen St W, Toronto, ON H2X 1Y4"):
        [m] = run(text)
        assert m.rule == STREET and m.confidence is Confidence.MEDIUM
        assert m.reasons == ("city and state",)
        assert not any(r.startswith("valid") for r in m.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "Great dinner at the restaurant on 123 Main St, Seattle WA 98103",
        "Open 9am-5pm at 123 Main St, Seattle WA 98103",
        "I'm at Starbucks (1912 Pike Pl, Seattle, WA 98101)",
        "join us for the event at 500 Market St, San Francisco, CA 94105!",
        "tickets at the door, 221B Baker Street, London NW1 6XE",
        "Our new store is now open: 12 Smith St, Fitzroy VIC 3065",
        "Neue Öffnungszeiten im Café, Hauptstraße 5, 80331 München",
        "@BlueBottle 1912 Pike Pl, Seattle, WA 98101 best coffee",
        "Museo del Prado, Calle de Ruiz de Alarcón 23, 28014 Madrid",
        # not an address at all
        "I walked 5 miles down the road",
        "we moved into a 2 bedroom place",
        "Platz 3 bei der WM, nicht schlecht",
        "Top 10 Main St restaurants https://t.co/x1",
        "meet me at 5 on Main St",
        "ZIP 98103 WA is nice",
        "call me at 206-555-0142",
        "check https://example.com/4512-fremont-ave-n-seattle-wa-98103",
        "WA 98103 123 Main",
    ],
)
def test_negatives(text: str) -> None:
    assert run(text) == []


def test_structured_address_field_is_high() -> None:
    [m] = run("  4512 Fremont Ave N, Seattle, WA 98103 ", Role.ADDRESS)
    assert m.confidence is Confidence.HIGH and m.harm == 70
    assert m.value == "4512 Fremont Ave N, Seattle, WA 98103"
    assert m.key == "4512 fremont ave n"
    assert m.reasons == ("profile address field",)
    [m] = run("Flat 2, Rosehill Court 7", Role.ADDRESS)
    assert m.evidence == "Flat ••, ••••• •"
    assert run("Berlin", Role.ADDRESS) == []


def test_profile_location_with_a_street_is_home() -> None:
    [m] = run("12 Oak Lane, Springfield", Role.PLACE, Kind.PROFILE)
    assert m.harm == 70 and m.confidence is Confidence.MEDIUM
    assert "profile location field" in m.reasons
    assert run("Munich, Germany", Role.PLACE, Kind.PROFILE) == []
    # the address of a visited place or check-in is not the owner's home
    assert run("Oranienstraße 7, 10999 Berlin", Role.PLACE, Kind.LOCATION) == []
    assert run("12 Oak Lane, Springfield", Role.PLACE, Kind.POST) == []


def test_unknown_strings_need_a_valid_postcode() -> None:
    [m] = run("123 Main St, Seattle, WA 98103", Role.OTHER)
    assert m.confidence is Confidence.LOW and m.rule == STREET
    assert run("12 Oak Lane", Role.OTHER) == []
    assert run("12 Oak Lane, Springfield, IL", Role.OTHER) == []  # no postcode to check


def test_repeated_address_shares_a_key() -> None:
    a = run("come over to 4512 Fremont Ave N tonight")
    b = run("new place! 4512 Fremont Avenue North, Seattle WA 98103")
    assert a[0].key == b[0].key == "4512 fremont ave n"


def test_candidates_validate_postcodes() -> None:
    assert [c.country for c in candidates("12 Smith St, Fitzroy VIC 3065")] == ["AU"]
    assert [c.country for c in candidates("12 Smith St, Perth VIC 6000")] == [None]
    assert [c.country for c in candidates("12 Smith St, Seattle, Washington 98103")] == ["US"]
    assert candidates("no digits here") == []


def test_through_the_registry() -> None:
    [m] = find("come over to 4512 Fremont Ave N, Seattle WA 98103 🏡", RULE)
    assert m.confidence is Confidence.HIGH


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=200),
        st.from_regex(
            r"(come over to |ich wohne |)[0-9]{1,5} [A-Za-zäß]{1,8} (St|Ave|Road|straße|rue)"
            r"[ ,A-Z0-9]{0,20}",
        ),
    ),
    role=st.sampled_from([Role.TEXT, Role.PLACE, Role.ADDRESS, Role.OTHER]),
    kind=st.sampled_from(list(Kind)),
)
def test_never_raises(text: str, role: Role, kind: Kind) -> None:
    run(text, role, kind)
