from __future__ import annotations

import pytest

from privaudit.detectors.government_id import SCHEMES, _de_svnr, _nino
from privaudit.model import Category, Confidence, Field, Role

from .helpers import find, record, scan

RULE = "national-id-number"

# Synthetic numbers, made valid with each scheme's own checksum (nobody's real number).
NATIONAL = [
    # (text, value, key)
    ("ugh the form wants my SSN again: 526-01-8159 🙄", "526-01-8159", "us.ssn:526018159"),
    ("my ssn is 526018159 lol dont steal it", "526018159", "us.ssn:526018159"),
    ("526-01-8159 is my social security number, pls fill in the form", "526-01-8159",
     "us.ssn:526018159"),
    ("mi número de seguro social es 083-01-6613", "083-01-6613", "us.ssn:083016613"),
    ("NI number: JG 10 37 59 A #paperwork", "JG 10 37 59 A", "gb.nino:JG103759A"),
    ("national insurance no JG103759A for the new job", "JG103759A", "gb.nino:JG103759A"),
    ("NHS number 758 353 2892 (for the GP)", "758 353 2892", "gb.nhs:7583532892"),
    ("meine Steuer-ID ist 24 170 586 492, danke @finanzamt", "24 170 586 492",
     "de.idnr:24170586492"),
    ("Steueridentifikationsnummer: 13570869260", "13570869260", "de.idnr:13570869260"),
    ("Sozialversicherungsnummer 15 070649 C 10 3", "15 070649 C 10 3", "de.svnr:15070649C103"),
    ("mon numéro de sécu : 1 85 07 75 354 421 97", "1 85 07 75 354 421 97",
     "fr.nir:185077535442197"),
    ("mi DNI es 45698250X jaja", "45698250X", "es.dni:45698250X"),
    ("NIE Y0115303H, ya tengo cita 🙌", "Y0115303H", "es.nie:Y0115303H"),
    ("il mio codice fiscale è BNCGLI92E48F205K", "BNCGLI92E48F205K",
     "it.codicefiscale:BNCGLI92E48F205K"),
    ("mijn BSN is 4052.96.861 toch?", "4052.96.861", "nl.bsn:405296861"),
    ("BSN-nummer 405296861", "405296861", "nl.bsn:405296861"),
    ("rijksregisternummer 90.02.14-137.86", "90.02.14-137.86", "be.nn:90021413786"),
    ("Cartão de Cidadão 44084235 1 ZX5", "44084235 1 ZX5", "pt.cc:440842351ZX5"),
    ("o meu NIF é 261804677", "261804677", "pt.nif:261804677"),
    ("PESEL: 90021436432", "90021436432", "pl.pesel:90021436432"),
    ("personnummer 900214-8626", "900214-8626", "se.personnummer:9002148626"),
    ("personnummer 19900214-8626", "19900214-8626", "se.personnummer:9002148626"),
    ("mit CPR-nummer er 140290-3179", "140290-3179", "dk.cpr:1402903179"),
    ("henkilötunnus 140290-584P", "140290-584P", "fi.hetu:140290584P"),
    ("fødselsnummer 140290 72869", "140290 72869", "no.fodselsnummer:14029072869"),
    ("AHV-Nummer: 756.4013.2850.12", "756.4013.2850.12", "ch.ssn:7564013285012"),
    ("SV-Nummer 1180 140290 für die e-card", "1180 140290", "at.vnr:1180140290"),
    ("PPS number 8347254WA", "8347254WA", "ie.pps:8347254WA"),
    ("my SIN is 233 108 133 eh", "233 108 133", "ca.sin:233108133"),
    ("TFN 189 185 832 for the tax return", "189 185 832", "au.tfn:189185832"),
    ("meu CPF: 705.119.858-00", "705.119.858-00", "br.cpf:70511985800"),
    ("mi CURP es GOMA900214MDFRRN03", "GOMA900214MDFRRN03", "mx.curp:GOMA900214MDFRRN03"),
    ("my aadhaar 5857 2723 1684 got linked", "5857 2723 1684", "in.aadhaar:585727231684"),
    ("ID number 9002140592087", "9002140592087", "za.idnr:9002140592087"),
    ("身份证号 110101199002146686", "110101199002146686", "cn.ric:110101199002146686"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "value", "key"), NATIONAL)
