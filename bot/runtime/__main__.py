"""``python -m bot.runtime <rasa arguments>``: Rasa's own command line, tuned first.

``python -m launcher serve`` starts the Rasa server this way; the arguments are Rasa's.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.channels.trust import check_credentials
from bot.runtime.tuning import apply
from bot.settings import Settings, SettingsError


def main() -> None:
    """Refuse bad settings and unsafe input channels, tune, then hand over to Rasa's CLI."""
    try:
        Settings.from_env()  # read again where used; a bad value stops here, named, not later
    except SettingsError as error:
        sys.exit(f"settings: {error}")
    if "--credentials" in sys.argv:
        check_credentials(Path(sys.argv[sys.argv.index("--credentials") + 1]))
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
