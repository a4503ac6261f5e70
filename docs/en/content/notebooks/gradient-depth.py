# %% [markdown]
# # Notebook: gradients through a 50-layer stack { #notebook-gradient-depth }
#
# How much gradient reaches the first layer of a 50-layer stack, and what decides it? This notebook
# prints the numbers behind the article
# [When gradients vanish: why deep networks stop learning](../blog/posts/when-gradients-vanish.md).
#
# A bias-free stack of 50 layers, each
# 256 units wide, is fed a batch of 64 standard normal inputs; the backward pass starts from a
# standard normal gradient $\partial L / \partial h_{50}$ at the top, and the norm of the gradient $\partial L / \partial W_l$ is recorded at
# every layer, for sigmoid, tanh and ReLU under three weight scales at initialisation: a small one ($\sigma_w = 0.01$),
# Xavier initialisation ($\sigma_w^2 = 1/n$ when all layers have the same width $n$) and He initialisation ($\sigma_w^2 = 2/n$).
#
# The last column, "factor per layer", is
# $(\|\partial L/\partial W_1\| / \|\partial L/\partial W_{50}\|)^{1/49}$: how much the weight gradient changes
# from one layer to the next, on average (a geometric mean over the 49 steps). It combines two changes: that of the error
# signal on its way down and that of the layer's input on the forward pass.
# The last cells turn to the article's deep sigmoid classifier, still at its random initial weights.

# %%
import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.deep_nets import INIT_STD, layer_gradient_norms
from actsite.experiments import gradient_depth, stalled_layers
from actsite.experiments.cache import cached
from actsite.experiments.init_spread import next_variance
from actsite.maths.functions import sigmoid_prime
from actsite.maths.gaussian import gaussian_expectation
from actsite.experiments.mlp import MLP
from actsite.pages.notebook_text import say, sentence, words

r = cached("gradient_depth")
depth, width = int(r["depth"]), 256
say("depth_setup", depth=depth, width=width,
    stds=words("list_sep").join(words("depth_std_item").format(
        std=INIT_STD[init](width), label=words("init_" + init))
        for init in INIT_STD))
first, last, ratio, factor = words("depth_columns").split("|")
say("depth_header", blank="", first=first, last=last, ratio=ratio, factor=factor)
for act in gradient_depth.ACTIVATIONS:
    for init in INIT_STD:
        g = r[f"{act}_{init}_grad"]
        factor = (g[0] / g[-1]) ** (1 / (depth - 1))
        say("depth_row", label=f"{words('act_' + act)} {words('init_' + init)}",
            first=g[0], last=g[-1], ratio=g[0] / g[-1], factor=factor)

# %% [markdown]
# The sigmoid's gradient shrinks at every scale, by a factor between 0.04 and 0.32 per layer. For tanh
# and ReLU the factor per layer is within 1.2% of one, except tanh with He initialisation (1.06: its gradient
# grows 17.5-fold towards the input); the small scale leaves every layer's gradient
# near $2 \times 10^{-36}$ (tanh) or between $2 \times 10^{-44}$ and $5 \times 10^{-44}$ (ReLU).
# For ReLU all three scales give the same ratio, for the reason the article gives in
# [Measuring it in a 50-layer network](../blog/posts/when-gradients-vanish.md#measured-depth): going
# from He to Xavier multiplies every layer's gradient by the same $2^{-49/2}$.

# %%
say("depth_power", value=2 ** (-49 / 2))
ratio = r["relu_xavier_grad"] / r["relu_he_grad"]
say("depth_xavier_he", low=ratio.min(), high=ratio.max())

# %% [markdown]
# The variance argument predicts a backward factor of $\sqrt{n\sigma_w^2}/4$ per layer, with
# $\sigma_w^2$ the weights' variance, for the sigmoid near zero, where its mean squared slope $\mathbb{E}[f'^2]$ is about $1/16$.
# The table compares it with the measured factor. For Xavier and He the measured factor is a little lower.
# The last three lines apply the two corrections given in
# [Initialisation: keeping the product near one](../blog/posts/when-gradients-vanish.md#initialisation):
# $\mathbb{E}[f'^2]$ taken, instead of at zero, at the fixed point $q^*$ of the forward recursion
# $q_{l+1} = n\sigma_w^2\,\mathbb{E}[f(z_l)^2]$ (the pre-activation variance that one layer maps to itself, which the code reaches by applying `next_variance`, one layer of the recursion, 100 times), and the factor
# $2^{1/49}$ for the larger input to layer 1. Each corrected prediction comes within 0.5% of the measured factor.

# %%
scale, n_var, predicted, measured = words("depth_sigmoid_columns").split("|")
say("depth_sigmoid_header", scale=scale, n_var=n_var, predicted=predicted, measured=measured)
for init in INIT_STD:
    n_var_w = width * INIT_STD[init](width) ** 2
    g = r[f"sigmoid_{init}_grad"]
    say("depth_sigmoid_row", scale=f"{words('act_sigmoid')} {words('init_' + init)}", n_var=n_var_w, predicted=np.sqrt(n_var_w) / 4,
        measured=(g[0] / g[-1]) ** (1 / (depth - 1)))
