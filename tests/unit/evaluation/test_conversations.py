"""The conversation check's pure parts: the file, the expectation matcher, playing turns."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

from bot.channels.sites import load_sites
from bot.knowledge import get_knowledge_base
from bot.knowledge.schema import AGE_BANDS, TOPICS
from tests.evaluation.conversations import (
    CONVERSATIONS,
    Conversation,
    ConversationFileError,
    Turn,
    TurnResult,
    button_payload,
    load_conversations,
    pass_rates,
    play,
    unmet_expectations,
)
from tests.evaluation.measures import (
    CRISIS,
    NOT_CRISIS,
    OFFTOPIC,
    crisis_messages,
    hard_negatives,
    offtopic_texts,
)
from tests.unit.data.test_training_data import (
    CONVERSATION_TESTS,
    NLU_TEST_FILE,
    _near,
    _words,
    conversation_user_lines,
    nlu_examples,
    normalise,
    training,
)

META = {"kind": "guidance", "topic": "online_gaming", "platform": "roblox", "age_band": "9_12"}
COUNTRY_BUTTONS = {
    "messages": [
        {"text": "Which country?", "buttons": []},
        {
            "text": "Choose one",
            "buttons": [
                {"title": "Canada", "payload": '/inform_country{"country": "CA"}'},
                {"title": "Ireland", "payload": '/inform_country{"country": "IE"}'},
            ],
        },
    ],
    "meta": {},
}


# --- the expectation matcher ---------------------------------------------------------


def test_a_reply_meeting_every_expectation_has_no_problems() -> None:
    assert unmet_expectations({"kind": "guidance", "platform": "roblox"}, META) == []


def test_fields_not_expected_are_not_checked() -> None:
    assert unmet_expectations({"kind": "guidance"}, {**META, "country": "GB"}) == []


def test_each_wrong_field_is_one_problem_naming_both_values() -> None:
    problems = unmet_expectations({"kind": "crisis", "topic": "grooming"}, META)
    assert problems == [
        "kind: expected 'crisis', got 'guidance'",
        "topic: expected 'grooming', got 'online_gaming'",
    ]


def test_null_must_be_null_and_a_value_must_not_be_null() -> None:
    assert unmet_expectations({"country": None}, {"country": None}) == []
    assert unmet_expectations({"country": None}, {"country": "GB"}) != []
    assert unmet_expectations({"country": "GB"}, {"country": None}) != []


def test_a_field_missing_from_the_reply_is_a_problem() -> None:
    assert unmet_expectations({"age_band": "9_12"}, {"kind": "guidance"}) == [
        "age_band: expected '9_12', the reply has no such field"
    ]


# --- buttons and playing turns ---------------------------------------------------------


def test_a_button_is_found_by_title_or_position_across_messages() -> None:
    assert button_payload(COUNTRY_BUTTONS, "Ireland") == '/inform_country{"country": "IE"}'
    assert button_payload(COUNTRY_BUTTONS, 1) == '/inform_country{"country": "CA"}'
    assert button_payload(COUNTRY_BUTTONS, 2) == '/inform_country{"country": "IE"}'


@pytest.mark.parametrize("choice", ["France", 0, 3])
def test_a_button_that_is_not_there_has_no_payload(choice) -> None:
    assert button_payload(COUNTRY_BUTTONS, choice) is None
    assert button_payload(None, "Canada") is None


class FakeWidget:
    """Answers each message with the next scripted reply and records what it was sent."""

    def __init__(self, replies: List[Dict[str, Any]]) -> None:
        self.replies = list(replies)
        self.sent: List[Tuple[str, str, Optional[str]]] = []

    def __call__(self, sender: str, message: str, origin: Optional[str]) -> Dict[str, Any]:
        self.sent.append((sender, message, origin))
        return self.replies.pop(0)


def test_play_sends_typed_text_and_button_payloads_and_judges_each_reply() -> None:
    crisis = {**COUNTRY_BUTTONS, "meta": {"kind": "crisis", "country": None}}
    widget = FakeWidget([crisis, {"messages": [], "meta": {"kind": "crisis", "country": "IE"}}])
    conversation = Conversation(
        "crisis then country",
        [
            Turn({"kind": "crisis", "country": None}, say="help"),
            Turn({"kind": "crisis", "country": "IE"}, press="Ireland"),
        ],
        origin="https://www.example.org",
    )
    results = play(conversation, "eval-1", widget)
    assert widget.sent == [
        ("eval-1", "help", "https://www.example.org"),
        ("eval-1", '/inform_country{"country": "IE"}', "https://www.example.org"),
    ]
    assert [r.passed for r in results] == [True, True]
    assert results[1].message == "[button] Ireland"
    assert results[1].got["country"] == "IE"


def test_a_missing_button_fails_its_turn_unsent_and_the_next_turn_is_still_played() -> None:
    widget = FakeWidget(
        [{"messages": [], "meta": {"kind": "clarify"}}, {"messages": [], "meta": META}]
    )
    conversation = Conversation(
        "vague",
        [
            Turn({"kind": "clarify"}, say="hmm"),
            Turn({"kind": "guidance"}, press=1),
            Turn({"kind": "guidance"}, say="is roblox ok"),
        ],
    )
    results = play(conversation, "eval-2", widget)
    assert [message for _, message, _ in widget.sent] == ["hmm", "is roblox ok"]
    assert [r.passed for r in results] == [True, False, True]
    assert results[1].problems == ["the previous reply offered no button 1"]
    assert results[1].message == "[button #1]"


def test_a_wrong_reply_fails_only_its_own_turn() -> None:
    widget = FakeWidget([{"messages": [], "meta": META}, {"messages": [], "meta": META}])
    conversation = Conversation(
        "two",
        [Turn({"kind": "crisis"}, say="a"), Turn({"topic": "online_gaming"}, say="b")],
    )
    assert [r.passed for r in play(conversation, "eval-3", widget)] == [False, True]


def _result(passed: bool) -> TurnResult:
    return TurnResult("c", "m", {}, {}, [] if passed else ["wrong"])


def test_pass_rates_count_turns_and_whole_conversations() -> None:
    played = [[_result(True), _result(True)], [_result(True), _result(False)], [_result(False)]]
    rates = pass_rates(played)
    assert (rates.n_turns, rates.n_conversations) == (5, 3)
    assert rates.turns == pytest.approx(3 / 5)
    assert rates.conversations == pytest.approx(1 / 3)


def test_pass_rates_of_nothing_are_none() -> None:
    rates = pass_rates([])
    assert (rates.turns, rates.conversations, rates.n_turns) == (None, None, 0)


# --- the file's format ------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "conversations.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
conversations:
  - name: one
    origin: https://www.example.org
    turns:
      - say: is roblox ok
        expect: {kind: guidance, age_band: "9_12", country: null}
      - press: 2
        expect: {kind: guidance}
""",
    )
    (conversation,) = load_conversations(path)
    assert conversation.origin == "https://www.example.org"
    assert conversation.turns[0].expect == {"kind": "guidance", "age_band": "9_12", "country": None}
    assert conversation.turns[1].press == 2


