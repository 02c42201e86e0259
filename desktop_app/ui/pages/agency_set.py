"""An agency's pages after its first (the Overview), made by functions that import each
page's module only when the page is made.

The window makes its first page at once and the others after the first page has been
drawn, or when one is asked for first (`main_window.py`); importing their modules (the
activity editor, the submissions' signing, the catalog's provenance) at the top of the
window's module made every start wait for them before anything was drawn (issue 11).
Each function has the shape of a page class, `PageClass` (`pages/page.py`), as in
`focal_set.py`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.pages.page import Page


def activities_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.activities_page import ActivitiesPage

    return ActivitiesPage(ctx, parent)


def indicators_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.indicators_page import IndicatorsPage

    return IndicatorsPage(ctx, parent)


def recommendations_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.recommendations_page import RecommendationsPage

    return RecommendationsPage(ctx, parent)


def submissions_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.submissions_page import SubmissionsPage

    return SubmissionsPage(ctx, parent)


def import_page_modules() -> None:
    """Import the modules of the pages above, without making any page.

    The window drawn before its database was opened (`launch.py`) does it on the thread
    that opens the database, after the first paint: the Activities page's module alone
    (the editor, the listing, the services behind them) is ~0.25 s of CPU, which then
    no longer holds the GUI thread in the turn that makes the page.
    """
    import desktop_app.ui.pages.activities_page
    import desktop_app.ui.pages.indicators_page
    import desktop_app.ui.pages.recommendations_page
    import desktop_app.ui.pages.submissions_page  # noqa: F401
