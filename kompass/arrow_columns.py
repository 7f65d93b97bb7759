"""Arrow arrays laid out from Python values by hand, for the column types of the dataset's schema.

Why not `pa.array`: pyarrow's converters import pandas on their first call,
to ask whether a value is a pandas object, and that import is a tenth of a
`kompass extract` run over a few reports (0.25 CPU s, 50 MB). The schema's
types (strings, lists, small integers, floats, dates, booleans)
have simple layouts: a validity bitmap, then offsets and bytes or fixed-width
values, as in https://arrow.apache.org/docs/format/Columnar.html. Values
are taken as `pa.array` takes them; None is null.
"""
from __future__ import annotations

from array import array
from datetime import date
from itertools import accumulate
from typing import Any

import pyarrow as pa

_EPOCH = date(1970, 1, 1).toordinal()
# array typecodes of the same widths
_FIXED_WIDTH = {pa.int8(): "b", pa.int16(): "h", pa.int32(): "i", pa.float32(): "f", pa.float64(): "d"}


def arrow_array(values: list[Any], type_: pa.DataType) -> pa.Array:
    """The values as an Arrow array of `type_`; raises pa.ArrowInvalid for a value that does not fit, as pyarrow."""
    try:
        return _laid_out(values, type_)
    except (TypeError, OverflowError) as error:
        raise pa.ArrowInvalid(f"a value does not fit {type_}: {error}") from error


def _laid_out(values: list[Any], type_: pa.DataType) -> pa.Array:
    length = len(values)
    present = [value is not None for value in values]
    nulls = length - sum(present)
    validity = _bitmap(present) if nulls else None
    if type_ == pa.string():
        return pa.Array.from_buffers(type_, length, [validity, *_string_buffers(values)], null_count=nulls)
    if pa.types.is_list(type_):
        items = [item for value in values if value is not None for item in value]
        offsets = array("i", accumulate((len(value) if value is not None else 0 for value in values), initial=0))
        return pa.Array.from_buffers(type_, length, [validity, pa.py_buffer(offsets)], null_count=nulls,
                                     children=[_laid_out(items, type_.value_type)])
    if type_ == pa.bool_():
        bits = _bitmap([value is not None and _bool(value) for value in values])
        return pa.Array.from_buffers(type_, length, [validity, bits], null_count=nulls)
    if type_ == pa.date32():
        days = array("i", (value.toordinal() - _EPOCH if value is not None else 0 for value in values))
        return pa.Array.from_buffers(type_, length, [validity, pa.py_buffer(days)], null_count=nulls)
    if type_ in _FIXED_WIDTH:
        fixed = array(_FIXED_WIDTH[type_], (value if value is not None else 0 for value in values))
        return pa.Array.from_buffers(type_, length, [validity, pa.py_buffer(fixed)], null_count=nulls)
    raise pa.ArrowNotImplementedError(f"no layout for Arrow type {type_}")


def _string_buffers(values: list[str | None]) -> list[pa.Buffer]:
    encoded = [_str(value).encode() if value is not None else b"" for value in values]
    return [pa.py_buffer(array("i", accumulate(map(len, encoded), initial=0))), pa.py_buffer(b"".join(encoded))]


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a str, got a {type(value).__name__}")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected a bool, got a {type(value).__name__}")
    return value


def _bitmap(bits: list[bool]) -> pa.Buffer:
    """Arrow's bitmap: bit i (least significant first) of byte i // 8 says bits[i]."""
    if not bits:
        return pa.py_buffer(b"")
    as_number = int("".join("1" if bit else "0" for bit in reversed(bits)), 2)
    return pa.py_buffer(as_number.to_bytes((len(bits) + 7) // 8, "little"))
