from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.detectors import credential, financial, government_id
from privaudit.detectors.credential import mask_secret
from privaudit.detectors.interface import DetectContext
from privaudit.model import Category, Confidence, Field, Kind, Role

from .helpers import find, record, scan

# --- passwords, Wi-Fi passwords, PINs in prose -------------------------------------------

PASSWORDS = [
    # (text, rule, value)
    ("my password is hunter2", "password", "hunter2"),
    ("the wifi password for the flat is Tulip-7731", "wifi", "Tulip-7731"),
    ("pw: Summer2024!", "password", "Summer2024!"),
    ("ok fine my password is 'correct horse battery staple' happy now??", "password",
     "correct horse battery staple"),
    ("@dana_k my password for netflix is Dana1990!! don't tell anyone 🤫", "password",
     "Dana1990"),
    ("new laptop who dis 😅 wifi password is Sunflower#2024 btw", "wifi",
     "Sunflower#2024"),
    ("the wifi password is on the fridge… jk the password is Gr33nHouse", "password",
     "Gr33nHouse"),
    ("Wi-Fi pw: KaffeeHaus_42 #cafe", "wifi", "KaffeeHaus_42"),
    ("the password for the wifi is bluemoon77.", "wifi", "bluemoon77"),
    ("Login: dana_k / Password: Tr0ub4dor&3", "password", "Tr0ub4dor&3"),
    ("user: dana_k pass: Hunter2x", "password", "Hunter2x"),
    ("mein Passwort ist Sonnenschein123 😂", "password", "Sonnenschein123"),
    ("wlan passwort: FritzBox!2024", "wifi", "FritzBox!2024"),
    ("Das WLAN-Passwort lautet: Kuckuck_99", "wifi", "Kuckuck_99"),
    ("Kennwort: geheim2023", "password", "geheim2023"),
    ("mi contraseña es gatito123 jajaja", "password", "gatito123"),
    ("la clave del wifi es PerroVerde7", "wifi", "PerroVerde7"),
    ("mot de passe : soleil2024", "password", "soleil2024"),
    ("le mot de passe du wifi c'est Fromage!88", "wifi", "Fromage!88"),
    ("mdp: chaton_noir1", "password", "chaton_noir1"),
    ("la password è Gatto!99", "password", "Gatto!99"),
    ("la password del wifi è pizzamargherita1", "wifi", "pizzamargherita1"),
    ("het wachtwoord is Fiets2024", "password", "Fiets2024"),
    ("a senha é Brasil@123", "password", "Brasil@123"),
    ("minha senha do wifi é cafezinho22", "wifi", "cafezinho22"),
    ("my password is fluffy lol", "password", "fluffy"),
    ("my password is Snowball 😭", "password", "Snowball"),
    ("my password is literally 123456", "password", "123456"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "value"), PASSWORDS)
def test_passwords_in_prose(text: str, kind: str, value: str) -> None:
    [m] = find(text, "password")
    assert m.value == value
    assert m.category is Category.CREDENTIAL
    assert m.title == ("Wi-Fi password" if kind == "wifi" else "Password")
    assert m.harm == (60 if kind == "wifi" else 85)
    assert m.key == f"secret:{m.value}"
    assert m.value not in m.evidence
    assert m.reasons[0].startswith("context: ")


def test_secret_shaped_values_are_high_single_words_medium() -> None:
    [m] = find("my password is hunter2", "password")
    assert (m.confidence, m.evidence) == (Confidence.HIGH, "h•••••2")
    assert m.detail == "password after 'password'"
    [m] = find("my password is fluffy lol", "password")
    assert m.confidence is Confidence.MEDIUM
    assert m.evidence == "•••••"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PIN is 4821", "4821"),
        ("my pin number: 482193", "482193"),
        ("door code 4821# pls dont break in lol", "4821#"),
        ("gate code is 1397 for the party tonight 🎉", "1397"),
        ("alarm code: 2580", "2580"),
        ("Zugangscode 4821", "4821"),
        ("der Türcode ist 7390", "7390"),
        ("código de la puerta 4821", "4821"),
        ("digicode 4821B", "4821B"),
        ("code de la porte : 4821", "4821"),
        ("il codice della porta è 4821", "4821"),
        ("deurcode 4821", "4821"),
        ("o código do portão é 4821", "4821"),
        ("mi código pin es 4821", "4821"),
    ],
)
def test_pins_and_access_codes(text: str, value: str) -> None:
    [m] = find(text, "pin-code")
    assert m.value == value
    assert m.harm == 85
    assert m.key == f"pin:{value}"
    assert m.evidence == "•••••"


