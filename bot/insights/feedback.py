"""Was this helpful? What a rating may say, checked strictly before anything is counted.

``POST /webhooks/widget/feedback`` takes ``{"guidance_ids": [...], "rating": "yes"|"no"}``,
or after a "no" ``{"guidance_ids": [...], "rating": "no", "reason": "<one of REASONS>"}``
(counted as a reason only: the "no" was counted when it was tapped). No free text, no
sender, no message: only entry ids that exist in the knowledge base.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import FrozenSet, Optional, Tuple

from bot.channels.trust import BadRequest
from bot.knowledge.schema import KnowledgeBase

# What a parent can tap after "No", by the code the widget sends (widget/widget.js shows
# the same labels).
REASONS = {
    "not_answered": "didn't answer my question",
    "out_of_date": "out of date",
    "wrong_app": "wrong app",
    "too_long": "too long",
    "hard_to_follow": "hard to follow",
}
RATINGS = ("yes", "no")
MAX_FEEDBACK_BYTES = 512
MAX_IDS = 4  # an answer cites an entry and at most an app profile; a few to spare
APP_PREFIX = "app:"  # how bot/answering.py names an app profile in meta.guidance_ids


@dataclass(frozen=True)
class Feedback:
    """One validated rating of one answer."""

    guidance_ids: Tuple[str, ...]
    rating: str
    reason: str = ""  # "" for the rating itself


def rateable_ids(kb: KnowledgeBase) -> FrozenSet[str]:
    """The ids an answer can be rated by: guidance entries and app profiles."""
    return frozenset(
        [entry.id for entry in kb.entries] + [f"{APP_PREFIX}{app}" for app in kb.profiles]
    )


def parse_feedback(body: Optional[bytes], known_ids: FrozenSet[str]) -> Feedback:
    """The rating in a request body; raises BadRequest saying what is wrong."""
    if len(body or b"") > MAX_FEEDBACK_BYTES:
        raise BadRequest(f"body must be at most {MAX_FEEDBACK_BYTES} bytes")
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadRequest("body must be JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("body must be a JSON object")
    unknown = set(data) - {"guidance_ids", "rating", "reason"}
    if unknown:
        raise BadRequest(f"{sorted(unknown)[0]} is not accepted")
    ids = data.get("guidance_ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_IDS:
        raise BadRequest(f"guidance_ids must be a list of 1-{MAX_IDS} ids")
    if not all(isinstance(i, str) and i in known_ids for i in ids):
        raise BadRequest("guidance_ids must name entries of the knowledge base")
    rating = data.get("rating")
    if rating not in RATINGS:
        raise BadRequest("rating must be 'yes' or 'no'")
    reason = data.get("reason")
    if reason is not None and (rating != "no" or reason not in REASONS):
        raise BadRequest(f"reason must follow 'no' and be one of {', '.join(REASONS)}")
    return Feedback(tuple(dict.fromkeys(ids)), str(rating), str(reason or ""))
