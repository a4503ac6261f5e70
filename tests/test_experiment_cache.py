"""The experiment cache: a result is computed once per version of its code, even when several
processes (the figure build's workers, the test workers) ask for it at the same moment."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

EXPERIMENT = '''
import os, time
import numpy as np

def run():
    with open(os.environ["RUNS_LOG"], "a") as log:
        log.write("ran\\n")
    time.sleep(1.0)                       # long enough for the other caller to arrive meanwhile
    return {"value": np.arange(3.0)}
'''

CALLER = '''
import sys
from pathlib import Path
import actsite.experiments
actsite.experiments.__path__.append(sys.argv[1])
from actsite.experiments.cache import cached
print(cached("slow_counting", cache_dir=Path(sys.argv[2]))["value"].tolist())
'''


def callers(tmp_path: Path, n: int) -> list[str]:
    env = {"RUNS_LOG": str(tmp_path / "runs.log"), "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen([sys.executable, "-c", CALLER, str(tmp_path / "modules"), str(tmp_path / "cache")],
                              env=env, stdout=subprocess.PIPE, text=True) for _ in range(n)]
    return [p.communicate(timeout=60)[0].strip() for p in procs]


def test_concurrent_callers_share_one_run(tmp_path):
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "slow_counting.py").write_text(textwrap.dedent(EXPERIMENT))
    assert callers(tmp_path, 3) == ["[0.0, 1.0, 2.0]"] * 3
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran"]
    assert callers(tmp_path, 1) == ["[0.0, 1.0, 2.0]"]                     # later: read, not run
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran"]
    (tmp_path / "modules" / "slow_counting.py").write_text(textwrap.dedent(EXPERIMENT) + "# edited\n")
    callers(tmp_path, 1)                                                     # new code: run again
    assert (tmp_path / "runs.log").read_text().splitlines() == ["ran", "ran"]
