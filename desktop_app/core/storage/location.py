"""Where a database is: an SQLite file (a Path) or a PostgreSQL server (a ServerLocation).

Kept free of SQLAlchemy so that the command line's parser can tell them apart
without loading the database machinery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(value: str) -> bool:
    return bool(_URL.match(value))


def is_server_url(value: str) -> bool:
    return is_url(value) and value.split("://", 1)[0].lower() in SCHEMES


@dataclass(frozen=True)
class ServerLocation:
    """A PostgreSQL database named by a URL; the password, when given, is never shown."""

    url: str
    password: str | None = None

    @property
    def shown(self) -> str:
        """The URL as messages and status show it: without a password."""
        parts = urlsplit(self.url)
        user = parts.username or ""
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        who = f"{user}@" if user else ""
        return f"postgresql://{who}{host}{port}{parts.path}"

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or "localhost"

    def sqlalchemy_url(self) -> Any:
        from sqlalchemy.engine import make_url

        url = make_url("postgresql+psycopg://" + self.url.split("://", 1)[1])
        if self.password is not None:
            url = url.set(password=self.password)
        return url

    def __str__(self) -> str:
        return self.shown
