"""The real servers, as `make run` starts them, answer over Rasa's REST channel.

Slow (two server starts), so it is marked `server` and run by `make test-server`.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "parental.tar.gz"
pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Assistant:
    """`python -m bot serve` on free ports with its own SQLite file."""

    def __init__(self, tracker_db: Path) -> None:
        self.port, self.actions_port = free_port(), free_port()
        self.tracker_db = tracker_db
        self.process: subprocess.Popen = None  # type: ignore[assignment]

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--model", str(MODEL),
             "--port", str(self.port), "--actions-port", str(self.actions_port),
             "--tracker-db", str(self.tracker_db)],
            cwd=ROOT,
        )  # fmt: skip
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the assistant exited during start-up"
            try:
                self.say("startup-probe", "hello there")
                return
            except OSError:
                time.sleep(1)
        raise AssertionError("the assistant did not answer within 240 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            assert self.process.wait(timeout=60) == 0

    def say(self, sender: str, message: str, **metadata: str) -> List[Dict[str, Any]]:
        body: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/webhooks/rest/webhook",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return list(json.loads(response.read()))


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
    running = Assistant(tracker_db)
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


def test_conversation_survives_a_restart(assistant: Assistant, tracker_db: Path) -> None:
    _, first = text_and_meta(assistant.say("rest-restart", "how old for tiktok?"))
    assert first["topic"] == "age_requirements"
    assistant.stop()
    assert tracker_db.exists()
    restarted = Assistant(tracker_db)
    restarted.start()
    try:
        # "she's 15" re-asks the previous question: only possible if the topic and app
        # came back from SQLite.
        _, meta = text_and_meta(restarted.say("rest-restart", "she's 15"))
        assert meta["topic"] == "age_requirements"
        assert meta["platform"] == "tiktok"
        assert meta["age_band"] == "13_15"
    finally:
        restarted.stop()
