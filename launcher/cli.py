"""``python -m launcher``: start the assistant (``serve``) or the cluster (``cluster``) here."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import List, Optional

from bot.paths import MODEL


def main(argv: Optional[List[str]] = None) -> int:
    """Run one command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m launcher", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serving = commands.add_parser("serve", help="start the action server and Rasa")
    serving.add_argument("--model", type=Path, default=MODEL)
    serving.add_argument("--port", type=int, default=5005)
    serving.add_argument("--actions-port", type=int, default=5055)
    serving.add_argument("--shell", action="store_true", help="chat in this terminal")
    serving.add_argument("--tracker-db", type=Path, default=Path("var/trackers.db"))

    cluster = commands.add_parser(
        "cluster", help="several Rasa instances behind nginx on PostgreSQL and Redis"
    )
    cluster.add_argument("--model", type=Path, default=MODEL)

    args = parser.parse_args(argv)
    # Each command imports what it starts only when it runs.
    if args.command == "cluster":
        from launcher.cluster.command import run_cluster

        return run_cluster(args.model)
    from launcher.serve import serve

    return serve(
        args.model, args.port, args.actions_port, shell=args.shell, tracker_db=args.tracker_db
    )
