"""One span, one finding: resolve matches that claim overlapping text.

Pattern tools report the same digits as a card and a phone, a date as a phone, an e-mail
also as a URL. privaudit keeps exactly one match for any stretch of text: the most
confident (validated beats context beats pattern), then the most harmful, then the longest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from privaudit.assess.hit import Hit


def _priority(hit: Hit) -> tuple[int, int, int]:
    match = hit.match
    length = (match.span[1] - match.span[0]) if match.span else 0
    return (match.confidence.rank, -match.harm, -length)


def resolve_overlaps(hits: Iterable[Hit]) -> list[Hit]:
    """The hits with overlapping spans in the same field reduced to the best one."""
    by_field: dict[tuple[str, str, str], list[Hit]] = defaultdict(list)
    kept: list[Hit] = []
    for hit in hits:
        if hit.match.span is None:
            kept.append(hit)
        else:
            by_field[(hit.record.archive, hit.record.path, hit.match.pointer)].append(hit)
    for group in by_field.values():
        if len(group) == 1:
            kept.extend(group)
            continue
        chosen: list[Hit] = []
        for hit in sorted(group, key=_priority):
            start, end = hit.match.span or (0, 0)
            if all(_disjoint((start, end), other.match.span or (0, 0)) for other in chosen):
                chosen.append(hit)
        kept.extend(chosen)
    return kept


def _disjoint(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[1] <= b[0] or b[1] <= a[0]
