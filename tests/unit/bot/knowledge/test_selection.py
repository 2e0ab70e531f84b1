"""The most specific applicable entry wins: app, then keyword, then age."""

from __future__ import annotations

import pytest

from bot.knowledge.selection import select_entry


@pytest.mark.parametrize(
    "platform, age_band, expected",
    [
        ("roblox", "5_8", "roblox_under_13"),  # app and age both match
        ("roblox", "13_15", "roblox_safety"),  # app only: the teen is past the under-13 entry
        ("roblox", None, "roblox_safety"),  # unknown age skips age-specific entries
        (None, "5_8", "gaming_young"),  # age only
        (None, None, "online_gaming_general"),
        ("tiktok", "9_12", "online_gaming_general"),  # no entry for this app in this topic
    ],
)
def test_most_specific_entry_is_selected(fixture_kb, platform, age_band, expected) -> None:
    selection = select_entry(fixture_kb, "online_gaming", platform, age_band)
    assert selection is not None
    assert selection.entry.id == expected


def test_selection_says_whether_the_app_matched(fixture_kb) -> None:
    general = select_entry(fixture_kb, "online_gaming", "tiktok", None)
    specific = select_entry(fixture_kb, "online_gaming", "roblox", None)
    assert general is not None and not general.matches_platform
    assert specific is not None and specific.matches_platform


@pytest.mark.parametrize(
    "text, expected",
    [
        ("what is Protect Children?", "campaign_protect_children"),
        ("PROTECT-CHILDREN??", "campaign_protect_children"),  # case and punctuation ignored
        ("who runs protect children together?", "campaign_protect_children_together"),
        ("which organisations is this from", "campaigns_and_sources_general"),
    ],
)
def test_keywords_pick_the_named_entry(fixture_kb, text, expected) -> None:
    selection = select_entry(fixture_kb, "campaigns_and_sources", None, None, text)
    assert selection is not None
    assert selection.entry.id == expected


def test_topic_without_entries_selects_nothing(fixture_kb) -> None:
    assert select_entry(fixture_kb, "grooming") is None
