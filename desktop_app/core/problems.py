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


def os_detail(error: OSError) -> str:
    """What went wrong with a file, as the errno's name (ENOENT, EACCES, ENOSPC…).

    The faces word these names in the person's language; the operating system's own
    text is English whatever the language of the program.
    """
    import errno

    name = errno.errorcode.get(error.errno or -1)
    return name or error.strerror or str(error)


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
