"""`make eval`: the assistant's quality report on held-out data and scripted conversations.

    python -m tests.evaluation.report [--model M] [--out reports/eval] [--limit N]
                                      [--seed S] [--skip-conversations]

Measures the held-out NLU file (intent accuracy, macro and per-intent F1, platform entity
F1, the share of in-scope questions answered with guidance), the crisis file (recall)
and the non-crisis messages (false crisis rate), the off-topic set (share answered with
neither guidance nor a crisis response), and scripted conversations played through the
widget API of the real assistant. Tables, plots and the misses go to ``--out``; the last line
on stdout is one JSON object with the headline figures. The exit status is non-zero only
when something failed to run: floors on the figures are the quality tests' job.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, TextIO

from bot.paths import MODEL, ROOT
from tests.evaluation import parents, tables
from tests.evaluation.conversations import load_conversations
from tests.evaluation.measures import (
    crisis_messages,
    hard_negatives,
    held_out,
    nlu_parser,
    offtopic_rows,
)
from tests.evaluation.sections import (
    Section,
    conversation_section,
    crisis_section,
    held_out_section,
    independent_crisis_section,
    offtopic_section,
    parent_conversations_section,
    parent_questions_section,
    sample,
)
from tests.harness.paths import OFFTOPIC

DEFAULT_OUT = ROOT / "reports" / "eval"
# The headline figures, in the order the summary line lists them.
HEADLINE = (
    "intent_accuracy",
    "intent_macro_f1",
    "platform_entity_f1",
    "crisis_recall",
    "false_crisis_rate",
    "false_crisis_rate_held_out",
    "false_crisis_rate_hard_negatives",
    "offtopic_no_guidance_rate",
    "in_scope_guidance_rate",
    "conversation_turn_pass_rate",
    "conversation_pass_rate",
    # Real parents' questions and conversations (../shared/eval dev sets) and our own
    # independent held-out sets (tests/data/evaluation/heldout, tuned on), through the widget API.
    "questions_dev_kind",
    "questions_dev_topic",
    "questions_dev_app",
    "questions_dev_false_crisis",
    "questions_held_out_kind",
    "questions_held_out_topic",
    "questions_held_out_app",
    "questions_held_out_false_crisis",
    "conversations_dev_turns",
    "conversations_dev_whole",
    "conversations_held_out_turns",
    "conversations_held_out_whole",
    # A second independent author's sets (tests/data/evaluation/fresh), never tuned on.
    "questions_fresh_kind",
    "questions_fresh_topic",
    "questions_fresh_app",
    "questions_fresh_false_crisis",
    "conversations_fresh_turns",
    "conversations_fresh_whole",
    # A fourth author's sets (tests/data/evaluation/tuning), written to be read while tuning.
    "questions_tuning_kind",
    "questions_tuning_topic",
    "questions_tuning_app",
    "questions_tuning_false_crisis",
    "conversations_tuning_turns",
    "conversations_tuning_whole",
    # Sets added on 7 December: F's voices, H's harvested real questions and J's follow-ups
    # (all read while tuning), and G's second fresh set (never read).
    "questions_harvested_kind",
    "questions_harvested_topic",
    "questions_harvested_app",
    "questions_harvested_false_crisis",
    "conversations_voices_turns",
    "conversations_voices_whole",
    "conversations_follow_ups_turns",
    "conversations_follow_ups_whole",
    "conversations_fresh_second_turns",
    "conversations_fresh_second_whole",
    # Sets added in session 9: K's long messages, M's phone typing and P's everyday questions
    # (read while tuning), and L's third fresh set (never read).
    "conversations_long_messages_turns",
    "conversations_long_messages_whole",
    "conversations_phone_typing_turns",
    "conversations_phone_typing_whole",
    "conversations_fresh_third_turns",
    "conversations_fresh_third_whole",
    "conversations_fresh_fourth_turns",
    "conversations_fresh_fourth_whole",
    "conversations_fresh_fifth_turns",
    "conversations_fresh_fifth_whole",
    "conversations_fresh_sixth_turns",
    "conversations_fresh_sixth_whole",
    "conversations_fresh_seventh_turns",
    "conversations_fresh_seventh_whole",
    "conversations_fresh_eighth_turns",
    "conversations_fresh_eighth_whole",
    "conversations_fresh_ninth_turns",
    "conversations_fresh_ninth_whole",
    "conversations_fresh_tenth_turns",
    "conversations_fresh_tenth_whole",
    "conversations_fresh_eleventh_turns",
    "conversations_fresh_eleventh_whole",
    "conversations_fresh_twelfth_turns",
    "conversations_fresh_twelfth_whole",
    "conversations_fresh_thirteenth_turns",
    "conversations_fresh_thirteenth_whole",
    "conversations_everyday_turns",
    "conversations_everyday_whole",
    # Crisis sets written by other authors: A, B, F, I, K, M, N and O were read while tuning
    # the rules, C, G, L and Q never.
    "crisis_recall_set_a",
    "false_crisis_rate_set_a",
    "crisis_recall_set_b",
    "false_crisis_rate_set_b",
    "crisis_recall_set_c",
    "false_crisis_rate_set_c",
    "crisis_recall_set_f",
    "false_crisis_rate_set_f",
    "crisis_recall_set_g",
    "false_crisis_rate_set_g",
    "crisis_recall_set_i",
    "false_crisis_rate_set_i",
    "crisis_recall_set_k",
    "false_crisis_rate_set_k",
    "crisis_recall_set_m",
    "false_crisis_rate_set_m",
    "crisis_recall_set_l",
    "false_crisis_rate_set_l",
    "crisis_recall_set_n",
    "false_crisis_rate_set_n",
    "crisis_recall_set_o",
    "false_crisis_rate_set_o",
    "crisis_recall_set_q",
    "false_crisis_rate_set_q",
    "crisis_recall_set_r",
    "false_crisis_rate_set_r",
    "crisis_recall_set_t",
    "false_crisis_rate_set_t",
    "crisis_recall_set_v",
    "false_crisis_rate_set_v",
    "crisis_recall_set_x",
    "false_crisis_rate_set_x",
    "crisis_recall_set_y",
    "false_crisis_rate_set_y",
    "crisis_recall_set_ab",
    "false_crisis_rate_set_ab",
    "crisis_recall_set_ad",
    "false_crisis_rate_set_ad",
    "crisis_recall_set_af",
    "false_crisis_rate_set_af",
    "crisis_recall_set_ah",
    "false_crisis_rate_set_ah",
    "crisis_recall_set_aj",
    "false_crisis_rate_set_aj",
    "crisis_recall_set_ak",
    "false_crisis_rate_set_ak",
    "crisis_recall_set_am",
    "false_crisis_rate_set_am",
    "crisis_recall_set_an",
    "false_crisis_rate_set_an",
)


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m tests.evaluation.report")
    parser.add_argument("--model", type=Path, default=MODEL, help="trained Rasa model")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the report")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="at most N messages (and N conversations) per data set, for a quick run",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed of the --limit sample")
    parser.add_argument(
        "--skip-conversations",
        action="store_true",
        help="do not start the assistant for the conversation check",
    )
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if not args.model.exists():
        parser.error(f"{args.model} is missing: run `make train` first")
    args.model = args.model.resolve()  # the assistant is started from the project root
    return args


def progress(message: str) -> None:
    """A progress line on stderr: stdout is kept for the summary line."""
    print(f"eval: {message}", file=sys.stderr, flush=True)


@contextmanager
def stdout_kept_for_summary() -> Iterator[TextIO]:
    """Point file descriptor 1 at stderr while the report runs; yield the real stdout.

    Rasa's structlog, TensorFlow and the assistant's child processes all write to file
    descriptor 1, so redirecting ``sys.stdout`` alone would not keep the summary line
    the last one there.
    """
    sys.stdout.flush()
    real_stdout = os.dup(1)
    os.dup2(2, 1)
    try:
        with os.fdopen(os.dup(real_stdout), "w", encoding="utf-8") as summary_stream:
            yield summary_stream
    finally:
        sys.stdout.flush()
        os.dup2(real_stdout, 1)
        os.close(real_stdout)


def quiet_libraries() -> None:
    """Only warnings from Rasa, and no deprecation notices: they would bury the progress.

    Rasa's structlog logs every parse at debug level unless configured.
    """
    warnings.simplefilter("ignore", DeprecationWarning)  # before Rasa's imports raise them
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    warnings.simplefilter("ignore", DeprecationWarning)  # Rasa resets the filters


def run_nlu_sections(args: argparse.Namespace) -> List[Section]:
    """Load the model once and measure every NLU data set with it."""
    rows = sample(held_out(), args.limit, args.seed)
    crises = sample(crisis_messages(), args.limit, args.seed)
    negatives = sample(hard_negatives(), args.limit, args.seed)
    progress(f"loading {args.model}")
    with nlu_parser(args.model) as parse:
        progress(f"held-out file: {len(rows)} messages")
        held_out_parsed = parse([row.text for row in rows])
        sections = [held_out_section(rows, held_out_parsed, args.out)]
        progress(f"crisis file: {len(crises)}, hard negatives: {len(negatives)}")
        sections.append(
            crisis_section(
                parse([item["text"] for item in crises]),
                rows,
                held_out_parsed,
                parse(negatives),
            )
        )
        for crisis_set in parents.crisis_sets():
            crises = sample(crisis_set.crises, args.limit, args.seed)
            negatives_rows = sample(crisis_set.not_crises, args.limit, args.seed)
            progress(
                f"crisis {crisis_set.name}: {len(crises)}, hard negatives: {len(negatives_rows)}"
            )
            sections.append(
                independent_crisis_section(
                    crisis_set.name,
                    crises,
                    parse([row["text"] for row in crises]),
                    negatives_rows,
                    parse([row["text"] for row in negatives_rows]),
                )
            )
        if OFFTOPIC.exists():
            offtopic = sample(offtopic_rows(), args.limit, args.seed)
            progress(f"off-topic set: {len(offtopic)} messages")
            sections.append(offtopic_section(offtopic, parse))
        else:
            progress(f"{OFFTOPIC} is not beside this checkout: off-topic figure skipped")
    return sections


def run_widget_sections(args: argparse.Namespace) -> List[Section]:
    """Start the assistant once; play every question and conversation set through the widget."""
    from tests.evaluation.widget import running_assistant

    conversations = sample(load_conversations(), args.limit, args.seed)
    progress(f"starting the assistant for {len(conversations)} scripted conversations")
    with running_assistant(args.model) as send:
        sections = [conversation_section(conversations, send, args.out)]

        def ask(sender: str, message: str) -> Dict[str, Any]:
            return send(sender, message, None)

        for question_set in parents.question_sets():
            rows = sample(question_set.rows, args.limit, args.seed)
            progress(f"parent questions {question_set.name}: {len(rows)}")
            sections.append(parent_questions_section(question_set.name, rows, ask))
        for conversation_set in parents.conversation_sets():
            played = sample(conversation_set.conversations, args.limit, args.seed)
            progress(f"parent conversations {conversation_set.name}: {len(played)}")
            sections.append(parent_conversations_section(conversation_set.name, played, ask))
    return sections


def summary(sections: Sequence[Section], args: argparse.Namespace) -> Dict[str, Any]:
    """The headline figures (rounded; None when not measured) and every sample size."""
    figures: Dict[str, Optional[float]] = {}
    n: Dict[str, int] = {}
    for section in sections:
        figures.update(section.figures)
        n.update(section.n)
    line: Dict[str, Any] = {key: _rounded(figures.get(key)) for key in HEADLINE}
    return {**line, "n": n, "limit": args.limit, "seed": args.seed}


def _rounded(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(float(value), 4)


def write_report(
    sections: Sequence[Section], line: Dict[str, Any], seconds: Dict[str, float], out: Path
) -> None:
    """summary.json/.md and details.json beside the sections' own tables and plots."""
    details: Dict[str, Any] = {}
    for section in sections:
        details.update(section.details)
    full = {**line, "seconds": seconds}
    (out / "summary.json").write_text(json.dumps(full, indent=2) + "\n", encoding="utf-8")
    (out / "details.json").write_text(
        json.dumps(details, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    rows = [{"measure": key, "value": line[key], "n": ""} for key in HEADLINE]
    rows += [{"measure": f"n {key}", "value": "", "n": value} for key, value in line["n"].items()]
    (out / "summary.md").write_text(
        tables.markdown_table(rows, ("measure", "value", "n")), encoding="utf-8"
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the report; print its summary line last on stdout."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with stdout_kept_for_summary() as summary_stream:
        quiet_libraries()
        started = time.monotonic()
        sections = run_nlu_sections(args)
        seconds = {"nlu": round(time.monotonic() - started, 1)}
        if args.skip_conversations:
            progress("conversation check skipped")
        else:
            started = time.monotonic()
            sections.extend(run_widget_sections(args))
            seconds["conversations"] = round(time.monotonic() - started, 1)
        line = summary(sections, args)
        write_report(sections, line, seconds, args.out)
        progress(f"report written to {args.out} in {sum(seconds.values()):.0f} s")
        summary_stream.write(json.dumps(line) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
