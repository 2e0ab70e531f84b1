"""`python -m bot check-content`: valid content passes, problems are listed."""

from __future__ import annotations

from bot.cli import main


def test_check_content_passes_on_the_real_knowledge_base(capsys) -> None:
    assert main(["check-content"]) == 0
    assert ": valid" in capsys.readouterr().out


def test_check_content_fails_with_the_loader_message(guidance_copy, capsys) -> None:
    folder = guidance_copy("online_gaming.yml", "url: https://example.org/young", "url: ftp://x")
    assert main(["check-content", "--guidance", str(folder)]) == 1
    assert "entry 'gaming_young': field 'sources'" in capsys.readouterr().err


def test_check_content_lists_overdue_reviews_and_thin_topics(guidance_copy, capsys) -> None:
    folder = guidance_copy(
        "online_gaming.yml",
        "    reviewed_on: 2026-11-29\n    review_by: 2027-11-29\n  - id: gaming_young",
        "    reviewed_on: 2020-01-01\n    review_by: 2020-06-01\n  - id: gaming_young",
    )
    assert main(["check-content", "--guidance", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "review overdue: online_gaming.yml: online_gaming_general (review_by 2020-06-01)" in out
    assert "topic below minimum: grooming has 0 entries" in out
