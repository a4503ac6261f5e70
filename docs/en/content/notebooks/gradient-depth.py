# %% [markdown]
# ---
# description: "A notebook that measures the gradient of every layer of a 50-layer network for three activations and three weight scales."
# ---
# # Notebook: gradients through a 50-layer stack { #notebook-gradient-depth }
#
# How much gradient reaches the first layer of a 50-layer stack, and what decides it? This notebook
# computes most of the numbers behind the article
# [When gradients vanish: why deep networks stop learning](../blog/posts/when-gradients-vanish.md).
#
# ## The 50-layer stack { #fifty-layer-stack }
#
# A bias-free stack of 50 layers, each
# 256 units wide, is fed a batch of 64 standard normal inputs; the backward pass starts from a
# standard normal gradient $\partial L / \partial h_{50}$ at the top, and the norm of the gradient $\partial L / \partial W_l$ is recorded at
# every layer, for sigmoid, tanh and ReLU under three weight scales at initialisation: a small one (weight standard deviation $\sigma_w = 0.01$),
# Xavier initialisation ($\sigma_w^2 = 1/n$ when all layers have the same width $n$) and He initialisation ($\sigma_w^2 = 2/n$).
#
# The next cell writes the experiment out. On the forward pass, layer $l$ computes the pre-activations
# $z_l = W_l h_{l-1}$ and its output $h_l = f(z_l)$, starting from the inputs $h_0$ (each row of `h` is one input,
# so the code writes `h @ W.T`). The backward pass applies the chain rule from the top down: the error signal
# $\delta_l = \partial L / \partial z_l$ is the gradient arriving from above times $f'(z_l)$, the weight gradient
# is $\partial L / \partial W_l = \delta_l h_{l-1}^{\top}$ summed over the batch, and $W_l^{\top} \delta_l$ goes down
# to the layer below.
#
# The cell records the Frobenius norm of each $\partial L / \partial W_l$ (the square root of
# the sum of its squared entries) and the standard deviation of each layer's output $h_l$ over all its units and
# inputs. One random generator, seeded with 0, draws the 50 weight matrices, then the inputs, then the gradient at
# the top, so every scale multiplies the same random numbers by its own $\sigma_w$.
#
# For each of the nine runs the table prints the gradient norm at layers 1 and 50, their ratio, and the "factor
# per layer" $(\|\partial L/\partial W_1\| / \|\partial L/\partial W_{50}\|)^{1/49}$: how much the weight gradient changes
# from one layer to the next, on average (a geometric mean over the 49 steps). It combines two changes: that of the error
# signal on its way down and that of the layer's input on the forward pass.
# Later cells turn to the article's deep sigmoid classifier, still at its random initial weights, and to products of
# random matrices.

# %%
from actsite.maths.functions import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime

import numpy as np

depth, width, batch = 50, 256, 64
activations = {"sigmoid": (sigmoid, sigmoid_prime), "tanh": (tanh, tanh_prime),
               "relu": (relu, relu_prime)}
weight_std = {"small": 0.01, "xavier": np.sqrt(2 / (width + width)), "he": np.sqrt(2 / width)}


def gradient_norms(activation, init, seed=0, trace=None):
    """The Frobenius norm of dL/dW_l and the standard deviation of h_l, for l = 1, ..., depth.

    A dict passed as `trace` also receives each layer's pre-activation variance and the root mean
    square of its error signal and of its input."""
    f, f_prime = activations[activation]
    rng = np.random.default_rng(seed)
    std = weight_std[init] if isinstance(init, str) else init   # a scale's name, or a number
    weights = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]
    h = rng.normal(size=(batch, width))                  # the inputs h_0, one per row
    grad_h = rng.normal(size=(batch, width))             # dL/dh_50, the gradient at the top
    inputs, z, output_std = [], [], []
    for W in weights:                                    # forward: z_l = W_l h_(l-1), h_l = f(z_l)
        inputs.append(h)
        z.append(h @ W.T)
        h = f(z[-1])
        output_std.append(h.std())
    grad_norm, delta_rms = np.empty(depth), np.empty(depth)
    for i in reversed(range(depth)):                     # backward, from the top layer down
        delta = grad_h * f_prime(z[i])                   # the error signal dL/dz
        grad_norm[i] = np.linalg.norm(delta.T @ inputs[i])   # dL/dW, summed over the batch
        delta_rms[i] = np.sqrt(np.mean(delta ** 2))
        grad_h = delta @ weights[i]                      # W^T delta: dL/dh of the layer below
    if trace is not None:
        trace.update(z_var=[v.var() for v in z], delta_rms=delta_rms,
                     input_rms=[np.sqrt(np.mean(x ** 2)) for x in inputs])
    return grad_norm, np.array(output_std)


