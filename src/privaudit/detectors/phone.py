"""phone-number — a personal phone number you posted or sent.

What it finds
-------------
Phone numbers written in posts, messages, bios and comments ("call me on (206) 555-0142",
"WhatsApp +49 151 23456789"), and the phone number fields of your profile or account.
Every number is checked with Google's libphonenumber: it must be a *valid* number for
its country, not merely look like one. Numbers in your own country's format are read
with your account's region (from its phone number or settings); international ``+CC``
numbers are read as written.

Not reported, to keep false alarms out: toll-free, premium-rate, shared-cost and
voicemail numbers (business lines, not yours); numbers right after ``#``, ``No.`` or a
currency sign; numbers glued to letters or other digits; numbers just after words like
"order", "tracking", "invoice", "ticket", "flight", "ref" or "ISBN"; and digit groups
that are really dates, times, year ranges or prices ("1990-2020", "12/10/2020").

Confidence is high when words like "call me", "text me", "my number", "WhatsApp",
"Handy", "llámame" or "mon numéro" stand next to the number (or the number is in a
profile phone field), medium for an international ``+CC`` number, low for a bare number
in national format.

Why it matters
--------------
A phone number is a direct line to you. Posted publicly it brings spam calls and
smishing, lets strangers find your messaging-app profiles (and their photos), and is
the key attackers use for SIM-swap attacks that take over your bank and e-mail
accounts. People-search sites join it with your name and home address.

Example
-------
    new number, text me 📱 (206) 555-0142 !!   → +1 •••• ••0142 (high: "text me")

How to fix
----------
* Delete the post or message, or edit the number out of your bio.
* For contact requests, ask people to DM you instead of posting the number.
* If the number was public for long, ask your carrier for a SIM-swap lock / port-out PIN
  and use an authenticator app instead of SMS for two-factor login.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers as pn
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import TextView, last_match, mask_tail, view
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE = Rule(
    id="phone-number",
    category=Category.PHONE,
    title="Phone number",
    harm=60,
    module=__name__,
)

DEFAULT_REGION = "US"
"""Region for numbers in national format when the account's region is unknown."""

BEFORE = 32
"""How many characters before a number are read for context words."""
AFTER = 24
"""How many characters after a number are read for personal-number cues."""

# --- lexicons --------------------------------------------------------------------------

PERSONAL_CUES: tuple[str, ...] = (
    # English
    r"call me", r"text me", r"txt me", r"msg me", r"message me", r"ring me", r"reach me",
    r"contact me", r"hit me up", r"my (?:new )?(?:number|no\.?|num|#|cell|mobile|phone|digits)",
    r"cell(?:phone)?", r"phone", r"tel(?:ephone)?\.?", r"mobile", r"mob\.?", r"whats ?app",
    r"signal", r"telegram", r"sms",
    # German
    r"handy(?:nummer)?", r"meine (?:handy)?nummer", r"ruf mich an", r"ruf an", r"telefon",
    r"mobil", r"erreichbar",
    # Spanish
    r"ll[aá]mame", r"escr[ií]beme", r"mi n[uú]mero", r"mi (?:cel|celular|m[oó]vil|tel[eé]fono)",
    r"celular", r"m[oó]vil", r"tel[eé]fono", r"wasap",
    # French
    r"appelle[- ]moi", r"appelez[- ]moi", r"mon (?:num[eé]ro|num|portable|t[eé]l[eé]phone|tel)",
    r"t[eé]l[eé]phone", r"t[eé]l\.?", r"portable",
    # Dutch, Italian, Portuguese
    r"bel me", r"mijn nummer", r"chiamami", r"il mio numero", r"cellulare",
    r"me liga", r"meu n[uú]mero",
)  # fmt: skip
"""Words near a number that say it is someone's own phone (→ high confidence)."""

