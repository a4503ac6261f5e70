# %% [markdown]
# ---
# description: "A notebook that reruns one training run of the dead-ReLU experiment, prints the share of dead units at each learning rate, and builds a dead unit by hand."
# ---
# # Notebook: dead ReLU units, measured and built by hand { #notebook-dead-relu }
#
# This notebook belongs to the article
# [Why ReLU units die, and what keeps them alive](../blog/posts/dead-relu-units.md).
# It reruns one of the training runs of
# [the article's experiment](../blog/posts/dead-relu-units.md#dead-relu-experiment) and prints the fractions of
# dead units measured in all of them. It then builds one dead unit by hand and counts the second-layer units that
# died during training but are alive at the end.
#
# The experiment trains a 10-256-256-10 network:
# [He initialisation](../glossary.md#he-initialisation), plain [SGD](../glossary.md#sgd) (without momentum) on mini-batches of 64 training points for 600 steps,
# three seeds per learning rate η. A hidden unit counts as dead when its [pre-activation](../glossary.md#pre-activation) (its input to the ReLU) is at most zero on every
# training point; for Leaky ReLU (ReLU with a slope of 0.01 on the negative side,
# [defined in the article](../blog/posts/dead-relu-units.md#relu-variants)) the same criterion marks
# a unit as *inactive*.
#
# The next cell spells out one run. `start` draws a run's 4000 training points with `voronoi` (the article's
# ten-class task: standard normal points, each labelled by the nearest of 100 random centres) and builds its network.
# `train` makes one SGD update per mini-batch, and `dead_units` applies the criterion to each hidden layer. The cell
# trains the ReLU network at η = 1.0 with seed 0 and counts its dead units.

# %%
import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

sizes, steps, seeds = (10, 256, 256, 10), 600, (0, 1, 2)
widths = sizes[1:-1]                                    # the two hidden layers, 256 units each


def dead_units(net, X):
    """Per hidden layer: which units have a pre-activation of at most zero on every row of X."""
    return [np.all(z <= 0, axis=0) for z in net.hidden_preactivations(X)]


def start(activation, seed):
    """A run's training points X and labels y, its initial network and its endless mini-batches."""
    X, y = voronoi(seed=200 + seed)                     # each seed has its own training points,
    net = MLP.create(sizes, activation, "he", seed=seed)              # its own He weights,
    batches = minibatches(len(X), 64, np.random.default_rng(seed))    # and its own mini-batch order
    return X, y, net, batches


def train(activation, lr, seed):
    """One training run: the trained network, its training points X and labels y."""
    X, y, net, batches = start(activation, seed)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run overflows: see diverged()
        for _ in range(steps):
            batch = next(batches)
            net.sgd_step(X[batch], y[batch], lr)
    return net, X, y


def diverged(net):
    return not all(np.all(np.isfinite(W)) for W in net.weights)


names = {"relu": "ReLU", "leaky_relu": "Leaky ReLU"}
state = {"relu": "dead", "leaky_relu": "inactive"}
activation, lr, seed = "relu", 1.0, 0
run_net, run_X, run_y = train(activation, lr, seed)
run_first, run_second = dead_units(run_net, run_X)
print(f"{names[activation]}, η = {lr}, seed {seed}, after {steps} steps")
print(f"dead units, of {widths[0]} per layer: "
      f"first layer {run_first.sum()}, second layer {run_second.sum()}")
print(f"training error: {run_net.error_rate(run_X, run_y):.1%}")

# %% [markdown]
# The article's chart of dead units against the learning rate rests on thirty runs (two activations, five learning
# rates, three seeds), each made the same way. Three of them, Leaky ReLU at η = 2.0, diverged and left no result; the table below marks
# their row. The next cell reads the results that chart is drawn from, and first
# checks that the result for seed 0 at η = 1.0 is the run above. To rerun any other, call `train`
# with its activation, learning rate and seed: Leaky ReLU at η = 0.3 with seed 2, for example, is
# `train("leaky_relu", 0.3, seed=2)`.
#
# Each row of the table is one learning rate, and each of its three groups of columns gives seeds 0, 1 and 2, as the
# second header line shows.

# %%
from actsite.experiments.cache import cached

