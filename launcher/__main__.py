"""Command line: ``python -m launcher serve | cluster``."""

from launcher.cli import main

raise SystemExit(main())