NOT_PHONE_CUES: tuple[str, ...] = (
    # English
    r"order(?: no\.?| number| #| id)?", r"ticket", r"tracking", r"track(?:ing)? (?:no|number)",
    r"invoice", r"ref\.?", r"reference", r"id", r"(?<!in )case(?: no\.?| number| #| id)?",
    r"isbn", r"issn", r"flight",
    r"account(?: no\.?| number| #)?", r"acct", r"serial", r"s/n", r"confirmation", r"conf\.?",
    r"p\.? ?o\.? box", r"booking", r"reservation", r"policy", r"claim", r"transaction",
    r"txn", r"receipt", r"parcel", r"package", r"shipment", r"customer(?: no\.?| number)?",
    r"member(?:ship)?(?: no\.?| number)?", r"patient", r"student", r"employee", r"licen[cs]e",
    r"vin", r"imei", r"iban", r"bic", r"routing", r"sku", r"model", r"part", r"pin", r"otp",
    r"(?:promo|discount|verification|voucher|gift card|tracking) code", r"fax", r"pnr",
    r"batch", r"barcode", r"upc", r"ean", r"doi", r"pmid", r"arxiv",
    r"patent", r"docket", r"registration", r"reg\.?", r"kvk", r"vat", r"ein", r"ssn", r"tax",
    r"version", r"ver\.?", r"v", r"build", r"release", r"patch", r"firmware",
    # German
    r"bestell(?:ung|nummer|nr\.?)", r"auftrag(?:snummer)?", r"rechnung(?:snummer)?",
    r"kunden(?:nummer|nr\.?)", r"sendung(?:snummer)?", r"aktenzeichen", r"vorgang(?:snummer)?",
    r"buchung(?:snummer)?", r"vertrag(?:snummer)?", r"konto(?:nummer)?", r"steuer(?:nummer|-?id)",
    # Spanish
    r"pedido", r"factura", r"referencia", r"seguimiento", r"localizador", r"expediente",
    r"cuenta", r"reserva", r"env[ií]o", r"dni", r"nif",
    # French
    r"commande", r"facture", r"r[eé]f[eé]rence", r"suivi", r"dossier", r"compte",
    r"colis", r"vol",
    # Italian, Dutch
    r"ordine", r"fattura", r"riferimento", r"pratica", r"bestelling", r"factuur",
)  # fmt: skip
"""Words just before a number that say it is an identifier, not a phone (→ skip)."""

_PERSONAL_RE = re.compile(r"(?<!\w)(?:" + "|".join(PERSONAL_CUES) + r")(?!\w)", re.IGNORECASE)
_NOT_PHONE_RE = re.compile(r"(?<!\w)(?:" + "|".join(NOT_PHONE_CUES) + r")(?!\w)", re.IGNORECASE)

_SENTENCE_END = re.compile(r"[!?…]\s|\n|(?<=[^\W\d_]{5})\.\s|(?<=\d)\.\s")
"""Context does not cross a sentence or line break (a dot after short words like "tel." or
"ref." is an abbreviation, not a sentence end)."""

_PREFIX_SYMBOLS = frozenset("#＃$€£¥₹№")
_NUMBER_WORD_BEFORE = re.compile(
    r"(?<!\w)(?:no\.|nr\.?|n[°º]\.?|n\.º|núm\.?|num\.)\s*[:#]?\s*$", re.IGNORECASE
)
"""``No. 2065550142``, ``Nr. …``: an item number unless a phone cue is next to it."""

_UNIT_AFTER = re.compile(
    r"\s?(?:[%€$£¥₹]|(?:usd|eur|gbp|dollars?|euros?|bucks|km|mi|miles|kg|lbs?|views|followers"
    r"|likes|votes|points|pts|people|users|times|steps|calories|kcal|words)\b)",
    re.IGNORECASE,
)
"""A unit or currency right after the digits: a quantity, not a phone."""

_NUMBER_SHAPE = r"\+?\(?\d[\d\s().\-/]{4,20}\d(?:\s?(?:x|ext\.?)\s?\d{1,5})?"
_LABEL_WORDS = (
    r"phone|tel(?:ephone)?|mobile|cell(?:phone)?|handy|telefon|tel[eé]fono|t[eé]l[eé]phone"
    r"|portable|m[oó]vil|celular|whats ?app|fax|desk|office|work|home"
)
_LABELLED = re.compile(
    r"(?<!\w)(?:(?:" + _LABEL_WORDS + r")(?:\s*(?:number|no\.?|nr\.?|#))?\s*[:=]"
    r"|(?:phone|tel|mobile|cell|handy)(?:\s*(?:number|no\.?|nr\.?|#))?"
    r"|(?:call|text|ring|reach) me (?:on|at)"
    r"|my (?:phone |cell |mobile )?(?:number|no\.?) is|mi n[uú]mero es|meine nummer ist"
    r"|mon num[eé]ro est)\s*(?P<number>" + _NUMBER_SHAPE + r")"
    r"|(?<![\w+])(?P<postfixed>" + _NUMBER_SHAPE + r")[\s\-]*(?:mobile|office|fax|home|cell)\b",
    re.IGNORECASE,
)
"""A number right after a phone label ("Phone: 0490 75 40 81"): a phone even when it is not
valid for the account's region (it may be another country's, written without ``+CC``)."""

