"""national-id-number, passport-number, drivers-licence-number — identity numbers you posted.

What it finds
-------------
National identity, social-security and personal tax numbers of 29 schemes: the US Social
Security number, the UK National Insurance and NHS numbers, Germany's Steuer-ID and
Sozialversicherungsnummer, France's NIR (numéro de sécurité sociale), Spain's DNI/NIE,
Italy's codice fiscale, the Dutch BSN, the Belgian national number, Portugal's Cartão de
Cidadão and NIF, Poland's PESEL, the Nordic personal numbers (Sweden, Denmark, Finland,
Norway), the Swiss AHV and Austrian social-security numbers, Ireland's PPS, Canada's SIN,
Australia's TFN, Brazil's CPF, Mexico's CURP, India's Aadhaar, South Africa's ID number
and China's resident identity card number.

Every number must have its scheme's own shape *and* pass its checksum and component
checks (python-stdnum: birth dates inside the number, area/group ranges, check digits).
Numbers that are only a few digits with a weak or no checksum (SSN, BSN, SIN, TFN,
Steuer-ID, PESEL …) count only when the scheme's name stands next to them, in the local
language: "SSN", "social security", "Steuer-ID", "BSN", "DNI", "numéro de sécurité
sociale", "personnummer", "PESEL", "SIN", "codice fiscale", "CPF", "Aadhaar" … A bare
digit run is never reported. Numbers whose own written form is distinctive — the dashed
SSN ``526-01-8159``, the spaced French NIR, ``756.1234.5678.97``, a codice fiscale or CURP
with its check letter — count without such a word, with medium confidence.

``passport-number`` and ``drivers-licence-number`` have no checksum anybody can verify,
so they are reported only right after words like "passport no", "Reisepassnummer",
"número de pasaporte", "numéro de passeport", "driver's license number",
"Führerscheinnummer" or "permis de conduire", and only when what follows looks like a
document number (6–9 letters and digits, with digits in it).

Not reported: documentation and sample numbers (``123-45-6789``, ``12345678Z`` …), runs of
one repeated digit, numbers right after words like "order", "invoice", "tracking",
"ticket" or "ref", and numbers glued to letters, links, @handles or #hashtags.

Why it matters
--------------
A national identity number is the master key of your identity: with your name and date of
birth it is enough to open bank accounts and credit lines, file tax returns, claim
benefits or get medical care in your name. Unlike a password it can almost never be
changed. A passport or driving-licence number is used for the same identity checks and
for forged-document fraud.

Example
-------
    ugh the form wants my SSN again: 526-01-8159 🙄   → SSN ••••• ••59 (high: "SSN")

How to fix
----------
* Delete the post or message; a number in an old post is found by search engines and
  data brokers long after you forgot it.
* US: place a credit freeze with the three credit bureaus and get an IRS Identity
  Protection PIN. Elsewhere: ask your tax office and bank about fraud alerts.
* Watch your credit report and benefit/tax accounts for activity that is not yours; report
  identity theft to the police and the issuing authority.
* A leaked passport or licence number: report it to the issuing office if you see misuse;
  some countries reissue the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from stdnum.at import vnr as at_vnr
from stdnum.au import tfn as au_tfn
from stdnum.be import nn as be_nn
from stdnum.br import cpf as br_cpf
from stdnum.ca import sin as ca_sin
from stdnum.ch import ssn as ch_ssn
from stdnum.cn import ric as cn_ric
from stdnum.de import idnr as de_idnr
from stdnum.dk import cpr as dk_cpr
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nir as fr_nir
from stdnum.gb import nhs as gb_nhs
from stdnum.ie import pps as ie_pps
from stdnum.in_ import aadhaar as in_aadhaar
from stdnum.it import codicefiscale as it_cf
from stdnum.mx import curp as mx_curp
from stdnum.nl import bsn as nl_bsn
from stdnum.no import fodselsnummer as no_fnr
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import cc as pt_cc
from stdnum.pt import nif as pt_nif
from stdnum.se import personnummer as se_pnr
from stdnum.us import ssn as us_ssn
from stdnum.za import idnr as za_idnr

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import (
    TextView,
    bullets,
    contains_any,
    last_match,
    mask_tail,
    view,
    window_after,
    window_before,
)
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE_NATIONAL = Rule(
    id="national-id-number",
    category=Category.GOVERNMENT_ID,
    title="National ID or social security number",
    harm=90,
    module=__name__,
)
RULE_PASSPORT = Rule(
    id="passport-number",
    category=Category.GOVERNMENT_ID,
    title="Passport or ID card number",
    harm=75,
    module=__name__,
)
RULE_LICENCE = Rule(
    id="drivers-licence-number",
    category=Category.GOVERNMENT_ID,
    title="Driving licence number",
    harm=65,
    module=__name__,
)

BEFORE = 40
"""How many characters before a number are read for the scheme's name."""
AFTER = 24
"""How many characters after a number are read ("536-90-4399 is my SSN")."""

