"""identity-theft-kit — the facts an impostor needs, all visible together.

What it finds
-------------
Identity checks at banks, phone carriers and government portals ask for the same few
facts. This rule looks across *all* findings of the scan (every archive and platform
together) for the complete set, visible to people other than you:

* your **full name** — from a profile (on X, Facebook, Instagram, LinkedIn, Mastodon,
  Bluesky and TikTok a profile name is public whatever your other settings);
* your **full date of birth** — stated, or reconstructed from birthday wishes and your age;
* where you **live** — a home address, a probable home from your positions, or the home
  town in your profile;
* a way to **reach** you — a phone number or e-mail address;

and, when present, the answers to your **security questions** and your **national ID**.

Every required part must be public or followers-only; the finding's exposure is the
narrowest of them (a followers-only address makes the kit followers-level). The finding
lists each part, where it leaked, and points at every occurrence that leaked it.

Why it matters
--------------
Each part is ordinary alone. Together — name, date of birth, address and a phone number —
they are what a caller needs to pass a bank's or a carrier's identity check in your name,
port your number, or open an account. Breaking any one part breaks the kit.

Example
-------
    name (public profile on X) + date of birth (public post) + home (public posts, near
    Greenwood, Seattle, US) + phone (public post) — together, visible to anyone

How to fix
----------
* Remove the easiest part first: hide the birth year, remove the phone number or address
  from public profiles and posts.
* Place a credit freeze or fraud alert, and add a PIN or passphrase with your bank and
  mobile carrier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from privaudit.advice.catalog import platform_name
from privaudit.assess.inference.collect import ProfileFact
from privaudit.assess.inference.common import KIND_NOUN, build, least_exposed, rule
from privaudit.assess.severity import EXPOSURE_PHRASE
from privaudit.model import Category, Confidence, Exposure, Finding, Occurrence

RULE = rule("identity-theft-kit", "Identity-theft kit", 100, __name__)
RULES = (RULE,)

VISIBLE = (Exposure.PUBLIC, Exposure.FOLLOWERS)
MAX_OCCURRENCES_PER_PART = 25
DOB_RULES = frozenset({"birthdate-full", "reconstructed-birthdate"})
PLACE_RULES = frozenset({"home-address", "inferred-home"})
REQUIRED = ("name", "date of birth", "home", "contact")


@dataclass(slots=True)
class Part:
    """One fact of the kit and where it leaked."""

    name: str
    exposure: Exposure
    confidence: Confidence
    where: str
    value: str
    platform: str
    occurrences: list[Occurrence] = field(default_factory=list)


def find_kit(
    findings: Sequence[Finding], names: Sequence[ProfileFact], hometowns: Sequence[ProfileFact]
) -> Finding | None:
    """The identity-theft-kit finding, or None when a required part is missing or private."""
    parts: dict[str, Part] = {}
    if (name := _fact_part("name", names)) is not None:
        parts["name"] = name
    _best_finding(parts, "date of birth", [f for f in findings if f.rule in DOB_RULES])
    _best_finding(parts, "home", [f for f in findings if f.rule in PLACE_RULES])
    if "home" not in parts and (town := _fact_part("home town", hometowns)) is not None:
        parts["home"] = town
    _best_finding(
        parts, "contact",
        [f for f in findings if f.category in (Category.PHONE, Category.EMAIL)],
    )  # fmt: skip
    if any(key not in parts for key in REQUIRED):
        return None
    _best_finding(parts, "security answer", [f for f in findings if f.rule == "security-answer"])
    _best_finding(
        parts, "national ID", [f for f in findings if f.category is Category.GOVERNMENT_ID]
    )
    exposure = least_exposed(p.exposure for key, p in parts.items() if key in REQUIRED)
    chosen = list(parts.values())
    confidence = max((p.confidence for p in chosen), key=lambda c: c.rank)
    listing = " + ".join(f"{p.name} ({p.where})" for p in chosen)
    audience = "anyone" if exposure is Exposure.PUBLIC else "your followers"
    occurrences = [
        occ
        for p in chosen
        for occ in [o for o in p.occurrences if o.exposure.rank <= exposure.rank][
            :MAX_OCCURRENCES_PER_PART
        ]
    ]
    platforms = sorted({p.platform for p in chosen} - {""})
    return build(
        RULE,
        title=RULE.title,
        what=f"identity-theft kit: {', '.join(p.name for p in chosen)}",
        where=f"{EXPOSURE_PHRASE[exposure]} items together",
        exposure=exposure,
        confidence=confidence,
        confidence_reason="the weakest part's confidence",
        occurrences=occurrences,
        platform=platforms[0] if platforms else "",
        evidence=" + ".join(p.name for p in chosen),
        value=" · ".join(p.value for p in chosen),
        detail=f"{listing} — together, visible to {audience}",
    )


def _fact_part(name: str, facts: Sequence[ProfileFact]) -> Part | None:
    visible = [f for f in facts if f.exposure in VISIBLE]
    if not visible:
        return None
    best = min(visible, key=lambda f: (f.exposure.rank, f.platform, f.text))
    same = [f for f in visible if f.text == best.text]
    return Part(
        name=name,
        exposure=best.exposure,
        confidence=Confidence.HIGH,
        where=f"{EXPOSURE_PHRASE[best.exposure]} profile on {platform_name(best.platform)}",
        value=best.text,
        platform=best.platform,
        occurrences=[f.occurrence for f in same],
    )


def _best_finding(parts: dict[str, Part], name: str, candidates: Sequence[Finding]) -> None:
    visible = [f for f in candidates if f.exposure in VISIBLE]
    if not visible:
        return
    best = min(visible, key=lambda f: (f.exposure.rank, f.confidence.rank, -f.score, f.id))
    first = min(best.occurrences, key=lambda o: o.exposure.rank, default=None)
    noun = KIND_NOUN[first.kind][0] if first is not None else "item"
    where = f"{EXPOSURE_PHRASE[best.exposure]} {noun} on {platform_name(best.platform)}"
    if best.rule == "inferred-home":
        where = f"{EXPOSURE_PHRASE[best.exposure]} positions on {platform_name(best.platform)}"
    elif best.rule == "reconstructed-birthdate":
        where = f"reconstructed from {EXPOSURE_PHRASE[best.exposure]} items"
    parts[name] = Part(
        name=name if name != "contact" else best.category.value.replace("email", "e-mail"),
        exposure=best.exposure,
        confidence=best.confidence,
        where=where,
        value=best.value,
        platform=best.platform,
        occurrences=list(best.occurrences),
    )
