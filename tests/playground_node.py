"""Run the playground's JavaScript modules under Node from pytest (JSON in, JSON out).

Non-finite numbers cross JSON as the strings "NaN", "Infinity" and "-Infinity".
"""
from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAYGROUND = ROOT / "docs" / "assets" / "javascripts" / "playground"

PRELUDE = f"""
const enc = (v) => typeof v === 'number' && !Number.isFinite(v) ? String(v) : v;
const encode = (v) => JSON.stringify(v, (k, x) => enc(x));
const dec = (v) => v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v;
const decode = (s) => JSON.parse(s, (k, x) => dec(x));
const input = decode(require('fs').readFileSync(0, 'utf8'));
const load = (name) => import({json.dumps(PLAYGROUND.as_uri())} + '/' + name);
"""


def encode(value):
    if isinstance(value, np.ndarray):
        return [encode(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, np.floating):
        return encode(float(value))
    if isinstance(value, np.integer):
        return int(value)
    return value


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    if value in ("NaN", "Infinity", "-Infinity"):
        return float(value.lower().replace("infinity", "inf"))
    return value


def run_node(body: str, payload) -> object:
    """Run ``body`` (async JavaScript with ``input``, ``load``, ``encode``) and decode what it prints."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("the playground tests need Node.js on PATH (Debian: apt-get install nodejs)", pytrace=False)
    script = PRELUDE + "(async () => {\n" + body + "\n})().catch((e) => { console.error(e); process.exit(1); });"
    result = subprocess.run([node, "--input-type=commonjs", "-e", script], input=json.dumps(encode(payload)),
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise AssertionError(f"node failed:\n{result.stderr}")
    return decode(json.loads(result.stdout))
