"""The Qt binding must not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to True on every signal emit
and to None on every void call; after enough calls the interpreter aborts
("bool_dealloc"). pyproject.toml keeps that release out; this test catches a
future release with the same fault before users do.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()
    number = Signal(int)


def test_signal_emits_keep_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.changed.emit()
        emitter.number.emit(1)
        emitter.blockSignals(False)
    assert abs(sys.getrefcount(True) - true_before) < 50
    assert abs(sys.getrefcount(None) - none_before) < 50
