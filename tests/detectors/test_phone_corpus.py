"""The phone rule on our own synthetic multilingual corpus: many phrasings, several
languages and countries, and hard negatives that look like phone numbers but are not.

Every number here is fictional (555-01xx, sequential digit runs) and every sentence is
made up for this file.
"""

from __future__ import annotations

import time

import pytest

from privaudit.assess import Hit
from privaudit.assess.overlap import resolve_overlaps
from privaudit.model import Category, Confidence, Field, Role

from .helpers import find, record, scan

RULE = "phone-number"

HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW

# (text, value, key — E.164, "tel:<digits>" when the country is not certain —, confidence)
POSITIVES: list[tuple[str, str, str, Confidence]] = [
    # English: personal cues, neutral phone words, labels, extensions, trunk (0)
    ("new number, text me 📱 (206) 555-0142 !!", "(206) 555-0142", "+12065550142", HIGH),
    ("you can reach me at 206.555.0142 after 6", "206.555.0142", "+12065550142", HIGH),
    ("text me at 2065550142 pls", "2065550142", "+12065550142", HIGH),
    ("Call 206-555-0142 if the gate is locked", "206-555-0142", "+12065550142", MEDIUM),
    ("Office: (206) 555-0142 x 23", "(206) 555-0142 x 23", "+12065550142", LOW),
    ("Reach me at +44 (0)20 7946 0958 during the week", "+44 (0)20 7946 0958",
     "+442079460958", HIGH),
    ("call me on +44 20 7946 0958 ext. 204", "+44 20 7946 0958 ext. 204", "+442079460958",
     HIGH),
    ("Tel. +41 (0)79 123 45 67", "+41 (0)79 123 45 67", "+41791234567", HIGH),
    ("Fax: +33 1 42 68 53 07", "+33 1 42 68 53 07", "+33142685307", MEDIUM),
    ("they're not answering at 06 12 34 56 78, is the line dead?", "06 12 34 56 78",
     "tel:0612345678", MEDIUM),
    ("I keep getting messages to 0151 23456789 that aren't for me", "0151 23456789",
     "tel:015123456789", MEDIUM),
    ("missed three calls from 07911 123456 this morning", "07911 123456", "tel:07911123456",
     MEDIUM),
    ("still no answer on 0412 345 678", "0412 345 678", "tel:0412345678", MEDIUM),
    ("please stop sending texts to 079 123 45 67, wrong person", "079 123 45 67",
     "tel:0791234567", MEDIUM),
    ("sent the form to my registered number 06 12 34 56 78 but nothing came",
     "06 12 34 56 78", "tel:0612345678", MEDIUM),
    ("my new cell 07911 123456 - delete the old one", "07911 123456", "tel:07911123456",
     MEDIUM),
    ("Mobile: 0412 345 678", "0412 345 678", "tel:0412345678", MEDIUM),
    ("can't get through to 0470 12 34 56 at all", "0470 12 34 56", "tel:0470123456", MEDIUM),
    ("is 0612 345 678 still your number?", "0612 345 678", "tel:0612345678", MEDIUM),
    # the country named in the post: a capital, a city, a web address, a +CC number nearby
    ("whatsapp me 0470 12 34 56 when you land in Brussels", "0470 12 34 56", "+32470123456",
     HIGH),
    ("In Paris next week, ring me on 06 12 34 56 78", "06 12 34 56 78", "+33612345678", HIGH),
    ("Phone 030 12345678 (Berlin office)", "030 12345678", "+493012345678", HIGH),
    ("order from shop.nl or call me 06 12345678", "06 12345678", "+31612345678", HIGH),
    ("Desk: +41 44 123 45 67, mobile: 079 123 45 67", "079 123 45 67", "+41791234567", HIGH),
    # German
    ("Ruf mich an unter 0151 23456789", "0151 23456789", "+4915123456789", HIGH),
    ("meine Handynummer: 0171 2345678", "0171 2345678", "+491712345678", HIGH),
    ("Bin ab Montag erreichbar unter 030 12345678", "030 12345678", "+493012345678", HIGH),
    ("Schreib mir auf WhatsApp: 0160 1234567", "0160 1234567", "+491601234567", HIGH),
    ("Neue Nummer: 0176 12345678, bitte speichern", "0176 12345678", "+4917612345678",
     MEDIUM),
    # French
    ("appelle-moi au 06 12 34 56 78 stp", "06 12 34 56 78", "+33612345678", HIGH),
    ("mon portable : 07 81 23 45 67", "07 81 23 45 67", "+33781234567", HIGH),
    ("Tu peux me joindre au 06.12.34.56.78 ce soir", "06.12.34.56.78", "+33612345678",
     MEDIUM),
    ("Mon numéro c'est le 06 12 34 56 78", "06 12 34 56 78", "+33612345678", HIGH),
    ("Je ne réponds plus au 01 42 68 53 07, j'ai changé", "01 42 68 53 07", "+33142685307",
     MEDIUM),
    # Spanish
    ("llámame al 612 34 56 78", "612 34 56 78", "+34612345678", HIGH),
    ("mi número es 699 123 456", "699 123 456", "+34699123456", HIGH),
    ("Escríbeme por WhatsApp al 655 12 34 56", "655 12 34 56", "+34655123456", HIGH),
    ("No contestan en el 912 345 678 desde ayer", "912 345 678", "+34912345678", MEDIUM),
    # Italian, Dutch, Portuguese
    ("chiamami al 347 123 4567", "347 123 4567", "+393471234567", HIGH),
    ("il mio numero è 333 1234567", "333 1234567", "+393331234567", HIGH),
    ("bel me op 06 12345678", "06 12345678", "+31612345678", HIGH),
    ("mijn nummer is 06-12345678", "06-12345678", "+31612345678", HIGH),
    ("me liga no 912 345 678", "912 345 678", "+351912345678", HIGH),
    ("meu número é (11) 91234-5678", "(11) 91234-5678", "+5511912345678", HIGH),
    # written the way the post's country writes numbers, no phone word
    ("De retour à Lyon ! 06 12 34 56 78", "06 12 34 56 78", "+33612345678", LOW),
    # spelled out
    ("text me: two oh six, five five five, oh one four two",
     "two oh six, five five five, oh one four two", "+12065550142", HIGH),
    ("call me at two zero six five five five zero one four two",
     "two zero six five five five zero one four two", "+12065550142", HIGH),
    ("llámame: seis uno dos, tres cuatro cinco, seis siete ocho",
     "seis uno dos, tres cuatro cinco, seis siete ocho", "+34612345678", HIGH),
    ("ruf mich an: null eins fünf eins, zwei drei vier fünf sechs sieben acht neun",
     "null eins fünf eins, zwei drei vier fünf sechs sieben acht neun", "+4915123456789",
     HIGH),
    ("text me: two oh six, double five five, oh one four two",
     "two oh six, double five five, oh one four two", "+12065550142", HIGH),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "key", "confidence"), POSITIVES)