@pytest.mark.parametrize(
    "turn, complaint",
    [
        ("{say: hi, expect: {age_band: 9_12}}", "must be quoted"),
        ('{say: hi, expect: {sources: "x"}}', "cannot expect"),
        ("{say: hi, expect: {kind: advice}}", "kind must be one of"),
        ("{say: hi, press: 1, expect: {kind: guidance}}", "exactly one of"),
        ("{expect: {kind: guidance}}", "exactly one of"),
        ("{say: hi}", "needs an 'expect'"),
        ('{say: "  ", expect: {kind: chitchat}}', "non-empty text"),
        ("{press: 0, expect: {kind: chitchat}}", "position from 1"),
        ("{press: yes, expect: {kind: chitchat}}", "position from 1"),
    ],
)
def test_a_malformed_turn_is_refused_saying_where(
    tmp_path: Path, turn: str, complaint: str
) -> None:
    path = _write(tmp_path, f"conversations:\n  - name: broken\n    turns:\n      - {turn}\n")
    with pytest.raises(ConversationFileError, match=complaint) as raised:
        load_conversations(path)
    assert "broken, turn 1" in str(raised.value)


def test_conversation_names_must_be_unique(tmp_path: Path) -> None:
    turn = "{say: hi, expect: {kind: chitchat}}"
    path = _write(
        tmp_path,
        f"conversations:\n  - {{name: a, turns: [{turn}]}}\n  - {{name: a, turns: [{turn}]}}\n",
    )
    with pytest.raises(ConversationFileError, match="repeat"):
        load_conversations(path)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConversationFileError, match="non-empty list"):
        load_conversations(_write(tmp_path, ""))


# --- the real conversations file --------------------------------------------------------


def test_the_conversations_file_has_15_to_25_conversations_of_2_to_5_turns() -> None:
    conversations = load_conversations(CONVERSATIONS)
    assert 15 <= len(conversations) <= 25
    assert all(2 <= len(c.turns) <= 5 for c in conversations)


def test_expectations_name_only_known_topics_apps_ages_countries_and_sites() -> None:
    kb = get_knowledge_base()
    known = {
        "topic": set(TOPICS),
        "platform": set(kb.platforms),
        "age_band": set(AGE_BANDS),
        "country": set(kb.countries),
    }
    origins = set(load_sites().by_origin)
    unknown = [
        (c.name, key, value)
        for c in load_conversations(CONVERSATIONS)
        for turn in c.turns
        for key, value in turn.expect.items()
        if key in known and value is not None and value not in known[key]
    ]
    assert unknown == []
    assert {c.origin for c in load_conversations(CONVERSATIONS)} - {None} <= origins


def _typed_lines() -> list:
    return [t.say for c in load_conversations(CONVERSATIONS) for t in c.turns if t.say]


def test_typed_lines_are_not_taken_from_training_or_evaluation_data() -> None:
    elsewhere = {normalise(text) for _, text in training()}
    elsewhere |= {normalise(text) for _, text in nlu_examples(NLU_TEST_FILE)}
    elsewhere |= {normalise(item["text"]) for item in crisis_messages(CRISIS)}
    elsewhere |= {normalise(text) for text in hard_negatives(NOT_CRISIS)}
    elsewhere |= {normalise(text) for text in conversation_user_lines(CONVERSATION_TESTS)}
    if OFFTOPIC.exists():
        elsewhere |= {normalise(text) for text in offtopic_texts(OFFTOPIC)}
    assert [line for line in _typed_lines() if normalise(line) in elsewhere] == []


def test_typed_lines_are_not_near_duplicates_of_training_examples() -> None:
    trained = [(text, _words(text)) for _, text in training()]
    close = [
        (line, text)
        for line in _typed_lines()
        for text, words in trained
        if _near(_words(line), words)
    ]
    assert close == []
