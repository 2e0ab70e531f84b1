"""Start-up deadlines: one home, and the harness always waits longer than the launcher."""

from __future__ import annotations

import pytest

from launcher.settings import StartupTimeouts


def test_the_harness_outwaits_the_launcher_so_a_failed_start_reports_its_own_error() -> None:
    for timeouts in (
        StartupTimeouts.from_env({}),
        StartupTimeouts.from_env({"STARTUP_TIMEOUT_S": "30"}),
    ):
        assert timeouts.harness_s > timeouts.assistant_s


def test_startup_timeout_moves_the_assistants_deadline_only() -> None:
    timeouts = StartupTimeouts.from_env({"STARTUP_TIMEOUT_S": "30"})
    assert timeouts.assistant_s == 30
    assert (timeouts.cluster_s, timeouts.baseline_s) == (
        StartupTimeouts().cluster_s,
        StartupTimeouts().baseline_s,
    )


@pytest.mark.parametrize("value", ["soon", "0", "-5"])
def test_a_bad_startup_timeout_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(ValueError, match="STARTUP_TIMEOUT_S"):
        StartupTimeouts.from_env({"STARTUP_TIMEOUT_S": value})
