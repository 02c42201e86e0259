"""Problems as codes with parameters.

The core never words a message: it says what went wrong as a code and the
facts that go with it, and each face (command line, window) words it in the
user's language. That keeps the core free of UI concerns and lets one problem
be shown in Vietnamese and English side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Location:
    """Where in a file a problem was found; every part is optional."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    field: str | None = None
    where: Location | None = None


class NapError(Exception):
    """Base of the errors a face reports to the user (never a bug)."""

    exit_code = 3

    def __init__(self, *problems: Problem) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems: tuple[Problem, ...] = problems

    @classmethod
    def of(cls, problem_code: str, /, **params: Any) -> NapError:
        return cls(Problem(problem_code, params))


class UsageError(NapError):
    """A malformed or unknown argument value (exit code 2)."""

    exit_code = 2


class RefusedError(NapError):
    """An input or destination was refused; nothing was written (exit code 3)."""

    exit_code = 3


class ValidationError(RefusedError):
    """A record broke one or more rules; nothing was written."""
