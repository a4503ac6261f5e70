# %% [markdown]
# ---
# description: "A notebook that trains ReLU and tanh networks on a synthetic task and compares the steps each needs to reach 25% training error."
# ---
# # Notebook: ReLU against tanh, steps to 25% error { #notebook-training-speed }
#
# Does ReLU reach a training error of 25% in fewer steps than tanh, and does its lead hold at every
# learning rate?
#
# The section [Faster training](../blog/posts/relu-sparsity-biology.md#training-speed) of the article
# *ReLU, sparse codes and the brain: which of the three stories holds up?* asks it of a small network, taking the
# question and the 25% target from
# [Krizhevsky, Sutskever and Hinton (2012)](https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html),
# and sums up its runs in one table. This notebook walks through one of those runs, prints every seed behind the
# table, and then looks at what changes at a [learning rate](../glossary.md#learning-rate) of $\eta = 0.3$, where ReLU
# falls behind.
#
# The task is the synthetic ten-class task of
# [the experiment on dead ReLU units](../blog/posts/dead-relu-units.md#dead-relu-experiment), with its own seeds:
# 4000 training points, each labelled with the class of the nearest of 100 random centres. A 10-128-128-128-10
# network (ReLU with [He](../blog/posts/initialisation.md#he) initialisation, tanh with
# [LeCun's](../blog/posts/initialisation.md#lecun)) is trained on it by stochastic gradient descent (SGD) with
# [mini-batches](../glossary.md#mini-batch) of 128 and [momentum](../glossary.md#momentum) 0.9, which carries most of
# each update into the next. Every 25 steps (one step is one SGD update on one mini-batch) the error is measured on
# the whole training set, and a run's *steps to 25%*, $t_{25\%}$ in the article, is the step of the first of these checks
# at which the error is at most 25%.
#
# The next cell writes this out. `voronoi` draws the task's training points; each class is a union of Voronoi regions, the
# sets of points nearest one centre, which give the function its name.
# `MLP` is a small NumPy network: `MLP.create`
# draws the initial weights at the given scale, `sgd_step` makes one SGD update with momentum on a mini-batch, and
# `error_rate` is the share of training points classified wrongly; `minibatches` deals them out in a new random order
# on every pass.

# %%
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

import numpy as np

sizes = (10, 128, 128, 128, 10)
activations = ("relu", "tanh")
init = {"relu": "he", "tanh": "lecun"}
name = {"relu": "ReLU", "tanh": "tanh"}          # as the output writes them
seeds, every, target = (0, 1, 2), 25, 0.25


def error_curve(activation, lr, seed, steps, stop_at_target=False):
    """The training error before training and after every 25th step."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(sizes, activation, init[activation], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    errors = [net.error_rate(X, y)]
    for step in range(1, steps + 1):
        batch = next(batches)
        net.sgd_step(X[batch], y[batch], lr, momentum=0.9)
        if step % every == 0:
            errors.append(net.error_rate(X, y))
            if stop_at_target and errors[-1] <= target:
                break
    return np.array(errors)


def steps_to_target(curve):
    """The step of the first check at which the error is at most 25% (infinite if there is none)."""
    hits = np.flatnonzero(curve <= target)
    return every * hits[0] if hits.size else np.inf


# %% [markdown]
# One run of each activation, both with seed 0 at $\eta = 0.03$ for 1000 steps. The cell prints the training error
# every 100 steps, and the step at which each run first reaches 25%:

# %%
curve = {activation: error_curve(activation=activation, lr=0.03, seed=0, steps=1000)
         for activation in activations}
print("step", *(f"{name[activation]:>6}" for activation in activations), sep="  ")
for k in range(0, 41, 4):
    print(f"{every * k:4d}", *(f"{curve[activation][k]:6.3f}" for activation in activations), sep="  ")
for activation in activations:
    print(f"{name[activation]:4}  first reaches 25% or less at step {steps_to_target(curve[activation])}")

# %% [markdown]
# The article's figure comes from runs made by the same code as `error_curve` above. They form a grid: both activations at
# $\eta = 0.01$, 0.03 and 0.1, with seeds 0, 1 and 2 at each rate, each run given at most 2000 steps. Each seed draws
# its own data set, initial weights and batch order. The next cell repeats the eighteen runs, stopping each at its
# first check at 25%, which is as far as a run's steps to 25% need it to go.
#
# For each rate the cell prints each seed's steps to 25% and their ratio, tanh's over ReLU's, and then the medians
# over the three seeds; their ratio is $\rho$, which the article's table lists ($\rho > 1$ means ReLU got there
# first). The last row sets each activation at its best rate of the three against the other.

# %%
learning_rates = (0.01, 0.03, 0.1)
grid = {activation: np.array([[steps_to_target(error_curve(activation=activation, lr=lr, seed=seed, steps=2000,
                                                           stop_at_target=True))
                               for seed in seeds] for lr in learning_rates])
        for activation in activations}          # steps to 25%, one row per rate, one column per seed


def show(label, steps):
    """One row: its label, each activation's steps to 25%, and their ratio, tanh's over ReLU's."""
    ratio = steps["tanh"] / steps["relu"]
    print(label, *(f"{name[activation]} {steps[activation]:5.0f}" for activation in activations),
          f"ratio {ratio:.2f}", sep="   ")


