"""Where the test data lives: one home for every path the tests, eval and bench read."""

from __future__ import annotations

from bot.paths import ROOT

TEST_DATA = ROOT / "tests" / "data"
NLU_TESTS = TEST_DATA / "nlu" / "test_nlu.yml"  # `rasa test nlu` reads it too (Makefile)
CONVERSATION_TESTS = TEST_DATA / "test_conversations.yml"  # `rasa test core` (Makefile)
CRISIS_MESSAGES = TEST_DATA / "crisis_messages.yml"
NOT_CRISIS_MESSAGES = TEST_DATA / "not_crisis_messages.yml"
FIXTURE_GUIDANCE = TEST_DATA / "fixtures" / "guidance"

# Our independent evaluation sets, never trained on (tests/unit/data checks it): author A's
# held-out sets, author C's fresh sets (never read by the team), author D's tuning sets,
# author F's many voices (read while tuning), author G's second fresh sets (never read),
# real questions harvested from public pages by author H, author I's crisis wordings and
# author J's follow-ups (all three read while tuning), author K's long messages and author M's
# phone typing (both read while tuning), author L's third fresh sets (never read) and author
# N's second crisis wordings, author O's third crisis wordings and author P's everyday
# conversations (all read while tuning), author Q's fresh crisis set (never read) and author R's
# fourth crisis set (read while tuning, after its first measurement), author S's fourth
# fresh conversations (never read), and author T's fifth crisis set (read while tuning, after its
# first measurement), author U's fifth fresh conversations and author V's sixth crisis set (both
# never read; session 11); session 12's author W's sixth fresh conversations, author X's seventh
# crisis set, author Z's seventh fresh conversations and author Y's eighth crisis set (all four
# read while tuning, after their first measurement), and author AA's eighth fresh conversations
# and author AB's ninth crisis set (both never read); session 13's author AC's ninth fresh
# conversations and author AD's tenth crisis set (read while tuning, after their first
# measurement), and author AE's tenth fresh conversations and author AF's eleventh crisis set
# (both never read); session 14's author AG's eleventh fresh conversations and author AH's
# twelfth crisis set (read while tuning, after their first measurement), and author AI's twelfth
# fresh conversations and author AJ's thirteenth crisis set (both never read), and, later in
# session 14, author AK's fourteenth crisis set and author AL's thirteenth fresh conversations
# (both read while tuning, after their first measurement); session 15's author AM's fifteenth
# crisis set (read while tuning, after its first measurement) and author AN's sixteenth (never
# read), both written to the same brief as probes of the crisis net.
EVALUATION = TEST_DATA / "evaluation"
HELD_OUT = EVALUATION / "heldout"
FRESH = EVALUATION / "fresh"
TUNING = EVALUATION / "tuning"
VOICES = EVALUATION / "voices"
FRESH_SECOND = EVALUATION / "fresh_second"
HARVESTED = EVALUATION / "harvested"
CRISIS_WORDINGS = EVALUATION / "crisis_wordings"
FOLLOW_UPS = EVALUATION / "follow_ups"
LONG_MESSAGES = EVALUATION / "long_messages"
PHONE_TYPING = EVALUATION / "phone_typing"
FRESH_THIRD = EVALUATION / "fresh_third"
FRESH_FOURTH = EVALUATION / "fresh_fourth"
FRESH_FIFTH = EVALUATION / "fresh_fifth"
FRESH_SIXTH = EVALUATION / "fresh_sixth"
FRESH_SEVENTH = EVALUATION / "fresh_seventh"
FRESH_EIGHTH = EVALUATION / "fresh_eighth"
FRESH_NINTH = EVALUATION / "fresh_ninth"
FRESH_TENTH = EVALUATION / "fresh_tenth"
FRESH_ELEVENTH = EVALUATION / "fresh_eleventh"
FRESH_TWELFTH = EVALUATION / "fresh_twelfth"
FRESH_THIRTEENTH = EVALUATION / "fresh_thirteenth"
CRISIS_SECOND = EVALUATION / "crisis_second"
CRISIS_THIRD = EVALUATION / "crisis_third"
CRISIS_FRESH = EVALUATION / "crisis_fresh"
CRISIS_FOURTH = EVALUATION / "crisis_fourth"
CRISIS_FIFTH = EVALUATION / "crisis_fifth"
CRISIS_SIXTH = EVALUATION / "crisis_sixth"
CRISIS_SEVENTH = EVALUATION / "crisis_seventh"
CRISIS_EIGHTH = EVALUATION / "crisis_eighth"
CRISIS_NINTH = EVALUATION / "crisis_ninth"
CRISIS_TENTH = EVALUATION / "crisis_tenth"
CRISIS_ELEVENTH = EVALUATION / "crisis_eleventh"
CRISIS_TWELFTH = EVALUATION / "crisis_twelfth"
CRISIS_THIRTEENTH = EVALUATION / "crisis_thirteenth"
CRISIS_FOURTEENTH = EVALUATION / "crisis_fourteenth"
CRISIS_FIFTEENTH = EVALUATION / "crisis_fifteenth"
CRISIS_SIXTEENTH = EVALUATION / "crisis_sixteenth"
EVERYDAY = EVALUATION / "everyday"
INDEPENDENT_SETS = (
    HELD_OUT, FRESH, TUNING, VOICES, FRESH_SECOND, HARVESTED, CRISIS_WORDINGS, FOLLOW_UPS,
    LONG_MESSAGES, PHONE_TYPING, FRESH_THIRD, CRISIS_SECOND, CRISIS_THIRD, CRISIS_FRESH, EVERYDAY,
    CRISIS_FOURTH, FRESH_FOURTH, CRISIS_FIFTH, FRESH_FIFTH, CRISIS_SIXTH,
    CRISIS_SEVENTH, FRESH_SIXTH, FRESH_SEVENTH, CRISIS_EIGHTH, FRESH_EIGHTH,
    CRISIS_NINTH, FRESH_NINTH, FRESH_TENTH, CRISIS_TENTH, CRISIS_ELEVENTH,
    FRESH_ELEVENTH, FRESH_TWELFTH, CRISIS_TWELFTH, CRISIS_THIRTEENTH, FRESH_THIRTEENTH,
    CRISIS_FOURTEENTH, CRISIS_FIFTEENTH, CRISIS_SIXTEENTH,
)  # fmt: skip
EVAL_CONVERSATIONS = EVALUATION / "conversations.yml"

# Beside the checkout, never inside it: the shared dev sets are measured, never trained on.
SHARED_EVAL = ROOT.parent / "shared" / "eval"
OFFTOPIC = SHARED_EVAL / "offtopic_dev.jsonl"
