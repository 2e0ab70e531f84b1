"""App profiles (data/guidance/apps/<platform>.yml): loading, and errors naming file, entry, field."""

from __future__ import annotations

from datetime import date

import pytest

from bot.knowledge.loader import KnowledgeBaseError, load_knowledge_base

PROFILE = "apps/roblox.yml"


def test_the_fixture_profile_loads(fixture_kb) -> None:
    profile = fixture_kb.profile("roblox")
    assert profile is not None and profile.file == PROFILE
    assert profile.summary.text == "Roblox is a platform of games made by its players."
    assert profile.family_tool is not None and profile.family_tool.name == "Parental Controls"
    assert profile.age_rating is not None and profile.age_rating.pegi == "7"
    assert profile.age_rating.esrb is None
    assert profile.minimum_age.age is None
    assert profile.help_page.url == "https://www.roblox.com/parents"
    assert profile.help_page.primary
    assert len(profile.questions) == 3
    assert profile.reviewed_on == date(2026, 12, 6)
    assert profile.review_method == "source_checked"
    assert fixture_kb.profile("tiktok") is None  # an app without a profile is allowed
    assert fixture_kb.profile(None) is None


def test_minimum_age_follows_the_country_law_where_there_is_one(fixture_kb) -> None:
    profile = fixture_kb.profile("roblox")
    assert profile.minimum_age_for("GB").age == 16
    assert profile.minimum_age_for("gb").text == "A made-up law sets 16 here."
    assert profile.minimum_age_for("FR") is profile.minimum_age
    assert profile.minimum_age_for(None) is profile.minimum_age


def test_profile_sources_are_primary_first_in_file_order(fixture_kb) -> None:
    profile = fixture_kb.profile("roblox")
    # summary cites [news_report, roblox_parents]: the primary one comes first.
    assert [s.url for s in profile.summary.sources] == [
        "https://www.roblox.com/parents",
        "https://example.org/roblox-news",
    ]
    assert [(s.url, s.primary) for s in profile.sources_in_order()] == [
        ("https://www.roblox.com/parents", True),
        ("https://en.help.roblox.com/terms", True),
        ("https://pegi.info/roblox", True),
        ("https://example.org/roblox-news", False),
        ("https://example.org/law", False),
    ]


def test_a_folder_without_profiles_loads(guidance_copy) -> None:
    folder = guidance_copy("platforms.yml", "platforms:", "platforms:")
    for path in (folder / "apps").iterdir():
        path.unlink()
    (folder / "apps").rmdir()
    assert load_knowledge_base(folder).profiles == {}


