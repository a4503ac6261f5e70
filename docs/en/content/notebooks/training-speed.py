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
from actsite.pages.notebook_text import say, words

r = cached("training_speed")
say("speed_setup", sizes=training_speed.SIZES, every=int(r["every"]))
for i, lr in enumerate(r["learning_rates"]):
    for j, seed in enumerate(r["seeds"]):
        relu_t, tanh_t = r["reach_relu"][i, j], r["reach_tanh"][i, j]
        say("speed_row", lr=lr, seed=seed, relu=relu_t, tanh=tanh_t, ratio=tanh_t / relu_t)

# %% [markdown]
# The article summarises each learning rate by the ratio of the medians over the three seeds,
# and, after Krizhevsky et al.'s Figure 1, compares each activation at the best of the three rates tried.

# %%
relu_median = np.median(r["reach_relu"], axis=1)
tanh_median = np.median(r["reach_tanh"], axis=1)
for lr, a, b in zip(r["learning_rates"], relu_median, tanh_median):
    say("speed_median", lr=lr, relu=a, tanh=b, rho=b / a)
best_relu, best_tanh = relu_median.min(), tanh_median.min()
say("speed_best", tanh=best_tanh, relu=best_relu, ratio=best_tanh / best_relu)

# %% [markdown]
# The full error curves at learning rate 0.03 are recorded as well. Where does the median curve
# of each activation first reach 25%?

# %%
for key in ("relu", "tanh"):
    curve = np.median(r[f"curve_{key}"], axis=0)
    say("speed_curve", key=words("act_" + key), reach=training_speed.iterations_to_target(curve), error=curve[-1])

# %% [markdown]
# ## Try this { #try-this }
#
# The grid stopped at 0.1. Try the next rate up, 0.3: who is faster now? Another seed is worth a try too.

# %%
lr, seed = 0.3, 0
for key in ("relu", "tanh"):
    curve = training_speed.error_curve(key, lr, seed, stop_at_target=True)
    say("speed_try", lr=lr, seed=seed, key=words("act_" + key), reach=training_speed.iterations_to_target(curve))

# %% [markdown]
# At 0.3 tanh is more than twice as fast (and about twice as fast in the other two seeds): ReLU's lead holds only
# at the smaller learning rates, and even its direction depends on the learning rate.

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
