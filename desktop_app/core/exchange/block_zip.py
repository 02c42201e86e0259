"""A zip file whose large members are deflated in blocks, on the machine's cores.

Deflating the sheets is the last step of writing a workbook, ~0.7 s of a 20,000-activity
export's ~5 s on one core (its sheets' XML is 56 MB), and zlib lets go of the GIL while
it deflates. So, as pigz does, a large member is cut into blocks of BLOCK bytes, each
deflated on a thread of its own with the 32 KB before it as its dictionary and ended on
a byte boundary (a sync flush), the last one ending the stream: the blocks laid end to
end are one ordinary deflate stream, which any unzip reads as it reads any other (the
dictionary is what the reader has just inflated). The file is a little different from
zlib's one-piece stream (~0.01% larger), and the same whatever the number of cores: the
blocks are cut the same way and deflated the same way on one core as on eight.

``BlockZip.write`` is the only entry: the member is read in blocks and handed to
zipfile's own member writer, which keeps the sizes, the CRC and the headers; only its
compressor is ours. Were zipfile ever to name that compressor otherwise, the member
would be deflated by zipfile's own, the file as right as before (tests/core/
test_block_zip.py notices the change).
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, cast

from desktop_app.core.progress import usable_cores

BLOCK = 2**21  # bytes a block: large enough that its dictionary and flush cost nothing
WINDOW = 2**15  # deflate's window: the dictionary a block gets from the one before
MAX_THREADS = 4


def threads() -> int:
    """The threads that deflate: one a core the process may use, at most MAX_THREADS."""
    return max(1, min(usable_cores(), MAX_THREADS))


def deflate_block(block: bytes, dictionary: bytes, last: bool) -> bytes:
    """One block as raw deflate, with the bytes before it as its dictionary; ended on a
    byte boundary (another block follows) or ending the stream (last)."""
    compressor = (zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15,
                                   zdict=dictionary) if dictionary else
                  zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15))
    return compressor.compress(block) + compressor.flush(
        zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


Submit = Callable[..., "Future[bytes]"]


class BlockDeflater:
    """A compressor as zipfile uses one (compress, then flush once), each block handed to
    compress deflated by submit (a thread pool's; in order, a few ahead). The block
    given last is held until the next one or the flush says whether it ends the stream."""

    def __init__(self, submit: Submit, ahead: int) -> None:
        self._submit = submit
        self._ahead = max(1, ahead)
        self._held: bytes | None = None
        self._before = b""  # the end of the last block handed over: the next one's dictionary
        self._flight: deque[Future[bytes]] = deque()

    def compress(self, data: bytes) -> bytes:
        if self._held is not None:
            self._hand_over(self._held, last=False)
        self._held = bytes(data)
        done = []
        while self._flight and (self._flight[0].done() or len(self._flight) > self._ahead):
            done.append(self._flight.popleft().result())
        return b"".join(done)

    def flush(self) -> bytes:
        self._hand_over(self._held or b"", last=True)
        self._held = None
        done = [future.result() for future in self._flight]
        self._flight.clear()
        return b"".join(done)

    def _hand_over(self, block: bytes, last: bool) -> None:
        self._flight.append(self._submit(deflate_block, block, self._before, last))
        self._before = (block[-WINDOW:] if len(block) >= WINDOW
                        else (self._before + block)[-WINDOW:])


class _Inline:
    """submit for one core: the work done at once, in this thread."""

    def submit(self, work: Callable[..., bytes], *args: Any) -> Future[bytes]:
        future: Future[bytes] = Future()
        future.set_result(work(*args))
        return future


class BlockZip(zipfile.ZipFile):
    """A ZipFile whose deflated members of more than one block are deflated in blocks
    (the module's text); everything else as zipfile does it."""

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None,
              compresslevel: int | None = None) -> None:
        kind = self.compression if compress_type is None else compress_type
        if (kind != zipfile.ZIP_DEFLATED or compresslevel is not None
                or self.compresslevel is not None or not os.path.isfile(filename)
                or os.path.getsize(filename) <= BLOCK):
            super().write(filename, arcname, compress_type, compresslevel)
            return
        member = zipfile.ZipInfo.from_file(filename, arcname)
        member.compress_type = zipfile.ZIP_DEFLATED
        count = threads()
        pool: Any = ThreadPoolExecutor(count, thread_name_prefix="deflate") if (
            count > 1) else _Inline()
        try:
            with open(filename, "rb") as source, self.open(member, "w") as target:
                cast(Any, target)._compressor = BlockDeflater(  # noqa: SLF001
                    pool.submit, 2 * count)
                while block := source.read(BLOCK):
                    target.write(block)
        finally:
            if count > 1:
                pool.shutdown(wait=True)
