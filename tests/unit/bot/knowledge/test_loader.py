"""The loader accepts the valid fixture and names file, entry and field for each break."""

from __future__ import annotations

from datetime import date

import pytest

from bot.knowledge.loader import KnowledgeBaseError, load_knowledge_base
from tests.harness.paths import FIXTURE_GUIDANCE


def test_valid_fixture_loads_every_entry_and_platform() -> None:
    kb = load_knowledge_base(FIXTURE_GUIDANCE)
    assert sorted(kb.platforms) == ["ometv", "roblox", "tiktok"]
    assert [e.id for e in kb.entries_for_topic("online_gaming")] == [
        "online_gaming_general",
        "gaming_young",
        "roblox_safety",
        "roblox_under_13",
    ]
    entry = kb.entry("roblox_under_13")
    assert entry.age_bands == ("5_8", "9_12")
    assert entry.steps == ("Turn on parental controls.", "Keep chat to friends.")
    assert entry.review_by == date(2027, 5, 29)
    assert entry.file == "online_gaming.yml"
    assert kb.platforms["tiktok"].spellings() == ("tiktok", "tik tok")


def test_platforms_resolve_from_any_spelling(fixture_kb) -> None:
    assert fixture_kb.resolve_platform("ROBOLOX") == "roblox"
    assert fixture_kb.resolve_platform("Tik Tok") == "tiktok"
    assert fixture_kb.resolve_platform("omegle") is None


