"""Opening the desktop app: placeholder until the main window lands (issue 3)."""

from __future__ import annotations

import json
from pathlib import Path


def launch(db_path: Path, *, lang: str, demo: bool, screenshot: Path | None) -> int:
    from desktop_app.core.progress import drive
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.status import status
    from desktop_app.core.storage.database import Database
    from desktop_app.messages import bilingual, text

    db = Database.open(db_path)
    try:
        if demo and status(db)["role"] is None:
            drive(fill_demo(db, activities=300, seed=1))
        for line in bilingual(lambda lg: [text("cli.window_pending", lg)], lang):
            print(line)
        print(json.dumps(status(db), ensure_ascii=False, indent=2))
    finally:
        db.close()
    return 0
