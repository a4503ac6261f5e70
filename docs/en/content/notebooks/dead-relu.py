# %% [markdown]
# # Notebook: dead ReLU units, measured and built by hand { #notebook-dead-relu }
#
# This notebook belongs to the article
# [From linear to non-linear: what a good activation needs, and why ReLU units die](../blog/posts/from-linear-to-nonlinear.md).
# It first prints the measured fractions of dead units from the article's experiment: a
# 10-256-256-10 network with He initialisation, trained with plain SGD (batches of 64, 600 steps)
# on a synthetic ten-class task, three seeds per learning rate. A hidden unit counts as dead when
# its pre-activation is at most zero on all 4,000 training points; for Leaky ReLU the same test
# marks a unit as *inactive*. Then it builds one dead unit by hand and checks that its gradients are
# exactly zero.

# %%
import numpy as np

from actsite.experiments import dead_relu
from actsite.experiments.cache import cached

r = cached("dead_relu")
print("layer sizes:", dead_relu.SIZES, "  steps:", dead_relu.STEPS, "  seeds:", r["seeds"].tolist())
for key, label in (("relu", "dead (ReLU)"), ("leaky_relu", "inactive (Leaky ReLU)")):
    print(f"\n{label}: % of units in hidden layer 1 | hidden layer 2, and training error, per seed")
    for i, lr in enumerate(r["learning_rates"]):
        first, second = 100 * r[f"{key}_inactive"][i, :, 0], 100 * r[f"{key}_inactive"][i, :, 1]
        error = 100 * r[f"{key}_error"][i]
        if np.all(np.isnan(error)):
            print(f"  lr = {lr:<4g}  diverged in every seed (weights overflowed)")
            continue
        print(f"  lr = {lr:<4g}  layer 1 {np.array2string(first, precision=1):<18s}"
              f" layer 2 {np.array2string(second, precision=1):<20s} error {np.array2string(error, precision=1)}")

# %% [markdown]
# At initialisation, before any step, almost nothing is dead: the counts below are numbers of
# units out of 256 (the initial networks are the same for every learning rate).

# %%
at_init = np.round(256 * r["relu_at_init"][0]).astype(int)
for seed, (first, second) in zip(r["seeds"], at_init):
    print(f"seed {seed}: dead units in layer 1: {first}, in layer 2: {second}")
second = 100 * r["relu_inactive"][..., 1]
print(f"\nlayer 2, lr <= 0.3: at most {second[:3].max():.1f}%")
print(f"layer 2, lr = 1.0: {second[3].min():.1f}% to {second[3].max():.1f}%")
print(f"layer 2, lr = 2.0: {second[4].min():.1f}% to {second[4].max():.1f}%")
print(f"layer 1, any run: at most {100 * r['relu_inactive'][..., 0].max():.1f}%")

# %% [markdown]
# ## One dead unit, built by hand { #notebook-dead-relu-by-hand }
#
# Take the same network at initialisation and the training data of seed 0. We lower the bias of
# unit 7 in the first hidden layer until its pre-activation is negative on every one of the 4,000
# points. The experiment's own test then counts exactly one dead unit out of 256.

# %%
from actsite.datasets import voronoi
from actsite.mlp import MLP, minibatches

X, y = voronoi(seed=200)
net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
unit = 7
z = net.hidden_preactivations(X)[0][:, unit]
net.biases[0][unit] -= z.max() + 1.0
z = net.hidden_preactivations(X)[0][:, unit]
print(f"largest pre-activation of unit {unit} over the data: {z.max():.3f}")
print("dead fraction per hidden layer:", dead_relu.inactive_fraction(net, X), " (1/256 =", 1 / 256, ")")

# %% [markdown]
# Every factor $g'(z_j^{(n)})$ in the sums for $\partial L/\partial \mathbf{w}_j$ and
# $\partial L/\partial b_j$ is zero, so both gradients should be exactly zero, not merely small.
# The unit's output is zero for every input, so the gradient of its outgoing weights is zero too.
# A live neighbour, for comparison, does receive gradient.

# %%
loss, grads_W, grads_b = net.loss_and_grads(X, y)
incoming, bias, outgoing = grads_W[0][:, unit], grads_b[0][unit], grads_W[1][unit]
print("dead unit:  max |dL/dw| =", np.abs(incoming).max(), "  dL/db =", bias,
      "  max |dL/dw_out| =", np.abs(outgoing).max())
assert np.all(incoming == 0.0) and bias == 0.0 and np.all(outgoing == 0.0)
print(f"live unit {unit - 1}: max |dL/dw| = {np.abs(grads_W[0][:, unit - 1]).max():.2e}"
      f"   dL/db = {grads_b[0][unit - 1]:.2e}")

# %% [markdown]
# Because the unit is in the first layer, its inputs are the fixed data, and gradient descent
# can never bring it back. A hundred SGD steps at learning rate 1.0 leave its weights and bias
# bit for bit unchanged, while the rest of the network moves.

# %%
w_before, b_before = net.weights[0][:, unit].copy(), net.biases[0][unit]
other_before = net.weights[0][:, unit - 1].copy()
batches = minibatches(len(X), 64, np.random.default_rng(0))
for _ in range(100):
    idx = next(batches)
    net.sgd_step(X[idx], y[idx], 1.0)
print("dead unit unchanged:", np.array_equal(net.weights[0][:, unit], w_before) and net.biases[0][unit] == b_before)
print(f"live unit moved by {np.linalg.norm(net.weights[0][:, unit - 1] - other_before):.3f}")
print("still dead on all data:", bool(np.all(net.hidden_preactivations(X)[0][:, unit] <= 0)))
