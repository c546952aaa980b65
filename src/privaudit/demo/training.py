"""``TRAINING.md``: the trainer's answer key, written beside the demo archive.

It sits *beside* the archive, not inside it: inside, privaudit would scan it like any other
file and report the very numbers it lists.
"""

from __future__ import annotations

from collections.abc import Callable

from privaudit.demo.export import Export, Planted
from privaudit.demo.persona import Persona


def _in_profile(planted: Planted) -> bool:
    return planted.key.startswith("profile-")


def _in_posts(planted: Planted) -> bool:
    return not _in_profile(planted) and planted.exposure != "private"


def _in_messages(planted: Planted) -> bool:
    return planted.exposure == "private"


_SECTIONS: tuple[tuple[str, Callable[[Planted], bool]], ...] = (
    ("In the profile and account settings", _in_profile),
    ("In posts", _in_posts),
    ("In private messages", _in_messages),
)


def training_md(export: Export, persona: Persona, archive_name: str) -> str:
    """The answer key of ``export`` as Markdown."""
    p = persona
    lines = [
        f"# privaudit training demo — {export.title}",
        "",
        f"`{archive_name}` is a synthetic {export.title} export of **{p.name}** "
        f"(@{p.handle}), a fictional person, generated with seed {p.seed}. Nothing in it "
        "belongs to anyone: phone numbers are in the 555-0100 – 555-0199 block reserved for "
        "fiction, e-mail addresses end in `.mail` (a domain that does not exist), card "
        "numbers are in a payment-test range, the home position lies in open water, and "
        "names, streets and schools are invented.",
        "",
        "From this folder, scan it with:",
        "",
        "```",
        f"privaudit scan {archive_name}",
        "```",
        "",
        "Every mistake below is found by the rule named next to it; the look-alikes at the "
        "end are deliberately *not* reported. `member` and `pointer` are where the report "
        "points (`privaudit scan --format json`): the file inside the archive and the RFC "
        '6901 pointer to the field ("" for a photo file itself).',
        "",
    ]
    number = 0
    for title, wanted in _SECTIONS:
        chosen = [x for x in export.planted if wanted(x)]
        if not chosen:
            continue
        lines += [f"## {title}", "", "| # | mistake | rule | audience | where | excerpt |"]
        lines.append("|---|---|---|---|---|---|")
        for planted in chosen:
            number += 1
            lines.append(_row(number, planted))
        lines.append("")
    if export.inferred:
        lines += [
            "## What the archive gives away as a whole",
            "",
            "privaudit also reads the archive as a whole; together the items above allow:",
            "",
        ]
        lines += [f"* `{inf.rule}` — {inf.what}" for inf in export.inferred]
        lines.append("")
    lines += [
        "## Look-alikes that are not mistakes (must not be reported)",
        "",
        "| item | where | why it is fine |",
        "|---|---|---|",
    ]
    for decoy in export.decoys:
        lines.append(
            f"| {_cell(decoy.excerpt)} | `{decoy.member}` `{decoy.pointer}` | {_cell(decoy.why)} |"
        )
    lines.append("")
    if export.notes:
        lines += ["## Notes", ""]
        lines += [f"* {note}" for note in export.notes]
        lines.append("")
    lines += [
        "## Discussion prompts",
        "",
        "* Which three findings would you fix first, and why? (Compare with the action plan.)",
        "* Which mistakes were in private messages? Who could still see them?",
        "* Each of the holiday post and the home address is a finding. What do they say together?",
        "* What did the photos say that their captions did not?",
        "",
    ]
    return "\n".join(lines)


def _row(number: int, planted: Planted) -> str:
    where = f"`{planted.member}` `{planted.pointer}`" if planted.pointer else f"`{planted.member}`"
    return (
        f"| {number} | {_cell(planted.mistake)} | `{planted.rule}` | {planted.exposure} | "
        f"{where} | {_cell(planted.excerpt)} |"
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
