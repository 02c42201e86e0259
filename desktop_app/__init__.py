"""NAP Reporter: offline reporting on Viet Nam's National Action Plans for the ICCPR.

`__version__` is looked up when first asked for: importlib.metadata costs about
50 ms of imports, a fifth of what a quick command may take (issue 11).
"""

from __future__ import annotations

__version__: str  # given by __getattr__ below, once


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("nap-reporter")
    except PackageNotFoundError:  # running from a source tree or a frozen bundle
        found = "0.1.0"
    globals()["__version__"] = found
    return found
