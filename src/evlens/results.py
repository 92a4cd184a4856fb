"""The shared shape of evlens's result objects, as arch's results have one.

A result is a frozen dataclass that subclasses :class:`Result`. It gives ``to_dict()``
(JSON-ready: what ``--json`` prints and the dashboard serves) and ``summary()`` (the few
lines the CLI prints), and ``str(result)`` is its summary. A result whose dictionary is
not its fields as they are overrides ``to_dict``.
"""

from __future__ import annotations

import dataclasses
from typing import Any


class Result:
    """Base of every result object: ``to_dict()``, ``summary()`` and ``str()``."""

    def to_dict(self) -> dict[str, Any]:
        """The fields, recursively, as JSON-ready values (see :func:`evlens.values.jsonable`)."""
        from .values import jsonable

        if not dataclasses.is_dataclass(self):
            raise TypeError(f"{type(self).__name__} is no dataclass: it must write its own to_dict()")
        return jsonable(dataclasses.asdict(self))

    def summary(self) -> str:
        """A few lines of text for a person: by default the class's name and each field that
        is a plain value (a number, text, a date or ``None``) as ``name: value``; results
        with more to say write their own."""
        plain = (int, float, str, bool, type(None))
        lines = [type(self).__name__]
        for name, value in self.to_dict().items():
            if isinstance(value, plain):
                lines.append(f"  {name}: {value}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()
