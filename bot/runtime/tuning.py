"""Fixes for per-message costs inside Rasa 3.6 that profiling found (docs/performance.md).

Rasa OSS is in maintenance mode, so these are not going to be fixed upstream. Each one
keeps Rasa's behaviour and only removes repeated work; ``apply()`` installs them once, from
the process entry point (``python -m bot.runtime``), never at import time.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Optional, Type

logger = logging.getLogger(__name__)
_applied = False


def apply() -> None:
    """Install every fix in this process (idempotent)."""
    global _applied
    if _applied:
        return
    _validate_action_results_with_a_compiled_schema()
    _cache_event_type_lookup()
    _applied = True
    logger.debug("Rasa runtime tuning applied")


def _validate_action_results_with_a_compiled_schema() -> None:
    """Validate action-server responses against a schema checked once, not per message.

    ``RemoteAction._validate_action_result`` calls ``jsonschema.validate``, which checks the
    (large) events schema itself and builds a new validator on every action call: about
    half of the Rasa process's CPU per message in our profile. The response is still
    validated against the same schema, and a bad one still raises the same error.
    """
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(self: RemoteAction, result: Dict[str, Any]) -> bool:
        error: Optional[ValidationError] = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            "response from the Action endpoint is valid. For more information about "
            f"the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error

    RemoteAction._validate_action_result = validate_action_result


def _cache_event_type_lookup() -> None:
    """Look event classes up by type name in a dict instead of walking all subclasses.

    Rasa walks the whole ``Event`` class tree for every event it deserialises (each
    tracker load and each action response). Found classes are cached; unknown names still
    go through Rasa's own lookup, so its defaults and errors are unchanged.
    """
    from rasa.shared.core.events import Event

    original: Callable[..., Optional[Type[Event]]] = Event.resolve_by_type
    found: Dict[str, Type[Event]] = {}

    def resolve_by_type(
        type_name: str, default: Optional[Type[Event]] = None
    ) -> Optional[Type[Event]]:
        cls = found.get(type_name)
        if cls is None:
            cls = original(type_name, default)
            if cls is not None and cls.type_name == type_name:
                found[type_name] = cls
        return cls

    Event.resolve_by_type = staticmethod(resolve_by_type)
