"""`make bench-tuning`: what each runtime fix (bot/runtime/tuning.py) buys, one at a time.

    python -m tests.benchmark.tuning [--seconds 15] [--concurrency 8] [--out reports/bench]

Starts our assistant once with every fix off, then adds the fixes one by one in their
listed order (RASA_TUNING_DISABLE names the rest; a fix's needs are listed before it, so
every step is a valid set), and drives it with simulated parents each time. The main figure is the Rasa process's CPU time per message, read from /proc:
unlike messages per second it barely moves when something else on the machine is busy.
Prints one JSON line last; writes reports/bench/tuning.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from bot.paths import MODEL, ROOT
from bot.runtime.tuning import FIXES
from tests.benchmark.load import drive, load_conversations, widget_reply_ok
from tests.benchmark.processes import OurServer, cpu_seconds, scratch_dir


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Measure every cumulative step and print the JSON line."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark.tuning")
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench")
    args = parser.parse_args(argv)
    names = list(FIXES)
    steps: List[Dict[str, Any]] = []
    for count in range(len(names) + 1):
        enabled, disabled = names[:count], names[count:]
        figures = _measure(disabled, args.concurrency, args.seconds)
        steps.append({"added": enabled[-1] if enabled else None, **figures})
    before, after = steps[0]["rasa_cpu_ms_per_message"], steps[-1]["rasa_cpu_ms_per_message"]
    result = {"concurrency": args.concurrency, "seconds": args.seconds, "steps": steps,
              "cpu_ms_per_message_before": before, "cpu_ms_per_message_after": after,
              "cpu_speedup": round(before / after, 2) if after else None}  # fmt: skip
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "tuning.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, separators=(",", ":")))
    return 0


def _measure(disabled: List[str], concurrency: int, seconds: float) -> Dict[str, Any]:
    workdir = scratch_dir()
    server = OurServer(MODEL, workdir, env={"RASA_TUNING_DISABLE": ",".join(disabled)})
    conversations = load_conversations()
    prefix = uuid.uuid4().hex[:8]
    try:
        server.start()
        (rasa_pid,) = server.rasa_pids()
        warm = drive(server.url, concurrency, 3, conversations, widget_reply_ok, f"w{prefix}")
        asyncio.run(warm)
        cpu_before = cpu_seconds(rasa_pid)
        run = drive(server.url, concurrency, seconds, conversations, widget_reply_ok, prefix)
        result = asyncio.run(run)
        cpu_used = cpu_seconds(rasa_pid) - cpu_before
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    summary = result.summary()
    return {
        "rasa_cpu_ms_per_message": round(1000 * cpu_used / max(1, result.messages), 2),
        "messages_per_s": summary["messages_per_s"],
        "p50_ms": summary.get("p50_ms"),
        "p95_ms": summary.get("p95_ms"),
        "errors": summary["errors"],
    }


if __name__ == "__main__":
    sys.exit(main())
