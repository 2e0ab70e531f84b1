"""The source policy: banned domains are refused, primary sources are marked and come first."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.knowledge.loader import KnowledgeBaseError, load_knowledge_base, load_source_policy
from bot.knowledge.schema import Source, SourcePolicy, primary_first

POLICY = SourcePolicy(
    primary_domains=("esafety.gov.au", "tiktok.com"), banned_domains=("pastebin.com",)
)


@pytest.mark.parametrize(
    "url, primary",
    [
        ("https://www.esafety.gov.au/parents", True),
        ("https://esafety.gov.au/parents", True),
        ("https://support.tiktok.com/en/safety-hc", True),
        ("https://notesafety.gov.au/parents", False),  # a suffix of the name is not the domain
        ("https://esafety.gov.au.example.org/", False),
        ("https://example.org/esafety.gov.au", False),
    ],
)
def test_primary_domains_match_the_host_and_its_sub_domains(url: str, primary: bool) -> None:
    assert POLICY.is_primary(url) is primary


def test_banned_domain_names_the_domain() -> None:
    assert POLICY.banned_domain("https://pastebin.com/BuHzqhjH") == "pastebin.com"
    assert POLICY.banned_domain("https://www.pastebin.com/x") == "pastebin.com"
    assert POLICY.banned_domain("https://notpastebin.com/x") is None


def test_primary_first_is_stable() -> None:
    a, b = Source("A", "https://a.org", primary=False), Source("B", "https://b.org", primary=True)
    c, d = Source("C", "https://c.org", primary=False), Source("D", "https://d.org", primary=True)
    assert primary_first((a, b, c, d)) == (b, d, a, c)
    assert Source("B", "https://b.org") == b  # primary takes no part in equality


def test_entry_sources_are_marked_and_ordered_primary_first(guidance_copy) -> None:
    folder = guidance_copy(
        "online_gaming.yml",
        "      - title: Roblox source\n        url: https://example.org/roblox\n",
        "      - title: Roblox source\n        url: https://example.org/roblox\n"
        "      - title: Roblox parents\n        url: https://www.roblox.com/parents\n",
    )
    entry = load_knowledge_base(folder).entry("roblox_safety")
    assert [(s.url, s.primary) for s in entry.sources] == [
        ("https://www.roblox.com/parents", True),
        ("https://example.org/roblox", False),
    ]


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "online_gaming.yml",
            "url: https://example.org/young",
            "url: https://pastebin.com/young",
            "online_gaming.yml: entry 'gaming_young': field 'sources': "
            "https://pastebin.com/young is on a banned domain (pastebin.com",
        ),
        (
            "crisis.yml",
            "url: https://www.esafety.gov.au/parents",
            "url: https://www.kidglove.in/local/page/index.php?id=29",
            "crisis.yml: entry 'meeting': field 'sources': https://www.kidglove.in/",
        ),
        (
            "countries.yml",
            "      source: https://example.org/gb-emergency",
            "      source: https://pastebin.com/gb-emergency",
            "countries.yml: entry 'GB': field 'emergency.source': https://pastebin.com/gb-emergency "
            "is on a banned domain",
        ),
        (
            "source_policy.yml",
            "  - pegi.info\n",
            "  - pegi.info\n  - pastebin.com\n",
            "source_policy.yml: entry 'pastebin.com': field 'primary_domains': "
            "is also banned (pastebin.com)",
        ),
        (
            "source_policy.yml",
            "  - pegi.info\n",
            "  - https://pegi.info/\n",
            "source_policy.yml: entry 'https://pegi.info/': field 'primary_domains': "
            "expected a lower-case host",
        ),
        (
            "source_policy.yml",
            "  - pegi.info\n",
            "  - www.pegi.info\n",
            "source_policy.yml: entry 'www.pegi.info': field 'primary_domains': "
            "expected a lower-case host",
        ),
        (
            "source_policy.yml",
            "  - pegi.info\n",
            "  - pegi.info\n  - roblox.com\n",
            "source_policy.yml: entry 'roblox.com': field 'primary_domains': listed twice",
        ),
        (
            "source_policy.yml",
            "banned_domains:",
            "banned:",
            "source_policy.yml: field 'banned_domains': is required",
        ),
    ],
)
def test_policy_errors_name_file_entry_and_field(
    guidance_copy, file: str, old: str, new: str, message: str
) -> None:
    folder = guidance_copy(file, old, new)
    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(folder)
    assert str(raised.value).startswith(message)


def test_the_real_policy_loads_and_bans_the_known_re_hosts() -> None:
    policy = load_source_policy()
    for url in (
        "https://pastebin.com/BuHzqhjH",
        "https://www.kidglove.in/local/page/index.php?id=29",
        "https://reddit.rtrace.io/r/Twitch/comments/14g4cn2/",
    ):
        assert policy.banned_domain(url), url
    for url in (
        "https://www.esafety.gov.au/parents",
        "https://en.help.roblox.com/hc/en-us",
        "https://pegi.info/",
        "https://www.nspcc.org.uk/",
    ):
        assert policy.is_primary(url), url


def test_check_content_reports_sources_reviews_and_coverage(capsys) -> None:
    from tests.harness.paths import FIXTURE_GUIDANCE

    assert main(["check-content", "--guidance", str(FIXTURE_GUIDANCE)]) == 0
    out = capsys.readouterr().out
    assert "1 app profiles" in out
    assert "with a primary source: entries " in out and "profiles 1/1 (100%)" in out
    assert (
        "no primary source:\n"
        "  campaigns_and_sources.yml: campaigns_and_sources_general, campaign_protect_children"
    ) in out
    assert "not source_checked: 7 not_checked\n" in out
    assert "  online_gaming.yml: not_checked: online_gaming_general, gaming_young" in out
    assert "app profiles: 1/3 (33%) platforms; without one: tiktok, ometv" in out
    assert "child helplines: 0/1 (0%) countries; without one: GB" in out


def test_check_content_lists_every_banned_source_when_loading_fails(guidance_copy, capsys) -> None:
    folder = guidance_copy(
        "online_gaming.yml", "url: https://example.org/young", "url: https://pastebin.com/a"
    )
    text = (folder / "online_gaming.yml").read_text(encoding="utf-8")
    text = text.replace("url: https://example.org/roblox\n", "url: https://pastebin.com/b\n")
    (folder / "online_gaming.yml").write_text(text, encoding="utf-8")
    assert main(["check-content", "--guidance", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "knowledge base error: online_gaming.yml: entry 'gaming_young'" in err
    assert "online_gaming.yml:19: https://pastebin.com/a\n" in err
    assert "online_gaming.yml:28: https://pastebin.com/b\n" in err
