"""The assistant's settings: read from the environment once, checked, bad values named."""

from __future__ import annotations

import pytest

from bot.settings import Settings, SettingsError


def test_with_nothing_set_the_defaults_are_a_schools_deployment() -> None:
    settings = Settings.from_env({})
    assert settings == Settings()
    assert (settings.widget_sender_limit, settings.widget_address_limit) == (30, 120)
    assert settings.retention_days == 30 and settings.insights
    assert settings.widget_trusted_proxies == frozenset() and settings.tuning_disabled == ()


def test_each_variable_sets_its_setting() -> None:
    settings = Settings.from_env(
        {
            "WIDGET_SENDER_LIMIT": "0",
            "WIDGET_ADDRESS_LIMIT": "7",
            "WIDGET_FEEDBACK_LIMIT": "2",
            "WIDGET_INSIGHTS_LIMIT": "3",
            "WIDGET_TRUSTED_PROXIES": " 10.0.0.1, ,10.0.0.2",
            "RETENTION_DAYS": "7.5",
            "INSIGHTS": "Off",
            "RASA_TUNING_DISABLE": "tracker_columns,",
        }
    )
    assert (settings.widget_sender_limit, settings.widget_address_limit) == (0, 7)
    assert (settings.widget_feedback_limit, settings.widget_insights_limit) == (2, 3)
    assert settings.widget_trusted_proxies == {"10.0.0.1", "10.0.0.2"}
    assert settings.retention_days == 7.5 and not settings.insights
    assert settings.tuning_disabled == ("tracker_columns",)


@pytest.mark.parametrize(
    "name, value",
    [
        ("WIDGET_SENDER_LIMIT", "thirty"),
        ("WIDGET_ADDRESS_LIMIT", "-1"),
        ("RETENTION_DAYS", "0"),
        ("RETENTION_DAYS", "a month"),
        ("INSIGHTS", "maybe"),
    ],
)
def test_a_bad_value_is_refused_naming_its_variable(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})
