"""Malformed and hostile requests at volume, through nginx: never a 5xx, memory stays bounded."""

from __future__ import annotations

import http.client
import itertools
import json
import urllib.parse
from collections import Counter
from typing import Any, Dict, List, Optional, Tuple

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from launcher.cluster.cluster import Cluster
from launcher.processes import answers

EXAMPLES = 5_000
MEMORY_GROWTH_LIMIT_MB = 300
HOSTILE_TEXT = st.sampled_from([
    "<script>alert(1)</script>", "'; DROP TABLE events; --", "{{7*7}}", "${jndi:ldap://x}",
    "\u0000\u0001\u001b[31m", "\ud800"[:0] + "\U0001f600" * 200, "a" * 1001, " \n\t ", "",
    "../../etc/passwd", "%00%0d%0a", "is roblox safe?" * 40, "\u202eevil", "my son is -3",
])  # fmt: skip
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
SENDER = st.one_of(st.from_regex(r"\A[A-Za-z0-9_-]{1,64}\Z"), st.text(max_size=80), JSON_VALUE)
MESSAGE = st.one_of(HOSTILE_TEXT, st.text(max_size=1200), JSON_VALUE)
BODY_OBJECT = st.fixed_dictionaries(
    {},
    optional={
        "sender": SENDER,
        "message": MESSAGE,
        "message_id": st.one_of(st.text(max_size=70), JSON_VALUE),
        "metadata": st.one_of(
            JSON_VALUE, st.dictionaries(st.sampled_from(["lang", "country", "x"]), JSON_VALUE)
        ),
    },
)
BODY = st.one_of(
    BODY_OBJECT.map(lambda body: json.dumps(body).encode()),
    st.binary(max_size=2_000),
    st.sampled_from(
        [b"", b"{", b"[" * 5_000, b'{"sender": "a", "message": "' + b"x" * 9_000 + b'"}', b"null"]
    ),
    JSON_VALUE.map(lambda value: json.dumps(value).encode()),
)
PATH = st.one_of(
    # Most requests go to the widget's API, where the parsing is.
    st.just("/webhooks/widget/webhook"),
    st.just("/webhooks/widget/webhook"),
    st.sampled_from(["/webhooks/widget/webhook", "/webhooks/widget/ready", "/webhooks/widget/",
                     "/webhooks/rest/webhook", "/model/parse", "/webhooks/widget/webhook/../../status"]),
    st.text(max_size=40).map(lambda text: "/webhooks/widget/" + urllib.parse.quote(text, safe="")),
    st.text(max_size=30).map(lambda text: "/webhooks/widget/webhook?" + urllib.parse.quote(text, safe="=&")),
)  # fmt: skip
METHOD = st.sampled_from(["POST"] * 6 + ["GET", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"])
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "Origin": st.sampled_from(["https://www.example.org", "https://evil.example", "null", "", "x" * 300]),
        "Content-Type": st.sampled_from(["application/json", "text/plain", "multipart/form-data", "application/json; charset=utf-16"]),
        "X-Forwarded-For": st.sampled_from(["1.2.3.4", "127.0.0.1, 10.0.0.1", "garbage"]),
        "Access-Control-Request-Method": st.just("POST"),
    },
)  # fmt: skip


class Sender:
    """Keep-alive connections to nginx from many addresses, so nginx's limit is not all we test."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.addresses = itertools.cycle(f"127.0.60.{i}" for i in range(1, 251))
        self.connections: Dict[str, http.client.HTTPConnection] = {}
        self.statuses: Counter = Counter()

    def send(self, method: str, path: str, body: bytes, headers: Dict[str, str]) -> int:
        address = next(self.addresses)
        for _ in range(2):  # nginx may close a keep-alive connection after an error
            connection = self.connections.get(address)
            if connection is None:
                connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=30, source_address=(address, 0)
                )
                self.connections[address] = connection
            try:
                connection.request(
                    method,
                    path,
                    body=body if method not in ("GET", "HEAD") else None,
                    headers=headers,
                )
                response = connection.getresponse()
                response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self._drop(address)
                self.statuses[response.status] += 1
                return response.status
            except (http.client.HTTPException, ConnectionError):
                self._drop(address)
        raise AssertionError(f"nginx dropped {method} {path} twice")

    def _drop(self, address: str) -> None:
        connection = self.connections.pop(address, None)
        if connection is not None:
            connection.close()


def _memory_mb(cluster: Cluster) -> float:
    total_kb = 0
    for child in cluster.instances:
        for pid in child.pids():
            try:
                for line in open(f"/proc/{pid}/status", encoding="ascii"):
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
            except OSError:
                pass
    return total_kb / 1024


def test_hostile_requests_never_get_a_5xx(cluster: Cluster) -> None:
    sender = Sender(cluster.settings.port)
    before_mb = _memory_mb(cluster)
    sent: List[Tuple[str, str, Optional[int]]] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(method=METHOD, path=PATH, body=BODY, headers=HEADERS)
    def hostile(method: str, path: str, body: bytes, headers: Dict[str, Any]) -> None:
        status = sender.send(method, path, body, headers)
        sent.append((method, path, status))
        assert status < 500, (method, path, body[:200], headers, status)

    hostile()
    after_mb = _memory_mb(cluster)
    print(
        f"{len(sent)} requests, statuses {dict(sender.statuses)}, RSS {before_mb:.0f} -> {after_mb:.0f} MB"
    )
    assert len(sent) >= EXAMPLES
    assert after_mb - before_mb < MEMORY_GROWTH_LIMIT_MB
    for child in cluster.instances:
        assert answers(cluster.ready_url(child)), f"{child.name} is not healthy after the barrage"
    assert sender.statuses[200] > 0  # some were valid enough to be answered
