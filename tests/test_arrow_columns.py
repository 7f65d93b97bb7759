"""kompass.arrow_columns lays out the schema's column types as pyarrow's own converter does, without pandas."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from kompass.arrow_columns import arrow_array
from kompass.schema import TABLES

ROOT = Path(__file__).resolve().parents[1]
VALUES = {
    pa.string(): ["Örnsköldsvik", None, "", "ﬁ x"],
    pa.list_(pa.string()): [["Anna", "Bo"], None, [], ["Cia", None]],
    pa.list_(pa.float32()): [[72.0, 84.5, 260.25, 98.5], None, [], [1.5, None]],
    pa.list_(pa.int32()): [[0, 12], None, [], [7, None]],
    pa.int8(): [1, None, -128, 127],
    pa.int16(): [2017, None, -32768, 0],
    pa.float64(): [1.5, None, 2, -0.0],
    pa.date32(): [date(2018, 5, 3), None, date(1969, 12, 31)],
    pa.bool_(): [True, None, False] * 4,
}


@pytest.mark.parametrize("type_", sorted({field.type for schema in TABLES for field in schema.arrow()}, key=str),
                         ids=str)
def test_every_column_type_of_the_schema_is_laid_out_as_pyarrow_converts_it(type_):
    values = VALUES[type_]
    for sample in (values, [], [None, None], values * 5):
        laid_out = arrow_array(sample, type_)
        laid_out.validate(full=True)
        assert laid_out.equals(pa.array(sample, type=type_))
        assert laid_out.null_count == sample.count(None)


@pytest.mark.parametrize(("values", "type_"), [([300], pa.int8()), (["1"], pa.int16()), ([1], pa.string()),
                                                ([1], pa.bool_()), ([1.5], pa.int8())])
def test_a_value_that_does_not_fit_is_refused(values, type_):
    with pytest.raises(pa.ArrowInvalid):
        arrow_array(values, type_)


def test_writing_a_dataset_imports_no_pandas(tmp_path):
    code = ("import sys\n"
            "from kompass.writer import write_dataset\n"
            "write_dataset(__import__('pathlib').Path(sys.argv[1]), {'rubrics': [{'report_id': 'a-2018', 'area_no': 1,"
            " 'position': 1, 'text': 'x'}]}, {})\n"
            "print('pandas' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out")], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"
