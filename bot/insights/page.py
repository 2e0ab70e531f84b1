"""A school's insights page: the last 12 weeks of its counts, small numbers suppressed.

``figures`` turns the stored counts into what may be shown, and is the only place that
suppresses: every count under 5 becomes "<5" (and a rate built on one is withheld) before
the HTML, CSV or JSON is made from it, so no format can leak a small number. Charts are
SVG drawn here (no script on the page), each with a title, a description and the table it
is drawn from.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from html import escape
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import quote

from bot.insights.store import InsightsStore
from bot.insights.weeks import last_weeks

WEEKS = 12
SMALL = 5  # counts below this are shown as "<5"
Shown = Union[int, str]
PROTECTION = (
    "How these figures are protected: they are counts per week, kept without any message, "
    "name or conversation, so no parent can be identified from them. Any number under 5 is "
    'shown as "<5", and a rate is given only when it rests on at least 5 replies.'
)
KIND_NAMES = {"crisis": "crisis", "clarify": "clarify", "out_of_scope": "off_topic"}


def shown(count: int) -> Shown:
    """A count as it may be shown: itself from 5, else "<5" (zero is no one: shown as 0)."""
    return count if count == 0 or count >= SMALL else f"<{SMALL}"


def rate(part: int, whole: int) -> Optional[float]:
    """part/whole, only when neither is a small number (else the rate would reveal one)."""
    if whole < SMALL or 0 < part < SMALL or whole - part in range(1, SMALL):
        return None
    return round(part / whole, 3)


def figures(
    store: InsightsStore, site_id: str, site_name: str, today: Optional[date] = None
) -> Dict[str, Any]:
    """The site's figures for the last 12 weeks, suppressed: what every format shows."""
    weeks = last_weeks(WEEKS, today)
    per_week: Dict[str, Counter[str]] = {week: Counter() for week in weeks}
    totals: Dict[str, Counter[str]] = {m: Counter() for m in ("topic", "platform", "age_band")}
    for row in store.counts(site_id, weeks):
        if row["measure"] == "kind":
            per_week[row["week"]][row["value"]] += row["count"]
        elif row["measure"] in totals:
            totals[row["measure"]][row["value"]] += row["count"]
    for rated in store.feedback(site_id, weeks):
        if not rated["reason"]:
            per_week[rated["week"]][f"helpful_{rated['rating']}"] += rated["count"]
    whole = sum((per_week[w] for w in weeks), Counter())
    questions = sum(n for kind, n in whole.items() if not kind.startswith("helpful_"))
    weekly = []
    for week in weeks:
        counts = per_week[week]
        asked = sum(n for kind, n in counts.items() if not kind.startswith("helpful_"))
        weekly.append(
            {
                "week": week,
                "questions": shown(asked),
                "crisis": shown(counts["crisis"]),
                "clarify": shown(counts["clarify"]),
                "off_topic": shown(counts["out_of_scope"]),
                "helpful_yes": shown(counts["helpful_yes"]),
                "helpful_no": shown(counts["helpful_no"]),
            }
        )
    ratings = whole["helpful_yes"] + whole["helpful_no"]
    return {
        "site": site_id,
        "name": site_name,
        "weeks": [weeks[0], weeks[-1]],
        "summary": {
            "questions": shown(questions),
            "crisis": shown(whole["crisis"]),
            "clarify_rate": rate(whole["clarify"], questions),
            "off_topic_rate": rate(whole["out_of_scope"], questions),
            "helpful_rate": rate(whole["helpful_yes"], ratings),
            "ratings": shown(ratings),
        },
        "weekly": weekly,
        "topics": _ranked(totals["topic"]),
        "apps": _ranked(totals["platform"]),
        "age_bands": _ranked(totals["age_band"]),
        "protection": PROTECTION,
    }


def _ranked(counts: Counter[str]) -> List[Dict[str, Shown]]:
    return [{"label": label, "questions": shown(n)} for label, n in counts.most_common()]


def as_json(data: Dict[str, Any]) -> str:
    """The figures as JSON."""
    return json.dumps(data, indent=1)