def factor(g):
    """(first / last) ** (1/49): the average change from one layer to the next."""
    return (g[0] / g[-1]) ** (1 / (depth - 1))


names = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU",
         "small": "small scale", "xavier": "Xavier", "he": "He"}
header = "   layer 1   layer 50  first/last  factor per layer"


def print_row(g, label):
    print(f"{g[0]:10.2e} {g[-1]:10.2e} {g[0] / g[-1]:11.3g} {factor(g):17.4f}   {label}")


grad, output_std = {}, {}
for act in activations:
    for init in weight_std:
        grad[act, init], output_std[act, init] = gradient_norms(act, init)

stds = ", ".join(f"{weight_std[i]:.3g} ({names[i]})" for i in weight_std)
print(f"weight standard deviation: {stds}")
print(header)
for act, init in grad:
    print_row(grad[act, init], f"{names[act]} {names[init]}")
for act, init in (("tanh", "small"), ("relu", "small")):
    g = grad[act, init]
    print(f"{names[act]} {names[init]}, layers 1 to 50: "
          f"smallest {g.min():.2e}, largest {g.max():.2e}")

# %% [markdown]
# As in [the article's figure](../blog/posts/when-gradients-vanish.md#measured-depth), the sigmoid's gradient shrinks
# at every scale, by a factor between 0.04 and 0.32 per layer. For tanh and ReLU the factor per layer is within 1.2%
# of one, except tanh with He initialisation (1.06: its gradient grows 17.5-fold towards the input); the small scale
# leaves every layer's gradient near $2 \times 10^{-36}$ (tanh) or between $2 \times 10^{-44}$ and $5 \times 10^{-44}$
# (ReLU), as the last two lines show over all 50 layers.
#
# For ReLU all three scales give the same ratio, and every layer's gradient with Xavier is the one with He times the
# same $2^{-49/2}$, because ReLU is positively homogeneous
# ([derived in the article](../blog/posts/when-gradients-vanish.md#measured-depth)). The next cell prints that number
# and the ratio of the Xavier run's gradient to the He run's, layer by layer, smallest and largest;
# set `scale` to `"small"` to compare the small scale with He instead.

# %%
print(f"2^(−49/2) = {2 ** (-49 / 2):.3e}")
scale, base = "xavier", "he"
ratio = grad["relu", scale] / grad["relu", base]
print(f"{names[scale]} / {names[base]}, layer by layer: "
      f"smallest {ratio.min():.6e}, largest {ratio.max():.6e}")

# %% [markdown]
# ## Predicted and measured factors { #predicted-factors }
#
# For the sigmoid near zero, where its mean squared slope $\mathbb{E}[f'^2]$ is about $1/16$, the variance argument
# predicts a factor per layer of $\sqrt{n\sigma_w^2}/4$, with $\sigma_w^2$ the weights' variance.
# The first table compares it with the measured factor.
#
# The second table applies the two corrections given in
# [Initialisation: keeping the product near one](../blog/posts/when-gradients-vanish.md#initialisation):
# $\mathbb{E}[f'^2]$ taken, instead of at zero, at the fixed point $q^*$ of the forward recursion
# $q_{l+1} = n\sigma_w^2\,\mathbb{E}[f(z_l)^2]$, and the factor $2^{1/49}$, because the data entering layer 1 have about
# twice the root mean square of the sigmoid outputs that feed the later layers.
#
# The fixed point is the pre-activation variance that one layer maps to itself; the code reaches it by applying
# `next_variance`, one layer of the recursion, 100 times. `next_variance("sigmoid", n_var_w, q)` computes
# $n\sigma_w^2\,\mathbb{E}[f(z)^2]$ with $f$ the sigmoid and $z$ normal with mean 0 and variance $q$, and
# `gaussian_expectation(g, q)` the mean $\mathbb{E}[g(z)]$ over the same distribution, both by numerical
# integration.
#
# The next two lines find the fixed point at two larger scales, with the variance factor
# $n\sigma_w^2\,\mathbb{E}[f'^2]$ and the share of pre-activations in
# [the flat region](../blog/posts/when-gradients-vanish.md#flat-tails) $|z| > 4.585$; the last line runs the sigmoid
# stack, for three draws, at the second scale.

