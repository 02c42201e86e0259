"""The throw-away PostgreSQL cluster (tests/pg.py) never outlives the process that started
it: a test worker killed, or dead of a signal, runs no end of session, and its server and
folder used to stay behind (found after a worker died of SIGBUS)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import pg

ROOT = Path(__file__).resolve().parents[1]
# starts a cluster, says where, and ends without stopping it (as a killed worker would)
ABANDONS = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
from tests import pg
try:
    cluster = pg.start_cluster()
except pg.ClusterUnavailableError as error:
    print(json.dumps({"unavailable": str(error)})); sys.stdout.flush(); os._exit(0)
print(json.dumps({"folder": str(cluster.folder), "port": cluster.port})); sys.stdout.flush()
os._exit(0)
"""


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_a_cluster_whose_process_ends_without_stopping_it_is_stopped_and_removed() -> None:
    run = subprocess.run([sys.executable, "-c", ABANDONS, str(ROOT)], capture_output=True,
                         text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    facts = json.loads(run.stdout)
    if "unavailable" in facts:
        if os.environ.get("CI") == "true":
            pytest.fail(facts["unavailable"])
        pytest.skip(facts["unavailable"])
    folder, port = Path(facts["folder"]), facts["port"]
    deadline = time.monotonic() + 60
    while (folder.exists() or _listening(port)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not folder.exists() and not _listening(port)


def test_a_cluster_stopped_at_the_end_leaves_its_watchdog_nothing_to_do() -> None:
    try:
        cluster = pg.start_cluster()
    except pg.ClusterUnavailableError as error:
        if os.environ.get("CI") == "true":
            pytest.fail(str(error))
        pytest.skip(str(error))
    cluster.sql("SELECT 1")
    cluster.stop()
    assert not cluster.folder.exists() and not _listening(cluster.port)
