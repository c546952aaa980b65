"""The policy file: ``privaudit.toml`` or ``[tool.privaudit]`` in ``pyproject.toml``.

Found from the current folder upward (stopping at the home folder or the filesystem root),
or named with ``--config FILE``. Every mistake — a misspelt key, an unknown rule id, a wrong
type, a severity that does not exist — is a :class:`ConfigError` with one plain sentence
that names the file and, where one is close, the key the user probably meant.
docs/configuration.md documents every key with a full example.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import phonenumbers as pn

from privaudit.assess.rules import ALL_RULES
from privaudit.model import Severity

CONFIG_NAME = "privaudit.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON_NONE = "none"

_TOP_KEYS = ("fail-on", "min-severity", "org-keywords", "phone-region", "rules", "allow")
_RULES_KEYS = ("enable", "disable", "severity")
_ALLOW_KEYS = ("values", "by-rule")
_SEVERITIES = tuple(level.value for level in Severity)
_NESTED = {"rules": _RULES_KEYS, "allow": _ALLOW_KEYS}


class ConfigError(Exception):
    """The policy file cannot be used; the message is one plain sentence."""


@dataclass(frozen=True, slots=True)
class Policy:
    """What the user configured. The empty policy changes nothing."""

    source: Path | None = None
    """The file it was read from (None for the empty policy)."""
    disabled: frozenset[str] = frozenset()
    """Rule ids that never report: ``disable``, plus every rule outside ``enable`` if given."""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Rule id → severity the user set for that rule's findings."""
    allow_values: tuple[str, ...] = ()
    """Values never reported, whatever rule finds them (compared normalised)."""
    allow_by_rule: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Rule id → values never reported by that rule."""
    org_keywords: tuple[str, ...] = ()
    """Organisation words (codenames, clients) for the workplace rules."""
    phone_region: str | None = None
    """Region (``US``, ``DE``) for allow-listed phone numbers written without a country code."""
    fail_on: str | None = None
    """Default for ``--fail-on``: a severity or ``none``."""
    min_severity: Severity | None = None
    """Default for ``--min-severity``."""

    @property
    def name(self) -> str:
        """Short name of the source for notes ("privaudit.toml")."""
        return self.source.name if self.source else "no policy file"

    @property
    def empty(self) -> bool:
        return not (self.disabled or self.severity or self.allow_values or self.allow_by_rule)


def find_config(start: Path | None = None, home: Path | None = None) -> Path | None:
    """The nearest ``privaudit.toml`` or ``pyproject.toml`` with ``[tool.privaudit]``.

    Searched from ``start`` (the current folder) upward; the home folder is the last one
    looked at when ``start`` is inside it, the filesystem root otherwise.
    """
    here = (start or Path.cwd()).resolve()
    stop = (home or Path.home()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if folder == stop:
            break
    return None


def load_policy(path: Path) -> Policy:
    """Read and validate one policy file (``privaudit.toml`` or a ``pyproject.toml``)."""
    data = _read_toml(path)
    where = ""
    if path.name == PYPROJECT:
        tool = data.get("tool")
        table = tool.get("privaudit") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: has no [tool.privaudit] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.privaudit must be a table")
        data, where = table, "tool.privaudit"
    return _parse(data, _Context(path, where))


def discover_policy(explicit: Path | None, *, search: bool = True) -> Policy:
    """The policy named with ``--config``, else the discovered one, else the empty policy."""
    if explicit is not None:
        return load_policy(explicit)
    if not search:
        return Policy()
    found = find_config()
    return load_policy(found) if found is not None else Policy()


# --- parsing ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    path: Path
    table: str
    """Dotted name of the table being read ("" for the top level)."""

    def child(self, name: str) -> _Context:
        return _Context(self.path, f"{self.table}.{name}" if self.table else name)

    def fail(self, message: str) -> ConfigError:
        return ConfigError(f"{self.path}: {message}")

    @property
    def label(self) -> str:
        return f"[{self.table}]" if self.table else "the top level"


def _read_toml(path: Path) -> dict[str, Any]:
    if path.exists() and not path.is_file() and not path.is_dir():
        raise ConfigError(f"{path}: is not a regular file")  # a FIFO or device would block
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a policy file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: is not valid TOML ({exc})") from None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml found on the way up configures privaudit.

    A broken one that mentions ``tool.privaudit`` is the user's policy and is reported; any
    other broken or unreadable pyproject.toml (another project's, perhaps mid-edit) is not
    privaudit's business and is passed over.
    """
    try:
        data = _read_toml(path)
    except ConfigError:
        try:
            mentions = b"tool.privaudit" in path.read_bytes()
        except OSError:
            return False
        if mentions:
            raise
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "privaudit" in tool


