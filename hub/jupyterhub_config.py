# JupyterHub configuration for the course: one server for a class.
#
#   make hub          starts it on this machine (http://127.0.0.1:8000), for a try-out
#   make test-hub     starts it on free ports of 127.0.0.1 and runs a simulated class through it
#
# Everything that differs between a try-out and a real workshop comes from environment variables
# (set by scripts/hub.py, or by you on a real server; README, "A JupyterHub for the workshop"):
#
#   HUB_IP, HUB_PORT          where students connect                   127.0.0.1, 8000
#   HUB_HUB_PORT              the hub's own API, behind the proxy      8081 (always 127.0.0.1)
#   HUB_PROXY_API_PORT        the proxy's REST API                     8001 (always 127.0.0.1)
#   HUB_STATE_DIR             database, cookie secret, logs            build/hub
#   HUB_HOMES                 one home per student                     $HUB_STATE_DIR/home
#   HUB_PASSWORD              the workshop's shared password           required (8 characters or more)
#   HUB_ADMIN_PASSWORD        the instructor's password (user HUB_ADMIN, default "instructor")
#   HUB_SPAWNER               local | systemd | docker                 local
#   HUB_MEM_LIMIT             memory per student, enforced by systemd/docker, not by local   1250M
#   HUB_MEM_GUARANTEE         memory reserved per student (docker and Kubernetes only)       600M
#   HUB_CPU_LIMIT             cores per student (systemd/docker)       1
#   HUB_CULL_TIMEOUT          seconds without activity before a server is stopped   3600
#   HUB_DOCKER_IMAGE          the course image for HUB_SPAWNER=docker (built with repo2docker)
#   COURSE_STUDENT_DIR        the students' copies handed out at each start        build/student
#
# Which spawner enforces what (the measurements behind the numbers are in the README's sizing table):
#
#   spawner                     mem_limit                         mem_guarantee   cpu_limit   tested here
#   SimpleLocalProcessSpawner   not enforced (only exported       no              no          yes (make test-hub)
#                               as MEM_LIMIT to the server)
#   SystemdSpawner              enforced: systemd MemoryMax        no              CPUQuota    no (needs systemd as PID 1)
#                               (the kernel is OOM-killed, the
#                               server restarts it)
#   DockerSpawner               enforced: the container's memory   reservation     cpu quota   no (no Docker daemon here)
#   KubeSpawner (Zero to        enforced: pod limit                pod request     limit       no (hub/z2jh-values.yaml)
#   JupyterHub)                                                    (scheduling)
#
# The hub never runs open: the shared-password authenticator lets in anyone with the workshop
# password (choose user names freely; each gets a home of their own), and the instructor logs in
# as HUB_ADMIN with HUB_ADMIN_PASSWORD. For a longer course, where each student should keep a
# password of their own, use the first-use authenticator instead (README).

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub defines get_config when it loads this file)

HUB_DIR = Path(__file__).resolve().parent
ROOT = HUB_DIR.parent
env = os.environ.get

STATE = Path(env("HUB_STATE_DIR", ROOT / "build" / "hub")).resolve()
HOMES = Path(env("HUB_HOMES", STATE / "home")).resolve()
STATE.mkdir(parents=True, exist_ok=True)
HOMES.mkdir(parents=True, exist_ok=True)
IP = env("HUB_IP", "127.0.0.1")
PORT = int(env("HUB_PORT", "8000"))
SPAWNER = env("HUB_SPAWNER", "local")
# From make test-hub (README, "Sizing"): a student's server peaks at about 160 MB and a day's kernel
# at 220-360 MB, so one day takes about 520 MB at most; 1250M holds the server with three days'
# kernels left open, and 40 students at the limit still fit a 64 GB server.
MEM_LIMIT = env("HUB_MEM_LIMIT", "1250M")
MEM_GUARANTEE = env("HUB_MEM_GUARANTEE", "600M")
CPU_LIMIT = float(env("HUB_CPU_LIMIT", "1"))
CULL_TIMEOUT = int(env("HUB_CULL_TIMEOUT", "3600"))
STUDENT_COPIES = Path(env("COURSE_STUDENT_DIR", ROOT / "build" / "student")).resolve()

