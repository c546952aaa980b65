"""payment-card, iban, bank-account, bank-bic, crypto-seed-phrase, crypto-private-key — money.

What it finds
-------------
* ``payment-card``: credit and debit card numbers — Visa, Mastercard, American Express,
  Discover, JCB, Diners Club, UnionPay, Maestro, Mir — written contiguously or grouped as
  on the card (``4929 0575 1016 2829``, ``3714 543525 56674``). Each must pass the Luhn
  checksum, start with a real issuer range and have that issuer's length. An expiry date
  ("exp 04/27") or security code ("CVV 123") next to it makes it worse and is reported.
* ``iban``: international bank account numbers, contiguous or in groups of four
  (``DE89 3704 0044 0532 0130 00``), checked with the country's length and structure and
  the mod-97 check digits.
* ``bank-account``: account numbers after words like "bank account number",
  "Kontonummer", "número de cuenta" or "numéro de compte", or after "account number"
  together with a US routing number (ABA checksum), a UK sort code or a German BLZ.
* ``bank-bic``: a bank's BIC/SWIFT code after "BIC" or "SWIFT" (low harm: it names your
  bank, not your account).
* ``crypto-seed-phrase``: wallet recovery phrases — 12, 15, 18, 21 or 24 words in a row
  from the BIP-39 word list whose built-in checksum is right, or 12 or more such words
  right after "seed phrase", "recovery phrase", "mnemonic" and similar words.
* ``crypto-private-key``: Bitcoin private keys in wallet import format (checksum
  verified), extended private keys (``xprv…``), and 64-hex-digit keys after "private key".

Not reported: the public test card numbers of payment providers (``4242 4242 4242 4242``,
``4111 1111 1111 1111``, ``5555 5555 5555 4444`` …) and the BIP-39/BIP-32 test vectors,
which are in every tutorial; numbers after "order", "tracking", "invoice", "ticket",
"IMEI" and similar words; numbers inside links, @handles and #hashtags; and bank account
words without a number.

Why it matters
--------------
A card number with its expiry date is enough for many online shops; with the security
code, for almost all. An IBAN or account number lets fraudsters set up direct debits in
your name and makes invoice and "wrong transfer" scams convincing. A wallet's recovery
phrase or private key *is* the money: whoever reads it can empty the wallet, and crypto
transfers cannot be reversed.

Example
-------
    lol my card 4929 0575 1016 2829 exp 04/27 just got declined again
    → Visa •••• 2829 (high: Luhn and issuer range valid; expiry date next to it)

How to fix
----------
* Card: call your bank and have the card blocked and replaced now; check recent
  statements and dispute charges you did not make. Then delete the post or message.
* IBAN or account number: delete the post; check your account for unknown direct debits
  (they can be reversed for weeks); be wary of calls and mails that quote it.
* Seed phrase or private key: treat the wallet as stolen — create a new wallet on a clean
  device and move all funds to it immediately, then delete the post.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.bitcoin import b58decode
from stdnum.us import rtn as us_rtn

from privaudit.detectors._bip39 import BIP39_INDEX
from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import (
    BULLET,
    TextView,
    contains_any,
    last_match,
    mask_tail,
    view,
    window_after,
    window_before,
)
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE_CARD = Rule(
    id="payment-card",
    category=Category.FINANCIAL,
    title="Payment card number",
    harm=85,
    module=__name__,
)
RULE_IBAN = Rule(
    id="iban",
    category=Category.FINANCIAL,
    title="Bank account (IBAN)",
    harm=70,
    module=__name__,
)
RULE_ACCOUNT = Rule(
    id="bank-account",
    category=Category.FINANCIAL,
    title="Bank account number",
    harm=60,
    module=__name__,
)
RULE_BIC = Rule(
    id="bank-bic",
    category=Category.FINANCIAL,
    title="Bank code (BIC/SWIFT)",
    harm=10,
    module=__name__,
)
RULE_SEED = Rule(
    id="crypto-seed-phrase",
    category=Category.FINANCIAL,
    title="Crypto wallet recovery phrase",
    harm=95,
    module=__name__,
)
RULE_KEY = Rule(
    id="crypto-private-key",
    category=Category.FINANCIAL,
    title="Crypto wallet private key",
    harm=95,
    module=__name__,
)

CARD_WITH_DETAILS_HARM = 95
"""Harm of a card number posted with its expiry date or security code."""

BEFORE = 40
AFTER = 60

# --- payment cards -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Issuer:
    """A card brand: its number prefixes (IIN ranges) and lengths."""

    brand: str
    ranges: tuple[tuple[int, int], ...]
    """Inclusive prefix ranges; both ends have the same number of digits."""
    lengths: tuple[int, ...]


ISSUERS: tuple[Issuer, ...] = (
    Issuer("American Express", ((34, 34), (37, 37)), (15,)),
    Issuer("Diners Club", ((300, 305), (3095, 3095), (36, 36), (38, 39)), (14, 15, 16, 17, 18, 19)),
    Issuer("JCB", ((3528, 3589),), (16, 17, 18, 19)),
    Issuer("JCB", ((1800, 1800), (2131, 2131)), (15,)),
    Issuer("Mir", ((2200, 2204),), (16, 17, 18, 19)),
    Issuer("Mastercard", ((51, 55), (2221, 2720)), (16,)),
    Issuer("Maestro", ((5018, 5018), (5020, 5020), (5038, 5038), (5893, 5893), (6304, 6304),
                       (6759, 6759), (6761, 6763)), (12, 13, 14, 15, 16, 17, 18, 19)),
    Issuer("Discover", ((6011, 6011), (644, 649), (65, 65)), (16, 17, 18, 19)),
    Issuer("UnionPay", ((62, 62),), (16, 17, 18, 19)),
    Issuer("Visa", ((4, 4),), (13, 16, 19)),
)  # fmt: skip
"""Issuer identification ranges, most specific first."""

TEST_CARDS = frozenset(
    {
        # Visa
        "4111111111111111", "4242424242424242", "4012888888881881", "4222222222222",
        "4000056655665556", "4000000000000002", "4000000000000077", "4000000000009995",
        "4000002500003155", "4000002760003184", "4000000000003220", "4000000000000119",
        "4917610000000000", "4988438843884305", "4444333322221111", "4917484589897107",
        "4263982640269299", "4462030000000000", "4035501000000008", "4005519200000004",
        "4012000033330026", "4012000077777777", "4217651111111119", "4500600000000061",
        "4000000000000010", "4007000000027", "4012888818888",
        # Mastercard
        "5555555555554444", "5200828282828210", "5105105105105100", "2223003122003222",
        "5454545454545454", "5425233430109903", "2222400070000005", "5555341244441115",
        "2223000048400011", "5431111111111111", "5500000000000004", "5404000000000001",
        "5199999999999991", "2221000000000009",
        # American Express
        "378282246310005", "371449635398431", "378734493671000", "340000000000009",
        "370000000000002", "371238839571772",
        # Discover, Diners, JCB, UnionPay, Maestro
        "6011111111111117", "6011000990139424", "6011000000000004", "6011601160116611",
        "6445644564456445", "3056930009020004", "36227206271667", "30569309025904",
        "38520000023237", "36006666333344", "36259600000004", "3566002020360505",
        "3530111333300000", "3566111111111113", "6200000000000005", "6205500000000000004",
        "6250941006528599", "6759649826438453", "6799990100000000019", "5019717010103742",
        "6331101999990016", "6304000000000000",
    }
)  # fmt: skip
"""Public test numbers from payment providers' documentation: nobody's card."""

_CARD_RE = re.compile(
    r"""(?<![\w$€£¥])(?<!\d[.,/-])
    (?: \d{12,19}
      | \d{4}(?P<a>[ -])\d{4}(?P=a)\d{4}(?P=a)\d{4}(?:(?P=a)\d{3})?
      | \d{4}(?P<b>[ -])\d{4}(?P=b)\d{4}(?P=b)\d{1,3}
      | \d{4}(?P<c>[ -])\d{6}(?P=c)\d{4,5}
    )(?!\w)(?![.,/-]\d)""",
    re.VERBOSE,
)
"""Card numbers as written: contiguous, 4-4-4-4(-3), 4-4-4-x or 4-6-4/5 (Amex, Diners).
Only Maestro issues 12-digit numbers."""

CARD_CUES: tuple[str, ...] = (
    r"(?:credit|debit|bank|master|visa)?\s?card(?: (?:no\.?|number|#|num))?", r"cc(?:#|:)?",
    r"visa", r"mastercard", r"amex", r"american express", r"discover",
    r"(?:kredit|bank|ec-|giro)?karte(?:nnummer)?", r"tarjeta(?: de cr[eé]dito| de d[eé]bito)?",
    r"carte(?: bancaire| bleue| de cr[eé]dit)?", r"cb", r"carta(?: di credito)?",
    r"creditcard", r"pinpas", r"cart[aã]o(?: de cr[eé]dito)?",
)  # fmt: skip
"""Words that call a number a card (reported as a reason; the checksum decides)."""

NOT_CARD_CUES: tuple[str, ...] = (
    r"order(?: no\.?| number| #| id)?", r"tracking", r"track(?:ing)? (?:no|number)", r"invoice",
    r"ref\.?", r"reference", r"ticket", r"imei", r"meid", r"serial", r"s/n", r"isbn", r"id",
    r"transaction", r"txn", r"receipt", r"parcel", r"package", r"shipment", r"confirmation",
    r"booking", r"reservation", r"policy", r"claim", r"customer(?: no\.?| number)?",
    r"member(?:ship)?(?: no\.?| number)?", r"patient", r"meter", r"vin", r"ean", r"upc",
    r"barcode", r"gtin", r"iccid", r"sim", r"tweet", r"status", r"block", r"hash",
    r"bestell(?:ung|nummer|nr\.?)", r"sendung(?:snummer)?", r"rechnung(?:snummer)?",
    r"pedido", r"seguimiento", r"factura", r"commande", r"suivi", r"facture", r"ordine",
    r"fattura", r"bestelling", r"factuur", r"encomenda",
)  # fmt: skip
"""Words just before a number that say it is some other identifier (→ skip)."""

EXPIRY_RE = re.compile(
    r"""(?<!\w)(?:exp(?:iry|ires|iration|\.)?|valid\s(?:thru|through|until)|good\sthru
        |g[üu]ltig\sbis|ablauf(?:datum)?|venc(?:e|imiento|\.)?|caducidad|cad\.|expira
        |date\sd['’]expiration|scadenza|geldig\stot|vervaldatum|validade)
        \s*(?:date)?\s*[:.]?\s*(?P<mm>0?[1-9]|1[0-2])\s?[/.-]\s?(?P<yy>20\d\d|\d\d)(?!\d)""",
    re.IGNORECASE | re.VERBOSE,
)
_BARE_EXPIRY_RE = re.compile(r"\s{1,3}[,;|/]?\s?(?:0[1-9]|1[0-2])/(?:20)?\d\d(?![\d/])")
"""A bare MM/YY right after the number, as copied from a card."""
CVV_RE = re.compile(
    r"""(?<!\w)(?:cvv2?|cvc2?|cvn|csc|security\scode|sec\.?\scode|card\scode
        |c[oó]digo\sde\sseguridad|cryptogramme(?:\svisuel)?|kartenpr[üu]fnummer|pr[üu]fnummer
        |pr[üu]fziffer|sicherheitscode|codice\sdi\ssicurezza|beveiligingscode
        |c[oó]digo\sde\sseguran[cç]a)\s*[:#=]?\s*(?:is\s+)?\d{3,4}(?!\d)""",
    re.IGNORECASE | re.VERBOSE,
)

_CARD_CUE_RE = re.compile(r"(?<!\w)(?:" + "|".join(CARD_CUES) + r")(?!\w)", re.IGNORECASE)
_NOT_CARD_RE = re.compile(r"(?<!\w)(?:" + "|".join(NOT_CARD_CUES) + r")(?!\w)", re.IGNORECASE)


def card_issuer(digits: str) -> Issuer | None:
    """The brand whose prefix range and length fit ``digits``, or None."""
    for issuer in ISSUERS:
        if len(digits) not in issuer.lengths:
            continue
        for low, high in issuer.ranges:
            width = len(str(low))
            if low <= int(digits[:width]) <= high:
                return issuer
    return None


def is_card_number(digits: str) -> bool:
    """Luhn-valid, issuer-valid and not a public test number."""
    return (
        digits.isdigit()
        and digits not in TEST_CARDS
        and len(set(digits)) > 3
        and card_issuer(digits) is not None
        and luhn.is_valid(digits)
    )


# --- IBAN, bank accounts, BIC --------------------------------------------------------------

_IBAN_RE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])")
"""An IBAN candidate, contiguous or spaced; trailing groups are trimmed until valid."""
_IBAN_LOWER_RE = re.compile(r"(?<![\w])[a-z]{2}\d{2}[a-z0-9]{11,30}(?![A-Za-z0-9])")
"""An IBAN typed in lower case: counts only right after the word "IBAN"."""
_IBAN_PREFILTER = re.compile(r"[A-Z]{2}\d{2}")
_IBAN_WORD_RE = re.compile(r"(?<!\w)iban(?!\w)", re.IGNORECASE)

