"""A short run of `make eval` on small samples (`make test-eval-smoke`).

Runs the report as `make eval` does, in its own process, so what is checked is the real
stdout: its last line must be the JSON summary with every headline figure. No figure
has a floor here (that is tests/model's job) and no duration is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import MODEL, ROOT
from tests.evaluation.report import HEADLINE
from tests.harness.paths import OFFTOPIC, SHARED_EVAL

LIMIT = 10  # per data set: enough for every figure to be measured, small enough to be quick
OUTPUTS = (
    "summary.json",
    "summary.md",
    "details.json",
    "intents.csv",
    "intents.md",
    "confusion_matrix.csv",
    "confusion_matrix.png",
    "intent_f1.png",
    "conversations.md",
)
# Figures measured on ../shared/eval, which a clone without it beside it cannot have.
SHARED_FIGURES = {
    "offtopic_no_guidance_rate": OFFTOPIC,
    "questions_dev_": SHARED_EVAL / "parent_questions_dev.jsonl",
    "conversations_dev_": SHARED_EVAL / "conversations_dev.jsonl",
}


def _measurable(key: str) -> bool:
    """Whether ``key`` has its data here: every figure but those of an absent shared set."""
    return all(path.exists() for prefix, path in SHARED_FIGURES.items() if key.startswith(prefix))


def test_the_report_runs_on_small_samples_and_ends_with_its_summary(tmp_path: Path) -> None:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    out = tmp_path / "eval"
    done = subprocess.run(
        [sys.executable, "-m", "tests.evaluation.report", "--limit", str(LIMIT),
         "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    line = json.loads(done.stdout.strip().splitlines()[-1])

    assert set(HEADLINE) <= set(line)
    measured = [key for key in HEADLINE if _measurable(key)]
    for key in measured:
        assert isinstance(line[key], float) and 0 <= line[key] <= 1, (key, line[key])
    assert line["limit"] == LIMIT
    assert line["n"]["held_out"] == LIMIT and line["n"]["crisis"] == LIMIT
    assert line["n"]["conversations"] == LIMIT and line["n"]["conversation_turns"] >= LIMIT

    assert all((out / name).stat().st_size > 0 for name in OUTPUTS)
    assert (out / "confusion_matrix.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    saved = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {key: saved[key] for key in line} == line