# --- validators --------------------------------------------------------------------------

Validator = Callable[[str], str | None]
"""Written form → compact canonical number, or None when the number is not valid."""


def _stdnum(module: ModuleType) -> Validator:
    """A validator from a python-stdnum module (``is_valid`` then ``compact``)."""

    def check(raw: str) -> str | None:
        try:
            if not module.is_valid(raw):
                return None
            compact: str = module.compact(raw)
        except Exception:  # a library hiccup on odd input is "not valid", never a crash
            return None
        return re.sub(r"[^0-9A-Z]", "", compact.upper())

    return check


NINO_BAD_FIRST = frozenset("DFIQUV")
NINO_BAD_SECOND = frozenset("DFIOQUV")
NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
"""HMRC allocation rules for National Insurance numbers (there is no check digit)."""


def _nino(raw: str) -> str | None:
    """UK National Insurance number: two prefix letters, six digits, suffix A–D."""
    compact = re.sub(r"\s", "", raw).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", compact):
        return None
    prefix = compact[:2]
    if prefix[0] in NINO_BAD_FIRST or prefix[1] in NINO_BAD_SECOND or prefix in NINO_BAD_PREFIXES:
        return None
    return compact


SVNR_WEIGHTS = (2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1)
"""Weights of the German Versicherungsnummer check digit (VKVV § 2)."""


def _de_svnr(raw: str) -> str | None:
    """German pension insurance number: area, birth date DDMMYY, initial, serial, check."""
    compact = re.sub(r"\s", "", raw).upper()
    found = re.fullmatch(r"(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)", compact)
    if not found:
        return None
    area, day, month, _year, letter, serial, check = found.groups()
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None
    digits = area + day + month + _year + f"{ord(letter) - 64:02d}" + serial
    total = sum(sum(divmod(int(d) * w, 10)) for d, w in zip(digits, SVNR_WEIGHTS, strict=True))
    return compact if total % 10 == int(check) else None


# --- the schemes, as data ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scheme:
    """One national identity number: how it is written, validated and named."""

    id: str
    """Key prefix, ``country.scheme`` as in python-stdnum (``us.ssn``)."""
    name: str
    """What it is called, for people ("US Social Security number")."""
    label: str
    """Short name shown with the masked number ("SSN")."""
    validate: Validator
    cues: tuple[str, ...]
    """Regexes of the scheme's names, in its local languages (case-insensitive)."""
    shapes: tuple[str, ...] = ()
    """Written forms that count only next to a cue."""
    distinctive: tuple[str, ...] = ()
    """Written forms distinctive enough to count without a cue (in prose, medium)."""
    ignore_case: bool = False
    """Letters of the number may be written in lower case."""
    checked: str = "format and checksum valid"
    """What validation proved, for the reasons."""


_D9 = r"\d{3}[ .-]?\d{3}[ .-]?\d{3}"
_SOCIAL_SECURITY_DE = r"sozialversicherungs-?(?:nummer|nr\.?)|sv-?(?:nummer|nr\.?)|svnr"