_LINK = r"(?:is|was|ist|lautet|es|est|è|é|e|=)"
CONNECT = rf"(?:\s*[:=#]\s*|\s*[-–—>]+\s*|\s+)(?:{_LINK}\s*[:=]?\s*)?"
"""What may stand between a label and its number ("no.: ", " is ", " lautet ")."""

ACCOUNT_CUES: tuple[str, ...] = (
    r"(?:bank|checking|savings|current|chequing)\s+(?:account|acct|acc)"
    r"(?:\s+(?:no\.?|number|num|#|nr\.?))?",
    r"(?:account|acct|acc)\s*(?:no\.?|number|num|#|nr\.?)",
    r"konto-?nummer", r"konto-?nr\.?", r"kto\.?-?nr\.?", r"konto",
    r"n[uú]mero de (?:la )?cuenta(?: bancaria)?", r"cuenta(?: bancaria| corriente)?",
    r"num[ée]ro de compte(?: bancaire)?", r"compte(?: bancaire| courant)?",
    r"numero (?:di|del) conto(?: corrente)?", r"conto(?: corrente)?",
    r"(?:bank)?rekening(?:nummer)?", r"n[uú]mero da conta", r"conta(?: banc[aá]ria| corrente)?",
)  # fmt: skip
"""Words before an account number."""
_BANK_ONLY_CUE = re.compile(
    r"^(?:account|acct|acc)\s*(?:no\.?|number|num|#|nr\.?)$|^(?:konto|cuenta|compte|conto|"
    r"conta|rekening)$",
    re.IGNORECASE,
)
"""Cues that are not about a *bank* account by themselves (customer accounts, "Konto" of a
shop): they need a routing number, sort code, BLZ or the word "bank" nearby."""
ROUTING_RE = re.compile(
    r"(?<!\w)(?:routing|aba|rtn|transit)(?:\s*(?:no\.?|number|num|#))?\s*[:#=]?\s*(?:is\s+)?"
    r"(?P<num>\d{9})(?!\d)",
    re.IGNORECASE,
)
SORT_CODE_RE = re.compile(
    r"(?<!\w)sort\s*code\s*[:#=]?\s*(?:is\s+)?(?P<num>\d{2}[- ]?\d{2}[- ]?\d{2})(?!\d)",
    re.IGNORECASE,
)
BLZ_RE = re.compile(
    r"(?<!\w)(?:blz|bankleitzahl)\s*[:#=]?\s*(?P<num>\d{3} ?\d{3} ?\d{2})(?!\d)", re.IGNORECASE
)
_BANK_WORD_RE = re.compile(
    r"(?<!\w)(?:bank|banco|banque|banca|sparkasse|volksbank|wire|transfer|deposit|"
    r"überweisung|ueberweisung|transferencia|virement|bonifico|overboeking|transferência)",
    re.IGNORECASE,
)
_ACCOUNT_RE = re.compile(
    r"(?<!\w)(?P<cue>" + "|".join(ACCOUNT_CUES) + r")" + CONNECT
    + r"(?P<num>\d(?:[ -]?\d){5,23})(?!\w)(?![.,/-]\d)",
    re.IGNORECASE,
)  # fmt: skip
_BIC_RE = re.compile(
    r"(?<!\w)(?P<cue>bic|swift(?:[- ]?(?:code|bic))?|swift/bic|bic/swift)" + CONNECT
    + r"(?P<bic>(?-i:[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?))(?![\w])",
    re.IGNORECASE,
)  # fmt: skip
_BANK_NEEDLES = (
    "account", "acct", "acc ", "acc#", "acc:", "konto", "kto", "cuenta", "compte", "conto",
    "conta", "rekening", "bic", "swift", "routing", "sort code", "blz",
)  # fmt: skip

