"""password, pin-code, security-answer, one-time-code, api-key, private-key, jwt — your secrets.

What it finds
-------------
* ``password``: a password you wrote out, in English, German, Spanish, French, Italian,
  Dutch or Portuguese — "my password is hunter2", "pw: Summer2024!", "mein Passwort ist
  …", "mi contraseña es …", "mot de passe : …", "la password è …", "het wachtwoord is
  …", "a senha é …" — password fields of files in your archive, and passwords inside
  links (``https://user:password@host``). Only the secret itself is marked, never the
  words around it. Wi-Fi passwords ("the wifi password is …", "WLAN-Passwort: …", "la
  clave del wifi es …", "code wifi : …") are reported with lower harm.
* ``pin-code``: PINs and door, gate and alarm codes ("PIN is 4821", "door code 4821#",
  "alarm code: 2580", "Zugangscode 4821", "código de la puerta 4821", "digicode 4821B").
* ``security-answer``: answers to the usual account-recovery questions, stated as fact —
  "my mother's maiden name is Smith", "my first pet was called Rex", "my first school was
  Lincoln Elementary", "mein erstes Haustier hieß Rex", "mi primera mascota se llamaba …".
* ``one-time-code``: verification and two-factor codes ("your verification code is
  482913", "Bestätigungscode: 482913", "código de verificación 482913"); they expire in
  minutes, so the harm is low — but sharing one is how account takeovers begin.
* ``api-key``: API keys and tokens with a known, documented prefix — GitHub (``ghp_`` …),
  AWS access keys (``AKIA``/``ASIA``; the 40-character secret next to "aws secret"),
  Slack tokens and webhooks, Stripe (``sk_live_``; test keys lower), Google (``AIza``),
  OpenAI (``sk-``, ``sk-proj-``), Anthropic (``sk-ant-``), Twilio (``SK…`` next to
  "twilio"), SendGrid, npm, PyPI, GitLab, Discord and Telegram bot tokens, Mailgun, Heroku,
  DigitalOcean, Shopify, Square, Hugging Face and others.
* ``private-key``: PEM private key blocks (``-----BEGIN RSA PRIVATE KEY-----`` …).
* ``jwt``: JSON Web Tokens (session and API tokens); lower harm when the token had already
  expired when it was posted.

Never reported: "I forgot my password", "reset your password here", "password manager",
"the password is too long", "strong passwords matter", questions ("what's the wifi
password?"), hypotheticals ("if your password is 123456 …"), placeholders (``********``,
``<your password>``, ``xxxx``, ``YOUR_API_KEY``), documentation example keys
(``AKIAIOSFODNN7EXAMPLE``), random-looking strings without a known prefix (no guessing by
entropy), and "born in …" (a birthplace is not reported as a security answer).

Why it matters
--------------
A password posted once is a password everyone has: it is tried against your e-mail, bank
and every other account (people reuse passwords), and breach collections index it with
your name. An API key or private key gives full access to the service or server it opens,
often with your credit card behind it; bots scan public posts and code for them within
minutes. A Wi-Fi password or door code plus a location gets someone into your home
network or building. Security-question answers reset your accounts without any password.

Example
-------
    new laptop who dis 😅 wifi password is Sunflower#2024 btw   → S•••••4 (high)

How to fix
----------
* Change the password (and everywhere you reused it) now, then delete the post or message;
  turn on two-factor login with an authenticator app.
* API key or private key: revoke or rotate it at the provider immediately — deleting the
  post does not un-leak it — and check the provider's logs for use you don't recognise.
* Door, alarm or Wi-Fi code: change the code.
* Security answers: change them to random answers stored in a password manager.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import (
    BULLET,
    TextView,
    contains_any,
    mask_word,
    view,
    window_before,
)
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE_PASSWORD = Rule(
    id="password",
    category=Category.CREDENTIAL,
    title="Password",
    harm=85,
    module=__name__,
)
RULE_PIN = Rule(
    id="pin-code",
    category=Category.CREDENTIAL,
    title="PIN or access code",
    harm=85,
    module=__name__,
)
RULE_ANSWER = Rule(
    id="security-answer",
    category=Category.CREDENTIAL,
    title="Security question answer",
    harm=70,
    module=__name__,
)
RULE_OTP = Rule(
    id="one-time-code",
    category=Category.CREDENTIAL,
    title="One-time login code",
    harm=20,
    module=__name__,
)
RULE_API_KEY = Rule(
    id="api-key",
    category=Category.CREDENTIAL,
    title="API key or token",
    harm=95,
    module=__name__,
)
RULE_PEM = Rule(
    id="private-key",
    category=Category.CREDENTIAL,
    title="Private key",
    harm=95,
    module=__name__,
)
RULE_JWT = Rule(
    id="jwt",
    category=Category.CREDENTIAL,
    title="Access token (JWT)",
    harm=60,
    module=__name__,
)

WIFI_HARM = 60
"""A Wi-Fi password opens a home network, not accounts."""
EXPIRED_JWT_HARM = 20
"""A JWT that had expired before it was posted opens nothing any more."""
ENCRYPTED_KEY_HARM = 70
"""A passphrase-protected private key still needs its passphrase."""
BEFORE = 40

# --- prose statements: cues, links, tokens --------------------------------------------------

PASSWORD_CUES: tuple[str, ...] = (
    r"pass(?:word|wd|code)", r"pass[\s-]word", r"login[\s-]?(?:password|pw)",  # English
    r"passwort", r"kennwort",  # German
    r"contrase[ñn]a", r"clave de acceso",  # Spanish
    r"mot[\s-]de[\s-]passe",  # French
    r"parola d['’]ordine",  # Italian (and "password", as in English)
    r"wachtwoord",  # Dutch
    r"senha", r"palavra[\s-]passe",  # Portuguese
)  # fmt: skip
"""Words that introduce a password."""
LABEL_ONLY_CUES: tuple[str, ...] = (r"pw", r"pwd", r"pword", r"p/w", r"pass", r"mdp", r"ww")
"""Abbreviations that count only as a label with a colon or equals sign ("pw: …")."""

_NET = r"(?:wi-?fi|wlan|wireless|network|router|internet|netzwerk|red|r[ée]seau|rete|netwerk)"
WIFI_CUES: tuple[str, ...] = (
    rf"{_NET}[\s-]?(?:password|passwort|pass|pw|pwd|key|schl[üu]ssel|kennwort|code"
    r"|wachtwoord|senha|clave|contrase[ñn]a)",
    r"(?:password|passwort|pw|pass|key|kennwort|wachtwoord|code|senha|contrase[ñn]a|clave"
    r"|mot de passe|mdp|codice|c[oó]digo)"
    r"\s+(?:(?:for|of|to|on|f[üu]r|vom|des|del|de la|de|du|da|do|van|voor|della|dell['’]|per"
    r"|dello)\s*)?(?:(?:the|my|our|das|unser|mein|el|la|le|il|o|a|het|ons|mijn)\s+)?"
    rf"{_NET}(?![\w-])",
)  # fmt: skip
"""Words that introduce a Wi-Fi password (checked before plain password words)."""

PIN_CUES: tuple[str, ...] = (
    r"pin(?:[\s-]?(?:code|number|no\.?|nummer|nr\.?))?", r"pincode", r"geheimzahl",
    r"c[oó]digo pin", r"code pin", r"code secret", r"codice pin",
    r"(?:door|gate|garage|alarm|lock|lockbox|keypad|key ?safe|safe|access|entry|front door"
    r"|building door|apartment|apt)[\s-]code",
    r"t[üu]r-?code", r"tor-?code", r"alarm-?code", r"zugangs-?code", r"tresor-?code",
    r"schl[üu]sseltresor-?code",
    r"c[oó]digo (?:de (?:la |el )?)?(?:puerta|alarma|acceso|entrada|portal|port[oó]n|garaje)",
    r"digicode", r"code (?:de la porte|d['’]entr[ée]e|d['’]acc[èe]s|de l['’]alarme|du portail"
    r"|de la porte d['’]entr[ée]e|porte)",
    r"codice (?:della porta|d['’]accesso|dell['’]allarme|del cancello|del portone)",
    r"deur-?code", r"poort-?code", r"toegangs-?code",
    r"c[oó]digo (?:do port[aã]o|da porta|do alarme|de acesso)",
)  # fmt: skip
"""Words that introduce a PIN or an access code."""

OTP_CUES: tuple[str, ...] = (
    r"verification code", r"verify code", r"one[\s-]time (?:pass)?code", r"one[\s-]time password",
    r"otp(?: code)?", r"2fa code", r"two[\s-]factor code", r"log[\s-]?in code", r"sign[\s-]in code",
    r"auth(?:entication|entification)? code", r"security code",
    r"best[äa]tigungs-?code", r"verifizierungs-?code", r"sicherheits-?code", r"einmal-?code",
    r"anmelde-?code", r"(?:sms-?)?tan",
    r"c[oó]digo de (?:verificaci[oó]n|confirmaci[oó]n|seguridad|inicio de sesi[oó]n)",
    r"code de (?:v[ée]rification|confirmation|s[ée]curit[ée]|connexion)",
    r"codice di (?:verifica|conferma|sicurezza|accesso)", r"verificatie-?code",
    r"bevestigings-?code", r"c[oó]digo de (?:verifica[cç][aã]o|confirma[cç][aã]o|seguran[cç]a)",
)  # fmt: skip
"""Words that introduce a one-time login code."""

_LINK_WORDS = (
    r"(?:is|was|=|ist|lautet|war|es|era|est|c['’]est|è|é|e|luidt|is|será)"
    r"(?:\s+(?:now|still|just|simply|literally|jetzt|nun|noch|einfach|ahora|ya|maintenant"
    r"|toujours|ora|adesso|nu|agora))?"
)
LABEL = r"\s*(?::=|[:=]|->|=>|→|-(?=\s))\s*"
"""A label link: "password: …", "pw = …", "mot de passe : …"."""
VERB = rf"\s+{_LINK_WORDS}(?:\s*:)?\s+"
"""A verb link: "… is …", "… ist …", "… es …", "… c'est …"."""
PREP_GAP = (
    r"(?P<gap>\s+(?:for|to|on|at|of|f[üu]r|bei|zu|zum|zur|von|vom|para|de|del|pour|du|per|di|voor|van"
    r"|do|da|no|na)\s+(?:[^\W\d][\w.'’&-]*\s+){0,2}?[^\W\d][\w.'’&-]*)?"
)
"""A short complement between cue and link: "my password *for netflix* is …"."""

_TOKEN_CHARS = r"[!-;=?-~\u00C0-\u024F€£§°]"
"""What a secret is made of: printable ASCII but ``<``/``>`` (markup) and accented letters,
never emoji or spaces."""
TOKEN = (
    r"(?:(?P<q>[\"“„'‘«`])(?P<qtok>[^\"”“'’‘»`\n]{3,64}?)[\"”“'’‘»`]"
    rf"|(?P<tok>{_TOKEN_CHARS}{{3,80}}))"
)


def _cue_re(cues: tuple[str, ...], link: str, token: str = TOKEN) -> re.Pattern[str]:
    # After a complement only a real link counts: in "the wifi password for the flat is X"
    # a bare space after "for the" would make "flat" the password and hide X.
    return re.compile(
        r"(?<![\w-])(?P<cue>" + "|".join(cues) + r")(?![\w-])" + PREP_GAP
        + r"(?P<link>(?(gap)(?:" + LABEL + "|" + VERB + r")|(?:" + link + r")))" + token,
        re.IGNORECASE,
    )  # fmt: skip


_BARE = r"\s+"
_PIN_TOKEN = r"(?P<tok>[A-Za-z]?\d{3,10}[A-Za-z]?[#*]?)(?![\w])"
_OTP_TOKEN = r"(?P<tok>(?:[A-Z]-)?\d{3}[ -]?\d{3}|(?:[A-Z]-)?\d{4,8})(?![\w-])"

_WIFI_RE = _cue_re(WIFI_CUES, f"{LABEL}|{VERB}|{_BARE}")
_PASSWORD_RE = _cue_re(PASSWORD_CUES, f"{LABEL}|{VERB}|{_BARE}")
_LABEL_RE = re.compile(
    r"(?<![\w-])(?P<cue>" + "|".join(LABEL_ONLY_CUES) + r")(?P<link>\s*(?::=|[:=])\s*)" + TOKEN,
    re.IGNORECASE,
)
_PIN_RE = _cue_re(PIN_CUES, f"{LABEL}|{VERB}|{_BARE}", _PIN_TOKEN)
_OTP_RE = _cue_re(OTP_CUES, f"{LABEL}|{VERB}|{_BARE}|\\s*(?:is|:)?\\s*", _OTP_TOKEN)
_OTP_BEFORE_RE = re.compile(
    r"(?<![\w-])" + _OTP_TOKEN + r"\s+(?:is|ist|es|est|è|é)\s+(?:your|dein|ihr|tu|su|votre|ton"
    r"|il tuo|o seu|o teu|je)\s+(?:\w+\s+){0,2}?(?P<cue>" + "|".join(OTP_CUES) + r")(?![\w-])",
    re.IGNORECASE,
)
"""The SMS form "482913 is your Acme verification code"."""

_HYPOTHETICAL_RE = re.compile(
    r"(?<!\w)(?:if|when|unless|whether|e\.g\.|eg|like|such as|never|don['’]?t|do not|should"
    r"|wenn|falls|ob|nie|niemals|z\.b\.|si|cuando|nunca|no uses|quand|jamais|ne jamais|se"
    r"|quando|mai|als|wanneer|nooit|example|beispiel|ejemplo|exemple|esempio|voorbeeld"
    r"|exemplo)(?!\w)",
    re.IGNORECASE,
)
"""Words before a cue that make the statement advice or an example, not a disclosure."""

STOPWORDS = frozenset(
    """
    a an the my your his her our their its this that these those it is was be been being are
    am to too so very not no yes now still just also really literally basically simply
    actually probably maybe same different wrong right correct incorrect invalid valid weak
    strong long short easy hard simple complicated complex secure insecure safe unsafe
    obvious stupid dumb terrible bad good great fine ok okay expired changed reset required
    needed mandatory optional case sensitive visible hidden here there where what which who
    how why when on in at of for with without by from into onto and or but if then than as
    like such something anything nothing everything somewhere one two three all any some
    every each none null nil empty blank forgotten lost stolen compromised leaked hacked saved
    stored encrypted unknown new old default temporary temp gonna going being getting trash
    garbage useless weird sent below above attached inside written manager protected strength
    policy hint field box prompt requirements requirement login generator rules change update
    recovery expiration expiry length characters chars digits letters numbers symbols capital
    lowercase uppercase please pls plz thanks thx same incorrectly wrongly again too
    lol lmao haha jk omg idk tbh btw xd string str int integer bool boolean char var
    undefined function object text varchar input type
    ist war sein der die das ein eine mein meine dein deine ihr unser zu sehr nicht kein keine
    falsch richtig lang kurz sicher unsicher einfach schwer schwach stark abgelaufen geändert
    vergessen geheim hier da wo was wer wie warum wann und oder aber wenn dann als auch noch
    schon jetzt immer nie gleich anders neu alt bitte
    es era el la los las un una mi mis tu tus su sus muy si sí demasiado incorrecta
    incorrecto correcta correcto segura seguro insegura fácil facil difícil dificil débil
    debil fuerte larga largo corta corto aquí aqui allí alli donde qué que quien como cómo
    cuando y o pero también tambien ya todavía siempre nunca igual nueva nuevo vieja viejo
    secreta secreto
    est était le les une mon ma mes ton ta tes son sa ses très trop pas ne non oui
    incorrecte correcte sûr sur facile difficile faible fort forte longue court courte ici là
    où quoi qui comment quand et ou mais aussi déjà encore toujours jamais pareil nouveau
    nouvelle ancien secret
    è lo i gli mio mia tuo tua sua molto troppo errata errato corretta corretto sicura
    debole lungo qui qua dove cosa che chi quando ma anche già ancora sempre mai uguale nuova
    het een mijn jouw je zijn haar ons heel te niet geen ja fout juist goed veilig onveilig
    makkelijk moeilijk zwak sterk waar wat wie hoe wanneer en maar ook al nog altijd nooit
    hetzelfde nieuw oud
    é um uma meu minha teu seu muito demais não nao sim errada errado correta seguro fraca
    fraco longa longo curta curto ali onde quem mas já ainda nova novo
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""Words that follow a password cue without being a password ("is *too* long")."""

PLACEHOLDERS = frozenset(
    {
        "password", "passwort", "pass", "pwd", "passwd", "secret", "changeme", "example",
        "yourpassword", "your_password", "mypassword", "my_password", "redacted", "hidden",
        "none", "null", "empty", "blank", "n/a", "tbd", "todo", "xxx", "letmein?", "foo",
        "bar", "baz", "contraseña", "contrasena", "motdepasse", "wachtwoord", "senha",
        "kennwort", "geheim", "dummy", "placeholder", "sample", "test", "user", "username",
        "admin", "root", "guest", "pin", "code", "token", "apikey", "api_key", "key", "value",
    }
)  # fmt: skip
"""Stand-ins people write instead of a real secret."""

_PLACEHOLDER_RE = re.compile(
    r"^(?:[*x•·.#_\-?]+|[<\[{(].*|\$\{?.*|%s|.*(?:your|dein|ihr|tu|votre|tuo|jouw|seu)"
    r"[_\s-]?(?:pass|key|token|secret|code|pin).*|.*(?:example|EXAMPLE|XXXX|xxxx|REPLACE"
    r"|replace_?me|redacted|REDACTED).*)$",
    re.IGNORECASE,
)
_FILLER_AFTER = re.compile(
    r"\s*(?:$|[.!?,;:)\]…\n]|(?:lol|lmao|haha\w*|jk|xd|btw|pls|plz|ok|okay|thx|thanks|so|and"
    r"|but|now|too|lmfao|rofl|xo|und|aber|y|pero|et|mais|e|ma|en|maar)(?!\w))",
    re.IGNORECASE,
)
"""What may follow a one-word secret: the clause ends there ("… is fluffy lol")."""

# --- security questions --------------------------------------------------------------------

_NAME = r"[A-ZÀ-ÞŁŚŻ][\w'’-]+(?:\s+(?:[A-ZÀ-ÞŁŚŻ][\w'’-]+|de|van|von|da|di|du|del|la))*"
"""A capitalised name of one or more words ("Smith", "Lincoln Elementary", "van Dijk")."""
_NAME_OR_WORD = r"(?:" + _NAME + r"|[^\W\d_][\w'’-]{1,30}(?![\w'’-]))"
_PET = r"(?:pet|dog|cat|puppy|kitten|hamster|rabbit|bunny|fish|goldfish|horse|pony|bird|parrot)"
_MOM = r"(?:mother|mom|mum|mama|mommy|mummy|ma)"

SECURITY_QUESTIONS: tuple[tuple[str, str, bool], ...] = (
    # (question, pattern before the answer, lower-case answers allowed after a naming verb)
    ("mother's maiden name", rf"my {_MOM}['’]?s? maiden name (?:is|was|:)", False),
    ("mother's maiden name", rf"(?:the )?maiden name of my {_MOM} (?:is|was)", False),
    ("mother's maiden name", r"(?:der )?m[äa]dchenname meiner (?:mutter|mama) (?:ist|war|lautet)",
     False),
    ("mother's maiden name", r"(?:el )?apellido de soltera de mi (?:madre|mam[aá]) (?:es|era)",
     False),
    ("mother's maiden name",
     r"(?:le )?nom de jeune fille de ma (?:m[èe]re|maman) (?:est|[ée]tait|c['’]est)", False),
    ("mother's maiden name", r"(?:il )?cognome da nubile di mia (?:madre|mamma) (?:è|era)", False),
    ("mother's maiden name", r"(?:de )?meisjesnaam van mijn (?:moeder|mama) (?:is|was)", False),
    ("mother's maiden name", r"(?:o )?(?:nome|sobrenome) de solteira da minha m[ãa]e (?:é|era)",
     False),
    ("first pet", rf"my (?:very )?first {_PET}(?:['’]s name)? (?:was|is) (?:called|named)", True),
    ("first pet", rf"my (?:very )?first {_PET}['’]s name (?:was|is)", True),
    ("first pet", rf"(?:the )?name of my first {_PET} (?:was|is)", True),
    ("first pet", rf"my (?:very )?first {_PET} was", False),
    ("first pet", r"mein erste[rs]? (?:haustier|hund|katze|kater) hie(?:ß|ss)", True),
    ("first pet", r"(?:der )?name meines ersten (?:haustiers|hundes|katers) (?:ist|war)", True),
    ("first pet", r"mi primer(?:a)? (?:mascota|perro|perrito|gato|gatito) se llamaba", True),
    ("first pet", r"(?:el )?nombre de mi primer(?:a)? (?:mascota|perro|gato) (?:es|era|fue)", True),
    ("first pet", r"mon premier (?:animal(?: de compagnie)?|chien|chat) s['’]appelait", True),
    ("first pet", r"(?:le )?nom de mon premier (?:animal|chien|chat) (?:est|[ée]tait)", True),
    ("first pet", r"il mio primo (?:animale(?: domestico)?|cane|gatto) si chiamava", True),
    ("first pet", r"mijn eerste (?:huisdier|hond|kat) heette", True),
    ("first pet",
     r"(?:o )?meu primeiro (?:animal(?: de estima[cç][aã]o)?|cachorro|c[ãa]o|gato) se chamava",
     True),
    ("first school", r"my (?:very )?first (?:school|elementary school|primary school) (?:was|is)"
     r"(?: called| named)?", False),
    ("first school", r"meine erste schule (?:war|hie(?:ß|ss))", False),
    ("first car", r"my (?:very )?first car was(?: an?| the)?", False),
    ("childhood best friend", r"my childhood best friend (?:was|is)(?: called| named)?", False),
    ("favourite teacher", r"my favou?rite teacher (?:was|is)", False),
    ("father's middle name", r"my (?:father|dad)['’]?s? middle name (?:is|was)", False),
    ("childhood street", r"the street i grew up on (?:was|is)", False),
)  # fmt: skip
"""Account-recovery questions stated as fact, in seven languages. A birthplace ("born in
…") is deliberately not here: it is ordinary biography and reported by no rule."""

_QUESTION_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (
        name,
        re.compile(
            r"(?<!\w)(?i:" + pattern + r")\s+[\"“'‘]?(?P<ans>"
            + (_NAME_OR_WORD if lower_ok else _NAME) + r")"
        ),
    )
    for name, pattern, lower_ok in SECURITY_QUESTIONS
)  # fmt: skip
_ANSWER_NEEDLES = (
    "maiden", "mädchenname", "madchenname", "soltera", "jeune fille", "nubile", "meisjesnaam",
    "first", "erste", "primer", "premier", "primo", "eerste", "primeiro", "teacher",
    "middle name", "grew up",
)  # fmt: skip

