"""A few seconds of `make bench` against the real servers (`make test-bench-smoke`).

The baseline side serves our own model with stock `rasa run` on the REST channel, so the
whole comparison path runs without training Rasa's default configuration (~20 min). No
timing is asserted: the figures only have to be there and make sense.
"""

from __future__ import annotations

import json

from bot.paths import MODEL
from tests.benchmark.run import TARGETS, main


def test_benchmark_runs_both_servers_and_reports_every_figure(tmp_path, capsys):
    out = tmp_path / "bench"
    status = main(
        ["--levels", "1,4", "--rounds", "2", "--seconds", "2", "--warmup-seconds", "1", "--long-turns", "10",
         "--baseline-model", str(MODEL), "--out", str(out)]
    )  # fmt: skip
    assert status == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    for server in ("ours", "baseline"):
        assert summary[f"{server}_cold_start_s"] > 0
        assert summary[f"{server}_tracker_growth"]["turns"] == 10
        assert summary[f"{server}_rasa_rss_gib"] > 0.1  # a loaded model, not an empty process
        assert 0.1 < summary[f"{server}_rasa_pss_gib"] <= summary[f"{server}_rasa_rss_gib"]
        for level in ("1", "4"):
            figures = summary["by_level"][server][level]
            assert figures["messages"] > 0, (server, level)
            assert figures["errors"] == 0, (server, level)
            assert figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
            assert len(figures["messages_per_s_by_round"]) == 2
    assert summary["ratio_messages_per_s_at_4"] > 0
    assert set(summary["targets"]) == set(TARGETS)
    assert json.loads((out / "summary.json").read_text()) == summary
    assert len(json.loads((out / "rounds.json").read_text())) == 2 * 2 * 2
    assert (out / "latency_throughput.png").stat().st_size > 10_000
