"""The curated guidance knowledge base: schema, loading, age parsing and selection."""

from __future__ import annotations

from functools import lru_cache

from bot.knowledge.loader import load_knowledge_base
from bot.knowledge.schema import KnowledgeBase


@lru_cache(maxsize=1)
def get_knowledge_base() -> KnowledgeBase:
    """The knowledge base from data/guidance, loaded and validated once per process."""
    return load_knowledge_base()