# --- known-prefix tokens -------------------------------------------------------------------


def _discord_ok(token: str) -> bool:
    """The first part of a Discord bot token is the base64 of the bot's numeric id."""
    head = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), altchars=b"-_")
    except (binascii.Error, ValueError):
        return False
    return decoded.isdigit() and 17 <= len(decoded) <= 20


def _mixed(token: str) -> bool:
    """Upper case, lower case and digits, as in every base64 secret of that length."""
    return (
        any(c.isupper() for c in token)
        and any(c.islower() for c in token)
        and any(c.isdigit() for c in token)
    )


@dataclass(frozen=True, slots=True)
class TokenKind:
    """An API key or token format: a documented prefix and body."""

    name: str
    needles: tuple[str, ...]
    """Literals one of which every token of this kind (or its context) contains."""
    pattern: str
    harm: int = 95
    context: str | None = None
    """A regex that must occur in the same text (for prefixes that are not unique)."""
    check: Callable[[str], bool] | None = None


_AWS_SECRET_CONTEXT = r"(?i:aws_?secret|secret_?access_?key|aws secret|secretaccesskey)"

TOKEN_KINDS: tuple[TokenKind, ...] = (
    TokenKind("GitHub personal access token", ("github_pat_",),
              r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}"),
    TokenKind("GitHub token", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
              r"gh[pousr]_[A-Za-z0-9]{36,76}"),
    TokenKind("GitLab token", ("glpat-", "gldt-", "glrt-", "glptt-", "glft-"),
              r"gl(?:pat|dt|rt|ptt|ft)-[A-Za-z0-9_-]{20,}"),
    TokenKind("AWS access key ID", ("AKIA", "ASIA", "ABIA", "ACCA"),
              r"(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}", harm=80),
    TokenKind("AWS secret access key", ("ecret", "ECRET"), r"[A-Za-z0-9/+]{40}",
              context=_AWS_SECRET_CONTEXT, check=_mixed),
    TokenKind("Slack token", ("xox",), r"xox[abposre]-\d+-[0-9A-Za-z-]{10,}"),
    TokenKind("Slack webhook", ("hooks.slack.com",),
              r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{30,}",
              harm=70),
    TokenKind("Stripe live secret key", ("_live_",), r"[sr]k_live_[0-9A-Za-z]{24,247}"),
    TokenKind("Stripe test key", ("_test_",), r"[sr]k_test_[0-9A-Za-z]{24,247}", harm=40),
    TokenKind("Stripe webhook secret", ("whsec_",), r"whsec_[A-Za-z0-9+/=]{32,}", harm=70),
    TokenKind("Google API key", ("AIza",), r"AIza[0-9A-Za-z_-]{35}", harm=80),
    TokenKind("Google OAuth client secret", ("GOCSPX-",), r"GOCSPX-[A-Za-z0-9_-]{28}"),
    TokenKind("Anthropic API key", ("sk-ant-",),
              r"sk-ant-(?:api|admin)\d\d-[A-Za-z0-9_-]{80,}"),
    TokenKind("OpenAI API key", ("sk-",),
              r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}"
              r"|sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|sk-[A-Za-z0-9]{48}"),
    TokenKind("Twilio API key", ("twilio", "Twilio", "TWILIO"), r"SK[0-9a-fA-F]{32}",
              context=r"(?i:twilio)"),
    TokenKind("SendGrid API key", ("SG.",), r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}"),
    TokenKind("npm access token", ("npm_",), r"npm_[A-Za-z0-9]{36}"),
    TokenKind("PyPI upload token", ("pypi-",), r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
    TokenKind("Discord bot token", (".",),
              r"[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}",
              check=_discord_ok),
    TokenKind("Telegram bot token", (":AA",), r"\d{8,10}:AA[A-Za-z0-9_-]{33}"),
    TokenKind("Mailgun API key", ("key-",), r"key-[0-9a-f]{32}"),
    TokenKind("Heroku API key", ("HRKU-",), r"HRKU-[A-Za-z0-9_-]{60}"),
    TokenKind("Heroku API key", ("heroku", "Heroku", "HEROKU"),
              r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", context=r"(?i:heroku)"),
    TokenKind("DigitalOcean token", ("_v1_",), r"do[opr]_v1_[a-f0-9]{64}"),
    TokenKind("Shopify access token", ("shp",), r"shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}"),
    TokenKind("Square access token", ("sq0",),
              r"sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}"),
    TokenKind("Hugging Face token", ("hf_",), r"hf_[A-Za-z]{34}"),
    TokenKind("Mailchimp API key", ("-us",), r"[0-9a-f]{32}-us\d{1,2}"),
    TokenKind("Groq API key", ("gsk_",), r"gsk_[A-Za-z0-9]{52}"),
    TokenKind("Linear API key", ("lin_api_",), r"lin_api_[A-Za-z0-9]{40}"),
    TokenKind("Notion token", ("ntn_",), r"ntn_[A-Za-z0-9]{46}"),
    TokenKind("Postman API key", ("PMAK-",), r"PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
    TokenKind("Databricks token", ("dapi",), r"dapi[a-f0-9]{32}"),
)  # fmt: skip
"""Token formats with a documented prefix, most specific first. Never entropy alone."""

_TOKEN_RES: tuple[tuple[TokenKind, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (
        kind,
        re.compile(r"(?<![A-Za-z0-9_+/-])(?:" + kind.pattern + r")(?![A-Za-z0-9_+/=-])"),
        re.compile(kind.context) if kind.context else None,
    )
    for kind in TOKEN_KINDS
)
_TOKEN_NEEDLES: tuple[tuple[str, int], ...] = tuple(
    (needle, i) for i, kind in enumerate(TOKEN_KINDS) for needle in kind.needles
)
_DOC_TOKEN_RE = re.compile(
    r"EXAMPLE|example|XXXXXXXX|xxxxxxxx|00000000000|1234567890|abcdefghij|YOUR|your_|REPLACE|"
    r"redacted|REDACTED|dummy|DUMMY|<|\.\.\."
)
"""Documentation and placeholder tokens (``AKIAIOSFODNN7EXAMPLE``, ``sk_live_xxxx…``)."""

PEM_RE = re.compile(
    r"-----BEGIN (?P<kind>(?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?)-----"
    r"(?P<body>[\s\S]{0,16000}?)(?:-----END (?P=kind)-----|$)"
)
_PEM_BODY_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")

JWT_RE = re.compile(
    r"(?<![\w-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{16,}(?![\w-])"
)
SAMPLE_JWT_SUBJECTS = frozenset({"1234567890"})
"""The subject of the example token printed on every JWT tutorial page."""

URL_CREDENTIALS_RE = re.compile(
    r"(?<![\w+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://(?P<user>[^\s:/@?#\"'<>]{1,64})"
    r":(?P<pw>[^\s/@?#\"'<>]{1,128})@(?P<host>[A-Za-z0-9.-]+)"
)
DOC_HOSTS_RE = re.compile(
    r"(?:^|\.)(?:example\.(?:com|org|net)|localhost|[^.]+\.(?:test|example|invalid|local))$|"
    r"^127\.|^0\.0\.0\.0$",
    re.IGNORECASE,
)

# --- helpers -------------------------------------------------------------------------------

_PASSWORD_NEEDLES = (
    "pass", "pw", "wort", "contrase", "clave", "mdp", "wachtwoord", "senha", "ww", "parola",
)  # fmt: skip
_NET_NEEDLES = (
    "wifi", "wi-fi", "wlan", "wireless", "network", "router", "internet", "netzwerk", "red",
    "seau", "rete", "netwerk",
)  # fmt: skip
_WIFI_SECRET_NEEDLES = (*_PASSWORD_NEEDLES, "key", "schl", "code", "codice", "digo")
_PIN_NEEDLES = ("pin", "code", "geheimzahl", "digo", "codice")
_OTP_NEEDLES = ("code", "otp", "2fa", "tan", "digo", "codice")
"""Cheap literal gates: a pass's regexes run only when one of its needles is in the text."""
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\-.\s]")
FIELD_NAMES = frozenset(
    {
        "password", "passwd", "pwd", "pass", "passcode", "passphrase", "userpassword",
        "loginpassword", "accountpassword", "wifipassword", "wlanpassword", "passwort",
        "kennwort", "contraseña", "contrasena", "motdepasse", "wachtwoord", "senha",
    }
)  # fmt: skip
"""Names of structured fields whose whole value is a password (generic CSV/JSON files)."""
PIN_FIELD_NAMES = frozenset({"pin", "pincode", "pinnumber", "doorcode", "alarmcode"})


def mask_secret(secret: str) -> str:
    """First and last character of a long secret, five bullets in between (``h•••••2``);
    short secrets are fully hidden. The length is not revealed."""
    if len(secret) >= 7:
        return f"{secret[0]}{BULLET * 5}{secret[-1]}"
    return BULLET * 5


_ENTITY_RE = re.compile(r"&(?:[a-z]{2,6}|#\d{2,5});")
"""An HTML entity (``&lt;``): markup around the secret, not part of it."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence punctuation glued to the end of an unquoted secret ("hunter2." →
    "hunter2"); a single ``!`` is kept ("Summer2024!"), a run of them is not."""
    entity = _ENTITY_RE.search(text, start, end)
    if entity is not None:
        end = entity.start()
    while end > start and text[end - 1] in ".,;:)]}\"'”’?":
        end -= 1
    if end - start >= 2 and text[end - 1] == "!" and text[end - 2] == "!":
        while end > start and text[end - 1] == "!":
            end -= 1
    return start, end


def _strong(token: str) -> bool:
    """A secret-shaped token: letters with digits or symbols, or mixed case inside."""
    has_alpha = any(c.isalpha() for c in token)
    has_digit = any(c.isdigit() for c in token)
    has_symbol = any(not c.isalnum() for c in token)
    inner_upper = any(c.isupper() for c in token[1:]) and any(c.islower() for c in token)
    return (has_alpha and (has_digit or has_symbol)) or (has_digit and has_symbol) or inner_upper


def _placeholder(token: str) -> bool:
    lowered = token.lower()
    return (
        lowered in PLACEHOLDERS
        or len(set(lowered)) <= 1
        or _PLACEHOLDER_RE.match(token) is not None
        or "://" in token
        or lowered.startswith(("www.", "@", "#"))
    )


def _emoji_or_end(text: str, pos: int) -> bool:
    """True at the end of the text or before an emoji or symbol."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos >= len(text):
        return True
    return unicodedata.category(text[pos]) in ("So", "Sk", "Cs")


def _hypothetical(text: str, cue_start: int) -> bool:
    """True when advice or an example word stands before the cue in the same clause."""
    before = window_before(text, cue_start, 30)
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"))
    return _HYPOTHETICAL_RE.search(before[cut + 1 :]) is not None


# --- detector ------------------------------------------------------------------------------

_LABEL_ONLY_CODES = frozenset({"tan", "sms-tan", "smstan", "otp"})
"""Code words that are also ordinary words or names: they need "is" or ":"."""
_CREDENTIAL_LIST_RE = re.compile(
    r"(?:^|[/|,;(\[\n]|(?<!\w)(?:user(?:name)?|login|id|e-?mail|account|acc)\s*[:=]?\s*\S+)\s*$",
    re.IGNORECASE,
)
"""What may stand before a bare "pass:" label: nothing, a separator, or "user: dana"."""

_Pass = tuple[re.Pattern[str], Rule, str]


def _passes(lowered: str) -> list[_Pass]:
    """The statement patterns worth running on a text, most specific first."""
    passes: list[_Pass] = []
    password = contains_any(lowered, _PASSWORD_NEEDLES)
    if contains_any(lowered, _NET_NEEDLES) and (
        password or contains_any(lowered, _WIFI_SECRET_NEEDLES)
    ):
        passes.append((_WIFI_RE, RULE_PASSWORD, "wifi"))
    if password:
        passes += [
            (_PASSWORD_RE, RULE_PASSWORD, "password"),
            (_LABEL_RE, RULE_PASSWORD, "password"),
        ]
    if contains_any(lowered, _PIN_NEEDLES):
        passes.append((_PIN_RE, RULE_PIN, "pin"))
    if contains_any(lowered, _OTP_NEEDLES):
        passes += [(_OTP_RE, RULE_OTP, "otp"), (_OTP_BEFORE_RE, RULE_OTP, "otp")]
    return passes


class CredentialDetector:
    """Secrets in prose, known-prefix tokens, keys, JWTs and passwords in links."""

    rules: tuple[Rule, ...] = (
        RULE_PASSWORD, RULE_PIN, RULE_ANSWER, RULE_OTP, RULE_API_KEY, RULE_PEM, RULE_JWT,
    )  # fmt: skip

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role not in (Role.TEXT, Role.OTHER):
                continue
            text = field.text
            if len(text) < 3:
                continue
            taken: list[tuple[int, int]] = []
            for match in self._scan(record, field):
                span = match.span or (0, 0)
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                taken.append(span)
                yield match

    def _scan(self, record: Record, field: Field) -> Iterator[Match]:
        text = field.text
        if field.role is Role.OTHER:
            yield from self._named_field(field)
        yield from self._tokens(field)
        if "-----BEGIN" in text:
            yield from self._pem(field)
        if "eyJ" in text:
            yield from self._jwts(record, field)
        if "://" in text and "@" in text:
            yield from self._url_credentials(field)
        lowered = text.lower()
        passes = _passes(lowered)
        if passes:
            yield from self._statements(field, view(text), passes)
        if contains_any(lowered, _ANSWER_NEEDLES):
            yield from self._answers(field, view(text))

    # structured fields of generic files

    def _named_field(self, field: Field) -> Iterator[Match]:
        name = _CAMEL.sub("", field.name).lower()
        value = field.text.strip()
        if not value or " " in value or len(value) > 128 or _placeholder(value):
            return
        if value.lower() in ("true", "false", "yes", "no", "0", "1"):
            return
        if name in FIELD_NAMES:
            rule = RULE_PASSWORD
        elif name in PIN_FIELD_NAMES and value.isdigit() and 4 <= len(value) <= 12:
            rule = RULE_PIN
        else:
            return
        start = field.text.index(value)
        yield _secret_match(
            rule, field, (start, start + len(value)),
            "password" if rule is RULE_PASSWORD else "pin",
            Confidence.HIGH, f"{rule.title.lower()} in a field named '{field.name}'",
            (f"field name: '{field.name}'",),
        )  # fmt: skip

    # known-prefix tokens

    def _tokens(self, field: Field) -> Iterator[Match]:
        text = field.text
        present = {i for needle, i in _TOKEN_NEEDLES if needle in text}
        for i in sorted(present):
            kind, pattern, context = _TOKEN_RES[i]
            if context is not None and not context.search(text):
                continue
            for found in pattern.finditer(text):
                token = found.group(0)
                if _DOC_TOKEN_RE.search(token) or len(set(token)) <= 6:
                    continue
                if kind.check is not None and not kind.check(token):
                    continue
                reasons = [f"known {kind.name} format"]
                if context is not None:
                    reasons.append(f"context: '{context.search(text).group(0).lower()}'")  # type: ignore[union-attr]
                yield Match(
                    rule=RULE_API_KEY.id,
                    category=RULE_API_KEY.category,
                    title=RULE_API_KEY.title,
                    value=token,
                    key=f"token:{token}",
                    evidence=_token_evidence(token),
                    pointer=field.pointer,
                    span=found.span(),
                    harm=kind.harm,
                    confidence=Confidence.HIGH,
                    detail=kind.name,
                    reasons=tuple(reasons),
                )

    def _pem(self, field: Field) -> Iterator[Match]:
        for found in PEM_RE.finditer(field.text):
            lines = [line.strip() for line in found.group("body").splitlines() if line.strip()]
            headers = [line for line in lines if ":" in line]
            body = "".join(line for line in lines if _PEM_BODY_LINE.match(line))
            if len(body) < 64 or len(set(body)) <= 8:
                continue  # "…" or a placeholder in a tutorial, not a key
            kind = found.group("kind")
            encrypted = "ENCRYPTED" in kind or any("ENCRYPTED" in h for h in headers)
            reasons = [f"PEM block '{kind}'"]
            if encrypted:
                reasons.append("encrypted with a passphrase")
            yield Match(
                rule=RULE_PEM.id,
                category=RULE_PEM.category,
                title=RULE_PEM.title,
                value=found.group(0),
                key=f"pem:{body}",
                evidence=f"-----BEGIN {kind}----- {BULLET * 5} ({len(body)} characters)",
                pointer=field.pointer,
                span=found.span(),
                harm=ENCRYPTED_KEY_HARM if encrypted else RULE_PEM.harm,
                confidence=Confidence.HIGH,
                detail=("encrypted " if encrypted else "") + kind.lower(),
                reasons=tuple(reasons),
            )

    def _jwts(self, record: Record, field: Field) -> Iterator[Match]:
        for found in JWT_RE.finditer(field.text):
            token = found.group(0)
            head, payload, _sig = token.split(".")
            header = _b64json(head)
            claims = _b64json(payload)
            if header is None or claims is None or "alg" not in header:
                continue
            if str(claims.get("sub")) in SAMPLE_JWT_SUBJECTS:
                continue
            harm = RULE_JWT.harm
            reasons = [f"JSON Web Token (alg {header.get('alg')})"]
            detail = "signed access token"
            exp = claims.get("exp")
            if isinstance(exp, int | float) and not isinstance(exp, bool):
                when = _epoch(exp)
                if when is not None and record.timestamp is not None and when < record.timestamp:
                    harm = EXPIRED_JWT_HARM
                    reasons.append(f"already expired when posted ({when:%Y-%m-%d})")
                    detail = "expired access token"
                elif when is not None:
                    reasons.append(f"expires {when:%Y-%m-%d}")
            else:
                reasons.append("no expiry")
            yield Match(
                rule=RULE_JWT.id,
                category=RULE_JWT.category,
                title=RULE_JWT.title,
                value=token,
                key=f"jwt:{token}",
                evidence=f"eyJ{BULLET * 5} ({len(token)} characters)",
                pointer=field.pointer,
                span=found.span(),
                harm=harm,
                confidence=Confidence.HIGH,
                detail=detail,
                reasons=tuple(reasons),
            )

    def _url_credentials(self, field: Field) -> Iterator[Match]:
        for found in URL_CREDENTIALS_RE.finditer(field.text):
            user, secret, host = found.group("user"), found.group("pw"), found.group("host")
            if _placeholder(secret) or secret == user or DOC_HOSTS_RE.search(host):
                continue
            if _placeholder(user) and secret.lower() in ("pass", "password", "secret"):
                continue
            yield _secret_match(
                RULE_PASSWORD, field, found.span("pw"), "link", Confidence.HIGH,
                f"password for {user}@{host} inside a link",
                (f"link with user name and password for {host}",),
            )  # fmt: skip

    # prose

    def _statements(self, field: Field, tv: TextView, passes: list[_Pass]) -> Iterator[Match]:
        for pattern, rule, kind in passes:
            for found in pattern.finditer(tv.prose):
                match = self._statement(field, tv, found, rule, kind)
                if match is not None:
                    yield match

    def _statement(
        self, field: Field, tv: TextView, found: re.Match[str], rule: Rule, kind: str
    ) -> Match | None:
        text = tv.prose
        groups = found.groupdict()
        quoted = groups.get("qtok") is not None
        name = "qtok" if quoted else "tok"
        start, end = found.span(name)
        if not quoted:
            start, end = _trim(text, start, end)
        token = text[start:end]
        if not token or tv.touches_blank(found.start(), end):
            return None
        cue_text = groups.get("cue") or ""
        cue = " ".join(cue_text.split()).lower() or "code"
        link = groups.get("link") or ""
        labelled = bool(link.strip())
        if cue_text and _hypothetical(text, found.start("cue")):
            return None
        after = text[end : end + 2].lstrip()
        if not quoted and after.startswith("?"):
            return None  # a question ("is the wifi password hunter2?")
        if kind == "otp" or kind == "pin":
            digits = sum(c.isdigit() for c in token)
            if digits < 4 or len(set(token)) <= 1:
                return None
            year_like = 1900 <= int(re.sub(r"\D", "", token) or 0) <= 2099
            if not labelled and (year_like or cue in _LABEL_ONLY_CODES):
                return None  # "PIN 2019", "Amy Tan 1990": a year or a name, without "is"/":"
            confidence = Confidence.HIGH if labelled or kind == "pin" else Confidence.MEDIUM
            detail = f"one-time code after '{cue}'" if kind == "otp" else f"{cue} stated in a post"
            notes = [f"context: '{cue}'"]
            if kind == "otp":
                notes.append("one-time codes expire within minutes")
            return _secret_match(rule, field, (start, end), kind, confidence, detail, tuple(notes))
        if len(token) < 4 or _placeholder(token):
            return None
        if cue == "pass" and not _CREDENTIAL_LIST_RE.search(text, 0, found.start("cue")):
            return None  # "boarding pass: …", "season pass: 2024-2025"
        lowered = token.lower()
        if lowered in STOPWORDS or lowered.rstrip("!") in STOPWORDS:
            return None
        strong = quoted or _strong(token)
        if not strong:
            if not labelled:
                return None  # "password manager", "wifi password hunter" without a link
            if (
                token.isalpha()
                and token.islower()
                and not (_FILLER_AFTER.match(text, end) or _emoji_or_end(text, end))
            ):
                return None  # a lower-case word that goes on into a sentence
            if token.isdigit() and len(token) < 4:
                return None
        confidence = Confidence.HIGH if strong else Confidence.MEDIUM
        shape = "secret-shaped value" if strong else "single word after the cue"
        what = "Wi-Fi password" if kind == "wifi" else "password"
        return _secret_match(
            rule, field, (start, end), kind, confidence, f"{what} after '{cue}'",
            (f"context: '{cue}'", shape),
        )  # fmt: skip

    def _answers(self, field: Field, tv: TextView) -> Iterator[Match]:
        text = tv.prose
        for question, pattern in _QUESTION_RES:
            for found in pattern.finditer(text):
                start, end = found.span("ans")
                answer = found.group("ans")
                if tv.touches_blank(found.start(), end) or _hypothetical(text, found.start()):
                    continue
                if answer.lower() in STOPWORDS or _placeholder(answer):
                    continue
                yield Match(
                    rule=RULE_ANSWER.id,
                    category=RULE_ANSWER.category,
                    title=RULE_ANSWER.title,
                    value=field.text[start:end],
                    key=f"answer:{question}:{answer.lower()}",
                    evidence=mask_word(answer),
                    pointer=field.pointer,
                    span=(start, end),
                    harm=RULE_ANSWER.harm,
                    confidence=Confidence.MEDIUM,
                    detail=f"answer to the security question '{question}'",
                    reasons=(f"statement: '{_phrase(found.group(0)[: start - found.start()])}'",),
                )


def _phrase(text: str) -> str:
    return " ".join(text.split()).strip(" \"“'‘")


_KINDS: dict[str, tuple[str, str | None, int | None]] = {
    # kind → (key prefix, title, harm) overriding the rule's
    "password": ("secret", None, None),
    "wifi": ("secret", "Wi-Fi password", WIFI_HARM),
    "link": ("secret", "Password in a link", None),
    "pin": ("pin", None, None),
    "otp": ("otp", None, None),
}


def _secret_match(
    rule: Rule,
    field: Field,
    span: tuple[int, int],
    kind: str,
    confidence: Confidence,
    detail: str,
    reasons: tuple[str, ...],
) -> Match:
    start, end = span
    value = field.text[start:end]
    prefix, title, harm = _KINDS[kind]
    return Match(
        rule=rule.id,
        category=rule.category,
        title=title or rule.title,
        value=value,
        key=f"{prefix}:{value}",
        evidence=mask_secret(value),
        pointer=field.pointer,
        span=span,
        harm=rule.harm if harm is None else harm,
        confidence=confidence,
        detail=detail,
        reasons=reasons,
    )


def _token_evidence(token: str) -> str:
    """The token's public prefix (up to its first separator), then bullets."""
    prefix = re.match(r"[A-Za-z]+[_\-.]|[A-Za-z]{4}", token)
    shown = prefix.group(0) if prefix and len(prefix.group(0)) <= 12 else token[:2]
    return f"{shown}{BULLET * 5} ({len(token)} characters)"


def _b64json(segment: str) -> dict[str, object] | None:
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _epoch(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


DETECTOR = CredentialDetector()
