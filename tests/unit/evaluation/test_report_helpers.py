"""The report's own helpers: intent scores, sampling, tables, the summary line, stdout."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap

import pytest

from bot.paths import ROOT
from tests.evaluation.intents import APP_CATEGORY, predicted_intent, score_intents, topic_of
from tests.evaluation.measures import HeldOut
from tests.evaluation.report import HEADLINE, summary
from tests.evaluation.sections import Section, crisis_section, held_out_section, sample
from tests.evaluation.tables import markdown_table


def test_intent_scores_follow_scikit_learn_definitions() -> None:
    gold = ["greet", "greet", "ask_screen_time", "ask_screen_time"]
    predicted = ["greet", "ask_screen_time", "ask_screen_time", "out_of_scope"]
    scores = score_intents(gold, predicted)
    assert scores.accuracy == pytest.approx(0.5)
    assert scores.labels == ["ask_screen_time", "greet", "out_of_scope"]
    by_intent = {row.intent: row for row in scores.rows}
    assert by_intent["greet"].precision == pytest.approx(1.0)
    assert by_intent["greet"].recall == pytest.approx(0.5)
    assert by_intent["ask_screen_time"].f1 == pytest.approx(0.5)
    assert by_intent["out_of_scope"].support == 0
    # An intent predicted but never expected counts in the macro average, with F1 0.
    assert scores.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)
    # Rows are the true intents, columns the predicted ones.
    assert scores.confusion.tolist() == [[1, 0, 1], [1, 1, 0], [0, 0, 0]]


def test_rows_carry_their_topic() -> None:
    assert topic_of("ask_screen_time") == "screen_time"
    assert topic_of("ask_platform_safety") == APP_CATEGORY
    assert topic_of("greet") is None


def test_a_fallback_prediction_is_scored_as_the_intent_it_shadowed() -> None:
    fallback = {
        "intent": {"name": "nlu_fallback", "confidence": 0.35},
        "intent_ranking": [
            {"name": "nlu_fallback", "confidence": 0.35},
            {"name": "ask_grooming", "confidence": 0.3},
        ],
    }
    assert predicted_intent(fallback) == "ask_grooming"
    assert predicted_intent({"intent": {"name": "greet"}}) == "greet"


def test_sample_is_repeatable_keeps_file_order_and_never_exceeds_the_limit() -> None:
    items = list(range(100))
    first = sample(items, 10, seed=3)
    assert first == sample(items, 10, seed=3)
    assert first == sorted(first) and len(first) == 10 and len(set(first)) == 10
    assert first != items[:10]  # a draw, not the head of a file grouped by intent
    assert sample(items, None, seed=3) == items
    assert sample(items[:5], 10, seed=3) == items[:5]


def _parsed(text: str, intent: str, crisis_by_patterns: bool = False) -> dict:
    result = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [],
        "intent_ranking": [{"name": intent, "confidence": 0.9}],
    }
    if crisis_by_patterns:
        result["crisis"] = {"category": "sextortion", "detected_by": "safety_net"}
    return result


def test_crisis_section_combines_held_out_and_hard_negatives_and_names_the_detector() -> None:
    rows = [HeldOut("report_crisis", "c", []), HeldOut("greet", "g", [])]
    held_out_parsed = [_parsed("c", "report_crisis"), _parsed("g", "greet")]
    negatives = [
        _parsed("n1", "report_crisis", crisis_by_patterns=True),
        _parsed("n2", "report_crisis"),
        _parsed("n3", "ask_sextortion"),
    ]
    crises = [_parsed("x", "report_crisis"), _parsed("y", "ask_grooming")]
    section = crisis_section(crises, rows, held_out_parsed, negatives)
    assert section.figures == {
        "crisis_recall": 0.5,
        "false_crisis_rate": 0.5,
        "false_crisis_rate_held_out": 0.0,
        "false_crisis_rate_hard_negatives": pytest.approx(2 / 3),
    }
    assert section.n == {"crisis": 2, "non_crisis_held_out": 1, "hard_negatives": 3}
    assert section.details["missed_crises"] == ["y"]
    assert section.details["false_crises"] == [
        {"text": "n1", "detected_by": "patterns"},
        {"text": "n2", "detected_by": "classifier"},
    ]


def test_held_out_section_writes_its_tables_and_plots(tmp_path) -> None:
    rows = [HeldOut("ask_screen_time", "a", []), HeldOut("greet", "b", [])]
    parsed = [_parsed("a", "ask_screen_time"), _parsed("b", "ask_screen_time")]
    section = held_out_section(rows, parsed, tmp_path)
    assert section.figures["intent_accuracy"] == 0.5
    assert section.details["misclassified"] == [
        {"text": "b", "intent": "greet", "predicted": "ask_screen_time"}
    ]
    csv_lines = (tmp_path / "intents.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0] == "intent,topic,precision,recall,f1,support"
    assert csv_lines[1] == "ask_screen_time,screen_time,0.500,1.000,0.667,1"
    matrix = (tmp_path / "confusion_matrix.csv").read_text(encoding="utf-8").splitlines()
    assert matrix == ["true,ask_screen_time,greet", "ask_screen_time,1,0", "greet,1,0"]
    for image in ("confusion_matrix.png", "intent_f1.png"):
        assert (tmp_path / image).read_bytes()[:4] == b"\x89PNG"


def test_markdown_table_formats_floats_empties_and_escapes_pipes() -> None:
    table = markdown_table([{"a": 0.91666, "b": None, "c": "x|y"}], ["a", "b", "c"])
    assert table == "| a | b | c |\n|---|---|---|\n| 0.917 |  | x\\|y |\n"


def test_summary_lists_every_headline_figure_rounded_or_null() -> None:
    sections = [
        Section(figures={"intent_accuracy": 0.123456}, n={"held_out": 5}),
        Section(figures={"crisis_recall": None}, n={"crisis": 0}),
    ]
    args = argparse.Namespace(limit=5, seed=0)
    line = summary(sections, args)
    assert list(line)[: len(HEADLINE)] == list(HEADLINE)
    assert line["intent_accuracy"] == 0.1235
    assert line["crisis_recall"] is None and line["conversation_pass_rate"] is None
    assert line["n"] == {"held_out": 5, "crisis": 0}
    assert (line["limit"], line["seed"]) == (5, 0)


def test_only_the_summary_reaches_stdout_even_from_child_processes() -> None:
    script = textwrap.dedent(
        """
        import os, subprocess, sys
        from tests.evaluation.report import stdout_kept_for_summary
        with stdout_kept_for_summary() as summary:
            print("noise from python")
            os.write(1, b"noise from the file descriptor\\n")
            subprocess.run([sys.executable, "-c", "print('noise from a child')"], check=True)
            summary.write('{"ok": true}\\n')
        print("after")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ['{"ok": true}', "after"]
    assert json.loads(done.stdout.splitlines()[0]) == {"ok": True}
    assert "noise from a child" in done.stderr and "noise from python" in done.stderr
