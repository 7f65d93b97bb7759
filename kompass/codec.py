"""Values as plain JSON data: the dataclasses of a fixed list, tuples, dates, dicts and scalars.

The cache keeps document models and records between runs in this form instead
of pickles, because loading a pickle can run any code its author chose; loading
this builds only the listed classes, from their fields, and nothing else.
"""
from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from datetime import date, datetime
from operator import attrgetter
from typing import Any

_SCALARS = frozenset({type(None), bool, int, float, str})  # the types json.loads gives for JSON's scalars


class Codec:
    def __init__(self, types: tuple[type, ...]):
        if any(not f.init or f.kw_only for cls in types for f in dataclasses.fields(cls)):
            raise TypeError("decode builds an object from its fields in order: each must be a positional parameter")
        if any(issubclass(cls, (list, tuple, dict, date, bool, int, float, str)) for cls in types):
            raise TypeError("a listed class must not be a kind of value the codec encodes as such")
        self._by_name = {cls.__name__: cls for cls in types}
        self._fields = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in types}
        self._values_of = {cls: _values_getter(names) for cls, names in self._fields.items()}
        shape = repr(sorted((cls.__module__, cls.__qualname__, names) for cls, names in self._fields.items()))
        # an entry written for classes of another shape must not be read into these
        self.fingerprint = hashlib.sha256(shape.encode()).hexdigest()[:16]

    def encode(self, value: Any) -> Any:
        """`value` as JSON data; raises TypeError for a value of a kind not listed."""
        if type(value) in _SCALARS:  # most values: before the checks that also take subclasses
            return value
        values_of = self._values_of.get(type(value))
        if values_of is not None:  # next most: a model's lines and words
            # the fields read in one call; a scalar field (most are) taken without a call to encode
            return {"$class": type(value).__name__,
                    "fields": [item if type(item) in _SCALARS else self.encode(item) for item in values_of(value)]}
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, list):
            return [self.encode(item) for item in value]
        if isinstance(value, tuple):
            return {"$tuple": [self.encode(item) for item in value]}
        if isinstance(value, dict):
            if not all(isinstance(key, str) for key in value):
                raise TypeError("only dicts with str keys can be encoded")
            return {"$dict": {key: self.encode(item) for key, item in value.items()}}
        if isinstance(value, datetime):
            return {"$datetime": value.isoformat()}
        if isinstance(value, date):
            return {"$date": value.isoformat()}
        raise TypeError(f"a {type(value).__name__} cannot be encoded")

    def decode(self, data: Any) -> Any:
        """The value `encode` made `data` from; raises ValueError for data it cannot have made."""
        if type(data) in _SCALARS:
            return data
        if type(data) is list:
            return [self.decode(item) for item in data]
        if not isinstance(data, dict) or len(data) not in (1, 2):
            raise ValueError(f"unexpected {type(data).__name__} in encoded data")
        if "$class" in data:  # first: most of a document model's values are objects (its lines and words)
            cls = self._by_name.get(data["$class"])
            fields = data.get("fields")
            if cls is None or not isinstance(fields, list) or len(fields) != len(self._fields[cls]):
                raise ValueError(f"unexpected object {data.get('$class')!r} in encoded data")
            # a scalar field (most are) is taken as it is, without a call to decode; the fields in their order
            return cls(*[item if type(item) in _SCALARS else self.decode(item) for item in fields])
        if "$tuple" in data:
            return tuple(self.decode(item) for item in _of(data["$tuple"], list))
        if "$dict" in data:
            return {key: self.decode(item) for key, item in _of(data["$dict"], dict).items()}
        if "$datetime" in data:
            return datetime.fromisoformat(_of(data["$datetime"], str))
        if "$date" in data:
            return date.fromisoformat(_of(data["$date"], str))
        raise ValueError(f"unexpected object {data.get('$class')!r} in encoded data")


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """An object's values of the fields `names` as a tuple, read in one call."""
    getter = attrgetter(*names)
    return getter if len(names) > 1 else lambda value: (getter(value),)  # attrgetter of one name gives the value


def _of(value: Any, kind: type) -> Any:
    if not isinstance(value, kind):
        raise ValueError(f"expected a {kind.__name__} in encoded data, got a {type(value).__name__}")
    return value