@pytest.mark.parametrize(
    "text",
    [
        "I forgot my password",
        "I forgot my password AGAIN 😭 #mondays",
        "reset your password here https://t.co/xYz123AbC",
        "reset your password here https://example.com/reset?token=abc123",
        "password manager recommendations?",
        "my password manager is 1Password",
        "the password is too long",
        "the password is incorrect, it says",
        "password is required",
        "Password: reset successful",
        "strong passwords matter",
        "passwords: use a manager",
        "what's the wifi password?",
        "does anyone know the wifi password for the co-working space?",
        "the password for the new portal arrives by post",
        "what's the wifi password? 🙏",
        "is the wifi password hunter2?",
        "password: ********",
        "password: <your password>",
        "password: xxxx",
        "password: [redacted]",
        "pw: YOUR_PASSWORD",
        "my password is password",
        "my password is my dog's name",
        "the password is on the fridge",
        "my password is secure enough",
        "if your password is 123456, change it now",
        "never use Summer2024! as your password",
        "e.g. password: Summer2024!",
        "your password has been changed",
        "passport 2024 renewal",
        "compass: 270 degrees",
        "pw",
        "PIN 📌 this tweet",
        "pinned since 2019",
        "PIN 2019",
        "zip code 90210",
        "area code 206",
        "promo code SAVE2024",
        "dress code: black tie",
        "QR code 4821",
        "pin: 12",
        "boarding pass: AB12CD",
        "season pass: 2024-2025 🎢",
        "Amy Tan 1990",
        "door code 2019",
        "",
    ],
)
def test_password_and_pin_hard_negatives(text: str) -> None:
    matches = [m for m in scan(record(text)) if m.category is Category.CREDENTIAL]
    assert matches == [], matches


# --- one-time codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("your verification code is 482913", "482913"),
        ("482913 is your Acme verification code. Don't share it.", "482913"),
        ("G-482913 is your Google verification code", "G-482913"),
        ("Bestätigungscode: 482913", "482913"),
        ("Dein Sicherheitscode lautet 482913", "482913"),
        ("código de verificación 482913", "482913"),
        ("code de vérification : 482 913", "482 913"),
        ("OTP: 48291307", "48291307"),
        ("TAN: 482913", "482913"),
    ],
)
def test_one_time_codes(text: str, value: str) -> None:
    [m] = find(text, "one-time-code")
    assert m.value == value
    assert m.harm == 20
    assert "one-time codes expire within minutes" in m.reasons


@pytest.mark.parametrize(
    "text",
    ["what's a verification code?", "verification code sent!", "2FA code 12", "OTP OTP OTP"],
)
def test_one_time_code_negatives(text: str) -> None:
    assert find(text, "one-time-code") == []


# --- security questions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "question"),
    [
        ("fun fact: my mother's maiden name is Smith 😂", "Smith", "mother's maiden name"),
        ("My mom's maiden name was Van Dijk, so yes I'm part Dutch", "Van Dijk",
         "mother's maiden name"),
        ("my first pet was called Rex 🐶", "Rex", "first pet"),
        ("my first pet was called rex lol", "rex", "first pet"),
        ("my first dog's name was Biscuit", "Biscuit", "first pet"),
        ("the name of my first pet was Mr Whiskers", "Mr Whiskers", "first pet"),
        ("my first school was Lincoln Elementary", "Lincoln Elementary", "first school"),
        ("my first car was a Honda Civic lol", "Honda Civic", "first car"),
        ("der Mädchenname meiner Mutter ist Schmidt", "Schmidt", "mother's maiden name"),
        ("mein erstes Haustier hieß Bello", "Bello", "first pet"),
        ("mi primera mascota se llamaba Toby", "Toby", "first pet"),
        ("le nom de jeune fille de ma mère est Dupont", "Dupont", "mother's maiden name"),
        ("mon premier chien s'appelait Médor", "Médor", "first pet"),
        ("il mio primo cane si chiamava Fido", "Fido", "first pet"),
        ("mijn eerste huisdier heette Pluis", "Pluis", "first pet"),
        ("meu primeiro cachorro se chamava Thor", "Thor", "first pet"),
    ],
)  # fmt: skip
def test_security_answers(text: str, value: str, question: str) -> None:
    [m] = find(text, "security-answer")
    assert m.value == value
    assert m.harm == 70
    assert m.confidence is Confidence.MEDIUM
    assert m.detail == f"answer to the security question '{question}'"
    assert m.evidence == value[0] + "•••"


