"""NAP Reporter: offline reporting on Viet Nam's National Action Plans for the ICCPR."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("nap-reporter")
except PackageNotFoundError:  # running from a source tree or a frozen bundle
    __version__ = "0.1.0"