for init in INIT_STD:
    n_var_w, q = width * INIT_STD[init](width) ** 2, 1.0
    for _ in range(100):
        q = next_variance("sigmoid", n_var_w, q)
    slope = gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)
    g = r[f"sigmoid_{init}_grad"]
    say("depth_sigmoid_corrected", scale=f"{words('act_sigmoid')} {words('init_' + init)}", q=q, slope=slope,
        corrected=np.sqrt(n_var_w * slope) * 2 ** (1 / (depth - 1)), measured=(g[0] / g[-1]) ** (1 / (depth - 1)))

# %% [markdown]
# The forward pass shows the same products, in the standard deviation of each layer's outputs $h_l$
# over all units and inputs (printed below as "output std"). With Xavier initialisation the ReLU activations shrink by a factor
# of about $1/\sqrt{2}$ per layer; tanh with the small scale behaves like a linear network, and its
# activations are multiplied by $\sqrt{0.0256} = 0.16$ at every layer. With He initialisation the tanh outputs
# settle at the forward recursion's fixed point (pre-activation variance 0.62, so a
# standard deviation of the outputs of $\sqrt{\mathbb{E}[\tanh^2 z]} \approx 0.56$; the recursion is
# [derived in the article on initialisation](../blog/posts/initialisation.md#forward-recursion)). The ReLU outputs,
# in this draw (seed 0), drift by under 2% per layer on average, which over 50 layers halves them. For ReLU even the direction of the drift depends on the random draw:
# here the outputs shrink, while with seed 1, in [Try this](#try-this) below, they grow.

# %%
for act, init in (("relu", "xavier"), ("tanh", "small"), ("relu", "he"), ("tanh", "he")):
    std = r[f"{act}_{init}_std"]
    say("depth_std", key=f"{words('act_' + act)} {words('init_' + init)}", first=std[0], last=std[-1], factor=(std[-1] / std[0]) ** (1 / (depth - 1)))

# %% [markdown]
# Finally, the deep sigmoid classifier of the article's section
# [What stalled layers do to training](../blog/posts/when-gradients-vanish.md#stalled-layers): 10 inputs,
# eight hidden layers of 64 units, 10 outputs, Xavier initialisation. Here it is still at its random
# initial weights. For each hidden layer we take
# the standard deviation of every unit's output across the 4000 training points and average it over
# the units: how different the layer's outputs are for different inputs. From the second layer on,
# the number after × is the factor by which this spread changed from the layer below: about a
# quarter at every layer.

# %%
X, y = voronoi(seed=400)
net = MLP.create(stalled_layers.SIZES, "sigmoid", "xavier", seed=stalled_layers.SEED)
_, hs = net.forward(X)
spread = np.array([h.std(axis=0).mean() for h in hs[1:]])
for layer, (h, s) in enumerate(zip(hs[1:], spread), start=1):
    change = "" if layer == 1 else sentence("depth_change", factor=s / spread[layer - 2])
    say("depth_layer", layer=layer, mean=h.mean(), spread=s, change=change)

_, grads_W, _ = net.loss_and_grads(X, y)
say("depth_grad_norms")
for layer, g in enumerate(grads_W, start=1):
    label = sentence("depth_grad_output" if layer == len(grads_W) else "depth_grad_layer", layer=layer)
    say("depth_grad_row", label=label, norm=np.linalg.norm(g))
share = np.bincount(y).max() / len(y)
say("depth_common_class", share=share, error=1 - share)

# %% [markdown]
# The first layer's gradient, about $3 \times 10^{-6}$, is about 1/370,000 of the output layer's.
# The error of 0.834 on the last line is where [the trained network stalls](../blog/posts/when-gradients-vanish.md#stalled-layers):
# no better than always answering the most common class.
# One product runs through all three sets of results above: it shrinks the gradient on the way down, the signal on the
# way up when the scale is too small, and, in the sigmoid classifier, the differences between inputs,
# until the last hidden layer sees almost the same vector for every input.
#
# ## Try this { #try-this }
#
# The ratio 1.79 belongs to one random draw, seed 0; the cell below uses seed 1, runs the same seed-1 draw again
# with Xavier initialisation, and prints the standard deviation of the outputs in the forward pass. Change
# `seed` to draw other weights, inputs and top gradient, or change the activation and the weight
# scale (`"sigmoid"`, `"tanh"`, `"relu"`; `"small"`, `"xavier"`, `"he"`), and see which numbers move
# and which do not.

# %%
activation, init, seed = "relu", "he", 1
run = layer_gradient_norms(activation, init, seed=seed)
g, std = run["grad_norm"], run["output_std"]
say("depth_try", label=f"{words('act_' + activation)} {words('init_' + init)}", seed=seed,
    first=g[0], last=g[-1], ratio=g[0] / g[-1])
other = layer_gradient_norms(activation, "xavier", seed=seed)["grad_norm"]
say("depth_try", label=f"{words('act_' + activation)} {words('init_xavier')}", seed=seed,
    first=other[0], last=other[-1], ratio=other[0] / other[-1])
say("depth_std", key=f"{words('act_' + activation)} {words('init_' + init)}", first=std[0], last=std[-1],
    factor=(std[-1] / std[0]) ** (1 / (depth - 1)))

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
