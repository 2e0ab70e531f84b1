"""The editors' report (python -m bot feedback) and its warnings in check-content."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Tuple

import pytest
import sqlalchemy as sa

from bot import cli
from bot.insights.store import InsightsStore, Recorder

DAY = date(2026, 12, 6)


def endpoints_with_store(tmp_path: Path) -> Tuple[Path, Recorder]:
    db = tmp_path / "trackers.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db}\n")
    return endpoints, Recorder(InsightsStore(sa.create_engine(f"sqlite:///{db}")))


def rated(recorder: Recorder, entry: str, yes: int, no: int, **reasons: int) -> None:
    for _ in range(yes):
        recorder.count_feedback("demo", [entry], "yes")
    for _ in range(no):
        recorder.count_feedback("demo", [entry], "no")
    for reason, times in reasons.items():
        for _ in range(times):
            recorder.count_feedback("example-school", [entry], "no", reason)


def test_the_report_lists_times_shown_helpful_rate_and_reasons(tmp_path: Path, capsys) -> None:
    endpoints, recorder = endpoints_with_store(tmp_path)
    meta = {"kind": "guidance", "guidance_ids": ["roblox_safety", "app:roblox"]}
    for _ in range(7):
        recorder.count_reply("demo", meta, DAY)
    rated(recorder, "roblox_safety", yes=3, no=1, too_long=1)
    recorder.count_feedback("demo", ["entry_since_removed"], "yes")
    recorder.flush()

    assert cli.main(["feedback", "--endpoints", str(endpoints)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "entry",
        "or",
        "app",
        "profile",
        "shown",
        "helpful",
        "reasons",
        "after",
        "no",
    ]
    assert lines[1].split() == ["app:roblox", "7", "-"]
    assert lines[2].split() == ["roblox_safety", "7", "75%", "of", "4", "too", "long", "1"]

    assert cli.main(["feedback", "--endpoints", str(endpoints), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[1] == {
        "id": "roblox_safety",
        "file": "online_gaming.yml",
        "shown": 7,
        "yes": 3,
        "no": 1,
        "helpful_rate": 0.75,
        "reasons": {"too_long": 1},
    }


def test_the_report_on_a_store_never_written_says_so(tmp_path: Path, capsys) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  dialect: sqlite\n  db: {tmp_path / 'none.db'}\n")
    assert cli.main(["feedback", "--endpoints", str(endpoints)]) == 0
    assert "nothing shown or rated yet" in capsys.readouterr().out


def test_check_content_warns_about_entries_most_parents_found_unhelpful(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoints, recorder = endpoints_with_store(tmp_path)
    rated(recorder, "roblox_safety", yes=8, no=17, out_of_date=9)  # 32% of 25
    rated(recorder, "grooming_roblox", yes=5, no=14)  # 26%, but only 19 ratings
    rated(recorder, "app:roblox", yes=12, no=10)  # 55%
    recorder.flush()
    monkeypatch.setattr(cli, "ENDPOINTS", endpoints)

    assert cli.main(["check-content"]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if "helpful" in line]
    assert warnings == [
        "warning: rated helpful by few parents: online_gaming.yml: roblox_safety "
        "(32% of 25 ratings; at least 20 rated and under half helpful)"
    ]


@pytest.mark.parametrize("content", [None, b"not a database"])
def test_check_content_never_fails_because_of_local_data(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, content
) -> None:
    db = tmp_path / "trackers.db"
    if content is not None:
        db.write_bytes(content * 100)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  dialect: sqlite\n  db: {db}\n")
    monkeypatch.setattr(cli, "ENDPOINTS", endpoints)
    assert cli.main(["check-content"]) == 0
    out = capsys.readouterr().out
    assert "rated helpful" not in out
    assert ("feedback not checked" in out) == (content is not None)
