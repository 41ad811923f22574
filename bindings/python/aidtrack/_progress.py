"""Progress bars for the steps that take time (reading IATI files, building a report).

``progress`` arguments across the package mean the same:

- ``None`` (default): a tqdm bar when tqdm is installed, shown once the job has taken longer
  than :data:`AUTOMATIC_DELAY` seconds (quick jobs stay silent), else nothing;
  ``AIDTRACK_PROGRESS=0`` in the environment turns the automatic bar off;
- ``False``: nothing;
- ``True``: a bar always (tqdm's, or a plain one on stderr without tqdm);
- a callable: called with the library's own progress values instead of any bar.

tqdm is optional (Debian's ``python3-tqdm``); in Jupyter its widget is used when ipywidgets is
there, else the text bar.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
import warnings
from typing import Any, Callable, Iterator, Optional, Union

#: Seconds a job runs before an automatic bar (``progress=None``) appears.
AUTOMATIC_DELAY = 0.5

#: What a ``progress`` argument of a byte-counting job (IATI import) accepts.
ByteProgress = Union[None, bool, Callable[[int, int], Any]]
#: What a ``progress`` argument of a job of named steps (report, dataset) accepts.
StepProgress = Union[None, bool, Callable[[str], Any]]


def tqdm_class() -> Optional[Any]:
    """tqdm's bar class (the notebook one inside Jupyter when it can draw), or None without tqdm."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tqdm.auto warns when a notebook lacks ipywidgets
            from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm


def automatic_bars_enabled() -> bool:
    """Whether ``progress=None`` may draw a bar (tqdm installed and not turned off)."""
    return os.environ.get("AIDTRACK_PROGRESS", "1") not in ("0", "false", "no", "off") and tqdm_class() is not None


class _StderrBar:
    """A small bar on stderr for ``progress=True`` without tqdm: redrawn at most 10 times a second."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._last = 0.0

    def bytes(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        fraction = done / total if total else 1.0
        filled = int(fraction * 30)
        sys.stderr.write(f"\r{self._label} [{'#' * filled}{' ' * (30 - filled)}] {fraction:4.0%} "
                         f"{done / 1e6:.1f}/{total / 1e6:.1f} MB")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def step(self, line: str) -> None:
        sys.stderr.write(f"{self._label}: {line}\n")
        sys.stderr.flush()


def _delay(progress: Any) -> float:
    """An automatic bar waits; one asked for with ``progress=True`` shows at once."""
    return AUTOMATIC_DELAY if progress is None else 0.0


@contextlib.contextmanager
def byte_progress(progress: ByteProgress, *, label: str) -> Iterator[Optional[Callable[[int, int], Any]]]:
    """The ``(done_bytes, total_bytes)`` callback for ``progress`` (None for no progress at all)."""
    if progress is False or (progress is None and not automatic_bars_enabled()):
        yield None
        return
    if callable(progress) and progress is not True:
        yield progress
        return
    tqdm = tqdm_class()
    if tqdm is None:
        yield _StderrBar(label).bytes
        return
    # leave=True: a bar that was shown ends drawn at 100%; one never shown (quick job) prints nothing.
    bar = tqdm(total=0, desc=label, unit="B", unit_scale=True, unit_divisor=1024, delay=_delay(progress))
    try:
        def update(done: int, total: int) -> None:
            if bar.total != total:
                bar.total = total
            if done > bar.n:
                bar.update(done - bar.n)
        yield update
    finally:
        bar.close()


@contextlib.contextmanager
def step_progress(progress: StepProgress, *, label: str, steps: int) -> Iterator[Optional[Callable[[str], Any]]]:
    """The ``callback(step_name)`` for ``progress`` over about ``steps`` named steps."""
    if progress is False or (progress is None and not automatic_bars_enabled()):
        yield None
        return
    if callable(progress) and progress is not True:
        yield progress
        return
    tqdm = tqdm_class()
    if tqdm is None:
        yield _StderrBar(label).step
        return
    bar = tqdm(total=steps, desc=label, unit="step", delay=_delay(progress))
    started = [False]

    def advance() -> None:
        if bar.n >= bar.total:  # more steps than expected: grow rather than overflow
            bar.total = bar.n + 1
        bar.update(1)

    # The library names a step as it starts it: the previous one is done then.
    def step(line: str) -> None:
        if started[0]:
            advance()
        started[0] = True
        bar.set_postfix_str(line if len(line) <= 40 else line[:39] + "…", refresh=False)

    try:
        yield step
        if started[0]:
            advance()
    finally:
        bar.close()
