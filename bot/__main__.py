"""Command line: ``python -m bot build | check-content | serve | cluster | retention``."""

from bot.cli import main

raise SystemExit(main())
