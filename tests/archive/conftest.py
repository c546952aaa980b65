"""Fixtures for the archive tests: every input is built in tmp_path at test time."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.archive.archive_builders import CONTENT, Builder, tar_bytes, zip_bytes


@pytest.fixture
def make_zip(tmp_path: Path) -> Builder:
    def build(
        files: Mapping[str, bytes] = CONTENT,
        name: str = "export.zip",
        method: int = zipfile.ZIP_DEFLATED,
    ) -> Path:
        path = tmp_path / name
        path.write_bytes(zip_bytes(files, method))
        return path

    return build


@pytest.fixture
def make_tar(tmp_path: Path) -> Builder:
    def build(
        files: Mapping[str, bytes] = CONTENT,
        name: str = "export.tar.gz",
        mode: str = "w:gz",
        prefix: str = "",
    ) -> Path:
        path = tmp_path / name
        path.write_bytes(tar_bytes(files, mode, prefix))
        return path

    return build
