"""Errors and warnings a user of cxresearch can meet.

Every error a user can cause is a :class:`CXResearchError` whose message is one
line naming the file, the column or parameter, the bad value and the fix.  The
structured fields (``file``, ``column``, ``value``, ``row``, ``fix``) let the
runner and the reports show the same facts without parsing the message.

This module is not for internal programming errors: those stay ordinary
Python exceptions, because they are ours to fix, not the user's.
"""

from __future__ import annotations

__all__ = [
    "CXResearchError",
    "DataFileError",
    "SchemaError",
    "DataValidationError",
    "ParameterError",
    "CXResearchWarning",
]


def _short(value, limit: int = 60) -> str:
    text = repr(value)
    text = " ".join(text.split())  # one line, whatever the value held
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CXResearchError(Exception):
    """Base class of every error a user of cxresearch can cause and fix."""

    def __init__(self, problem: str, *, file=None, column=None, parameter=None,
                 value=..., row=None, fix: str | None = None):
        self.problem = problem
        self.file = None if file is None else str(file)
        self.column = column
        self.parameter = parameter
        self.value = value
        self.row = row
        self.fix = fix
        super().__init__(self._one_line())

    def _one_line(self) -> str:
        parts = []
        if self.file is not None:
            parts.append(self.file)
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        if self.parameter is not None:
            parts.append(f"parameter {self.parameter!r}")
        where = ", ".join(parts)
        text = f"{where}: {self.problem}" if where else self.problem
        if self.value is not ...:
            text += f" (value {_short(self.value)}"
            text += f", row {self.row})" if self.row is not None else ")"
        elif self.row is not None:
            text += f" (row {self.row})"
        if self.fix:
            text += f". Fix: {self.fix}"
        return " ".join(text.split())


class DataFileError(CXResearchError):
    """A data file cannot be found, opened, decoded or parsed."""


class SchemaError(CXResearchError):
    """A table lacks a required column, or a column mapping does not fit it."""


class DataValidationError(CXResearchError):
    """A value breaks its column's contract: out of scale, duplicate id, bad date."""


class ParameterError(CXResearchError, ValueError):
    """A function or notebook parameter has an invalid name, type or value."""


class CXResearchWarning(UserWarning):
    """Something was handled on the user's behalf and they should know (e.g. codes set to missing)."""
