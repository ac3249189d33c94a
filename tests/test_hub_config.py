"""The course's JupyterHub configuration keeps its promises without starting a hub.

make test-hub runs a simulated class through the real hub; these checks are fast and run in make test.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "hub" / "jupyterhub_config.py"


def load_config(monkeypatch, tmp_path, **env) -> Config:
    for key in ("HUB_PASSWORD", "HUB_IP", "HUB_SPAWNER", "HUB_ADMIN_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HUB_STATE_DIR", str(tmp_path / "state"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    c = Config()
    exec(compile(CONFIG.read_text(), str(CONFIG), "exec"), {"get_config": lambda: c, "__file__": str(CONFIG)})
    return c


def test_the_hub_never_runs_without_a_password(monkeypatch, tmp_path):
    with pytest.raises(SystemExit, match="HUB_PASSWORD"):
        load_config(monkeypatch, tmp_path)


def test_by_default_the_hub_listens_on_localhost_only_with_a_shared_password(monkeypatch, tmp_path):
    c = load_config(monkeypatch, tmp_path, HUB_PASSWORD="a-long-password")
    assert c.JupyterHub.bind_url.startswith("http://127.0.0.1:")
    assert c.JupyterHub.hub_bind_url.startswith("http://127.0.0.1:")
    assert c.ConfigurableHTTPProxy.api_url.startswith("http://127.0.0.1:")
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.JupyterHub.spawner_class == "simple"
    assert c.SimpleLocalProcessSpawner.home_dir_template.startswith(str(tmp_path / "state" / "home"))
    assert "node_modules" in c.ConfigurableHTTPProxy.command[0], "the proxy comes from hub/package.json"


def test_the_idle_culler_is_a_hub_service_with_only_the_scopes_it_needs(monkeypatch, tmp_path):
    c = load_config(monkeypatch, tmp_path, HUB_PASSWORD="a-long-password", HUB_CULL_TIMEOUT="1800")
    (culler,) = c.JupyterHub.services
    assert "jupyterhub_idle_culler" in culler["command"] and "--timeout=1800" in culler["command"]
    (role,) = c.JupyterHub.load_roles
    assert role["services"] == ["idle-culler"]
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers", "delete:servers"}


@pytest.mark.parametrize("spawner, cls", [("systemd", "systemdspawner.SystemdSpawner"), ("docker", "docker")])
def test_the_real_server_spawners_are_configured(monkeypatch, tmp_path, spawner, cls):
    c = load_config(monkeypatch, tmp_path, HUB_PASSWORD="a-long-password", HUB_SPAWNER=spawner, HUB_MEM_LIMIT="1.5G")
    assert c.JupyterHub.spawner_class == cls
    assert c.Spawner.mem_limit == "1.5G"


def test_the_hub_is_not_in_a_students_environment():
    text = (ROOT / "environment.yml").read_text()
    assert not re.search(r"jupyterhub", text, re.I), "JupyterHub runs beside the students' servers, not in them"


def test_the_proxy_is_locked():
    assert '"configurable-http-proxy"' in (ROOT / "hub" / "package-lock.json").read_text()


def test_a_students_work_is_never_overwritten_by_the_hand_out(tmp_path):
    spec = importlib.util.spec_from_file_location("singleuser", ROOT / "hub" / "singleuser.py")
    singleuser = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(singleuser)
    course, home = tmp_path / "course", tmp_path / "home"
    course.mkdir()
    (course / "02_geoscience.ipynb").write_text("fresh copy")
    assert [p.name for p in singleuser.hand_out(course, home)] == ["02_geoscience.ipynb"]
    (home / "notebooks" / "02_geoscience.ipynb").write_text("the student's work")
    (course / "03_pitfalls.ipynb").write_text("a day added later")
    assert [p.name for p in singleuser.hand_out(course, home)] == ["03_pitfalls.ipynb"]
    assert (home / "notebooks" / "02_geoscience.ipynb").read_text() == "the student's work"
