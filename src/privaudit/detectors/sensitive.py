"""health-disclosure, substance-use, sexual-content, legal-trouble, financial-distress —
statements about yourself that could be used against you.

What it finds
-------------
First-person statements, in English, German, Spanish and French, in your posts,
comments, bio and — above all — your private messages:

* ``health-disclosure``: a diagnosis, condition, pregnancy, therapy or medication that is
  yours — "I was diagnosed with diabetes", "I have bipolar disorder", "my meds", "I'm on
  Lexapro", "bei mir wurde Krebs diagnostiziert", "tengo depresión", "je suis enceinte";
* ``substance-use``: being drunk or high, or taking illegal drugs — "I'm so high rn",
  "we did lines of coke", "drove home drunk", "ich bin total besoffen", "estoy borracho",
  "j'ai fumé un joint";
* ``sexual-content``: sex, intimate images and kinks — "we had sex", "sent him my nudes",
  "my OnlyFans", "tuvimos sexo", "j'ai couché avec";
* ``legal-trouble``: arrests, charges, court dates and probation — "I got arrested", "my
  DUI", "my court date is Monday", "I'm on probation", "ich wurde festgenommen", "me
  detuvieron", "j'ai été placé en garde à vue";
* ``financial-distress``: bankruptcy, debts and eviction — "we filed for bankruptcy",
  "I can't pay my rent", "debt collectors keep calling me", "ich kann die Miete nicht
  mehr zahlen", "no puedo pagar el alquiler", "je ne peux plus payer mon loyer".

A topic word alone is never reported ("cancer research", "free the weed", "bankruptcy
law"): the statement must be about the writer ("I", "my", "ich", "mi", "je"). Not
reported either: questions ("am I drunk?"), negations ("I was not arrested"),
hypotheticals and habits ("if I had cancer", "when I'm drunk I…"), quoted words and song
lyrics, other people ("my mom has cancer"), loose figures of speech ("high on life",
"drunk on love"), and retweets. A statement next to a link and words like "study",
"according to" or "news" is treated as a shared article and skipped; next to a bare link
it is reported with lower confidence. Conditions people often name loosely ("my OCD",
"I have anxiety") are reported with low confidence.

In a private message, the finding says so: a message is one screenshot away from public,
and these are the messages that do the most damage when they are.

Why it matters
--------------
Health, sex life, drug use, criminal records and money trouble are the facts employers,
insurers, landlords, border officers and ex-partners can use against you, and the ones
data-protection law protects most. Once public — or screenshotted from a chat — they are
impossible to take back, and they follow your name in search results for years.

Example
-------
    ugh, day 3 of the new meds. I was diagnosed with bipolar disorder last month
    → …I was diagnosed with b•••… (high: explicit diagnosis)

How to fix
----------
* Delete the post or message; for chats, ask the other person to delete the thread too.
* Move health, legal and money matters to channels you control (a password-protected
  note, a call) rather than social media.
* If an old post is widely copied, ask search engines to drop it from results for your
  name (right to be forgotten in the EU/UK).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import sensitive as lex
from privaudit.detectors.text import (
    RETWEET_RE,
    TextView,
    excerpt,
    inside_quotes,
    keywords,
    mask_word,
    sentence_bounds,
    tokens,
    view,
)
from privaudit.model import Category, Confidence, Field, Kind, Match, Record, Role

RULE_HEALTH = Rule("health-disclosure", Category.SENSITIVE, "Health disclosure", 50, __name__)
RULE_SUBSTANCE = Rule("substance-use", Category.SENSITIVE, "Drug or alcohol use", 50, __name__)
RULE_SEXUAL = Rule("sexual-content", Category.SENSITIVE, "Sexual content", 55, __name__)
RULE_LEGAL = Rule("legal-trouble", Category.SENSITIVE, "Legal trouble", 60, __name__)
RULE_FINANCIAL = Rule("financial-distress", Category.SENSITIVE, "Financial distress", 40, __name__)

ALCOHOL_HARM = 40
"""Being drunk is legal: lower harm than illegal drugs."""
PRIVATE_REASON = "private message — damaging if screenshotted"


@dataclass(frozen=True, slots=True)
class Topic:
    """One rule and its phrases."""

    rule: Rule
    keywords: frozenset[str]
    phrases: tuple[tuple[re.Pattern[str], Confidence, bool], ...]
    """Each phrase, its confidence, and whether it carries its own negation."""
    what: str
    """What the rule's findings are about, for the detail line."""
    mask: bool
    """Mask the sensitive word in the evidence (a diagnosis, a drug, a sex act)."""


def _topic(
    rule: Rule, name: str, phrases: tuple[tuple[str, str], ...], what: str, mask: bool
) -> Topic:
    return Topic(
        rule=rule,
        keywords=keywords(lex.KEYWORDS[name]),
        phrases=tuple(
            (
                re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE),
                Confidence(confidence),
                pattern in lex.NEGATED,
            )
            for pattern, confidence in phrases
        ),
        what=what,
        mask=mask,
    )


TOPICS: tuple[Topic, ...] = (
    _topic(RULE_HEALTH, "health", lex.HEALTH, "health condition, therapy or medication", True),
    _topic(RULE_SUBSTANCE, "substance", lex.SUBSTANCE, "intoxication or drug use", True),
    _topic(RULE_SEXUAL, "sexual", lex.SEXUAL, "sexual activity or intimate images", True),
    _topic(RULE_LEGAL, "legal", lex.LEGAL, "arrest, charges or court", False),
    _topic(RULE_FINANCIAL, "financial", lex.FINANCIAL, "debt, bankruptcy or eviction", False),
)