def _parse(data: dict[str, Any], ctx: _Context) -> Policy:
    _check_keys(data, _TOP_KEYS, ctx)
    rules = _table(data, "rules", ctx)
    allow = _table(data, "allow", ctx)
    rules_ctx, allow_ctx = ctx.child("rules"), ctx.child("allow")
    _check_keys(rules, _RULES_KEYS, rules_ctx)
    _check_keys(allow, _ALLOW_KEYS, allow_ctx)

    disabled = set(_rule_list(rules, "disable", rules_ctx))
    if "enable" in rules:
        enabled = set(_rule_list(rules, "enable", rules_ctx))
        disabled |= set(ALL_RULES) - enabled

    severity_ctx = rules_ctx.child("severity")
    severity: dict[str, Severity] = {}
    for rule, level in _table(rules, "severity", rules_ctx).items():
        _check_rule(rule, severity_ctx, f"{severity_ctx.label}")
        severity[rule] = _severity(level, severity_ctx, rule)

    by_rule_ctx = allow_ctx.child("by-rule")
    by_rule: dict[str, tuple[str, ...]] = {}
    for rule, values in _table(allow, "by-rule", allow_ctx).items():
        _check_rule(rule, by_rule_ctx, by_rule_ctx.label)
        by_rule[rule] = _strings({rule: values}, rule, by_rule_ctx, "a list of values")

    fail_on: str | None = None
    if "fail-on" in data:
        fail_on = _choice(data["fail-on"], (*_SEVERITIES, FAIL_ON_NONE), ctx, "fail-on")
    min_severity: Severity | None = None
    if "min-severity" in data:
        min_severity = _severity(data["min-severity"], ctx, "min-severity")

    region: str | None = None
    if "phone-region" in data:
        value = data["phone-region"]
        if not isinstance(value, str):
            raise ctx.fail(f"'phone-region' must be a region code like \"US\", not {_kind(value)}")
        region = value.strip().upper()
        if region not in pn.SUPPORTED_REGIONS:
            raise ctx.fail(
                f"'phone-region' {value!r} is not a region code (two letters, like US or DE)"
                + _hint(region, sorted(pn.SUPPORTED_REGIONS))
            )

    return Policy(
        source=ctx.path,
        disabled=frozenset(disabled),
        severity=severity,
        allow_values=_strings(allow, "values", allow_ctx, "a list of values"),
        allow_by_rule=by_rule,
        org_keywords=_strings(data, "org-keywords", ctx, "a list of words or names"),
        phone_region=region,
        fail_on=fail_on,
        min_severity=min_severity,
    )


def _check_keys(table: dict[str, Any], known: tuple[str, ...], ctx: _Context) -> None:
    for key in table:
        if key in known:
            continue
        hint = _hint(key, known)
        if not hint and ctx.table in ("", "tool.privaudit"):
            # A key of a sub-table written at the top level: `disable = [...]` without [rules].
            nested = {k: section for section, keys in _NESTED.items() for k in keys}
            close = difflib.get_close_matches(key.replace("_", "-").lower(), nested, 1, 0.6)
            if close:
                section = ctx.child(nested[close[0]]).label
                hint = f" (did you mean {close[0]!r} in {section}?)"
        raise ctx.fail(f"unknown key {key!r} in {ctx.label}{hint}")


def _table(data: dict[str, Any], key: str, ctx: _Context) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ctx.fail(f"{key!r} in {ctx.label} must be a table, not {_kind(value)}")
    return value


def _strings(data: dict[str, Any], key: str, ctx: _Context, what: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]  # a single value where a list was meant is still clear
    if not isinstance(value, list):
        raise ctx.fail(f"{key!r} in {ctx.label} must be {what}, not {_kind(value)}")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise ctx.fail(f"{key!r} in {ctx.label} must be {what}; {item!r} is {_kind(item)}")
        if not item.strip():
            raise ctx.fail(f"{key!r} in {ctx.label} has an empty value")
        out.append(item.strip())
    return tuple(out)


def _rule_list(data: dict[str, Any], key: str, ctx: _Context) -> tuple[str, ...]:
    rules = _strings(data, key, ctx, "a list of rule ids")
    for rule in rules:
        _check_rule(rule, ctx, f"{ctx.label} {key}")
    return rules


def _check_rule(rule: str, ctx: _Context, where: str) -> None:
    if rule not in ALL_RULES:
        raise ctx.fail(
            f"unknown rule {rule!r} in {where}"
            + _hint(rule, tuple(ALL_RULES))
            + "; `privaudit rules` lists them"
        )


def _severity(value: Any, ctx: _Context, key: str) -> Severity:
    return Severity(_choice(value, _SEVERITIES, ctx, key))


def _choice(value: Any, choices: tuple[str, ...], ctx: _Context, key: str) -> str:
    if not isinstance(value, str):
        raise ctx.fail(
            f"{key!r} in {ctx.label} must be one of {', '.join(choices)}, not {_kind(value)}"
        )
    text = value.strip().lower()
    if text not in choices:
        raise ctx.fail(
            f"{key!r} in {ctx.label}: {value!r} is not one of {', '.join(choices)}"
            + _hint(text, choices)
        )
    return text


def _hint(word: str, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(word.replace("_", "-").lower(), known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _kind(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)
