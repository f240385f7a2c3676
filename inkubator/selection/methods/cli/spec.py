"""Small checks of the JSON spec (lists of numbers, tables, names, indices) and the result as plain JSON."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from .._core import MCDAError


def is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def numbers_list(value: Any, name: str) -> list[float]:
    if not isinstance(value, list) or not all(is_number(v) for v in value):
        raise MCDAError(f"{name} must be a list of numbers.")
    return value


def number_table(value: Any, name: str) -> list[list[float]]:
    if not isinstance(value, list) or not value or not all(isinstance(row, list) for row in value):
        raise MCDAError(f"{name} must be a list of rows, each a list of numbers.")
    lengths = {len(row) for row in value}
    if len(lengths) != 1:
        raise MCDAError(f"{name} rows differ in length ({', '.join(map(str, sorted(lengths)))}).")
    for i, row in enumerate(value):
        if not all(is_number(v) for v in row):
            raise MCDAError(f"{name} row {i} has a value that is not a number.")
    return value


def number_or_none(value: Any, name: str) -> float | None:
    if value is None:
        return None
    if not is_number(value) or not math.isfinite(value):
        raise MCDAError(f"{name} must be a number; got {value!r}.")
    return float(value)


def quota_of(value: Any, name: str) -> dict[str, int] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise MCDAError(f"select.{name} must be an object mapping group label to a count.")
    return {str(k): v for k, v in value.items()}


def names_list(value: Any, name: str) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise MCDAError(f"{name} must be a list of names.")
    return [str(v) for v in value]


def alternative_indices(value: Any, alternatives: list[str] | None, name: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise MCDAError(f"select.{name} must be a list of alternative indices or names.")
    lookup: dict[str, int] = {}
    if alternatives is not None:
        for i, label in enumerate(alternatives):
            lookup.setdefault(label, i)
    indices = []
    for item in value:
        if isinstance(item, str):
            if alternatives is None:
                raise MCDAError(
                    f"select.{name} names {item!r}, but the alternatives have no names; use indices."
                )
            if alternatives.count(item) > 1:
                raise MCDAError(f"select.{name} names {item!r}, which more than one alternative is called.")
            if item not in lookup:
                raise MCDAError(f"select.{name} names {item!r}, which is not an alternative.")
            indices.append(lookup[item])
        else:
            indices.append(item)
    return indices


def put_names(out: dict[str, Any], alternatives: list[str] | None, criteria: list[str] | None) -> None:
    if alternatives is not None:
        out["alternatives"] = alternatives
    if criteria is not None:
        out["criteria"] = criteria


def plain_json(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return plain_json(value.tolist())
    if isinstance(value, Mapping):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v) for v in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value