# --- crypto --------------------------------------------------------------------------------

SEED_LENGTHS = (24, 21, 18, 15, 12)
SEED_CUES = re.compile(
    r"""(?<!\w)(?:seed(?:\s?phrase|\swords)?|recovery\s(?:phrase|words|seed)|mnemonic
        |secret\s(?:recovery\s)?phrase|backup\s(?:phrase|words)|wallet\s(?:phrase|words)
        |passphrase|wiederherstellungs(?:phrase|sätze|wörter)|frase\s(?:semilla|de\srecuperaci[oó]n)
        |palabras\sde\srecuperaci[oó]n|phrase\s(?:de\srécupération|secrète|mnémonique)
        |frase\s(?:di\srecupero|segreta)|herstelzin|herstelwoorden|frase\sde\srecupera[cç][aã]o)""",
    re.IGNORECASE | re.VERBOSE,
)
"""Words that call a run of BIP-39 words a wallet's recovery phrase."""
_WORD_RE = re.compile(r"[A-Za-z]+")
_SEED_PREFILTER = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]{3,8}[^A-Za-z]{1,6}){11}[A-Za-z]{3,8}")
"""Cheap gate: twelve words of 3–8 letters in a row (every BIP-39 word has 3–8 letters)."""
_SEED_GAP_RE = re.compile(r"[\s,;|/\-]*(?:\(?#?\d{1,2}[.):]?[\s,;|/\-]*)?")
"""What may separate words of a phrase: spaces, commas, a list number ("1. ", "2) ")."""