SCHEMES: tuple[Scheme, ...] = (
    Scheme("us.ssn", "US Social Security number", "SSN", _stdnum(us_ssn),
           cues=(r"ssn", r"ss#", r"soc\.? ?sec\.?", r"social[ -]security(?: (?:number|no\.?|#))?",
                 r"(?:n[uú]mero de )?seguro social"),
           shapes=(r"\d{3} \d{2} \d{4}", r"\d{9}"),
           distinctive=(r"\d{3}-\d{2}-\d{4}",),
           checked="valid area, group and serial (SSNs have no check digit)"),
    Scheme("gb.nino", "UK National Insurance number", "NINO", _nino,
           cues=(r"national insurance(?: (?:number|no\.?|#))?", r"ni (?:number|no\.?|#)", r"nino"),
           shapes=(r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]",), ignore_case=True,
           checked="valid prefix and suffix (no check digit)"),
    Scheme("gb.nhs", "UK NHS number", "NHS no.", _stdnum(gb_nhs),
           cues=(r"nhs (?:number|no\.?|#)",),
           shapes=(r"\d{3}[ -]?\d{3}[ -]?\d{4}",)),
    Scheme("de.idnr", "German tax ID (Steuer-ID)", "Steuer-ID", _stdnum(de_idnr),
           cues=(r"steuer-? ?id(?:-?nr\.?|-?nummer)?", r"steuer-?identifikationsnummer",
                 r"steuerliche identifikationsnummer", r"identifikationsnummer", r"idnr",
                 r"tax id"),
           shapes=(r"\d{2} ?\d{3} ?\d{3} ?\d{3}",)),
    Scheme("de.svnr", "German social security number", "SV-Nr.", _de_svnr,
           cues=(_SOCIAL_SECURITY_DE, r"renten-?versicherungs-?(?:nummer|nr\.?)",
                 r"versicherungs-?(?:nummer|nr\.?)", r"rv-?(?:nummer|nr\.?)"),
           shapes=(r"\d{2} ?\d{6} ?[A-Z] ?\d{2} ?\d",)),
    Scheme("fr.nir", "French social security number (NIR)", "NIR", _stdnum(fr_nir),
           cues=(r"s[ée]cu(?:rit[ée] sociale)?", r"nir", r"insee", r"carte vitale",
                 r"social security(?: number)?"),
           shapes=(r"[1-478]\d{4}(?:\d{2}|2[AB])\d{8}",),
           distinctive=(r"[1-478] \d{2} \d{2} (?:\d{2}|2[AB]) \d{3} \d{3} \d{2}",)),
    Scheme("es.dni", "Spanish national ID (DNI)", "DNI", _stdnum(es_dni),
           cues=(r"dni", r"nif", r"documento (?:nacional )?de identidad"),
           shapes=(r"\d{8} [A-Z]",), distinctive=(r"\d{8}-?[A-Z]",)),
    Scheme("es.nie", "Spanish foreigner ID (NIE)", "NIE", _stdnum(es_nie),
           cues=(r"nie", r"n[uú]mero de identi(?:dad|ficaci[oó]n) de extranjero"),
           distinctive=(r"[XYZ]-?\d{7}-?[A-Z]",)),
    Scheme("it.codicefiscale", "Italian tax code (codice fiscale)", "CF", _stdnum(it_cf),
           cues=(r"codice fiscale", r"c\.? ?f\.", r"cf", r"tessera sanitaria"),
           distinctive=(r"[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]",)),
    Scheme("nl.bsn", "Dutch citizen service number (BSN)", "BSN", _stdnum(nl_bsn),
           cues=(r"bsn(?:-?nummer)?", r"burgerservicenummer", r"sofi-?nummer"),
           shapes=(_D9, r"\d{4}\.\d{2}\.\d{3}")),
    Scheme("be.nn", "Belgian national number", "NN", _stdnum(be_nn),
           cues=(r"rijksregister(?:nummer)?", r"(?:num[ée]ro )?(?:de )?registre national",
                 r"niss", r"insz", r"rrn", r"national number"),
           shapes=(r"\d{2}[ .]?\d{2}[ .]?\d{2}[ -]?\d{3}[ .]?\d{2}",),
           distinctive=(r"\d{2}\.\d{2}\.\d{2}-\d{3}[. ]\d{2}",)),
    Scheme("pt.cc", "Portuguese citizen card number", "CC", _stdnum(pt_cc),
           cues=(r"cart[aã]o (?:de )?cidad[aã]o", r"cc", r"identifica[cç][aã]o civil"),
           distinctive=(r"\d{8} ?\d ?[A-Z]{2}\d",)),
    Scheme("pt.nif", "Portuguese tax number (NIF)", "NIF", _stdnum(pt_nif),
           cues=(r"nif", r"(?:n[uú]mero de )?contribuinte"),
           shapes=(_D9,)),
    Scheme("pl.pesel", "Polish PESEL number", "PESEL", _stdnum(pl_pesel),
           cues=(r"pesel",), shapes=(r"\d{11}",)),
    Scheme("se.personnummer", "Swedish personal identity number", "personnr", _stdnum(se_pnr),
           cues=(r"person-?(?:nummer|numret|nr\.?)",),
           shapes=(r"(?:19|20)?\d{6}[-+ ]?\d{4}",)),
    Scheme("dk.cpr", "Danish CPR number", "CPR", _stdnum(dk_cpr),
           cues=(r"cpr(?:-?(?:nummer|nr\.?))?", r"personnummer"),
           shapes=(r"\d{6}-?\d{4}",), checked="valid birth date (no check digit since 2007)"),
    Scheme("fi.hetu", "Finnish personal identity code (HETU)", "HETU", _stdnum(fi_hetu),
           cues=(r"henkil[öo]tunnus", r"hetu", r"sotu", r"personbeteckning"),
           distinctive=(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]",)),
    Scheme("no.fodselsnummer", "Norwegian national identity number", "fnr.", _stdnum(no_fnr),
           cues=(r"f[øo]dselsnummer(?:et)?", r"personnummer(?:et)?", r"fnr\.?"),
           shapes=(r"\d{6} ?\d{5}",)),
    Scheme("ch.ssn", "Swiss social security number (AHV/AVS)", "AHV", _stdnum(ch_ssn),
           cues=(r"ahv(?:-?(?:nummer|nr\.?))?", r"avs", r"sozialversicherungsnummer"),
           shapes=(r"756\d{10}",), distinctive=(r"756\.\d{4}\.\d{4}\.\d{2}",)),
    Scheme("at.vnr", "Austrian social security number", "SV-Nr.", _stdnum(at_vnr),
           cues=(_SOCIAL_SECURITY_DE, r"versicherungs-?(?:nummer|nr\.?)", r"e-?card"),
           shapes=(r"\d{4} ?\d{6}",)),
    Scheme("ie.pps", "Irish PPS number", "PPSN", _stdnum(ie_pps),
           cues=(r"ppsn?(?: (?:number|no\.?))?", r"personal public service(?: number)?"),
           shapes=(r"\d{7}[A-W][ABHWTX]?",), ignore_case=True),
    Scheme("ca.sin", "Canadian Social Insurance Number", "SIN", _stdnum(ca_sin),
           cues=(r"sin", r"social insurance(?: (?:number|no\.?))?",
                 r"(?:num[ée]ro d['’])?assurance sociale", r"nas"),
           shapes=(_D9,)),
    Scheme("au.tfn", "Australian tax file number", "TFN", _stdnum(au_tfn),
           cues=(r"tfn", r"tax file (?:number|no\.?)"),
           shapes=(r"\d{3} ?\d{3} ?\d{2,3}",)),
    Scheme("br.cpf", "Brazilian CPF number", "CPF", _stdnum(br_cpf),
           cues=(r"cpf",), shapes=(r"\d{11}",), distinctive=(r"\d{3}\.\d{3}\.\d{3}-\d{2}",)),
    Scheme("mx.curp", "Mexican CURP", "CURP", _stdnum(mx_curp),
           cues=(r"curp",), distinctive=(r"[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d",)),
    Scheme("in.aadhaar", "Indian Aadhaar number", "Aadhaar", _stdnum(in_aadhaar),
           cues=(r"aadh?aa?r(?: (?:number|no\.?|card))?", r"uid(?:ai)?", r"आधार"),
           shapes=(r"[2-9]\d{3} ?\d{4} ?\d{4}",)),
    Scheme("za.idnr", "South African ID number", "ID no.", _stdnum(za_idnr),
           cues=(r"(?:r?sa )?id (?:number|no\.?)", r"identity number"),
           shapes=(r"\d{6} ?\d{4} ?\d{2} ?\d", r"\d{13}")),
    Scheme("cn.ric", "Chinese resident identity card number", "RIC", _stdnum(cn_ric),
           cues=(r"身份证(?:号(?:码)?)?", r"ric", r"resident identity card(?: number)?"),
           shapes=(r"\d{17}[\dX]",)),
)  # fmt: skip
"""Every national-ID scheme, most specific first (the first valid scheme claims a span)."""

SAMPLE_NUMBERS = frozenset(
    {
        "us.ssn:123456789", "us.ssn:111223333", "us.ssn:536904399",
        "es.dni:12345678Z", "es.dni:00000000T", "es.dni:54362315K", "es.nie:X2482300W",
        "it.codicefiscale:RSSMRA85T10A562S", "it.codicefiscale:RCCMNL83S18D969H",
        "nl.bsn:111222333", "nl.bsn:123456782", "ca.sin:046454286", "ca.sin:123456782",
        "au.tfn:123456782", "br.cpf:12345678909", "br.cpf:39053344705", "de.idnr:36574261809",
        "fr.nir:295109912611193", "gb.nino:AB123456C", "ch.ssn:7569217076985",
        "in.aadhaar:234123412346", "za.idnr:7503305044089", "cn.ric:360426199101010071",
        "mx.curp:BOXW310820HNERXN09", "fi.hetu:131052-308T", "pl.pesel:44051401359",
    }
)  # fmt: skip
"""Specimen numbers printed in documentation, forms and library examples: not a person's."""

NOT_ID_CUES: tuple[str, ...] = (
    r"order(?: no\.?| number| #| id)?", r"ticket", r"tracking", r"invoice", r"ref\.?",
    r"reference", r"case(?: no\.?| number| #)?", r"isbn", r"issn", r"flight", r"serial",
    r"confirmation", r"booking", r"reservation", r"transaction", r"txn", r"receipt", r"parcel",
    r"sku", r"model", r"part", r"imei", r"version", r"build", r"phone", r"tel\.?", r"fax",
    r"call", r"bestell(?:ung|nummer|nr\.?)", r"rechnung(?:snummer)?", r"kunden(?:nummer|nr\.?)",
    r"sendung(?:snummer)?", r"pedido", r"factura", r"referencia", r"commande", r"facture",
    r"ordine", r"fattura", r"bestelling", r"factuur", r"iban", r"card",
)  # fmt: skip
"""Words just before a number that say it is some other identifier (→ skip)."""

_NOT_ID_RE = re.compile(r"(?<!\w)(?:" + "|".join(NOT_ID_CUES) + r")(?!\w)", re.IGNORECASE)

_START = r"(?<!\w)(?<!\d[.\-/+])"
_END = r"(?!\w)(?![.\-/]\d)"


@dataclass(frozen=True, slots=True)
class _Compiled:
    scheme: Scheme
    cue: re.Pattern[str]
    number: re.Pattern[str]
    """Group ``d``: a distinctive written form; group ``w``: one that needs a cue."""


def _compile(scheme: Scheme) -> _Compiled:
    cue = re.compile(r"(?<!\w)(?:" + "|".join(scheme.cues) + r")(?!\w)", re.IGNORECASE)
    parts = []
    if scheme.distinctive:
        parts.append("(?P<d>" + "|".join(scheme.distinctive) + ")")
    if scheme.shapes:
        parts.append("(?P<w>" + "|".join(scheme.shapes) + ")")
    flags = re.IGNORECASE if scheme.ignore_case else 0
    number = re.compile(_START + "(?:" + "|".join(parts) + ")" + _END, flags)
    return _Compiled(scheme, cue, number)


_COMPILED: tuple[_Compiled, ...] = tuple(_compile(s) for s in SCHEMES)
_DISTINCTIVE: tuple[_Compiled, ...] = tuple(c for c in _COMPILED if c.scheme.distinctive)
_ANY_CUE_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(cue for s in SCHEMES for cue in s.cues) + r")(?!\w)", re.IGNORECASE
)
_PREFILTER = re.compile(r"\d(?:\D{0,3}\d){5}")
"""Cheap gate: every national number has six digits, at most three other characters apart."""
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-.]")