BROKEN = [
    (
        "platform: roblox",
        "platform: robloxx",
        "entry 'robloxx': field 'platform': unknown platform 'robloxx'",
    ),
    (
        "platform: roblox",
        "platform: tiktok",
        "entry 'tiktok': field 'platform': 'tiktok' does not match the file name 'roblox'",
    ),
    ("  sources: [roblox_terms]\n", "", "entry 'roblox': field 'minimum_age.sources': is required"),
    (
        "  sources: [roblox_terms]",
        "  sources: [roblox_tos]",
        "entry 'roblox': field 'minimum_age.sources': source id 'roblox_tos' is not in sources",
    ),
    (
        "  sources: [roblox_terms]",
        "  sources: []",
        "entry 'roblox': field 'minimum_age.sources': is required",
    ),
    (
        "  sources: [roblox_terms]",
        "  sources: [roblox_terms, roblox_terms]",
        "entry 'roblox': field 'minimum_age.sources': source id 'roblox_terms' is cited twice",
    ),
    (
        "  pegi_page:\n",
        "  unused_page:\n    title: Unused\n    url: https://example.org/unused\n  pegi_page:\n",
        "entry 'roblox': field 'sources.unused_page': defined but never cited",
    ),
    (
        "    url: https://example.org/law",
        "    url: http://example.org/law",
        "entry 'roblox': field 'sources.gov_law': not an https URL: http://example.org/law",
    ),
    (
        "  url: https://www.roblox.com/parents\nsources:",
        "  url: https://pastebin.com/roblox\nsources:",
        "entry 'roblox': field 'help_page': https://pastebin.com/roblox is on a banned domain (pastebin.com",
    ),
    (
        "    url: https://example.org/law",
        "    url: https://www.kidglove.in/law",
        "entry 'roblox': field 'sources.gov_law': https://www.kidglove.in/law is on a banned domain (kidglove.in",
    ),
    (
        "    title: A government page\n",
        "    name: A government page\n",
        "entry 'roblox': field 'sources.gov_law': each source needs exactly a title and a url",
    ),
    ("contact:\n", "contacts:\n", "entry 'roblox': field 'contact': is required"),
    (
        "questions:\n",
        "warnings: []\nquestions:\n",
        "entry 'roblox': field 'warnings': unknown field",
    ),
    (
        "  text: There is no live streaming.\n",
        "  text: There is no live streaming.\n  gifts: none\n",
        "entry 'roblox': field 'live_streaming.gifts': unknown field",
    ),
    ("  name: Parental Controls\n", "", "entry 'roblox': field 'family_tool.name': is required"),
    (
        "  text: Use Report Abuse, then block.\n",
        '  text: "  "\n',
        "entry 'roblox': field 'report_and_block.text': must be non-empty text",
    ),
    (
        "    GB:\n",
        "    FR:\n",
        "entry 'roblox': field 'minimum_age.by_country.FR': 'FR' is not a country code in countries.yml",
    ),
    (
        "    GB:\n",
        "    INTL:\n",
        "entry 'roblox': field 'minimum_age.by_country.INTL': 'INTL' is not a country code in countries.yml",
    ),
    (
        "    GB:\n",
        "    NO:\n",
        "entry 'roblox': field 'minimum_age.by_country.False': quote the country code",
    ),
    (
        "      age: 16\n",
        "      age: sixteen\n",
        "entry 'roblox': field 'minimum_age.by_country.GB.age': must be a whole number of years",
    ),
    (
        "      age: 16\n",
        "      age: 160\n",
        "entry 'roblox': field 'minimum_age.by_country.GB.age': must be a whole number of years",
    ),
    (
        '  pegi: "7"',
        "  pegi: 7",
        "entry 'roblox': field 'age_rating.pegi': expected one of 3, 7, 12, 16, 18, quoted",
    ),
    (
        '  pegi: "7"',
        '  esrb: "E10"',
        "entry 'roblox': field 'age_rating.esrb': expected one of E, E10+, T, M, AO, RP",
    ),
    (
        '  pegi: "7"\n  text: Rating varies.\n',
        "",
        "entry 'roblox': field 'age_rating': give pegi, esrb or text",
    ),
    (
        "reviewed_on: 2026-12-06",
        "reviewed_on: 2026-12-32",
        "entry 'roblox': field 'reviewed_on': must be a date written YYYY-MM-DD",
    ),
    (
        "review_by: 2027-06-06",
        "review_by: 2026-06-06",
        "entry 'roblox': field 'review_by': must be after reviewed_on",
    ),
    (
        "review_method: source_checked",
        "review_method: read_it",
        "entry 'roblox': field 'review_method': expected one of source_checked, facts_file, not_checked",
    ),
    (
        "questions:\n  - is roblox ok for my 8 year old\n",
        "questions: is roblox ok\nnotes:\n  - is roblox ok for my 8 year old\n",
        "entry 'roblox': field 'notes': unknown field",
    ),
    (
        "questions:\n  - is roblox ok for my 8 year old\n"
        "  - how do i stop strangers messaging my son on roblox\n  - roblox age limit?\n",
        "questions: roblox age limit?\n",
        "entry 'roblox': field 'questions': must be a list",
    ),
]


@pytest.mark.parametrize("old, new, message", BROKEN)
def test_broken_profile_names_file_entry_and_field(
    guidance_copy, old: str, new: str, message: str
) -> None:
    folder = guidance_copy(PROFILE, old, new)
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    assert str(raised.value).startswith(f"{PROFILE}: {message}")


def test_invalid_profile_yaml_names_the_file(guidance_copy) -> None:
    folder = guidance_copy(PROFILE, "summary:\n", "summary: [\n")
    with pytest.raises(KnowledgeBaseError, match=r"^apps/roblox\.yml: invalid YAML"):
        load_knowledge_base(folder)
