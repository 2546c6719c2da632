"""Form helpers shared by the domains."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wtforms import SelectChoice


def choices(
    options: Mapping[str, str] | Iterable[tuple[str, str]],
) -> list[SelectChoice]:
    """Turn (value, label) pairs into WTForms select choices."""
    pairs = options.items() if isinstance(options, Mapping) else options
    return [SelectChoice(str(value), label) for value, label in pairs]