saved = cached("dead_relu")      # the thirty runs: dead or inactive fractions and training errors
i, j = list(saved["learning_rates"]).index(lr), list(saved["seeds"]).index(seed)
assert np.array_equal(saved[f"{activation}_inactive"][i, j], [run_first.mean(), run_second.mean()])
assert saved[f"{activation}_error"][i, j] == run_net.error_rate(run_X, run_y)

for activation in names:
    if activation != "relu":
        print()
    print(f"{names[activation]}: {state[activation]} units (% of each hidden layer) "
          f"and training error (%)")
    print("    η      first layer     second layer   training error")
    print(" seed      0    1    2      0    1    2      0    1    2")
    for lr, shares, errors in zip(saved["learning_rates"], saved[f"{activation}_inactive"],
                                  saved[f"{activation}_error"]):
        if np.all(np.isnan(errors)):
            print(f"{lr:5}   diverged in every seed: the weights overflowed")
            continue
        first, second, error = (" ".join(f"{100 * v:4.1f}" for v in column)
                                for column in (shares[:, 0], shares[:, 1], errors))
        print(f"{lr:5}   {first:>14}   {second:>14}   {error:>14}")

# %% [markdown]
# Up to η = 0.3, at most 2.3% of a layer is dead or inactive. At η = 1.0, about four tenths of the second layer is dead
# with ReLU, against about a quarter inactive with Leaky ReLU; at η = 2.0 ReLU loses about half of it and the Leaky
# ReLU network diverges. [The article](../blog/posts/dead-relu-units.md#when-they-die) follows these deaths step by step.
#
# At initialisation almost nothing is dead: the next cell builds the three initial networks,
# which do not depend on the learning rate, and counts the dead units of each layer out of 256.

# %%
print("dead units at initialisation, of 256 per layer")
print("seed   first layer   second layer")
for seed in seeds:
    X_seed, _ = voronoi(seed=200 + seed)
    at_init = dead_units(MLP.create(sizes, "relu", "he", seed=seed), X_seed)
    print(f"{seed:4d} {at_init[0].sum():13d} {at_init[1].sum():14d}")

# %% [markdown]
# ## One dead unit, built by hand { #notebook-dead-relu-by-hand }
#
# Take the network of seed 0 at initialisation and the 4000 training points that seed 0 trained on
# (the code draws them with `voronoi(seed=200)`). We lower the bias of unit 7 in the first hidden layer by the unit's largest
# pre-activation over the data, plus 1. Its pre-activation is then at most −1 on every one of the
# 4000 points, and exactly −1 where it used to be largest. By the experiment's own criterion,
# exactly one unit of the first layer's 256 is then dead.

# %%
def signed(x, spec):
    """x formatted with spec, written with a true minus sign (−) rather than a hyphen."""
    return format(x, spec).replace("-", "−")


X, y = voronoi(seed=200)
net = MLP.create(sizes, "relu", "he", seed=0)
unit = 7
z = net.hidden_preactivations(X)[0][:, unit]
net.biases[0][unit] -= z.max() + 1.0
z = net.hidden_preactivations(X)[0][:, unit]
print(f"largest pre-activation of unit {unit} over the data: {signed(z.max(), '.3f')}")
first, second = dead_units(net, X)
print(f"dead units, of {widths[0]} per layer: "
      f"first layer {first.sum()}, second layer {second.sum()}")

# %% [markdown]
# Unit 7 is the unit $j = 7$ of [the article's sums](../blog/posts/dead-relu-units.md#dead-relu) for
# $\partial L/\partial \mathbf{w}_j$ and $\partial L/\partial b_j$. Each of their terms is multiplied by
# $\mathrm{ReLU}'(z_7^{(n)})$, ReLU's slope at the unit's pre-activation on training point $n$, which is zero here on
# every training point, so both gradients should be exactly zero, not merely small.
# The unit's output is zero on every training point, so the gradient of its outgoing weights is zero too.
# A live neighbour, for comparison, does receive gradient.

# %%
loss, grads_W, grads_b = net.loss_and_grads(X, y)
incoming, bias, outgoing = grads_W[0][:, unit], grads_b[0][unit], grads_W[1][unit]
live_in, live_bias, live_out = grads_W[0][:, unit - 1], grads_b[0][unit - 1], grads_W[1][unit - 1]
rows = {"largest |incoming-weight gradient|": (np.abs(incoming).max(), np.abs(live_in).max()),
        "bias gradient": (bias, live_bias),
        "largest |outgoing-weight gradient|": (np.abs(outgoing).max(), np.abs(live_out).max())}
