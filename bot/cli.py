"""The project's command line, used by the Makefile."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import List, Optional

from bot.knowledge.loader import KnowledgeBaseError, load_knowledge_base


def main(argv: Optional[List[str]] = None) -> int:
    """Run one command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the spaCy pipeline and NLU synonyms")
    build.add_argument("--out", type=Path, default=Path("build"))

    check = commands.add_parser("check-content", help="validate the knowledge base")
    check.add_argument("--guidance", type=Path, default=None)

    serve = commands.add_parser("serve", help="start the action server and Rasa")
    serve.add_argument("--model", type=Path, default=Path("models/parental.tar.gz"))
    serve.add_argument("--port", type=int, default=5005)
    serve.add_argument("--actions-port", type=int, default=5055)
    serve.add_argument("--shell", action="store_true", help="chat in this terminal")
    serve.add_argument("--tracker-db", type=Path, default=Path("var/trackers.db"))

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args.out)
    if args.command == "check-content":
        return _check_content(args.guidance)
    from bot.serve import serve as run_servers  # imports Rasa only when serving

    return run_servers(
        args.model, args.port, args.actions_port, shell=args.shell, tracker_db=args.tracker_db
    )


def _build(out: Path) -> int:
    from bot.nlp.pipeline import write_build  # imports spaCy only when building

    try:
        kb = load_knowledge_base()
    except KnowledgeBaseError as error:
        print(f"knowledge base error: {error}", file=sys.stderr)
        return 1
    written = write_build(kb, out)
    for what, path in written.items():
        print(f"built {what}: {path}")
    return 0


def _check_content(guidance: Optional[Path]) -> int:
    try:
        kb = load_knowledge_base(guidance)
    except KnowledgeBaseError as error:
        print(f"knowledge base error: {error}", file=sys.stderr)
        return 1
    today = date.today()
    overdue = [e for e in kb.entries if e.is_due_for_review(today)]
    print(f"{len(kb.entries)} entries, {len(kb.platforms)} platforms: valid")
    for entry in overdue:
        print(f"review overdue: {entry.file}: {entry.id} (review_by {entry.review_by})")
    return 0