def test_corpus_positives(text: str, value: str, key: str, confidence: Confidence) -> None:
    [match] = [m for m in find(text, RULE) if m.value == value]
    assert match.value == value
    assert match.key == key
    assert match.confidence is confidence
    assert match.category is Category.PHONE
    assert "•" in match.evidence
    assert value[-2:] not in match.evidence.replace("•", "")[:-4]  # only the tail shows


@pytest.mark.parametrize(
    ("text", "region", "key"),
    [
        ("ruf an: 0151 23456789", "DE", "+4915123456789"),
        ("07911 123456", "GB", "+447911123456"),
        ("mi cel: 55 1234 5678", "MX", "+525512345678"),
        ("ring me on 0412 345 678", "AU", "+61412345678"),
        ("bel me: 06 12345678", "NL", "+31612345678"),
    ],
)
def test_account_region_reads_national_numbers(text: str, region: str, key: str) -> None:
    [match] = find(text, RULE, region=region)
    assert match.key == key


HARD_NEGATIVES: list[str] = [
    # identifiers announced by a word before them, in several languages
    "Order 0612345678 still not here",
    "call me about invoice 0490 75 40 81",
    "Rechnung 0151 23456789 bezahlt",
    "mi pedido 612 34 56 78 no llega",
    "commande 06 12 34 56 78 toujours pas livrée",
    "flight 2065550142 delayed again",
    "my order number is 0612 345 678",
    "Tracking: 1Z 999 AA1 0123 4567 84",
    "card number 630427373398 is lost",
    "text me the code 44057950",
    "PIN 2153 9743 call me",
    "my student id is 98259791",
    "mobile data 832 302 968 MB used",
    "phone bill: $495,018,875",
    # dates, times, ranges, scores, versions, addresses of machines and places
    "Score was 2-1, 3-0, 1-1 tonight",
    "Meeting 10:30-11:45 room 4.12",
    "born 12.03.1987 in Lyon",
    "le 12 03 2024 à 14h on se voit",
    "the 1990-2000 years were great",
    "2017-01-25 01:00:11 sensor log",
    "2017 - 01 - 25 01 : 00 : 11 . 530490 ( Sensor : 17",
    "call me 6/22/2009 19:45",
    "shift work 930-1130 then gym",
    "Work 330-1130 come home shower bed",
    "version 10.0.19045.2965 broke my wifi",
    "IP 192.168.100.254 is down",
    "call me, my IP is 123.206.98.52 and it's blocked",
    "coordinates 48.8566, 2.3522",
    "coordinates 41.907067, 34.466470 call me there",
    "GPS 52.520008 13.404954",
    "ISBN 978-3-16-148410-0",
    "great read: 978-3-16-148410-0, call me when you finish it",
    "the ratio was 1.23456789",
    # quantities and money
    "budget € 1.234.567 approved",
    "Population of France: 67 750 000",
    "the number of cases rose to 78-814-992",
    "the number of cases rose to 8-7-345960",
    "0924834.35 steps today, call me",
    "call me, the bill was 2065550142 €",
    # business lines and business wording
    "call us on 020 7946 0000 for bookings",
    "Kundenservice: 030 12345678",
    "Contactez-nous au 01 42 68 53 07",
    "llámanos al 912 345 678 para reservas",
    "appelez le 0800 123 456, c'est gratuit",
    "call 0800 123 4567 for a free quote",
    "Call 1-800-555-0199 for support",
    "premium line +1 900 555 0199",
    "Need tickets? Call 206-555-0142 for reservations",
    # other categories' numbers
    "IBAN DE89 3704 0044 0532 0130 00",
    "Visa 4111 1111 1111 1111 exp 12/27",
    "SSN 078-05-1120",
    # placeholders, counting, no phone word and no country
    "text me 12345678",
    "my number is 0000000",
    "one two three four five six seven eight nine, call me maybe",
    "lottery draw 04 12 23 34 45 46 tonight",
    "06 12 34 56 78",
    "see you at 0151 23456789",
    "won 3 1 0 7 2 6 4 9 games",
    "Final: 06-12-34-56",
    "version 2.0.4 released, call 12 times",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_corpus_hard_negatives(text: str) -> None:
    assert find(text, RULE) == []


def test_country_hint_does_not_overrule_the_account_region() -> None:
    # valid for the account's own region first, whatever country the post mentions
    [match] = find("back from Paris, call me at 206-555-0142", RULE)
    assert match.key == "+12065550142"


def test_country_named_in_the_post_is_a_reason() -> None:
    [match] = find("In Paris next week, ring me on 06 12 34 56 78", RULE)
    assert "country from 'Paris' in the text" in match.reasons
    [match] = find("order from shop.nl or call me 06 12345678", RULE)
    assert "country from a '.nl' address" in match.reasons
    first, second = find("Desk: +41 44 123 45 67, mobile: 079 123 45 67", RULE)
    assert first.key == "+41441234567"
    assert "country from a +41 number nearby" in second.reasons


def test_uncertain_country_says_so() -> None:
    [match] = find("they're not answering at 06 12 34 56 78", RULE)
    assert match.detail == "phone number (national format; country not certain)"
    assert any("country not certain" in r for r in match.reasons)
    assert match.evidence == "•••• ••5678"
    assert match.harm == 50


def test_ambiguous_place_names_are_not_hints() -> None:
    # "Jordan" is a name far more often than the country: the number stays uncertain
    [match] = find("Jordan said call me on 06 12 34 56 78", RULE)
    assert match.key == "tel:0612345678"


def test_seven_digits_need_a_label_outside_the_account_region() -> None:
    [match] = find("Phone: 451 5986", RULE)
    assert match.detail == "phone number (local number without its area code)"
    assert find("they're not answering at 451 5986", RULE) == []


def test_structured_field_of_another_country() -> None:
    [match] = find("06 12 34 56 78", RULE, Role.PHONE)
    assert match.confidence is Confidence.HIGH
    assert match.key == "tel:0612345678"
    assert match.reasons[0] == "profile phone field"
    [match] = find("06 12 34 56 78", RULE, Role.PHONE, region="FR")
    assert match.key == "+33612345678"
    assert find("0800 123 4567", RULE, Role.PHONE) == []
    assert find("12345678", RULE, Role.PHONE) == []


def test_other_role_foreign_number_needs_a_cue() -> None:
    assert find("0612345678", RULE, Role.OTHER) == []
    assert find("06 12 34 56 78", RULE, Role.OTHER) == []
    rec = record(fields=(Field("mobilePhone", "/0/mobilePhone", "06 12 34 56 78", Role.OTHER),))
    [match] = scan(rec)
    assert match.reasons[0] == "field name: 'mobilePhone'"
    assert match.key == "tel:0612345678"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("call me 206-555-0142, card 4929 0575 1016 2829", Category.FINANCIAL),
        ("my SSN is 526-01-8159, my cell (206) 555-0142", Category.GOVERNMENT_ID),
        ("ma carte 4929 0575 1016 2829, mon portable 06 12 34 56 78", Category.FINANCIAL),
        ("IBAN FR14 2004 1010 0505 0001 3M02 606, tel 06 12 34 56 78", Category.FINANCIAL),
    ],
)
def test_one_span_one_category(text: str, category: Category) -> None:
    rec = record(text)
    hits = resolve_overlaps(Hit(rec, m) for m in scan(rec))
    spans: dict[tuple[int, int], Category] = {}
    for hit in hits:
        assert hit.match.span is not None
        for (start, end), other in spans.items():
            assert hit.match.span[1] <= start or end <= hit.match.span[0], (hit.match, other)
        spans[hit.match.span] = hit.match.category
    categories = set(spans.values())
    assert Category.PHONE in categories
    assert category in categories


