"""The machine-readable metadata every reply carries, and how guidance is laid out as text.

Replies travel as structure: the text never carries its sources, they are ``meta.sources``
only. Channels render citations from the metadata (the widget as links, plain-text channels
with ``sources_block``), and tests assert on it rather than on wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional

import yaml

from bot.knowledge.schema import INTERNATIONAL, GuidanceEntry, Source

TEMPLATES_FILE = Path(__file__).with_name("templates.yml")


@dataclass
class Reply:
    """A template to fill (bot/templates.yml), its values, metadata, buttons and slots."""

    template: str
    meta: Dict[str, Any]
    values: Dict[str, str] = field(default_factory=dict)
    # Templates said before and after the main one, filled from the same values.
    preface: Optional[str] = None
    follow_up: Optional[str] = None
    buttons: List[Dict[str, str]] = field(default_factory=list)
    slots: Dict[str, Any] = field(default_factory=dict)
    # The crisis card (bot/safety/response.py): the crisis answer as data, for the widget.
    card: Optional[Dict[str, Any]] = None
    # The school's own pages ({title, url}; bot/sites.yml links) under a reporting or crisis
    # answer on its site: structure, like the sources, for the widget to show as links.
    school_links: List[Dict[str, str]] = field(default_factory=list)


KINDS = ("guidance", "crisis", "out_of_scope", "chitchat", "clarify")


def reply_meta(
    kind: str,
    topic: Optional[str] = None,
    platform: Optional[str] = None,
    age_band: Optional[str] = None,
    country: Optional[str] = None,
    sources: Iterable[Source] = (),
    guidance_ids: Iterable[str] = (),
) -> Dict[str, Any]:
    """The ``meta`` object of a reply, with every key present.

    ``country`` is an ISO code or null: "another country" (INTL) is reported as null.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown reply kind: {kind}")
    return {
        "kind": kind,
        "topic": topic,
        "platform": platform,
        "age_band": age_band,
        "country": None if country == INTERNATIONAL else country,
        "sources": [source.as_dict() for source in sources],
        "guidance_ids": list(guidance_ids),
    }


def custom_payload(
    meta: Dict[str, Any],
    card: Optional[Dict[str, Any]] = None,
    school_links: Iterable[Mapping[str, str]] = (),
) -> Dict[str, Any]:
    """What goes in a message's ``custom`` field (REST shows it as its own message)."""
    payload: Dict[str, Any] = {"meta": meta}
    if card is not None:
        payload["crisis_card"] = card
    links = [dict(link) for link in school_links]
    if links:
        payload["school_links"] = links
    return payload


def sources_block(sources: Iterable[Mapping[str, Any]]) -> str:
    """The plain-text citations of a reply: "Sources:" then one "title: url" per line.

    The only place this format is written; only plain-text channels use it
    (bot/channels/rest.py). Empty when there are no sources.
    """
    lines = [f"{s.get('title')}: {s.get('url')}" for s in sources if s.get("url")]
    return "Sources:\n" + "\n".join(lines) if lines else ""


def steps_text(entry: GuidanceEntry) -> str:
    """The entry's steps as a bulleted block, or empty text when it has none."""
    return "".join(f"\n• {step}" for step in entry.steps)


@lru_cache(maxsize=1)
def templates() -> Dict[str, str]:
    """The reply templates in bot/templates.yml, read once per process."""
    loaded = yaml.safe_load(TEMPLATES_FILE.read_text(encoding="utf-8"))
    return {str(name): str(text) for name, text in loaded.items()}


def fill_template(name: str, values: Dict[str, str]) -> str:
    """The template ``name`` with its ``{placeholders}`` filled from ``values``."""
    return templates()[name].format(**values)