median = {activation: np.median(grid[activation], axis=1) for activation in activations}
for i, lr in enumerate(learning_rates):
    for j, seed in enumerate(seeds):
        show(f"η = {lr:<4g}  seed {seed}", {activation: grid[activation][i, j] for activation in activations})
    show(f"η = {lr:<4g}  median", {activation: median[activation][i] for activation in activations})
show("best rate against best rate", {activation: median[activation].min() for activation in activations})

# %% [markdown]
# ReLU reaches 25% first in every run of the grid but one, a tie at $\eta = 0.1$. Its lead shrinks as the rate grows,
# from $\rho = 2.15$ at $\eta = 0.01$ to 1.20 at $\eta = 0.1$. That rate is the best of the three for both
# activations, so, best against best, ReLU is 1.2 times as fast here, against six times in Krizhevsky et al.'s
# four-layer convolutional network on CIFAR-10, a different model trained on real images. At [$\eta = 0.3$, run below](#beyond-the-grid), both are slower, so
# $\eta = 0.1$ is also the best of all four rates. [The article](../blog/posts/relu-sparsity-biology.md#training-speed)
# weighs the gap.
#
# ## Beyond the grid: η = 0.3 { #beyond-the-grid }
#
# [The article's table](../blog/posts/relu-sparsity-biology.md#training-speed) also reports $\eta = 0.3$, where the
# order reverses: tanh reaches 25% first in every seed, so $\rho$ falls below 1. The next cell runs it, and the cell
# after it runs it again with every initial weight, or every input, changed in its last binary digit. In every one of
# these runs tanh reaches 25% first, and both activations are slower than at $\eta = 0.1$, ReLU much more than tanh.
# At this rate, though, the exact counts depend on the last bits of the arithmetic: changing the last bit moves some of
# them by a hundred steps or more.

# %%
def run_at_0_3(activation, seed, nudged=None, with_peak=False):
    """Steps to 25% at η = 0.3 (infinite if not within 2000 steps), and, with_peak=True, the largest |pre-activation|
    of a hidden unit on the mini-batches until then (else 0); nudged="weights" or "inputs" first changes every
    initial weight or every input in its last binary digit."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(sizes, activation, init[activation], seed=seed)
    if nudged == "weights":
        for W in net.weights:
            W[...] = np.nextafter(W, np.inf)     # the next float64 number up
    elif nudged == "inputs":
        X = np.nextafter(X, np.inf)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    peak = 0.0
    for step in range(1, 2001):
        batch = next(batches)
        if with_peak:                            # a second forward pass, so only when asked
            peak = max(peak, *(np.abs(z).max() for z in net.hidden_preactivations(X[batch])))
        net.sgd_step(X[batch], y[batch], 0.3, momentum=0.9)
        if step % every == 0 and net.error_rate(X, y) <= target:
            return step, peak
    return np.inf, peak


runs = {(activation, seed): run_at_0_3(activation, seed, with_peak=activation == "tanh")
        for activation in activations for seed in seeds}
reach = {run: steps for run, (steps, _) in runs.items()}
for seed in seeds:
    show(f"η = 0.3   seed {seed}", {activation: reach[activation, seed] for activation in activations})
at_0_1 = learning_rates.index(0.1)
for activation in activations:
    slowdown = [reach[activation, seed] / grid[activation][at_0_1, j] for j, seed in enumerate(seeds)]
    print(f"{name[activation]:4}  steps at η = 0.3 over steps at η = 0.1, seeds 0, 1, 2: "
          + "  ".join(f"{s:.1f}" for s in slowdown))
activation = "tanh"
print(f"{name[activation]:4}  largest |pre-activation| before 25%, seeds 0, 1, 2: "
      + "  ".join(f"{runs[activation, seed][1]:.1f}" for seed in seeds))

# %% [markdown]
# The next cell makes both changes, one at a time: it moves every initial weight, and then every input, up to the
# next number that [float64](../glossary.md#float64) can hold, a change in its last binary digit. Each time it runs
# the three seeds at $\eta = 0.3$ again and prints their counts; last comes the largest change from the counts above.

# %%
nudged = {(what, activation, seed): run_at_0_3(activation, seed, what)[0]
          for what in ("weights", "inputs") for activation in activations for seed in seeds}
for what, title in (("weights", "every initial weight"), ("inputs", "every input")):
    print(f"{title} changed in its last binary digit:")
    for seed in seeds:
        show(f"η = 0.3   seed {seed}", {activation: nudged[what, activation, seed] for activation in activations})
largest = max(abs(nudged[what, activation, seed] - reach[activation, seed]) for what, activation, seed in nudged)
print(f"largest change from the counts above: {largest} steps")

# %% [markdown]
# Over the runs printed here, tanh needs 0.41 to 0.59 of ReLU's steps, and ReLU needs 4.0 to 5.6 times as many steps as
# in the grid at $\eta = 0.1$, tanh about twice as many.
#
# ## Aside: dead ReLU units { #dead-units }
#
# At $\eta = 0.3$ many of ReLU's units also die; whether that causes the slowdown, these runs do not show. A ReLU unit
# whose pre-activation is at most zero on every training point is *dead*: it outputs 0 and its incoming weights get
# no gradient ([Why ReLU units die, and what keeps them alive](../blog/posts/dead-relu-units.md#dead-relu)).
# `dead_share` trains a ReLU network for the first few steps and returns the share of dead units in the second hidden
# layer, the layer that article counts. The next cell counts them after the first ten steps:

# %%
def dead_share(lr, seed, steps, momentum=0.9):
    """The share of dead units in the second hidden layer after the first `steps` steps of a ReLU run."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(sizes, "relu", init["relu"], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    for _ in range(steps):
        batch = next(batches)
        net.sgd_step(X[batch], y[batch], lr, momentum=momentum)
    z = net.hidden_preactivations(X)[1]          # one row per training point, one column per unit
    return np.mean(np.all(z <= 0, axis=0))