@pytest.mark.parametrize(
    "text",
    [
        "٠٦١٢٣٤٥٦٧٨ call me",  # Arabic-Indic digits
        "call me " + "1" * 5000,
        "call me " + "06 12 " * 2000,
        "text me at \u200b06\u00a012\u00a034\u00a056\u00a078",
        "+" * 300 + " 06 12 34 56 78 call",
        "(((((((((((0)))))))))))) 0612345678 phone",
        "tel: " + "-" * 1000 + "0612345678",
    ],
)
def test_hostile_text_does_not_break_the_rule(text: str) -> None:
    started = time.perf_counter()
    for match in find(text, RULE):
        assert match.category is Category.PHONE
    assert time.perf_counter() - started < 2.0


def test_spelled_out_and_digit_numbers_in_one_post() -> None:
    text = "text me: two oh six, five five five, oh one four two or 206 555 0199"
    keys = sorted(m.key for m in find(text, RULE))
    assert keys == ["+12065550142", "+12065550199"]


@pytest.mark.parametrize(
    "text",
    [
        "five five five five five five five five five five, call me",  # one digit repeated
        "call me: one two three four five six seven eight",  # counting
        "text me the #two oh six five five five oh one four two",  # a hashtag, not prose
        "I have two cats, five dogs, one parrot, four fish and two kids, call me",
    ],
)
def test_spelled_out_negatives(text: str) -> None:
    assert find(text, RULE) == []
