"""email-address — an e-mail address you posted or sent.

What it finds
-------------
E-mail addresses written in posts, messages, bios and comments ("email me at
dana.k@fastmail.com"), and the e-mail fields of your profile or account.

Not reported, to keep false alarms out: addresses inside links; image and file names
that only look like addresses (``logo@2x.png``); documentation domains (``example.com``,
``*.test``, ``*.invalid``, ``*.localhost``); machine mailboxes (``noreply@``,
``mailer-daemon@``, ``postmaster@``); and company role mailboxes (``support@``,
``info@``, ``sales@`` …) unless you call the address yours ("email me at …").

Confidence is high for a profile e-mail field or when words like "email me", "my email",
"contact me at" or "mail:" stand next to the address, medium otherwise.

Why it matters
--------------
Your e-mail address is the login name of most of your accounts. Public, it draws spam
and targeted phishing, links your accounts across sites (people-search engines and
breach databases are indexed by it), and is half of what an attacker needs for
credential-stuffing and password-reset attacks.

Example
-------
    dm me or email me: dana.k@fastmail.com 🙏   → d•••@f•••.com (high: "email me")

How to fix
----------
* Delete or edit the post, or remove the address from your bio.
* For public contact, use a separate alias or forwarding address, not your login address.
* Check the address on a breach-notification service and turn on two-factor login.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.text import EMAIL_RE, last_match, mask_word, overlaps, url_spans
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE = Rule(
    id="email-address",
    category=Category.EMAIL,
    title="E-mail address",
    harm=40,
    module=__name__,
)

FILE_EXTENSIONS = frozenset(
    {
        "png", "jpg", "jpeg", "gif", "webp", "svg", "js", "css", "bmp", "ico", "tif", "tiff",
        "heic", "heif", "avif", "mp4", "mov", "webm", "mp3", "wav", "pdf", "json", "html",
        "htm", "txt", "xml", "csv", "zip", "gz", "tar", "yaml", "yml", "ts", "tsx", "jsx",
        "scss", "less", "map", "woff", "ttf", "otf", "exe", "dll", "jar", "apk",
    }
)  # fmt: skip
"""TLD look-alikes that are file extensions (``logo@2x.png``, ``icon@3x.jpg``)."""

RESERVED_DOMAINS = frozenset({"example.com", "example.org", "example.net", "example.edu"})
RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost", "local", "internal"})
"""RFC 2606/6761 documentation and special-use names: never a real person's address."""

MACHINE_MAILBOXES = frozenset(
    {
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply",
        "mailer-daemon", "postmaster", "bounce", "bounces", "notifications", "notification",
        "git",
    }
)  # fmt: skip
"""Mailboxes that belong to software, never to a person: always skipped."""

ROLE_MAILBOXES = frozenset(
    {
        "info", "support", "help", "helpdesk", "sales", "contact", "press", "media", "abuse",
        "webmaster", "hostmaster", "admin", "billing", "security", "privacy", "legal",
        "feedback", "careers", "jobs", "hr", "marketing", "service", "customerservice",
        "office", "team", "enquiries", "inquiries", "hello", "kontakt", "contacto",
    }
)  # fmt: skip
"""Company role mailboxes: skipped in prose unless the writer calls the address theirs."""

CONTEXT_CUES: tuple[str, ...] = (
    # first person
    r"e-?mail me", r"mail me", r"my e-?mail(?: address)?", r"my (?:new )?address",
    r"contact me(?: at)?", r"reach me(?: at)?", r"write (?:to )?me",
    r"drop me a (?:line|mail|note)",
    r"schreib(?:t)? mir", r"meine (?:e-?mail|mail|adresse)", r"mail mir",
    r"escr[ií]beme", r"mi (?:correo|e-?mail|mail)", r"cont[aá]ctame",
    r"[eé]cris-moi", r"[eé]crivez-moi", r"mon (?:e-?mail|mail|adresse)", r"contactez-moi",
    # labels, as in a signature or bio ("mail: …", "📧 …")
    r"e-?mail\s*:", r"mail\s*:", r"contact\s*:", r"kontakt\s*:", r"correo\s*:",
    r"courriel\s*:", r"📧", r"✉️?",
)  # fmt: skip
"""Words before an address that say it is the writer's (→ high confidence)."""

_CONTEXT_RE = re.compile(r"(?<!\w)(?:" + "|".join(CONTEXT_CUES) + r")(?!\w)", re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(r"\b(?:me|my|mir|meine|mi|moi|mon)\b|[aá]ctame", re.IGNORECASE)
"""Cues that call the address the writer's own (as opposed to a label like "mail:")."""

BEFORE = 32
"""How many characters before an address are read for context words."""


def _skipped(local: str, domain: str, tld: str) -> bool:
    """True for addresses that are never a person's: files, documentation, machines."""
    if tld.lower() in FILE_EXTENSIONS:
        return True
    domain = domain.lower()
    if tld.lower() in RESERVED_TLDS:
        return True
    if any(domain == d or domain.endswith("." + d) for d in RESERVED_DOMAINS):
        return True
    if ".." in local or local.startswith(".") or local.endswith("."):
        return True
    base = local.lower().split("+", 1)[0]
    return base in MACHINE_MAILBOXES


def _evidence(local: str, domain: str, tld: str) -> str:
    """``dana.k@fastmail.com`` → ``d•••@f•••.com``."""
    return f"{mask_word(local)}@{mask_word(domain)}.{tld.lower()}"


class EmailDetector:
    """E-mail addresses in prose, unknown strings and structured e-mail fields."""

    rules: tuple[Rule, ...] = (RULE,)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role not in (Role.TEXT, Role.OTHER, Role.EMAIL):
                continue
            if "@" not in field.text:
                continue
            yield from self._scan(field)

    def _scan(self, field: Field) -> Iterator[Match]:
        text = field.text
        structured = field.role is Role.EMAIL
        links = [] if structured else url_spans(text)
        for found in EMAIL_RE.finditer(text):
            local, domain, tld = found.group("local"), found.group("domain"), found.group("tld")
            if _skipped(local, domain, tld) or overlaps(found.span(), links):
                continue
            cue: str | None = None
            if structured:
                confidence, reasons = Confidence.HIGH, ("profile e-mail field",)
            else:
                context = text[max(0, found.start() - BEFORE) : found.start()]
                hit = last_match(_CONTEXT_RE, context)
                cue = hit.group(0).lower() if hit else None
                role_box = local.lower().split("+", 1)[0] in ROLE_MAILBOXES
                if role_box and (cue is None or not _FIRST_PERSON_RE.search(cue)):
                    continue
                if cue is not None:
                    confidence, reasons = Confidence.HIGH, (f"context: '{cue}'",)
                else:
                    confidence, reasons = Confidence.MEDIUM, ("address in text",)
            site = domain[: -len(tld) - 1]
            yield Match(
                rule=RULE.id,
                category=RULE.category,
                title=RULE.title,
                value=found.group(0),
                key=found.group(0).lower(),
                evidence=_evidence(local, site, tld),
                pointer=field.pointer,
                span=found.span(),
                harm=RULE.harm,
                confidence=confidence,
                detail="e-mail address in a profile field" if structured else "e-mail address",
                reasons=reasons,
            )


DETECTOR = EmailDetector()
