"""Which agency a file or a person means, and which 2025 unit it now rolls up to.

Files name their agency by code or by name, and names arrive in every form: Vietnamese
or English, either tone-mark placement ("Thanh Hoá" = "Thanh Hóa"), NFD from old
keyboards, with "UBND tỉnh" or "Thành phố" in front, or a pre-2025 province. A former
province resolves to itself, never to its successor, so that its files keep their own
version history; views call ``rollup_code`` to show them under the 2025 unit. A former
ministry split between several successors rolls up to none: views call ``attribute``
with each activity's task, which names the successor the installed catalog's map gives for that
task, or None (not attributed; catalog/successions.py).

The directory is built once from the catalog (a few dozen rows) and answers from memory,
so an import of hundreds of rows resolves each name with a dictionary look-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlmodel import Session, select

from desktop_app.core.catalog.successions import Split, bundled_splits, splits_in
from desktop_app.core.domain.models import Agency
from desktop_app.core.domain.text import tone_key
from desktop_app.core.storage.database import Database

__all__ = ["AgencyDirectory", "match_key", "resolve_agency", "rollup_code"]

_NOT_WORD = re.compile(r"[^\w]+")


def match_key(text: str) -> str:
    """The form names are compared in: tone_key with punctuation runs as one space.

    "TP.HCM" and "TP HCM", "Bà Rịa–Vũng Tàu" and "Bà Rịa - Vũng Tàu" then meet.
    """
    return " ".join(_NOT_WORD.sub(" ", tone_key(text)).split())


# Words officials put before or after a unit's name ("UBND tỉnh Thanh Hoá", "Ha Giang
# Province"). They come off one at a time and every remainder is tried, so "Thành phố
# Hồ Chí Minh" still matches as the whole name before "Hồ Chí Minh" as an alias.
_PREFIXES = tuple(match_key(p) for p in (
    "Ủy ban nhân dân thành phố", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân", "UBND",
    "Thành phố", "TP", "Tỉnh", "People's Committee of", "Province of", "City of", "The",
))
_SUFFIXES = tuple(match_key(s) for s in (
    "Provincial People's Committee", "Municipal People's Committee",
    "City People's Committee", "People's Committee", "Province", "City",
))


def _candidates(key: str) -> list[str]:
    """``key`` and what is left as each leading or trailing office word comes off."""
    found = [key]
    current = key
    changed = True
    while changed and current:
        changed = False
        for prefix in _PREFIXES:
            if current.startswith(prefix + " "):
                current = current[len(prefix) + 1:]
                found.append(current)
                changed = True
        for suffix in _SUFFIXES:
            if current.endswith(" " + suffix):
                current = current[: -len(suffix) - 1]
                found.append(current)
                changed = True
    return found


@dataclass(frozen=True)
class AgencyDirectory:
    """Every catalog agency, by code and by match key of its names and aliases."""

    by_code: dict[str, Agency]
    by_key: dict[str, Agency]
    ambiguous: frozenset[str] = field(default_factory=frozenset)
    splits: Mapping[str, Split] = field(default_factory=dict)  # former code -> its split

    @classmethod
    def of(cls, agencies: Iterable[Agency],
           splits: Mapping[str, Split] | None = None) -> AgencyDirectory:
        """The directory of ``agencies``; ``splits`` defaults to the bundled catalog's."""
        rows = list(agencies)
        by_code = {a.code.upper(): a for a in rows}
        # Names beat aliases, units in force beat former ones, retired ones come last:
        # a key two agencies share goes to the better claim, or to nobody on a tie.
        claims: dict[str, list[tuple[tuple[int, int], Agency]]] = {}
        for a in rows:
            rank_state = (0 if a.active else 1) + (2 if a.retired else 0)
            names = [(0, a.name_vi), (0, a.name_en)]
            names += [(1, alias) for alias in a.aliases.splitlines() if alias.strip()]
            for name_rank, name in names:
                key = match_key(name)
                if key:
                    claims.setdefault(key, []).append(((name_rank, rank_state), a))
        by_key: dict[str, Agency] = {}
        ambiguous: set[str] = set()
        for key, entries in claims.items():
            best = min(rank for rank, _ in entries)
            winners = {a.code: a for rank, a in entries if rank == best}
            if len(winners) == 1:
                by_key[key] = next(iter(winners.values()))
            else:
                ambiguous.add(key)
        return cls(by_code, by_key, frozenset(ambiguous),
                   bundled_splits() if splits is None else splits)

    @classmethod
    def from_session(cls, session: Session) -> AgencyDirectory:
        """Agencies live in ``session`` (use them for foreign keys in the same unit); the
        split maps are the installed catalog's."""
        return cls.of(session.exec(select(Agency)).all(), splits_in(session))

    @classmethod
    def load(cls, db: Database) -> AgencyDirectory:
        """Agencies detached from any session, readable after it ends."""
        with db.reading() as session:
            rows = list(session.exec(select(Agency)).all())
            for row in rows:
                session.expunge(row)
            splits = splits_in(session)
        return cls.of(rows, splits)

    def resolve(self, text: str) -> Agency | None:
        """The agency ``text`` names (code, name or alias), or None if the catalog lacks it."""
        stripped = text.strip()
        if not stripped:
            return None
        by_code = self.by_code.get(stripped.upper())
        if by_code is not None:
            return by_code
        for key in _candidates(match_key(stripped)):
            if key in self.ambiguous:
                return None
            found = self.by_key.get(key)
            if found is not None:
                return found
        return None

    def get(self, code: str) -> Agency | None:
        return self.by_code.get(code.upper())

    def rollup(self, agency: Agency | str) -> Agency | None:
        """The unit in force that ``agency`` now counts under (itself if in force)."""
        current = self.get(agency) if isinstance(agency, str) else agency
        seen: set[str] = set()
        while current is not None and not current.active and current.successor_code:
            if current.code in seen:
                break  # a loop in the catalog: stop where it closes
            seen.add(current.code)
            successor = self.get(current.successor_code)
            if successor is None:
                break  # successor not in this catalog: the unit stands for itself
            current = successor
        return current

    def split_of(self, agency: Agency | str) -> Split | None:
        """How a former unit's fields were shared out, when it has no single successor."""
        code = agency if isinstance(agency, str) else agency.code
        return self.splits.get(code.upper())

    def attribute(self, agency: Agency | str, task_code: str | None,
                  area_code: str | None = None) -> Agency | None:
        """The unit in force an activity of ``agency`` on that task counts for: the unit
        it rolls up to, or, for a split former unit, the successor its map gives for the
        task (else the task's area), followed to the unit in force. None: a split unit's
        activity the map does not attribute (or an agency the catalog lacks)."""
        unit = self.get(agency) if isinstance(agency, str) else agency
        if unit is None:
            return None
        split = self.split_of(unit)
        if split is None or unit.active:
            return self.rollup(unit)
        successor = split.successor_for(task_code, area_code)
        return self.rollup(successor) if successor and self.get(successor) else None

    def rollup_code(self, agency: Agency | str) -> str:
        unit = self.rollup(agency)
        if unit is not None:
            return unit.code
        return agency.upper() if isinstance(agency, str) else agency.code


def _directory(source: Session | AgencyDirectory) -> AgencyDirectory:
    return source if isinstance(source, AgencyDirectory) else AgencyDirectory.from_session(source)


def resolve_agency(source: Session | AgencyDirectory, text: str) -> Agency | None:
    """The agency a code or name means; None when the catalog does not know it.

    Pass a directory when resolving many names; a session builds one for this call.
    """
    return _directory(source).resolve(text)


def rollup_code(source: Session | AgencyDirectory, agency: Agency | str) -> str:
    """The code of the 2025 unit ``agency`` rolls up to, following successor chains."""
    return _directory(source).rollup_code(agency)
