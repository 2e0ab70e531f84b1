"""No reply may blame or shame a child: every template and guidance text is scanned."""

from __future__ import annotations

import re
from typing import Iterator, Tuple

import pytest
import yaml

from bot.knowledge import get_knowledge_base
from bot.paths import ROOT
from bot.replies import templates

# Phrasings that put blame or shame on the child (or that judge the parent for it).
BLAMING = [
    r"why did (?:your|the) (?:child|son|daughter|kid|teen)",
    r"should have known",
    r"should(?:n'?t| not) have (?:sent|shared|talked|gone|posted|trusted)",
    r"(?:their|his|her|your) own fault",
    r"(?:is|was|it'?s) (?:partly )?(?:their|his|her|your child'?s) fault",
    r"asked for it",
    r"brought (?:it|this) on",
    r"(?:careless|foolish|stupid|naive|reckless) (?:of|to|child|kid|teen|behaviou?r)",
    r"what were they thinking",
    r"(?:punish|ground|confiscate)\w* (?:them|him|her|your child)",
    r"take (?:away )?(?:their|his|her) (?:phone|device)s? (?:away )?as (?:a )?punishment",
    r"(?:irresponsible|naughty|bad) (?:child|kid|teen|behaviou?r)",
    r"(?:ashamed|embarrassed) of (?:them|him|her|your child)",
    r"(?<!never the )(?<!not the )victim'?s fault",
    r"teach (?:them|him|her) a lesson",
]
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in BLAMING]


def texts() -> Iterator[Tuple[str, str]]:
    kb = get_knowledge_base()
    for entry in kb.entries:
        yield f"{entry.file}:{entry.id}", " ".join([entry.answer, *entry.steps])
    for category, guidance in kb.crisis.items():
        yield f"crisis.yml:{category}", " ".join(guidance.steps)
    for name, text in templates().items():
        yield f"templates.yml:{name}", text
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text()) or {}).get("responses", {}).items():
            for variant in variants:
                yield f"{path.name}:{name}", str(variant.get("text", ""))


ALL_TEXTS = list(texts())


def test_everything_the_assistant_says_is_scanned() -> None:
    sources = {where.split(":")[0] for where, _ in ALL_TEXTS}
    assert {"templates.yml", "crisis.yml", "conversation.yml", "sextortion.yml"} <= sources
    assert len(ALL_TEXTS) > 100


@pytest.mark.parametrize("where, text", ALL_TEXTS, ids=[w for w, _ in ALL_TEXTS])
def test_no_victim_blaming_or_shaming(where: str, text: str) -> None:
    found = [p.pattern for p in _PATTERNS if p.search(text)]
    assert found == [], f"{where}: {found}"


@pytest.mark.parametrize(
    "text",
    [
        "Why did your child send that?",
        "She should have known better.",
        "It was his own fault.",
        "It is partly the victim's fault.",
    ],
)
def test_the_scan_catches_blaming_phrasing(text: str) -> None:
    assert any(p.search(text) for p in _PATTERNS)
