"""reconstructed-birthdate — your full date of birth, rebuilt from birthday wishes and your age.

What it finds
-------------
A date of birth nobody stated, put together from pieces:

* **the day and month** — birthday wishes other people sent you ("happy birthday", "hbd",
  "feliz cumpleaños", "alles Gute zum Geburtstag", "joyeux anniversaire") that fall on the
  same day and month in at least two different years (on your local clock), or a birthday
  without year you stated yourself;
* **the year** — your own statements of your age ("I'm 34", "I am 34 years old", "tengo 34
  años", "ich bin 34", "j'ai 34 ans") with their posting date, your birth year ("I was born
  in 1990"), or a full date you stated elsewhere.

An age on a known date pins the year exactly once the birthday is known: 34 on 2 June 2024
with a birthday on 14 March means born 14 March 1990. When statements disagree, the year
most of them give wins; a tie is not reported.

Wishes in group chats, late or early wishes ("happy belated birthday"), and wishes for
someone else ("happy birthday to your mom", "happy birthday @marco") are not counted. A
reconstruction that only repeats a date of birth you already stated at least as publicly
is not reported again.

The finding's exposure is the narrowest audience among its two halves: wishes seen by
followers plus a public age statement are a followers-level reconstruction.

Why it matters
--------------
Your date of birth is one of the three facts banks, carriers and government portals use to
decide that someone is you. Hiding the birth year on your profile does not help when
friends wish you a happy birthday on your wall every year and you once wrote "I'm 34".

Example
-------
    Wishes on 14 March in 2022 and 2023 + "I'm 34" on 2024-06-02
    → 1990-••-•• (reconstructed full date of birth)

How to fix
----------
* Hide your birthday from friends so fewer public wishes arrive on the day; review posts
  others make on your profile before they appear.
* Delete or narrow posts that state your age.
* If your full date of birth is now known, ask your bank and carrier for an account PIN.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, tzinfo

from privaudit.assess.inference.collect import Statement
from privaudit.assess.inference.common import breakdown, build, least_exposed, rule
from privaudit.assess.inference.localtime import local
from privaudit.assess.severity import EXPOSURE_PHRASE
from privaudit.model import Category, Confidence, Exposure, Finding, Occurrence

RULE = rule("reconstructed-birthdate", "Date of birth reconstructed from your archive", 70,
            __name__)  # fmt: skip
RULES = (RULE,)

MIN_WISH_YEARS = 2
HIGH_WISH_YEARS = 3
_EXPOSURES = (
    Exposure.PUBLIC,
    Exposure.FOLLOWERS,
    Exposure.DELETED,
    Exposure.PRIVATE,
    Exposure.ACCOUNT,
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(slots=True)
class Source:
    """One piece of evidence for the day-month or the year."""

    occurrence: Occurrence
    exposure: Exposure
    platform: str
    year: int = 0
    """For wishes: the year of the wish; for year sources: the birth year it implies."""
    what: str = ""


@dataclass(slots=True)
class DayMonth:
    month: int
    day: int
    sources: list[Source] = field(default_factory=list)
    wish_years: int = 0
    stated: bool = False


@dataclass(slots=True)
class _Stated:
    """A birthdate finding the owner stated: day, month and maybe year."""

    month: int
    day: int
    year: int | None
    finding: Finding


def reconstruct(
    wishes: Sequence[Statement],
    ages: Sequence[Statement],
    birth_years: Sequence[Statement],
    findings: Sequence[Finding],
    zone: tzinfo | None,
) -> Finding | None:
    """The reconstructed date of birth, or None when the pieces do not pin it down."""
    zone = zone or UTC
    stated = _stated(findings)
    daymonth = _day_month(wishes, stated, zone)
    if daymonth is None:
        return None
    year_sources = _year(_years(daymonth, ages, birth_years, stated, zone))
    if not year_sources:
        return None
    if daymonth.wish_years == 0 and all(s.what == STATED_DOB for s in year_sources):
        return None  # nothing but a date already stated: not a reconstruction
    try:
        born = date(year_sources[0].year, daymonth.month, daymonth.day)
    except ValueError:
        return None  # 29 February of a common year
    iso = born.isoformat()
    exposure = least_exposed(
        [_day_month_exposure(daymonth), min((s.exposure for s in year_sources), key=_rank)]
    )
    for finding in findings:
        if (
            finding.rule == "birthdate-full"
            and finding.key == iso
            and finding.exposure.rank <= exposure.rank
        ):
            return None  # already reported as a statement at least as exposed
    strong_day = daymonth.stated or daymonth.wish_years >= HIGH_WISH_YEARS
    strong_year = len(year_sources) >= 2 or any(s.what != AGE for s in year_sources)
    confidence = Confidence.HIGH if strong_day and strong_year else Confidence.MEDIUM
    used = daymonth.sources + year_sources
    day_text = f"{daymonth.day} {_MONTHS[daymonth.month - 1]}"
    if daymonth.wish_years:
        from_day = f"birthday wishes on {day_text} in {daymonth.wish_years} different years"
    else:
        from_day = f"your birthday ({day_text}) stated without year"
    from_year = " and ".join(
        f"{n} {what}{'s' if n > 1 else ''}"
        for what, n in sorted(_count(s.what for s in year_sources).items())
    )
    visible = [s for s in used if s.exposure.rank <= exposure.rank]
    kinds = breakdown([s.occurrence.kind for s in visible])
    best = min(visible or used, key=lambda s: (s.exposure.rank, s.platform))
    return build(
        RULE,
        title="Date of birth reconstructed",
        what=f"full date of birth from {from_day} and {from_year}",
        where=f"{EXPOSURE_PHRASE[exposure]} items ({kinds})",
        exposure=exposure,
        confidence=confidence,
        confidence_reason=f"{len(year_sources)} year source(s) agree on {born.year}",
        occurrences=[s.occurrence for s in used],
        platform=best.platform,
        evidence=f"{born.year:04d}-••-••",
        value=iso,
        detail=f"{born.year:04d}-••-•• rebuilt from {from_day} and {from_year}",
    )


AGE = "age statement"
YEAR = "birth-year statement"
STATED_DOB = "stated date of birth"


def _count(items: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _rank(exposure: Exposure) -> int:
    return exposure.rank


def _year(sources: list[Source]) -> list[Source]:
    """The sources of the year most of them give; [] when the top two tie."""
    votes: dict[int, list[Source]] = defaultdict(list)
    for source in sources:
        votes[source.year].append(source)
    ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if not ranked or (len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1])):
        return []
    return ranked[0][1]


def _stated(findings: Sequence[Finding]) -> list[_Stated]:
    out: list[_Stated] = []
    for finding in findings:
        key = finding.key
        if finding.category is not Category.BIRTHDATE or not key:
            continue
        try:
            if key.startswith("--"):
                out.append(_Stated(int(key[2:4]), int(key[5:7]), None, finding))
            else:
                out.append(_Stated(int(key[5:7]), int(key[8:10]), int(key[:4]), finding))
        except ValueError:
            continue
    return out


def _day_month(wishes: Sequence[Statement], stated: list[_Stated], zone: tzinfo) -> DayMonth | None:
    by_day: dict[tuple[int, int], list[tuple[int, Statement]]] = defaultdict(list)
    for wish in wishes:
        if wish.when is None:
            continue
        day = local(wish.when, zone)
        by_day[(day.month, day.day)].append((day.year, wish))

    def support(items: list[tuple[int, Statement]]) -> tuple[int, int]:
        return len({year for year, _ in items}), len(items)

    candidates = sorted(
        (key for key, items in by_day.items() if support(items)[0] >= MIN_WISH_YEARS),
        key=lambda k: (-support(by_day[k])[0], -support(by_day[k])[1], k),
    )
    own = {(s.month, s.day) for s in stated}
    chosen: tuple[int, int] | None = None
    if candidates:
        top = [c for c in candidates if support(by_day[c]) == support(by_day[candidates[0]])]
        if own:
            # The owner's own statement of the day decides between (or against) wish clusters.
            matching = [c for c in candidates if c in own]
            if len(matching) == 1:
                chosen = matching[0]
            elif not matching and len(own) == 1:
                chosen = next(iter(own))
        elif len(top) == 1:
            chosen = top[0]
    elif len(own) == 1:
        chosen = next(iter(own))
    if chosen is None:
        return None
    result = DayMonth(chosen[0], chosen[1])
    for year, wish in by_day.get(chosen, []):
        result.sources.append(
            Source(wish.occurrence, wish.exposure, wish.platform, year, "birthday wish")
        )
    result.wish_years = len({s.year for s in result.sources})
    for s in stated:
        if (s.month, s.day) != chosen:
            continue
        result.stated = True
        if s.year is None:
            for occ in s.finding.occurrences:
                result.sources.append(
                    Source(occ, occ.exposure, s.finding.platform, 0, "stated birthday")
                )
    return result


def _day_month_exposure(daymonth: DayMonth) -> Exposure:
    """The widest audience that still sees the day: wishes in 2 years, or a stated birthday."""
    for level in _EXPOSURES:
        visible = [s for s in daymonth.sources if s.exposure.rank <= level.rank]
        if any(s.what == "stated birthday" for s in visible):
            return level
        if len({s.year for s in visible if s.what == "birthday wish"}) >= MIN_WISH_YEARS:
            return level
    return Exposure.ACCOUNT


def _years(
    daymonth: DayMonth,
    ages: Sequence[Statement],
    birth_years: Sequence[Statement],
    stated: list[_Stated],
    zone: tzinfo,
) -> list[Source]:
    out: list[Source] = []
    for statement in ages:
        if statement.when is None:
            continue
        day = local(statement.when, zone).date()
        before_birthday = (day.month, day.day) < (daymonth.month, daymonth.day)
        year = day.year - statement.number - (1 if before_birthday else 0)
        out.append(Source(statement.occurrence, statement.exposure, statement.platform, year, AGE))
    for statement in birth_years:
        out.append(
            Source(
                statement.occurrence, statement.exposure, statement.platform, statement.number, YEAR
            )
        )
    for s in stated:
        if s.year is not None and (s.month, s.day) == (daymonth.month, daymonth.day):
            for occ in s.finding.occurrences:
                out.append(Source(occ, occ.exposure, s.finding.platform, s.year, STATED_DOB))
    return out
