"""How long each kind of start-up may take before it counts as failed: one home for all.

`make run`, the cluster, the test harness and the benchmark wait for servers with these
deadlines (launcher.processes.wait_until). A start that fails early (a process exits) is
reported at once; these only bound a start that hangs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional

# Sanic workers of the Rasa server: one per core of the machine kind we measure on (2).
# Handling a message is CPU-bound Python, so one worker uses one core at most.
DEFAULT_RASA_WORKERS = 2

# A reply to wait for on top of the start itself: the harness's first message.
FIRST_REPLY_MARGIN_S = 60.0


@dataclass(frozen=True)
class StartupTimeouts:
    """Deadlines in seconds; STARTUP_TIMEOUT_S moves the assistant's (and the harness's)."""

    # `make run`: the action server and one Rasa server loading our model. Here that takes
    # about 12 s; a cold CI machine with two shared cores has taken over a minute. Three
    # minutes covers it without leaving a broken start hanging for long.
    assistant_s: float = 180.0
    # The cluster: every instance loads the model at the same time on the same cores, so
    # the last to be ready waits for the others' CPU as well as its own.
    cluster_s: float = 300.0
    # The benchmark's baseline: stock Rasa loads DIET and TED (TensorFlow graphs), several
    # times slower to load than our pipeline.
    baseline_s: float = 300.0

    @property
    def harness_s(self) -> float:
        """How long the test harness waits for the launcher's first reply.

        Longer than the launcher waits for its servers, so a failed start is reported as the
        launcher's own error (which server died, or which timed out), not as a bare timeout.
        """
        return self.assistant_s + FIRST_REPLY_MARGIN_S

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> StartupTimeouts:
        """Read STARTUP_TIMEOUT_S; raise ValueError naming it when it is not a positive number."""
        env = os.environ if env is None else env
        value = env.get("STARTUP_TIMEOUT_S", "").strip()
        if not value:
            return cls()
        try:
            seconds = float(value)
        except ValueError:
            raise ValueError(
                f"STARTUP_TIMEOUT_S must be a number of seconds, not {value!r}"
            ) from None
        if seconds <= 0:
            raise ValueError(f"STARTUP_TIMEOUT_S must be positive, not {value!r}")
        return cls(assistant_s=seconds)


def rasa_workers(env: Optional[Mapping[str, str]] = None) -> int:
    """RASA_WORKERS, the Rasa server's Sanic workers (make run and each cluster instance).

    Raises:
        ValueError: naming the variable, when it is not a whole number of at least 1.
    """
    env = os.environ if env is None else env
    value = env.get("RASA_WORKERS", "").strip()
    if not value:
        return DEFAULT_RASA_WORKERS
    try:
        workers = int(value)
    except ValueError:
        raise ValueError(f"RASA_WORKERS must be a whole number, not {value!r}") from None
    if workers < 1:
        raise ValueError(f"RASA_WORKERS must be at least 1, not {value!r}")
    return workers
