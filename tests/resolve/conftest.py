"""Shared fixtures for the resolve tests: one compiled gazetteer per session.

The index is built once per data version into the normal cache directory (``$EVENTWATCH_GAZETTEER_CACHE``
or ``~/.cache/eventwatch``), so only the first run on a machine pays the ~25 s build.
"""
from __future__ import annotations

import pytest

from eventwatch.resolve.gazetteer import Gazetteer
from eventwatch.resolve.places import PlaceResolver


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)
