"""E-mail addresses and phone numbers are redacted; ages, years, dates and apps are not."""

from __future__ import annotations

import pytest

from bot.privacy.redaction import redact


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my email is jo.smith@example.com", "my email is [email]"),
        ("write to a.b+kids@school.example.co.uk!", "write to [email]!"),
        ("JO_SMITH99@Example.ORG please", "[email] please"),
        ("call me on 07700 900123.", "call me on [phone]."),
        ("my number is 07700900123", "my number is [phone]"),
        ("(555) 123-4567", "[phone]"),
        ("555-123-4567 or 555.123.4567", "[phone] or [phone]"),
        ("+44 20 7946 0958", "[phone]"),
        ("+44 (0)20 7946 0958", "[phone]"),
        ("+33 6 12 34 56 78", "[phone]"),
        ("06 12 34 56 78", "[phone]"),
        ("tel:+15551234567", "tel:[phone]"),
        ("07700 900123 07700 900124", "[phone] [phone]"),
        ("text 0412 345 678 or mail x@y.io", "text [phone] or mail [email]"),
    ],
)
def test_personal_details_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "is roblox safe for my 12 year old?",
        "my 8-year-old and my 10 year old",
        "she's 15",
        "kids aged 8 10 12 14",
        "ages 8, 10 and 12",
        "born in 2012",
        "between 2019 and 2023",
        "from 2019-2023",
        "on 2024-05-12",
        "on 12/05/2024",
        "on 12.05.2024",
        "at 10:30 tonight",
        "ps5 and xbox 360",
        "iphone 15 pro on ios 17.4.1",
        "it cost £1,299.99",
        "call 999 or 116 111",
        "the code was 123456",
        "user@localhost is not an address",
        "@snapchat handle",
        "",
    ],
)
def test_ordinary_numbers_and_text_are_kept(text: str) -> None:
    assert redact(text) == text


def test_long_runs_of_digits_are_fast_and_not_a_phone() -> None:
    assert redact("1" * 1000) == "1" * 1000
    assert redact("1 " * 500) == "1 " * 500
