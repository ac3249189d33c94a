"""A simulated class on the course's JupyterHub (make test-hub): does one server hold a workshop?

    python scripts/test_hub.py [--students N] [--days 2] [--report build/hub-report.md]

Starts the hub of hub/jupyterhub_config.py on free ports of 127.0.0.1 (state in build/hub/test/,
one home per student in build/hub/test/home/<name>), then:

1. checks that the hub refuses what has no login: the REST API without a token, a page without a
   session cookie, a student's server without either, and a wrong password;
2. logs in N students at once through the login form, with the shared password; each gets a token,
   starts a server, opens the day's students' copy (notebooks/02_geoscience.ipynb in their home, as
   the hub handed it out) and runs every code cell through the Jupyter server's REST API (contents,
   sessions) and the kernel's websocket channels, all students concurrently;
3. measures each kernel's peak memory (VmHWM of the kernel process, from /proc), the kernel's CPU
   time, the time to run the day, the hub's response time while the class runs (GET /hub/api and the
   authenticated GET /hub/api/user, polled twice a second) and every failure;
4. saves each student's edited notebook through the contents API, stops and starts the student's
   server, and reads the notebook back: the edit and the outputs must survive;
5. stops the hub with SIGTERM and checks that it took every process it started with it: the proxy,
   the culler, the servers and the kernels (no orphans).

Writes build/hub-report.md and ends with the line "test-hub: N passed, M failed"; exits 1 on any
failure. Only 127.0.0.1 is contacted; every wait is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[1]
DAYS = {1: "01_overview.ipynb", 2: "02_geoscience.ipynb", 3: "03_pitfalls.ipynb", 4: "04_random_forests.ipynb"}
MARKER = "# edited in the test: this line must survive a restart of the server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_mb(pid: int) -> float | None:
    """The peak resident memory of a process (VmHWM), in MB; None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class DayRun:
    day: int
    seconds: float = 0.0
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    kernel_pid: int | None = None
    kernel_peak_mb: float | None = None
    kernel_cpu_s: float | None = None
    tree_peak_mb: float = 0.0       # the kernel and any process it started, sampled once a second


@dataclass
class Student:
    name: str
    token: str = ""
    login_s: float = 0.0
    start_s: float = 0.0
    server_pid: int | None = None
    server_peak_mb: float | None = None
    days: list[DayRun] = field(default_factory=list)
    restart_ok: bool = False
    restart_s: float = 0.0
    failures: list[str] = field(default_factory=list)