def test_national_ids_with_context(text: str, value: str, key: str) -> None:
    [m] = find(text, RULE)
    assert m.value == value
    assert m.key == key
    assert m.category is Category.GOVERNMENT_ID
    assert m.confidence is Confidence.HIGH
    assert m.harm == 90
    assert m.reasons[0].startswith("context: ")
    digits = key.split(":")[1]
    assert digits not in m.evidence  # never the raw number
    assert m.evidence.endswith(digits[-2:])


def test_at_least_twenty_schemes_from_the_library() -> None:
    assert len(SCHEMES) >= 25
    countries = {s.id.split(".")[0] for s in SCHEMES}
    assert len(countries) >= 20
    assert len({key.split(":")[0] for _, _, key in NATIONAL}) >= 25  # every scheme is tested


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("new job paperwork done ✅ 526-01-8159", "us.ssn:526018159"),
        ("1 85 07 75 354 421 97", "fr.nir:185077535442197"),
        ("756.4013.2850.12", "ch.ssn:7564013285012"),
        ("CPF 705.119.858-00 ok", "br.cpf:70511985800"),
        ("BNCGLI92E48F205K", "it.codicefiscale:BNCGLI92E48F205K"),
        ("GOMA900214MDFRRN03", "mx.curp:GOMA900214MDFRRN03"),
        ("Y0115303H", "es.nie:Y0115303H"),
        ("45698250X", "es.dni:45698250X"),
        ("140290-584P", "fi.hetu:140290584P"),
        ("90.02.14-137.86", "be.nn:90021413786"),
    ],
)
def test_distinctive_forms_count_without_context(text: str, key: str) -> None:
    [m] = find(text, RULE)
    assert m.key == key
    assert m.confidence in (Confidence.MEDIUM, Confidence.HIGH)
    if m.confidence is Confidence.MEDIUM:
        assert m.reasons[0].startswith("written in the ")


@pytest.mark.parametrize(
    "text",
    [
        # bare digit runs: never without the scheme's name
        "526018159",
        "call 526 01 8159",
        "405296861",
        "233 108 133",
        "24170586492",
        "90021436432 points scored",
        "5857 2723 1684",
        "9002140592087",
        "110101199002146686",
        "JG103759A",
        "140290-3179",
        "1180 140290",
        # shapes right, checks wrong
        "my SSN is 000-12-3456",
        "my SSN is 666-12-3456",
        "my SSN is 900-12-3456",
        "SSN 123-00-4567",
        "SSN 123-45-0000",
        "BSN 405296862",
        "SIN 233 108 134",
        "Steuer-ID 24 170 586 493",
        "DNI 45698250Z",
        "codice fiscale BNCGLI92E48F205A",
        "PESEL 90021436433",
        "national insurance DQ 12 34 56 A",
        "NI number TN 12 34 56 A",
        # documentation samples and boring numbers
        "my SSN is 123-45-6789",
        "SSN 078-05-1120",
        "DNI 12345678Z",
        "BSN 111222333",
        "NI number AB 12 34 56 C",
        "CPF 111.111.111-11",
        # other identifiers announced by context words
        "order 526-01-8159 still not here",
        "tracking: 526-01-8159",
        "invoice 756.4013.2850.12",
        "ref 1 85 07 75 354 421 97",
        # glued, links, handles, hashtags
        "x526-01-8159",
        "526-01-8159-2",
        "https://t.co/526-01-8159",
        "@526018159 my ssn is what?",
        "#526-01-8159",
        # not the scheme's cue: a SIN cue does not make an SSN
        "sin 526-01-8159x",
        "",
    ],
)
def test_national_id_hard_negatives(text: str) -> None:
    assert find(text, RULE) == []


def test_context_in_another_sentence_does_not_count() -> None:
    assert find("Forgot my SSN card at home! Anyway 526018159 is the code", RULE) == []
    [m] = find("Forgot my card at home! My SSN: 526018159", RULE)
    assert m.key == "us.ssn:526018159"