SAMPLE_PHRASES = frozenset(
    {
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
        "abandon about",
        "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
    }
)
"""BIP-39 test vectors printed in the specification and every wallet tutorial."""

_B58 = "1-9A-HJ-NP-Za-km-z"
_WIF_RE = re.compile(rf"(?<![{_B58}])(?:5[{_B58}]{{50}}|[KL][{_B58}]{{51}})(?![{_B58}])")
_XPRV_RE = re.compile(rf"(?<![{_B58}])xprv[{_B58}]{{107,108}}(?![{_B58}])")
_HEX_KEY_RE = re.compile(r"(?<![0-9A-Za-z])(?:0x)?(?P<hex>[0-9a-fA-F]{64})(?![0-9A-Za-z])")
KEY_CUES = re.compile(
    r"""(?<!\w)(?:priv(?:ate)?[\s_-]?key|privkey|secret[\s_-]key|wallet\s(?:key|secret)
        |clave\sprivada|cl[ée]\spriv[ée]e|privater?\sschl[üu]ssel|chiave\sprivata
        |priv[ée]\s?sleutel|chave\sprivada)""",
    re.IGNORECASE | re.VERBOSE,
)
SAMPLE_KEYS = frozenset(
    {
        "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
        "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kej"
        "MRNNU3TGtRBeJgk33yuGBxrMPHi",
        "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d",
    }
)
"""Keys from the Bitcoin wiki and the BIP-32 test vectors."""


