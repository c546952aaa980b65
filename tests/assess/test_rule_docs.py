"""docs/rules/ is generated from the rules' docstrings and must be up to date."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from privaudit.assess.rules import ALL_RULES, rule_doc, rules_table
from privaudit.detectors import RULES as DETECTOR_RULES

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_docs", ROOT / "tools/gen_rule_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_rules_is_up_to_date() -> None:
    stale = _tool().stale()
    assert not stale, f"run `python tools/gen_rule_docs.py` (stale: {', '.join(stale)})"


def test_generator_writes_what_the_check_expects(tmp_path: Path) -> None:
    tool = _tool()
    (tmp_path / "gone-rule.md").write_text("old")
    tool.write(tmp_path)
    assert tool.stale(tmp_path) == []
    assert not (tmp_path / "gone-rule.md").exists()
    (tmp_path / "phone-number.md").write_text("edited by hand")
    assert tool.stale(tmp_path) == ["phone-number.md"]


def test_rules_table_lists_detector_and_inference_rules() -> None:
    rows = rules_table()
    ids = [r.id for r in rows]
    assert set(ids) == set(ALL_RULES) and len(ids) == len(set(ids))
    assert set(DETECTOR_RULES) <= set(ids)
    for rule in ("inferred-home", "inferred-work", "reconstructed-birthdate",
                 "predictable-routine", "identity-theft-kit"):  # fmt: skip
        [row] = [r for r in rows if r.id == rule]
        assert row.category == "inference" and row.platforms == "all" and row.harm > 0
    [history] = [r for r in rows if r.id == "location-history"]
    assert history.platforms != "all" and "google" in history.platforms
    assert rows == sorted(rows, key=lambda r: (r.category, r.id))


def test_every_rule_is_documented_in_four_parts() -> None:
    for rule in ALL_RULES:
        doc = rule_doc(rule)
        for section in ("What it finds", "Why it matters", "Example", "How to fix"):
            assert section in doc, (rule, section)