def test_named_scheme_beats_shape_only() -> None:
    # nine digits valid for several schemes: the one named wins
    [m] = find("BSN 425493672", RULE)
    assert m.key.startswith("nl.bsn:")


def test_match_shape_and_evidence() -> None:
    [m] = find("ugh the form wants my SSN again: 526-01-8159 🙄", RULE)
    assert m.evidence == "SSN ••••• ••59"
    assert m.title == "National ID or social security number"
    assert m.detail == "valid US Social Security number"
    assert m.pointer == "/0/tweet/full_text"
    assert "no check digit" in m.reasons[1]


def test_other_role_needs_a_cue_or_field_name() -> None:
    assert find("526-01-8159", RULE, Role.OTHER) == []
    rec = record(fields=(Field("ssn", "/0/ssn", "526-01-8159", Role.OTHER),))
    [m] = [m for m in scan(rec) if m.rule == RULE]
    assert m.reasons[0] == "field name: 'ssn'"
    assert m.confidence is Confidence.HIGH
    rec = record(fields=(Field("order_id", "/0/order_id", "526-01-8159", Role.OTHER),))
    assert [m for m in scan(rec) if m.rule == RULE] == []


@pytest.mark.parametrize("role", [Role.NAME, Role.PLACE, Role.DEVICE, Role.PHONE])
def test_other_roles_are_not_read(role: Role) -> None:
    assert find("my SSN is 526-01-8159", RULE, role) == []


def test_two_ids_in_one_post() -> None:
    matches = find("SSN 526-01-8159 and my wife's SSN 083-01-6613", RULE)
    assert [m.key for m in matches] == ["us.ssn:526018159", "us.ssn:083016613"]


# --- passports and driving licences -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule", "value"),
    [
        ("passport no: C01X00T47 just renewed 🛂", "passport-number", "C01X00T47"),
        ("my passport number is 548201937, dont judge the photo", "passport-number", "548201937"),
        ("Reisepassnummer lautet C01X00T47", "passport-number", "C01X00T47"),
        ("número de pasaporte: XDA482915", "passport-number", "XDA482915"),
        ("numéro de passeport 15AB82913", "passport-number", "15AB82913"),
        ("passaporto YA4829153 in scadenza", "passport-number", "YA4829153"),
        ("Ausweisnummer: L01X00T47", "passport-number", "L01X00T47"),
        ("driver's license number D482-9153-0271", "drivers-licence-number", "D482-9153-0271"),
        ("DL#: S53048291 lol", "drivers-licence-number", "S53048291"),
        ("Führerscheinnummer B072RRE2I55", "drivers-licence-number", "B072RRE2I55"),
        ("numéro de permis de conduire 130475200481", "drivers-licence-number", "130475200481"),
    ],
)
def test_documents_after_their_names(text: str, rule: str, value: str) -> None:
    [m] = find(text, rule)
    assert m.value == value
    assert m.confidence is Confidence.MEDIUM
    assert m.harm == (75 if rule == "passport-number" else 65)
    assert value not in m.evidence and m.evidence.endswith(value.replace("-", "")[-2:])


@pytest.mark.parametrize(
    "text",
    [
        "passport photo 2x2 done",
        "my passport number is in the drawer",
        "passport renewal 2024 was painless",
        "my passport number is 123456789",
        "passport: XXXXXXXX",
        "passport no. 12345",
        "passport number: expired",
        "C01X00T47",
        "driver's license renewal at the DMV 🙄",
        "driver's license number: 0000000",
        "Führerschein mit 17 🚗",
        "license number 1",
    ],
)
def test_document_hard_negatives(text: str) -> None:
    assert find(text, "passport-number") == []
    assert find(text, "drivers-licence-number") == []


def test_custom_validators() -> None:
    assert _nino("jg 10 37 59 a") == "JG103759A"
    assert _nino("GB 12 34 56 A") is None
    assert _nino("JG 10 37 59 E") is None
    assert _de_svnr("15 070649 C 10 3") == "15070649C103"
    assert _de_svnr("15 070649 C 10 4") is None
    assert _de_svnr("15 450649 C 10 3") is None
