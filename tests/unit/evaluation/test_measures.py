"""The shared measures on hand-made parse results: no model is loaded."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import pytest

from tests.evaluation.measures import (
    EntityScores,
    HeldOut,
    crisis_recall,
    false_crisis,
    held_out,
    in_scope_guidance,
    non_crisis,
    offtopic_without_guidance,
    outcome,
    platform_entity_scores,
    share_of,
)


def parsed(
    text: str,
    intent: str,
    platforms: Sequence[str] = (),
    ranking: Optional[List[Dict[str, Any]]] = None,
) -> Dict[str, Any]:
    """A parse result as Agent.parse_message returns it, with only what the measures read."""
    return {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": "platform", "value": p} for p in platforms],
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}],
    }


@pytest.mark.parametrize(
    "result, expected",
    [
        (parsed("x", "report_crisis"), "crisis"),
        (parsed("how much screen time should my son have", "ask_screen_time"), "guidance"),
        (parsed("is it safe", "ask_platform_safety", ["roblox"]), "guidance"),
        (
            parsed(
                "what is it like for kids",
                "ask_platform_safety",
                ranking=[
                    {"name": "ask_platform_safety", "confidence": 0.6},
                    {"name": "ask_online_gaming", "confidence": 0.3},
                ],
            ),
            "guidance",
        ),
        (
            parsed(
                "is he ok with that",
                "nlu_fallback",
                ranking=[{"name": "nlu_fallback", "confidence": 0.3}],
            ),
            "clarify",
        ),
        (parsed("what is the weather in paris", "out_of_scope"), "out_of_scope"),
        (parsed("book me a table for two", "nlu_fallback"), "out_of_scope"),
        (parsed("hello", "greet"), "greet"),
    ],
)
def test_outcome_is_what_the_assistant_does(result, expected: str) -> None:
    assert outcome(result) == expected


def test_held_out_strips_platform_markup_and_keeps_the_app_ids(tmp_path: Path) -> None:
    path = tmp_path / "test_nlu.yml"
    path.write_text(
        "nlu:\n- intent: ask_platform_safety\n  examples: |\n"
        '    - is [robolox]{"entity": "platform", "value": "roblox"} ok with '
        '[yt]{"entity": "platform", "value": "youtube"}\n'
        "    - no apps here\n",
        encoding="utf-8",
    )
    assert held_out(path) == [
        HeldOut("ask_platform_safety", "is robolox ok with yt", ["roblox", "youtube"]),
        HeldOut("ask_platform_safety", "no apps here", []),
    ]


def test_share_splits_texts_and_counts_outcomes() -> None:
    results = [parsed("a", "report_crisis"), parsed("b", "greet"), parsed("c", "greet")]
    share = share_of(results, lambda o: o == "crisis")
    assert share.matching == ("a",) and share.others == ("b", "c")
    assert share.total == 3 and share.rate == pytest.approx(1 / 3)
    assert share.outcomes == {"crisis": 1, "greet": 2}


def test_an_empty_share_has_no_rate() -> None:
    assert share_of([], lambda o: True).rate is None


def test_in_scope_guidance_counts_only_guidance_questions() -> None:
    a, b = "how long should my son be online", "is it good for my daughter"
    rows = [
        HeldOut("ask_screen_time", a, []),
        HeldOut("ask_platform_safety", b, []),
        HeldOut("greet", "c", []),
    ]
    results = [parsed(a, "ask_screen_time"), parsed(b, "out_of_scope"), parsed("c", "greet")]
    share = in_scope_guidance(rows, results)
    assert share.total == 2 and share.matching == (a,) and share.others == (b,)


def test_crisis_measures_read_the_crisis_outcome() -> None:
    results = [parsed("a", "report_crisis"), parsed("b", "ask_sextortion")]
    assert crisis_recall(results).others == ("b",)
    assert false_crisis(results).matching == ("a",)


def test_non_crisis_leaves_out_messages_labelled_as_crisis() -> None:
    rows = [HeldOut("report_crisis", "a", []), HeldOut("ask_grooming", "b", [])]
    results = [parsed("a", "report_crisis"), parsed("b", "report_crisis")]
    assert [p["text"] for p in non_crisis(rows, results)] == ["b"]


def test_offtopic_counts_neither_guidance_nor_crisis() -> None:
    results = [
        parsed("a", "out_of_scope"),
        parsed("screen time for my son", "ask_screen_time"),
        parsed("c", "report_crisis"),
        parsed("d", "nlu_fallback"),
    ]
    assert offtopic_without_guidance(results).matching == ("a", "d")


def test_platform_scores_match_each_annotation_once() -> None:
    rows = [
        HeldOut("ask_platform_safety", "a", ["roblox", "roblox"]),
        HeldOut("ask_platform_safety", "b", ["tiktok"]),
    ]
    results = [parsed("a", "x", ["roblox"]), parsed("b", "x", ["tiktok", "snapchat"])]
    scores = platform_entity_scores(rows, results)
    assert (scores.true_positive, scores.predicted, scores.expected) == (2, 3, 3)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3)


def test_platform_scores_with_nothing_found_are_zero_not_an_error() -> None:
    scores = EntityScores(true_positive=0, predicted=0, expected=4)
    assert (scores.precision, scores.recall, scores.f1) == (0.0, 0.0, 0.0)


def test_rows_and_results_of_different_lengths_are_an_error() -> None:
    with pytest.raises(ValueError):
        platform_entity_scores([HeldOut("greet", "a", [])], [])
