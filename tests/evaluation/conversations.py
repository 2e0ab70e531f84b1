"""Scripted multi-turn conversations and whether each reply's ``meta`` meets expectations.

The conversations (conversations.yml beside this module) are played through the widget
API by ``tests.evaluation.widget``; this module only reads them, sends turns through a
function it is given, and judges the replies, so all of it is tested without a server.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Union

import yaml

from bot.replies import KINDS
from tests.harness.paths import EVAL_CONVERSATIONS

CONVERSATIONS = EVAL_CONVERSATIONS
# The meta fields a turn may set expectations on (bot/replies.py, reply_meta).
EXPECTABLE = ("kind", "topic", "platform", "age_band", "country")

# (sender, message, origin or None) -> the widget API's reply {"messages", "meta"}.
Send = Callable[[str, str, Optional[str]], Dict[str, Any]]


class ConversationFileError(ValueError):
    """The conversations file is malformed; the message says where."""


@dataclass(frozen=True)
class Turn:
    """One parent turn: a typed message, or a button of the previous reply.

    ``press`` is the button's title, or its position (1 is the first) for buttons whose
    titles depend on the classifier's ranking, such as the topics offered to clarify.
    """

    expect: Mapping[str, Optional[str]]
    say: Optional[str] = None
    press: Union[str, int, None] = None

    @property
    def shown(self) -> str:
        """The turn as a reader of the report should see it."""
        if self.say is not None:
            return self.say
        return (
            f"[button #{self.press}]" if isinstance(self.press, int) else f"[button] {self.press}"
        )


@dataclass(frozen=True)
class Conversation:
    """A named conversation; ``origin`` is the school page it comes from (None: the demo)."""

    name: str
    turns: Sequence[Turn]
    origin: Optional[str] = None


@dataclass(frozen=True)
class TurnResult:
    """What one turn expected, the reply's meta, and each expectation it missed."""

    conversation: str
    message: str
    expected: Mapping[str, Optional[str]]
    got: Mapping[str, Any]
    problems: List[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when every expectation of the turn was met."""
        return not self.problems


def load_conversations(path: Path = CONVERSATIONS) -> List[Conversation]:
    """Read and check the conversations file."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    raw_conversations = document.get("conversations")
    if not isinstance(raw_conversations, list) or not raw_conversations:
        raise ConversationFileError(f"{path.name}: expected a non-empty list 'conversations'")
    conversations = [_conversation(path.name, raw) for raw in raw_conversations]
    names = [c.name for c in conversations]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ConversationFileError(f"{path.name}: conversation names repeat: {repeated}")
    return conversations


def _conversation(file: str, raw: Any) -> Conversation:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise ConversationFileError(f"{file}: every conversation needs a name")
    where = f"{file}: {raw['name']}"
    turns = raw.get("turns")
    if not isinstance(turns, list) or not turns:
        raise ConversationFileError(f"{where}: needs a non-empty list 'turns'")
    return Conversation(
        name=raw["name"],
        turns=[_turn(f"{where}, turn {i + 1}", t) for i, t in enumerate(turns)],
        origin=raw.get("origin"),
    )


def _turn(where: str, raw: Any) -> Turn:
    if not isinstance(raw, dict) or sum(key in raw for key in ("say", "press")) != 1:
        raise ConversationFileError(f"{where}: needs exactly one of 'say' and 'press'")
    expect = raw.get("expect")
    if not isinstance(expect, dict) or not expect:
        raise ConversationFileError(f"{where}: needs an 'expect' mapping")
    unknown = sorted(set(expect) - set(EXPECTABLE))
    if unknown:
        raise ConversationFileError(f"{where}: cannot expect {unknown}; use {list(EXPECTABLE)}")
    for key, value in expect.items():
        if value is not None and not isinstance(value, str):
            # YAML reads an unquoted 9_12 as the number 912: quote age bands.
            raise ConversationFileError(f"{where}: {key} must be quoted text or null")
    if "kind" in expect and expect["kind"] not in KINDS:
        raise ConversationFileError(f"{where}: kind must be one of {list(KINDS)}")
    say, press = raw.get("say"), raw.get("press")
    if "say" in raw and (not isinstance(say, str) or not say.strip()):
        raise ConversationFileError(f"{where}: 'say' must be non-empty text")
    if "press" in raw and not _is_button_choice(press):
        raise ConversationFileError(f"{where}: 'press' must be a title or a position from 1")
    return Turn(expect=dict(expect), say=say, press=press)


def _is_button_choice(press: Any) -> bool:
    if isinstance(press, bool):  # YAML's yes/no, not a position
        return False
    return (isinstance(press, str) and bool(press.strip())) or (
        isinstance(press, int) and press >= 1
    )


def unmet_expectations(expected: Mapping[str, Optional[str]], meta: Mapping[str, Any]) -> List[str]:
    """One line for each expected meta field the reply got wrong (``null`` must be null)."""
    problems = []
    for key, wanted in expected.items():
        if key not in meta:
            problems.append(f"{key}: expected {wanted!r}, the reply has no such field")
        elif meta[key] != wanted:
            problems.append(f"{key}: expected {wanted!r}, got {meta[key]!r}")
    return problems


def button_payload(reply: Optional[Mapping[str, Any]], choice: Union[str, int]) -> Optional[str]:
    """The payload of a button in a widget reply, by title or by position from 1."""
    buttons = [b for m in (reply or {}).get("messages") or [] for b in m.get("buttons") or []]
    if isinstance(choice, int):
        return str(buttons[choice - 1].get("payload")) if 1 <= choice <= len(buttons) else None
    for button in buttons:
        if button.get("title") == choice:
            return str(button.get("payload"))
    return None


def play(conversation: Conversation, sender: str, send: Send) -> List[TurnResult]:
    """Play every turn in order and judge each reply against its expectations.

    A button that the previous reply did not offer fails that turn without sending
    anything; the later turns are still played, as a parent would carry on typing.
    """
    results = []
    previous: Optional[Dict[str, Any]] = None
    for turn in conversation.turns:
        message = turn.say
        if message is None and turn.press is not None:
            message = button_payload(previous, turn.press)
        if message is None:
            problem = f"the previous reply offered no button {turn.press!r}"
            results.append(TurnResult(conversation.name, turn.shown, turn.expect, {}, [problem]))
            continue
        previous = send(sender, message, conversation.origin)
        meta = previous.get("meta") or {}
        got = {key: meta.get(key) for key in EXPECTABLE}
        problems = unmet_expectations(turn.expect, meta)
        results.append(TurnResult(conversation.name, turn.shown, turn.expect, got, problems))
    return results


@dataclass(frozen=True)
class PassRates:
    """Share of turns, and of whole conversations, that met every expectation."""

    turns: Optional[float]
    conversations: Optional[float]
    n_turns: int
    n_conversations: int


def pass_rates(played: Sequence[Sequence[TurnResult]]) -> PassRates:
    """Pass rates over played conversations (a conversation passes when all its turns do)."""
    turns = [turn for conversation in played for turn in conversation]
    whole = [all(turn.passed for turn in conversation) for conversation in played]
    return PassRates(
        turns=sum(turn.passed for turn in turns) / len(turns) if turns else None,
        conversations=sum(whole) / len(whole) if whole else None,
        n_turns=len(turns),
        n_conversations=len(whole),
    )