_NEWS_RE = re.compile(r"(?<!\w)(?:" + "|".join(lex.NEWS_CUES) + r")(?!\w)", re.IGNORECASE)
_HYPOTHETICAL_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(lex.HYPOTHETICAL) + r")\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_HABITUAL_RE = re.compile(r"(?<!\w)(?:when|whenever|wenn|cuando|quand|lorsque)\s+\S*\s*$", re.I)
_NEGATION_RE = re.compile(
    r"(?<!\w)(?:not|never|no|n['’]t|nicht|nie|niemals|kein\w*|nunca|jamás|jamas|pas|jamais"
    r"|plus|ni)(?!\w)|n['’]t(?!\w)",
    re.IGNORECASE,
)
_LYRICS = ("♪", "♫", "🎵", "🎶")
_LOWER = {Confidence.HIGH: Confidence.MEDIUM, Confidence.MEDIUM: Confidence.LOW}


class SensitiveDetector:
    """First-person statements about health, substances, sex, the law and money."""

    rules: tuple[Rule, ...] = tuple(t.rule for t in TOPICS)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role is not Role.TEXT or RETWEET_RE.match(field.text):
                continue
            words = tokens(field.text)
            topics = [t for t in TOPICS if not t.keywords.isdisjoint(words)]
            if not topics or any(mark in field.text for mark in _LYRICS):
                continue
            tv = view(field.text)
            for topic in topics:
                yield from self._topic(record, field, tv, topic)

    def _topic(self, record: Record, field: Field, tv: TextView, topic: Topic) -> Iterator[Match]:
        text = tv.prose
        taken: list[tuple[int, int]] = []
        for pattern, base, negated in topic.phrases:
            for found in pattern.finditer(text):
                start, end = found.span()
                if any(s < end and start < e for s, e in taken):
                    continue
                confidence = self._judge(tv, found, base, negated)
                if confidence is None:
                    continue
                taken.append((start, end))
                yield self._match(record, field, tv, topic, found, confidence)

    def _judge(
        self, tv: TextView, found: re.Match[str], base: Confidence, negated: bool
    ) -> Confidence | None:
        """The confidence of one statement, or None when it is not the writer's own."""
        text = tv.prose
        start, end = found.span()
        if tv.touches_blank(start, end) or inside_quotes(text, start, end):
            return None
        lo, hi = sentence_bounds(text, start, end)
        if text[lo:hi].rstrip().endswith("?"):
            return None
        before = text[max(lo, start - 30) : start]
        if _HYPOTHETICAL_RE.search(before):
            return None
        if base is not Confidence.HIGH and _HABITUAL_RE.search(before):
            return None
        if not negated and (
            _NEGATION_RE.search(found.group(0))
            or _NEGATION_RE.search(text, max(lo, start - 12), start)
        ):
            return None
        confidence = base
        if _has_link(tv):
            if _NEWS_RE.search(text, lo, hi):
                return None  # a shared article, not a confession
            confidence = _LOWER.get(confidence, confidence)
        term = " ".join((found.groupdict().get("term") or "").lower().split())
        if term in lex.LOOSE_TERMS and confidence is Confidence.MEDIUM:
            confidence = Confidence.LOW
        return confidence

    def _match(
        self,
        record: Record,
        field: Field,
        tv: TextView,
        topic: Topic,
        found: re.Match[str],
        confidence: Confidence,
    ) -> Match:
        start, end = found.span()
        raw_term = found.groupdict().get("term") or ""
        term = " ".join(raw_term.lower().split())
        phrase = " ".join(found.group(0).lower().split())
        harm = topic.rule.harm
        detail = topic.what
        if topic.rule is RULE_SUBSTANCE:
            if term in lex.ALCOHOL_TERMS:
                harm, detail = ALCOHOL_HARM, "intoxication (alcohol)"
            else:
                detail = "drug use or being high"
        reasons = [
            f"first-person statement ({'explicit' if confidence is Confidence.HIGH else 'plain'})"
        ]
        if _has_link(tv):
            reasons.append("posted with a link: may be quoting an article")
        if record.kind is Kind.MESSAGE:
            reasons.append(PRIVATE_REASON)
        # the evidence shows the statement, with a diagnosis, drug or sex act masked
        shown = field.text[start:end]
        if raw_term and topic.mask:
            t0, t1 = found.span("term")
            shown = field.text[start:t0] + mask_word(raw_term) + field.text[t1:end]
        evidence = excerpt(shown, 0, len(shown))
        lead = "…" if field.text[:start].strip() else ""
        tail = "…" if field.text[end:].strip() and not evidence.endswith("…") else ""
        return Match(
            rule=topic.rule.id,
            category=topic.rule.category,
            title=topic.rule.title,
            value=field.text[start:end],
            key=f"{topic.rule.id}:{term or phrase}",
            evidence=f"{lead}{evidence}{tail}",
            pointer=field.pointer,
            span=(start, end),
            harm=harm,
            confidence=confidence,
            detail=detail,
            reasons=tuple(reasons),
        )


def _has_link(tv: TextView) -> bool:
    text = tv.text
    return any(text[s:e].lower().startswith(("http", "www.", "t.co/")) for s, e in tv.blanked)


DETECTOR = SensitiveDetector()