class Hub:
    def __init__(self, state: Path, password: str, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.state, self.password = state, password
        env = dict(os.environ, HUB_STATE_DIR=str(state), HUB_HOMES=str(state / "home"),
                   HUB_IP="127.0.0.1", HUB_PORT=str(self.port), HUB_HUB_PORT=str(free_port()),
                   HUB_PROXY_API_PORT=str(free_port()), HUB_PASSWORD=password,
                   COURSE_STUDENT_DIR=str(ROOT / "build" / "student"))
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(ROOT / "hub" / "jupyterhub_config.py")],
            cwd=state, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.seen: dict[int, tuple[float, str]] = {}   # every process the hub started: pid -> (created, name)

    def wait_up(self, timeout: float = 90) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.proc.returncode}; see {self.log.name}")
            try:
                if requests.get(f"{self.url}/hub/health", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within {timeout} s")

    def descendants(self) -> list[psutil.Process]:
        try:
            procs = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        for p in procs:
            try:
                self.seen.setdefault(p.pid, (p.create_time(), " ".join(p.cmdline())[:100]))
            except psutil.Error:
                pass
        return procs

    def find(self, needle: str, timeout: float = 30) -> int | None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for p in self.descendants():
                try:
                    if any(needle in part for part in p.cmdline()):
                        return p.pid
                except psutil.Error:
                    pass
            time.sleep(0.3)
        return None

    def find_server(self, user: str) -> int | None:
        """The student's Jupyter server: the hub's child with JUPYTERHUB_USER=user in its environment."""
        for p in self.descendants():
            try:
                if "singleuser" in " ".join(p.cmdline()) and p.environ().get("JUPYTERHUB_USER") == user:
                    return p.pid
            except psutil.Error:
                pass
        return None

    def stop(self, timeout: float = 90) -> tuple[int | None, list[str]]:
        """SIGTERM to the hub alone (it stops its servers, the culler and the proxy); what is left over."""
        self.descendants()
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            rc = None
        time.sleep(2)
        left = []
        for pid, (created, cmd) in self.seen.items():
            try:
                p = psutil.Process(pid)
                if p.create_time() == created and p.status() != psutil.STATUS_ZOMBIE:
                    left.append(f"{pid} {cmd}")
                    p.kill()   # ours: started by the hub of this test
            except psutil.Error:
                pass
        if rc is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.log.close()
        return rc, left


class Poller(threading.Thread):
    """Polls the hub twice a second while the class runs; samples the kernels' memory once a second."""

    def __init__(self, hub: Hub, students: list[Student], limit_s: float):
        super().__init__(daemon=True)
        self.hub, self.students, self.limit_s = hub, students, limit_s
        self.stop_event = threading.Event()
        self.latencies: dict[str, list[float]] = {"GET /hub/api": [], "GET /hub/api/user": []}
        self.errors: list[str] = []

    def run(self) -> None:
        end = time.monotonic() + self.limit_s
        tick = 0
        while not self.stop_event.is_set() and time.monotonic() < end:
            token = next((s.token for s in self.students if s.token), None)
            for path, headers in (("/hub/api", {}), ("/hub/api/user", {"Authorization": f"token {token}"})):
                if path == "/hub/api/user" and not token:
                    continue
                t0 = time.perf_counter()
                try:
                    r = requests.get(self.hub.url + path, headers=headers, timeout=30)
                    if r.status_code != 200:
                        self.errors.append(f"{path}: HTTP {r.status_code}")
                    self.latencies[f"GET {path}"].append((time.perf_counter() - t0) * 1000)
                except requests.RequestException as e:
                    self.errors.append(f"{path}: {e.__class__.__name__}")
            if tick % 2 == 0:
                self.sample_kernels()
            tick += 1
            self.stop_event.wait(0.5)

    def sample_kernels(self) -> None:
        for s in self.students:
            for d in s.days:
                if d.kernel_pid is None:
                    continue
                try:
                    k = psutil.Process(d.kernel_pid)
                    rss = k.memory_info().rss + sum(c.memory_info().rss for c in k.children(recursive=True))
                    d.tree_peak_mb = max(d.tree_peak_mb, rss / 2**20)
                except psutil.Error:
                    pass


# ------------------------------------------------------------------------------- one student
def login(hub: Hub, name: str, password: str) -> requests.Session:
    s = requests.Session()
    s.get(f"{hub.url}/hub/login", timeout=60).raise_for_status()
    r = s.post(f"{hub.url}/hub/login", data={"username": name, "password": password, "_xsrf": s.cookies.get("_xsrf", "")},
               allow_redirects=False, timeout=60)
    if r.status_code != 302:
        raise RuntimeError(f"login of {name}: HTTP {r.status_code}")
    return s


def api(student: Student, hub: Hub, method: str, path: str, ok=(200,), **kw) -> requests.Response:
    r = requests.request(method, hub.url + path, headers={"Authorization": f"token {student.token}"},
                         timeout=kw.pop("timeout", 120), **kw)
    if r.status_code not in ok:
        raise RuntimeError(f"{method} {path}: HTTP {r.status_code} {r.text[:200]}")
    return r


def start_server(student: Student, hub: Hub, timeout: float = 300) -> float:
    t0 = time.monotonic()
    api(student, hub, "POST", f"/hub/api/users/{student.name}/server", ok=(201, 202, 400))
    while time.monotonic() - t0 < timeout:
        server = api(student, hub, "GET", f"/hub/api/users/{student.name}").json()["servers"].get("")
        if server and server.get("ready"):
            return time.monotonic() - t0
        time.sleep(0.5)
    raise RuntimeError(f"the server of {student.name} was not ready within {timeout} s")


def stop_server(student: Student, hub: Hub, timeout: float = 120) -> None:
    t0 = time.monotonic()
    api(student, hub, "DELETE", f"/hub/api/users/{student.name}/server", ok=(202, 204))
    while time.monotonic() - t0 < timeout:
        if not api(student, hub, "GET", f"/hub/api/users/{student.name}").json()["servers"]:
            return
        time.sleep(0.5)
    raise RuntimeError(f"the server of {student.name} did not stop within {timeout} s")


def to_output(msg: dict) -> dict | None:
    kind, content = msg["header"]["msg_type"], msg["content"]
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind in ("display_data", "execute_result"):
        out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
        if kind == "execute_result":
            out["execution_count"] = content["execution_count"]
        return out
    if kind == "error":
        return {"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                "traceback": content["traceback"]}
    return None


def decode(frame: str | bytes) -> dict:
    """A kernel message from the websocket: JSON text, or binary with buffers (widgets) before JSON."""
    if isinstance(frame, str):
        return json.loads(frame)
    n = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 * (i + 1):4 * (i + 2)], "big") for i in range(n)] + [len(frame)]
    return json.loads(frame[offsets[0]:offsets[1]].decode("utf-8"))


