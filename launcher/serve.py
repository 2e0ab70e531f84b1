"""Start the action server and the Rasa server together; Ctrl-C stops both.

Used by ``make run`` and ``make shell``: one process that owns both children, so a
parent or a school's web admin never has to juggle two terminals.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import yaml

from bot.channels.sites import load_sites
from bot.paths import CREDENTIALS, ENDPOINTS
from launcher.processes import Process, StartError, wait_for_url
from launcher.settings import StartupTimeouts, rasa_workers


def endpoints_for(actions_port: int, tracker_db: Path) -> Path:
    """bot/endpoints.yml with this run's action-server port and SQLite files filled in.

    Written next to the database, so two instances (a developer's and a test's) can
    run side by side without sharing ports or conversations.
    """
    config = yaml.safe_load(ENDPOINTS.read_text(encoding="utf-8"))
    config["action_endpoint"]["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    if config.get("tracker_store", {}).get("dialect") == "sqlite":
        config["tracker_store"]["db"] = str(tracker_db)
    if config.get("lock_store", {}).get("type", "").endswith("SQLiteLockStore"):
        config["lock_store"]["db"] = str(tracker_db.with_name("locks.db"))
    tracker_db.parent.mkdir(parents=True, exist_ok=True)
    path = tracker_db.with_name(f"endpoints.{actions_port}.yml")
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def cors_args() -> List[str]:
    """Rasa's --cors for the schools in bot/sites.yml.

    Rasa's CORS layer answers every preflight itself, so the allowed origins must be
    given to it; the widget channel then checks the Origin again on each POST.
    """
    origins = sorted(load_sites().by_origin)
    return ["--cors", *origins] if origins else []


def action_server_command(port: int) -> List[str]:
    """The plain rasa-sdk action server serving ``actions/`` on ``port``."""
    rasa = str(Path(sys.executable).with_name("rasa"))
    return [rasa, "run", "actions", "--actions", "actions", "--port", str(port)]


def rasa_command(verb: str, model: Path, endpoints: Path, *extra: str) -> List[str]:
    """Rasa ``run`` or ``shell`` with our runtime tuning (bot/runtime/), config and CORS."""
    return [
        sys.executable, "-m", "bot.runtime", verb, "--model", str(model), *extra,
        "--endpoints", str(endpoints), "--credentials", str(CREDENTIALS), *cors_args(),
    ]  # fmt: skip


def serve(
    model: Path,
    port: int,
    actions_port: int,
    shell: bool = False,
    tracker_db: Path = Path("var/trackers.db"),
) -> int:
    """Run both servers until interrupted or until either exits; return an exit status."""
    endpoints = endpoints_for(actions_port, tracker_db)
    timeout_s = StartupTimeouts.from_env().assistant_s
    actions = Process("the action server", action_server_command(actions_port))
    children = [actions]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Ctrl-C stops both even when started from a script that ignores SIGINT; the children
    # are in process groups of their own, so only this process hears it, and stops them.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        actions.start()
        if shell:
            wait_for_url(
                f"http://127.0.0.1:{actions_port}/health", children, timeout_s, actions.name
            )
            # In the foreground, not in a process group of its own: it reads this terminal.
            return subprocess.call(rasa_command("shell", model, endpoints))
        # Both start at once: loading the model does not need the action server, and the
        # cold start is the slower of the two, not their sum.
        rasa = Process(
            "the Rasa server",
            rasa_command("run", model, endpoints, "--port", str(port)),
            env={"SANIC_WORKERS": str(rasa_workers())},
        )
        children.append(rasa)
        rasa.start()
        wait_for_url(f"http://127.0.0.1:{actions_port}/health", children, timeout_s, actions.name)
        wait_for_url(f"http://127.0.0.1:{port}/", children, timeout_s, rasa.name)
        print(
            f"\nThe assistant is running. Open the demo school page with the chat widget:\n"
            f"  http://localhost:{port}/webhooks/widget/demo\n"
            f"or send messages to http://localhost:{port}/webhooks/rest/webhook\n"
            f'  e.g. curl -s localhost:{port}/webhooks/rest/webhook -H "Content-Type: application/json" '
            f'-d \'{{"sender": "me", "message": "is roblox safe for my 8 year old?"}}\'\n'
            "Press Ctrl-C to stop.\n",
            flush=True,
        )
        while all(child.alive() for child in children):
            time.sleep(0.5)
        return 1  # a server exited on its own
    except StartError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children:
            child.stop()
