from __future__ import annotations

import pytest

from privaudit.assess.hit import Hit
from privaudit.assess.overlap import resolve_overlaps
from privaudit.detectors import detect
from privaudit.detectors.financial import (
    SAMPLE_PHRASES,
    TEST_CARDS,
    card_issuer,
    is_card_number,
    is_wif_key,
    is_xprv,
    seed_checksum_ok,
)
from privaudit.detectors.interface import DetectContext
from privaudit.model import Category, Confidence, Field, Role

from .helpers import NOW, find, record, scan

# Synthetic values, made valid with each format's own checksum (nobody's real account).
VISA = "4929 0575 1016 2829"
PHRASE_12 = "tree jaguar success sadness curious observe mystery harbor come purity right path"
PHRASE_24 = (
    "already abstract loyal seed rail walnut panel clutch jealous retire scene fit pottery gym "
    "present feature intact observe silver hurdle square skill behind frown"
)
WIF = "5JmsAzoNWM8CofyZfmS3pWSmg1CXUvnJMrggxXAixs455KR3ErU"
WIF_COMPRESSED = "L1T2T87fvXpo712fC77ZSgxkB9ssYGNwd4JBN49vDZvYyaGYMTkh"
XPRV = (
    "xprvEnbWnqzi9y4cLrgifVkZAFgzsP66ueacmFZAjtERbTcWTq2Tusqvmc5EA5ACrQV6gtPzRdzzeYq3vnAAgoyke"
    "Max7tuqRat2mNzcpqHdNBG"
)
HEX_KEY = "7e33051eeef95a60e56143d6c43bcad76c008a9b0a6b5fc933154a6de28404a8"

# --- payment cards -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "brand"),
    [
        ("ugh my card 4929 0575 1016 2829 keeps getting declined 😤", VISA, "Visa"),
        ("@bank_help card no. 4929-0575-1016-2829 blocked??", "4929-0575-1016-2829", "Visa"),
        ("4929057510162829", "4929057510162829", "Visa"),
        ("Mastercard 5412 4969 0482 6550", "5412 4969 0482 6550", "Mastercard"),
        ("new card 2720 0133 7652 1389 🎉", "2720 0133 7652 1389", "Mastercard"),
        ("Amex 3714 543525 56674", "3714 543525 56674", "American Express"),
        ("Diners 3056 864148 1072", "3056 864148 1072", "Diners Club"),
        ("Discover: 6011354370654076", "6011354370654076", "Discover"),
        ("JCB 3530 9397 6332 9259", "3530 9397 6332 9259", "JCB"),
        ("UnionPay 6212 2942 3886 8426", "6212 2942 3886 8426", "UnionPay"),
        ("Maestro 6759 2717 6920 6183", "6759 2717 6920 6183", "Maestro"),
        ("meine Kreditkarte 4929 0575 1016 2829, bitte nicht klauen", VISA, "Visa"),
        ("mi tarjeta es 4929057510162829 jajaja", "4929057510162829", "Visa"),
        ("ma carte bancaire : 4929 0575 1016 2829", VISA, "Visa"),
    ],
)
def test_card_positives(text: str, value: str, brand: str) -> None:
    [m] = find(text, "payment-card")
    assert m.value == value
    assert m.key == "card:" + value.replace(" ", "").replace("-", "")
    assert m.confidence is Confidence.HIGH
    assert m.category is Category.FINANCIAL
    assert m.harm == 85
    assert m.evidence == f"{brand} •••• {value[-4:]}"
    assert m.reasons[0] == f"Luhn checksum and {brand} issuer range valid"


@pytest.mark.parametrize(
    ("text", "extra"),
    [
        ("lol my card 4929 0575 1016 2829 exp 04/27 just got declined again", "expiry date"),
        ("4929 0575 1016 2829 04/27 123", "expiry date"),
        ("card: 4929-0575-1016-2829 cvv 123", "security code"),
        (
            "Karte 4929057510162829 gültig bis 04/27, Prüfnummer 123",
            "expiry date and security code",
        ),
        ("tarjeta 4929 0575 1016 2829 vence 04/2027", "expiry date"),
    ],
)
def test_expiry_and_cvv_raise_harm(text: str, extra: str) -> None:
    [m] = find(text, "payment-card")
    assert m.harm == 95
    assert m.reasons[-1] == f"{extra} next to it"
    assert m.detail == f"valid Visa card number with {extra}"


@pytest.mark.parametrize("number", sorted(TEST_CARDS))
def test_public_test_cards_are_skipped(number: str) -> None:
    assert find(f"card {number}", "payment-card") == []