def run_cells(ws: websocket.WebSocket, nb: dict, run: DayRun, cell_timeout: float) -> None:
    session = uuid.uuid4().hex
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code" or not cell["source"].strip():
            continue
        msg_id = uuid.uuid4().hex
        ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "test-hub",
                       "session": session, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": cell["source"], "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        outputs, replied, idle = [], None, False
        end = time.monotonic() + cell_timeout
        while not (replied and idle):
            ws.settimeout(max(1.0, end - time.monotonic()))
            try:
                msg = decode(ws.recv())
            except websocket.WebSocketTimeoutException:
                raise RuntimeError(f"day {run.day} cell {index}: no answer within {cell_timeout} s") from None
            if msg["header"]["msg_type"] == "status" and msg["content"]["execution_state"] in ("restarting", "dead"):
                raise RuntimeError(f"day {run.day} cell {index}: the kernel died (out of memory?)")
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "execute_reply":
                replied = msg["content"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif (out := to_output(msg)) is not None:
                outputs.append(out)
        cell["outputs"], cell["execution_count"] = outputs, replied.get("execution_count")
        run.cells += 1
        if replied["status"] != "ok":
            run.errors.append(f"day {run.day} cell {index}: {replied.get('ename')}: {replied.get('evalue', '')[:120]}")


def run_day(student: Student, hub: Hub, day: int, cell_timeout: float) -> DayRun:
    run = DayRun(day)
    student.days.append(run)
    path = f"notebooks/{DAYS[day]}"
    base = f"/user/{student.name}/api"
    nb = api(student, hub, "GET", f"{base}/contents/{path}").json()["content"]
    t0 = time.monotonic()
    sess = api(student, hub, "POST", f"{base}/sessions", ok=(201,),
               json={"path": path, "name": DAYS[day], "type": "notebook", "kernel": {"name": "python3"}}).json()
    kernel_id = sess["kernel"]["id"]
    run.kernel_pid = hub.find(f"kernel-{kernel_id}")
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{hub.port}{base}/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}",
        header=[f"Authorization: token {student.token}"], timeout=120)
    try:
        run_cells(ws, nb, run, cell_timeout)
    finally:
        ws.close()
        run.seconds = time.monotonic() - t0
        if run.kernel_pid:
            run.kernel_peak_mb = vm_hwm_mb(run.kernel_pid)
            try:
                t = psutil.Process(run.kernel_pid).cpu_times()
                run.kernel_cpu_s = t.user + t.system + t.children_user + t.children_system
            except psutil.Error:
                pass
        api(student, hub, "DELETE", f"{base}/sessions/{sess['id']}", ok=(204,))
    if day == 2 or len(student.days) == 1:
        # the student's work: an edit in the first exercise, and the outputs of the run
        cell = next(c for c in nb["cells"] if "exercise" in c.get("metadata", {}).get("tags", []))
        cell["source"] = cell["source"] + "\n" + MARKER
        api(student, hub, "PUT", f"{base}/contents/{path}", ok=(200, 201),
            json={"type": "notebook", "format": "json", "content": nb})
    return run


