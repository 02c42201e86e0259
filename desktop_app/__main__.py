"""`python -m desktop_app`: the same program as the `nap-reporter` command.

Also the entry script of the PyInstaller bundle (build.spec). The import reads files in
child processes (core/services/import_reading.py), which import this module again under
another name: the guard keeps them from running the program, and freeze_support lets a
frozen bundle start them.
"""

import sys

if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    from desktop_app.cli import main

    sys.exit(main())
