"""Claims of the playground page's prose, recomputed with the playground's own JavaScript (Node)."""
from __future__ import annotations

from playground_node import ROOT, run_node

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


FLAT_ENDS = """
const a = await load('activations.js');
const df = (key, x) => a.ACTIVATIONS[key].df(x, a.parameters(key));
process.stdout.write(encode({
  hard_tanh: [df('hard_tanh', -2), df('hard_tanh', 2), df('hard_tanh', 0)],
  hard_sigmoid: [df('hard_sigmoid', -4), df('hard_sigmoid', 4), df('hard_sigmoid', 0)],
  relu6: [df('relu6', 6), df('relu6', 9), df('relu6', 3)],
}));
"""


def test_no_gradient_count_includes_units_held_on_a_flat_end_of_hard_tanh_hard_sigmoid_and_relu6():
    """"The group also includes a hard tanh or hard sigmoid unit held on either flat end, and a ReLU6
    unit held at its cap of 6": the derivative the count tests (f' == 0 on every training point) is
    exactly 0 there, and not in between."""
    out = run_node(FLAT_ENDS, {})
    for key in ("hard_tanh", "hard_sigmoid", "relu6"):
        *ends, middle = out[key]
        assert ends == [0, 0] and middle > 0, key
    for lang, words in (("en", "and a ReLU6 unit held at its cap of 6: the [glossary](glossary.md#saturation) would call these saturated"),
                        ("zh", "以及停在上限 6 的 ReLU6 单元，也算作无梯度单元：[术语表](glossary.md#saturation)会说这些单元饱和了")):
        assert words in (ROOT / "docs" / lang / "content" / "playground.md").read_text(encoding="utf-8")