def _boring(compact: str) -> bool:
    """One repeated digit or a straight run ("111111111", "123456789")."""
    digits = "".join(c for c in compact if c.isdigit())
    return len(set(digits)) <= 1 or digits in "01234567890123456789"


def _key(scheme: Scheme, compact: str) -> str:
    if scheme.id == "se.personnummer":
        compact = compact[-10:]  # 19900214… and 900214… are the same person
    return f"{scheme.id}:{compact}"


# --- passports and driving licences -------------------------------------------------------

_LINK = r"(?:is|was|ist|lautet|war|es|era|est|c['’]est|è|é|e|zijn|luidt|=)"
CONNECT = rf"(?:\s*[:=#]\s*|\s*[-–—>]+\s*|\s+)(?:{_LINK}\s*[:=]?\s*)?"
"""What may stand between a document word and its number ("no.: ", " is ", " lautet ")."""

PASSPORT_CUES: tuple[str, ...] = (
    # English
    r"passport(?: (?:no\.?|number|num|nr\.?|#|id))?", r"id card (?:no\.?|number|#)",
    r"identity card (?:no\.?|number)",
    # German
    r"reisepass(?:-?nummer|-?nr\.?)?", r"pass-?nummer", r"(?:personal)?ausweis-?(?:nummer|nr\.?)",
    # Spanish, French, Italian, Dutch, Portuguese
    r"(?:n[uú]mero (?:de|del) )?pasaporte", r"(?:num[ée]ro (?:de|du) )?passeport",
    r"(?:num[ée]ro de )?carte d['’]identit[ée]", r"(?:numero (?:di|del) )?passaporto",
    r"paspoort(?:nummer)?", r"(?:n[uú]mero do )?passaporte",
)  # fmt: skip
LICENCE_CUES: tuple[str, ...] = (
    r"driv(?:er|ing)['’]?s? licen[cs]e(?: (?:no\.?|number|num|#|id))?", r"dl ?(?:no\.?|number|#)",
    r"dl\s*:", r"f[üu]hrerschein(?:-?nummer|-?nr\.?)?",
    r"(?:n[uú]mero de )?(?:licencia|carn[eé]|permiso) de conducir",
    r"(?:num[ée]ro (?:de|du) )?permis de conduire", r"(?:numero (?:della )?)?patente(?: di guida)?",
    r"rijbewijs(?:nummer)?", r"carta de condu[cç][aã]o", r"cnh",
)  # fmt: skip