@pytest.mark.parametrize(
    "text",
    [
        "I was born in Springfield",
        "born in Berlin, raised in Munich",
        "my first pet was a dog",
        "my first pet was adorable",
        "my mother's maiden name is none of your business",
        "what was your first pet's name?",
        "my first car was red",
        "if my first pet was called Rex I'd be surprised",
        "my best friend is Sarah",
    ],
)
def test_security_answer_negatives(text: str) -> None:
    assert find(text, "security-answer") == []


# --- API keys and tokens ---------------------------------------------------------------------

_R = "Qx7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2Lm4Np6Qr8StUvWxYz01aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5b"
"""Filler for synthetic tokens: sliced to each format's documented length."""

# Synthetic tokens in each provider's documented shape (not real keys).
TOKENS = [
    ("ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5", "GitHub token", 95),
    (f"github_pat_{_R[:22]}_{_R[22:81]}", "GitHub personal access token", 95),
    ("AKIAZ7QW3RTY5UIO2PLK", "AWS access key ID", 80),
    ("xoxb-2804512345-4827391045612-Zq8Wv2Xr5Tn9Lm4Kp7Hd3Fs6", "Slack token", 95),
    ("https://hooks.slack.com/services/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",
     "Slack webhook", 70),
    ("sk_live_51Hq8Wv2Xr5Tn9Lm4Kp7Hd3Fs6Qz", "Stripe live secret key", 95),
    ("rk_live_51Hq8Wv2Xr5Tn9Lm4Kp7Hd3Fs6Qz", "Stripe live secret key", 95),
    ("sk_test_51Hq8Wv2Xr5Tn9Lm4Kp7Hd3Fs6Qz", "Stripe test key", 40),
    ("AIzaSyB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z", "Google API key", 80),
    ("sk-proj-Qx7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2Lm4Np6Qr8St", "OpenAI API key", 95),
    (f"sk-ant-api03-{_R[:86]}_AA", "Anthropic API key", 95),
    (f"SG.{_R[:22]}.{_R[22:65]}", "SendGrid API key", 95),
    (f"npm_{_R[:36]}", "npm access token", 95),
    (f"pypi-AgEIcHlwaS5vcmc{_R[:60]}", "PyPI upload token", 95),
    ("glpat-Qx7Lm2Np9Rt4Vw8Zy3Ab", "GitLab token", 95),
    ("4829153027:AAHq8Wv2Xr5Tn9Lm4Kp7Hd3Fs6Qz1Yc0Bx2", "Telegram bot token", 95),
    ("key-3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e", "Mailgun API key", 95),
    ("dop_v1_" + "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e" * 2, "DigitalOcean token", 95),
    ("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", "Shopify access token", 95),
    ("sq0atp-Qx7Lm2Np9Rt4Vw8Zy3Ab6C", "Square access token", 95),
    ("hf_" + "".join(c for c in _R if c.isalpha())[:34], "Hugging Face token", 95),
]  # fmt: skip


@pytest.mark.parametrize(("token", "name", "harm"), TOKENS)
def test_known_prefix_tokens(token: str, name: str, harm: int) -> None:
    text = f"oops pasted this in the group chat 🙈 {token} can someone delete"
    [m] = find(text, "api-key")
    assert m.value == token
    assert m.detail == name
    assert m.harm == harm
    assert m.confidence is Confidence.HIGH
    assert m.key == f"token:{token}"
    assert token[12:] not in m.evidence


def test_tokens_that_need_context() -> None:
    secret = "wJa1rXUtnFEMI/K7MDENG/bPxRfiCYz9KEYq2x8P"
    [m] = find(f"aws_secret_access_key = {secret}", "api-key")
    assert m.value == secret
    assert find(secret, "api-key") == []
    twilio = "SK3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e"
    assert find(twilio, "api-key") == []
    [m] = find(f"twilio key {twilio}", "api-key")
    assert m.detail == "Twilio API key"
    uuid = "3f9a1c7e-5b2d-4f6a-8c0e-1b3d5f7a9c2e"
    assert find(uuid, "api-key") == []
    [m] = find(f"HEROKU_API_KEY={uuid}", "api-key")
    assert m.detail == "Heroku API key"


