"""``privaudit demo``: a synthetic export of a fictional person, for training.

Social-media-policy training must never use anyone's real data. :func:`write_demo` writes
a realistic export of an invented persona — in the real file layout of the chosen
platform, read by privaudit exactly like a real download — full of the mistakes people
typically make: a birthday post that gives away the year, a phone number and e-mail in
public posts, the home address in a party invitation, "house empty for two weeks", photos
whose GPS points at home, and private messages with the Wi-Fi password, a one-time code
given to a fake support account, an API token, a card number, a boss insult, a diagnosis,
a drunk night and a child's school and pick-up time. Ordinary posts and look-alikes
(a business's toll-free number, a health news story, dates that are not birthdays, a
payment provider's test card) make the report believable and show that privaudit does not
cry wolf.

Beside the archive, ``TRAINING.md`` is the trainer's answer key: every planted mistake
with the rule that catches it and where the report will point, and every look-alike that
must not be reported. The same seed always writes the same bytes.

See ``docs/demo.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from privaudit.demo import facebook, google, instagram, linkedin, x
from privaudit.demo.export import DemoError, Export, write_export
from privaudit.demo.persona import Story, make_persona, make_story
from privaudit.demo.training import training_md

__all__ = ["PLATFORMS", "DemoError", "build_demo", "write_demo"]

_BUILDERS: dict[str, Callable[[Story], Export]] = {
    "x": x.build,
    "facebook": facebook.build,
    "instagram": instagram.build,
    "google": google.build,
    "linkedin": linkedin.build,
}

PLATFORMS: tuple[str, ...] = tuple(_BUILDERS)
"""Platforms a demo archive can be written for (``privaudit demo DIR --platform …``)."""

TRAINING_FILE = "TRAINING.md"


def build_demo(platform: str = "x", *, seed: int = 0) -> Export:
    """The demo export of ``platform`` for ``seed`` in memory (files and answer key)."""
    builder = _BUILDERS.get(platform.lower())
    if builder is None:
        raise DemoError(f"no demo for platform {platform!r}; choose one of: {', '.join(PLATFORMS)}")
    return builder(make_story(make_persona(seed)))


def write_demo(out_dir: Path, platform: str = "x", *, zipped: bool = False, seed: int = 0) -> Path:
    """Write the demo archive of ``platform`` and its ``TRAINING.md`` into ``out_dir``.

    ``out_dir`` is created when missing and must be empty otherwise (nothing is ever
    overwritten). Returns the path of the archive — a folder, or a ``.zip`` with
    ``zipped`` — which is what ``privaudit scan`` takes. Raises :class:`DemoError` with a
    plain-language message when the platform is unknown or the directory is unusable.
    """
    export = build_demo(platform, seed=seed)
    out_dir = Path(out_dir)
    _prepare(out_dir)
    try:
        archive = write_export(export, out_dir, zipped)
        persona = make_persona(seed)
        (out_dir / TRAINING_FILE).write_text(
            training_md(export, persona, archive.name), encoding="utf-8"
        )
    except OSError as exc:
        raise DemoError(f"could not write the demo into {out_dir}: {_reason(exc)}") from None
    return archive


def _prepare(out_dir: Path) -> None:
    """Create ``out_dir``, or check that it is an empty directory."""
    try:
        if out_dir.exists() or out_dir.is_symlink():
            if not out_dir.is_dir():
                raise DemoError(f"{out_dir} exists and is not a directory")
            if any(out_dir.iterdir()):
                raise DemoError(
                    f"{out_dir} is not empty: choose a new or empty directory for the demo "
                    "(nothing is ever overwritten)"
                )
            return
        out_dir.mkdir(parents=True)
    except OSError as exc:
        raise DemoError(f"could not use {out_dir} for the demo: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
