"""The focal point's own pages, made by functions that import each page's module only
when a focal point's window is made.

An agency's window (the usual one) never shows them, and their modules bring the
import's readers, the consolidated views and the national report's model with them:
imported at every start, they were a good part of an agency's wait for its window
(issue 11). Each function has the shape of a page class, `PageClass`
(`pages/page.py`), so the window's page list takes them as it takes the classes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.pages.page import Page


def completeness_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.completeness_page import CompletenessPage

    return CompletenessPage(ctx, parent)


def assessments_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.assessments_page import AssessmentsPage

    return AssessmentsPage(ctx, parent)


def areas_tasks_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.areas_tasks_page import AreasTasksPage

    return AreasTasksPage(ctx, parent)


def imports_page(ctx: AppContext, parent: QWidget | None = None) -> Page:
    from desktop_app.ui.pages.imports_page import ImportsPage

    return ImportsPage(ctx, parent)
