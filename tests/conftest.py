"""Test-wide settings: the compiled-timeline cache lives in a folder of the test session,
never in the user's ~/.cache (tests that study the cache set their own folder)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    import os

    os.environ.setdefault("CONSOLIDATE_CACHE", str(tmp_path_factory.mktemp("consolidate-cache")))