# %%
from math import erfc

from actsite.experiments.init_spread import next_variance
from actsite.maths.gaussian import gaussian_expectation

print("  n σ_w²   predicted   measured")
for init in weight_std:
    n_var_w = width * weight_std[init] ** 2
    g = grad["sigmoid", init]
    print(f"{n_var_w:8.4g} {np.sqrt(n_var_w) / 4:11.2f} {factor(g):10.2f}   {names[init]}")
print()
print("      q*   E[f′²] at q*   corrected   measured")
for init in weight_std:
    n_var_w, q = width * weight_std[init] ** 2, 1.0
    for _ in range(100):
        q = next_variance("sigmoid", n_var_w, q)
    slope = gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)
    corrected = np.sqrt(n_var_w * slope) * 2 ** (1 / (depth - 1))
    g = grad["sigmoid", init]
    print(f"{q:8.4f} {slope:14.4f} {corrected:11.4f} {factor(g):10.4f}   {names[init]}")
print()
# |z| beyond which the sigmoid's slope is below 0.01:
# σ(1 − σ) = 0.01 at σ = (1 + √0.96)/2, and z = log(σ/(1 − σ))
edge = np.log((1 + np.sqrt(0.96)) / (1 - np.sqrt(0.96)))
for n_var_w in (16, 103):
    q = 1.0
    for _ in range(100):
        q = next_variance("sigmoid", n_var_w, q)
    slope = gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)
    print(f"n σ_w² = {n_var_w}: q* = {q:.2f} (standard deviation {np.sqrt(q):.2f}), "
          f"E[f′²] = {slope:.4f}, variance factor {n_var_w * slope:.2f}, "
          f"{erfc(edge / np.sqrt(2 * q)):.0%} in the flat region")
act = "sigmoid"
wide = [gradient_norms(act, np.sqrt(103 / width), seed=seed)[0] for seed in (0, 1, 2)]
print(f"{names[act]} at n σ_w² = 103, first-to-last ratio, seeds 0, 1, 2: "
      + ", ".join(f"{g[0] / g[-1]:.2f}" for g in wide))

# %% [markdown]
# For Xavier and He the measured factor is a little below $\sqrt{n\sigma_w^2}/4$, and each corrected prediction comes
# within 0.5% of it.
#
# At $n\sigma_w^2 = 16$ the variance factor is only 0.40; it reaches one at 103, where about half of the
# pre-activations lie in the flat region. There the first-to-last ratios of the three draws above lie between 0.69
# and 1.03.
#
# ## The forward pass { #forward-pass }
#
# The forward pass shows the same products, in the standard deviation $s_l$ of each layer's outputs $h_l$
# over all units and inputs. The next cell prints it for layers 1 and 50, with its average change per layer,
# $(s_{50} / s_1)^{1/49}$, for four of the runs; its last line computes where tanh with He initialisation should
# settle.

# %%
print("standard deviation of each layer's output")
print(" layer 1   layer 50   change per layer")
for act, init in (("relu", "xavier"), ("tanh", "small"), ("relu", "he"), ("tanh", "he")):
    s = output_std[act, init]
    per_layer = (s[-1] / s[0]) ** (1 / (depth - 1))
    print(f"{s[0]:8.3g} {s[-1]:10.3g} {per_layer:18.3f}   {names[act]} {names[init]}")
q = 1.0
for _ in range(100):                                     # the forward recursion, He's n σ_w² = 2
    q = next_variance("tanh", 2, q)
label = f"{names['tanh']} {names['he']}"
print(f"{label}, at the recursion's fixed point: pre-activation variance {q:.2f}, "
      f"output standard deviation {np.sqrt(gaussian_expectation(lambda z: tanh(z) ** 2, q)):.3f}")