_EXTENSION = re.compile(r"\s?(?:x|ext\.?)\s?\d{1,5}$", re.IGNORECASE)

_DIGIT_RUN = re.compile(r"\d(?:[\s().\-/]{0,3}\d){6}")
"""Cheap prefilter: seven digits with only separators between them."""

_GROUPS = re.compile(r"\d+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-.]")

SKIPPED_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    }
)
"""Business and service lines: not a person's number."""

TYPE_LABELS: dict[int, tuple[str, int]] = {
    PhoneNumberType.MOBILE: ("mobile", 60),
    PhoneNumberType.FIXED_LINE_OR_MOBILE: ("mobile", 60),
    PhoneNumberType.FIXED_LINE: ("landline", 50),
    PhoneNumberType.VOIP: ("VoIP", 50),
    PhoneNumberType.PERSONAL_NUMBER: ("personal", 50),
    PhoneNumberType.PAGER: ("pager", 50),
}
"""Number type → (what to call it, harm)."""


# --- filters ---------------------------------------------------------------------------


def _looks_like_non_phone(raw: str) -> bool:
    """True when the digits are really a date, time, year range, price or range."""
    if ":" in raw or "," in raw:
        return True  # times (10:30) and thousands separators (1,234,567) are never phones
    if raw.lstrip().startswith("+"):
        return False
    groups: list[str] = _GROUPS.findall(raw)
    if all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups):
        return True  # 1990-2020, "1999 2000 2001"
    if len(groups) == 3 and _is_date(groups):
        return True
    if len(groups) == 2 and len(groups[0]) == len(groups[1]):
        first, second = int(groups[0]), int(groups[1])
        if ("–" in raw or " - " in raw or raw.endswith("00")) and first < second:
            return True  # ranges: 1000–2000, 5000-6000
    return False


def _is_date(groups: list[str]) -> bool:
    """Three digit groups that read as a calendar date (d/m/y, m/d/y or y-m-d)."""
    a, b, c = (int(g) for g in groups)
    la, lb, lc = (len(g) for g in groups)
    if la == 4 and lb <= 2 and lc <= 2:
        return 1 <= b <= 12 and 1 <= c <= 31
    if la <= 2 and lb <= 2 and lc in (2, 4):
        return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)
    return False


def _window_before(text: str, start: int) -> str:
    """Up to :data:`BEFORE` characters before ``start``, not crossing a sentence end."""
    window = text[max(0, start - BEFORE) : start]
    cut = last_match(_SENTENCE_END, window)
    return window[cut.end() :] if cut else window


def _window_after(text: str, end: int) -> str:
    """Up to :data:`AFTER` characters after ``end``, not crossing a sentence end."""
    window = text[end : end + AFTER]
    cut = _SENTENCE_END.search(window)
    return window[: cut.start()] if cut else window


def _glued(text: str, start: int, end: int) -> bool:
    """True when the number touches letters, other digits or an e-mail/handle ``@``."""
    if start > 0:
        prev = text[start - 1]
        if prev.isalnum() or prev in "@_":
            return True
        if prev in "-./,:" and start > 1 and text[start - 2].isdigit():
            return True
    if end < len(text):
        nxt = text[end]
        if nxt.isalnum() or nxt in "@_":
            return True
        if nxt in "-./,:" and end + 1 < len(text) and text[end + 1].isdigit():
            return True
    return False


# --- detector --------------------------------------------------------------------------


