"""Shared fixtures: the small test knowledge base and a way to break it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from bot.knowledge.loader import load_knowledge_base
from bot.knowledge.schema import KnowledgeBase

FIXTURE_GUIDANCE = Path(__file__).parent / "fixtures" / "guidance"


@pytest.fixture
def fixture_kb() -> KnowledgeBase:
    """The valid test knowledge base in tests/fixtures/guidance."""
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
