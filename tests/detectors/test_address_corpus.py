"""A synthetic multilingual corpus for the address rules: addresses people post in US, UK,
CA, AU, DE, AT, CH, FR, BE, ES, PT, NL, IT, Nordic and Polish formats, and hard negatives
(numbered things, public places, scores) that must stay silent. Every person and address
here is made up."""

from __future__ import annotations

import re

import pytest

from privaudit.detectors.address import DETECTOR, candidates
from privaudit.detectors.interface import DetectContext
from privaudit.model import Confidence, Exposure, Field, Kind, Match, Record, Role

HOME = "home-address"
STREET = "street-address"


def run(text: str, role: Role = Role.TEXT) -> list[Match]:
    rec = Record(
        platform="x", archive="a.zip", path="data/tweets.js", pointer="/0", kind=Kind.POST,
        exposure=Exposure.PUBLIC, author_is_self=True,
        fields=(Field("full_text", "/0/tweet/full_text", text, role),),
    )  # fmt: skip
    matches = list(DETECTOR.detect(rec, DetectContext()))
    for m in matches:
        assert m.span is not None
        assert text[m.span[0] : m.span[1]] == m.value
    return matches


POSITIVES: list[tuple[str, str, str]] = [
    # (text, rule, reported value)
    # United States
    ("1010 Lakeshore Blvd Apt 707 Chicago IL 60611", STREET,
     "1010 Lakeshore Blvd Apt 707 Chicago IL 60611"),
    ("new apartment who dis: 230 W 16th St Apt 4C, New York, NY 10011", HOME,
     "230 W 16th St Apt 4C, New York, NY 10011"),
    ("mail me at 9 Harbor View Ct, Portland ME 04101 thx", HOME,
     "9 Harbor View Ct, Portland ME 04101"),
    ("Return address for the swap: 5120 Cedar Ridge Ln Unit 12, Plano, TX 75093", HOME,
     "5120 Cedar Ridge Ln Unit 12, Plano, TX 75093"),
    ("we're at 4412 County Road 17, Millbrook, AL 36054 if u get lost", STREET,
     "4412 County Road 17, Millbrook, AL 36054"),
    ("finally closed on the house!! 1847 Maplewood Dr, Boise, ID 83704 🏡", HOME,
     "1847 Maplewood Dr, Boise, ID 83704"),
    ("285 West Dearborn, Englewood, FL 34223", STREET, "285 West Dearborn, Englewood, FL 34223"),
    ("1905 Cottage Grove Avenue, Des Moines, IA 50314", STREET,
     "1905 Cottage Grove Avenue, Des Moines, IA 50314"),
    ("55 WINDSOR PLACE, CHAMPAIGN, ILLINOIS", STREET, "55 WINDSOR PLACE, CHAMPAIGN, ILLINOIS"),
    ("1555 palm beach lakes blvd. ste. 406 w. palm beach fl 33401", STREET,
     "1555 palm beach lakes blvd. ste. 406 w. palm beach fl 33401"),
    ("send care packages to PSC 1234, Box 5678, APO AE 09012 💌", HOME,
     "PSC 1234, Box 5678, APO AE 09012"),
    # United Kingdom
    ("Moved in today 🎉 Flat 3, 14 Albion Road, Leeds LS6 1AB", HOME,
     "Flat 3, 14 Albion Road, Leeds LS6 1AB"),
    ("parcel to 27 Kingsley Avenue, Bristol BS7 9DN please", STREET,
     "27 Kingsley Avenue, Bristol BS7 9DN"),
    ("our new place: 5 Rowan Close, Didsbury, Manchester M20 6TP", HOME,
     "5 Rowan Close, Didsbury, Manchester M20 6TP"),
    # Canada
    ("Housewarming Saturday! 1420 Rue Saint-Denis, Montréal, QC H2X 3J8", HOME,
     "1420 Rue Saint-Denis, Montréal, QC H2X 3J8"),
    ("send the cards to 88 Maple Cres, Oakville, ON L6J 2K4", HOME,
     "88 Maple Cres, Oakville, ON L6J 2K4"),
    # Australia
    ("Unit 4, 22 Wattle St, Brunswick VIC 3056 is where the party's at", STREET,
     "Unit 4, 22 Wattle St, Brunswick VIC 3056"),
    ("new digs: 19 Banksia Pde, Coogee NSW 2034", HOME, "19 Banksia Pde, Coogee NSW 2034"),
    # Germany, Austria, Switzerland
    ("Einweihungsparty am Samstag bei uns: Kastanienallee 12, 10435 Berlin", HOME,
     "Kastanienallee 12, 10435 Berlin"),
    ("Paket bitte an Goethestraße 44, Whg. 3, 60313 Frankfurt am Main", STREET,
     "Goethestraße 44, Whg. 3, 60313 Frankfurt"),
    ("Wir wohnen jetzt in der Mozartgasse 9, 1040 Wien", HOME, "Mozartgasse 9, 1040 Wien"),
    ("Am Lindenhof 4, 8001 Zürich – endlich eingezogen", HOME, "Am Lindenhof 4, 8001 Zürich"),
    # France, Belgium
    ("On a déménagé ! 18 rue des Lilas, 69003 Lyon", HOME, "18 rue des Lilas, 69003 Lyon"),
    ("Pendaison de crémaillère samedi au 7 bis avenue Jean Jaurès, 31000 Toulouse", HOME,
     "7 bis avenue Jean Jaurès, 31000 Toulouse"),
    ("notre adresse: Rue de la Station 24, 1000 Bruxelles", HOME,
     "Rue de la Station 24, 1000 Bruxelles"),
    # Spain, Portugal
    ("Nuestra nueva casa: Calle del Olivo 14, 2º A, 41003 Sevilla", HOME,
     "Calle del Olivo 14, 2º A, 41003 Sevilla"),
    ("me mudé a Avda. de la Constitución 8, 46002 Valencia", HOME,
     "Avda. de la Constitución 8, 46002 Valencia"),
    ("Carrer de Provença 212, 08036 Barcelona, os espero!", STREET,
     "Carrer de Provença 212, 08036 Barcelona"),
    ("Moramos agora na Rua das Flores 45, 4050-262 Porto, Portugal", STREET,
     "Rua das Flores 45, 4050-262 Porto, Portugal"),
    # Netherlands
    ("Ons nieuwe adres: Prinsengracht 456, 1017 KE Amsterdam", HOME,
     "Prinsengracht 456, 1017 KE Amsterdam"),
    ("verhuisd naar Wilhelminalaan 12, 3581 AB Utrecht 📦", HOME,
     "Wilhelminalaan 12, 3581 AB Utrecht"),
    # Italy
    ("Festa a casa mia sabato, Via Garibaldi 21, 10122 Torino", HOME,
     "Via Garibaldi 21, 10122 Torino"),
    ("il mio nuovo indirizzo: Piazza Santo Spirito 3, 50125 Firenze", HOME,
     "Piazza Santo Spirito 3, 50125 Firenze"),
    # Nordic, Poland
    ("Ny adresse: Nørregade 14, 1165 København K", HOME, "Nørregade 14, 1165 København K"),
    ("Finally moved to Storgatan 21, Apt. 4, Uppsala, Sweden", HOME,
     "Storgatan 21, Apt. 4, Uppsala, Sweden"),
    ("mój adres: ul. Lipowa 12, 00-950 Warszawa", STREET, "ul. Lipowa 12, 00-950 Warszawa"),
    ("Kiannonkatu 8, 00100 Helsinki", STREET, "Kiannonkatu 8, 00100 Helsinki"),
    # a street line without a type: a unit or a validated postcode after it, or "lives at"
    ("Kesk 53 Suite 343, Pärnu, Estonia", STREET, "Kesk 53 Suite 343, Pärnu, Estonia"),
    ("Dana lives at Maneeži 75, Saareküla", HOME, "Maneeži 75"),
    ("I live on the corner of Alder Street and 5th Avenue", HOME,
     "the corner of Alder Street and 5th Avenue"),
    # "meet you at … after the concert": the concert is not at the address
    ("I'll meet you at 14 Ivy Court Apt. 3, Reading RG1 2AB after the concert", STREET,
     "14 Ivy Court Apt. 3, Reading RG1 2AB"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "rule", "value"), POSITIVES)
