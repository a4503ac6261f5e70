"""Pinned numerics: the same kernels on every x86-64 machine, and a BLAS crash caught with its cause."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import actsite
from actsite import blas_check
from conftest import ROOT

SHOW = ("import sys; sys.path.insert(0, {scripts!r}); import actsite, os, numpy; "
        "print(os.environ.get('OPENBLAS_CORETYPE'), os.environ.get('OPENBLAS_L2_SIZE'), "
        "os.environ.get('OPENBLAS_NUM_THREADS'))")


def run_child(env_overrides: dict[str, str | None], code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in env_overrides}
    env.update({k: v for k, v in env_overrides.items() if v is not None})
    env["OPENBLAS_VERBOSE"] = "2"             # OpenBLAS prints the kernel it chose
    return subprocess.run([sys.executable, "-c", code.format(scripts=str(ROOT / "scripts"))],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize("environment", [
    {"OPENBLAS_CORETYPE": None, "OPENBLAS_L2_SIZE": None},           # a fresh machine
    {"OPENBLAS_CORETYPE": "SkylakeX", "OPENBLAS_L2_SIZE": "262144"},  # a machine that sets its own
])
def test_kernels_and_cache_size_are_pinned_whatever_the_environment_holds(environment):
    result = run_child({**environment, "ACTSITE_NATIVE_BLAS": None}, SHOW)
    assert result.returncode == 0, result.stderr
    if actsite.IS_X86_64:
        assert result.stdout.split() == ["Haswell", "1048576", "1"]
        assert "Core: Haswell" in result.stdout + result.stderr
    else:                                       # off x86-64 only the thread count is pinned
        given = [str(environment["OPENBLAS_CORETYPE"]), str(environment["OPENBLAS_L2_SIZE"]), "1"]
        assert result.stdout.split() == given


def test_native_blas_keeps_the_environment_s_choice():
    result = run_child({"ACTSITE_NATIVE_BLAS": "1", "OPENBLAS_CORETYPE": "SandyBridge",
                        "OPENBLAS_L2_SIZE": "524288"}, SHOW)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["SandyBridge", "524288"]


def test_the_self_check_passes_here_and_is_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr(blas_check, "STAMPS", tmp_path)
    blas_check.ensure_blas_works()
    assert len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("crash, words", [
    ("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)", "crashed (SIGSEGV)"),
    ("import sys; sys.exit(3)", "wrong result"),
])
def test_a_crashing_or_wrong_product_stops_with_the_variables_and_the_fix(tmp_path, monkeypatch,
                                                                          crash, words):
    monkeypatch.setattr(blas_check, "STAMPS", tmp_path)
    monkeypatch.setattr(blas_check, "PRODUCT", crash + "  # {scripts} {shape}")
    with pytest.raises(blas_check.BlasError) as raised:
        blas_check.ensure_blas_works()
    message = str(raised.value)
    assert words in message and "(256, 4000) @ (4000, 256)" in message
    assert "OPENBLAS_CORETYPE=" in message and "OPENBLAS_L2_SIZE=" in message
    assert "ACTSITE_NATIVE_BLAS=1" in message
    assert not list(tmp_path.iterdir())          # a failed check is not remembered


def test_figure_build_reports_a_blas_failure_instead_of_crashing(tmp_path):
    code = ("import sys, runpy; sys.path.insert(0, {scripts!r}); from actsite import blas_check; "
            "blas_check.STAMPS = __import__('pathlib').Path(" + repr(str(tmp_path)) + "); "
            "blas_check.PRODUCT = 'import os, signal; os.kill(os.getpid(), signal.SIGSEGV)  #{{scripts}}{{shape}}'; "
            "sys.argv = ['build_figures.py', '--check']; "
            "runpy.run_path(" + repr(str(ROOT / "scripts" / "build_figures.py")) + ", run_name='__main__')")
    result = run_child({}, code)
    assert result.returncode == 1
    assert "BLAS self-check" in result.stderr and "SIGSEGV" in result.stderr
