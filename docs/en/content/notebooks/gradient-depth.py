# %% [markdown]
# # Notebook: gradients through a 50-layer stack { #notebook-gradient-depth }
#
# This notebook prints the numbers behind the article
# [When gradients vanish: why deep networks stop learning](../blog/posts/when-gradients-vanish.md)
# with the code behind this site. A bias-free stack of 50 layers, each
# 256 units wide, is fed a batch of 64 standard normal inputs; a standard normal error signal is
# sent back from the top, and the norm of the gradient $\partial L / \partial W_l$ is recorded at
# every layer, for sigmoid, tanh and ReLU under three initial weight scales.

# %%
import numpy as np

from actsite.datasets import voronoi
from actsite.deep_nets import INIT_STD
from actsite.experiments import gradient_depth, stalled_layers
from actsite.experiments.cache import cached
from actsite.mlp import MLP

r = cached("gradient_depth")
depth, width = int(r["depth"]), 256
print(f"{depth} layers of {width} units;  weight std: "
      + ", ".join(f"{init} {INIT_STD[init](width):.4f}" for init in INIT_STD))
print(f"{'':16s} {'layer 1':>10s} {'layer 50':>10s} {'first/last':>11s} {'factor/layer':>13s}")
for act in gradient_depth.ACTIVATIONS:
    for init in INIT_STD:
        g = r[f"{act}_{init}_grad"]
        factor = (g[0] / g[-1]) ** (1 / (depth - 1))
        print(f"{act + ' ' + init:16s} {g[0]:10.2e} {g[-1]:10.2e} {g[0] / g[-1]:11.3g} {factor:13.4f}")

# %% [markdown]
# The factor per layer is $(\|\partial L/\partial W_1\| / \|\partial L/\partial W_{50}\|)^{1/49}$: what one
# step down the backward pass multiplies the gradient by. For ReLU all three scales give the same
# ratio, because ReLU is positively homogeneous and the three schemes use the same random numbers
# multiplied by different standard deviations. Going from He to Xavier multiplies every layer's
# gradient by $2^{-49/2}$:

# %%
print(f"2^(-49/2) = {2 ** (-49 / 2):.3e}")
ratio = r["relu_xavier_grad"] / r["relu_he_grad"]
print(f"Xavier / He over the 50 layers: from {ratio.min():.6e} to {ratio.max():.6e}")

# %% [markdown]
# The variance argument predicts a backward factor of $\sqrt{n\operatorname{Var}(w)}/4$ per layer for
# the sigmoid near zero, where $\mathbb{E}[\sigma'^2] \approx 1/16$. The table compares it with the
# measured factor.

# %%
print(f"{'scale':8s} {'n Var(w)':>9s} {'predicted':>10s} {'measured':>9s}")
for init in INIT_STD:
    n_var_w = width * INIT_STD[init](width) ** 2
    g = r[f"sigmoid_{init}_grad"]
    print(f"{init:8s} {n_var_w:9.4g} {np.sqrt(n_var_w) / 4:10.3f} {(g[0] / g[-1]) ** (1 / (depth - 1)):9.3f}")

# %% [markdown]
# The forward pass shows the same products. With Xavier's scale the ReLU activations lose a factor
# of about $1/\sqrt{2}$ per layer; tanh with the small scale behaves like a linear network and loses
# $\sqrt{0.0256} = 0.16$ per layer.

# %%
for key in ("relu_xavier", "tanh_small", "relu_he", "tanh_he"):
    std = r[f"{key}_std"]
    print(f"{key:12s} output std: layer 1 {std[0]:.3g}, layer 50 {std[-1]:.3g},"
          f" factor per layer {(std[-1] / std[0]) ** (1 / (depth - 1)):.3f}")

# %% [markdown]
# Finally the deep sigmoid classifier of the last experiment (10 inputs, eight hidden layers of 64,
# 10 outputs, Xavier initialisation), at its random initial weights. For each hidden layer we take
# the standard deviation of every unit's output across the 4000 training inputs and average it over
# the units: how different the layer's outputs are for different inputs.

# %%
X, y = voronoi(seed=400)
net = MLP.create(stalled_layers.SIZES, "sigmoid", "xavier", seed=stalled_layers.SEED)
_, hs = net.forward(X)
spread = np.array([h.std(axis=0).mean() for h in hs[1:]])
for layer, (h, s) in enumerate(zip(hs[1:], spread), start=1):
    change = "" if layer == 1 else f"   x{s / spread[layer - 2]:.3f}"
    print(f"hidden layer {layer}: mean output {h.mean():.3f}, spread across inputs {s:.2e}{change}")

_, grads_W, _ = net.loss_and_grads(X, y)
print("gradient norm per weight matrix at initialisation:",
      " ".join(f"{np.linalg.norm(g):.1e}" for g in grads_W))
print(f"most common class: {np.bincount(y).max() / len(y):.1%} of the points,"
      f" so always answering it gives an error of {1 - np.bincount(y).max() / len(y):.3f}")
