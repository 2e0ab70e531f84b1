"""Where the repository's own files are: anchored at its root, not at the working directory."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "parental.tar.gz"
WIDGET_DIR = ROOT / "widget"
GUIDANCE_DIR = ROOT / "data" / "guidance"
ENDPOINTS = ROOT / "bot" / "endpoints.yml"
CLUSTER_ENDPOINTS = ROOT / "bot" / "endpoints.cluster.yml"
CREDENTIALS = ROOT / "bot" / "credentials.yml"