def test_addresses_in_social_phrasing(text: str, rule: str, value: str) -> None:
    found = run(text)
    assert [(m.rule, m.value) for m in found] == [(rule, value)]
    [m] = found
    assert m.category.value == "address"
    assert m.confidence in (Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW)


@pytest.mark.parametrize(("text", "rule", "value"), POSITIVES)
def test_evidence_hides_the_house_and_street(text: str, rule: str, value: str) -> None:
    [m] = run(text)
    # no house or unit number survives (a postcode shows only its first digits, then •)
    for number in re.findall(r"(?<![A-Za-z\d])\d{2,}", value):
        assert not re.search(rf"(?<!\d){number}(?![\d•])", m.evidence), (number, m.evidence)
    for word in re.findall(r"[^\W\d_]{4,}", value):
        if word.lower() in _SHOWN_WORDS:
            continue
        assert word not in m.evidence, (word, m.evidence)


_SHOWN_WORDS = {
    # street types, unit words and countries are shown; names and cities never are
    "blvd", "court", "road", "avenue", "close", "cres", "place", "suite", "unit", "flat",
    "calle", "avda", "carrer", "piazza", "county", "lane", "street", "sweden", "portugal",
    "estonia", "illinois", "corner",
}  # fmt: skip


NEGATIVES = [
    # numbered things and famous lines
    "Main Street Cafe has the best pancakes",
    "brunch on 5th Avenue today",
    "Downing Street said the plan is off",
    "it's 10 Downing Street",
    "Arsenal 2 Chelsea 1 what a game",
    "Lakers 102, Celtics 99 in Boston MA 02114 tonight",
    "2 Broke Girls reruns all weekend",
    "Game 7 tonight at Madison Square Garden",
    "upgraded to Windows 11 Pro, hate it",
    "iPhone 15 Pro Max 256 GB for sale",
    "Route 66 road trip day 4",
    "Room 101 is scary",
    "Heathrow Terminal 5 delays again",
    "Paris 2024 was amazing",
    "Season 3 Episode 4 of the show",
    "watching Brooklyn 99 again",
    "Beverly Hills 90210 reboot?",
    "Apollo 11 landed in 1969",
    "Studio 54 vibes",
    "scored 3 goals in 2 games, 4 assists, MVP in Dallas TX 75201",
    "I was born in 1990 in Berlin 10115",
    "flight BA 283 from London LHR gate 22 boarding",
    "Top 5 Main St spots",
    "my ip address is 192.168.1.12",
    "I moved to Paris 2019 and never looked back",
    "she lives at Studio 54 basically",
    "we live in 2024, not 1950",
    "Platz 3 beim Turnier in München",
    "Via 2 linee della metro, 20121 Milano è vicina",
    "Straße 5 ist gesperrt",
    "Chapter 11 filing in Delaware 19801",
    "DELL Inspiron 17 R 5721 Core i5 laptop",
    "walked 12 miles down Oak Road, Seattle WA 98101",
    # public places and businesses
    "lunch at Joe's, 123 Main St, Seattle WA 98101 best burgers",
    "Visit our shop at 45 High Street, Oxford OX1 4AP, open 9am-5pm",
    "The museum is at 1000 5th Ave, New York, NY 10028",
    "I'm at Blue Bottle Coffee (66 Mint St, San Francisco, CA 94103)",
    "Concert tonight at the Arena, 2500 Victory Ave, Dallas, TX 75219!",
    "Top 10 restaurants at 500 Market St, San Francisco, CA 94105",
    "Tickets: Hauptstraße 5, 80331 München, Einlass 19 Uhr",
    "Nuevo restaurante en Calle Mayor 5, 28013 Madrid",
    "Notre boutique: 12 rue de la Paix, 75002 Paris",
    "Our offices are located at 200 Park Ave Suite 1700, New York, NY 10166",
    # post-office boxes, and a street line alone
    "PO Box 1234, Springfield, IL 62701",
    "write to P.O. Box 55, Hartford, CT 06101",
    "Postfach 10 20 30, 10115 Berlin",
    "123 Main St",
    "Lindenweg 7",
    "the parade goes down 5 Oak Road at noon",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives(text: str) -> None:
    assert run(text) == []


def test_rule_levels() -> None:
    [home] = run("come over to 14 Ivy Court, Reading RG1 2AB")
    [street] = run("14 Ivy Court, Reading RG1 2AB")
    assert (home.rule, home.harm, home.title) == (HOME, 70, "Home address")
    assert (street.rule, street.harm, street.title) == (STREET, 45, "Street address")
    assert home.key == street.key == "14 ivy ct"


def test_what_makes_a_line_a_full_address() -> None:
    assert [c.support for c in candidates("12 Oak Lane Apt 4")] == [("apartment or unit number",)]
    assert [c.support for c in candidates("12 Oak Lane, Springfield, IL")] == [("city and state",)]
    assert [c.support for c in candidates("Storgatan 21, Uppsala, Sweden")] == [("country named",)]
    [cand] = candidates("Allika tänav 46, Riisa, Estonia 62488")
    assert cand.support == ("valid EE postcode",) and cand.country == "EE"
    [cand] = candidates("12 Oak Lane, Springfield")  # a city alone is not enough
    assert cand.support == () and cand.end == len("12 Oak Lane")


def test_military_addresses() -> None:
    [m] = run("PSC 1234, Box 5678, APO AE 09012")
    assert m.rule == STREET and m.confidence is Confidence.HIGH
    assert m.evidence == "PSC ••••, APO AE 090••"
    [m] = run("USS Nimitz FPO AP 96620")
    assert m.rule == STREET
    [m] = run("PSC 1234, Box 5678, APO AE 12345")  # ZIP outside the APO AE range
    assert m.confidence is Confidence.MEDIUM


def test_a_street_line_without_a_type_needs_more() -> None:
    assert run("Kesk 53, Pärnu") == []
    assert run("285 West Dearborn") == []
    assert run("Ring the bell at Kesk 53") == []
    [m] = run("address: Kesk 53")
    assert m.rule == HOME and m.confidence is Confidence.MEDIUM


def test_profile_location_without_a_street_type_is_not_an_address() -> None:
    rec = Record(
        platform="x", archive="a.zip", path="data/account.js", pointer="/0", kind=Kind.PROFILE,
        exposure=Exposure.PUBLIC, author_is_self=True,
        fields=(Field("location", "/0/location", "Studio 54, NYC", Role.PLACE),),
    )  # fmt: skip
    assert list(DETECTOR.detect(rec, DetectContext())) == []


def test_others_in_the_registry_agree() -> None:
    assert {r.id for r in DETECTOR.rules} == {HOME, STREET}
