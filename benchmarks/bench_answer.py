"""Benchmark of the answer path: real learners answering through gunicorn on PostgreSQL.

Run: .venv/bin/python benchmarks/bench_answer.py [--quick] [--learners N] [--workers W]
     [--profile] [--plain]   (make bench-answer)

What it does, and undoes whatever happens (Ctrl+C included):
  1. creates the PostgreSQL database `octet_bench` (127.0.0.1:5432, user postgres), migrates it,
     collects the static files into a temporary folder and snapshots content/ (so that edits
     made to the tree during the run change nothing);
  2. creates the learners' accounts and the floor view's table;
  3. serves Octet with gunicorn (sync workers, octet.wsgi, DEBUG=0, production settings read
     from the environment, plus the floor view of answer_urls.py);
  4. from load-generator processes, N learners sign in (POST /account/sign-in with CSRF), start
     competence tests and answer, right or wrong, as a browser with JavaScript does: one "answer"
     is the POST of the answer, sent as the page's script sends it, whose reply is the page that
     comes next (question, checkpoint or results; starting a test and continuing after a
     checkpoint alike); with --plain, as a browser without JavaScript does: the POST, then the
     GET of the page it redirects to; checkpoints are continued, finished tests followed by
     another one;
  5. with the same concurrency, the floor: a Django view doing two SELECTs and one INSERT;
  6. prints a summary and, as its last line, one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import multiprocessing
import os
import pstats
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent

PG = {
    "host": os.environ.get("BENCH_PGHOST", "127.0.0.1"),
    "port": os.environ.get("BENCH_PGPORT", "5432"),
    "user": os.environ.get("BENCH_PGUSER", "postgres"),
}
DB_NAME = os.environ.get("BENCH_DB", "octet_bench")
HOST = "127.0.0.1"
PASSWORD = "Bench-answer-2026!"  # noqa: S105 - throwaway accounts of a throwaway database
GOALS = {"p99_ms": 150.0, "ratio": 0.4}

CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
CHALLENGE_RE = re.compile(rb'<input type="hidden" name="challenge_id" value="([^"]+)">')
LOCALE_RE = re.compile(rb'class="challenge__instruction" lang="([a-z]+)"')
PATH_RE = re.compile(r"^/assessments/(\d+)/(checkpoint|results)?$")
# What the challenge page's script sends to get the next question in the answer's response.
INLINE = {"X-Octet-Inline": "1"}


# --------------------------------------------------------------------------- load generator


class Browser:
    """One learner's browser: its cookies, its connection (reopened when gunicorn closes it)."""

    def __init__(self, port: int):
        self.port = port
        self.origin = f"http://{HOST}:{port}"
        self.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        self.shown_at: str | None = None  # X-Octet-Url of the last response
        self.cookies: dict[str, str] = {}
        self.path = "/"

    def close(self) -> None:
        self.conn.close()

    def request(self, method: str, path: str, form=None, extra=None):
        headers = {
            "Host": f"{HOST}:{self.port}",
            "User-Agent": "octet-bench-answer",
            "Accept": "text/html",
            "Accept-Language": "fr",
        }
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + self.path
        headers.update(extra or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            raise
        for header in response.headers.get_all("Set-Cookie") or ():
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value
        self.shown_at = response.getheader("X-Octet-Url")
        return response.status, response.getheader("Location"), data

    def go(self, method: str, path: str, form=None, extra=None):
        """The request, then its redirects, as a browser follows them: (status, path, body).

        A page sent in answer to a POST is shown at the address the server gives for it, as
        the challenge page's script does.
        """
        status, location, data = self.request(method, path, form, extra)
        if status == 200 and self.shown_at:
            path = self.shown_at
        hops = 0
        while status in (301, 302, 303) and location and hops < 5:
            parts = urlsplit(location)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            status, location, data = self.request("GET", path)
            hops += 1
        if status == 200:
            self.path = path
        return status, path, data


class Failure(Exception):
    pass


class Learner:
    """A learner answering on and on; mostly right on the levels they master, mostly wrong above."""

    def __init__(self, slot, accounts, competences, port, release, answer_data, results, plain):
        self.slot = slot
        self.headers = None if plain else INLINE
        self.accounts = list(accounts)  # [(pk, username)], used one after the other
        self.competences = competences
        self.port = port
        self.release = release
        self.answer_data = answer_data
        self.results = results
        self.rng = random.Random(slot)
        self.browser: Browser | None = None
        self.page: tuple[str, bytes] | None = None
        self.todo: list[str] = []
        self.level = 3
        self.csrf: str | None = None

    def _token(self, page: bytes) -> str:
        """The page's CSRF token. A page the script shows in place (the results) may have no
        form: the header still on screen has one, the same for the whole session."""
        found = CSRF_RE.search(page)
        if found:
            self.csrf = found.group(1).decode()
        if self.csrf is None:
            raise Failure("no CSRF token on the page")
        return self.csrf

    # Every request outside the timed answer goes through here, so that errors are counted.
    def _go(self, method, path, form=None, expect=None, extra=None):
        status, final, data = self.browser.go(method, path, form, extra)
        self.results["requests"] += 1
        if status != 200 or (expect is not None and not expect(final)):
            raise Failure(f"{method} {path} -> {status} {final}")
        return final, data

    def sign_in(self) -> None:
        if not self.accounts:
            raise Failure("no account left for this learner (raise ACCOUNTS_PER_LEARNER)")
        pk, username = self.accounts.pop(0)
        if self.browser is not None:
            self.browser.close()
        self.browser = Browser(self.port)
        self.csrf = None
        self.level = self.rng.randint(1, 6)
        self.todo = self.rng.sample(self.competences, len(self.competences))
        _, page = self._go("GET", "/account/sign-in")
        form = {"csrfmiddlewaretoken": self._token(page), "login": username, "password": PASSWORD}
        self.page = self._go(
            "POST", "/account/sign-in", form, expect=lambda p: p.startswith("/profile/")
        )
        self.results["sign_ins"] += 1

    def start_test(self) -> None:
        """Start the next competence test; another account when this one has taken them all."""
        while True:
            if not self.todo:
                self.sign_in()
            competence = self.todo.pop()
            form = {"csrfmiddlewaretoken": self._token(self.page[1])}
            path, page = self._go(
                "POST", f"/competences/{competence}/start", form, extra=self.headers
            )
            self.results["tests_started"] += 1
            self.page = (path, page)
            if PATH_RE.match(path) and PATH_RE.match(path).group(2) is None:
                return  # a question

    def step(self, timed: bool) -> None:
        path, page = self.page
        match = PATH_RE.match(path)
        if match is None:  # profile page: start a test
            self.start_test()
            return
        assessment, kind = match.group(1), match.group(2)
        if kind == "checkpoint":
            form = {"csrfmiddlewaretoken": self._token(page)}
            self.page = self._go(
                "POST", f"/assessments/{assessment}/continue", form, extra=self.headers
            )
            self.results["checkpoints"] += 1
            return
        if kind == "results":
            self.results["tests_finished"] += 1
            self.start_test()
            return
        found, lang = CHALLENGE_RE.search(page), LOCALE_RE.search(page)
        if not found or not lang:
            raise Failure(f"no challenge on {path}")
        challenge = self.release.challenges[found.group(1).decode()]
        right = self.rng.random() < (0.85 if challenge.level <= self.level else 0.15)
        form = self.answer_data(challenge, lang.group(1).decode(), right)
        form["csrfmiddlewaretoken"] = self._token(page)
        start = time.perf_counter()
        status, final, data = self.browser.go(
            "POST", f"/assessments/{assessment}/answer", form, self.headers
        )
        elapsed = time.perf_counter() - start
        self.results["requests"] += 1
        again = CHALLENGE_RE.search(data)
        if status != 200:
            raise Failure(f"answer -> {status} {final}")
        if again and again.group(1) == found.group(1) and final == path:
            raise Failure(f"answer to {challenge.id} not recorded (same question again)")
        if timed:
            self.results["answers"].append(elapsed * 1000)
        self.page = (final, data)

    def run(self, phases) -> None:
        """Answer until the end of the answer phase, then hit the floor view until its end."""
        warm_end, answers_end, floor_start, floor_warm_end, floor_end = phases
        while time.time() < answers_end:
            timed = time.time() >= warm_end
            try:
                if self.browser is None:
                    self.sign_in()
                self.step(timed)
            except (Failure, OSError, http.client.HTTPException, KeyError) as error:
                self.error(error, timed)
                time.sleep(0.05)
                self.recover()
        if self.browser is not None:
            self.browser.close()
        time.sleep(max(0.0, floor_start - time.time()))
        browser = Browser(self.port)
        pk = self.accounts[0][0] if self.accounts else self.slot + 1
        while time.time() < floor_end:
            timed = time.time() >= floor_warm_end
            start = time.perf_counter()
            try:
                status, _, data = browser.request("POST", f"/bench/floor/{pk}", {"n": "1"})
            except (OSError, http.client.HTTPException) as error:
                self.error(error, timed)
                continue
            elapsed = time.perf_counter() - start
            if status != 200:
                self.error(Failure(f"floor -> {status}"), timed)
            elif timed:
                self.results["floor"].append(elapsed * 1000)
        browser.close()

    def error(self, error, timed: bool) -> None:
        self.results["errors"] += 1
        if timed:
            self.results["timed_errors"] += 1
        if len(self.results["error_samples"]) < 10:
            self.results["error_samples"].append(f"learner {self.slot}: {error!r}")

    def recover(self) -> None:
        """After an error, reload the current page; sign in again if even that fails."""
        try:
            path = self.page[0] if self.page else "/profile/"
            self.page = self._go("GET", path if PATH_RE.match(path) else "/profile/")
        except Exception:  # noqa: BLE001 - start afresh on the next account
            self.browser = None


def load_process(slots, accounts, competences, port, phases, queue, plain) -> None:
    """One load-generator process: one thread per learner; sends back what it measured."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it, after Ctrl+C too
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from octet.content.domain.release import current_release
    from octet.learning.demo import answer_data

    release = current_release()  # already loaded by the parent before the fork
    results = {
        "answers": [],
        "floor": [],
        "errors": 0,
        "timed_errors": 0,
        "error_samples": [],
        "requests": 0,
        "sign_ins": 0,
        "tests_started": 0,
        "tests_finished": 0,
        "checkpoints": 0,
    }
    per_thread = []
    threads = []
    for slot in slots:
        mine = dict(results, answers=[], floor=[], error_samples=[])
        per_thread.append(mine)
        learner = Learner(
            slot, accounts[slot], competences, port, release, answer_data, mine, plain
        )
        thread = threading.Thread(target=learner.run, args=(phases,), daemon=True)
        threads.append(thread)
    cpu_start = os.times()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cpu_end = os.times()
    for mine in per_thread:
        for key, value in mine.items():
            results[key] = results[key] + value
    results["cpu_s"] = (cpu_end.user - cpu_start.user) + (cpu_end.system - cpu_start.system)
    queue.put(results)


# --------------------------------------------------------------------------- set-up and tear-down


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def admin_sql(statement: str) -> None:
    import psycopg

    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as conn:
        conn.execute(statement)


def drop_database() -> None:
    admin_sql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def snapshot_content(target: Path) -> str:
    """Copy content/ and check that it loads; says which content it is.

    Others may be editing content/ (a challenge may name a simulator not written yet): then the
    newest committed content that loads is used instead (with the generated files of the working
    tree that it lacks), and the summary says so.
    """
    from octet.content.domain.problems import ContentError
    from octet.content.domain.release import load_release

    def loads() -> str:
        try:
            load_release(target / "content")
            return ""
        except ContentError as error:
            return str(error).splitlines()[-1]

    shutil.copytree(ROOT / "content", target / "content")
    problem = loads()
    if not problem:
        return "working tree"
    print(f"  content/ does not load ({problem})")
    revisions = subprocess.run(
        ["git", "rev-list", "-n", "20", "HEAD", "--", "content"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    for revision in revisions:
        shutil.rmtree(target / "content")
        archive = subprocess.run(
            ["git", "archive", revision, "content"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
        # Generated files (attachments) are not committed: take them from the working tree.
        shutil.copytree(
            ROOT / "content",
            target / "content",
            dirs_exist_ok=True,
            copy_function=lambda src, dst: None if Path(dst).exists() else shutil.copy2(src, dst),
        )
        if not loads():
            print(f"  using the content of commit {revision[:7]}, the newest that loads")
            return f"commit {revision[:7]}"
    raise SystemExit("no content loads: nothing to benchmark")


def manage(env, *args) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def create_accounts(learners: int, per_learner: int):
    """The learners' accounts (one password hash computed once), and the floor view's table."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    user_model = get_user_model()
    password = make_password(PASSWORD)
    now = timezone.now()
    users = [
        user_model(
            username=f"bench-{slot}-{k}",
            email=f"bench-{slot}-{k}@bench.localhost",
            password=password,
            language="fr" if (slot + k) % 3 else "en",
            terms_version=settings.OCTET_TERMS_VERSION,
            terms_accepted_at=now,
        )
        for slot in range(learners)
        for k in range(per_learner)
    ]
    user_model.objects.bulk_create(users)
    accounts = {slot: [] for slot in range(learners)}
    for pk, username in user_model.objects.filter(username__startswith="bench-").values_list(
        "pk", "username"
    ):
        slot, k = (int(x) for x in username.split("-")[1:])
        accounts[slot].append((k, pk, username))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_floor (id bigserial PRIMARY KEY, learner bigint NOT NULL, "
            "created_at timestamptz NOT NULL)"
        )
    connection.close()
    return {slot: [(pk, name) for _, pk, name in sorted(rows)] for slot, rows in accounts.items()}


def wait_until_up(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting (see its log above)")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/healthz", headers={"Host": f"{HOST}:{port}"})
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz in time")


def stop_server(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)  # its own session: the master and its workers
    try:
        server.wait(timeout=35)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def cpu_snapshot(master_pid: int, load_pids: set[int]) -> dict[str, float]:
    """CPU seconds used so far: gunicorn (master and workers), PostgreSQL, the load generator,
    and the whole machine (every process, including other people's), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    used = {"gunicorn": 0.0, "postgres": 0.0, "load": 0.0}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            head, tail = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        fields, pid, name = tail.split(), int(entry), head.split("(", 1)[1]
        # utime + stime, plus those of its children that ended (cutime + cstime): a PostgreSQL
        # backend that closes during the run (CONN_MAX_AGE) would otherwise take its CPU along.
        seconds = sum(int(v) for v in fields[11:15]) / ticks
        if pid == master_pid or int(fields[1]) == master_pid:
            used["gunicorn"] += seconds
        elif pid in load_pids:
            used["load"] += seconds
        elif name == "postgres":
            used["postgres"] += seconds
    cpu = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    busy = sum(int(v) for v in cpu[:8]) - int(cpu[3]) - int(cpu[4])  # all but idle and iowait
    used["machine"] = busy / ticks
    return used


def cores(before: dict[str, float], after: dict[str, float], seconds: float) -> dict[str, float]:
    busy = {k: (after[k] - before[k]) / seconds for k in before}
    busy["postgres"] = max(0.0, busy["postgres"])  # backends that exited take their CPU along
    busy["others"] = max(0.0, busy["machine"] - busy["gunicorn"] - busy["postgres"] - busy["load"])
    return busy


# --------------------------------------------------------------------------- report


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def print_profile(folder: Path, answers: int, limit: int = 25) -> None:
    files = sorted(folder.glob("worker-*.prof"))
    if not files:
        print("  (no profile written)")
        return
    stats = pstats.Stats(*map(str, files))
    (HERE / "out").mkdir(exist_ok=True)
    stats.dump_stats(HERE / "out" / "answer.prof")
    total = stats.total_tt
    rows, statements = [], 0
    for (filename, line, name), (_cc, calls, tottime, cumtime, _) in stats.stats.items():
        short = filename.replace(str(ROOT) + "/", "")
        short = re.sub(r".*site-packages/", "", short)
        rows.append((cumtime, tottime, f"{short}:{line}({name})"))
        if short.startswith("django/db/backends/utils.py") and name == "_execute":
            statements += calls
    per = 1000 / max(1, answers)
    print(
        f"\nProfile of the Octet requests of the measured period (CPU time of the workers):\n"
        f"  {total:.1f} s for {answers} answers = {total * per:.1f} ms per answer, "
        f"{statements / max(1, answers):.1f} SQL statements per answer "
        f"(merged profile: benchmarks/out/answer.prof)"
    )
    print("  octet/ functions by cumulative time: share, ms per answer (cum), own share")
    octet_rows = [r for r in rows if r[2].startswith("octet/")]
    for cumtime, tottime, where in sorted(octet_rows, reverse=True)[:limit]:
        print(f"  {cumtime / total:6.1%} {cumtime * per:6.1f} ms {tottime / total:6.1%}  {where}")
    print("  all functions by own time: share, ms per answer (own), cumulative share")
    for cumtime, tottime, where in sorted(rows, key=lambda r: -r[1])[:limit]:
        print(f"  {tottime / total:6.1%} {tottime * per:6.1f} ms {cumtime / total:6.1%}  {where}")


def describe(busy: dict[str, float]) -> str:
    order = ("gunicorn", "postgres", "load", "others")
    return "  ".join(f"{k} {busy[k]:.2f}" for k in order) + f"  (machine {busy['machine']:.2f})"


def ms_per(busy: dict[str, float], key: str, rate: float) -> float:
    return busy[key] / rate * 1000 if rate else float("nan")


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="about 30 seconds in all")
    parser.add_argument("--learners", type=int, default=8, help="concurrent learners")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--processes", type=int, default=2, help="load-generator processes")
    parser.add_argument("--duration", type=float, help="seconds of measured answers")
    parser.add_argument("--profile", action="store_true", help="cProfile the workers")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="answer as a browser without JavaScript: POST, then GET of the redirect",
    )
    args = parser.parse_args()
    duration = args.duration or (12.0 if args.quick else 60.0)
    warmup = 4.0 if args.quick else 10.0
    floor_duration = min(duration, 6.0 if args.quick else 20.0)
    floor_warmup = 2.0 if args.quick else 3.0
    # A learner takes the 16 tests of an account in about 8 s at 8 learners; keep a wide margin
    # (accounts cost one INSERT each: the password hash is computed once).
    per_learner = 6 + int((warmup + duration) // 2)

    work = Path(tempfile.mkdtemp(prefix="octet-bench-answer-"))
    env = dict(
        os.environ,
        DEBUG="0",
        OCTET_TESTING="",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{DB_NAME}",
        DJANGO_SETTINGS_MODULE="answer_settings",
        PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]),
        OCTET_BENCH_STATIC_ROOT=str(work / "static"),
        OCTET_CONTENT_DIR=str(work / "content"),
        LOG_LEVEL="WARNING",
    )
    if args.profile:
        (work / "profile").mkdir()
        env["OCTET_BENCH_PROFILE"] = str(work / "profile")
    server = None
    results: list[dict] = []
    children: list[multiprocessing.Process] = []
    created = False
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started ignoring it
    try:
        print(f"Setting up: database {DB_NAME}, migrations, static files, content snapshot")
        for key in ("DEBUG", "OCTET_TESTING", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT"):
            os.environ[key] = env[key]
        for key in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "OCTET_BENCH_STATIC_ROOT"):
            os.environ[key] = env[key]
        os.environ["OCTET_CONTENT_DIR"] = env["OCTET_CONTENT_DIR"]
        sys.path[:0] = [str(HERE), str(ROOT)]
        content_source = snapshot_content(work)
        drop_database()
        admin_sql(f'CREATE DATABASE "{DB_NAME}"')
        created = True
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")

        import django

        django.setup()
        from octet.content.domain.release import current_release

        release = current_release()
        competences = sorted(c for c, skills in release.skills_by_competence.items() if skills)
        accounts = create_accounts(args.learners, per_learner)

        port = free_port()
        log = open(work / "gunicorn.log", "wb")  # noqa: SIM115 - closed with the work folder
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "octet.wsgi:application",
                "--config",
                str(HERE / "answer_gunicorn.py"),
                "--workers",
                str(args.workers),
                "--bind",
                f"{HOST}:{port}",
                "--log-level",
                "warning",
                "--timeout",
                "60",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until_up(port, server)
        print(
            f"Serving on {HOST}:{port}: gunicorn, {args.workers} sync workers, "
            f"{len(competences)} competences with skills, "
            f"content {content_source} ({release.version})"
        )

        start = time.time() + 1.0
        warm_end = start + warmup
        answers_end = warm_end + duration
        floor_start = answers_end + 1.0
        floor_warm_end = floor_start + floor_warmup
        floor_end = floor_warm_end + floor_duration
        phases = (warm_end, answers_end, floor_start, floor_warm_end, floor_end)
        print(
            f"Load: {args.learners} learners in {args.processes} processes; answers "
            f"{warmup:.0f} s warm-up + {duration:.0f} s measured, then the floor "
            f"{floor_warmup:.0f} s + {floor_duration:.0f} s"
        )
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        slots = list(range(args.learners))
        for index in range(args.processes):
            mine = slots[index :: args.processes]
            if not mine:
                continue
            child = context.Process(
                target=load_process,
                args=(mine, accounts, competences, port, phases, queue, args.plain),
                daemon=True,
            )
            child.start()
            children.append(child)
        switch = work / "profile" / "on"
        time.sleep(max(0.0, warm_end - time.time()))
        if args.profile:
            switch.touch()
        load_pids = {child.pid for child in children}
        before = cpu_snapshot(server.pid, load_pids)
        time.sleep(max(0.0, answers_end - time.time()))
        cpu_answers = cores(before, cpu_snapshot(server.pid, load_pids), duration)
        if args.profile:
            switch.unlink()
        time.sleep(max(0.0, floor_warm_end - time.time()))
        before = cpu_snapshot(server.pid, load_pids)
        time.sleep(max(0.0, floor_end - time.time()))
        cpu_floor = cores(before, cpu_snapshot(server.pid, load_pids), floor_duration)

        for _ in children:
            results.append(queue.get(timeout=60))
        for child in children:
            child.join(timeout=10)
        stop_server(server)  # before reading the profiles: the workers write them as they exit
        server = None
    finally:
        for child in children:
            if child.is_alive():
                child.terminate()
                child.join(timeout=5)
        stop_server(server)
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        if created:
            try:
                drop_database()
            except Exception as error:  # noqa: BLE001 - report, and go on cleaning
                print(f"could not drop the database {DB_NAME}: {error}", file=sys.stderr)
        if args.profile and (work / "profile").exists() and results:
            print_profile(work / "profile", sum(len(r["answers"]) for r in results))
        log_path = work / "gunicorn.log"
        log_text = log_path.read_text(errors="replace") if log_path.exists() else ""
        shutil.rmtree(work, ignore_errors=True)

    merged = dict(results[0])
    for other in results[1:]:
        for key, value in other.items():
            merged[key] = merged[key] + value
    answers, floor = merged["answers"], merged["floor"]
    answers_per_s = len(answers) / duration
    baseline_rps = len(floor) / floor_duration
    ratio = answers_per_s / baseline_rps if baseline_rps else 0.0
    p50, p95, p99 = (percentile(answers, p) for p in (50, 95, 99))

    if args.plain:
        print("\nAnswer path, without JavaScript (POST answer + GET of the page it redirects to):")
    else:
        print("\nAnswer path, as the page's script sends it (POST answer, next page in the reply):")
    print(f"  answers           {len(answers)} in {duration:.0f} s = {answers_per_s:.1f} /s")
    print(
        f"  latency ms        p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}  max "
        f"{max(answers, default=float('nan')):.1f}"
    )
    print(
        f"  whole run         {merged['requests']} requests, {merged['sign_ins']} sign-ins, "
        f"{merged['tests_started']} tests started, {merged['tests_finished']} finished, "
        f"{merged['checkpoints']} checkpoints continued"
    )
    print(f"  CPU, cores busy   {describe(cpu_answers)}")
    print(
        f"  per answer        {ms_per(cpu_answers, 'gunicorn', answers_per_s):.1f} ms "
        "gunicorn CPU, "
        f"{ms_per(cpu_answers, 'postgres', answers_per_s):.1f} ms PostgreSQL CPU"
    )
    print("Floor (a Django view: 2 SELECTs + 1 INSERT), same server, same concurrency:")
    print(f"  requests          {len(floor)} in {floor_duration:.0f} s = {baseline_rps:.1f} /s")
    print(f"  latency ms        p50 {percentile(floor, 50):.1f}  p99 {percentile(floor, 99):.1f}")
    print(f"  CPU, cores busy   {describe(cpu_floor)}")
    print(
        f"  per request       {ms_per(cpu_floor, 'gunicorn', baseline_rps):.2f} ms gunicorn CPU, "
        f"{ms_per(cpu_floor, 'postgres', baseline_rps):.2f} ms PostgreSQL CPU"
    )
    print(f"  ({os.cpu_count()} cores; 'others' is what other processes of the machine used)")
    print(f"Errors              {merged['errors']} ({merged['timed_errors']} in measured periods)")
    for sample in merged["error_samples"]:
        print(f"  {sample}")
    if merged["errors"]:
        tail = "\n".join(log_text.splitlines()[-20:])
        print(f"gunicorn log (end):\n{tail}")
    met = {
        "zero_errors": merged["errors"] == 0,
        "p99_under_150_ms": p99 < GOALS["p99_ms"],
        "ratio_at_least_0.4": ratio >= GOALS["ratio"],
    }
    print("Goals: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in met.items()))
    summary = {
        "answers_per_s": round(answers_per_s, 1),
        "p50_ms": round(p50, 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(p99, 1),
        "errors": merged["errors"],
        "baseline_rps": round(baseline_rps, 1),
        "ratio": round(ratio, 3),
        "path": "plain" if args.plain else "script",
        "learners": args.learners,
        "workers": args.workers,
        "duration_s": duration,
        "baseline_duration_s": floor_duration,
        "answers": len(answers),
        "baseline_p50_ms": round(percentile(floor, 50), 1),
        "baseline_p99_ms": round(percentile(floor, 99), 1),
        "gunicorn_cpu_ms_per_answer": round(ms_per(cpu_answers, "gunicorn", answers_per_s), 1),
        "postgres_cpu_ms_per_answer": round(ms_per(cpu_answers, "postgres", answers_per_s), 1),
        "gunicorn_cpu_ms_per_baseline": round(ms_per(cpu_floor, "gunicorn", baseline_rps), 2),
        "other_processes_cores": round(cpu_answers["others"], 2),
        "content": content_source,
        "profiled": args.profile,
        "goals_met": all(met.values()),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted: server stopped, database dropped", file=sys.stderr)
        sys.exit(130)
