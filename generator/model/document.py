"""A loaded YAML file: its plain data plus the line and column of every node.

`generator/load/yaml_file.py` makes it; every later stage that reports a place in a data file
reads the place from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.errors import Problem


@dataclass
class Document:
    """One loaded YAML file: plain data plus the position of every node."""

    path: str
    """The file's path as shown to editors."""
    data: object
    """Nested dicts, lists and strings only."""
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    """(key path) → (line, column) of the value, 1-based."""
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    """(key path) → (line, column) of the mapping key naming that value."""
    warnings: list[Problem] = field(default_factory=list)
    """Problems that do not stop the build: invisible characters in values. The schema turns
    those in ids and addresses into errors; `validate` shows the rest."""

    def position(self, path: tuple, *, at_key: bool = False) -> tuple[int, int]:
        """The best known position for a path: its own, or its nearest parent's."""
        path = tuple(path)
        while True:
            table = self.keys if at_key and path in self.keys else self.values
            if path in table:
                return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]
