"""`python -m desktop_app`: the same program as the `nap-reporter` command.

Also the entry script of the PyInstaller bundle (build.spec).
"""

import sys

from desktop_app.cli import main

sys.exit(main())