@pytest.mark.parametrize(
    "text",
    [
        "4242 4242 4242 4242 exp 12/34 cvc 123",
        "4111-1111-1111-1111",
        "5555 5555 5555 4444",
        "378282246310005",
        # Luhn wrong, issuer wrong, length wrong
        "card 4929 0575 1016 2828",
        "card 9929 0575 1016 2826",
        "card 1234 5678 9012 3456",
        "Visa 49290575101628",
        # identifiers announced by context words
        "order 4929057510162829 hasn't shipped @shop",
        "tracking: 4929 0575 1016 2829",
        "IMEI 490154203237518",
        "invoice ref 4929-0575-1016-2829",
        # glued, links, handles, hashtags, money
        "x4929057510162829",
        "4929057510162829z",
        "12.4929057510162829",
        "https://t.co/4929057510162829",
        "see www.shop.com/p/4929057510162829",
        "#4929057510162829",
        "@4929057510162829",
        "$4929057510162829",
        # repeated digits
        "4444 4444 4444 4448",
        "",
    ],
)
def test_card_hard_negatives(text: str) -> None:
    assert find(text, "payment-card") == []


def test_card_helpers() -> None:
    issuer = card_issuer("371454352556674")
    assert issuer is not None and issuer.brand == "American Express"
    assert card_issuer("3714543525566740") is None  # Amex is 15 digits
    assert is_card_number("4929057510162829")
    assert not is_card_number("4242424242424242")
    assert not is_card_number("4929 0575 1016 2829")  # digits only


def test_other_role_needs_grouping_cue_or_field_name() -> None:
    assert find("4929057510162829", "payment-card", Role.OTHER) == []
    [m] = find(VISA, "payment-card", Role.OTHER)
    assert m.key == "card:4929057510162829"
    rec = record(fields=(Field("card_number", "/0/card_number", "4929057510162829", Role.OTHER),))
    [m] = [m for m in scan(rec) if m.rule == "payment-card"]
    assert "field name: 'card_number'" in m.reasons


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("card 4929 0575 1016 2829", "DE"),
        ("4929057510162829", "DE"),
        ("call me 4929 0575 1016 2829", "DE"),
        ("my card 4929 0575 1016 2829 exp 04/27", None),
    ],
)
def test_card_is_never_also_a_phone(text: str, region: str | None) -> None:
    rec = record(text)
    matches = detect(rec, DetectContext(region=region, now=NOW))
    kept = resolve_overlaps([Hit(rec, m) for m in matches])
    on_card = [h.match for h in kept if h.match.span and h.match.value.endswith("2829")]
    assert [m.rule for m in on_card] == ["payment-card"]


# --- IBAN, bank accounts, BIC ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "key"),
    [
        ("IBAN: DE89 3704 0044 0532 0130 00 thx 🙏", "DE89 3704 0044 0532 0130 00",
         "iban:DE89370400440532013000"),
        ("pls send the 50€ to DE89370400440532013000 by friday", "DE89370400440532013000",
         "iban:DE89370400440532013000"),
        ("GB33BUKB20201555555555 ASAP", "GB33BUKB20201555555555", "iban:GB33BUKB20201555555555"),
        ("mi IBAN es ES91 2100 0418 4502 0005 1332.", "ES91 2100 0418 4502 0005 1332",
         "iban:ES9121000418450200051332"),
        ("my iban is gb33bukb20201555555555", "gb33bukb20201555555555",
         "iban:GB33BUKB20201555555555"),
    ],
)  # fmt: skip
def test_iban_positives(text: str, value: str, key: str) -> None:
    [m] = find(text, "iban")
    assert m.value == value
    assert m.key == key
    assert m.confidence is Confidence.HIGH
    assert m.harm == 70
    assert m.evidence == f"{key[5:7]}•• •••• {key[-4:]}"


@pytest.mark.parametrize(
    "text",
    [
        "DE89 3704 0044 0532 0130 01",  # check digits wrong
        "DE89370400440532013",  # too short for Germany
        "XX89370400440532013000",  # no such country
        "gb33bukb20201555555555",  # lower case without the word IBAN
        "https://bank.example/DE89370400440532013000",
        "#DE89370400440532013000",
    ],
)
def test_iban_hard_negatives(text: str) -> None:
    assert find(text, "iban") == []


@pytest.mark.parametrize(
    ("text", "value", "confidence"),
    [
        ("account number 9876543210 routing 038410756 for the deposit", "9876543210",
         Confidence.HIGH),
        ("routing #: 038410756, acct no: 4829153027", "4829153027", Confidence.HIGH),
        ("sort code 20-00-00 account no 73849261 cheers", "73849261", Confidence.HIGH),
        ("Kontonummer 4829153027 BLZ 370 400 44", "4829153027", Confidence.HIGH),
        ("my bank account number is 48291530 ugh", "48291530", Confidence.MEDIUM),
        ("mi número de cuenta es 0049 1500 0512 3456 7892", "0049 1500 0512 3456 7892",
         Confidence.MEDIUM),
        ("numéro de compte : 30004 00823 00010 5", "30004 00823 00010 5", Confidence.MEDIUM),
    ],
)  # fmt: skip
def test_bank_accounts(text: str, value: str, confidence: Confidence) -> None:
    [m] = find(text, "bank-account")
    assert m.value == value
    assert m.confidence is confidence
    assert m.harm == 60