def saved_work_survives(student: Student, hub: Hub, day: int) -> None:
    path = f"/user/{student.name}/api/contents/notebooks/{DAYS[day]}"
    stop_server(student, hub)
    t0 = time.monotonic()
    start_server(student, hub)
    student.restart_s = time.monotonic() - t0
    nb = api(student, hub, "GET", path).json()["content"]
    edited = [c for c in nb["cells"] if MARKER in c["source"]]
    outputs = sum(len(c.get("outputs", [])) for c in nb["cells"] if c["cell_type"] == "code")
    if len(edited) != 1 or outputs == 0:
        raise RuntimeError(f"after a restart {student.name}'s notebook has {len(edited)} edited cell(s), "
                           f"{outputs} outputs: the work was lost")
    student.restart_ok = True


def class_member(student: Student, hub: Hub, password: str, days: list[int], cell_timeout: float,
                 barrier: threading.Barrier) -> None:
    try:
        t0 = time.monotonic()
        session = login(hub, student.name, password)
        r = session.post(f"{hub.url}/hub/api/users/{student.name}/tokens", json={"note": "test-hub", "expires_in": 7200},
                         headers={"X-XSRFToken": session.cookies.get("_xsrf", "")}, timeout=60)
        if r.status_code != 201:
            raise RuntimeError(f"token of {student.name}: HTTP {r.status_code} {r.text[:200]}")
        student.token = r.json()["token"]
        student.login_s = time.monotonic() - t0
        student.start_s = start_server(student, hub)
        student.server_pid = hub.find_server(student.name)
    except Exception as e:  # noqa: BLE001 - every failure goes into the report
        student.failures.append(f"{e.__class__.__name__}: {e}")
        barrier.abort()
        return
    try:
        barrier.wait(timeout=600)   # the class starts the day together
        for day in days:
            run_day(student, hub, day, cell_timeout)
        student.server_peak_mb = vm_hwm_mb(student.server_pid) if student.server_pid else None
        saved_work_survives(student, hub, days[0] if 2 not in days else 2)
    except Exception as e:  # noqa: BLE001
        student.failures.append(f"{e.__class__.__name__}: {e}")


# ------------------------------------------------------------------------------- checks
def refusals(hub: Hub, password: str) -> list[tuple[str, bool, str]]:
    """What the hub must refuse without a login: (check, passed, what it answered)."""
    out = []
    r = requests.get(f"{hub.url}/hub/api/users", timeout=30)
    out.append(("REST API without a token (GET /hub/api/users) is refused", r.status_code == 403, f"HTTP {r.status_code}"))
    r = requests.get(f"{hub.url}/hub/home", allow_redirects=False, timeout=30)
    out.append(("a page without a session cookie (GET /hub/home) redirects to the login",
                r.status_code == 302 and "/hub/login" in r.headers.get("Location", ""),
                f"HTTP {r.status_code} -> {r.headers.get('Location', '')}"))
    r = requests.get(f"{hub.url}/user/student-1/api/contents", timeout=30)
    out.append(("a student's server without login (GET /user/student-1/api/contents) ends at the login page",
                r.status_code == 403 or "/hub/login" in r.url,
                " -> ".join([f"HTTP {h.status_code}" for h in r.history] + [f"HTTP {r.status_code} {r.url.replace(hub.url, '')}"])))
    s = requests.Session()
    s.get(f"{hub.url}/hub/login", timeout=30)
    r = s.post(f"{hub.url}/hub/login", data={"username": "intruder", "password": password[::-1] + "x",
                                            "_xsrf": s.cookies.get("_xsrf", "")}, allow_redirects=False, timeout=30)
    out.append(("a wrong password is refused", r.status_code != 302, f"HTTP {r.status_code}"))
    return out