# %% [markdown]
# With Xavier initialisation the ReLU activations shrink by a factor of about $1/\sqrt{2}$ per layer; tanh with the
# small scale behaves like a linear network, and its activations are multiplied by $\sqrt{0.0256} = 0.16$ at every
# layer. With He initialisation the tanh outputs settle at the fixed point of the
# [forward recursion](../blog/posts/initialisation.md#forward-recursion), which the last line computes: there the
# outputs' standard deviation $\sqrt{\mathbb{E}[\tanh^2 z]}$ is 0.556, against the 0.558 measured at layer 50. The
# ReLU outputs, in this draw (seed 0), drift by under 2% per layer on average, which over 50 layers halves them.
# For ReLU even the direction of the drift depends on the random draw: here the outputs shrink, while in other draws,
# such as seed 1 in [Try this](#try-this) below, they grow.
#
# The gradient of tanh with Xavier initialisation stays nearly level (a first-to-last ratio of 1.34 in the first
# table), although tanh's slope is below one. The next cell splits it into the error signal and the layer's input,
# and does the same for ReLU with He initialisation.

# %%
trace = {}
gradient_norms("tanh", "xavier", trace=trace)
rms, inputs, z_var = trace["delta_rms"], trace["input_rms"], trace["z_var"]
label = f"{names['tanh']} {names['xavier']}"
print(f"{label}, pre-activation variance: {z_var[0]:.3f} at layer 1, {z_var[9]:.4f} at layer 10")
print(f"error signal, root mean square at layer 50 over layer 1: {rms[-1] / rms[0]:.1f} "
      f"(layer 11 over layer 1: {rms[10] / rms[0]:.1f})")
print(f"layer input, root mean square at layer 1 over layer 50: {inputs[0] / inputs[-1]:.1f}")
relu = {}
g, _ = gradient_norms("relu", "he", trace=relu)
signal, layer_input = relu["delta_rms"], relu["input_rms"]
label = f"{names['relu']} {names['he']}"
print(f"{label}, layer 1 over layer 50: weight gradient {g[0] / g[-1]:.2f}, "
      f"error signal {signal[0] / signal[-1]:.2f}, "
      f"layer input {layer_input[0] / layer_input[-1]:.2f}")

# %% [markdown]
# The pre-activation variance falls from 1 to 0.06 over the first ten layers, where tanh's slope
# is furthest below one. The error signal shrinks 7.4-fold on its way down, 3.5-fold within those ten layers alone,
# while the layer inputs grow 9.5-fold towards the data: the two nearly cancel in the weight gradient. For ReLU with He
# initialisation the error signal shrinks only slightly (to 0.78), and the inputs, 2.2 times larger at layer 1 than at
# layer 50, supply most of the ratio of 1.79. The two parts multiply to 1.72, not 1.79: the gradient sums products of
# error signal and input over the batch, so its norm is only roughly the product of their root mean squares.
#
# ## The sigmoid classifier at initialisation { #sigmoid-classifier }
#
# Next, the deep sigmoid classifier of the article's section
# [What stalled layers do to training](../blog/posts/when-gradients-vanish.md#stalled-layers): 10 inputs, eight hidden
# layers of 64 units, 10 outputs, Xavier initialisation. Here it is still at its random initial weights. `voronoi`
# draws its 4000 training points, each labelled with the class of the nearest of 100 random centres (the task of
# [the experiment on dead ReLU units](../blog/posts/dead-relu-units.md#dead-relu-experiment), with its own seed); each
# centre's Voronoi region is the set of points nearest to it, so each class is a union of such regions. `MLP` is a
# plain fully connected network with biases; `forward` returns every layer's pre-activations and outputs, and
# `loss_and_grads` the cross-entropy loss and its exact gradients. For each hidden layer we take the standard
# deviation of every unit's output across the 4000 training points and average it over the units: how different the
# layer's outputs are for different inputs. From the second layer on, the number after × is the factor by which this
# spread changed from the layer below: about a quarter at every layer. Then come the gradient norms of the nine weight
# matrices.

# %%
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP

X, y = voronoi(seed=400)
net = MLP.create((10,) + (64,) * 8 + (10,), "sigmoid", "xavier", seed=0)
_, hs = net.forward(X)
spread = [h.std(axis=0).mean() for h in hs[1:]]
print("hidden layer   mean output   spread across inputs")
for layer, (h, s) in enumerate(zip(hs[1:], spread), start=1):
    change = "" if layer == 1 else f"   ×{s / spread[layer - 2]:.3f}"
    print(f"{layer:12d} {h.mean():13.3f} {s:22.2e}{change}")

_, grads_W, _ = net.loss_and_grads(X, y)
print()
print("layer   gradient norm of its weight matrix")
for layer, g in enumerate(grads_W, start=1):
    note = "   output layer" if layer == len(grads_W) else ""
    print(f"{layer:5d}   {np.linalg.norm(g):.1e}{note}")