def seed_checksum_ok(words: list[str]) -> bool:
    """True when ``words`` (12–24 BIP-39 words) carry a correct BIP-39 checksum."""
    if len(words) not in SEED_LENGTHS:
        return False
    bits = 0
    for word in words:
        bits = (bits << 11) | BIP39_INDEX[word]
    total = len(words) * 11
    check_bits = total // 33
    entropy_bits = total - check_bits
    entropy = (bits >> check_bits).to_bytes(entropy_bits // 8, "big")
    expected = hashlib.sha256(entropy).digest()[0] >> (8 - check_bits)
    return (bits & ((1 << check_bits) - 1)) == expected


def _base58check(text: str) -> bytes | None:
    """The payload of a Base58Check string, or None when the checksum is wrong."""
    try:
        raw = b58decode(text)
    except (ValueError, KeyError):
        return None
    payload, check = raw[:-4], raw[-4:]
    if len(raw) < 5 or hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != check:
        return None
    return payload


def is_wif_key(text: str) -> bool:
    """A mainnet Bitcoin private key in wallet import format with a valid checksum."""
    payload = _base58check(text)
    if payload is None or payload[:1] != b"\x80":
        return False
    return len(payload) == 33 or (len(payload) == 34 and payload[33] == 1)


def is_xprv(text: str) -> bool:
    """A BIP-32 extended private key with a valid checksum."""
    payload = _base58check(text)
    return payload is not None and len(payload) == 78 and payload[:4] == b"\x04\x88\xad\xe4"


# --- detector ------------------------------------------------------------------------------

_DIGITS13 = re.compile(r"\d(?:[ -]?\d){12}")
_LONG_RUN = re.compile(r"[0-9A-Za-z]{51}")
"""Cheap gate: every private key format is one run of at least 51 letters and digits."""
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-.]")


