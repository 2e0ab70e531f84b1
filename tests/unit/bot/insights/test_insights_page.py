"""GET /webhooks/widget/insights: tokens, suppression under 5 in every format, the page."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, Optional

import pytest
import sqlalchemy as sa

from bot.channels.sites import load_sites
from bot.channels.widget import WidgetInput
from bot.insights import access
from bot.insights.page import as_csv, as_html, as_json, figures
from bot.insights.store import InsightsStore, Recorder
from bot.insights.weeks import iso_week
from tests.harness.routes import agent_on, call, request

TOKEN = "school-token-0123456789abcdefghijklmnopqrstuv"
OTHER = "other-token-0123456789abcdefghijklmnopqrstuvw"
SITES = """sites:
  - id: demo
    name: Demo
    origins: []
  - id: hillside
    name: Hillside Primary
    origins: ["https://hillside.example"]
    insights_token_sha256: {hillside}
  - id: oakwood
    name: Oakwood High
    origins: ["https://oakwood.example"]
    insights_token_sha256: {oakwood}
"""


def sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@pytest.fixture
def channel(tmp_path: Path) -> WidgetInput:
    sites = tmp_path / "sites.yml"
    sites.write_text(SITES.format(hillside=sha(TOKEN), oakwood=sha(OTHER)))
    return WidgetInput(load_sites(sites))


@pytest.fixture
def engine(tmp_path: Path) -> sa.engine.Engine:
    """Hillside: 7 Roblox questions for 5-8s, 3 crisis, 2 clarify, ratings 6 yes 1 no."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'trackers.db'}")
    recorder = Recorder(InsightsStore(engine))
    guidance = {
        "kind": "guidance",
        "topic": "platform_safety",
        "platform": "roblox",
        "age_band": "5_8",
    }
    for _ in range(7):
        recorder.count_reply("hillside", guidance)
    for _ in range(3):
        recorder.count_reply("hillside", {"kind": "crisis", "topic": "sextortion"})
    for _ in range(2):
        recorder.count_reply("hillside", {"kind": "clarify"})
    for _ in range(6):
        recorder.count_feedback("hillside", ["roblox_safety"], "yes")
    recorder.count_feedback("hillside", ["roblox_safety"], "no")
    for _ in range(40):
        recorder.count_reply("oakwood", guidance)  # another school's: never on Hillside's page
    recorder.flush()
    return engine


async def get(
    channel: WidgetInput, engine: Any, token: Optional[str], site: str = "hillside", **args: str
) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    req = request(agent_on(engine), origin=None, headers=headers, args={"site": site, **args})
    return await call(channel, "GET", "/insights", req)


async def test_no_token_is_401_and_another_sites_token_is_403(channel, engine) -> None:
    assert (await get(channel, engine, None)).status == 401
    basic = request(agent_on(engine), origin=None, headers={"Authorization": f"Basic {TOKEN}"},
                    args={"site": "hillside"})  # fmt: skip
    assert (await call(channel, "GET", "/insights", basic)).status == 401
    assert (await get(channel, engine, OTHER)).status == 403  # Oakwood's token
    assert (await get(channel, engine, TOKEN, site="oakwood")).status == 403
    assert (await get(channel, engine, TOKEN, site="nowhere")).status == 403
    assert (await get(channel, engine, TOKEN, site="demo")).status == 403  # no token listed
    assert (await get(channel, engine, TOKEN + "x")).status == 403
    assert (await get(channel, engine, TOKEN)).status == 200


async def test_tokens_are_compared_in_constant_time(channel, engine, monkeypatch) -> None:
    compared = []
    real = access.hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    assert (await get(channel, engine, TOKEN)).status == 200
    assert (await get(channel, engine, OTHER)).status == 403
    assert compared == [(sha(TOKEN), sha(TOKEN)), (sha(OTHER), sha(TOKEN))]


async def test_the_page_is_rate_limited_before_the_token_is_checked(
    tmp_path, engine, monkeypatch
) -> None:
    monkeypatch.setenv("WIDGET_INSIGHTS_LIMIT", "3")
    sites = tmp_path / "sites.yml"
    sites.write_text(SITES.format(hillside=sha(TOKEN), oakwood=sha(OTHER)))
    channel = WidgetInput(load_sites(sites))
    statuses = [(await get(channel, engine, guess)).status for guess in ("a", "b", "c", TOKEN)]
    assert statuses == [403, 403, 403, 429]


