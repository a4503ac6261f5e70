"""The playground's activations (JavaScript) against the maths registry, on tails and kinks."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY
from playground_node import run_node

RELATIVE = 1e-12
# Below the smallest normal double a number carries fewer than 12 significant digits, and
# libraries differ in whether they keep such values or flush them to zero (scipy's erfc flushes
# GELU(-38) = -1.1e-314 to -0.0): there, the two must agree to within that smallest normal.
FLOOR = np.finfo(float).tiny

EVALUATE = """
const { ACTIVATIONS, parameters } = await load('activations.js');
const out = {};
for (const [key, cases] of Object.entries(input.cases)) {
  if (!(key in ACTIVATIONS)) continue;              // reported by the coverage test
  out[key] = cases.map((given) => {
    const p = parameters(key, given);
    const fn = ACTIVATIONS[key];
    return { f: input.x.map((x) => fn.f(x, p)), df: input.x.map((x) => fn.df(x, p)) };
  });
}
out.keys = Object.keys(ACTIVATIONS);
out.defaults = Object.fromEntries(out.keys.map((k) => [k, parameters(k)]));
process.stdout.write(encode(out));
"""


def grid(act) -> np.ndarray:
    """Tails, the flat-edge region, a fine sweep, every kink and join, and the non-finite inputs."""
    tails = [1e3, 700.0, 100.0, 40.0, 38.0, 37.0, 36.74, 30.0, 20.0, 10.0, 8.0, 6.0, 5.0, 4.585, 4.0,
             3.0, 2.993, 2.0, 1.5, 1.0, 0.75, 0.5, 0.1, 1e-3, 1e-8, 1e-300]
    points = tails + [-t for t in tails] + list(np.linspace(-8.0, 8.0, 801))
    for k in act.kinks + act.joins:
        points += [k, np.nextafter(k, -np.inf), np.nextafter(k, np.inf), k - 1e-9, k + 1e-9]
    points += [-3.0, 3.0, 6.0, 0.0, -0.0, np.inf, -np.inf, np.nan]
    return np.array(points)


def parameter_cases(act) -> list[dict]:
    """The defaults, then each parameter at its range's ends and middle."""
    cases = [{}]
    for p in act.params:
        cases += [{p.name: float(v)} for v in (p.lo, (p.lo + p.hi) / 2, p.hi, 0.3 * p.lo + 0.7 * p.hi)]
    return cases


@pytest.fixture(scope="module")
def js():
    x = np.unique(np.concatenate([grid(a) for a in EVERY.values()]))   # NaN sorts last, kept once
    cases = {k: parameter_cases(a) for k, a in EVERY.items()}
    return x, cases, run_node(EVALUATE, {"x": x, "cases": cases})


def mismatches(expected: np.ndarray, got: np.ndarray, x: np.ndarray) -> list:
    expected, got = np.asarray(expected, float), np.asarray(got, float)
    bad = []
    for xi, e, g in zip(x, expected, got):
        if np.isfinite(e) and np.isfinite(g):
            if abs(e - g) > max(RELATIVE * max(abs(e), abs(g)), FLOOR if max(abs(e), abs(g)) < FLOOR else 0.0):
                bad.append((xi, e, g))
        elif not (np.isnan(e) and np.isnan(g)) and e != g:     # same NaN, same infinity
            bad.append((xi, e, g))
    return bad


def test_every_catalogue_function_is_in_the_playground(js):
    _, _, out = js
    scalar = list(EVERY)          # every catalogue entry maps a number to a number (Maxout has two pieces of one input)
    assert sorted(out["keys"]) == sorted(scalar)


def test_the_playground_parameters_are_the_registry_defaults(js):
    _, _, out = js
    for key, act in EVERY.items():
        if key in out["defaults"]:
            assert out["defaults"][key] == act.defaults(), key


@pytest.mark.parametrize("key", list(EVERY))
def test_values_and_derivatives_match_the_registry(js, key):
    x, cases, out = js
    assert key in out, f"{key} is in the registry but not in the playground's activations.js"
    act = EVERY[key]
    for given, result in zip(cases[key], out[key]):
        kw = {**act.defaults(), **given}
        with np.errstate(all="ignore"):
            f, df = act.f(x, **kw), act.df(x, **kw)
        assert mismatches(f, result["f"], x) == [], (key, given, "f")
        assert mismatches(df, result["df"], x) == [], (key, given, "df")


def test_the_page_data_lists_every_function_with_its_parameter():
    from actsite.pages.playground import playground_data, playground_json
    data = playground_data()
    assert [f["key"] for f in data["functions"]] == list(EVERY)
    for entry in data["functions"]:
        act = EVERY[entry["key"]]
        assert [(p["name"], p["default"], p["lo"], p["hi"]) for p in entry["params"]] == \
            [(p.name, p.default, p.lo, p.hi) for p in act.params]
        assert entry["names"]["zh"] and entry["names"]["en"]
    assert len(playground_json()) < 4000          # the page loads it: keep it small