print(f"{'gradient':34}  dead unit {unit}   live unit {unit - 1}")
for label, (dead, live) in rows.items():
    print(f"{label:34}  {dead:11g} {signed(live, '13.4f')}")
assert np.all(incoming == 0.0) and bias == 0.0 and np.all(outgoing == 0.0)

# %% [markdown]
# Because the unit is in the first layer, its inputs are the fixed data, and plain SGD can
# never bring it back. A hundred SGD steps at learning rate 1.0 leave its weights and bias
# bit for bit unchanged, while the rest of the network moves.

# %%
w_before, b_before = net.weights[0][:, unit].copy(), net.biases[0][unit]
other_before = net.weights[0][:, unit - 1].copy()
batches = minibatches(len(X), 64, np.random.default_rng(0))
for _ in range(100):
    batch = next(batches)
    net.sgd_step(X[batch], y[batch], 1.0)
same = np.array_equal(net.weights[0][:, unit], w_before) and net.biases[0][unit] == b_before
moved = np.linalg.norm(net.weights[0][:, unit - 1] - other_before)
still_dead = bool(np.all(net.hidden_preactivations(X)[0][:, unit] <= 0))
print("after 100 SGD steps at η = 1.0:")
print(f"  unit {unit}'s weights and bias unchanged, bit for bit: {'yes' if same else 'no'}")
print(f"  live unit {unit - 1}'s incoming weights moved by {moved:.3f} (Euclidean distance)")
print(f"  unit {unit} still dead (pre-activation ≤ 0 on every training point): "
      f"{'yes' if still_dead else 'no'}")

# %% [markdown]
# A unit of the second layer is different: its inputs are the outputs of the first layer, which
# keep changing. [The article's step-by-step runs](../blog/posts/dead-relu-units.md#when-they-die) replay the
# trainings and check which units are dead at every step up to 20, then every 5 steps up to 100 and every 10 after
# that. The next cell trains the three networks at learning rate 1.0 again, checking in the same way, and counts the
# second-layer units that were dead after some update and alive at the end: there are many.

# %%
checked = sorted({*range(21), *range(25, 101, 5), *range(110, steps + 1, 10)})
print("second-layer units at η = 1.0")
print(f"seed      dead after some update   of those, alive at step {steps}")
for seed in seeds:
    X, y, net, batches = start("relu", seed)
    dead_then = []
    for step in range(steps + 1):
        if step in checked:
            dead_then.append(dead_units(net, X)[1])
        if step < steps:
            batch = next(batches)
            net.sgd_step(X[batch], y[batch], 1.0)
    ever = np.any(dead_then[1:], axis=0)                # step 0 is before any update
    revived = ever & ~dead_then[-1]
    print(f"{seed:4d} {ever.sum():27d} {revived.sum():29d}")

# %% [markdown]
# ## Try this { #try-this }
#
# The ReLU table has no row for η = 0.5. In that table seed 0 lost 2.3% of the second layer at 0.3 and 40.6%
# at 1.0: before you run anything, guess what share it loses at 0.5. Then set the learning rate below to 0.5 and
# rerun the cell (to run it, see [Rerun this](#rerun-this)); it trains the article's network once (seed 0, 600
# steps) and counts the dead units of the second layer. Then set `activation` to `"leaky_relu"`: at 1.0 the cell
# counts inactive units, which still receive gradient; at 2.0 the run diverges, and the cell says so.

# %%
lr, seed, activation = 1.0, 0, "relu"
try_net, try_X, _ = train(activation, lr, seed)
if diverged(try_net):
    print(f"{names[activation]}, η = {lr}, seed {seed}: diverged, the weights overflowed")
else:
    count = dead_units(try_net, try_X)[1].sum()
    print(f"{names[activation]}, η = {lr}, seed {seed}: of the {widths[1]} second-layer units, "
          f"{count} are {state[activation]} ({count / widths[1]:.1%})")

# %% [markdown]
# ??? note "Answer"
#
#     Compare with your guess: the run at η = 0.5 gives 52 dead units of the second layer's 256 for seed 0 (20.3%),
#     between the two. So for this seed the share has already climbed partway by 0.5; where exactly it rises between
#     0.3 and 1.0, and how fast, would take more learning rates to tell.

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
