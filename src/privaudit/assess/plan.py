"""The action plan: de-duplicated steps, most risk removed per minute of effort first.

Findings say what is wrong; the plan says what to do, in the order that pays off most:

* **Removal steps** group every item you can take down by step type and platform —
  "Delete 12 public posts on X" with the 12 links, "Delete the location history on
  Google". An item is counted once per step, however many findings point at it.
* **Protective steps** act on the value itself — rotate a leaked key, move sign-in codes
  off an exposed phone number, place a credit freeze — once per kind of value.

Effort is catalog data (:data:`privaudit.advice.catalog.STEP_TYPES`: minutes per step plus
minutes per item). *Risk removed* is in score points (see docs/scoring.md): deleting an
item lowers its exposure weight to what remains after deletion (a public post becomes
"deleted, once public": copies may exist); a finding's drop is shared among the removal
steps that touch it in proportion to the items each covers. A protective step removes its
catalog share of each finding it covers. Steps are ordered by risk removed per minute,
then by risk removed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from privaudit.advice.catalog import (
    ITEM_NOUN,
    LIBRARY_EDIT,
    PROFILE_EDIT,
    PROTECT,
    RESIDUAL_WEIGHT,
    RULE_ADVICE,
    STEP_TYPES,
    key_rotation,
    link,
    platform_name,
    removal,
    residual,
)
from privaudit.assess.severity import EXPOSURE_WEIGHT
from privaudit.model import (
    ActionStep,
    Category,
    Exposure,
    Finding,
    Kind,
    Occurrence,
    ScanResult,
)

_REMOVAL_BY_EXPOSURE = {
    Exposure.PUBLIC: "delete-public",
    Exposure.FOLLOWERS: "delete-followers",
    Exposure.PRIVATE: "delete-private",
    Exposure.ACCOUNT: "review-account",
}
_VISIBLE = (Exposure.PUBLIC, Exposure.FOLLOWERS, Exposure.DELETED)
_PROTECT_BY_RULE = {
    "api-key": "rotate-key",
    "private-key": "rotate-key",
    "jwt": "rotate-key",
    "password": "change-password",
    "pin-code": "change-password",
    "security-answer": "change-password",
    "crypto-seed-phrase": "move-wallet",
    "crypto-private-key": "move-wallet",
    "payment-card": "replace-card",
    "iban": "bank-alerts",
    "bank-account": "bank-alerts",
}
_PROTECT_NOUN = {
    "rotate-key": "key",
    "change-password": "secret",
    "move-wallet": "wallet",
    "replace-card": "card",
    "bank-alerts": "bank account",
    "retire-phone-2fa": "number",
    "secure-email": "address",
}


@dataclass(slots=True)
class _Draft:
    type: str
    platform: str
    exposure: Exposure | None = None
    items: dict[str, Kind] = field(default_factory=dict)
    """Link → kind of item."""
    findings: dict[str, float] = field(default_factory=dict)
    """Finding id → risk credit."""
    categories: set[Category] = field(default_factory=set)
    how: list[str] = field(default_factory=list)
    values: set[str] = field(default_factory=set)
    """For protective steps: the distinct values covered (a key counted once)."""


def build_plan(findings: Sequence[Finding]) -> list[ActionStep]:
    """The action plan for ``findings``, best value for effort first."""
    drafts: dict[tuple[str, str], _Draft] = {}
    for finding in findings:
        _removals(finding, drafts)
        _protections(finding, drafts)
    steps = [_step(d) for d in drafts.values()]
    steps = [s for s in steps if s.risk_removed > 0 or s.count > 0]
    steps.sort(key=lambda s: (-s.priority, -s.risk_removed, s.action, s.id))
    return steps


def visible_steps(result: ScanResult, findings: Sequence[Finding]) -> list[ActionStep]:
    """The plan's steps that touch at least one of the findings a report shows."""
    shown = {f.id for f in findings}
    return [s for s in result.action_plan if shown.intersection(s.finding_ids)]


def removal_type(occurrence: Occurrence) -> str | None:
    """The removal step an item needs, or None (already deleted, or someone else's)."""
    if not occurrence.author_is_self or occurrence.exposure is Exposure.DELETED:
        return None
    if occurrence.kind is Kind.PROFILE:
        return "edit-profile"
    if occurrence.kind is Kind.LOCATION:
        return "delete-location-history"
    if occurrence.kind is Kind.ACCOUNT:
        return "review-account"
    if occurrence.kind is Kind.MEDIA and occurrence.exposure is Exposure.ACCOUNT:
        return "clean-library"
    return _REMOVAL_BY_EXPOSURE[occurrence.exposure]


def _removals(finding: Finding, drafts: dict[tuple[str, str], _Draft]) -> None:
    removable = [(o, t) for o in finding.occurrences if (t := removal_type(o)) is not None]
    if not removable:
        return
    current = max(EXPOSURE_WEIGHT[o.exposure] for o in finding.occurrences)
    after = max(
        RESIDUAL_WEIGHT[o.exposure] if removal_type(o) else EXPOSURE_WEIGHT[o.exposure]
        for o in finding.occurrences
    )
    drop = finding.score * max(0.0, 1.0 - after / current) if current else 0.0
    share = drop / len(removable)
    for occ, step_type in removable:
        platform = occ.platform or finding.platform
        draft = drafts.setdefault((step_type, platform), _Draft(step_type, platform))
        draft.items.setdefault(link(occ), occ.kind)
        draft.findings[finding.id] = draft.findings.get(finding.id, 0.0) + share
        draft.categories.add(finding.category)
        if draft.exposure is None or occ.exposure.rank < draft.exposure.rank:
            draft.exposure = occ.exposure


