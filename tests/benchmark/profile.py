"""`make profile`: a py-spy flame graph of the Rasa server while simulated parents talk to it.

    python -m tests.benchmark.profile [--seconds 20] [--concurrency 8] [--out reports/bench]

Starts our assistant as `make run` does, drives it as `make bench` does, and samples the
Rasa process (not the action server) with py-spy. Writes profile.svg to open in a browser,
and profile.txt (collapsed stacks) to search with grep. This is how the costs in
docs/performance.md were found.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Optional, Sequence

from bot.paths import MODEL, ROOT
from tests.benchmark.load import drive, load_conversations, widget_reply_ok
from tests.benchmark.processes import OurServer, scratch_dir


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Profile the Rasa server under load; return py-spy's exit status."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark.profile")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    py_spy = str(Path(sys.executable).with_name("py-spy"))
    workdir = scratch_dir()
    server = OurServer(MODEL, workdir)
    try:
        server.start()
        (rasa_pid,) = server.rasa_pids()
        conversations = load_conversations()
        asyncio.run(drive(server.url, args.concurrency, 3, conversations, widget_reply_ok, "warm"))
        samplers = [
            subprocess.Popen(
                [
                    py_spy,
                    "record",
                    "--pid",
                    str(rasa_pid),
                    "--duration",
                    str(args.seconds),
                    "--rate",
                    "200",
                    "--format",
                    form,
                    "--output",
                    str(args.out / name),
                ],
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
            for form, name in (("flamegraph", "profile.svg"), ("raw", "profile.txt"))
        ]
        load = drive(
            server.url, args.concurrency, args.seconds + 2, conversations, widget_reply_ok,
            uuid.uuid4().hex[:8],
        )  # fmt: skip
        print(asyncio.run(load).summary())
        status = max(sampler.wait() for sampler in samplers)
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"flame graph: {args.out / 'profile.svg'}; collapsed stacks: {args.out / 'profile.txt'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