def stats(values: list[float]) -> str:
    if not values:
        return "no sample"
    v = sorted(values)
    p95 = v[min(len(v) - 1, int(0.95 * len(v)))]
    return f"{len(v)} requests: median {statistics.median(v):.0f} ms, 95th percentile {p95:.0f} ms, max {v[-1]:.0f} ms"


def fmt(x: float | None, spec: str = ".0f") -> str:
    return "n/a" if x is None else format(x, spec)


def report(path: Path, args, students, poller, checks, wall_s, shutdown, seen: int, hub_log: Path) -> list[str]:
    failures = [f"{c}: {ans}" for c, ok, ans in checks if not ok]
    for s in students:
        failures += [f"{s.name}: {f}" for f in s.failures]
        failures += [f"{s.name}: {e}" for d in s.days for e in d.errors]
    failures += [f"hub poll: {e}" for e in sorted(set(poller.errors))]
    rc, left = shutdown
    if rc != 0:
        failures.append(f"the hub exited with {rc} after SIGTERM")
    failures += [f"left running after the hub stopped: {p}" for p in left]
    load = os.getloadavg()
    lines = [
        "# A simulated class on the course's JupyterHub",
        "",
        f"`scripts/test_hub.py --students {args.students} --days {','.join(map(str, args.days))}` "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}): {args.students} student(s) logged in at once; "
        f"each started a server and ran day(s) {', '.join(map(str, args.days))} of the students' copies, "
        "every code cell, through the Jupyter server's REST and websocket API, all students concurrently.",
        "",
        f"Machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) at the end. The machine may be shared with other "
        "work: the times are pessimistic and vary from run to run. Memory peaks (VmHWM of each kernel "
        "process) and CPU seconds do not depend on the load.",
        "",
        "## Each student",
        "",
        "| student | login s | server start s | day | cells | run s | kernel peak MB | kernel + children peak MB (sampled) | kernel CPU s | cores while running | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in students:
        for d in s.days or [DayRun(0)]:
            cores = d.kernel_cpu_s / d.seconds if d.kernel_cpu_s and d.seconds else None
            lines.append(f"| {s.name} | {s.login_s:.1f} | {s.start_s:.1f} | {d.day or '-'} | {d.cells} | {d.seconds:.0f} | "
                         f"{fmt(d.kernel_peak_mb)} | {d.tree_peak_mb:.0f} | {fmt(d.kernel_cpu_s)} | {fmt(cores, '.2f')} | "
                         f"{len(d.errors)} |")
    peaks = [d.kernel_peak_mb for s in students for d in s.days if d.kernel_peak_mb]
    servers = [s.server_peak_mb for s in students if s.server_peak_mb]
    times = [d.seconds for s in students for d in s.days if d.seconds]
    lines += ["", "## Summary", ""]
    if peaks:
        lines.append(f"- Kernel peak memory: {min(peaks):.0f}-{max(peaks):.0f} MB (median {statistics.median(peaks):.0f} MB).")
    if servers:
        lines.append(f"- Each student's Jupyter server (without its kernel): peak {max(servers):.0f} MB.")
    if times:
        lines.append(f"- Time to run the day, all students at once: {min(times):.0f}-{max(times):.0f} s "
                     f"(the whole test {wall_s:.0f} s).")
    for name, values in poller.latencies.items():
        lines.append(f"- Hub response while the class ran, `{name}`: {stats(values)}.")
    restarted = [s for s in students if s.restart_ok]
    lines.append(f"- Saved work after a restart of the server: kept for {len(restarted)} of {len(students)} students "
                 f"(edit saved through the contents API, server stopped and started"
                 + (f" in {max(s.restart_s for s in restarted):.1f} s at most" if restarted else "") + ", notebook read back).")
    lines += ["", "## Access without login", ""]
    lines += [f"- {'passed' if ok else 'FAILED'}: {c} ({ans})" for c, ok, ans in checks]
    lines += ["", "## Shutdown", "",
              f"- The hub exited with {rc} after SIGTERM; {len(left)} of the {seen} processes "
              f"it had started were left running{': ' + '; '.join(left) if left else ''}.",
              f"- Hub log: `{hub_log.relative_to(ROOT) if hub_log.is_relative_to(ROOT) else hub_log}`.",
              "", "## Failures", ""]
    lines += [f"- {f}" for f in failures] or ["None."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=int(os.environ.get("STUDENTS", 4)))
    parser.add_argument("--days", type=lambda s: [int(d) for d in s.split(",")], default=[2],
                        help="days each student runs in turn, e.g. 1,2,3,4 (default 2)")
    parser.add_argument("--report", type=Path, default=ROOT / "build" / "hub-report.md")
    parser.add_argument("--state", type=Path, default=ROOT / "build" / "hub" / "test",
                        help="the hub's state and the students' homes (deleted first)")
    parser.add_argument("--cell-timeout", type=float, default=900)
    parser.add_argument("--limit", type=float, default=3600, help="seconds the whole class may take")
    args = parser.parse_args()
    if not (ROOT / "build" / "student" / DAYS[2]).exists():
        sys.exit("no students' copies in build/student/: run make student (make test-hub does)")
    if not (ROOT / "hub" / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        sys.exit("no proxy in hub/node_modules: run make hub-tools (make test-hub does)")

    state = args.state.resolve()
    shutil.rmtree(state, ignore_errors=True)
    state.mkdir(parents=True)
    password = secrets.token_urlsafe(16)
    hub_log = state / "jupyterhub.log"
    t_start = time.monotonic()
    hub = Hub(state, password, hub_log)
    students = [Student(f"student-{i + 1}") for i in range(args.students)]
    poller = Poller(hub, students, args.limit)
    checks: list[tuple[str, bool, str]] = []
    try:
        hub.wait_up()
        print(f"hub up at {hub.url} in {time.monotonic() - t_start:.1f} s", flush=True)
        checks += refusals(hub, password)
        poller.start()
        barrier = threading.Barrier(len(students))
        threads = [threading.Thread(target=class_member, args=(s, hub, password, args.days, args.cell_timeout, barrier),
                                    daemon=True) for s in students]
        for t in threads:
            t.start()
        deadline = time.monotonic() + args.limit
        for t in threads:
            t.join(max(1.0, deadline - time.monotonic()))
        for s, t in zip(students, threads):
            if t.is_alive():
                s.failures.append(f"still running after {args.limit:.0f} s")
        for s in students:
            for d in s.days:
                print(f"{s.name} day {d.day}: {d.cells} cells in {d.seconds:.0f} s, kernel peak "
                      f"{fmt(d.kernel_peak_mb)} MB, CPU {fmt(d.kernel_cpu_s)} s, {len(d.errors)} error(s)", flush=True)
    except Exception as e:  # noqa: BLE001
        checks.append(("the hub started and served the class", False, f"{e.__class__.__name__}: {e}"))
    finally:
        poller.stop_event.set()
        poller.join(10)
        shutdown = hub.stop()
    failures = report(args.report, args, students, poller, checks, time.monotonic() - t_start, shutdown,
                      len(hub.seen), hub_log)
    # one verdict a check: each refusal, each student (day run, work kept), the hub's answers, the shutdown
    verdicts = [ok for _, ok, _ in checks]
    verdicts += [not s.failures and not any(d.errors for d in s.days) and s.restart_ok for s in students]
    verdicts += [not poller.errors, shutdown[0] == 0 and not shutdown[1]]
    print(args.report.read_text(), flush=True)
    for f in failures:
        print(f"FAILED: {f}", flush=True)
    print(f"test-hub: {sum(verdicts)} passed, {len(verdicts) - sum(verdicts)} failed", flush=True)
    return 1 if failures or not all(verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
