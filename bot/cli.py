"""The project's command line, used by the Makefile."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import List, Optional, Set, Tuple

from bot.knowledge.loader import KnowledgeBaseError, load_knowledge_base
from bot.knowledge.schema import TOPICS, KnowledgeBase


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

    retention = commands.add_parser(
        "retention", help="delete conversations idle for more than N days (RETENTION_DAYS, 30)"
    )
    retention.add_argument("--days", type=float, default=None)
    retention.add_argument("--endpoints", type=Path, default=Path("bot/endpoints.yml"))

    cluster = commands.add_parser(
        "cluster", help="several Rasa instances behind nginx on PostgreSQL and Redis"
    )
    cluster.add_argument("--model", type=Path, default=Path("models/parental.tar.gz"))

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args.out)
    if args.command == "check-content":
        return _check_content(args.guidance)
    if args.command == "retention":
        return _retention(args.days, args.endpoints)
    if args.command == "cluster":
        from bot.cluster.command import run_cluster  # imports Rasa only when serving

        return run_cluster(args.model)
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


def _retention(days: Optional[float], endpoints: Path) -> int:
    from bot.privacy.retention import (  # imports Rasa only for this command
        delete_idle_conversations,
        retention_days,
        tracker_store_from_endpoints,
    )

    try:
        kept_days = retention_days(days)
        result = delete_idle_conversations(tracker_store_from_endpoints(endpoints), kept_days)
    except (ValueError, TypeError) as error:
        print(f"retention: {error}", file=sys.stderr)
        return 1
    plural = "" if result.conversations == 1 else "s"
    print(
        f"deleted {result.conversations} conversation{plural} ({result.events} events) "
        f"idle for more than {kept_days:g} days"
    )
    return 0


MIN_ENTRIES_PER_TOPIC = 3
NLU_TEST_FILE = Path("tests/nlu/test_nlu.yml")


def _check_content(guidance: Optional[Path]) -> int:
    """Validate the knowledge base, then list what needs a person's attention.

    Exits non-zero only for invalid content; overdue reviews and gaps are reported for
    the content team without breaking builds on the day a review date passes.
    """
    try:
        kb = load_knowledge_base(guidance)
    except KnowledgeBaseError as error:
        print(f"knowledge base error: {error}", file=sys.stderr)
        return 1
    today = date.today()
    print(
        f"{len(kb.entries)} entries, {len(kb.platforms)} platforms, "
        f"{len(kb.countries)} countries, {len(kb.crisis)} crisis responses: valid"
    )
    for entry in kb.entries:
        if entry.is_due_for_review(today):
            print(f"review overdue: {entry.file}: {entry.id} (review_by {entry.review_by})")
    counts = Counter(entry.topic for entry in kb.entries)
    for topic in TOPICS:
        if counts[topic] < MIN_ENTRIES_PER_TOPIC:
            print(
                f"topic below minimum: {topic} has {counts[topic]} entries (minimum {MIN_ENTRIES_PER_TOPIC})"
            )
    for where, url in _all_source_urls(kb):
        if not url.startswith("https://"):
            print(f"source not https: {where}: {url}")
    tested = _platforms_in_tests(NLU_TEST_FILE)
    for platform_id in kb.platforms:
        if platform_id not in tested:
            print(f"platform without an alias test: {platform_id} (no example in {NLU_TEST_FILE})")
    return 0


def _all_source_urls(kb: KnowledgeBase) -> List[Tuple[str, str]]:
    urls = [(f"{e.file}: {e.id}", s.url) for e in kb.entries for s in e.sources]
    urls += [(f"crisis.yml: {c.category}", s.url) for c in kb.crisis.values() for s in c.sources]
    for country in kb.countries.values():
        contacts = [country.emergency, *country.report, *country.image_removal]
        contacts += [
            c
            for c in (country.police_non_emergency, country.child_helpline, country.parent_helpline)
            if c
        ]
        urls += [(f"countries.yml: {country.code}", c.source) for c in contacts]
    return urls


def _platforms_in_tests(path: Path) -> Set[str]:
    """Platform ids annotated in the held-out NLU test file."""
    if not path.exists():
        return set()
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r'"entity":\s*"platform",\s*"value":\s*"([a-z0-9_]+)"', text))