@pytest.mark.parametrize(
    "text",
    [
        "my account number is 9876543210 and still no refund @Comcast",
        "account no 98765 43210 for my gym membership",
        "my bank account is empty lol",
        "bank account number: 00000000",
        "routing 038410756",
        "Konto 1234567890",
        "account number 4929 0575 1016 2829",  # a card, reported as a card
    ],
)
def test_bank_account_hard_negatives(text: str) -> None:
    assert find(text, "bank-account") == []


def test_bic_only_with_context() -> None:
    [m] = find("IBAN DE89370400440532013000, BIC: COBADEFFXXX", "bank-bic")
    assert (m.value, m.harm, m.evidence) == ("COBADEFFXXX", 10, "COBA•••")
    assert find("COBADEFFXXX", "bank-bic") == []
    assert find("BIC: HELLOWORLD", "bank-bic") == []


# --- crypto -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "confidence"),
    [
        (PHRASE_12, 12, Confidence.HIGH),
        (f"my seed phrase: {PHRASE_12} pls dont rob me 😂", 12, Confidence.HIGH),
        (PHRASE_24.upper(), 24, Confidence.HIGH),
        ("\n".join(f"{i}. {w}" for i, w in enumerate(PHRASE_12.split(), 1)), 12, Confidence.HIGH),
        (", ".join(PHRASE_24.split()), 24, Confidence.HIGH),
        # no valid checksum, but called a recovery phrase
        ("recovery phrase: " + PHRASE_12.replace("path", "fit"), 12, Confidence.MEDIUM),
        ("Wiederherstellungsphrase " + PHRASE_12.replace("path", "fit"), 12, Confidence.MEDIUM),
    ],
)
def test_seed_phrases(text: str, words: int, confidence: Confidence) -> None:
    [m] = find(text, "crypto-seed-phrase")
    assert m.confidence is confidence
    assert m.harm == 95
    assert m.evidence == f"{words}-word recovery phrase"
    assert m.key.startswith("seed:") and len(m.key[5:].split()) == words
    assert m.value.split()[0].strip(",.").lower() == m.key[5:].split()[0]


@pytest.mark.parametrize(
    "text",
    [
        # ordinary prose made of list words, no checksum and no context
        "PHRASE: " + PHRASE_12.replace("path", "fit"),
        "Today we walk along the river, add some salt, and enjoy the sunset with family again.",
        "I love my dog and my cat and my bird but my fish is boring as heck lol",
        "art music dance film stage poetry theater opera circus comedy drama magic",
        # eleven words only
        " ".join(PHRASE_12.split()[:11]),
        # specification test vectors
        *sorted(SAMPLE_PHRASES),
        # words inside a link or hashtag
        "https://example.org/" + "-".join(PHRASE_12.split()),
    ],
)
def test_seed_hard_negatives(text: str) -> None:
    assert find(text, "crypto-seed-phrase") == []


def test_seed_checksum() -> None:
    assert seed_checksum_ok(PHRASE_12.split())
    assert seed_checksum_ok(PHRASE_24.split())
    assert not seed_checksum_ok(PHRASE_12.replace("path", "fit").split())
    assert not seed_checksum_ok(PHRASE_12.split()[:11])


@pytest.mark.parametrize(
    ("text", "value", "prefix"),
    [
        (f"backup of my wallet {WIF} dont share", WIF, "5"),
        (f"wallet: {WIF_COMPRESSED}", WIF_COMPRESSED, "L"),
        (f"xpriv {XPRV}", XPRV, "xprv"),
        (f"my ETH private key 0x{HEX_KEY} lol", f"0x{HEX_KEY}", ""),
        (f"clave privada: {HEX_KEY}", HEX_KEY, ""),
    ],
)
def test_private_keys(text: str, value: str, prefix: str) -> None:
    [m] = find(text, "crypto-private-key")
    assert m.value == value
    assert m.confidence is Confidence.HIGH
    assert m.harm == 95
    assert m.evidence.startswith(prefix + "•••••")
    assert value[len(prefix) + 2 :] not in m.evidence


@pytest.mark.parametrize(
    "text",
    [
        f"sha256: {HEX_KEY}",
        HEX_KEY,
        f"public key {HEX_KEY}",
        WIF[:-1] + "V",  # checksum broken
        "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",  # the wiki's example key
        "private key: " + "ab" * 32,
    ],
)
def test_private_key_hard_negatives(text: str) -> None:
    assert find(text, "crypto-private-key") == []


def test_key_helpers() -> None:
    assert is_wif_key(WIF) and is_wif_key(WIF_COMPRESSED)
    assert not is_wif_key(XPRV) and is_xprv(XPRV)
    assert not is_wif_key("5" + "1" * 50)
