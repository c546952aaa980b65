"""Replays every crash the fuzz tests found (``fixtures/hostile/regressions.json``).

An entry with ``xfail`` is a crash in code outside the hardening scope, reported and not yet
fixed: it is expected to fail, strictly, so the fix shows up as an unexpected pass and the
marker is removed then.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.fuzz.test_fuzz_readers import _copy, check
from tests.helpers import FIXTURES

HOSTILE = FIXTURES / "hostile"
REGRESSIONS: list[dict[str, Any]] = json.loads((HOSTILE / "regressions.json").read_text())


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
    return pytest.param(case, id=case["file"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in REGRESSIONS])
def test_regression(case: dict[str, Any], tmp_path: Path) -> None:
    root = _copy(FIXTURES / case["fixture"], tmp_path)
    shutil.copyfile(HOSTILE / case["file"], root / case["member"])
    check(root)
