"""workplace-hostility, workplace-confidential — what you said about your job that your
employer would not like to read.

What it finds
-------------
* ``workplace-hostility``: insults, hatred and threats about your own boss, colleagues,
  job or employer — "my boss is an idiot", "I hate my job", "my coworkers are useless",
  "fuck this company", "I'm gonna kill my manager", "mein Chef ist ein Vollidiot", "Chef
  ist ein Vollidiot", "mi jefe es un imbécil", "mon patron est un con", "mijn baas is een
  idioot". Threats rank highest.
* ``workplace-confidential``: internal information shared anyway — "don't tell anyone but
  we're launching the new model in May", "under NDA but our client is …", "internal only:
  layoffs next week", "vertraulich: die Übernahme ist durch", "confidencial: lanzamos en
  junio", "confidentiel mais on lance …". A confidentiality word must stand next to work
  matters (a launch, a client, layoffs, a merger, a project); with your organisation's
  keywords configured (employer, project codenames, client names), a keyword next to a
  confidentiality word is reported with high confidence, and hostility about the named
  employer is found too.

Not reported: praise and neutral talk about work, other people's bosses ("her boss is an
idiot"), questions, hypotheticals ("if my boss is an idiot…"), quoted words, statements
that keep the secret ("I'm under NDA so I can't say"), "confidential" outside a work
setting ("LA Confidential", "don't tell anyone but I ate the whole cake"), and retweets.

Why it matters
--------------
Employers, and future employers, read public profiles. Insulting your boss can cost you
the job, a threat — even a joke — can bring in HR or the police, and leaking internal
plans can breach your contract or an NDA, with dismissal or damages to follow.

Example
-------
    don't tell anyone but we're launching the new tablet in May 🤫
    → don't tell anyone but we're launching… (medium: work matters next to a secret)

How to fix
----------
* Delete the post or message; vent about work in private, offline.
* Never post internal plans, client names or codenames, even "just to friends".
* If a leak already spread, talk to your manager or legal team before it does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import workplace as lex
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

RULE_HOSTILITY = Rule(
    id="workplace-hostility",
    category=Category.WORKPLACE,
    title="Hostile remark about your workplace",
    harm=45,
    module=__name__,
)
RULE_CONFIDENTIAL = Rule(
    id="workplace-confidential",
    category=Category.WORKPLACE,
    title="Confidential work information",
    harm=55,
    module=__name__,
)

HARM_BY_KIND: dict[str, int] = {"insult": 45, "remark": 45, "hate": 35, "threat": 60}
"""Insults are worse than grumbling; threats are worst."""
_WHAT = {"insult": "insult", "remark": "insult", "hate": "hostile remark", "threat": "threat"}
CONFIDENTIAL_REACH = 120
"""How far after a confidentiality word the secret may follow (into the next sentence)."""

_SECRET_KEYWORDS = keywords(lex.SECRET_KEYWORDS)
_HOSTILITY: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...] = tuple(
    (re.compile(rf"(?<!\w)(?:{pattern})", re.IGNORECASE | re.MULTILINE), kind, keywords(words))
    for pattern, kind, words in lex.HOSTILITY
    if "{ORG}" not in pattern
)
_HOSTILITY_KEYWORDS = frozenset().union(*(k for _, _, k in _HOSTILITY))
_SOFT_KEYWORDS = keywords(lex.SECRET_SOFT_KEYWORDS)
_WORK_KEYWORDS = keywords(lex.WORK_KEYWORDS)
_CUE_RE = re.compile(r"(?<!\w)(?:" + "|".join(lex.CONFIDENTIAL_CUES) + r")(?!\w)", re.IGNORECASE)
_WORK_RE = re.compile(r"(?<!\w)(?:" + "|".join(lex.WORK_CONTEXT) + r")(?!\w)", re.IGNORECASE)
_JOIN_RE = re.compile(r"^\W{0,3}(?:" + "|".join(lex.DISCLOSURE_JOINS) + r")(?!\w)", re.IGNORECASE)
_REFUSAL_RE = re.compile(r"(?<!\w)(?:" + "|".join(lex.REFUSALS) + r")", re.IGNORECASE)
_HYPOTHETICAL_RE = re.compile(
    r"(?<!\w)(?:if|what if|imagine|when|wenn|falls|si|cuando|quand)\s+(?:\w+\s+){0,2}$", re.I
)
_OTHERS_RE = re.compile(
    r"(?<!\w)(?:his|her|their|your|ur|seine?|ihre?|deine?|su|sus|tu|son|sa|ses|ton|ta)\s+$", re.I
)


def org_keywords(ctx: DetectContext) -> tuple[str, ...]:
    """The organisation keywords of the scan (employer, codenames, clients), cleaned."""
    kept = {" ".join(k.split()) for k in ctx.org_keywords if len(k.strip()) >= 2}
    return tuple(sorted(kept, key=str.lower))


@lru_cache(maxsize=16)
def _org_patterns(
    names: tuple[str, ...],
) -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str, frozenset[str]], ...]]:
    """The keyword pattern and the hostility patterns about the named organisation."""
    org = "(?:" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + ")"
    mention = re.compile(rf"(?<!\w){org}(?!\w)", re.IGNORECASE)
    hostility: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...] = tuple(
        (
            re.compile(rf"(?<!\w)(?:{pattern.replace('{ORG}', org)})", re.IGNORECASE),
            kind,
            frozenset(),
        )
        for pattern, kind, _ in lex.HOSTILITY
        if "{ORG}" in pattern
    )
    return mention, hostility


class WorkplaceDetector:
    """Hostility about the writer's workplace and confidential work information."""

    rules: tuple[Rule, ...] = (RULE_HOSTILITY, RULE_CONFIDENTIAL)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        names = org_keywords(ctx)
        mention, org_hostility = _org_patterns(names) if names else (None, ())
        for field in record.fields:
            if field.role is not Role.TEXT or RETWEET_RE.match(field.text):
                continue
            words = tokens(field.text)
            named = mention is not None and mention.search(field.text) is not None
            hostile = not _HOSTILITY_KEYWORDS.isdisjoint(words)
            secret = not _SECRET_KEYWORDS.isdisjoint(words) or (
                not _SOFT_KEYWORDS.isdisjoint(words)
                and (named or not _WORK_KEYWORDS.isdisjoint(words))
            )
            if not (hostile or secret or named):
                continue
            tv = view(field.text)
            patterns = (
                *(p for p in _HOSTILITY if hostile and not p[2].isdisjoint(words)),
                *(org_hostility if named else ()),
            )
            if patterns:
                yield from self._hostility(record, field, tv, patterns)
            if secret:
                yield from self._confidential(record, field, tv, mention)

    def _hostility(
        self,
        record: Record,
        field: Field,
        tv: TextView,
        patterns: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...],
    ) -> Iterator[Match]:
        text = tv.prose
        taken: list[tuple[int, int]] = []
        for pattern, kind, _ in patterns:
            for found in pattern.finditer(text):
                start, end = found.span()
                start += len(found.group(0)) - len(found.group(0).lstrip())
                if any(s < end and start < e for s, e in taken) or not _own_statement(
                    tv, start, end
                ):
                    continue
                taken.append((start, end))
                target = " ".join(found.group("target").lower().split())
                confidence = Confidence.MEDIUM if kind in ("hate", "remark") else Confidence.HIGH
                reasons = [f"{_WHAT[kind]} about your {target}"]
                if record.kind is Kind.MESSAGE:
                    reasons.append("private message — damaging if screenshotted")
                yield Match(
                    rule=RULE_HOSTILITY.id,
                    category=RULE_HOSTILITY.category,
                    title=RULE_HOSTILITY.title,
                    value=field.text[start:end],
                    key=f"{RULE_HOSTILITY.id}:{target}",
                    evidence=excerpt(field.text, start, end),
                    pointer=field.pointer,
                    span=(start, end),
                    harm=HARM_BY_KIND[kind],
                    confidence=confidence,
                    detail=f"{_WHAT[kind]} about your {target}",
                    reasons=tuple(reasons),
                )

    def _confidential(
        self,
        record: Record,
        field: Field,
        tv: TextView,
        mention: re.Pattern[str] | None,
    ) -> Iterator[Match]:
        text = tv.prose
        for cue in _CUE_RE.finditer(text):
            start, end = cue.span()
            if not _own_statement(tv, start, end):
                continue
            lo, _ = sentence_bounds(text, start, end)
            hi = min(len(text), end + CONFIDENTIAL_REACH)
            window_lo = max(lo, start - 60)
            joined = _JOIN_RE.match(text[end:]) is not None
            refusal = _REFUSAL_RE.search(text, end, hi)
            if refusal is not None and not joined:
                continue  # "under NDA so I can't say"
            named = mention.search(text, window_lo, hi) if mention is not None else None
            work = _WORK_RE.search(text, window_lo, hi)
            if named is None and work is None:
                continue
            evidence_hits = [m for m in (named, work) if m is not None]
            span_end = max([end, *(m.end() for m in evidence_hits if m.start() >= start)])
            span_start = min([start, *(m.start() for m in evidence_hits if m.start() < start)])
            reasons = [f"confidentiality cue: '{' '.join(cue.group(0).lower().split())}'"]
            if named is not None:
                confidence = Confidence.HIGH
                reasons.append("names one of your organisation keywords")
                key = f"{RULE_CONFIDENTIAL.id}:{named.group(0).lower()}"
            else:
                confidence = Confidence.MEDIUM
                key = f"{RULE_CONFIDENTIAL.id}:{record.path}#{record.pointer}#{field.pointer}"
            if work is not None:
                reasons.append(f"work context: '{' '.join(work.group(0).lower().split())}'")
            if record.kind is Kind.MESSAGE:
                reasons.append("private message — damaging if screenshotted")
            shown = field.text[span_start:span_end]
            if mention is not None:
                shown = mention.sub(lambda m: mask_word(m.group(0)), shown)
            yield Match(
                rule=RULE_CONFIDENTIAL.id,
                category=RULE_CONFIDENTIAL.category,
                title=RULE_CONFIDENTIAL.title,
                value=field.text[span_start:span_end],
                key=key,
                evidence=_frame(field.text, span_start, span_end, shown),
                pointer=field.pointer,
                span=(span_start, span_end),
                harm=RULE_CONFIDENTIAL.harm,
                confidence=confidence,
                detail="work information marked as confidential",
                reasons=tuple(reasons),
            )
            return  # one confidential finding per field is enough


def _frame(text: str, start: int, end: int, shown: str) -> str:
    body = excerpt(shown, 0, len(shown))
    lead = "…" if text[:start].strip() else ""
    tail = "…" if text[end:].strip() and not body.endswith("…") else ""
    return f"{lead}{body}{tail}"


def _own_statement(tv: TextView, start: int, end: int) -> bool:
    """False for questions, quotes, hypotheticals, other people's bosses and links/handles."""
    text = tv.prose
    if tv.touches_blank(start, end) or inside_quotes(text, start, end):
        return False
    lo, hi = sentence_bounds(text, start, end)
    if text[lo:hi].rstrip().endswith("?"):
        return False
    before = text[max(lo, start - 30) : start]
    return not (_HYPOTHETICAL_RE.search(before) or _OTHERS_RE.search(before))


DETECTOR = WorkplaceDetector()
