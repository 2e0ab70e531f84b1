"""One contract on every entry point: what a client may say, and what only the server decides."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.channels.rest import RestInput
from bot.channels.sites import Site
from bot.channels.trust import (
    UnsafeChannelError,
    check_credentials,
    request_context,
    site_metadata,
)
from bot.paths import CREDENTIALS
from bot.safety.countries import choose_country

SCHOOL = Site("s", "A School", ("https://s.example",), "GB", "the office")


def test_the_widget_channels_site_values_are_believed() -> None:
    context = request_context({**site_metadata(SCHOOL), "country": "ie"}, "widget")
    assert (context.site_country, context.page_country, context.safeguarding_contact) == (
        "GB",
        "IE",
        "the office",
    )


@pytest.mark.parametrize("channel", ["rest", "cmdline", None, "Widget"])
def test_site_values_from_any_other_channel_are_ignored(channel) -> None:
    forged = {**site_metadata(SCHOOL), "country": "FR"}
    context = request_context(forged, channel)
    assert (context.site_country, context.safeguarding_contact) == (None, None)
    assert context.page_country == "FR"  # a page's hint is allowed everywhere


def test_country_precedence_said_then_site_then_page_then_remembered() -> None:
    assert choose_country("IE", "GB", "US", "AU") == "IE"
    assert choose_country(None, "GB", "US", "AU") == "GB"
    assert choose_country(None, None, "US", "AU") == "US"
    assert choose_country(None, None, None, "AU") == "AU"
    assert choose_country(None, None, None, None) is None


def rest_request(body):
    return SimpleNamespace(json=body)


def test_the_rest_channel_never_lets_a_client_name_the_channel_or_set_the_contact() -> None:
    channel = RestInput()
    body = {
        "sender": "x",
        "message": "hi",
        "input_channel": "widget",
        "metadata": {"safeguarding_contact": "fake", "site_country": "GB", "country": "nz"},
    }
    assert channel._extract_input_channel(rest_request(body)) == "rest"
    assert channel.get_metadata(rest_request(body)) == {"country": "NZ"}
    assert channel.get_metadata(rest_request({"metadata": "GB"})) == {}


def test_the_shipped_credentials_open_only_channels_that_keep_the_contract() -> None:
    check_credentials(CREDENTIALS)


def test_rasas_stock_rest_channel_is_refused(tmp_path: Path) -> None:
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("rest: {}\nbot.channels.widget.WidgetInput: {}\n", encoding="utf-8")
    with pytest.raises(UnsafeChannelError, match="'rest' is not allowed"):
        check_credentials(credentials)