def test_discord_token_checks_its_id() -> None:
    head = base64.urlsafe_b64encode(b"812345678901234567").decode().rstrip("=")
    token = f"{head}.GqX7Lm.Qx7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2Lm4"
    [m] = find(f"bot token {token}", "api-key")
    assert m.detail == "Discord bot token"
    fake = base64.urlsafe_b64encode(b"not-a-number-abcde").decode().rstrip("=")
    assert find(f"bot token {fake}.GqX7Lm.Qx7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2Lm4", "api-key") == []


@pytest.mark.parametrize(
    "text",
    [
        "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
        "ghp_000000000000000000000000000000000000",
        "ghp_YOUR_TOKEN_HERE",
        "sk-" + "a" * 48,
        "pk_live_51Hq8Wv2Xr5Tn9Lm4Kp7Hd3Fs6Qz",  # publishable keys are public
        "my key is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "commit 3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a",
        "tweet id 1790123456789012345",
        "random junk Qx7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2Lm4Np6Qr8St",
    ],
)
def test_token_hard_negatives(text: str) -> None:
    assert find(text, "api-key") == []


# --- PEM keys, JWTs, URLs with passwords ------------------------------------------------------

_BODY = "\n".join(
    ["MIIEowIBAAKCAQEAxQ7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2Lm4Np6Qr8StUvWxYz01"] * 3
    + ["Zy3Ab6Cd1Ef5Gh0Jk2Lm4Np6Qr8StUvWxYz01MIIEowIBAAKCAQEAxQ7Lm2Np9Rt4Vw8=="]
)


def test_pem_private_key_block() -> None:
    text = f"here's the deploy key lol\n-----BEGIN RSA PRIVATE KEY-----\n{_BODY}\n" + (
        "-----END RSA PRIVATE KEY-----\nthx"
    )
    [m] = find(text, "private-key")
    assert m.value.startswith("-----BEGIN RSA PRIVATE KEY-----")
    assert m.value.endswith("-----END RSA PRIVATE KEY-----")
    assert (m.harm, m.confidence) == (95, Confidence.HIGH)
    assert m.evidence.startswith("-----BEGIN RSA PRIVATE KEY----- •••••")


def test_pem_variants() -> None:
    for kind in ("PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK"):
        [m] = find(f"-----BEGIN {kind}-----\n{_BODY}\n-----END {kind}-----", "private-key")
        assert m.harm == 95
    [m] = find(f"-----BEGIN ENCRYPTED PRIVATE KEY-----\n{_BODY}", "private-key")
    assert m.harm == 70  # still needs its passphrase; truncated blocks still count
    assert (
        find("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----", "private-key")
        == []
    )
    assert (
        find(f"-----BEGIN PUBLIC KEY-----\n{_BODY}\n-----END PUBLIC KEY-----", "private-key") == []
    )


def _jwt(payload: dict[str, object]) -> str:
    def seg(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return (
        f"{seg({'alg': 'HS256', 'typ': 'JWT'})}.{seg(payload)}.Qx7Lm2Np9Rt4Vw8Zy3Ab6Cd1Ef5Gh0Jk2L"
    )


def test_jwt_harm_depends_on_expiry_at_posting_time() -> None:
    live = _jwt({"sub": "dana", "exp": int(datetime(2030, 1, 1, tzinfo=UTC).timestamp())})
    [m] = find(f"why does this fail?? Authorization: Bearer {live}", "jwt")
    assert (m.value, m.harm, m.confidence) == (live, 60, Confidence.HIGH)
    assert "expires 2030-01-01" in m.reasons
    expired = _jwt({"sub": "dana", "exp": int(datetime(2020, 1, 1, tzinfo=UTC).timestamp())})
    [m] = find(f"token={expired}", "jwt")
    assert m.harm == 20
    assert m.detail == "expired access token"
    [m] = find(_jwt({"sub": "dana"}), "jwt")
    assert "no expiry" in m.reasons


def test_jwt_negatives() -> None:
    tutorial = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiw"
        "iaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    assert find(tutorial, "jwt") == []
    assert find("eyJub3QiOiJqd3QifQ.eyJzdWIiOiJkYW5hIn0.Qx7Lm2Np9Rt4Vw8Zy3Ab6C", "jwt") == []
    assert find("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.Qx7Lm2Np9Rt4Vw8Zy3Ab6C", "jwt") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("db is at postgres://dana:S3cretPass@db.acme-corp.io:5432/app lol", "S3cretPass"),
        ("ftp://dana_k:h4ppyD4ys!@files.my-nas.net/backup", "h4ppyD4ys!"),
    ],
)
def test_url_credentials(text: str, value: str) -> None:
    [m] = find(text, "password")
    assert (m.value, m.harm, m.title) == (value, 85, "Password in a link")


