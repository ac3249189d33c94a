"""The Makefile's conda route, driven for real with a stand-in conda on PATH.

Students install with conda; build and CI machines have none. `tests/standin/conda` answers the
commands the Makefile and scripts/ give conda (env list / create / update, run -n NAME ...) with
virtual environments, so that the conda branch of every target runs here as a student's would.
It runs on a copy of the course (tracked and new files), so the real tree is never touched.

Run it with `make test-conda` (about a minute): it builds an environment, so it is not part of
`make test`.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(os.environ.get("COURSE_TEST_CONDA_ROUTE") != "1",
                                reason="builds an environment; run with make test-conda")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course and the variables that put the stand-in conda first on PATH."""
    top = tmp_path_factory.mktemp("conda-route")
    copy = top / "course"
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    site_packages = subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    variables = dict(os.environ,
                     PATH=os.pathsep.join([str(ROOT / "tests" / "standin"), str(Path(sys.executable).parent),
                                           os.environ["PATH"]]),
                     STANDIN_CONDA_ROOT=str(top / "conda"), STANDIN_CONDA_PACKAGES=site_packages)
    for name in ["VIRTUAL_ENV", "TESTS", "COURSE_TEST_CONDA_ROUTE", "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST"]:
        variables.pop(name, None)
    return copy, variables, top / "conda"


def make(course, *arguments, timeout=600):
    copy, variables, _ = course
    result = subprocess.run(["make", *arguments], cwd=copy, env=variables, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"make {' '.join(arguments)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout + result.stderr


def calls(course):
    return (course[2] / "calls.log").read_text().splitlines()


def test_setup_creates_the_conda_environment_once(course):
    assert "conda env ICTP_EQ" in make(course, "help")
    out = make(course, "setup")
    assert "for the environment ICTP_EQ (from environment.yml)" in out
    assert (course[2] / "envs" / "ICTP_EQ" / "bin" / "python").exists()
    assert "env create -f environment.yml" in calls(course)
    assert "up to date" in make(course, "setup")
    assert sum(line.startswith("env create") for line in calls(course)) == 1


def test_a_new_environment_yml_updates_the_environment(course):
    copy = course[0]
    (copy / "environment.yml").write_text((copy / "environment.yml").read_text() + "\n# changed\n")
    make(course, "setup")
    assert any(line.startswith("env update -n ICTP_EQ -f environment.yml --prune") for line in calls(course))


def test_make_test_runs_pytest_in_the_environment(course):
    out = make(course, "test", "TESTS=tests/test_validation.py")
    assert " passed" in out and " failed" not in out
    assert any(line.startswith("run --no-capture-output -n ICTP_EQ python -m pytest") for line in calls(course))


def test_make_execute_runs_the_notebook_in_the_environment(course):
    copy = course[0]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, mlcourse\nprint('ran in', sys.prefix.rsplit('/', 1)[-1])")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, copy / "tiny.ipynb")
    make(course, "execute", "NOTEBOOKS=tiny.ipynb")
    outputs = nbformat.read(copy / "tiny.ipynb", as_version=4).cells[0].outputs
    assert outputs and "ran in ICTP_EQ" in outputs[0]["text"]


def test_make_lock_and_bench_go_through_conda_run(course):
    copy = course[0]
    make(course, "lock")
    lock = (copy / "requirements-lock.txt").read_text()
    assert "\nnumpy==" in lock and "mlcourse" not in lock
    dry = make(course, "-n", "bench")
    assert "run --no-capture-output -n ICTP_EQ python" in dry


def test_the_readme_gives_the_commands_the_makefile_runs(course):
    """What a student types by hand and what `make setup` runs are the same two commands."""
    readme = (ROOT / "README.md").read_text()
    logged = calls(course)
    for command in ["env create -f environment.yml", "env update -n ICTP_EQ -f environment.yml --prune"]:
        assert f"conda {command}" in readme
        assert command in logged
    assert "conda activate ICTP_EQ" in readme


def test_an_unknown_conda_command_is_refused(course):
    result = subprocess.run(["conda", "-m", "pytest"], env=course[1], capture_output=True, text=True)
    assert result.returncode == 2 and "unknown command" in result.stderr