def suppressed_figures(engine: Any) -> Dict[str, Any]:
    return figures(InsightsStore(engine), "hillside", "Hillside Primary")


def test_counts_under_5_are_shown_as_under_5_and_rates_on_them_withheld(engine) -> None:
    data = suppressed_figures(engine)
    assert data["summary"] == {
        "questions": 12,
        "crisis": "<5",
        "clarify_rate": None,  # 2 of 12 would say there were 2
        "off_topic_rate": 0.0,  # none is no one
        "helpful_rate": None,  # 6 of 7 would say one "no"
        "ratings": 7,
    }
    week = data["weekly"][-1]
    assert week["week"] == iso_week()
    assert (week["questions"], week["crisis"], week["clarify"], week["helpful_no"]) == (
        12,
        "<5",
        "<5",
        "<5",
    )
    assert data["topics"] == [
        {"label": "platform_safety", "questions": 7},
        {"label": "sextortion", "questions": "<5"},
    ]
    assert data["apps"] == [{"label": "roblox", "questions": 7}]
    assert len(data["weekly"]) == 12


def every_number(text: str) -> set:
    return {int(n) for n in re.findall(r"(?<![\w.<-])\d+(?![\w.%-])", text)}


def test_no_format_shows_a_number_under_5(engine) -> None:
    data = suppressed_figures(engine)
    rows = list(csv.DictReader(io.StringIO(as_csv(data))))
    values = {(r["section"], r["label"], r["measure"]): r["value"] for r in rows}
    assert values[("summary", "", "crisis")] == "<5"
    assert values[("topics", "sextortion", "questions")] == "<5"
    assert values[("summary", "", "helpful_rate")] == ""
    assert not [v for v in values.values() if v.isdigit() and 0 < int(v) < 5]
    parsed = json.loads(as_json(data))
    assert parsed["weekly"][-1]["crisis"] == "<5"
    assert "<5" in json.dumps(parsed) and not re.search(r'": [1-4][,}\n]', as_json(data))
    html = as_html(data)
    assert "&lt;5" in html
    body = re.sub(r"<[^>]+>", " ", html.split("</style>", 1)[1].split("Downloads", 1)[0])
    body = re.sub(r"\d{4}-W\d{2}|5-8|5_8|under 5|fewer than 5|least 5", " ", body)
    assert not {n for n in every_number(body) if 0 < n < 5}


async def test_the_page_is_plain_html_with_accessible_charts_and_downloads(channel, engine) -> None:
    page = await get(channel, engine, TOKEN)
    html = page.body.decode()
    assert page.content_type.startswith("text/html")
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "Hillside Primary" in html and "Oakwood" not in html
    assert html.count('<svg role="img"') == 4 and html.count("<title id=") == 4
    assert html.count("<desc id=") == 4 and "<caption>Questions by app (table)</caption>" in html
    assert "How these figures are protected" in html
    assert 'download="insights-hillside.csv" href="data:text/csv' in html


async def test_csv_and_json_downloads_are_the_same_suppressed_figures(channel, engine) -> None:
    as_file = await get(channel, engine, TOKEN, format="csv")
    assert as_file.content_type.startswith("text/csv")
    assert 'filename="insights-hillside.csv"' in as_file.headers["Content-Disposition"]
    assert "summary,,crisis,<5" in as_file.body.decode()
    data = json.loads((await get(channel, engine, TOKEN, format="json")).body)
    assert data["summary"]["crisis"] == "<5" and data["summary"]["questions"] == 12
    assert (await get(channel, engine, TOKEN, format="pdf")).status == 400


def test_a_token_hash_in_sites_yml_must_be_a_sha256(tmp_path: Path) -> None:
    from bot.channels.sites import SitesConfigError

    sites = tmp_path / "sites.yml"
    sites.write_text(SITES.format(hillside=TOKEN, oakwood=sha(OTHER)))
    with pytest.raises(SitesConfigError, match="insights_token_sha256 must be 64"):
        load_sites(sites)


def test_weeks_shown_are_the_last_12(engine) -> None:
    data = figures(InsightsStore(engine), "hillside", "Hillside", date(2026, 12, 6))
    assert data["weeks"] == ["2026-W38", "2026-W49"]
