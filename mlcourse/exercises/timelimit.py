"""A time limit around the student's code, so that an endless loop cannot hang the notebook.

:func:`call_with_time_limit` calls a function and stops it with
:class:`TimeLimitExceeded` once its seconds are up. The exception derives from
``BaseException``, as ``KeyboardInterrupt`` does, so a student's
``except Exception:`` inside the loop does not swallow it; and it is raised
again and again (every ``repeat`` seconds) until the call has returned, so
not even a bare ``except:`` keeps the loop alive for long.

Two ways to raise it: a timer signal (Linux, macOS, in the main thread, where
Jupyter runs cells), which also interrupts ``time.sleep``; elsewhere (Windows,
other threads) a watchdog thread that raises it inside the student's thread.
(A line tracer, used before, cannot be re-armed: Python removes a trace
function that raises.)
"""

from __future__ import annotations

import ctypes
import signal
import threading

__all__ = ["TimeLimitExceeded", "call_with_time_limit"]


class TimeLimitExceeded(BaseException):
    """The student's function ran out of time (not an ``Exception``: ``except Exception`` lets it pass)."""


def call_with_time_limit(seconds: float, function, *args, repeat: float = 0.05, **kwargs):
    """``function(*args, **kwargs)``, stopped with :class:`TimeLimitExceeded` after ``seconds``.

    >>> call_with_time_limit(1.0, sum, [1, 2])
    3
    """
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _with_timer_signal(seconds, repeat, function, args, kwargs)
    return _with_watchdog(seconds, repeat, function, args, kwargs)


def _with_timer_signal(seconds, repeat, function, args, kwargs):
    def alarm(signum, frame):
        raise TimeLimitExceeded
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-6), repeat)  # then again every `repeat` s
    try:
        return function(*args, **kwargs)
    finally:
        _disarm(lambda: signal.setitimer(signal.ITIMER_REAL, 0))
        signal.signal(signal.SIGALRM, previous)


def _with_watchdog(seconds, repeat, function, args, kwargs):
    target, done = threading.get_ident(), threading.Event()

    def watch():
        if done.wait(seconds):
            return
        while not done.is_set():   # re-armed until the call returns
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimeLimitExceeded))
            done.wait(repeat)
    watchdog = threading.Thread(target=watch, daemon=True)
    watchdog.start()
    try:
        return function(*args, **kwargs)
    finally:
        _disarm(done.set)
        _disarm(watchdog.join)
        _disarm(lambda: ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None))


def _disarm(step):
    """Run ``step`` even if a last alarm arrives while it runs (time is up either way)."""
    while True:
        try:
            step()
            return
        except TimeLimitExceeded:
            continue

