"""The splash says each stage of opening at once, and goes when the window is there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.ui.app import create_application, install_translator
from desktop_app.ui.splash import Splash

pytestmark = pytest.mark.gui


def test_the_splash_shows_each_stage_and_goes(qapp: Any) -> None:
    create_application("en")
    splash = Splash()
    splash.opening(Path("/tmp/agency.sqlite"))
    assert splash.isVisible() and "agency.sqlite" in splash.message
    picture = splash.grab().toImage()
    assert picture.width() == 460 and not picture.isNull()
    splash.preparing()
    assert splash.message == "Preparing the window…"
    splash.done(None)
    assert not splash.isVisible()
    splash.filling_demo()  # after the first-run setup it may say more
    assert splash.isVisible() and splash.message == "Filling the demo database…"
    splash.done(None)


def test_the_splash_speaks_vietnamese(qapp: Any) -> None:
    create_application("vi")
    try:
        splash = Splash()
        splash.preparing()
        assert splash.message == "Đang chuẩn bị cửa sổ…"
        splash.done(None)
    finally:
        install_translator("en")
