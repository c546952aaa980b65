"""Gates: which detectors a record can possibly interest, decided in one pass per text.

Most posts disclose nothing, and most detectors already give up on them after a cheap
prefilter (a keyword, a run of digits, an ``@``). Each detector still costs a call, a
generator, a lowercase copy and a few searches per field, thirteen times over. A gate is
the union of one detector's prefilters written as patterns; all gates are compiled into
two ``RE2::Set`` automata (one over the text, one over its lowercase form) that report, in
one linear pass per text, every detector whose prefilter could pass. The others are not
called at all.

A gate must let through *at least* everything its detector acts on, never less: it is the
detector's own prefilter (the same needle lists, imported from the detector) or a looser
form of it (a lookbehind dropped, a conjunction reduced to one of its terms, a token test
reduced to a substring test). ``tests/test_perf_gates.py`` checks on every fixture archive
and a generated corpus that gated and ungated detection give the same matches.

Detectors without a gate (phone and address, for now) always run. Without the
optional ``google-re2`` package (``pip install privaudit[re2]``) there are no gates and
every detector runs, with the same results, more slowly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from privaudit.detectors import (
    absence,
    birthdate,
    children,
    credential,
    device,
    email,
    financial,
    government_id,
    location,
    sensitive,
    workplace,
)
from privaudit.detectors.interface import DetectContext, Detector
from privaudit.model import Record, Role

_re2: Any
try:  # optional: the gates need RE2's multi-pattern sets
    import re2 as _re2
except ImportError:  # pragma: no cover - depends on the installation
    _re2 = None

_TEXT = frozenset({Role.TEXT})
_TEXT_OTHER = frozenset({Role.TEXT, Role.OTHER})
_ASCII_WORD = re.compile(r"[A-Za-z0-9_]")
_DIGIT = r"\p{Nd}"  # Python's str \d: any Unicode decimal digit
_NOT_DIGIT = r"\P{Nd}"


@dataclass(frozen=True, slots=True)
class Gate:
    """When one detector can have anything to say about a record."""

    always: frozenset[Role] = frozenset()
    """Fields of these roles always need the detector (structured fields, named fields)."""
    text_roles: frozenset[Role] = frozenset()
    """Fields of these roles need it only when their text passes a pattern below."""
    cased: tuple[str, ...] = ()
    """RE2 patterns searched in the text as it is."""
    lowered: tuple[str, ...] = ()
    """Literal needles searched in ``text.lower()`` (``needle in lowered``)."""
    words: tuple[str, ...] = ()
    """Words searched as words of ``text.lower()`` (``word in tokens(text)``)."""
    test: Callable[[str], bool] | None = None
    """One more condition, in Python, for a prefilter no automaton does well (tried only
    when nothing above has opened the detector yet)."""
    points: bool = False
    """Positions need the detector."""
    ungated_with_org_keywords: bool = False
    """The scan's organisation keywords (any word at all) make the detector run always."""


def _words(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words)))


GATES: dict[type[Any], Gate] = {
    email.EmailDetector: Gate(
        text_roles=frozenset({Role.TEXT, Role.OTHER, Role.EMAIL}),
        # EMAIL_RE: a local part ends in one of these, a domain starts with a letter or digit
        # (so an @handle after a space does not open the detector)
        cased=(r"[A-Za-z0-9_%+\-]@[A-Za-z0-9]",),
    ),
    credential.CredentialDetector: Gate(
        always=frozenset({Role.OTHER}),  # named fields ("password": …) need no cue in the text
        text_roles=_TEXT,
        cased=(
            *(_re2.escape(n) if _re2 else n for n, _ in credential._TOKEN_NEEDLES),
            "-----BEGIN",
            "eyJ",
            r"(?s)://.*@|@.*://",  # a password in a link needs both
        ),
        lowered=_words(
            (
                *credential._PASSWORD_NEEDLES,
                *credential._NET_NEEDLES,  # the Wi-Fi statement needs one of these first
                *credential._PIN_NEEDLES,
                *credential._OTP_NEEDLES,
                *credential._ANSWER_NEEDLES,
            )
        ),
    ),
    birthdate.BirthdateDetector: Gate(
        always=frozenset({Role.BIRTHDATE}),
        text_roles=_TEXT,
        # statements need a date needle or an age needle (and a digit, not required here)
        lowered=_words(
            (
                *(n for t in birthdate.TRIGGERS for n in t.needles),
                *(n for a in birthdate.AGE_STATEMENTS for n in a.needles),
            )
        ),
    ),
    financial.FinancialDetector: Gate(
        text_roles=_TEXT_OTHER,
        cased=(
            rf"{_DIGIT}(?:[ -]?{_DIGIT}){{12}}",  # _DIGITS13: cards
            rf"[A-Z]{{2}}{_DIGIT}{{2}}",  # _IBAN_PREFILTER
            r"[0-9A-Za-z]{51}",  # _LONG_RUN: keys
        ),
        lowered=_words(("iban", *financial._BANK_NEEDLES)),
        # the seed-phrase gate itself (twelve 3-8 letter words in a row) would blow up the
        # automaton: it is the detector's own compiled pattern, run only on long texts
        test=lambda text: len(text) >= 47 and financial._SEED_PREFILTER.search(text) is not None,
    ),
    government_id.GovernmentIdDetector: Gate(
        text_roles=_TEXT_OTHER,
        cased=(rf"{_DIGIT}(?:{_NOT_DIGIT}{{0,3}}{_DIGIT}){{5}}",),  # _PREFILTER
    ),
    absence.AbsenceDetector: Gate(text_roles=_TEXT, words=_words(absence._KEYWORDS)),
    sensitive.SensitiveDetector: Gate(
        text_roles=_TEXT, words=_words(k for t in sensitive.TOPICS for k in t.keywords)
    ),
    workplace.WorkplaceDetector: Gate(
        text_roles=_TEXT,
        words=_words(
            workplace._HOSTILITY_KEYWORDS | workplace._SECRET_KEYWORDS | workplace._SOFT_KEYWORDS
        ),
        ungated_with_org_keywords=True,
    ),
    children.ChildrenDetector: Gate(text_roles=_TEXT, words=_words(children._KEYWORDS)),
    device.DeviceDetector: Gate(
        always=frozenset({Role.DEVICE, Role.OTHER, Role.NAME}),
        text_roles=_TEXT,
        cased=("ent from", "esendet", "nviad", "nvoy", "erzonden", "nviato"),  # _sent_from
    ),
    location.LocationDetector: Gate(points=True),
}
"""The gated detectors by class; the phone and address detectors run on every record."""


