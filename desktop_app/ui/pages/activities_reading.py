"""How the Activities page reads, sorts and filters 100,000 rows without freezing.

`ActivitiesReading` is mixed into `ActivitiesPage` (activities_page.py). The rows are
read on a worker, put in the list's order on a worker (the collation of 100,000
titles) and swapped in whole, once: on a reload the list does not empty and fill again
under the person's eyes, and on the first open the busy bar counts the rows read. (Until
2 Dec 2026 they streamed into an empty list a few times a second: each addition was
drawn, and the sort that followed moved those rows away; ~60 ms of the GUI thread's CPU
at 100,000 rows.) The rows a typed text finds (asked of the database) and the rows the
filters let through are worked out on workers too; the GUI thread only swaps the
answers in. A list of fewer than `SMALL` rows is read, sorted and filtered at once.
A big list is read without each row's facts (dates, budget, recommendations, indicator
counts): the model reads those of the rows it draws (`ActivityTableModel.complete`), the
first block of the rows in order on the sorting worker before they are swapped in, so
the first paint shows them; the read runs with the garbage collector paused
(`Reader(bulk=True)`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop_app.core.problems import NapError
from desktop_app.core.services.activities import count_activities, matching_activities
from desktop_app.core.services.activity_listing import (
    ActivityRecord,
    activity_facts,
    activity_records,
)
from desktop_app.messages import problem_text
from desktop_app.ui.models.activity_filter import Criteria

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.loading import Reader
    from desktop_app.ui.models.activity_filter import ActivityFilterProxy
    from desktop_app.ui.models.activity_table import ActivityTableModel
    from desktop_app.ui.pages.page import Page

    _Base = Page
else:
    _Base = object


class ActivitiesReading(_Base):
    """Reading, sorting and filtering the page's rows (a mixin of ActivitiesPage)."""

    # A list of fewer rows than this is read, sorted and filtered on the GUI thread at
    # once (a few tens of milliseconds); a longer one on a worker.
    SMALL = 1000

    # Made by the page's __init__.
    ctx: AppContext
    model: ActivityTableModel
    proxy: ActivityFilterProxy
    rows_reader: Reader
    sort_reader: Reader
    filter_reader: Reader
    search_edit: QLineEdit
    area_combo: QComboBox
    task_combo: QComboBox
    status_combo: QComboBox
    type_combo: QComboBox
    count_label: QLabel
    _incoming: list[ActivityRecord]  # the rows of the read under way
    _unsorted: list[ActivityRecord] | None  # a reload's rows, read, being put in order
    _expected: int  # how many rows it reads
    _read_count: int | None  # rows of the last read

    _update_count: Callable[[], None]  # the page's own
    _update_actions: Callable[[], None]
    _number: Callable[[int], str]

    # ---------------------------------------------------------------- filtering

    def criteria(self) -> Criteria:
        """What the filter box and the four choices ask for (the database's answer for
        the typed text is the one the list has, until a new one comes)."""
        current = self.proxy.criteria
        search = self.search_edit.text().strip()
        return Criteria(search, self.area_combo.currentData() or None,
                        self.task_combo.currentData() or None,
                        self.status_combo.currentData() or None,
                        self.type_combo.currentData() or None,
                        current.found if search == current.search else None)

    def _filter(self, *, ask_again: bool = False) -> None:
        """Filter the list as the criteria say: the typed text is matched in the
        database, the choices over the rows; both on a worker."""
        wanted = self.criteria()
        if wanted == self.proxy.criteria and not ask_again:
            return
        rows, db, year = self.model.records, self.ctx.db, self.ctx.year
        count = len(rows)  # rows added meanwhile are decided when the answer comes
        must_ask = wanted.searching() and (wanted.found is None or ask_again)

        def decide() -> tuple[Criteria, list[ActivityRecord], int, list[int]]:
            criteria = wanted
            if must_ask:
                found = matching_activities(db, year, wanted.search)
                criteria = Criteria(wanted.search, wanted.area, wanted.task, wanted.status,
                                    wanted.type, found)
            return criteria, rows, count, criteria.decide(rows, stop=count)

        if len(rows) < self.SMALL:
            self.filter_reader.stop()
            try:
                self._filtered(decide())
            except NapError as error:
                self._read_failed(error)
            return
        self._begin_loading(self.tr("Filtering the activities…"))
        self.filter_reader.start(decide)

    def _filtered(self, answer: tuple[Criteria, list[ActivityRecord], int, list[int]]) -> None:
        criteria, rows, count, visible = answer
        now = self.model.records
        if rows is now:
            self.proxy.show_decided(criteria, visible + criteria.decide(rows, first=count))
        elif len(now) < self.SMALL:  # the rows changed meanwhile (the answer holds)
            self.proxy.show_decided(criteria, criteria.decide(now))
        else:  # decided again over the rows now listed (a sort, a reload), on a worker
            self.filter_reader.start(
                lambda: (criteria, now, len(now), criteria.decide(now, stop=len(now))))
            return
        self._update_count()
        self._settled()

    # ---------------------------------------------------------------- reading

    def refresh(self) -> None:
        """Reload the period's rows from the core on a worker, keeping the selection.

        The list keeps the rows it shows until the new ones are all read and in order,
        then swaps them in whole.
        """
        self._stale = False
        self.sort_reader.stop()
        self._incoming, self._unsorted = [], None
        db, year = self.ctx.db, self.ctx.year
        self.model.set_facts_reader(lambda uuids: activity_facts(db, year, uuids))
        try:
            expected = (self._read_count if self._read_count is not None
                        else count_activities(db, year, up_to=self.SMALL))
            if expected < self.SMALL:
                self.rows_reader.stop()
                self._incoming = [row for chunk in activity_records(db, year) for row in chunk]
                self._all_rows_read(None)
                return
        except NapError as error:
            self._read_failed(error)
            return
        self._begin_loading(self.tr("Reading the activities…"))
        model = self.model

        def read() -> Iterator[int | list[ActivityRecord]]:
            listed = count_activities(db, year)
            yield listed  # the length of the progress bar
            # The facts of the rows drawn are read as they are drawn (ActivityTableModel).
            yield from model.collating(
                activity_records(db, year, with_facts=False, listed=listed))

        self.rows_reader.start(read)

    def _rows_read(self, rows: int | list[ActivityRecord]) -> None:
        if isinstance(rows, int):  # how many are coming
            self._expected = rows
        else:
            self._incoming.extend(rows)
        self._loading_progress(len(self._incoming), self._expected)
        self.loading_label.setText(self.tr("Reading the activities… %1").replace(
            "%1", self._number(len(self._incoming))))

    def _all_rows_read(self, _result: object) -> None:
        rows, self._incoming = self._incoming, []
        self._read_count = len(rows)
        sorted_by = self.model.sorted_by()
        if sorted_by is None or len(rows) < self.SMALL:
            self.model.set_rows(rows)
            self._rows_in_place()
            return
        self._sort_read_rows(rows, *sorted_by)

    def _sort_read_rows(self, rows: list[ActivityRecord], column: int,
                        order: Qt.SortOrder) -> None:
        """A reload's rows put in order on a worker before they replace the list's. Until
        they do (`_unsorted`), a header click sorts them, not the rows shown: the latest
        order asked for is the one they come in, and nothing is sorted on the GUI thread."""
        self._unsorted = rows
        self.sort_reader.start(self._sorting(False, rows, column, order))

    def _sorting(self, clicked: bool, rows: list[ActivityRecord], column: int,
                 order: Qt.SortOrder) -> Callable[[], _SortAnswer]:
        """A worker's job: rows in the order asked for, and the rows of that order the
        filter lets through (ActivityFilterProxy.expect_rows): the filter as asked for,
        which an answer of the filter's own worker may not have brought yet."""
        model, criteria = self.model, self.criteria()

        def work() -> _SortAnswer:
            in_order = model.in_order(rows, column, order)
            return clicked, rows, column, order, in_order, criteria, criteria.decide(in_order)

        return work

    def _sorted(self, answer: _SortAnswer) -> None:
        clicked, rows, column, order, in_order, criteria, visible = answer
        if not clicked or rows is self.model.records:
            self.proxy.expect_rows(in_order, criteria, visible)
        if not clicked:  # a reload's rows, in the order asked for last (_sort)
            self._unsorted = None
            self.model.set_sorted_rows(in_order, column, order)
            self._rows_in_place()
            return
        if rows is self.model.records:
            self.model.set_sorted_rows(in_order, column, order)
        else:  # the rows changed meanwhile: these are sorted the same way
            self._sort(column, order)
        self._settled()

    def _rows_in_place(self) -> None:
        """The rows are read and in order: ask the database again for the typed text
        (rows were added or changed), or say the list is ready."""
        self._update_count()
        self._update_actions()
        if self.proxy.criteria.searching():
            self._filter(ask_again=True)
        else:
            self._settled()

    def _settled(self) -> None:
        if not (self.rows_reader.busy() or self.sort_reader.busy()
                or self.filter_reader.busy()):
            self._finish_loading()

    def _read_failed(self, error: object) -> None:
        self._read_count, self._unsorted = None, None
        self._finish_loading()
        if not isinstance(error, NapError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        # No such period, say: an empty list that says why (no message box while the
        # page is being shown).
        self.model.set_rows([])
        self.count_label.setText("\n".join(problem_text(p, self.ctx.lang)
                                           for p in error.problems))

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        """A header click: a big list's order is worked out on a worker; the latest order
        asked for wins."""
        self.model.expect_sort(column, order)  # a reload meanwhile sorts this way
        if self._unsorted is not None:  # a reload's rows wait for their order: this one
            self._sort_read_rows(self._unsorted, column, order)
            return
        if len(self.model.records) < self.SMALL or (
                self.model.has_ranks(column) and self.proxy.criteria.is_quick()):
            sorting = self.sort_reader.busy()
            self.sort_reader.stop()  # an earlier click's order, still being worked out
            self.model.sort(column, order)
            if sorting:
                self._settled()
            return
        self._begin_loading(self.tr("Sorting the activities…"))
        self.sort_reader.start(self._sorting(True, self.model.records, column, order))


# (clicked, the rows sorted, column, order, those rows in order, the filter's criteria,
# the numbers of the rows in order it lets through)
_SortAnswer = tuple[bool, list[ActivityRecord], int, Qt.SortOrder, list[ActivityRecord],
                    Criteria, list[int]]
