"""Shared text helpers for detectors: link/handle/hashtag patterns, blanking and masking.

Detectors look for numbers and dates in *prose*; URLs, @handles and #hashtags are not
prose and are full of digit runs (``t.co/4x9…``, ``#2065550142``). :func:`prose` returns a
field's text with those blanked out — replaced by spaces, so every offset found in the
blanked text is also a valid offset into the original text and reported spans stay right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

BULLET = "•"

URL_RE = re.compile(
    r"""(?:https?://|www\.)[^\s<>"'`]+          # scheme or www. up to whitespace
      | \bt\.co/[A-Za-z0-9]+                    # bare t.co short links
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""URLs: ``http(s)://…``, ``www.…`` and bare ``t.co/…`` short links."""

HANDLE_RE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_]{1,30}")
"""@handles (not the ``@`` of an e-mail address, which has a word character before it)."""

HASHTAG_RE = re.compile(r"(?<![\w&#])[#＃]\w+")
"""#hashtags (``\\w`` is Unicode-aware, so ``#geburtstag`` and ``#cumpleaños`` count)."""

EMAIL_RE = re.compile(
    r"""(?<![\w.%+/=-])
        (?P<local>[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?)
        @
        (?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+
                   (?P<tld>[A-Za-z]{2,24}))
        (?![A-Za-z0-9_-]|\.[A-Za-z0-9])
    """,
    re.VERBOSE,
)
"""A practical e-mail address pattern (ASCII, alphabetic TLD of 2–24 letters)."""


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every span replaced by spaces; length and all offsets are unchanged."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every URL in ``text`` (cheap when there is none)."""
    if "http" not in text and "www." not in text and "t.co/" not in text:
        lowered = text.lower()
        if "http" not in lowered and "www." not in lowered and "t.co/" not in lowered:
            return []
    return [m.span() for m in URL_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class TextView:
    """A field's text and its prose: URLs, @handles and #hashtags blanked to spaces."""

    text: str
    prose: str
    """Same length as ``text``; offsets are interchangeable."""
    blanked: tuple[tuple[int, int], ...]
    """The spans that were blanked, sorted."""

    def touches_blank(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a blanked link, handle or hashtag.

        A pattern that matched across a blank bridged two pieces of prose a link separated
        ("206 #tbt 5550142"), so its match is not to be trusted.
        """
        return overlaps((start, end), self.blanked)


@lru_cache(maxsize=2048)
def view(text: str) -> TextView:
    """The :class:`TextView` of ``text``; cached, so the detectors that read one field
    blank it only once."""
    spans = url_spans(text)
    if "@" in text:
        spans.extend(m.span() for m in HANDLE_RE.finditer(text))
    if "#" in text or "＃" in text:
        spans.extend(m.span() for m in HASHTAG_RE.finditer(text))
    if not spans:
        return TextView(text, text, ())
    spans.sort()
    return TextView(text, blank(text, spans), tuple(spans))


def prose(text: str) -> str:
    """``text`` with URLs, @handles and #hashtags blanked (same length, same offsets)."""
    return view(text).prose


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """True when ``span`` shares at least one character with any of ``spans``."""
    start, end = span
    return any(s < end and start < e for s, e in spans)


# --- masking, for evidence strings ---------------------------------------------------


def bullets(n: int) -> str:
    """``n`` bullets."""
    return BULLET * max(n, 0)


def mask_tail(digits: str, keep: int = 4) -> str:
    """All but the last ``keep`` characters bulleted, in two groups: ``•••• ••0142``."""
    if len(digits) <= keep:
        return bullets(len(digits))
    hidden = len(digits) - keep
    lead = max(hidden - 2, 0)
    tail = bullets(hidden - lead) + digits[-keep:]
    return f"{bullets(lead)} {tail}" if lead else tail


def mask_word(word: str, keep: int = 1) -> str:
    """First ``keep`` characters, then three bullets: ``d•••`` (length is not revealed)."""
    return word[:keep] + BULLET * 3 if word else ""


def mask_decimal(value: float, shown: int = 1, hidden: int = 3) -> str:
    """A coordinate cut (not rounded) to ``shown`` decimals, then bullets: ``52.5•••``."""
    scale = 10**shown
    cut = math.trunc(value * scale) / scale
    sign = "-" if value < 0 and cut == 0 else ""
    return f"{sign}{cut:.{shown}f}" + BULLET * hidden


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last (rightmost) non-overlapping match of ``pattern`` in ``text``."""
    found: re.Match[str] | None = None
    for found in pattern.finditer(text):  # noqa: B007 - we want the last one
        pass
    return found


# --- context windows -------------------------------------------------------------------


def contains_any(text: str, needles: Iterable[str]) -> bool:
    """True when any needle is a substring of ``text`` (a cheap literal prefilter).

    A plain loop: measurably faster than ``any()`` over a generator on short texts.
    """
    for needle in needles:  # noqa: SIM110 - see above
        if needle in text:
            return True
    return False


SENTENCE_END = re.compile(r"[!?…]\s|\n|(?<=[^\W\d_]{5})\.\s|(?<=\d)\.\s")
"""A sentence or line break (a dot after short words like "tel." or "no." is an
abbreviation, not a sentence end)."""


def window_before(text: str, start: int, size: int) -> str:
    """Up to ``size`` characters before ``start``, not crossing a sentence end."""
    window = text[max(0, start - size) : start]
    cut = last_match(SENTENCE_END, window)
    return window[cut.end() :] if cut else window


def window_after(text: str, end: int, size: int) -> str:
    """Up to ``size`` characters after ``end``, not crossing a sentence end."""
    window = text[end : end + size]
    cut = SENTENCE_END.search(window)
    return window[: cut.start()] if cut else window


# --- sentences and excerpts, for the rules that read meaning -------------------------

_ABBREVIATIONS = ("st", "dr", "rd", "ave", "av", "str", "nr", "no", "apt", "mr", "mrs", "ms", "jr",
                  "sr", "vs", "ca", "bzw", "dt", "approx", "etc")  # fmt: skip
SENTENCE_END_RE = re.compile(
    r"[!?…]+(?=\s|$)|\n|[|•]|(?<=\w\w)"
    + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS)
    + r"\.+(?=\s|$)",
    re.IGNORECASE,
)
"""Where a sentence, line or bullet segment ends: ``!``/``?``/``…``, a line break, a ``|``
or ``•`` separator, or a dot after a word of two or more characters that is not a common
abbreviation (so "St." or "Dr." of a street and "No." do not split a sentence, but
"home." and "the 20th." do)."""

RETWEET_RE = re.compile(r"\s*RT\s+@\w+\s*:", re.IGNORECASE)
"""A manual or old-style retweet: the words after it are someone else's."""

_QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The ``[lo, hi)`` of the sentence (or line, or segment) holding ``[start, end)``.

    ``hi`` includes the sentence's closing punctuation, so ``text[lo:hi]`` ends in ``?``
    for a question.
    """
    lo = 0
    for found in SENTENCE_END_RE.finditer(text, 0, start):
        lo = found.end()
    after = SENTENCE_END_RE.search(text, end)
    hi = after.end() if after is not None else len(text)
    return lo, hi


def excerpt(text: str, start: int, end: int, limit: int = 48) -> str:
    """A short, whitespace-collapsed excerpt of ``text[start:end]`` framed by ``…``.

    ``…away until the 20th…`` — the ellipses say there is more text around it. Longer
    excerpts are cut at a word boundary to about ``limit`` characters.
    """
    body = " ".join(text[start:end].split())
    if len(body) > limit:
        cut = body.rfind(" ", 0, limit)
        body = body[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
    lead = "…" if text[:start].strip() else ""
    tail = "…" if text[end:].strip() and not body.endswith("…") else ""
    return f"{lead}{body}{tail}"


def inside_quotes(text: str, start: int, end: int) -> bool:
    """True when ``[start, end)`` stands between a pair of quotation marks.

    Quoted words — a headline, a line of a song, someone else's words — are not a
    statement by the writer.
    """
    for opening, closing in _QUOTE_PAIRS:
        left = text.rfind(opening, 0, start)
        if left < 0:
            continue
        if opening == closing and text.count(opening, 0, left) % 2:
            continue  # that mark closed an earlier quotation
        right = text.find(closing, end)
        if right >= 0 and text.find(closing, left + 1, start) < 0:
            return True
    return False


def alternation(patterns: Iterable[str]) -> str:
    """``(?:a|b|c)`` of regex fragments, longest first (so "Street" wins over "St")."""
    unique = sorted(set(patterns), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(unique) + ")"


def words(literals: Iterable[str]) -> str:
    """:func:`alternation` of literal words (escaped), for compiling lexicons."""
    return alternation(re.escape(w) for w in literals)


_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=2048)
def tokens(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (``\\w+`` runs); cached, so every meaning-based rule
    can check its keywords against one set instead of scanning the text again.

    Rules use it as a cheap prefilter: ``not KEYWORDS.isdisjoint(tokens(text))`` is false
    for the great majority of posts, and the rule's patterns then never run.
    """
    return frozenset(_WORD_RE.findall(text.lower()))


def keywords(text: str) -> frozenset[str]:
    """A whitespace-separated list of prefilter keywords as a set (one word each)."""
    return frozenset(text.lower().split())
