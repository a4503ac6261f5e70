# %% [markdown]
# # Notebook: dead ReLU units, measured and built by hand { #notebook-dead-relu }
#
# This notebook belongs to the article
# [Why ReLU units die, and what keeps them alive](../blog/posts/dead-relu-units.md).
# It first prints the fractions of dead units measured in
# [the article's experiment](../blog/posts/dead-relu-units.md#dead-relu-experiment): a 10-256-256-10 network,
# [He initialisation](../glossary.md#he-initialisation), plain [SGD](../glossary.md#sgd) on mini-batches of 64 training points for 600 steps on a synthetic ten-class
# task, three seeds per learning rate η. A hidden unit counts as dead when its [pre-activation](../glossary.md#pre-activation) (its input to the ReLU) is at most zero on all 4000
# training points; for Leaky ReLU (ReLU with a slope of 0.01 on the negative side,
# [defined in the article](../blog/posts/dead-relu-units.md#relu-variants)) the same criterion marks
# a unit as *inactive*. Then it builds one dead unit by hand and checks that its gradients are exactly zero.

# %%
import numpy as np

from actsite.experiments import dead_relu
from actsite.experiments.cache import cached
from actsite.pages.notebook_text import say, words, yes_no

r = cached("dead_relu")
widths = dead_relu.SIZES[1:-1]


def values(percentages) -> str:
    return "  ".join(f"{v:4.1f}" for v in percentages)


say("dead_setup", sizes="-".join(map(str, dead_relu.SIZES)), steps=dead_relu.STEPS,
    seeds=words("list_sep").join(map(str, r["seeds"])))
for key in ("relu", "leaky_relu"):
    say(f"dead_header_{key}")
    for i, lr in enumerate(r["learning_rates"]):
        first, second = 100 * r[f"{key}_inactive"][i, :, 0], 100 * r[f"{key}_inactive"][i, :, 1]
        error = 100 * r[f"{key}_error"][i]
        if np.all(np.isnan(error)):
            say("dead_diverged", lr=str(float(lr)))
            continue
        say("dead_row", lr=str(float(lr)), first=values(first), second=values(second), error=values(error))

# %% [markdown]
# Up to η = 0.3, at most 2.3% of a layer is dead or inactive. At η = 1.0, 40.6–44.5% of the second layer is dead with ReLU,
# against 23.8–27.0% inactive with Leaky ReLU; at η = 2.0 ReLU loses 43.0–52.0% and the Leaky ReLU
# network diverges. [The article](../blog/posts/dead-relu-units.md#when-they-die) follows these deaths step by step.
#
# At initialisation, before any step, almost nothing is dead: the lines below count the dead units
# of each layer out of 256 (the initial networks are the same for every learning rate).

# %%
at_init = np.round(np.array(widths) * r["relu_at_init"][0]).astype(int)
say("dead_header_at_init", units=widths[0])
for seed, (first, second) in zip(r["seeds"], at_init):
    say("dead_at_init", seed=seed, first=first, second=second)

# %% [markdown]
# ## One dead unit, built by hand { #notebook-dead-relu-by-hand }
#
# Take the network of seed 0 at initialisation and the 4000 training points that seed 0 trained on
# (the code draws them with `voronoi(seed=200)`). We lower the bias of unit 7 in the first hidden layer by the unit's largest
# pre-activation over the data, plus 1. Its pre-activation is then at most −1 on every one of the
# 4000 points, and exactly −1 where it used to be largest. By the experiment's own criterion,
# exactly one unit of the first layer's 256 is then dead.

# %%
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

X, y = voronoi(seed=200)
net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
unit = 7
z = net.hidden_preactivations(X)[0][:, unit]
net.biases[0][unit] -= z.max() + 1.0
z = net.hidden_preactivations(X)[0][:, unit]
say("dead_largest_z", unit=unit, z=z.max())
dead_counts = np.round(np.array(widths) * dead_relu.inactive_fraction(net, X)).astype(int)
say("dead_fraction", first=dead_counts[0], second=dead_counts[1], units_1=widths[0], units_2=widths[1])

