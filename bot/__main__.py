"""Command line: ``python -m bot build | check-content | retention | feedback``."""

from bot.cli import main

raise SystemExit(main())
