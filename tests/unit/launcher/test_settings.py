"""Start-up deadlines and worker counts: one home, and the harness always waits longer than the launcher."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from launcher.serve import endpoints_for
from launcher.settings import DEFAULT_RASA_WORKERS, StartupTimeouts, rasa_workers


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


def test_rasa_workers_default_to_one_per_core_of_the_machine_kind_and_can_be_set() -> None:
    assert rasa_workers({}) == DEFAULT_RASA_WORKERS == 2
    assert rasa_workers({"RASA_WORKERS": " 1 "}) == 1


@pytest.mark.parametrize("value", ["two", "0", "-1"])
def test_a_bad_worker_count_is_refused_naming_the_variable(value: str) -> None:
    with pytest.raises(ValueError, match="RASA_WORKERS"):
        rasa_workers({"RASA_WORKERS": value})


def test_make_run_hands_the_sqlite_lock_store_a_file_beside_the_conversations(
    tmp_path: Path,
) -> None:
    config = yaml.safe_load(endpoints_for(5055, tmp_path / "run" / "trackers.db").read_text())
    assert config["lock_store"]["type"] == "bot.locks.sqlite.SQLiteLockStore"
    assert config["lock_store"]["db"] == str(tmp_path / "run" / "locks.db")
    assert config["tracker_store"]["db"] == str(tmp_path / "run" / "trackers.db")
