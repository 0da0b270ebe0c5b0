"""gunicorn configuration of the answer benchmark (passed with -c).

Each worker warms up when it boots, before it accepts a request, as production does once in the
master (`gunicorn.conf.py`, `octet/learning/warmup.py`): the content release is loaded and its
challenges' Markdown rendered, so that no measured request pays for it.

With OCTET_BENCH_PROFILE=<folder>, every worker profiles the Octet requests it serves with
cProfile: only while it serves them (never while it waits), never the floor view, and only while
the file <folder>/on exists (bench_answer.py creates it for the measured period, after the
warm-up). It writes <folder>/worker-<pid>.prof when it exits; bench_answer.py --profile merges them.
The clock is the worker's CPU time, not the wall clock: waiting for PostgreSQL, or for a core
that other processes of the machine hold, counts for nothing.
"""

import cProfile
import os
import time

PROFILE_DIR = os.environ.get("OCTET_BENCH_PROFILE", "")
SWITCH = os.path.join(PROFILE_DIR, "on")
_profiler = None


class _Profiled:
    def __init__(self, app, profiler):
        self.app = app
        self.profiler = profiler

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "").startswith("/bench/") or not os.path.exists(SWITCH):
            return self.app(environ, start_response)
        self.profiler.enable()
        try:
            result = self.app(environ, start_response)
            try:
                # Django renders inside the view: the body is ready when the call returns.
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            self.profiler.disable()


def post_worker_init(worker):
    global _profiler
    from octet.learning.warmup import warm_up

    warm_up()
    if PROFILE_DIR:
        _profiler = cProfile.Profile(time.process_time)
        worker.wsgi = _Profiled(worker.wsgi, _profiler)


def worker_exit(server, worker):
    if PROFILE_DIR and _profiler is not None:
        _profiler.dump_stats(os.path.join(PROFILE_DIR, f"worker-{worker.pid}.prof"))
