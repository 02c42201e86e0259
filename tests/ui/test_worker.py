"""run_job: progress, result, Cancel that leaves nothing written, errors, no threads left."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import Job, Progress
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.settings import get_setting, set_setting
from desktop_app.ui.commands.worker import run_job
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.message_box import error_lines

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def count_to(n: int) -> Job[str]:
    for i in range(n):
        yield Progress(i, n, "counting")
    yield Progress(n, n, "counting")
    return f"counted to {n}"


def test_runs_a_job_to_completion_and_reports_progress(qtbot: Any, parent: QWidget) -> None:
    seen: list[tuple[int, int]] = []
    runner = run_job(parent, lambda: count_to(5), "Counting")
    runner.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(runner.finished, timeout=5000):
        pass
    assert runner.result == "counted to 5" and runner.error is None
    assert not runner.was_cancelled and not runner.is_running()
    assert seen[-1] == (5, 5)
    assert not runner._thread.isRunning()


def test_the_result_arrives_on_the_gui_thread(qtbot: Any, parent: QWidget) -> None:
    threads: list[threading.Thread] = []
    runner = run_job(parent, lambda: count_to(2), "Counting")
    runner.succeeded.connect(lambda _result: threads.append(threading.current_thread()))
    with qtbot.waitSignal(runner.finished, timeout=5000):
        pass
    assert threads == [threading.main_thread()]


def test_cancel_leaves_nothing_written(qtbot: Any, parent: QWidget,
                                       agency_db: Database) -> None:
    gate, started = threading.Event(), threading.Event()

    def write_slowly() -> Job[None]:
        with agency_db.unit_of_work() as session:
            set_setting(session, "test.cancel", "written")
            session.flush()
            started.set()
            for i in range(100):
                yield Progress(i, 100, "writing")
                gate.wait(5)

    runner = run_job(parent, write_slowly, "Writing")
    assert started.wait(5)
    runner.dialog.show()
    cancel = runner.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, qtbot_left())
    assert runner.cancel_event.is_set()
    gate.set()
    qtbot.waitUntil(lambda: runner.done, timeout=5000)
    assert runner.was_cancelled and runner.result is None
    with agency_db.reading() as session:
        assert get_setting(session, "test.cancel") is None


def qtbot_left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_refusal_is_shown_in_both_languages(qtbot: Any, parent: QWidget,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, BaseException, str]] = []
    monkeypatch.setattr(message_box, "show_error",
                        lambda _parent, title, error, lang: shown.append((title, error, lang)))

    def refuse() -> Job[None]:
        yield Progress(0, 1)
        raise RefusedError.of("period.locked", period=2026)

    runner = run_job(parent, refuse, "Saving")
    with qtbot.waitSignal(runner.failed, timeout=5000):
        pass
    assert isinstance(runner.error, RefusedError)
    assert [(t, lang) for t, _e, lang in shown] == [("Saving", "en")]
    lines = error_lines(runner.error, "vi")
    assert lines[0].startswith("Kỳ báo cáo 2026 đã bị khóa")
    assert lines[1].startswith("The period 2026 is locked")


def test_a_bug_is_logged_and_told_briefly(qtbot: Any, parent: QWidget,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(message_box, "show_error", lambda *args: None)

    def crash() -> Job[None]:
        yield Progress(0, 1)
        raise ZeroDivisionError("deep inside")

    runner = run_job(parent, crash, "Crashing")
    with qtbot.waitSignal(runner.finished, timeout=5000):
        pass
    assert isinstance(runner.error, ZeroDivisionError)
    lines = error_lines(runner.error, "en")
    assert lines[0].startswith("An internal error occurred") and "deep inside" not in lines[0]
    from desktop_app.core.paths import log_file

    assert "ZeroDivisionError: deep inside" in log_file().read_text(encoding="utf-8")
    for handler in list(message_box.log.handlers):
        message_box.log.removeHandler(handler)
        handler.close()