def _cue_text(found: re.Match[str] | None) -> str | None:
    return " ".join(found.group(0).split()).lower() if found else None


class FinancialDetector:
    """Cards, IBANs, bank accounts, BICs, wallet recovery phrases and private keys."""

    rules: tuple[Rule, ...] = (RULE_CARD, RULE_IBAN, RULE_ACCOUNT, RULE_BIC, RULE_SEED, RULE_KEY)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role not in (Role.TEXT, Role.OTHER):
                continue
            text = field.text
            if len(text) < 8:
                continue
            lowered = text.lower()
            cards = _DIGITS13.search(text) is not None
            ibans = _IBAN_PREFILTER.search(text) is not None or (
                "iban" in lowered and _IBAN_LOWER_RE.search(text) is not None
            )
            accounts = contains_any(lowered, _BANK_NEEDLES)
            seeds = len(text) >= 47 and _SEED_PREFILTER.search(text) is not None
            if cards or ibans or accounts or seeds:
                tv = view(text)
                if cards:
                    yield from self._cards(field, tv)
                if ibans:
                    yield from self._ibans(field, tv)
                if accounts:
                    yield from self._accounts(field, tv)
                if seeds:
                    yield from self._seeds(field, tv)
            if len(text) >= 51 and _LONG_RUN.search(text):
                yield from self._keys(field)

    # cards

    def _cards(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        name_cue = field.role is Role.OTHER and _CARD_CUE_RE.search(_CAMEL.sub(" ", field.name))
        for found in _CARD_RE.finditer(text):
            start, end = found.span()
            if tv.touches_blank(start, end):
                continue
            raw = found.group(0)
            digits = raw.replace(" ", "").replace("-", "")
            issuer = card_issuer(digits)
            if issuer is None or not is_card_number(digits):
                continue
            before = window_before(text, start, BEFORE)
            cue = last_match(_CARD_CUE_RE, before)
            negative = last_match(_NOT_CARD_RE, before)
            if negative is not None and (cue is None or cue.start() < negative.start()):
                continue
            grouped = raw != digits
            cue_label = _cue_text(cue)
            if field.role is Role.OTHER and not (grouped or cue or name_cue):
                continue  # a bare digit run in an unknown string is an id far more often
            after = window_after(text, end, AFTER)
            around = before + " " + after
            reasons = [f"Luhn checksum and {issuer.brand} issuer range valid"]
            if cue_label is not None:
                reasons.append(f"context: '{cue_label}'")
            elif name_cue:
                reasons.append(f"field name: '{field.name}'")
            extras = []
            if EXPIRY_RE.search(around) or _BARE_EXPIRY_RE.match(text, end):
                extras.append("expiry date")
            if CVV_RE.search(around):
                extras.append("security code")
            harm = RULE_CARD.harm
            if extras:
                harm = CARD_WITH_DETAILS_HARM
                reasons.append(" and ".join(extras) + " next to it")
            brand = issuer.brand
            detail = f"valid {brand} card number"
            if extras:
                detail += " with " + " and ".join(extras)
            yield Match(
                rule=RULE_CARD.id,
                category=RULE_CARD.category,
                title=RULE_CARD.title,
                value=field.text[start:end],
                key=f"card:{digits}",
                evidence=f"{brand} {BULLET * 4} {digits[-4:]}",
                pointer=field.pointer,
                span=(start, end),
                harm=harm,
                confidence=Confidence.HIGH,
                detail=detail,
                reasons=tuple(reasons),
            )

    # IBAN

    def _ibans(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        found_any = list(_IBAN_RE.finditer(text))
        if _IBAN_WORD_RE.search(text):
            found_any += [
                m
                for m in _IBAN_LOWER_RE.finditer(text)
                if _IBAN_WORD_RE.search(window_before(text, m.start(), BEFORE))
            ]
        for found in found_any:
            start, end = found.span()
            if tv.touches_blank(start, end):
                continue
            valid_end = _valid_iban_end(found.group(0))
            if valid_end is None:
                continue
            end = start + valid_end
            raw = field.text[start:end]
            compact = raw.replace(" ", "").upper()
            yield Match(
                rule=RULE_IBAN.id,
                category=RULE_IBAN.category,
                title=RULE_IBAN.title,
                value=raw,
                key=f"iban:{compact}",
                evidence=f"{compact[:2]}{BULLET * 2} {BULLET * 4} {compact[-4:]}",
                pointer=field.pointer,
                span=(start, end),
                harm=RULE_IBAN.harm,
                confidence=Confidence.HIGH,
                detail=f"valid {compact[:2]} IBAN",
                reasons=("country length, structure and mod-97 check digits valid",),
            )

    # bank accounts and BIC

    def _accounts(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        routing = [
            (m.start(), f"US routing number {m.group('num')[:2]}••••••• (ABA checksum valid)")
            for m in ROUTING_RE.finditer(text)
            if us_rtn.is_valid(m.group("num"))
        ]
        routing += [(m.start(), "UK sort code") for m in SORT_CODE_RE.finditer(text)]
        routing += [(m.start(), "German bank code (BLZ)") for m in BLZ_RE.finditer(text)]
        for found in _ACCOUNT_RE.finditer(text):
            start, end = found.span("num")
            if tv.touches_blank(found.start(), end):
                continue
            raw = found.group("num")
            digits = re.sub(r"\D", "", raw)
            if len(set(digits)) <= 1 or digits in "01234567890123456789":
                continue
            if is_card_number(digits):
                continue  # a card after "account number" is reported as a card
            cue = " ".join(found.group("cue").split()).lower()
            near = [why for pos, why in routing if abs(pos - start) <= 100]
            bank_word = _BANK_WORD_RE.search(window_before(text, start, 80) + " " + cue)
            if _BANK_ONLY_CUE.match(cue) and not near and not bank_word:
                continue
            reasons = [f"context: '{cue}'"]
            reasons += near
            yield Match(
                rule=RULE_ACCOUNT.id,
                category=RULE_ACCOUNT.category,
                title=RULE_ACCOUNT.title,
                value=field.text[start:end],
                key=f"account:{digits}",
                evidence=mask_tail(digits, 2),
                pointer=field.pointer,
                span=(start, end),
                harm=RULE_ACCOUNT.harm,
                confidence=Confidence.HIGH if near else Confidence.MEDIUM,
                detail="bank account number" + (" with its bank's routing code" if near else ""),
                reasons=tuple(reasons),
            )
        for found in _BIC_RE.finditer(text):
            start, end = found.span("bic")
            if tv.touches_blank(found.start(), end):
                continue
            code = found.group("bic")
            if not stdnum_bic.is_valid(code):
                continue
            cue = " ".join(found.group("cue").split()).lower()
            yield Match(
                rule=RULE_BIC.id,
                category=RULE_BIC.category,
                title=RULE_BIC.title,
                value=field.text[start:end],
                key=f"bic:{code}",
                evidence=code[:4] + BULLET * 3,
                pointer=field.pointer,
                span=(start, end),
                harm=RULE_BIC.harm,
                confidence=Confidence.HIGH,
                detail=f"BIC/SWIFT code of a bank in {code[4:6]}",
                reasons=(f"context: '{cue}'", "valid BIC format and country"),
            )

    # seed phrases

    def _seeds(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        for run in _word_runs(text):
            if len(run) < min(SEED_LENGTHS):
                continue
            words = [w.lower() for w, _, _ in run]
            found = _checksummed_window(words)
            before = window_before(text, run[0][1], BEFORE)
            cue = _cue_text(last_match(SEED_CUES, before))
            if found is not None:
                first, count = found
                reasons = ["every word from the BIP-39 list", "BIP-39 checksum valid"]
                confidence = Confidence.HIGH
            elif cue is not None:
                first, count = 0, min(len(run), max(SEED_LENGTHS))
                reasons = ["every word from the BIP-39 list"]
                confidence = Confidence.MEDIUM
            else:
                continue
            chosen = words[first : first + count]
            if " ".join(chosen) in SAMPLE_PHRASES or len(set(chosen)) * 2 < len(chosen):
                continue
            if cue is not None:
                reasons.append(f"context: '{cue}'")
            start, end = run[first][1], run[first + count - 1][2]
            if tv.touches_blank(start, end):
                continue
            yield Match(
                rule=RULE_SEED.id,
                category=RULE_SEED.category,
                title=RULE_SEED.title,
                value=field.text[start:end],
                key="seed:" + " ".join(chosen),
                evidence=f"{count}-word recovery phrase",
                pointer=field.pointer,
                span=(start, end),
                harm=RULE_SEED.harm,
                confidence=confidence,
                detail=f"{count}-word BIP-39 recovery phrase",
                reasons=tuple(reasons),
            )

    # private keys

    def _keys(self, field: Field) -> Iterator[Match]:
        text = field.text  # keys are long tokens; links may carry them too
        for pattern, check, what in (
            (_WIF_RE, is_wif_key, "Bitcoin private key (wallet import format)"),
            (_XPRV_RE, is_xprv, "extended private key (BIP-32 xprv)"),
        ):
            for found in pattern.finditer(text):
                key = found.group(0)
                if key in SAMPLE_KEYS or not check(key):
                    continue
                shown = key[:4] if key.startswith("xprv") else key[:1]
                yield _key_match(
                    field, found.span(), key, shown, what, ("Base58Check checksum valid",)
                )
        if not contains_any(text.lower(), ("key", "schl", "cl", "chiave", "sleutel", "chave")):
            return
        for found in _HEX_KEY_RE.finditer(text):
            hexkey = found.group("hex").lower()
            if hexkey in SAMPLE_KEYS or len(set(hexkey)) <= 4:
                continue
            cue = _cue_text(last_match(KEY_CUES, window_before(text, found.start(), BEFORE)))
            if cue is None:
                continue  # 64 hex digits alone are a hash far more often than a key
            yield _key_match(
                field, found.span(), hexkey, "", "64-hex-digit private key", (f"context: '{cue}'",)
            )


def _key_match(
    field: Field,
    span: tuple[int, int],
    key: str,
    shown: str,
    what: str,
    reasons: tuple[str, ...],
) -> Match:
    start, end = span
    return Match(
        rule=RULE_KEY.id,
        category=RULE_KEY.category,
        title=RULE_KEY.title,
        value=field.text[start:end],
        key=f"cryptokey:{key}",
        evidence=f"{shown}{BULLET * 5} ({len(key)} characters)",
        pointer=field.pointer,
        span=span,
        harm=RULE_KEY.harm,
        confidence=Confidence.HIGH,
        detail=what,
        reasons=reasons,
    )


def _valid_iban_end(candidate: str) -> int | None:
    """Length of the longest prefix of ``candidate`` (cut at a space) that is a valid IBAN."""
    ends = [i for i, c in enumerate(candidate) if c == " "] + [len(candidate)]
    for end in sorted(ends, reverse=True):
        compact = candidate[:end].replace(" ", "")
        if len(compact) < 15:
            break
        if stdnum_iban.is_valid(compact):
            return end
    return None


def _word_runs(text: str) -> Iterator[list[tuple[str, int, int]]]:
    """Maximal runs of consecutive BIP-39 words, with their spans."""
    run: list[tuple[str, int, int]] = []
    last_end = -1
    for found in _WORD_RE.finditer(text):
        word = found.group(0)
        start = found.start()
        joined = last_end >= 0 and _SEED_GAP_RE.fullmatch(text, last_end, start) is not None
        if word.lower() in BIP39_INDEX and (not run or joined):
            run.append((word, start, found.end()))
        else:
            if len(run) >= min(SEED_LENGTHS):
                yield run
            run = [(word, start, found.end())] if word.lower() in BIP39_INDEX else []
        last_end = found.end()
    if len(run) >= min(SEED_LENGTHS):
        yield run


def _checksummed_window(words: list[str]) -> tuple[int, int] | None:
    """(first index, length) of the longest checksum-valid phrase at the start or the end
    of ``words`` (a pasted phrase fills its run; sliding windows over a long run of list
    words would find a valid checksum by chance)."""
    for length in SEED_LENGTHS:
        if length > len(words):
            continue
        for first in sorted({0, len(words) - length}):
            if seed_checksum_ok(words[first : first + length]):
                return first, length
    return None


DETECTOR = FinancialDetector()
