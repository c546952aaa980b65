"""away-from-home — posts that tell everyone your home is empty, and until when.

What it finds
-------------
Announcements that you are away, or that nobody is home, in your posts, messages and
bio: "off to Bali for two weeks! ✈️", "we're away until Sunday", "back on the 20th",
"house sitter needed", "empty house this weekend", "nobody home till Monday", "endlich
Urlaub, zwei Wochen Mallorca", "wir sind ab morgen verreist", "de vacaciones hasta el
lunes", "nos vamos a Cancún dos semanas", "en vacances jusqu'au 15", "je pars à Lisbonne
pour une semaine", in English, German, Spanish and French (and a few Dutch and Italian
phrases).

Confidence is high when the post names a period — how long, or until when ("for two
weeks", "until Sunday", "this weekend", "bis zum 20.", "hasta el lunes", "jusqu'au 15")
— and medium when it says only that you are leaving. Work travel ("business trip",
"Dienstreise") is reported with lower harm: someone else may well be at home. A post more
than a year old is reported with lower harm too: that trip is over, but your archive still
shows when and how long you travel.

Not reported: trips told afterwards ("last year in Bali", "just got back", "#tbt"),
wishes and plans ("I need a vacation", "someday Bali", "ich bräuchte Urlaub"), other
people's absences ("my parents are away", "she's on holiday"), questions ("are you away
this weekend?"), quoted words and lyrics, errands ("off to work", "heading to Target"),
and retweets.

Why it matters
--------------
Burglars read social media. A public post that the house is empty — and for how long — is
an invitation, more so next to your address or a geotagged photo of your home. Insurers
may even refuse a burglary claim when the owner announced the absence publicly.

Example
-------
    off to Bali for two weeks!! 🌴✈️ see you on the 20th
    → off to Bali for two weeks… (high: a stated period)

How to fix
----------
* Post holiday photos after you are back, not while you are away.
* Delete or restrict old announcements, and make current ones visible to close friends
  only.
* Ask a neighbour or a house sitter by message, not in a public post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import absence as lex
from privaudit.detectors.lexicons.absence import Cue
from privaudit.detectors.text import (
    RETWEET_RE,
    TextView,
    excerpt,
    inside_quotes,
    keywords,
    sentence_bounds,
    tokens,
    view,
)
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE = Rule(
    id="away-from-home",
    category=Category.ABSENCE,
    title="Away-from-home announcement",
    harm=55,
    module=__name__,
)

VAGUE_HARM = 45
"""Leaving, without saying for how long."""
WORK_HARM = 35
"""Work travel: someone else may well be at home."""
OLD_POST_DAYS = 365
"""Posts older than this (before the scan) describe a trip that is over."""
OLD_POST_DISCOUNT = 15
TIMING_REACH = 60
"""How far after an announcement its period may be stated ("… see you on the 20th")."""


def _words(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


_CUES: tuple[tuple[re.Pattern[str], Cue, frozenset[str]], ...] = tuple(
    (re.compile(r"(?<!\w)(?:" + pattern + ")", re.IGNORECASE), cue, keywords(words))
    for pattern, cue, words in lex.CUES
)
_KEYWORDS = frozenset().union(*(k for _, _, k in _CUES))
_STRONG_RE = _words(lex.STRONG_TIMING)
_WEAK_RE = _words(lex.WEAK_TIMING)
_PAST_RE = _words(lex.PAST)
_WISH_RE = _words(lex.WISH)
_OTHER_RE = _words(lex.OTHER_PEOPLE)
_WORK_RE = _words(lex.WORK_TRAVEL)
_TRAVEL_RE = re.compile(r"(?<!\w)(?:" + "|".join(lex.TRAVEL_WORDS) + r")", re.IGNORECASE)
_FIRST_PERSON_RE = re.compile(
    r"(?<!\w)(?:i|i['’]?m|we|we['’]re|my|our|ich|wir|yo|nos|je|j['’]|nous|ik|wij)(?!\w)",
    re.IGNORECASE,
)
_LYRICS = ("♪", "♫", "🎵", "🎶")
_CLAUSE_BREAKS = re.compile(r"[,;:()\"“”]|\s[-–—]\s|\b(?:and|but|so|und|aber|y|pero|et|mais)\b")


@dataclass(frozen=True, slots=True)
class Announcement:
    """One announcement in a text, with what supports and weakens it."""

    start: int
    end: int
    cue: Cue
    timing: str | None
    """The stated period, lower-cased; None when there is none."""
    strong_timing: bool
    work: bool


def _clause_start(text: str, lo: int, start: int) -> int:
    """Where the clause holding ``start`` begins (after a comma, "and", "but" …)."""
    cut = lo
    for found in _CLAUSE_BREAKS.finditer(text, lo, start):
        cut = found.end()
    return cut


def announcements(tv: TextView) -> list[Announcement]:
    """Every away-from-home announcement of the writer in a text, one per sentence."""
    text = tv.prose
    words = tokens(tv.text)
    if _KEYWORDS.isdisjoint(words) or any(mark in text for mark in _LYRICS):
        return []
    by_sentence: dict[tuple[int, int], Announcement] = {}
    for pattern, cue, needed in _CUES:
        if needed.isdisjoint(words):
            continue
        for found in pattern.finditer(text):
            start, end = found.span()
            if tv.touches_blank(start, end):
                continue
            lo, hi = sentence_bounds(text, start, end)
            sentence = text[lo:hi]
            if sentence.rstrip().endswith("?") or inside_quotes(text, start, end):
                continue
            outside = tv.text[lo:start] + " " * (end - start) + tv.text[end:hi]
            if _PAST_RE.search(outside) or _WISH_RE.search(text, lo, end):
                continue
            clause = _clause_start(text, lo, start)
            said_by_self = _FIRST_PERSON_RE.match(found.group(0)) is not None
            if not said_by_self and _OTHER_RE.search(text, clause, start):
                continue  # "my parents are away", "their house is empty"
            strong, timing_text, timing_end = (
                (True, found.group(0), end)
                if cue is Cue.RETURN
                else _timing(text, lo, hi, start, end)
            )
            if cue is Cue.RETURN and not (_TRAVEL_RE.search(text) or _away_elsewhere(text)):
                continue  # "back on Monday" alone may be back at work
            if cue in (Cue.EMPTY, Cue.WEAK) and not strong:
                continue  # "I'm gone lol", "coming home to an empty house"
            if cue is Cue.GO and not strong and not _TRAVEL_RE.search(tv.prose):
                continue  # "heading to the Mall tomorrow"
            span_end = timing_end if timing_end and timing_end - end <= TIMING_REACH else end
            ann = Announcement(
                start=start,
                end=max(end, span_end),
                cue=cue,
                timing=" ".join(timing_text.split()).lower() if timing_text else None,
                strong_timing=strong,
                work=_WORK_RE.search(sentence) is not None,
            )
            best = by_sentence.get((lo, hi))
            if best is None or _rank(ann) > _rank(best):
                by_sentence[(lo, hi)] = ann
    return sorted(by_sentence.values(), key=lambda a: a.start)


def _away_elsewhere(text: str) -> bool:
    """True when another sentence of the text announces an absence ("… back on the 20th")."""
    words = tokens(text)
    return any(
        cue is not Cue.RETURN and not needed.isdisjoint(words) and pattern.search(text)
        for pattern, cue, needed in _CUES
    )


def _timing(text: str, lo: int, hi: int, start: int, end: int) -> tuple[bool, str | None, int]:
    """The period stated in the sentence: (definite?, its words, where it ends)."""
    strong = _STRONG_RE.search(text, lo, hi)
    if strong is not None:
        return True, strong.group(0), strong.end() if strong.start() >= start else 0
    weak = _WEAK_RE.search(text, lo, hi)
    if weak is not None:
        return False, weak.group(0), weak.end() if weak.start() >= start else 0
    return False, None, 0


def _rank(ann: Announcement) -> tuple[int, int, int]:
    strength = {Cue.SITTER: 3, Cue.EMPTY: 3, Cue.AWAY: 2, Cue.RETURN: 2, Cue.FLY: 2}
    return (int(ann.strong_timing), strength.get(ann.cue, 1), ann.end - ann.start)


class AbsenceDetector:
    """Announcements that the writer is away or the home is empty."""

    rules: tuple[Rule, ...] = (RULE,)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role is not Role.TEXT or RETWEET_RE.match(field.text):
                continue
            if _KEYWORDS.isdisjoint(tokens(field.text)):
                continue  # the cheap prefilter: no announcement word at all
            for ann in announcements(view(field.text)):
                yield self._match(record, ctx, field, ann)

    def _match(self, record: Record, ctx: DetectContext, field: Field, ann: Announcement) -> Match:
        reasons = [f"announcement: {ann.cue.value}"]
        if ann.strong_timing or ann.cue is Cue.SITTER:
            confidence, harm = Confidence.HIGH, RULE.harm
        else:
            confidence, harm = Confidence.MEDIUM, VAGUE_HARM
        if ann.timing:
            reasons.append(f"{'period' if ann.strong_timing else 'when'}: '{ann.timing}'")
        if ann.work:
            harm = WORK_HARM
            reasons.append("work travel: someone may still be at home")
        detail = (
            f"announces an absence ({ann.cue.value}) with a stated period"
            if ann.strong_timing
            else f"announces an absence ({ann.cue.value})"
        )
        if record.timestamp is not None and ctx.now is not None:
            days = (ctx.now - record.timestamp).days
            if days > OLD_POST_DAYS:
                harm -= OLD_POST_DISCOUNT
                reasons.append(f"posted {days // 365} year(s) before the scan: the trip is over")
        return Match(
            rule=RULE.id,
            category=RULE.category,
            title=RULE.title,
            value=field.text[ann.start : ann.end],
            key=f"{record.path}#{record.pointer}#{field.pointer}",
            evidence=excerpt(field.text, ann.start, ann.end),
            pointer=field.pointer,
            span=(ann.start, ann.end),
            harm=harm,
            confidence=confidence,
            detail=detail,
            reasons=tuple(reasons),
        )


DETECTOR = AbsenceDetector()
