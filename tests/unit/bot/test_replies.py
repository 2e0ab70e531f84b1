"""How replies are laid out: the one plain-text rendering of a reply's sources."""

from __future__ import annotations

from bot.replies import custom_payload, reply_meta, sources_block


def test_the_sources_block_lists_each_source_as_title_and_url_under_one_heading() -> None:
    sources = [
        {"title": "NSPCC: Online games", "url": "https://www.nspcc.org.uk/games"},
        {"title": "eSafety: Roblox", "url": "https://www.esafety.gov.au/roblox"},
    ]
    assert sources_block(sources) == (
        "Sources:\n"
        "NSPCC: Online games: https://www.nspcc.org.uk/games\n"
        "eSafety: Roblox: https://www.esafety.gov.au/roblox"
    )


def test_a_reply_without_sources_gets_no_sources_block() -> None:
    assert sources_block([]) == ""
    assert sources_block([{"title": "no address", "url": ""}]) == ""


def test_the_custom_payload_carries_a_card_only_when_there_is_one() -> None:
    meta = reply_meta("crisis")
    assert custom_payload(meta) == {"meta": meta}
    card = {"opening": "This sounds serious."}
    assert custom_payload(meta, card) == {"meta": meta, "crisis_card": card}
