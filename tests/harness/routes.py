"""Calling the widget channel's routes without a server: a stand-in request and agent."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any, Dict, Optional

import sqlalchemy as sa
from sanic.request import RequestParameters

from bot.channels.widget import WidgetInput

OWN = "http://localhost:5005"  # the server's own origin: the demo site


def agent_on(engine: sa.engine.Engine) -> Any:
    """An agent whose tracker store keeps its database in ``engine``."""
    return SimpleNamespace(tracker_store=SimpleNamespace(engine=engine))


def request(
    agent: Any,
    body: Any = None,
    origin: Optional[str] = OWN,
    headers: Optional[Dict[str, str]] = None,
    args: Optional[Dict[str, str]] = None,
    ip: str = "198.51.100.9",
) -> Any:
    raw = (
        body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
    )
    sent = {**({"origin": origin} if origin else {}), **(headers or {})}
    return SimpleNamespace(
        headers={k.lower(): v for k, v in sent.items()},
        body=raw,
        scheme="http",
        host="localhost:5005",
        ip=ip,
        args=RequestParameters({k: [v] for k, v in (args or {}).items()}),
        app=SimpleNamespace(ctx=SimpleNamespace(agent=agent)),
    )


async def call(channel: WidgetInput, method: str, uri: str, req: Any) -> Any:
    """The response of the channel's route for ``method`` and ``uri`` to ``req``."""

    async def unused(message: Any) -> None:
        raise AssertionError("no message is handled here")

    for route in channel.blueprint(unused)._future_routes:
        if route.uri == uri and method in route.methods:
            return await route.handler(req)
    raise LookupError(f"no route {method} {uri}")
