"""Claims of the playground page's prose, recomputed with the playground's own JavaScript (Node)."""
from __future__ import annotations

from playground_node import run_node

DEFAULT_START = """
const st = await load('state.js');
const net = await load('network.js');
const run = st.build({ ...st.DEFAULTS }, null);
const train = run.data.train;
const layers = net.inspect(run.net, train).layers.map(({ units, dead }) => ({ units, dead }));
// signs of each hidden layer's inputs before the first step (biases are zero at the start)
let h = Array.from(train.X), width = 2;
const signs = [];
for (let l = 0; l < run.net.W.length - 1; l++) {
  const W = run.net.W[l], out = W.length / width, next = new Float64Array(train.n * out);
  let negative = 0, positive = 0;
  for (const v of h) { if (v < 0) negative++; if (v > 0) positive++; }
  signs.push({ negative, positive });
  for (let i = 0; i < train.n; i++) for (let j = 0; j < out; j++) {
    let s = 0; for (let k = 0; k < width; k++) s += h[i * width + k] * W[k * out + j];
    next[i * out + j] = Math.max(0, s);
  }
  h = next; width = out;
}
process.stdout.write(encode({ defaults: st.DEFAULTS, layers, signs }));
"""


def test_default_settings_start_with_dead_units_in_layers_2_and_3_and_none_in_layer_1():
    """"Narrow ReLU layers can have dead units before the first step. From the second hidden layer
    on, a unit's inputs are ReLU outputs and never negative ... With the default settings, 8 units
    per layer, layer 2 starts with 2 dead units and layer 3 with 5."""
    out = run_node(DEFAULT_START, {})
    d = out["defaults"]
    assert (d["act"], d["width"], d["layers"], d["init"]) == ("relu", 8, 3, "he")
    assert [(l["units"], l["dead"]) for l in out["layers"]] == [(8, 0), (8, 2), (8, 5)]
    first, *later = out["signs"]
    assert first["negative"] > 0 and first["positive"] > 0      # the inputs of layer 1 take both signs
    assert all(s["negative"] == 0 for s in later)                # later layers' inputs are never negative
