"""Argument checks shared by the analysis modules: is it a DataFrame, are the columns there.

One place, so every "no such column" error reads alike and lists the columns
the user could have meant.
"""

from __future__ import annotations

import pandas as pd

import numpy as np

from .exceptions import DataValidationError, ParameterError


def available_columns(data: pd.DataFrame, limit: int = 25) -> str:
    """The first ``limit`` column names, quoted, for an error's fix."""
    names = [repr(c) for c in data.columns[:limit]]
    more = f" and {len(data.columns) - limit} more" if len(data.columns) > limit else ""
    return ", ".join(names) + more if names else "(the data has no columns)"


def check_frame(data, parameter: str = "data", fix: str = "pass a long-form DataFrame, one row per answer") -> None:
    if not isinstance(data, pd.DataFrame):
        raise ParameterError(f"expected a pandas DataFrame, got {type(data).__name__}",
                             parameter=parameter, fix=fix)


def check_columns(data: pd.DataFrame, columns, parameter: str, where: str = "the data") -> None:
    """Raise a one-line ParameterError for the first of ``columns`` that ``data`` lacks."""
    for column in [columns] if isinstance(columns, str) else columns:
        try:
            present = column in data.columns
        except TypeError:  # unhashable, e.g. a list where one name was expected
            present = False
        if not present:
            raise ParameterError(f"no such column in {where}", column=column, parameter=parameter,
                                 fix=f"use one of: {available_columns(data)}")


def check_unique_ids(data: pd.DataFrame, id: str, what: str = "verbatim") -> None:
    """Raise a one-line DataValidationError for a missing or repeated id in column ``id``."""
    ids = data[id]
    if ids.isna().any():
        raise DataValidationError(f"{what} without an id", column=id, row=int(np.flatnonzero(ids.isna())[0]),
                                  fix=f"give every {what} an id, or drop the rows without one")
    duplicated = ids.duplicated()
    if duplicated.any():
        raise DataValidationError(f"{int(duplicated.sum())} duplicate ids", column=id,
                                  value=ids[duplicated].iloc[0], fix=f"give each {what} its own id")
