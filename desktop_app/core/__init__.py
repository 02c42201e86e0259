"""The application's core: domain, storage, catalog, exchange and services.

Nothing below this package may import Qt; tests/core/test_qt_free.py enforces it.
"""
