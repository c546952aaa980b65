"""Shared pytest fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import X_FOLDER, X_ZIP


@pytest.fixture
def x_folder() -> Path:
    return X_FOLDER


@pytest.fixture
def x_zip() -> Path:
    return X_ZIP
