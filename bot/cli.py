"""The operator's command line (``python -m bot``): build, check-content, retention, feedback.

Starting servers on this machine is the launcher's job (``python -m launcher``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Union

from bot.knowledge.loader import (
    APPS_DIR,
    DEFAULT_GUIDANCE_DIR,
    KnowledgeBaseError,
    load_knowledge_base,
    load_source_policy,
)
from bot.knowledge.schema import (
    INTERNATIONAL,
    REVIEW_SOURCE_CHECKED,
    TOPICS,
    AppProfile,
    GuidanceEntry,
    KnowledgeBase,
)
from bot.paths import ENDPOINTS, ROOT


def main(argv: Optional[List[str]] = None) -> int:
    """Run one command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the spaCy pipeline and NLU synonyms")
    build.add_argument("--out", type=Path, default=Path("build"))

    check = commands.add_parser("check-content", help="validate the knowledge base")
    check.add_argument("--guidance", type=Path, default=None)

    retention = commands.add_parser(
        "retention", help="delete conversations idle for more than N days (RETENTION_DAYS, 30)"
    )
    retention.add_argument("--days", type=float, default=None)
    retention.add_argument("--endpoints", type=Path, default=ENDPOINTS)

    feedback = commands.add_parser(
        "feedback", help="per entry and app profile: times shown, helpful rate, reasons"
    )
    feedback.add_argument("--endpoints", type=Path, default=ENDPOINTS)
    feedback.add_argument("--json", action="store_true", help="one JSON object per line")

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args.out)
    if args.command == "check-content":
        return _check_content(args.guidance)
    if args.command == "feedback":
        return _feedback(args.endpoints, args.json)
    return _retention(args.days, args.endpoints)


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


def _feedback(endpoints: Path, as_json: bool) -> int:
    from bot.insights.report import entry_feedback, table
    from bot.insights.store import open_store

    try:
        kb = load_knowledge_base()
    except KnowledgeBaseError as error:
        print(f"knowledge base error: {error}", file=sys.stderr)
        return 1
    store = open_store(endpoints)
    rows = entry_feedback(kb, store) if store else []
    if as_json:
        for row in rows:
            print(json.dumps(row.as_dict()))
    elif rows:
        print(table(rows))
    else:
        print(f"nothing shown or rated yet in the database of {endpoints}")
    return 0


def _report_feedback() -> None:
    """Entries parents found unhelpful, from the local store (make run's SQLite) if any.

    Warnings only, and never an error: local data must not break a build.
    """
    from bot.insights.report import MIN_RATINGS, entry_feedback, needs_attention, rate_text

    try:
        from bot.insights.store import open_store

        store = open_store(ENDPOINTS)
        rows = needs_attention(entry_feedback(load_knowledge_base(), store)) if store else []
    except Exception as error:  # noqa: BLE001 - a broken local database is only a note
        print(f"feedback not checked: {error}")
        return
    for row in rows:
        print(
            f"warning: rated helpful by few parents: {row.file}: {row.id} "
            f"({rate_text(row)} ratings; at least {MIN_RATINGS} rated and under half helpful)"
        )


MIN_ENTRIES_PER_TOPIC = 3
NLU_TEST_FILE = ROOT / "tests" / "data" / "nlu" / "test_nlu.yml"


def _check_content(guidance: Optional[Path]) -> int:
    """Validate the knowledge base, then list what needs a person's attention.

    Exits non-zero only for invalid content; overdue reviews and gaps are reported for
    the content team without breaking builds on the day a review date passes.
    """
    try:
        kb = load_knowledge_base(guidance)
    except KnowledgeBaseError as error:
        print(f"knowledge base error: {error}", file=sys.stderr)
        banned = _banned_sources(guidance)
        if banned:
            print("every source on a banned domain (source_policy.yml):", file=sys.stderr)
            for line in banned:
                print(f"  {line}", file=sys.stderr)
        return 1
    today = date.today()
    print(
        f"{len(kb.entries)} entries, {len(kb.profiles)} app profiles, {len(kb.platforms)} "
        f"platforms, {len(kb.countries)} countries, {len(kb.crisis)} crisis responses: valid"
    )
    for item in _reviewed(kb):
        if item.is_due_for_review(today):
            print(f"review overdue: {item.file}: {_name(item)} (review_by {item.review_by})")
    counts = Counter(entry.topic for entry in kb.entries)
    for topic in TOPICS:
        if counts[topic] < MIN_ENTRIES_PER_TOPIC:
            print(
                f"topic below minimum: {topic} has {counts[topic]} entries (minimum {MIN_ENTRIES_PER_TOPIC})"
            )
    _report_sources_and_reviews(kb)
    _report_coverage(kb)
    tested = _platforms_in_tests(NLU_TEST_FILE)
    untested = [p for p in kb.platforms if p not in tested]
    if untested:
        print(f"platforms without an alias test in {NLU_TEST_FILE}: {_some(untested, 12)}")
    _report_feedback()
    return 0


