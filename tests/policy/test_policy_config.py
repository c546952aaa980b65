"""The policy file: discovery, every key, and one plain error line for every mistake."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from privaudit.assess.rules import ALL_RULES
from privaudit.model import Severity
from privaudit.policy.config import ConfigError, Policy, discover_policy, find_config, load_policy

DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_documented_full_example_loads(tmp_path: Path) -> None:
    block = re.search(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert block is not None
    policy = load_policy(_write(tmp_path, "privaudit.toml", block.group(1)))
    assert policy.fail_on == "high" and policy.min_severity is Severity.LOW
    assert policy.org_keywords == ("Project Falcon", "Globex")
    assert policy.phone_region == "US"
    assert {"device-name", "predictable-routine"} <= policy.disabled
    assert policy.severity == {"email-address": Severity.LOW, "api-key": Severity.CRITICAL}
    assert "press@example.com" in policy.allow_values
    assert policy.allow_by_rule["home-address"] == ("1600 Example Ave, Springfield",)


def test_enable_is_an_allow_list_and_disable_wins(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "privaudit.toml",
        '[rules]\nenable = ["phone-number", "email-address"]\ndisable = ["email-address"]\n',
    )
    policy = load_policy(path)
    assert set(ALL_RULES) - policy.disabled == {"phone-number"}


def test_pyproject_table_is_read_with_its_prefix_in_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "pyproject.toml", '[tool.privaudit.rules]\ndisable = ["jwt"]\n')
    assert load_policy(path).disabled == {"jwt"}
    _write(tmp_path, "pyproject.toml", '[tool.privaudit.rules]\ndisabel = ["jwt"]\n')
    with pytest.raises(ConfigError, match=r"\[tool\.privaudit\.rules\].*did you mean 'disable'"):
        load_policy(path)
    _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool\.privaudit\] table"):
        load_policy(path)


def test_discovery_walks_up_and_prefers_privaudit_toml(tmp_path: Path) -> None:
    home = tmp_path / "home"
    deep = home / "work" / "exports" / "2024"
    deep.mkdir(parents=True)
    assert find_config(deep, home=home) is None
    _write(home / "work", "pyproject.toml", "[project]\nname = 'x'\n")  # no table: passed over
    assert find_config(deep, home=home) is None
    _write(home, "pyproject.toml", "[tool.privaudit]\nfail-on = 'none'\n")
    assert find_config(deep, home=home) == (home / "pyproject.toml").resolve()
    _write(home / "work", "privaudit.toml", "")
    assert find_config(deep, home=home) == (home / "work" / "privaudit.toml").resolve()


def test_discovery_stops_at_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "sub").mkdir(parents=True)
    _write(tmp_path, "privaudit.toml", "")  # above home: not looked at
    assert find_config(home / "sub", home=home) is None
    assert find_config(tmp_path / "home" / "sub", home=tmp_path / "elsewhere") is not None


def test_discover_policy_explicit_missing_and_no_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        discover_policy(tmp_path / "nope.toml")
    _write(tmp_path, "privaudit.toml", "fail-on = 'none'\n")
    monkeypatch.chdir(tmp_path)
    assert discover_policy(None).fail_on == "none"
    assert discover_policy(None, search=False) == Policy()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "disabel = 1\n",
            "unknown key 'disabel' in the top level (did you mean 'disable' in [rules]?)",
        ),
        ("fail_on = 'high'\n", "did you mean 'fail-on'?"),
        (
            "[rules]\ndisable = ['phone-numbr']\n",
            "unknown rule 'phone-numbr' in [rules] disable (did you mean 'phone-number'?)",
        ),
        ("[rules]\ndisable = 3\n", "'disable' in [rules] must be a list of rule ids, not a number"),
        ("[rules]\ndisable = [3]\n", "3 is a number"),
        ("[rules]\nenable = ['nope-rule']\n", "unknown rule 'nope-rule'"),
        (
            "[rules.severity]\nphone-number = 'hgh'\n",
            "'hgh' is not one of critical, high, medium, low, info (did you mean 'high'?)",
        ),
        ("[rules.severity]\nphone-number = 3\n", "must be one of critical"),
        (
            "[rules.severity]\nphone-numbers = 'low'\n",
            "unknown rule 'phone-numbers' in [rules.severity]",
        ),
        ("rules = 'all'\n", "'rules' in the top level must be a table, not text"),
        ("[allow]\nvalue = ['x']\n", "did you mean 'values'?"),
        ("[allow]\nvalues = ['']\n", "has an empty value"),
        ("[allow.by-rule]\nphone = ['x']\n", "unknown rule 'phone'"),
        ("fail-on = 'severe'\n", "'severe' is not one of critical, high, medium, low, info, none"),
        ("min-severity = 'none'\n", "'none' is not one of critical, high, medium, low, info"),
        ("phone-region = 'USA'\n", "'USA' is not a region code"),
        ("phone-region = 1\n", "must be a region code"),
        ("org-keywords = {a = 1}\n", "must be a list of words or names, not a table"),
        ("fail-on = \n", "is not valid TOML"),
    ],
)
def test_mistakes_are_one_plain_line(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, "privaudit.toml", text)
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    message = str(info.value)
    assert expected in message
    assert message.startswith(str(path)) and "\n" not in message


def test_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "privaudit.toml"
    bad.write_bytes(b"fail-on = '\xff\xfe'\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_policy(bad)
    with pytest.raises(ConfigError, match="is a folder"):
        load_policy(tmp_path)


def test_single_string_where_a_list_is_meant_and_case_of_names(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "privaudit.toml",
        "org-keywords = 'Globex'\nphone-region = 'de'\nmin-severity = 'HIGH'\n",
    )
    policy = load_policy(path)
    assert policy.org_keywords == ("Globex",)
    assert policy.phone_region == "DE" and policy.min_severity is Severity.HIGH
    assert policy.empty  # nothing that changes findings after assessment


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "privaudit.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_policy(fifo)


def test_broken_pyproject_of_another_tool_is_passed_over(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "project").mkdir(parents=True)
    (home / "project" / "pyproject.toml").write_text("[project\nname = ")
    assert find_config(home / "project", home=home) is None
    (home / "project" / "pyproject.toml").write_text("[tool.privaudit]\nfail-on = ")
    with pytest.raises(ConfigError, match="not valid TOML"):
        find_config(home / "project", home=home)
