"""Write docs/rules/ from the rules' module docstrings.

Usage: python tools/gen_rule_docs.py [--check]

Every rule (detector and inference) gets docs/rules/<rule>.md, and docs/rules/README.md is
the index. With --check nothing is written; the exit code is 1 when a page is stale or
missing, or an extra page exists (tests/assess/test_rule_docs.py runs the same check).
"""

from __future__ import annotations

import sys
from pathlib import Path

from privaudit.assess.rules import rule_pages

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def stale(folder: Path = DOCS) -> list[str]:
    """File names under ``folder`` that differ from what the docstrings generate."""
    pages = rule_pages()
    wrong = [
        name
        for name, text in pages.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    extra = sorted(p.name for p in folder.glob("*.md") if p.name not in pages)
    return sorted(wrong) + extra


def write(folder: Path = DOCS) -> None:
    """(Re)write every page and remove pages of rules that no longer exist."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = rule_pages()
    for path in folder.glob("*.md"):
        if path.name not in pages:
            path.unlink()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if "--check" in argv:
        problems = stale()
        for name in problems:
            print(f"docs/rules/{name} is stale: run python tools/gen_rule_docs.py")
        return 1 if problems else 0
    write()
    print(f"wrote {len(rule_pages())} files to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