@pytest.mark.parametrize(
    "text",
    [
        "https://user:pass@example.com",
        "https://user:@host.net",
        "https://dana@host.net/path",
        "postgres://admin:password@db.acme-corp.io",
        "mysql://root:${DB_PASS}@db.acme-corp.io",
        "https://user:<password>@host.net",
        "redis://default:secret@localhost:6379",
        "see https://example.org/a:b@c",
    ],
)
def test_url_credentials_negatives(text: str) -> None:
    assert find(text, "password") == []


# --- structured fields, roles, whole pipeline --------------------------------------------------


def test_password_field_of_a_generic_file() -> None:
    rec = record(fields=(Field("password", "/3/password", "Tr0ub4dor&3", Role.OTHER),))
    [m] = [m for m in scan(rec) if m.rule == "password"]
    assert m.confidence is Confidence.HIGH
    assert m.reasons == ("field name: 'password'",)
    for name, value in (("password", "********"), ("password_changed", "Tr0ub4dor&3"),
                        ("password", "true"), ("username", "dana_k")):  # fmt: skip
        rec = record(fields=(Field(name, "/0/x", value, Role.OTHER),))
        assert [m for m in scan(rec) if m.category is Category.CREDENTIAL] == []


@pytest.mark.parametrize("role", [Role.NAME, Role.PLACE, Role.DEVICE, Role.EMAIL])
def test_other_roles_are_not_read(role: Role) -> None:
    assert find("my password is hunter2", "password", role) == []
    assert find("PIN is 4821", "pin-code", role) == []


def test_mask_secret() -> None:
    assert mask_secret("hunter2") == "h•••••2"
    assert mask_secret("Summer2024!") == "S•••••!"
    assert mask_secret("4821") == "•••••"


def test_doc_example_holds() -> None:
    [m] = find("new laptop who dis 😅 wifi password is Sunflower#2024 btw", "password")
    assert (m.evidence, m.confidence) == ("S•••••4", Confidence.HIGH)


# --- robustness and speed ---------------------------------------------------------------------

_DETECTORS = (government_id.DETECTOR, financial.DETECTOR, credential.DETECTOR)
_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="0123456789 -./:#@", max_size=80),
    st.from_regex(
        r"(my password is|pw:|PIN|SSN|IBAN|card|seed phrase:|wifi password) ?[ -~]{0,40}"
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=200),
    st.from_regex(r"(-----BEGIN [A-Z ]{0,12}PRIVATE KEY-----)?[A-Za-z0-9+/=\n]{0,120}"),
    st.from_regex(r"eyJ[A-Za-z0-9_-]{0,30}\.eyJ[A-Za-z0-9_-]{0,30}\.[A-Za-z0-9_-]{0,30}"),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, role=st.sampled_from([Role.TEXT, Role.OTHER]), kind=st.sampled_from(list(Kind)))
def test_detectors_never_raise(text: str, role: Role, kind: Kind) -> None:
    rec = record(text, role, kind=kind)
    for detector in _DETECTORS:
        for m in detector.detect(rec, DetectContext()):
            assert m.span is not None
            assert text[m.span[0] : m.span[1]] == m.value
            assert m.value not in m.evidence or len(m.value) <= 2


BENIGN = [
    "gm ☕️ #MondayMotivation https://t.co/Ab12Cd34Ef",
    "RT @nasa: 1969-07-20 was 55 years ago today 🚀 https://t.co/xyz",
    "Score: 3-2 at 90+4' 😱 #FCBayern",
    "Q3 revenue up 12% to $2,065,550,142",
    "passing the ball around for 20 minutes, what a game",
    "new post on my blog about password managers and 2FA 🔐 https://t.co/QwErTy1234",
    "my code finally compiles!!! 4821 lines of spaghetti",
    "flight LH 2065 to BER 🛫 gate 14, departure 10:30, seat 23A",
    "order #4929057510162829 still not here @amazon",
    "the seed of doubt was planted long ago, wasn't it",
]


def test_benign_tweets_stay_fast() -> None:
    records = [record(f"{text} {i}") for i in range(2000) for text in BENIGN]  # 20k records
    start = time.perf_counter()
    found = [m for rec in records for det in _DETECTORS for m in det.detect(rec, DetectContext())]
    elapsed = time.perf_counter() - start
    assert found == []
    assert elapsed < 10, f"{len(records) / elapsed:,.0f} records/s"