class Gates:
    """Every gate of a detector list, compiled; ``None`` from :func:`compile_gates` when
    RE2 is not installed."""

    def __init__(self, detectors: Sequence[Detector]) -> None:
        assert _re2 is not None
        self.size = len(detectors)
        self.gates: list[Gate | None] = [GATES.get(type(d)) for d in detectors]
        self.ungated = [i for i, g in enumerate(self.gates) if g is None]
        cased: Any = _re2.Set.SearchSet()
        lowered: Any = _re2.Set.SearchSet()
        self._cased_owner: list[int] = []
        self._lowered_owner: list[int] = []
        for index, gate in enumerate(self.gates):
            if gate is None:
                continue
            for pattern in gate.cased:
                cased.Add(pattern)
                self._cased_owner.append(index)
            for needle in gate.lowered:
                lowered.Add(_re2.escape(needle))
                self._lowered_owner.append(index)
            for word in gate.words:
                lowered.Add(_word_pattern(word))
                self._lowered_owner.append(index)
        cased.Compile()
        lowered.Compile()
        self._cased = cased
        self._lowered = lowered
        self.text_roles = frozenset(r for g in self.gates if g for r in g.text_roles)
        roles = {r for g in self.gates if g for r in (*g.always, *g.text_roles)}
        self._base = [g is None for g in self.gates]
        self._always = {
            role: tuple(i for i, g in enumerate(self.gates) if g and role in g.always)
            for role in roles
        }
        # per role: pattern number -> the detector it opens (-1: not for fields of this role)
        self._cased_for = {
            role: [o if role in self.gates[o].text_roles else -1 for o in self._cased_owner]  # type: ignore[union-attr]
            for role in self.text_roles
        }
        self._lowered_for = {
            role: [o if role in self.gates[o].text_roles else -1 for o in self._lowered_owner]  # type: ignore[union-attr]
            for role in self.text_roles
        }
        self._tests = {
            role: tuple(
                (i, g.test)
                for i, g in enumerate(self.gates)
                if g and g.test and role in g.text_roles
            )
            for role in self.text_roles
        }
        self._points = [i for i, g in enumerate(self.gates) if g and g.points]
        self._org = [i for i, g in enumerate(self.gates) if g and g.ungated_with_org_keywords]

    def wanted(self, record: Record, ctx: DetectContext) -> list[bool]:
        """For each detector (in list order): may it find anything in ``record``?"""
        want = self._base.copy()
        if record.points:
            for index in self._points:
                want[index] = True
        if ctx.org_keywords:
            for index in self._org:
                want[index] = True
        for f in record.fields:
            role = f.role
            always = self._always.get(role)
            if always:
                for index in always:
                    want[index] = True
            text = f.text
            if role not in self.text_roles or not text:
                continue
            hits = self._cased.Match(text)
            if hits:
                owners = self._cased_for[role]
                for hit in hits:
                    if owners[hit] >= 0:
                        want[owners[hit]] = True
            hits = self._lowered.Match(text.lower())
            if hits:
                owners = self._lowered_for[role]
                for hit in hits:
                    if owners[hit] >= 0:
                        want[owners[hit]] = True
            for index, test in self._tests[role]:
                if not want[index] and test(text):
                    want[index] = True
        return want


def _word_pattern(word: str) -> str:
    """A pattern that finds ``word`` wherever it is one of ``tokens(text)`` (and more).

    A token is a maximal run of Unicode word characters. RE2's ``\\b`` knows only ASCII
    word characters, so it is put only beside an ASCII word character of the word: there a
    Unicode word boundary is always an ASCII one too. Beside anything else the side is left
    open, which can only let more through.
    """
    pattern: str = _re2.escape(word)
    if _ASCII_WORD.match(word[0]):
        pattern = r"\b" + pattern
    if _ASCII_WORD.match(word[-1]):
        pattern += r"\b"
    return pattern


def compile_gates(detectors: Sequence[Detector]) -> Gates | None:
    """The gates of ``detectors``, or None without RE2 (then every detector runs)."""
    if _re2 is None:
        return None
    return Gates(detectors)
