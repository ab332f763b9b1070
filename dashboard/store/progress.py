"""How a build runs: the time its phases take (`Clock`) and when Python's cyclic garbage
collector runs (`paused_collector`)."""

from __future__ import annotations

import gc
import resource
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """Run a block (a build) with Python's cyclic garbage collector paused, except where
    `collecting` turns it on.

    A build holds hundreds of thousands of long-lived objects (the cache's summaries and
    lines) that reference counting frees; each full run of the collector would walk them all
    again, for nothing.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if was:
            gc.enable()


@contextmanager
def collecting() -> Iterator[None]:
    """Within `paused_collector`, run a block (the analysis of some articles: parsed HTML
    pages are cycles of objects) with the collector on for what the block makes, and collect
    its garbage at the end; what was made before is set aside (`gc.freeze`), so it is not
    walked again. Elsewhere, run the block as it is."""
    if gc.isenabled():
        yield
        return
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.collect()
        gc.disable()


class Clock:
    """Wall time (and, on request, CPU time) of a build's phases, in seconds.

    CPU time is this process's and its finished children's (the extraction workers, which are
    joined when the extraction ends), so it counts the work of every core.
    """

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._wall, self._cpu = time.perf_counter(), self.cpu()

    @staticmethod
    def cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime

    def lap(self, phase: str, cpu: bool = False) -> None:
        """Record the time since the last lap as `phase` (and its CPU time as `phase_cpu`)."""
        wall, used = time.perf_counter(), self.cpu()
        self.timings[phase] = wall - self._wall
        if cpu:
            self.timings[f"{phase}_cpu"] = used - self._cpu
        self._wall, self._cpu = wall, used
