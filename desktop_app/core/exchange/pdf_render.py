"""Building an official PDF: the page furniture and the build on a worker thread.

Every page carries a fingerprint line at its foot (which program, which report, which
version) and, from page 2 on, its number centred in the top margin, as Decree
30/2020/NĐ-CP asks. ``render_story`` builds a story of ``pdf_kit`` parts into an A4 file;
``render_on_worker`` runs such a build on a helper thread as a ``Job``: it reports each
finished page, and closing the job (Cancel) stops the build at the next page, so a long
annex never freezes the window nor outlives a cancel.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from desktop_app.core.exchange.pdf_kit import (
    BODY_SIZE,
    CREATOR,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    TEXT_WIDTH,
    register_fonts,
)
from desktop_app.core.progress import Job, Progress


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's metadata (what pdfinfo and a file manager show)."""

    title: str
    author: str
    subject: str
    keywords: str


PageHook = Callable[[Canvas, Any], None]


def page_furniture(fingerprint: str) -> tuple[PageHook, PageHook]:
    """The first page's and the later pages' hooks: the fingerprint at the foot of every
    page, the page number centred in the top margin from page 2 on."""
    def first(canvas: Canvas, _doc: Any) -> None:
        footer(canvas)

    def later(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Tinos", 13.5)
        canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - 12 * mm,
                                 str(doc.page))
        canvas.restoreState()
        footer(canvas)

    def footer(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setFont("Tinos", 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN_LEFT, 10 * mm, fingerprint)
        canvas.restoreState()

    return first, later


def render_story(story: list[Flowable], path: Path, info: DocumentInfo, fingerprint: str,
                 on_page: Callable[[int], None] | None = None) -> int:
    """Build ``story`` into an A4 PDF at ``path``; returns the number of pages.

    ``on_page`` is called with each finished page's number (from reportlab's build, in the
    calling thread); it may raise to abandon the build.
    """
    register_fonts()
    # Page streams compressed and kept binary: reportlab's default also encodes them as
    # ASCII85 (7-bit text, a quarter larger), a pure-Python pass over every page's bytes
    # that no reader needs. It is read when the file is written.
    rl_config.useA85 = 0
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=info.title, author=info.author, subject=info.subject, creator=CREATOR,
        keywords=info.keywords, lang="vi-VN",
        initialFontName="Tinos", initialFontSize=BODY_SIZE,  # no stray Helvetica
    )
    pages = [0]

    def progress(kind: str, value: Any) -> None:
        if kind == "PAGE":
            pages[0] = int(value)
            if on_page is not None:
                on_page(pages[0])

    doc.setProgressCallBack(progress)
    first, later = page_furniture(fingerprint)
    doc.build(story, onFirstPage=first, onLaterPages=later)
    return max(pages[0], int(doc.page))


class Stop(Exception):  # noqa: N818
    """Raised inside reportlab's build to abandon it (the job was cancelled)."""


def render_on_worker(render: Callable[[Callable[[int], None]], object], estimate: int,
                     thread_name: str = "pdf-render") -> Job[None]:
    """Run ``render(on_page)`` on a helper thread while this job reports its pages.

    Closing the job (Cancel) stops the build at the next page; an error of the build is
    raised here, in the job's thread.
    """
    yield Progress(0, estimate, "render")
    pages: queue.Queue[int] = queue.Queue()
    stop = threading.Event()
    outcome: dict[str, BaseException] = {}

    def on_page(page: int) -> None:
        if stop.is_set():
            raise Stop
        pages.put(page)

    def work() -> None:
        try:
            render(on_page)
        except BaseException as error:  # handed over to the job's thread below
            outcome["error"] = error
        finally:
            pages.put(-1)

    worker = threading.Thread(target=work, name=thread_name, daemon=True)
    worker.start()
    try:
        while (page := pages.get()) >= 0:
            yield Progress(page, max(estimate, page), "render")
    finally:
        stop.set()  # a no-op once the build is over; stops it when the job was closed
        worker.join()
    failure = outcome.get("error")
    if failure is not None:
        raise failure
