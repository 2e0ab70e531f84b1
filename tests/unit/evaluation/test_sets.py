"""Every evaluation set speaks the labels the assistant's replies use, so a miss is a real miss."""

from __future__ import annotations

from typing import Any, Dict, Iterator, Tuple

import pytest

from bot.knowledge import get_knowledge_base
from bot.knowledge.schema import AGE_BANDS, TOPICS
from tests.evaluation import parents

KINDS = {"guidance", "crisis", "clarify", "chitchat", "out_of_scope"}
CRISIS_CATEGORIES = {
    "solicitation", "sextortion", "image_shared", "covert_recording", "meeting_or_missing",
    "self_harm", "abuse_material",
}  # fmt: skip


def _expectations() -> Iterator[Tuple[str, Dict[str, Any]]]:
    for question_set in parents.question_sets():
        for row in question_set.rows:
            yield question_set.name, row
    for conversation_set in parents.conversation_sets():
        for conversation in conversation_set.conversations:
            for turn in conversation["turns"]:
                yield conversation_set.name, turn


def test_every_expectation_uses_known_kinds_topics_apps_ages_and_countries() -> None:
    kb = get_knowledge_base()
    unknown = []
    for name, row in _expectations():
        problems = [k for k in row["kinds"] if k not in KINDS]
        problems += [t for t in row.get("topics") or [] if t not in TOPICS]
        if row.get("platform") is not None and row["platform"] not in kb.platforms:
            problems.append(row["platform"])
        if row.get("age_band") is not None and row["age_band"] not in AGE_BANDS:
            problems.append(row["age_band"])
        if row.get("country") is not None and row["country"] not in kb.countries:
            problems.append(row["country"])
        if problems:
            unknown.append((name, row["text"], problems))
    assert unknown == []


@pytest.mark.parametrize("crisis_set", parents.crisis_sets(), ids=lambda s: s.name)
def test_crisis_sets_name_a_known_category_and_why_a_negative_is_one(crisis_set) -> None:
    assert all(row.get("category") in CRISIS_CATEGORIES for row in crisis_set.crises)
    assert all(str(row.get("why") or "").strip() for row in crisis_set.not_crises)