def as_csv(data: Dict[str, Any]) -> str:
    """The figures as CSV: section, label, measure, value (one number per line)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "label", "measure", "value"])
    for measure, value in data["summary"].items():
        writer.writerow(["summary", "", measure, "" if value is None else value])
    for row in data["weekly"]:
        for measure, value in row.items():
            if measure != "week":
                writer.writerow(["week", row["week"], measure, value])
    for section in ("topics", "apps", "age_bands"):
        for row in data[section]:
            writer.writerow([section, row["label"], "questions", row["questions"]])
    return out.getvalue()


# ---- HTML ----

STYLE = """body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:60rem;margin:0 auto;
padding:1rem}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:
collapse;margin:.5rem 0}th,td{border:1px solid #6b6b6b;padding:.25rem .6rem;text-align:left}
td.n{text-align:right}svg{max-width:100%;height:auto}a{color:#0b4f8a}.note{background:#f3f5f7;
padding:.6rem .8rem;border-radius:6px}.wide{overflow-x:auto}:focus-visible{outline:3px solid
#1a1a1a;outline-offset:2px}"""
LABELS = {
    "questions": "Questions",
    "crisis": "Crisis responses",
    "clarify": "Asked to clarify",
    "off_topic": "Off-topic",
    "helpful_yes": "Helpful: yes",
    "helpful_no": "Helpful: no",
}


def _percent(value: Optional[float]) -> str:
    return "withheld (fewer than 5)" if value is None else f"{round(100 * value)}%"


def _table(caption: str, head: Sequence[str], rows: Sequence[Sequence[Shown]]) -> str:
    cells = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(str(v))}</td>' if i else f"<th scope=row>{escape(str(v))}</th>"
            for i, v in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    heads = "".join(f"<th scope=col>{escape(h)}</th>" for h in head)
    # A wide table scrolls inside its own focusable region on a phone, not the whole page.
    return (
        f'<div class="wide" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f"<table><caption>{escape(caption)}</caption><tr>{heads}</tr>{cells}</table></div>"
    )


def _bars(chart_id: str, title: str, rows: Sequence[Tuple[str, Shown]]) -> str:
    """A horizontal bar chart; a suppressed value gets no bar, only its "<5" label."""
    numbers = [v for _, v in rows if isinstance(v, int)]
    top = max(numbers, default=0) or 1
    height = 28 * len(rows) + 8
    parts = []
    for i, (label, value) in enumerate(rows):
        y = 4 + 28 * i
        width = 300 * value / top if isinstance(value, int) else 0
        parts.append(
            f'<text x="0" y="{y + 17}" font-size="14">{escape(label)}</text>'
            f'<rect x="170" y="{y + 3}" width="{width:.1f}" height="20" fill="#0b4f8a"/>'
            f'<text x="{176 + width:.1f}" y="{y + 18}" font-size="14">{escape(str(value))}</text>'
        )
    described = "; ".join(f"{label}: {value}" for label, value in rows) or "no data"
    return (
        f'<svg role="img" viewBox="0 0 520 {height}" width="520" height="{height}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(described)}</desc>{"".join(parts)}</svg>'
    )


def _section(chart_id: str, title: str, head: str, rows: List[Dict[str, Shown]]) -> str:
    pairs = [(str(r["label"]).replace("_", " "), r["questions"]) for r in rows]
    if not pairs:
        return f"<h2>{escape(title)}</h2><p>No questions in these weeks.</p>"
    table = _table(f"{title} (table)", [head, "Questions"], pairs)
    return f"<h2>{escape(title)}</h2>{_bars(chart_id, title, pairs)}{table}"


def as_html(data: Dict[str, Any]) -> str:
    """The page: summary, the weekly table and chart, topics, apps and age bands, downloads."""
    s = data["summary"]
    first, last = data["weeks"]
    summary = _table(
        "Summary",
        ["Figure", "Value"],
        [
            ("Questions answered", s["questions"]),
            ("Crisis responses shown", s["crisis"]),
            ("Asked to clarify (share of questions)", _percent(s["clarify_rate"])),
            ("Off-topic (share of questions)", _percent(s["off_topic_rate"])),
            ("Found helpful (share of ratings)", _percent(s["helpful_rate"])),
            ("Ratings", s["ratings"]),
        ],
    )
    measures = list(LABELS)
    weekly = _table(
        "Per week (table)",
        ["Week", *[LABELS[m] for m in measures]],
        [[row["week"], *[row[m] for m in measures]] for row in data["weekly"]],
    )
    questions = [(row["week"], row["questions"]) for row in data["weekly"]]
    downloads = (
        f'<a download="insights-{escape(data["site"])}.csv" '
        f'href="data:text/csv;charset=utf-8,{quote(as_csv(data))}">Download CSV</a> · '
        f'<a download="insights-{escape(data["site"])}.json" '
        f'href="data:application/json;charset=utf-8,{quote(as_json(data))}">Download JSON</a>'
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Online safety questions: {escape(data['name'])}</title>"
        f"<style>{STYLE}</style></head><body><main>"
        f"<h1>What parents asked the online safety assistant: {escape(data['name'])}</h1>"
        f"<p>ISO weeks {first} to {last}.</p>"
        f'<p class="note">{escape(data["protection"])}</p>'
        f"<h2>Summary</h2>{summary}"
        f"<h2>Questions per week</h2>{_bars('weeks', 'Questions per week', questions)}{weekly}"
        + _section("topics", "Questions by topic", "Topic", data["topics"])
        + _section("apps", "Questions by app", "App", data["apps"])
        + _section("ages", "Questions by child's age", "Age band", data["age_bands"])
        + f"<h2>Downloads</h2><p>{downloads}</p></main></body></html>"
    )
