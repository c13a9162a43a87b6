"""Fixtures for the minutes documents (PDF and Word): the 22 June 2022 meeting of seed 002, fully
minuted. Kept in this folder so its ``db`` replaces the empty one only for these tests."""

from __future__ import annotations

import pytest

from tests.minutes_data import SeedCache

HEADER = "SAFER SEFTON TOGETHER- WEDNESDAY 22ND JUNE, 2022"


@pytest.fixture(scope="module")
def seed_cache(tmp_path_factory: pytest.TempPathFactory) -> SeedCache:
    return SeedCache(tmp_path_factory.mktemp("seed"))


@pytest.fixture
def seeded(seed_cache: SeedCache, tmp_path):  # type: ignore[no-untyped-def]
    database, seed = seed_cache.copy(tmp_path / "minutes.db")
    yield database, seed
    database.dispose()


@pytest.fixture
def db(seeded):  # type: ignore[no-untyped-def]
    """The minuted meeting's database (overrides the empty database of tests/conftest.py)."""
    return seeded[0]


@pytest.fixture
def seed(seeded):  # type: ignore[no-untyped-def]
    return seeded[1]