share = np.bincount(y).max() / len(y)
print(f"most common class: {share:.1%} of the training points, "
      f"so always answering it gives an error of {1 - share:.3f}")

# %% [markdown]
# The first layer's gradient, about $3 \times 10^{-6}$, is about 1/370,000 of the output layer's.
# The error of 0.834 on the last line is where [the trained network stalls](../blog/posts/when-gradients-vanish.md#stalled-layers):
# no better than always answering the most common class.
# Products of the same kind run through all three sets of results above: they shrink the gradient on the way down, the
# signal on the way up when the scale is too small, and, in the sigmoid classifier, the differences between inputs,
# until the last hidden layer sees almost the same vector for every input.
#
# ## Products of random matrices { #random-products }
#
# The article's section [What fixed it](../blog/posts/when-gradients-vanish.md#what-fixed-it) says that Gaussian random
# weights of variance $1/n$ keep the norm of a signal only on average. A matrix stretches some directions and shrinks
# others; its singular values are these factors, one for each of $n$ perpendicular directions. The next cell multiplies
# 50 random matrices of width 256 with entries of variance $1/256$, for three draws, and prints how many directions the
# product stretches (singular values above 1), the largest stretch, and the share of the 256 directions that it shrinks
# by a factor of more than $10^{7}$ (singular values below $10^{-7}$).

# %%
for seed in (0, 1, 2):
    rng = np.random.default_rng(seed)
    product = np.eye(width)
    for _ in range(depth):
        product = rng.normal(0.0, 1 / np.sqrt(width), size=(width, width)) @ product
    stretch = np.linalg.svd(product, compute_uv=False)   # the singular values, largest first
    print(f"seed {seed}: {np.sum(stretch > 1)} directions stretched, by up to {stretch[0]:.1f}; "
          f"{np.mean(stretch < 1e-7):.0%} shrunk by more than 10^7")

# %% [markdown]
# In every draw a dozen or so directions are stretched, by up to about 10, and about half of the directions are shrunk
# by more than $10^{7}$. A variance rule such as Xavier's or He's fixes the average stretch only, not the stretch
# of every direction.
#
# ## The answer { #answer }
#
# What reaches the first layer is decided, layer by layer, by the activation's slope together with the weight scale.
# The sigmoid's slope is at most 1/4, so at all three scales every layer shrinks the gradient (by a factor between 0.04
# and 0.32, [as the first table shows](#fifty-layer-stack)), and layer 1 gets almost nothing. Tanh and ReLU keep the
# weight gradient's factor per layer near one (tanh with He initialisation, at 1.06, is the exception), but not
# always through the error signal: each layer's input enters the weight gradient too. For the sigmoid the input is a
# small correction ([predicted and measured factors](#predicted-factors)); for tanh with Xavier initialisation its
# growth cancels the error signal's 7.4-fold fall, and for ReLU with He initialisation it supplies most
# of the ratio of 1.79 ([the forward pass](#forward-pass)). The weight scale sets the level of every layer's gradient
# at once: for ReLU, Xavier's is He's times $2^{-49/2}$.
#
# ## Try this { #try-this }
#
# The ReLU first-to-last ratio 1.79 (identical at all three scales) comes from one random draw (seed 0). The cell
# below draws weights, inputs and top gradient with seeds 0 to 11, the twelve draws the article quotes, and prints
# for each the first-to-last ratio of ReLU with He and with Xavier initialisation and of tanh with He, and the change
# per layer of the ReLU outputs with He. Change the seeds or the `runs`, and see which numbers move and which do not.

# %%
runs = (("relu", "he"), ("relu", "xavier"), ("tanh", "he"))
labels = [f"{names[act]} {names[init]}" for act, init in runs]
print(f"first-to-last gradient ratio of three runs, and the {labels[0]} output's change per layer")
print("seed   " + "   ".join(labels) + "   change per layer")
for seed in range(12):
    (g1, s), (g2, _), (g3, _) = (gradient_norms(act, init, seed=seed) for act, init in runs)
    per_layer = (s[-1] / s[0]) ** (1 / (depth - 1))         # the output of the first run
    print(f"{seed:4d} {g1[0] / g1[-1]:9.2f} {g2[0] / g2[-1]:13.2f} {g3[0] / g3[-1]:9.1f} "
          f"{per_layer:18.3f}")

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
