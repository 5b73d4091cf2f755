"""A time budget per article: an article whose reading and extraction use more than its budget of
processor time is stopped and skipped with a reason, and the build goes on.

The budget is CPU time, not wall-clock time, so a machine busy with other work never makes an
article time out (what would make the output depend on the load): a runaway loop burns CPU, and
that is what is counted.

* In a process's main thread (the CLI, every process-pool worker) a CPU timer of the kernel
  (`setitimer(ITIMER_PROF)`) sends SIGPROF when the budget is spent, and its handler raises
  `ArticleTimeout`: that stops Python loops and also a regular expression that backtracks for
  ever, which holds the interpreter lock and could not be stopped from another thread.
* In any other thread (a Dask worker's, a notebook's), or when the caller already uses SIGPROF, a
  watchdog thread reads the thread's CPU clock and raises `ArticleTimeout` in it through CPython's
  PyThreadState_SetAsyncExc. That stops Python code, where the reader and the extractors spend
  their time; one long call into C code is stopped only when it returns.
The watchdog thread runs only inside `budget_scope()`, so the build process has no extra thread
when it forks its workers or its writers.
"""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
import time

DEFAULT_SECONDS = 60.0     # a news article takes milliseconds: a minute of CPU is a runaway


class ArticleTimeout(BaseException):
    """Raised inside an article's work when its budget is spent. A BaseException, so that no
    `except Exception` in the code it interrupts can swallow it."""


def timeout_reason(seconds: float) -> str:
    return (f"reading and extracting used more than {seconds:g} s of processor time, the budget "
            "per article (see --article-timeout)")


# --------------------------------------------------------------------------- main thread: SIGPROF

_SIGNAL = getattr(signal, "SIGPROF", None)
_armed = False                     # the handler raises only between arm and disarm


def _on_timer(signum, frame) -> None:
    global _armed
    if _armed:
        _armed = False
        raise ArticleTimeout


def _timer_usable() -> bool:
    """The main thread, a system with SIGPROF, and neither the handler nor the timer in use."""
    if _SIGNAL is None or threading.current_thread() is not threading.main_thread():
        return False
    handler = signal.getsignal(_SIGNAL)
    if handler is _on_timer:
        return True
    return handler in (signal.SIG_DFL, None) and signal.getitimer(signal.ITIMER_PROF)[0] == 0


def _with_timer(seconds: float, fn, args):
    global _armed
    previous = signal.signal(_SIGNAL, _on_timer)
    try:
        _armed = True
        signal.setitimer(signal.ITIMER_PROF, seconds)
        try:
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            _armed = False
    finally:
        if previous is not _on_timer:
            signal.signal(_SIGNAL, previous)


# --------------------------------------------------------------------------- other threads: watchdog

def _raise_in(thread_id: int, exc_type) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


def _cpu_clock(thread_id: int):
    """A function giving the CPU seconds a thread has used (wall time where the OS cannot tell)."""
    try:
        clock = time.pthread_getcpuclockid(thread_id)
        time.clock_gettime(clock)
        return lambda: time.clock_gettime(clock)
    except (AttributeError, OSError):
        return time.monotonic


class _Watchdog:
    """One thread watching the CPU time of the threads that work on an article in this process."""

    POLL = 0.05

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.armed: dict[int, tuple[int, object, float]] = {}   # thread id -> (token, clock, limit)
        self.fired: set[int] = set()
        self.users = 0
        self.thread: threading.Thread | None = None
        self.next_token = 0

    def start(self) -> None:
        with self.lock:
            self.users += 1
            if self.thread is None:
                self.thread = threading.Thread(target=self._run, name="kg-article-budget", daemon=True)
                self.thread.start()

    def stop(self) -> None:
        with self.lock:
            self.users -= 1
            thread = self.thread if self.users == 0 else None
            if thread is not None:
                self.thread = None
                self.wake.notify_all()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        me = threading.current_thread()
        with self.lock:
            while self.thread is me:
                for tid, (token, clock, limit) in list(self.armed.items()):
                    if token not in self.fired and clock() >= limit:
                        self.fired.add(token)
                        _raise_in(tid, ArticleTimeout)
                self.wake.wait(self.POLL if self.armed else None)

    def arm(self, seconds: float) -> int:
        tid = threading.get_ident()
        clock = _cpu_clock(tid)
        with self.lock:
            self.next_token += 1
            token = self.next_token
            self.armed[tid] = (token, clock, clock() + seconds)
            self.wake.notify_all()
        return token

    def disarm(self, token: int) -> None:
        """Forget this thread's limit; an exception sent but not yet raised is withdrawn."""
        tid = threading.get_ident()
        with self.lock:
            if self.armed.get(tid, (None,))[0] == token:
                del self.armed[tid]
            fired = token in self.fired
            self.fired.discard(token)
        if fired:
            _raise_in(tid, None)


_WATCHDOG = _Watchdog()


def _with_watchdog(seconds: float, fn, args):
    _WATCHDOG.start()
    try:
        token = _WATCHDOG.arm(seconds)
        try:
            try:
                return fn(*args)
            finally:
                _WATCHDOG.disarm(token)
        except ArticleTimeout:
            _WATCHDOG.disarm(token)       # raised during the first disarm: withdraw nothing twice
            raise
    finally:
        _WATCHDOG.stop()


# --------------------------------------------------------------------------- the API

@contextlib.contextmanager
def budget_scope(seconds: float | None):
    """A stretch of work in which `within_budget` is called many times: keeps the SIGPROF handler
    installed (main thread) or the watchdog thread running (other threads) between articles."""
    if not seconds:
        yield
        return
    if _timer_usable():
        previous = signal.signal(_SIGNAL, _on_timer)
        try:
            yield
        finally:
            signal.signal(_SIGNAL, previous)
        return
    _WATCHDOG.start()
    try:
        yield
    finally:
        _WATCHDOG.stop()


def within_budget(seconds: float | None, fn, *args):
    """fn(*args), or ArticleTimeout once it has used `seconds` of CPU time (None or 0: no limit)."""
    if not seconds:
        return fn(*args)
    if _timer_usable():
        return _with_timer(seconds, fn, args)
    return _with_watchdog(seconds, fn, args)
