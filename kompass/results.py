"""What became of one input: its result, the failure the cache keeps in place of its model, and the closed
lists of documents.work and documents.status.

No heavy import here: the command line reads the lists without loading the stages.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from domain.problems import Problem, problem

if TYPE_CHECKING:
    from normalize.rows import NormalizedReport

# documents.work: read from the file, reparsed from the cached document model, reused whole from the cache,
# failed (its process crashed or was given up), skipped (not a report's file)
READ, REPARSED, REUSED, FAILED, SKIPPED = "read", "reparsed", "reused", "failed", "skipped"
WORK = (READ, REPARSED, REUSED, FAILED, SKIPPED)
CACHE_HITS = (REPARSED, REUSED)
# documents.status: a report without problems, a report with some, no report (FAILED), not a report's file (SKIPPED)
OK, PARTIAL = "ok", "partial"
STATUSES = (OK, PARTIAL, FAILED, SKIPPED)


@dataclass
class DocumentResult:
    source_path: str
    source_format: str | None
    report: NormalizedReport | None
    problems: list[Problem] = field(default_factory=list)
    how: str = READ  # one of WORK
    pages: int | None = None
    seconds: float | None = None  # spent on it in this run


@dataclass(frozen=True)
class CachedFailure:
    """A document that cannot be read, cached in place of its model: it fails the same way until it changes."""
    code: str
    message: str
    page: int | None = None

    def problem(self) -> Problem:
        return problem(self.code, self.message, self.page)
