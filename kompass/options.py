"""The settings of an extract run, with the defaults that the command line and kompass.extract show.

Light to import: the command line reads the defaults before any stage is loaded.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extract.ocr import OcrSettings
from extract.pdf import DEFAULT_READER

if TYPE_CHECKING:  # the corrections are read only where a run has them
    from kompass.corrections import Corrections

# seconds a scanned page may add to a document's time limit: ~3 s measured on one free core, with room for a
# machine shared with other jobs; in all a scan may take OCR_TIMEOUT_FACTOR times the limit, so that --timeout 60
# still means minutes, not hours (kompass.pipeline's _timeout)
OCR_PAGE_SECONDS = 30.0
OCR_TIMEOUT_FACTOR = 10


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds a document may take
    memory_mb: int | None  # address space a child may use


@dataclass(frozen=True)
class Options:
    jobs: int = os.cpu_count() or 1
    force: bool = False
    cache_dir: Path | None = None
    limits: Limits = Limits(timeout=600, memory_mb=4096)
    pdf_reader: str = DEFAULT_READER  # a name in extract.READERS
    ocr: OcrSettings = OcrSettings()
    corrections: Corrections | None = None  # applied to what the run extracted (kompass.corrections)


DEFAULTS = Options()