_PASSPORT_RE = re.compile(
    r"(?<!\w)(?P<cue>" + "|".join(PASSPORT_CUES) + r")" + CONNECT
    + r"(?P<doc>(?-i:[A-Z0-9]{6,9}))(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip
_LICENCE_RE = re.compile(
    r"(?<!\w)(?P<cue>" + "|".join(LICENCE_CUES) + r")" + CONNECT
    + r"(?P<doc>(?-i:[A-Z0-9](?:-?[A-Z0-9]){4,17}))(?![\w-])",
    re.IGNORECASE,
)  # fmt: skip
_DOC_NEEDLES = (
    "pass", "pasaport", "paspoort", "ausweis", "identit", "id card", "licen", "hrerschein",
    "conducir", "conduire", "patente", "rijbewijs", "condu", "cnh", "dl",
)  # fmt: skip


def _plausible_document(doc: str, *, licence: bool) -> bool:
    compact = doc.replace("-", "")
    digits = sum(c.isdigit() for c in compact)
    if _boring(compact) or len(set(compact)) <= 2:
        return False
    if licence:
        return 5 <= len(compact) <= 18 and digits >= 4
    if compact.isdigit():
        return len(compact) in (8, 9)
    return 6 <= len(compact) <= 9 and digits >= 2


# --- detector ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    scheme: Scheme
    span: tuple[int, int]
    compact: str
    cue: str | None


class GovernmentIdDetector:
    """Validated national ID numbers, and passport and licence numbers after their names."""

    rules: tuple[Rule, ...] = (RULE_NATIONAL, RULE_PASSPORT, RULE_LICENCE)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role not in (Role.TEXT, Role.OTHER):
                continue
            text = field.text
            if not _PREFILTER.search(text):
                continue
            tv = view(text)
            claimed: list[tuple[int, int]] = []
            for match in self._national(field, tv):
                claimed.append(match.span or (0, 0))
                yield match
            lowered = text.lower()
            if contains_any(lowered, _DOC_NEEDLES):
                for match in self._documents(field, tv):
                    span = match.span or (0, 0)
                    if not any(s < span[1] and span[0] < e for s, e in claimed):
                        yield match

    def _national(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        other = field.role is Role.OTHER
        name_cue = other and bool(_ANY_CUE_RE.search(_CAMEL.sub(" ", field.name)))
        any_cue = name_cue or _ANY_CUE_RE.search(text) is not None
        candidates: list[_Candidate] = []
        for compiled in _COMPILED if any_cue else _DISTINCTIVE:
            for found in compiled.number.finditer(text):
                candidate = self._candidate(compiled, found, field, tv, name_cue)
                if candidate is not None:
                    candidates.append(candidate)
        # a scheme named next to the number beats one that only has the shape
        candidates.sort(key=lambda c: c.cue is None)
        taken: list[tuple[int, int]] = []
        for cand in candidates:
            start, end = cand.span
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append(cand.span)
            yield _national_match(field, cand)

    def _candidate(
        self,
        compiled: _Compiled,
        found: re.Match[str],
        field: Field,
        tv: TextView,
        name_cue: bool,
    ) -> _Candidate | None:
        scheme = compiled.scheme
        start, end = found.span()
        if tv.touches_blank(start, end):
            return None
        compact = scheme.validate(found.group(0))
        if compact is None or _boring(compact) or _key(scheme, compact) in SAMPLE_NUMBERS:
            return None
        text = tv.prose
        before = window_before(text, start, BEFORE)
        cue = last_match(compiled.cue, before)
        negative = last_match(_NOT_ID_RE, before)
        if negative is not None and (cue is None or cue.start() < negative.start()):
            return None
        if cue is None:
            cue = compiled.cue.search(window_after(text, end, AFTER))
        if cue is not None:
            label: str | None = f"context: '{' '.join(cue.group(0).split()).lower()}'"
        elif name_cue and compiled.cue.search(_CAMEL.sub(" ", field.name)):
            label = f"field name: '{field.name}'"
        else:
            label = None
        if label is None and (found.groupdict().get("d") is None or field.role is Role.OTHER):
            return None  # only a distinctive written form counts without a cue, in prose
        return _Candidate(scheme, (start, end), compact, label)

    def _documents(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        for pattern, rule, what in (
            (_PASSPORT_RE, RULE_PASSPORT, "passport or ID card number"),
            (_LICENCE_RE, RULE_LICENCE, "driving licence number"),
        ):
            for found in pattern.finditer(text):
                start, end = found.span("doc")
                if tv.touches_blank(found.start(), end):
                    continue
                doc = found.group("doc")
                if not _plausible_document(doc, licence=rule is RULE_LICENCE):
                    continue
                cue = " ".join(found.group("cue").split()).lower()
                compact = doc.replace("-", "")
                yield Match(
                    rule=rule.id,
                    category=rule.category,
                    title=rule.title,
                    value=field.text[start:end],
                    key=f"{'passport' if rule is RULE_PASSPORT else 'licence'}:{compact}",
                    evidence=_mask(compact),
                    pointer=field.pointer,
                    span=(start, end),
                    harm=rule.harm,
                    confidence=Confidence.MEDIUM,
                    detail=f"{what} after '{cue}'",
                    reasons=(f"context: '{cue}'", "document-number shape (no checksum to verify)"),
                )


def _mask(compact: str) -> str:
    """All but the last two characters hidden: ``•••• •••47``."""
    if len(compact) <= 4:
        return bullets(len(compact))
    return mask_tail(compact, 2)


def _national_match(field: Field, cand: _Candidate) -> Match:
    scheme = cand.scheme
    start, end = cand.span
    reasons: list[str] = []
    if cand.cue is not None:
        confidence = Confidence.HIGH
        reasons.append(cand.cue)
    else:
        confidence = Confidence.MEDIUM
        reasons.append(f"written in the {scheme.label} format")
    reasons.append(scheme.checked)
    return Match(
        rule=RULE_NATIONAL.id,
        category=RULE_NATIONAL.category,
        title=RULE_NATIONAL.title,
        value=field.text[start:end],
        key=_key(scheme, cand.compact),
        evidence=f"{scheme.label} {_mask(cand.compact)}",
        pointer=field.pointer,
        span=(start, end),
        harm=RULE_NATIONAL.harm,
        confidence=confidence,
        detail=f"valid {scheme.name}",
        reasons=tuple(reasons),
    )


DETECTOR = GovernmentIdDetector()