Reviewed = Union[GuidanceEntry, AppProfile]


def _reviewed(kb: KnowledgeBase) -> List[Reviewed]:
    """Entries and app profiles: what carries review dates and a review method."""
    return [*kb.entries, *kb.profiles.values()]


def _name(item: Reviewed) -> str:
    return item.id if isinstance(item, GuidanceEntry) else item.platform


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({round(100 * part / whole) if whole else 0}%)"


def _by_file(items: Sequence[Reviewed], note: str = "") -> List[str]:
    """One line per file (and value of the ``note`` attribute): "file: note: id1, id2"."""
    grouped: Dict[str, List[str]] = {}
    for item in items:
        where = f"{item.file}: {getattr(item, note)}" if note else item.file
        grouped.setdefault(where, []).append(_name(item))
    return [f"  {where}: {_some(names)}" for where, names in grouped.items()]


def _some(names: Sequence[str], shown: int = 8) -> str:
    """Up to ``shown`` names, then how many more: keeps each report line readable."""
    more = f" (+{len(names) - shown} more)" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _report_sources_and_reviews(kb: KnowledgeBase) -> None:
    """Primary sources (data/guidance/source_policy.yml) and how content was reviewed."""
    profiles = list(kb.profiles.values())
    entries_without = [e for e in kb.entries if not any(s.primary for s in e.sources)]
    profiles_without = [p for p in profiles if not any(s.primary for s in p.sources)]
    print(
        "with a primary source: "
        f"entries {_share(len(kb.entries) - len(entries_without), len(kb.entries))}, "
        f"profiles {_share(len(profiles) - len(profiles_without), len(profiles))}"
    )
    if entries_without or profiles_without:
        print("no primary source:")
        without: List[Reviewed] = [*entries_without, *profiles_without]
        for line in _by_file(without):
            print(line)
    for profile in profiles:
        if not profile.help_page.primary:
            print(f"help_page not on a primary domain: {profile.file}: {profile.help_page.url}")
    unchecked = [item for item in _reviewed(kb) if item.review_method != REVIEW_SOURCE_CHECKED]
    if unchecked:
        methods = Counter(item.review_method for item in unchecked)
        summary = ", ".join(f"{count} {method}" for method, count in sorted(methods.items()))
        print(f"not source_checked: {summary}")
        for line in _by_file(unchecked, note="review_method"):
            print(line)


def _report_coverage(kb: KnowledgeBase) -> None:
    """Which apps have a profile; which countries name a child helpline."""
    missing = [p for p in kb.platforms if p not in kb.profiles]
    print(
        f"app profiles: {_share(len(kb.profiles), len(kb.platforms))} platforms"
        + (f"; without one: {_some(missing)}" if missing else "")
    )
    countries = [c for c in kb.countries.values() if c.code != INTERNATIONAL]
    without = [c.code for c in countries if c.child_helpline is None]
    print(
        f"child helplines: {_share(len(countries) - len(without), len(countries))} countries"
        + (f"; without one: {', '.join(without)}" if without else "")
    )


def _banned_sources(guidance: Optional[Path]) -> List[str]:
    """Every URL on a banned domain in the guidance files, so all can be fixed at once."""
    folder = Path(guidance or DEFAULT_GUIDANCE_DIR)
    try:
        policy = load_source_policy(folder)
    except KnowledgeBaseError:
        return []
    found = []
    for path in sorted([*folder.glob("*.yml"), *folder.glob(f"{APPS_DIR}/*.yml")]):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            for url in re.findall(r"https://[^\s\"'<>]+", line):
                if policy.banned_domain(url):
                    found.append(f"{path.relative_to(folder)}:{number}: {url}")
    return found


def _platforms_in_tests(path: Path) -> Set[str]:
    """Platform ids annotated in the held-out NLU test file."""
    if not path.exists():
        return set()
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r'"entity":\s*"platform",\s*"value":\s*"([a-z0-9_]+)"', text))
