"""kompass from Python: a dataset read into pandas, and the extract job run from a script or notebook.

    import kompass

    summary = kompass.extract("data/raw", out="data/processed", jobs=2, ocr="auto")
    data = kompass.load("data/processed")
    data.areas                # one pandas DataFrame per table, pyarrow-backed
    data.tables["panel"]      # the same, by name
    data.to_duckdb().sql("SELECT ... FROM areas JOIN reports USING (report_id)")

The DataFrames keep the tables' Arrow types (`pd.ArrowDtype`): integers stay
integers where they hold nulls (`<NA>`, not a float NaN), dates stay dates and
lists (`evaluators`, `lemmas`) stay lists. pandas and DuckDB are imported by
the functions that use them, not by `import kompass`, which every `kompass`
command does.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from extract import OcrSettings
from extract.formats import BY_SUFFIX
from kompass.options import DEFAULTS, Limits, Options
from kompass.qa_dataset import is_dataset
from kompass.runlog import RunSummary

if TYPE_CHECKING:
    import duckdb
    import pandas as pd
    import pyarrow as pa

DEFAULT_DATASET = Path("data/processed")
DEFAULT_INPUTS = Path("data/raw")
DEFAULT_CACHE = Path(".kompass-cache")  # or $KOMPASS_CACHE, as for the command


class Dataset:
    """A kompass dataset directory read into pandas: one DataFrame per table, as an attribute and in `tables`.

    A table the directory lacks (a dataset of an older kompass) is an empty
    DataFrame with the table's columns and types.
    """

    def __init__(self, path: Path, arrow_tables: dict[str, pa.Table]):
        import pandas as pd

        self.path = path
        self._arrow = arrow_tables
        self.tables: dict[str, pd.DataFrame] = {
            name: table.to_pandas(types_mapper=pd.ArrowDtype) for name, table in arrow_tables.items()}

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"a kompass dataset has no table {name!r}; its tables are {', '.join(tables)}")

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *self.tables]

    def __repr__(self) -> str:
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in self.tables.items())
        return f"<kompass.Dataset {self.path}: rows of {counts}>"

    def to_duckdb(self, connection: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection (a new in-memory one unless given) with a view of every table, by its name.

        The views read the tables as loaded, with their Arrow types, not the files again.
        """
        try:
            import duckdb
        except ImportError:
            raise ImportError("Dataset.to_duckdb needs DuckDB: pip install duckdb "
                              "(or kompass's notebooks extra: pip install -e '.[notebooks]')") from None
        connection = connection if connection is not None else duckdb.connect()
        for name, table in self._arrow.items():
            connection.register(name, table)
        return connection


def load(path: str | os.PathLike[str] = DEFAULT_DATASET) -> Dataset:
    """The dataset that `kompass extract` wrote into `path` (default data/processed).

    Raises FileNotFoundError when there is no kompass dataset at `path`, and
    pyarrow's error when one of its files is damaged.
    """
    import pyarrow.parquet as pq

    from kompass.schema import TABLES

    directory = Path(path)
    if not is_dataset(directory):
        raise FileNotFoundError(f"no kompass dataset in {directory} (no reports.parquet or problems.parquet); "
                                "`kompass extract --out DIR` or kompass.extract(..., out=DIR) writes one")
    return Dataset(directory, {
        schema.name: pq.read_table(file) if (file := directory / f"{schema.name}.parquet").exists()
        else schema.arrow().empty_table() for schema in TABLES})


def extract(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] = DEFAULT_INPUTS,
            out: str | os.PathLike[str] = DEFAULT_DATASET, *, jobs: int | None = None,
            ocr: str | OcrSettings = DEFAULTS.ocr.mode, force: bool = False,
            cache: str | os.PathLike[str] | None = DEFAULT_CACHE,
            pdf_reader: str = DEFAULTS.pdf_reader, timeout: float = DEFAULTS.limits.timeout,
            memory_limit: int | None = DEFAULTS.limits.memory_mb,
            progress: Callable[[str], None] | None = None,
            corrections: str | os.PathLike[str] | None = None) -> RunSummary:
    """`kompass extract` from Python: read the reports in `inputs` (files or directories) into the dataset `out`.

    The options are the command's: `jobs` documents at once (default: the
    number of cores); `ocr` "auto", "always", "never" or an OcrSettings; `force`
    to ignore the cache; `cache` its directory (default $KOMPASS_CACHE, else
    .kompass-cache), None for none; `pdf_reader`
    "pdfium" or "pdfplumber"; `timeout` seconds and `memory_limit` MB a
    document may take; `progress` called with each source path as it is done;
    `corrections` a corrections CSV (`--corrections`, see the README).

    Returns the run's summary (`.line()`, `.record`, `.documents`, `.problems`,
    `.failed`, `.duplicates`, `.severities`); a document's failure is its
    problem, not an exception. Raises FileNotFoundError for an input that does
    not exist, ValueError when the inputs hold no report file,
    kompass.corrections.CorrectionsError (a ValueError) for a corrections file
    that cannot be used, and, as the
    command's exit statuses say, kompass.lock.Busy when another run writes
    `out`, kompass.pipeline.PublishRefused and OSError when the environment
    kept the run from publishing (the previous dataset stays).
    """
    from kompass.corrections import read_corrections
    from kompass.inputs import find_inputs
    from kompass.pipeline import run_extract

    roots = [Path(inputs)] if isinstance(inputs, (str, os.PathLike)) else [Path(root) for root in inputs]
    out_dir = Path(out)
    missing = [str(root) for root in roots if not root.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or directory: {', '.join(missing)}")
    found = find_inputs(roots, out_dir)
    if not found.sources:
        raise ValueError(f"no {', '.join(sorted(BY_SUFFIX))} files found in {', '.join(map(str, roots))}")
    if cache is not None and Path(cache) == DEFAULT_CACHE:
        cache = os.environ.get("KOMPASS_CACHE") or cache
    options = Options(jobs=jobs or DEFAULTS.jobs, force=force, cache_dir=None if cache is None else Path(cache),
                      limits=Limits(timeout=timeout, memory_mb=memory_limit), pdf_reader=pdf_reader,
                      ocr=ocr if isinstance(ocr, OcrSettings) else OcrSettings(mode=ocr),
                      corrections=read_corrections(Path(corrections)) if corrections is not None else None)
    return run_extract(found, out_dir, options, (lambda result: progress(result.source_path)) if progress else
                       (lambda result: None))