def _protections(finding: Finding, drafts: dict[tuple[str, str], _Draft]) -> None:
    visible = finding.exposure in _VISIBLE
    types: list[str] = []
    if finding.rule in _PROTECT_BY_RULE:
        types.append(_PROTECT_BY_RULE[finding.rule])
    if finding.category is Category.PHONE and visible:
        types.append("retire-phone-2fa")
    if finding.category is Category.EMAIL and visible:
        types.append("secure-email")
    if finding.category is Category.GOVERNMENT_ID or finding.rule == "identity-theft-kit":
        types.append("credit-freeze")
    if visible and (
        finding.rule in ("birthdate-full", "reconstructed-birthdate", "identity-theft-kit")
    ):
        types.append("account-pins")
    if finding.category in (Category.LOCATION, Category.INFERENCE, Category.DEVICE) and any(
        o.kind is Kind.MEDIA and o.author_is_self for o in finding.occurrences
    ):
        types.append("strip-photos")
    for step_type in types:
        draft = drafts.setdefault((step_type, ""), _Draft(step_type, ""))
        credit = finding.score * STEP_TYPES[step_type].mitigates
        draft.findings[finding.id] = max(draft.findings.get(finding.id, 0.0), credit)
        draft.categories.add(finding.category)
        draft.values.add(finding.key or finding.id)
        if step_type == "rotate-key":
            draft.how.append(
                key_rotation(finding.detail) if finding.rule == "api-key" else
                RULE_ADVICE[finding.rule][0]
            )  # fmt: skip
        elif finding.rule in RULE_ADVICE and step_type in (
            "change-password", "move-wallet", "replace-card", "bank-alerts",
        ):  # fmt: skip
            draft.how.append(RULE_ADVICE[finding.rule][0])


_PROTECT_HOW = {
    "retire-phone-2fa": PROTECT[(Category.PHONE, None)][0],
    "secure-email": PROTECT[(Category.EMAIL, None)][0],
    "credit-freeze": "Contact each national credit bureau (or your country's credit registry) "
    "and ask for a credit freeze or fraud alert; it is free in many countries.",
    "account-pins": PROTECT[(Category.BIRTHDATE, None)][1],
    "strip-photos": "`privaudit strip PHOTO…` writes copies without GPS or camera serials; "
    "share those instead of the originals.",
}


def _step(draft: _Draft) -> ActionStep:
    kind = STEP_TYPES[draft.type]
    if draft.items:
        count = len(draft.items)
        items = _items_phrase(list(draft.items.values()), count)
    else:
        count = len(draft.values) or len(draft.findings)
        one, many = ITEM_NOUN[_PROTECT_NOUN.get(draft.type, "other")]
        items = one if count == 1 else many
    action = kind.title.format(count=count, items=items, platform=platform_name(draft.platform))
    if draft.type == "delete-location-history":
        action = kind.title.format(
            count=f"{count:,}", items="position" if count == 1 else "positions",
            platform=platform_name(draft.platform),
        )  # fmt: skip
    how = _how(draft)
    effort = kind.minutes_fixed + kind.minutes_per_item * count
    risk = round(sum(draft.findings.values()))
    exposure = draft.exposure or Exposure.ACCOUNT
    digest = hashlib.blake2b(f"{draft.type}|{draft.platform}".encode(), digest_size=8)
    return ActionStep(
        id=digest.hexdigest(),
        type=draft.type,
        action=action,
        how=how,
        why=kind.why,
        platform=draft.platform,
        categories=sorted(draft.categories, key=lambda c: c.value),
        count=count,
        effort_minutes=round(effort, 1),
        risk_removed=risk,
        links=sorted(draft.items),
        finding_ids=sorted(draft.findings),
        residual=residual(draft.platform, exposure) if draft.items else "",
    )


def _how(draft: _Draft) -> str:
    if draft.how:
        return " ".join(dict.fromkeys(draft.how))
    if draft.type in _PROTECT_HOW:
        return _PROTECT_HOW[draft.type]
    if draft.type == "edit-profile":
        texts = [
            text
            for category in sorted(draft.categories, key=lambda c: c.value)
            for text in PROTECT.get((category, draft.platform), [])
        ]
        edit = PROFILE_EDIT.get(draft.platform, PROFILE_EDIT["generic"])
        return " ".join(dict.fromkeys([edit, *texts]))
    if draft.type == "clean-library":
        return LIBRARY_EDIT.get(draft.platform) or removal(draft.platform, Exposure.ACCOUNT)
    if draft.type == "review-account":
        # Account entries are settings, not posts, however visible they are: "delete the
        # post" would send the user looking for something that does not exist.
        return removal(draft.platform, Exposure.ACCOUNT)
    if draft.type == "delete-location-history":
        texts = PROTECT.get((Category.LOCATION, draft.platform), [])
        return texts[0] if texts else RULE_ADVICE["location-history"][0]
    return removal(draft.platform, draft.exposure or Exposure.ACCOUNT)


def _items_phrase(kinds: list[Kind], count: int) -> str:
    distinct = sorted({k.value for k in kinds})
    if len(distinct) == 1:
        one, many = ITEM_NOUN[distinct[0]]
        return one if count == 1 else many
    counts: dict[str, int] = defaultdict(int)
    for k in kinds:
        counts[k.value] += 1
    parts = ", ".join(
        f"{n} {ITEM_NOUN[k][0] if n == 1 else ITEM_NOUN[k][1]}"
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return f"items ({parts})"
