"""Command line: ``python -m bot build | check-content | serve``."""

from bot.cli import main

raise SystemExit(main())
