"""The runtime tuning installs only onto the Rasa it was reviewed against, and can be undone.

These tests start and end unpatched (the fixture checks and reverts), like every unit test
outside test_tuning.py. A Rasa upgrade fails here first: the pin and every fingerprint of a
replaced original are checked against the installed Rasa.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rasa.version
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from bot.paths import ROOT
from bot.runtime import tuning

DECLARED = [
    (name, target, expected)
    for name, fix in tuning.FIXES.items()
    for target, expected in fix.replaces.items()
]


@pytest.fixture(autouse=True)
def unpatched():
    assert tuning.installed() == [], "another test left the runtime tuning applied"
    yield
    tuning.revert()


def _stored(target: str):
    """The attribute as its owner stores it (a staticmethod stays one), to compare by identity."""
    owner, attribute = tuning._owner_and_attribute(target)
    return vars(owner).get(attribute)


# --- the pinned Rasa ------------------------------------------------------------------


def test_the_pinned_rasa_is_the_one_requirements_and_constraints_install():
    pins = {}
    for file in ("requirements.txt", "constraints.txt"):
        text = (ROOT / file).read_text(encoding="utf-8")
        pins[file] = re.findall(r"^rasa(?:\[[^\]]*\])?==(\S+)", text, flags=re.MULTILINE)
    assert pins["requirements.txt"], "requirements.txt no longer pins rasa"
    assert {v for found in pins.values() for v in found} == {tuning.RASA_VERSION}, pins


def test_the_installed_rasa_is_the_pinned_one():
    assert rasa.version.__version__ == tuning.RASA_VERSION


def test_another_rasa_is_refused_naming_both_versions(monkeypatch):
    before = {target: _stored(target) for _, target, _ in DECLARED}
    monkeypatch.setattr(rasa.version, "__version__", "3.7.0")
    with pytest.raises(tuning.TuningRefused, match=r"Rasa 3\.7\.0 is installed.*Rasa 3\.6\.21"):
        tuning.apply(disabled=[])
    assert tuning.installed() == []
    assert all(_stored(target) is stored for target, stored in before.items())


def test_with_every_fix_disabled_another_rasa_runs_unpatched(monkeypatch):
    """Nothing is replaced, so there is nothing to refuse: Rasa as shipped, on any version."""
    monkeypatch.setattr(rasa.version, "__version__", "3.7.0")
    assert tuning.apply(disabled=list(tuning.FIXES)) == []


# --- fingerprints of the replaced originals -------------------------------------------


@pytest.mark.parametrize(("name", "target", "expected"), DECLARED)
def test_every_replaced_original_is_the_code_that_was_reviewed(name, target, expected):
    actual = tuning.fingerprint(tuning.original(target))
    assert actual == expected, (
        f"Rasa's {target} changed since {name!r} was reviewed: review the fix against it, "
        f"then set its fingerprint to {actual}"
    )


def _original_as_reviewed(x: int) -> int:
    return x + 1


def _original_as_installed(x: int) -> int:
    return x + 2  # an upgrade changed it


def test_a_changed_original_is_refused_naming_the_fix_and_the_original(monkeypatch):
    monkeypatch.setattr(tuning, "FIXES", {})
    calls = []
    target = f"{__name__}:_original_as_installed"

    @tuning.fix("unchanged", replaces={})
    def _unchanged(patch):
        calls.append("unchanged")

    @tuning.fix("dummy", replaces={target: tuning.fingerprint(_original_as_reviewed)})
    def _dummy(patch):
        calls.append("dummy")

    with pytest.raises(tuning.TuningRefused, match=f"'dummy' replaces {target}: sha256 "):
        tuning.apply(disabled=[])
    assert calls == [] and tuning.installed() == []  # nothing at all, not even the others


def test_an_unchanged_original_is_replaced_and_restored(monkeypatch):
    monkeypatch.setattr(tuning, "FIXES", {})
    target = f"{__name__}:_original_as_reviewed"

    @tuning.fix("dummy", replaces={target: tuning.fingerprint(_original_as_reviewed)})
    def _dummy(patch):
        patch.replace(target, lambda x: x)

    assert tuning.apply(disabled=[]) == ["dummy"]
    assert _original_as_reviewed(1) == 1
    assert tuning.revert() == ["dummy"]
    assert _original_as_reviewed(1) == 2


def test_a_fix_cannot_replace_what_it_did_not_fingerprint(monkeypatch):
    monkeypatch.setattr(tuning, "FIXES", {})
    target = f"{__name__}:_original_as_reviewed"

    @tuning.fix("declared", replaces={target: tuning.fingerprint(_original_as_reviewed)})
    def _declared(patch):
        patch.replace(target, lambda x: x)

    @tuning.fix("undeclared", replaces={})
    def _undeclared(patch):
        patch.replace(f"{__name__}:_original_as_installed", lambda x: x)

    with pytest.raises(ValueError, match="'undeclared' replaces .* without declaring it"):
        tuning.apply(disabled=[])
    # All or nothing: the fix installed before it was taken out again.
    assert tuning.installed() == [] and _original_as_reviewed(1) == 2


# --- needs ----------------------------------------------------------------------------


def test_tracker_event_count_needs_tracker_columns():
    assert tuning.FIXES["tracker_event_count"].needs == ("tracker_columns",)


def test_disabling_a_fix_that_an_enabled_one_needs_is_an_error(monkeypatch):
    with pytest.raises(ValueError, match=r"'tracker_event_count' needs \['tracker_columns'\]"):
        tuning.apply(disabled=["tracker_columns"])
    monkeypatch.setenv("RASA_TUNING_DISABLE", "tracker_columns")
    with pytest.raises(ValueError, match="'tracker_event_count' needs"):
        tuning.apply()
    assert tuning.installed() == []


def test_a_fix_and_what_it_needs_can_be_disabled_together():
    installed = tuning.apply(disabled=["tracker_columns", "tracker_event_count", "tracker_reuse"])
    assert installed == [
        "action_result_schema",
        "sqlite_pool",
        "event_lookup",
        "storage_errors_fail_the_turn",
    ]


def test_every_prefix_of_the_fixes_is_a_valid_set_as_bench_tuning_enables_them():
    names = list(tuning.FIXES)
    for count in range(len(names) + 1):
        enabled = set(names[:count])
        for name in enabled:
            assert set(tuning.FIXES[name].needs) <= enabled, (name, tuning.FIXES[name].needs)


def test_a_fix_can_only_need_a_fix_listed_before_it(monkeypatch):
    monkeypatch.setattr(tuning, "FIXES", {})
    with pytest.raises(ValueError, match="'later' needs 'not_yet', which must be listed before"):
        tuning.fix("later", replaces={}, needs=["not_yet"])


# --- revert ---------------------------------------------------------------------------


def test_revert_puts_back_every_original_each_fix_replaced():
    before = {target: _stored(target) for _, target, _ in DECLARED}
    assert tuning.apply(disabled=[]) == list(tuning.FIXES)
    for target, stored in before.items():
        assert _stored(target) is not stored, f"{target} is declared but was not replaced"
    assert tuning.revert() == list(tuning.FIXES)
    for target, stored in before.items():
        assert _stored(target) is stored, f"{target} was not restored"
    assert tuning.installed() == []
    # The fingerprints see Rasa's own code again, so the fixes can be applied again.
    assert tuning.apply(disabled=[]) == list(tuning.FIXES)


def test_after_revert_a_sqlite_store_is_rasas_own_again(tmp_path: Path):
    """The pool and the WAL pragma (an engine-wide listener) are both gone."""
    from sqlalchemy.pool import QueuePool

    tuning.apply(disabled=[])
    tuning.revert()
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "t.db"))
    assert not isinstance(store.engine.pool, QueuePool)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal"