# %% [markdown]
# Unit 7 is the unit $j = 7$ of [the article's sums](../blog/posts/dead-relu-units.md#dead-relu) for
# $\partial L/\partial \mathbf{w}_j$ and $\partial L/\partial b_j$. Each of their terms is multiplied by
# $g'(z_7^{(n)})$, ReLU's slope at the unit's pre-activation on training point $n$, which is zero here on
# every training point, so both gradients should be exactly zero, not merely small.
# The unit's output is zero on every training point, so the gradient of its outgoing weights is zero too.
# A live neighbour, for comparison, does receive gradient.

# %%
loss, grads_W, grads_b = net.loss_and_grads(X, y)
incoming, bias, outgoing = grads_W[0][:, unit], grads_b[0][unit], grads_W[1][unit]
say("dead_grads", unit=unit, w=np.abs(incoming).max(), b=bias, out=np.abs(outgoing).max())
assert np.all(incoming == 0.0) and bias == 0.0 and np.all(outgoing == 0.0)
say("dead_live_grads", unit=unit - 1, w=np.abs(grads_W[0][:, unit - 1]).max(), b=grads_b[0][unit - 1])

# %% [markdown]
# Because the unit is in the first layer, its inputs are the fixed data, and plain SGD can
# never bring it back. A hundred SGD steps at learning rate 1.0 leave its weights and bias
# bit for bit unchanged, while the rest of the network moves.

# %%
w_before, b_before = net.weights[0][:, unit].copy(), net.biases[0][unit]
other_before = net.weights[0][:, unit - 1].copy()
batches = minibatches(len(X), 64, np.random.default_rng(0))
steps = 100
for _ in range(steps):
    idx = next(batches)
    net.sgd_step(X[idx], y[idx], 1.0)
say("dead_unchanged", unit=unit, steps=steps, same=yes_no(np.array_equal(net.weights[0][:, unit], w_before) and net.biases[0][unit] == b_before))
say("dead_live_moved", unit=unit - 1, distance=np.linalg.norm(net.weights[0][:, unit - 1] - other_before))
say("dead_still", unit=unit, dead=yes_no(bool(np.all(net.hidden_preactivations(X)[0][:, unit] <= 0))))

# %% [markdown]
# A unit of the second layer is different: its inputs are the outputs of the first layer, which
# keep changing. In [the article's step-by-step runs](../blog/posts/dead-relu-units.md#when-they-die)
# at learning rate 1.0, many second-layer units that were dead at some checked step were alive at the end:

# %%
history = cached("dead_relu_steps")
for seed, revived, ever in zip(history["seeds"], history["revived"][0], history["ever_dead"][0]):
    say("dead_revived", lr=str(float(history["rates"][0])), seed=seed, revived=revived, ever=ever,
        last=int(history["steps"][-1]))

# %% [markdown]
# ## Try this { #try-this }
#
# The first table has no row for η = 0.5. Set the learning rate below to 0.5 and rerun the cell (to
# run it, see [Rerun this](#rerun-this)), but first guess what share of the second layer will die: in
# that table seed 0 lost 2.3% of it at 0.3 and 40.6% at 1.0. The cell trains the article's
# network once (seed 0, 600 steps) and counts the dead units of the second layer. Then set
# `activation` to `"leaky_relu"`: at 1.0 the cell counts inactive units, which still receive
# gradient; at 2.0 the run diverges, and the cell says so.

# %%
lr, seed, activation = 1.0, 0, "relu"
trained_net, X_seed, _, _ = dead_relu.trained(activation, lr, seed)
if not all(np.all(np.isfinite(W)) for W in trained_net.weights):
    say("dead_try_diverged", lr=str(float(lr)), seed=seed, steps=dead_relu.STEPS)
else:
    dead_now = int(round(widths[1] * dead_relu.inactive_fraction(trained_net, X_seed)[1]))
    say("dead_try" if activation == "relu" else "dead_try_inactive", lr=str(float(lr)), seed=seed,
        dead=dead_now, units=widths[1], steps=dead_relu.STEPS, share=100 * dead_now / widths[1])

# %% [markdown]
# Compare with your guess: the run at η = 0.5 gives 52 dead units of the second layer's 256 for seed 0 (20.3%), between the
# two: for this seed the deaths grow over the range 0.3 to 1.0 rather than switching on at one rate.

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
