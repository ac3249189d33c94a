"""Start the course's JupyterHub on this machine (make hub): http://127.0.0.1:8000 by default.

    python scripts/hub.py [extra jupyterhub options]

The hub asks for a shared password: $HUB_PASSWORD if set, else one generated on the first run and
kept in build/hub/password (printed below). Any user name with that password gets a server of its
own, home in build/hub/home/<name>, with the students' copies of the four days in notebooks/.
Everything else is set in hub/jupyterhub_config.py and its environment variables (README, "A
JupyterHub for the workshop"). Stop it with Ctrl-C: the hub stops every student's server with it.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    state = Path(os.environ.get("HUB_STATE_DIR", ROOT / "build" / "hub"))
    state.mkdir(parents=True, exist_ok=True)
    password = os.environ.get("HUB_PASSWORD")
    if not password:
        stored = state / "password"
        if not stored.exists():
            stored.write_text(secrets.token_urlsafe(12) + "\n")
            stored.chmod(0o600)
        password = stored.read_text().strip()
    env = dict(os.environ, HUB_PASSWORD=password, HUB_STATE_DIR=str(state))
    print(f"The course's hub: http://{env.get('HUB_IP', '127.0.0.1')}:{env.get('HUB_PORT', '8000')}"
          f"  (any user name, password {password})", flush=True)
    os.chdir(state)
    os.execve(sys.executable, [sys.executable, "-m", "jupyterhub", "-f", str(ROOT / "hub" / "jupyterhub_config.py"),
                               *argv], env)


if __name__ == "__main__":
    main(sys.argv[1:])