# ---- where it listens: students reach the proxy only; the hub and the proxy's API stay on loopback
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{int(env('HUB_HUB_PORT', '8081'))}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(env('HUB_PROXY_API_PORT', '8001'))}"
# the proxy from npm (hub/package.json, installed by `npm ci` in hub/), never a global install
c.ConfigurableHTTPProxy.command = [str(HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.debug = False

# ---- state: one folder, so that a test run or a workshop starts from a clean slate by deleting it
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
# stop every student's server when the hub stops (no orphans; make test-hub checks it)
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# ---- authentication: a shared workshop password, never an open hub
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = env("HUB_PASSWORD", "")
if not c.SharedPasswordAuthenticator.user_password:
    sys.exit("Set HUB_PASSWORD (8 characters or more): the course's hub never runs without a password.")
ADMIN = env("HUB_ADMIN", "instructor")
if env("HUB_ADMIN_PASSWORD"):
    c.SharedPasswordAuthenticator.admin_password = env("HUB_ADMIN_PASSWORD")
    c.Authenticator.admin_users = {ADMIN}
c.Authenticator.allow_all = True  # anyone who knows the password: the workshop's attendees
# user names become folder names: keep them plain
c.Authenticator.username_pattern = r"^[a-z][a-z0-9_-]{0,31}$"

# ---- the students' servers: the course environment, the course in each home
c.Spawner.cmd = [sys.executable, str(HUB_DIR / "singleuser.py")]
c.Spawner.default_url = "/lab/tree/notebooks"
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "VIRTUAL_ENV", "CONDA_PREFIX", "CONDA_DEFAULT_ENV",
                      "PYTHONHASHSEED", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                      "JUPYTERHUB_SINGLEUSER_APP"]
# one BLAS/OpenMP thread a core of the student's share: 40 kernels each starting one thread per core
# of a 16-core server would fight over the cores
THREADS = str(max(1, int(CPU_LIMIT)))
c.Spawner.environment = {"COURSE_STUDENT_DIR": str(STUDENT_COPIES), "OMP_NUM_THREADS": THREADS,
                         "OPENBLAS_NUM_THREADS": THREADS, "MKL_NUM_THREADS": THREADS}
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.mem_guarantee = MEM_GUARANTEE
c.Spawner.cpu_limit = CPU_LIMIT
# 40 students pressing "Start" at 9:00: give a loaded server time
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 20
# A kernel left running in a closed tab holds its memory until the server stops: the student's server
# stops kernels idle for 30 minutes that no tab is connected to (an open notebook keeps its kernel).
c.Spawner.args = ["--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=300",
                  "--MappingKernelManager.cull_connected=False"]
# the root of a test machine or container: Jupyter refuses root unless told
if os.getuid() == 0:
    c.Spawner.args = c.Spawner.args + ["--allow-root"]

if SPAWNER == "local":
    # Every student is the same operating-system user as the hub: homes are separate folders, not
    # separate accounts, and nothing limits memory. For a test on one machine and a trusted class only.
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")
elif SPAWNER == "systemd":  # untested here: needs systemd as PID 1 and pip install jupyterhub-systemdspawner
    # Each student a transient systemd unit with a dynamic Unix user: memory enforced (MemoryMax),
    # CPU quota, private /tmp, no sudo. Homes live in /var/lib/private/<user>.
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = True
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.unit_extra_properties = {"MemorySwapMax": "0"}  # past the limit: OOM, not swap
    c.Spawner.args = [a for a in c.Spawner.args if a != "--allow-root"]
elif SPAWNER == "docker":  # untested here: needs a Docker daemon and pip install dockerspawner
    # Each student a container of the course image (repo2docker builds it from this repository);
    # memory and CPU enforced by Docker; the work kept in one volume per student.
    c.JupyterHub.spawner_class = "docker"
    c.DockerSpawner.image = env("HUB_DOCKER_IMAGE", "ictp-eq-course:latest")
    c.DockerSpawner.cmd = ["jupyterhub-singleuser"]
    c.DockerSpawner.notebook_dir = "/home/jovyan"
    c.DockerSpawner.volumes = {"ictp-eq-{username}": "/home/jovyan"}
    c.DockerSpawner.remove = True
    c.DockerSpawner.network_name = env("HUB_DOCKER_NETWORK", "ictp-eq-hub")
    c.JupyterHub.hub_ip = "0.0.0.0"  # the containers reach the hub over the Docker network
    c.JupyterHub.hub_connect_ip = env("HUB_CONNECT_IP", "jupyterhub")
    c.Spawner.args = [a for a in c.Spawner.args if a != "--allow-root"]
else:
    sys.exit(f"HUB_SPAWNER={SPAWNER!r}: choose local, systemd or docker")

# ---- the idle culler: a hub service that stops servers nobody has used for CULL_TIMEOUT seconds,
# so that 40 forgotten tabs do not hold 40 kernels' memory overnight. The students' files stay.
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={CULL_TIMEOUT}",
                f"--cull-every={max(60, CULL_TIMEOUT // 6)}", "--concurrency=5"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
c.JupyterHub.log_level = env("HUB_LOG_LEVEL", "INFO")
