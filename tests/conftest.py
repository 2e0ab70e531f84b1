"""What every test shares: markers set by folder, the small test knowledge base.

A test's folder says what it needs, and sets its marker (``make test-<tier>`` and
``pytest -m`` select by either):

- ``unit/``: nothing but the code (no model, browser or services); mirrors bot/, actions/
  and launcher/, and the eval and bench tools' own code;
- ``model/``: the trained model (``model``);
- ``server/``: the real action server and Rasa server (``server``);
- ``browser/``: Chromium and a server (``browser``);
- ``scale/``: the cluster behind nginx on PostgreSQL and Redis (``scale``);
- ``evaluation/`` and ``benchmark/``: short runs of `make eval` and `make bench` (``eval``,
  ``bench``).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, List

import pytest

from bot.knowledge.loader import load_knowledge_base
from bot.knowledge.schema import KnowledgeBase
from tests.harness.paths import FIXTURE_GUIDANCE

TESTS = Path(__file__).parent
MARKER_BY_FOLDER = {
    "model": "model",
    "server": "server",
    "browser": "browser",
    "scale": "scale",
    "evaluation": "eval",
    "benchmark": "bench",
}


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder in MARKER_BY_FOLDER:
            item.add_marker(MARKER_BY_FOLDER[folder])


@pytest.fixture
def fixture_kb() -> KnowledgeBase:
    """The valid test knowledge base in tests/data/fixtures/guidance."""
    return load_knowledge_base(FIXTURE_GUIDANCE)


@pytest.fixture
def guidance_copy(tmp_path: Path) -> Callable[[str, str, str], Path]:
    """Copy the fixture folder, replacing one exact piece of text in one file."""

    def make(file: str, old: str, new: str) -> Path:
        folder = tmp_path / "guidance"
        shutil.copytree(FIXTURE_GUIDANCE, folder)
        target = folder / file
        text = target.read_text(encoding="utf-8")
        assert old in text, f"fixture text not found in {file}: {old!r}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
        return folder

    return make
