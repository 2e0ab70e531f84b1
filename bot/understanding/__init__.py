"""What a parent's message means in this conversation: kind of reply, topic, app and age.

Rasa-free: the guidance action hands in what NLU said and what the conversation
remembers, and gets an :class:`~bot.understanding.interpret.Interpretation` back.
"""

from functools import lru_cache

from bot.knowledge import get_knowledge_base
from bot.understanding.interpret import Interpreter


@lru_cache(maxsize=1)
def get_interpreter() -> Interpreter:
    """The interpreter for data/guidance, built once per process (on first use)."""
    return Interpreter(get_knowledge_base())
