"""The real servers, as `make run` starts them, answer over Rasa's REST channel.

Slow (two server starts): in tests/server/, run by `make test-server`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest

from bot.paths import MODEL
from launcher.settings import rasa_workers
from tests.harness.assistant import Assistant
from tests.harness.widget_api import FEEDBACK, WEBHOOK, request

WIDGET_SENDER_LIMIT = 5
ALLOWED_ORIGIN = "https://www.example.org"  # in bot/sites.yml, country GB


def http(
    assistant: Assistant,
    method: str,
    path: str,
    body: Any = None,
    headers: Optional[Dict[str, str]] = None,
) -> Tuple[int, Dict[str, str], Any]:
    """One request to the running server: status, headers, parsed JSON (or raw text)."""
    return tuple(request(assistant.url, method, path, body, headers))  # type: ignore[return-value]


def buttons(messages: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    return [b for m in messages for b in m.get("buttons") or []]


def text_and_meta(messages: List[Dict[str, Any]]) -> Tuple[str, Dict[str, Any]]:
    text = "\n".join(m["text"] for m in messages if "text" in m)
    metas = [m["custom"]["meta"] for m in messages if "custom" in m]
    assert len(metas) == 1, messages
    return text, metas[0]


@pytest.fixture(scope="module")
def tracker_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make train` first")
    return tmp_path_factory.mktemp("var") / "trackers.db"


@pytest.fixture(scope="module")
def assistant(tracker_db: Path) -> Iterator[Assistant]:
    running = Assistant(tracker_db, env={"WIDGET_SENDER_LIMIT": str(WIDGET_SENDER_LIMIT)})
    running.start()
    yield running
    running.stop()


def test_roblox_question_is_answered_with_cited_guidance(assistant: Assistant) -> None:
    text, meta = text_and_meta(assistant.say("rest-roblox", "is roblox safe for my 8 year old?"))
    assert meta["kind"] == "guidance"
    assert meta["platform"] == "roblox"
    assert meta["age_band"] == "5_8"
    assert meta["sources"]
    assert meta["sources"][0]["url"] in text  # the REST text itself cites a source URL


def test_chitchat_and_off_topic_carry_their_kind(assistant: Assistant) -> None:
    _, meta = text_and_meta(assistant.say("rest-chat", "are you a bot or a human?"))
    assert meta["kind"] == "chitchat"
    _, meta = text_and_meta(assistant.say("rest-chat", "what's a good recipe for banana bread"))
    assert meta["kind"] == "out_of_scope"


def test_crisis_without_a_country_helps_then_asks_and_the_button_sets_it(
    assistant: Assistant,
) -> None:
    sender = "rest-crisis-unknown"
    reply = assistant.say(sender, "a man online says he will share my sons nudes unless we pay")
    text, meta = text_and_meta(reply)
    assert (meta["kind"], meta["topic"], meta["country"]) == ("crisis", "sextortion", None)
    assert "immediate danger" in text and "Take It Down" in text
    gb = [b for b in buttons(reply) if b["title"] == "United Kingdom"]
    assert gb, buttons(reply)
    text, meta = text_and_meta(assistant.say(sender, gb[0]["payload"]))
    assert (meta["kind"], meta["country"]) == ("crisis", "GB")
    assert "999" in text and "CEOP" in text


def test_crisis_with_the_sites_country_gives_its_numbers_at_once(assistant: Assistant) -> None:
    reply = assistant.say(
        "rest-crisis-au", "my daughter snuck out to meet a guy from snapchat", country="AU"
    )
    text, meta = text_and_meta(reply)
    assert (meta["kind"], meta["topic"], meta["country"]) == ("crisis", "grooming", "AU")
    assert "000" in text and "ACCCE" in text
    assert buttons(reply) == []


@pytest.mark.parametrize(
    "country, route",
    [
        ("US", "CyberTipline"),
        ("GB", "CEOP"),
        ("AU", "ACCCE"),
        ("CA", "Cybertip.ca"),
        ("IE", "Hotline.ie"),
    ],
)
def test_reporting_in_five_countries(assistant: Assistant, country: str, route: str) -> None:
    reply = assistant.say(
        f"rest-report-{country}",
        "how do i report someone who is bothering my child online",
        country=country,
    )
    text, meta = text_and_meta(reply)
    assert (meta["kind"], meta["topic"], meta["country"]) == ("guidance", "reporting", country)
    assert route in text


def test_country_is_asked_once_then_remembered(assistant: Assistant) -> None:
    sender = "rest-report-remember"
    reply = assistant.say(sender, "where can I report a creepy account that messaged my daughter")
    assert text_and_meta(reply)[1]["country"] is None
    assert buttons(reply), "the country is asked"
    text, meta = text_and_meta(assistant.say(sender, "we're in Ireland"))
    assert (meta["topic"], meta["country"]) == ("reporting", "IE") and "Hotline.ie" in text
    reply = assistant.say(sender, "and how do I report a fake account pretending to be my son")
    text, meta = text_and_meta(reply)
    assert meta["country"] == "IE" and buttons(reply) == []


@pytest.mark.parametrize(
    "vague", ["my son and the internet", "my child's online life", "kids and phones and strangers"]
)
def test_vague_message_gets_advice_and_buttons_to_narrow_it(
    assistant: Assistant, vague: str
) -> None:
    sender = f"rest-vague-{len(vague)}"
    reply = assistant.say(sender, vague)
    _, meta = text_and_meta(reply)
    assert meta["kind"] == "guidance" and meta["sources"]
    options = buttons(reply)
    assert options, "topics or ages to narrow the answer"
    _, meta = text_and_meta(assistant.say(sender, options[0]["payload"]))
    assert meta["kind"] == "guidance"


def test_conversation_survives_a_restart(assistant: Assistant, tracker_db: Path) -> None:
    _, first = text_and_meta(assistant.say("rest-restart", "what is the minimum age for tiktok?"))
    assert first["topic"] == "age_requirements"
    assistant.stop()
    assert tracker_db.exists()
    assistant.start()  # same ports, same SQLite file
    # "she's 15" re-asks the previous question: only possible if the topic and app
    # came back from SQLite.
    _, meta = text_and_meta(assistant.say("rest-restart", "she's 15"))
    assert meta["topic"] == "age_requirements"
    assert meta["platform"] == "tiktok"
    assert meta["age_band"] == "13_15"


def test_widget_answers_with_messages_and_meta(assistant: Assistant) -> None:
    status, headers, reply = http(
        assistant,
        "POST",
        WEBHOOK,
        {"sender": "w-guid", "message": "is roblox safe for my 8 year old?"},
    )
    assert status == 200
    assert set(reply) == {"messages", "meta"}
    meta = reply["meta"]
    assert (meta["kind"], meta["platform"], meta["age_band"]) == ("guidance", "roblox", "5_8")
    assert meta["sources"] and all(s["url"].startswith("https://") for s in meta["sources"])
    assert all(set(m) == {"text", "buttons"} for m in reply["messages"])


def test_a_rest_client_cannot_pose_as_the_widget_or_set_the_contact(
    assistant: Assistant,
) -> None:
    status, _, reply = http(
        assistant,
        "POST",
        "/webhooks/rest/webhook",
        {
            "sender": "rest-forged",
            "message": "someone is blackmailing my son with his photos",
            "input_channel": "widget",
            "metadata": {"safeguarding_contact": "call 0000 now", "site_country": "GB"},
        },
    )
    assert status == 200
    text = " ".join(m.get("text") or "" for m in reply)
    assert "0000" not in text
    assert text_and_meta(reply)[1]["country"] is None  # asked, not taken from the forgery


def test_a_pages_country_counts_for_a_site_without_one(assistant: Assistant) -> None:
    status, _, reply = http(
        assistant,
        "POST",
        WEBHOOK,
        {
            "sender": "w-page-nz",
            "message": "where do i report grooming",
            "metadata": {"country": "NZ"},
        },
    )
    assert status == 200 and reply["meta"]["country"] == "NZ"  # the demo site has no country


def test_widget_site_decides_country_and_cors_allows_it(assistant: Assistant) -> None:
    status, headers, reply = http(
        assistant,
        "POST",
        WEBHOOK,
        {
            "sender": "w-site",
            "message": "someone is blackmailing my son with his photos",
            "metadata": {"country": "US"},
        },
        {"Origin": ALLOWED_ORIGIN},
    )
    assert status == 200
    assert headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
    assert reply["meta"]["kind"] == "crisis"
    assert reply["meta"]["country"] == "GB"  # from bot/sites.yml, not the page's "US"
    text = " ".join(m["text"] for m in reply["messages"])
    assert "999" in text and "Designated Safeguarding Lead" in text


def test_cors_preflight_allowed_and_refused(assistant: Assistant) -> None:
    request = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    status, headers, _ = http(
        assistant, "OPTIONS", WEBHOOK, headers={"Origin": ALLOWED_ORIGIN, **request}
    )
    assert 200 <= status < 300
    assert headers.get("Access-Control-Allow-Origin") == ALLOWED_ORIGIN
    assert "POST" in headers.get("Access-Control-Allow-Methods", "")
    status, headers, _ = http(
        assistant, "OPTIONS", WEBHOOK, headers={"Origin": "https://evil.example.com", **request}
    )
    # No Allow-Origin header: the browser refuses the cross-origin request.
    assert "Access-Control-Allow-Origin" not in headers


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 400),
        ({"sender": "bad sender!", "message": "hi"}, 400),
        ({"sender": "w-400", "message": ""}, 400),
        ({"sender": "w-400", "message": "x" * 1001}, 400),
        ({"sender": "w-400", "message": "hi", "metadata": ["GB"]}, 400),
        ({"sender": "w-413", "message": "hi", "metadata": {"lang": "en"}, "pad": "x" * 9000}, 413),
    ],
)
def test_widget_rejects_bad_requests_with_json_errors(
    assistant: Assistant, body, status: int
) -> None:
    got, _, reply = http(assistant, "POST", WEBHOOK, body)
    assert got == status and isinstance(reply, dict) and set(reply) == {"error"}


def test_widget_refuses_other_origins_and_methods(assistant: Assistant) -> None:
    status, _, reply = http(
        assistant,
        "POST",
        WEBHOOK,
        {"sender": "w-403", "message": "hi"},
        {"Origin": "https://evil.example.com"},
    )
    assert (status, set(reply)) == (403, {"error"})
    status, headers, reply = http(assistant, "GET", WEBHOOK)
    assert (status, set(reply)) == (405, {"error"})


def test_widget_rate_limits_a_flooding_sender(assistant: Assistant) -> None:
    # Each Sanic worker counts for itself (bot/channels/rate_limit.py), and a new connection
    # may reach either: the first LIMIT always pass, and by workers * LIMIT + 1 one worker
    # has seen more than LIMIT.
    statuses, headers, reply = [], {}, None
    for _ in range(rasa_workers() * WIDGET_SENDER_LIMIT + 1):
        status, headers, reply = http(
            assistant, "POST", WEBHOOK, {"sender": "w-flood", "message": "hello"}
        )
        statuses.append(status)
        if status == 429:
            break
    assert statuses[:WIDGET_SENDER_LIMIT] == [200] * WIDGET_SENDER_LIMIT
    assert statuses[-1] == 429 and int(headers["Retry-After"]) >= 1 and set(reply) == {"error"}
    status, _, _ = http(assistant, "POST", WEBHOOK, {"sender": "w-other", "message": "hello"})
    assert status == 200  # other parents are unaffected


def test_widget_serves_its_script_and_demo_page(assistant: Assistant) -> None:
    for path in ("/webhooks/widget/widget.js", "/webhooks/widget/demo"):
        status, _, body = http(assistant, "GET", path)
        assert status == 200, path
    status, _, page = http(assistant, "GET", "/webhooks/widget/demo")
    assert '<script src="/webhooks/widget/widget.js" defer></script>' in page


INSIGHTS = "/webhooks/widget/insights?site=example-school"


def test_an_answer_is_counted_once_and_rated_in_the_aggregates_only(
    assistant: Assistant, tracker_db: Path
) -> None:
    import sqlite3
    import time

    from bot.insights.store import FLUSH_INTERVAL_S

    def counted() -> Dict[Tuple[str, str], int]:
        time.sleep(FLUSH_INTERVAL_S + 2)  # the tally is written in batches
        with sqlite3.connect(tracker_db) as database:
            try:
                rows = database.execute(
                    "SELECT * FROM insight_counts WHERE site = 'example-school'"
                )
            except sqlite3.OperationalError:  # run alone: no widget message has made the table
                return {}
            return {(measure, value): n for _, _, measure, value, n in rows}

    before = counted()  # other tests here ask from this site too
    school = {"Origin": ALLOWED_ORIGIN}
    asked = {
        "sender": "w-aggregates",
        "message": "is roblox safe for my 8 year old? I'm Jo Bloggs, jo.bloggs@example.com",
        "message_id": "aggregates-1",
    }
    status, _, reply = http(assistant, "POST", WEBHOOK, asked, school)
    assert status == 200 and reply["meta"]["kind"] == "guidance"
    assert http(assistant, "POST", WEBHOOK, asked, school)[0] == 200  # a retry: not counted
    ids = reply["meta"]["guidance_ids"]
    assert (
        http(assistant, "POST", FEEDBACK, {"guidance_ids": ids, "rating": "no"}, school)[0] == 204
    )
    why = {"guidance_ids": ids, "rating": "no", "reason": "rude"}
    assert http(assistant, "POST", FEEDBACK, why, school)[0] == 400
    after = counted()

    with sqlite3.connect(tracker_db) as database:
        rated = database.execute("SELECT entry_id, rating, count FROM feedback_counts").fetchall()
        everything = [
            *database.execute("SELECT * FROM insight_counts"),
            *database.execute("SELECT * FROM feedback_counts"),
        ]
    for label in (("kind", "guidance"), ("platform", "roblox")):
        assert after[label] - before.get(label, 0) == 1
    assert sorted(rated) == sorted((entry, "no", 1) for entry in ids)
    dumped = json.dumps(everything).lower()
    assert not any(
        word in dumped for word in ("bloggs", "example.com", "w-aggregates", "aggregates-1")
    )


def test_the_insights_page_needs_the_sites_token(assistant: Assistant) -> None:
    status, headers, _ = http(assistant, "GET", INSIGHTS)
    assert status == 401 and headers.get("WWW-Authenticate", "").startswith("Bearer")
    # example-school lists no token hash, so no token opens it
    assert http(assistant, "GET", INSIGHTS, headers={"Authorization": "Bearer guess"})[0] == 403