for lr in (0.1, 0.3):
    for seed in seeds:
        share = dead_share(lr=lr, seed=seed, steps=10)
        print(f"η = {lr:<4g}  seed {seed}   units dead after 10 steps: {share:4.0%}")

# %% [markdown]
# At $\eta = 0.1$ no unit of that layer has died; at $\eta = 0.3$ the first ten steps kill 30% to 45% of them.
#
# Tanh units cannot die this way. The slope of tanh, $1 - \tanh^2 x$, is above zero at every $x$, though below
# $10^{-8}$ for $|x| > 10$, so a saturated unit still learns almost nothing; ReLU's slope is exactly zero on the whole
# negative half-line. Nor does rounding make tanh's slope zero here. These runs compute it as
# $4e^{-2|x|}/(1 + e^{-2|x|})^2$, which stays above zero in [float64](../glossary.md#float64) up to $|x| \approx 373$,
# far beyond the largest pre-activation the tanh network reaches at $\eta = 0.3$ before it gets to 25%, which the last
# line of the [first cell at $\eta = 0.3$](#beyond-the-grid) prints for each seed.
#
# The linked article on dead units finds almost none at $\eta = 0.3$. Its network differs from this one in
# width (256), depth (two hidden layers), batch size (64) and when it counts (after 600 steps), and it
# trains with plain SGD, without momentum. Of these, the next cell tests momentum.
#
# ### Momentum { #momentum }
#
# Under a steady gradient, each update with momentum 0.9 adds nine tenths of the previous one, so the tenth update is
# $1 + 0.9 + 0.9^2 + \dots + 0.9^9 \approx 6.5$ times a plain SGD step ($\eta$ times the gradient). So, among the
# differences, momentum makes the same $\eta = 0.3$ a much larger effective step here than in the dead-units
# article's plain-SGD runs.
# Run the same ten steps at $\eta = 0.3$ again, this time without momentum:

# %%
for seed in seeds:
    share = dead_share(lr=0.3, seed=seed, steps=10, momentum=0.0)
    print(f"η = 0.3   seed {seed}   units dead after 10 steps without momentum: {share:4.0%}")

# %% [markdown]
# Without momentum, no unit of that layer dies in the first ten steps at $\eta = 0.3$, in any of the three seeds.
#
# ## The answer { #answer }
#
# On this task, by the median over seeds, ReLU needs fewer steps to reach 25% than tanh at every rate up to
# $\eta = 0.1$, and is 1.2 times as fast best rate against best rate; at $\eta = 0.3$ tanh is first in every seed.
#
# ## Try this { #try-this }
#
# To count the steps to 25% for another rate or seed, print, for example,
# `steps_to_target(error_curve(activation="relu", lr=0.2, seed=3, steps=2000, stop_at_target=True))`. To see how many
# units die, change the learning rate, the seed or the number of steps in the cell below.

# %%
lr, seed, steps = 0.3, 0, 100
share = dead_share(lr=lr, seed=seed, steps=steps)
print(f"η = {lr:g}, seed {seed}: after {steps} steps, {share:.0%} of the second hidden layer's units are dead")

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
