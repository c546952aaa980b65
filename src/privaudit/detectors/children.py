"""child-details — your child's name together with their school, age, birthday or routine.

What it finds
-------------
Posts and messages that name a child of yours and say where or when to find them: "my
daughter Emma (7) starts at Lincoln Elementary", "picking up Noah from Kita Sonnenschein
at 3pm every day", "our son Ben turns 5 on Saturday 🎂", "meine Tochter Mia kommt in die
erste Klasse", "mi hijo Lucas cumple 5 años", "ma fille Léa entre en CP à l'école Jules
Ferry", in English, German, Spanish and French (and simple Dutch and Italian phrases).

A relation word ("my son", "meine Tochter", "mi hija", "ma fille") must stand next to a
first name, and the same passage must give at least one detail: a school or kindergarten
(named: high confidence), an age, a birthday, or a routine with a time. Taking a named
child to or from school ("picking up Noah from daycare") counts without a relation word.
Repeated mentions of the same child are one finding.

Not reported: a child's name alone ("my son Noah is the best"), other people's children
("her daughter Emma"), children without a name ("my son starts school tomorrow"), and
retweets.

Why it matters
--------------
A child's first name, school and daily pick-up time are exactly what someone needs to
approach them as a "friend of the family" — or to convince a school or kindergarten to
hand them over. Names with ages and birthdays also feed identity theft long before the
child has accounts of their own, and children cannot consent to what is posted about them.

Example
-------
    so proud! my daughter Emma (7) starts at Lincoln Elementary tomorrow 🎒
    → daughter E••• · school (named), age (high: a named school)

How to fix
----------
* Delete or edit the post: use a nickname or initial, and leave out the school's name.
* Don't post school uniforms, gates or pick-up times; share first-day photos with family
  privately.
* Review old posts around birthdays and school starts, which tend to carry all of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.detectors.interface import DetectContext, Rule
from privaudit.detectors.lexicons import children as lex
from privaudit.detectors.text import (
    RETWEET_RE,
    TextView,
    inside_quotes,
    keywords,
    mask_word,
    tokens,
    view,
)
from privaudit.model import Category, Confidence, Field, Match, Record, Role

RULE = Rule(
    id="child-details",
    category=Category.CHILDREN,
    title="Child's name with identifying details",
    harm=65,
    module=__name__,
)

BEFORE = 40
"""How many characters before a child's name are read for details."""
AFTER = 160
"""How many characters after a child's name are read for details."""


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")", re.IGNORECASE)


_RELATIONS = tuple(re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE) for p in lex.RELATIONS)
_PICKUPS = tuple(re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE) for p in lex.PICKUPS)
_KEYWORDS = keywords(lex.KEYWORDS)
_DETAILS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("school (named)", _any(lex.SCHOOL_NAMED), True),
    ("routine with a time", _any(lex.ROUTINE), True),
    ("age", _any(lex.AGE), False),
    ("school", _any(lex.SCHOOL_GENERIC), False),
    ("birthday", _any(lex.BIRTHDAY), False),
)
"""Detail kind, its pattern, and whether it alone makes the finding high-confidence."""
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named child and where the mention is."""

    start: int
    end: int
    relation: str
    """The relation word as written, lower-cased ("daughter", "hijo")."""
    name: str
    pickup: bool


def _mentions(tv: TextView) -> list[Mention]:
    text = tv.prose
    found: list[Mention] = []
    for patterns, pickup in ((_RELATIONS, False), (_PICKUPS, True)):
        for pattern in patterns:
            for m in pattern.finditer(text):
                name = m.group("name")
                if name.lower() in lex.NOT_NAMES or tv.touches_blank(*m.span()):
                    continue
                if inside_quotes(text, *m.span()):
                    continue
                relation = " ".join((m.groupdict().get("rel") or "child").lower().split())
                end = m.start() + len(m.group(0).rstrip())
                found.append(Mention(m.start(), end, relation, name, pickup))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in found:
        if all(mention.start >= k.end or mention.end <= k.start for k in kept):
            kept.append(mention)
    return kept


def _window(text: str, mention: Mention) -> tuple[int, int]:
    lo = max(0, mention.start - BEFORE)
    hi = min(len(text), mention.end + AFTER)
    brk = _PARAGRAPH.search(text, mention.end, hi)
    if brk is not None:
        hi = brk.start()
    for brk in _PARAGRAPH.finditer(text, lo, mention.start):
        lo = brk.end()
    return lo, hi


class ChildrenDetector:
    """A named child of the writer with a school, age, birthday or routine."""

    rules: tuple[Rule, ...] = (RULE,)

    def detect(self, record: Record, ctx: DetectContext) -> Iterator[Match]:
        for field in record.fields:
            if field.role is not Role.TEXT or RETWEET_RE.match(field.text):
                continue
            if _KEYWORDS.isdisjoint(tokens(field.text)):
                continue
            tv = view(field.text)
            seen: set[str] = set()
            for mention in _mentions(tv):
                match = self._match(field, tv, mention)
                if match is not None and match.key not in seen:
                    seen.add(match.key)
                    yield match

    def _match(self, field: Field, tv: TextView, mention: Mention) -> Match | None:
        text = tv.prose
        lo, hi = _window(text, mention)
        details: list[str] = []
        strong = False
        for label, pattern, decisive in _DETAILS:
            hit = pattern.search(text, lo, hi)
            if hit is None or tv.touches_blank(*hit.span()):
                continue
            if label == "age" and hit.start() < mention.start and "(" not in hit.group(0):
                continue  # an age before the name belongs to something else
            details.append(label)
            strong = strong or decisive
        if mention.pickup:
            details.insert(0, "school pick-up")
        if not details:
            return None
        relation = lex.RELATION_NORMAL.get(mention.relation, "child")
        reasons = [f"named {relation}", *(f"detail: {d}" for d in details)]
        confidence = Confidence.HIGH if strong else Confidence.MEDIUM
        shown = f"{mention.relation} {mask_word(mention.name)} · {', '.join(details)}"
        return Match(
            rule=RULE.id,
            category=RULE.category,
            title=RULE.title,
            value=field.text[mention.start : mention.end],
            key=f"child:{relation}:{mention.name.casefold()}",
            evidence=shown,
            pointer=field.pointer,
            span=(mention.start, mention.end),
            harm=RULE.harm,
            confidence=confidence,
            detail=f"your {relation}'s first name with {', '.join(details)}",
            reasons=tuple(reasons),
        )


DETECTOR = ChildrenDetector()
