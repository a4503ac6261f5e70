# %% [markdown]
# # Notebook: ReLU against tanh, iterations to 25% error { #notebook-training-speed }
#
# This notebook prints the numbers behind the training-speed section of the article
# [ReLU, sparse codes and the brain](../blog/posts/relu-sparsity-biology.md).
# A 10-128-128-128-10 network is trained on a synthetic ten-class task with SGD and
# momentum 0.9, three seeds per learning rate; the training error is checked every 25 iterations,
# and we record the first check at which it is at most 25%.

# %%
import numpy as np

from actsite.experiments import training_speed
from actsite.experiments.cache import cached

r = cached("training_speed")
print("layer sizes:", training_speed.SIZES, "  check every", int(r["every"]), "iterations")
for i, lr in enumerate(r["learning_rates"]):
    for j, seed in enumerate(r["seeds"]):
        relu_t, tanh_t = r["reach_relu"][i, j], r["reach_tanh"][i, j]
        print(f"lr = {lr:<5g} seed {seed}:  ReLU {relu_t:6.0f}   tanh {tanh_t:6.0f}   ratio {tanh_t / relu_t:.2f}")

# %% [markdown]
# The article summarises each learning rate by the ratio of the medians over the three seeds,
# and, after Krizhevsky et al.'s Figure 1, compares each activation at the best of the three rates tried.

# %%
relu_median = np.median(r["reach_relu"], axis=1)
tanh_median = np.median(r["reach_tanh"], axis=1)
for lr, a, b in zip(r["learning_rates"], relu_median, tanh_median):
    print(f"lr = {lr:<5g} median ReLU {a:5.0f}   median tanh {b:5.0f}   rho = {b / a:.2f}")
best_relu, best_tanh = relu_median.min(), tanh_median.min()
print(f"best against best: tanh {best_tanh:.0f} / ReLU {best_relu:.0f} = {best_tanh / best_relu:.2f}")

# %% [markdown]
# The full error curves at learning rate 0.03 are recorded as well. Where does the median curve
# of each activation first reach 25%?

# %%
for key in ("relu", "tanh"):
    curve = np.median(r[f"curve_{key}"], axis=0)
    print(f"{key:4s}: median curve reaches 25% after {training_speed.iterations_to_target(curve):.0f} iterations;"
          f" error after 1000 iterations {curve[-1]:.3f}")