class PhoneDetector:
    """Valid phone numbers in prose, unknown strings and structured phone fields."""

    rules: tuple[Rule, ...] = (RULE,)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        region = (ctx.region or DEFAULT_REGION).upper()
        for field in record.fields:
            if field.role is Role.PHONE:
                yield from self._structured(field, region)
            elif field.role in (Role.TEXT, Role.OTHER):
                if not _DIGIT_RUN.search(field.text):
                    continue
                yield from self._in_text(field, region)

    def _structured(self, field: Field, region: str) -> Iterator[Match]:
        raw = field.text.strip()
        if not raw or sum(c.isdigit() for c in raw) < 5:
            return
        try:
            number = pn.parse(raw, region)
        except pn.NumberParseException:
            return
        if not pn.is_valid_number(number):
            return
        start = field.text.index(raw)
        match = _match(
            field, number, raw, (start, start + len(raw)), Confidence.HIGH, ("profile phone field",)
        )
        if match is not None:
            yield match

    def _in_text(self, field: Field, region: str) -> Iterator[Match]:
        tv = view(field.text)
        text = tv.prose
        # an unknown string's own name ("phone_number", "mobilePhone") is context too
        name_cue = (
            _PERSONAL_RE.search(_CAMEL.sub(" ", field.name)) if field.role is Role.OTHER else None
        )
        taken: list[tuple[int, int]] = []
        for found in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            start, end, raw = found.start, found.end, found.raw_string
            taken.append((start, end))
            if tv.touches_blank(start, end):
                continue  # digits on both sides of a link or hashtag
            if _glued(text, start, end) or _looks_like_non_phone(raw):
                continue
            before = _window_before(text, start)
            stripped = before.rstrip()
            if stripped and stripped[-1] in _PREFIX_SYMBOLS:
                continue
            if _UNIT_AFTER.match(text, end):
                continue
            personal = last_match(_PERSONAL_RE, before)
            negative = last_match(_NOT_PHONE_RE, before)
            if negative is not None and (personal is None or personal.start() < negative.start()):
                continue
            if personal is None:
                personal = _PERSONAL_RE.search(_window_after(text, end))
            cue = f"context: '{personal.group(0).lower()}'" if personal else None
            if cue is None and name_cue is not None:
                cue = f"field name: '{field.name}'"
            if cue is None and _NUMBER_WORD_BEFORE.search(text, max(0, start - 12), start):
                continue
            international = raw.startswith(("+", "00"))
            if field.role is Role.OTHER and not international and raw.isdigit() and cue is None:
                continue  # a bare digit run in an unknown string is an id far more often
            reasons: list[str] = []
            if cue is not None:
                confidence = Confidence.HIGH
                reasons.append(cue)
            elif international:
                confidence = Confidence.MEDIUM
            else:
                confidence = Confidence.LOW
            reasons.append("international format" if international else "national format")
            match = _match(
                field, found.number, field.text[start:end], (start, end), confidence, tuple(reasons)
            )
            if match is not None:
                yield match
        yield from self._labelled(field, text, tv, taken)

    def _labelled(
        self, field: Field, text: str, tv: TextView, taken: list[tuple[int, int]]
    ) -> Iterator[Match]:
        """Numbers right after a phone label that libphonenumber could not place."""
        for found in _LABELLED.finditer(text):
            group = "number" if found.group("number") else "postfixed"
            start, end = found.span(group)
            raw = found.group(group).rstrip(" -./(")
            end = start + len(raw)
            digits = "".join(c for c in _EXTENSION.sub("", raw) if c.isdigit())
            if not 7 <= len(digits) <= 15 or _looks_like_non_phone(raw):
                continue
            if any(start < e and s < end for s, e in taken) or tv.touches_blank(start, end):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] in "@_"):
                continue
            label = (text[found.start() : start] or text[end : found.end()]).strip(" :=-").lower()
            yield Match(
                rule=RULE.id,
                category=RULE.category,
                title=RULE.title,
                value=field.text[start:end],
                key=("+" if raw.startswith("+") else "tel:") + digits,
                evidence=("+" if raw.startswith("+") else "") + mask_tail(digits),
                pointer=field.pointer,
                span=(start, end),
                harm=50,
                confidence=Confidence.MEDIUM,
                detail="phone number (labelled as one; country not recognised)",
                reasons=(f"context: '{label}'", "not valid for the account's region"),
            )


def _match(
    field: Field,
    number: pn.PhoneNumber,
    raw: str,
    span: tuple[int, int],
    confidence: Confidence,
    reasons: tuple[str, ...],
) -> Match | None:
    kind = pn.number_type(number)
    if kind in SKIPPED_TYPES:
        return None
    label, harm = TYPE_LABELS.get(kind, ("phone", 50))
    where = pn.region_code_for_number(number) or f"+{number.country_code}"
    nsn = pn.national_significant_number(number)
    return Match(
        rule=RULE.id,
        category=RULE.category,
        title=RULE.title,
        value=raw,
        key=pn.format_number(number, pn.PhoneNumberFormat.E164),
        evidence=f"+{number.country_code} {mask_tail(nsn)}",
        pointer=field.pointer,
        span=span,
        harm=harm,
        confidence=confidence,
        detail=f"valid {where} {label} number",
        reasons=(*reasons, f"valid {label} number"),
    )


DETECTOR = PhoneDetector()
