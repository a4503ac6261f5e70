"""What the playground page needs from the maths registry: each function's names and parameters.

The formulas themselves are in ``docs/assets/javascripts/playground/activations.js`` (the page
evaluates them at any point; the tests compare them with the registry).  This file gives the
page the names in both languages and each shape parameter's symbol, default and range, and is
served as ``assets/playground-data.json`` by both language projects.
"""
from __future__ import annotations

import json

from actsite.maths.catalogue import EVERY
from actsite.pages.explorer import short_names, symbol

DESTINATION = "assets/playground-data.json"


def playground_data() -> dict:
    return {"functions": [
        {"key": act.key, "names": short_names(act), "family": act.family,
         "params": [{"name": p.name, "symbol": symbol(p), "default": p.default, "lo": p.lo, "hi": p.hi}
                    for p in act.params]}
        for act in EVERY.values()]}


def playground_json() -> str:
    return json.dumps(playground_data(), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
