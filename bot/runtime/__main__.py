"""``python -m bot.runtime <rasa arguments>``: Rasa's own command line, tuned first.

``python -m bot serve`` starts the Rasa server this way; the arguments are Rasa's.
"""

import sys

from bot.runtime.tuning import apply


def main() -> None:
    """Apply the runtime tuning, then hand over to Rasa's CLI."""
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