BROKEN = [
    (
        "online_gaming.yml",
        "  - id: gaming_young\n",
        "  - id: Gaming-Young\n",
        "online_gaming.yml: entry 'Gaming-Young': field 'id': "
        "must be lowercase letters and digits joined by underscores",
    ),
    (
        "online_gaming.yml",
        "  - id: gaming_young\n",
        "  - id: online_gaming_general\n",
        "online_gaming.yml: entry 'online_gaming_general': field 'id': "
        "duplicate id, also in online_gaming.yml",
    ),
    (
        "online_gaming.yml",
        '    topic: online_gaming\n    age_bands: ["5_8"]',
        '    topic: grooming\n    age_bands: ["5_8"]',
        "online_gaming.yml: entry 'gaming_young': field 'topic': "
        "'grooming' does not match the file's topic 'online_gaming'",
    ),
    (
        "online_gaming.yml",
        "platforms: [roblox]\n    answer: Roblox answer.",
        "platforms: [robloxx]\n    answer: Roblox answer.",
        "online_gaming.yml: entry 'roblox_safety': field 'platforms': unknown platform 'robloxx'",
    ),
    (
        "online_gaming.yml",
        'age_bands: ["5_8"]',
        'age_bands: ["6_8"]',
        "online_gaming.yml: entry 'gaming_young': field 'age_bands': unknown age band '6_8'",
    ),
    (
        "online_gaming.yml",
        'age_bands: ["5_8"]',
        "age_bands: [5_8]",
        "online_gaming.yml: entry 'gaming_young': field 'age_bands': "
        'quote each band, e.g. "5_8" (unquoted, YAML reads 5_8 as the number 58)',
    ),
    (
        "online_gaming.yml",
        "url: https://example.org/young",
        "url: http://example.org/young",
        "online_gaming.yml: entry 'gaming_young': field 'sources': "
        "not an https URL: http://example.org/young",
    ),
    (
        "online_gaming.yml",
        "    sources:\n      - title: Young source\n        url: https://example.org/young\n",
        "    sources: []\n",
        "online_gaming.yml: entry 'gaming_young': field 'sources': is required",
    ),
    (
        "online_gaming.yml",
        "      - title: Young source\n",
        "      - name: Young source\n",
        "online_gaming.yml: entry 'gaming_young': field 'sources': "
        "each source needs exactly a title and a url",
    ),
    (
        "online_gaming.yml",
        "    answer: Gaming answer for young children.\n",
        "",
        "online_gaming.yml: entry 'gaming_young': field 'answer': is required",
    ),
    (
        "online_gaming.yml",
        "    answer: Roblox answer.\n",
        "    answer: Roblox answer.\n    summary: extra\n",
        "online_gaming.yml: entry 'roblox_safety': field 'summary': unknown field",
    ),
    (
        "online_gaming.yml",
        "answer: Roblox answer.\n    sources:\n      - title: Roblox source\n"
        "        url: https://example.org/roblox\n    reviewed_on: 2026-11-29",
        "answer: Roblox answer.\n    sources:\n      - title: Roblox source\n"
        "        url: https://example.org/roblox\n    reviewed_on: 2026-13-01",
        "online_gaming.yml: entry 'roblox_safety': field 'reviewed_on': "
        "must be a date written YYYY-MM-DD",
    ),
    (
        "online_gaming.yml",
        "    review_by: 2027-11-29\n  - id: gaming_young",
        "    review_by: 2026-11-01\n  - id: gaming_young",
        "online_gaming.yml: entry 'online_gaming_general': field 'review_by': "
        "must be after reviewed_on",
    ),
    (
        "online_gaming.yml",
        "    steps: [Play together.]\n",
        "    steps: Play together.\n",
        "online_gaming.yml: entry 'online_gaming_general': field 'steps': must be a list",
    ),
    (
        "online_gaming.yml",
        "entries:\n",
        "entry:\n",
        "online_gaming.yml: field 'entries': expected a top-level list 'entries'",
    ),
    (
        "online_gaming.yml",
        "    answer: Roblox answer.\n",
        "    answer: [Roblox answer.\n",
        None,  # invalid YAML: the message quotes the parser, so only the prefix is fixed
    ),
    (
        "countries.yml",
        "      source: https://example.org/gb-emergency",
        "      source: http://example.org/gb-emergency",
        "countries.yml: entry 'GB': field 'emergency.source': not an https URL: http://example.org/gb-emergency",
    ),
    (
        "countries.yml",
        "  GB:\n",
        "  gbr:\n",
        "countries.yml: entry 'gbr': not an ISO 3166 alpha-2 code",
    ),
    (
        "countries.yml",
        "  INTL:\n    name: another country",
        "  XX:\n    name: another country",
        "countries.yml: entry 'INTL': the international fallback is required",
    ),
    (
        "countries.yml",
        '      phone: "999"\n',
        '      phone: "999"\n      fax: "123"\n',
        "countries.yml: entry 'GB': field 'emergency.fax': unknown field",
    ),
    (
        "crisis.yml",
        "  missing:\n",
        "  lost:\n",
        "crisis.yml: entry 'lost': unknown crisis category",
    ),
    (
        "platforms.yml",
        "    category: random_video_chat\n",
        "    category: video_chat\n",
        "platforms.yml: entry 'ometv': field 'category': unknown topic 'video_chat'",
    ),
    (
        "platforms.yml",
        "    aliases: []\n",
        "    aliases: []\n    needs_qualifier: true\n",
        "platforms.yml: entry 'ometv': field 'aliases': needs_qualifier requires at least one alias",
    ),
    (
        "platforms.yml",
        "    aliases: []\n",
        "    aliases: [ome tv]\n    needs_qualifier: maybe\n",
        "platforms.yml: entry 'ometv': field 'needs_qualifier': must be true or false",
    ),
    (
        "platforms.yml",
        "aliases: [tik tok]",
        "aliases: [tik tok, robolox]",
        "platforms.yml: entry 'tiktok': field 'aliases': 'robolox' also names roblox",
    ),
    (
        "platforms.yml",
        "aliases: [tik tok]",
        "aliases: [tik tok, TikTok]",
        "platforms.yml: entry 'tiktok': field 'aliases': repeats the id, the name or another alias",
    ),
]


@pytest.mark.parametrize("file, old, new, message", BROKEN)
def test_broken_knowledge_base_names_file_entry_and_field(
    guidance_copy, file: str, old: str, new: str, message: str
) -> None:
    folder = guidance_copy(file, old, new)
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    if message is None:
        assert str(raised.value).startswith(f"{file}: invalid YAML: ")
    else:
        assert str(raised.value) == message


def test_file_named_after_no_topic_is_rejected(guidance_copy) -> None:
    folder = guidance_copy("online_gaming.yml", "entries:", "entries:")
    (folder / "online_gaming.yml").rename(folder / "gaming.yml")
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    assert str(raised.value) == "gaming.yml: file name is not a taxonomy topic id"


def test_missing_platforms_file_is_reported(guidance_copy) -> None:
    folder = guidance_copy("platforms.yml", "platforms:", "platforms:")
    (folder / "platforms.yml").unlink()
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    assert str(raised.value) == "platforms.yml: file not found"
