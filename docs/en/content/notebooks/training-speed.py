# %% [markdown]
# # Notebook: ReLU against tanh, steps to 25% error { #notebook-training-speed }
#
# Does ReLU reach a training error of 25% in fewer steps than tanh, and does its lead hold at every
# learning rate? The task is synthetic:
# 4000 points drawn from a 10-dimensional standard normal distribution, each labelled with the class
# of the nearest of 100 random centres, where each centre was given one of 10 classes at random.
#
# A 10-128-128-128-10 network (ReLU with
# [He](../blog/posts/initialisation.md#he) initialisation, tanh with
# [LeCun's](../blog/posts/initialisation.md#lecun)) is trained on it by stochastic gradient descent
# (SGD) with [mini-batches](../glossary.md#mini-batch) of 128 and [momentum](../glossary.md#momentum) 0.9, which carries most of each update into the next.
# The grid of learning rates η is 0.01, 0.03 and 0.1, with three seeds at each rate; each seed draws its own data
# set, initial weights and batch order.
#
# The training error is checked every 25 steps (one step is one SGD update on one mini-batch), and we
# record the first check at which it is at most 25%.
# That is the training error at which
# [Krizhevsky, Sutskever and Hinton (2012)](https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html)
# timed ReLU against tanh in one four-layer convolutional network on CIFAR-10, and found the ReLU
# version six times faster. This notebook prints the numbers behind the section
# [Faster training](../blog/posts/relu-sparsity-biology.md#training-speed) of the article
# *ReLU, sparse codes and the brain: which of the three stories holds up?*
# Its last part asks why ReLU falls behind at η = 0.3: it counts dead units and tests momentum.

# %%
from actsite.experiments import training_speed
from actsite.experiments.cache import cached
from actsite.pages.notebook_text import say, words

import numpy as np

r = cached("training_speed")
say("speed_setup", sizes="-".join(map(str, training_speed.SIZES)), every=int(r["every"]))
for i, lr in enumerate(r["learning_rates"]):
    for j, seed in enumerate(r["seeds"]):
        relu_t, tanh_t = r["reach_relu"][i, j], r["reach_tanh"][i, j]
        say("speed_row", lr=lr, seed=seed, relu=relu_t, tanh=tanh_t, ratio=tanh_t / relu_t)

# %% [markdown]
# ReLU reaches 25% first at each of the three rates above and in every seed, except for one tie at η = 0.1.
# [The article](../blog/posts/relu-sparsity-biology.md#training-speed) summarises each learning rate by $\rho$, the median over the three seeds of tanh's
# step counts divided by the median of ReLU's (so $\rho > 1$ means ReLU got there first), and, as
# Krizhevsky et al. did in their Figure 1, also compares each activation at its best learning rate. ReLU's lead shrinks as
# the rate grows, from $\rho = 2.15$ at η = 0.01 to 1.20 at η = 0.1. Both activations do best at η = 0.1; at
# [η = 0.3, run below](#beyond-the-grid), both are slower, so η = 0.1 is also the best of all four rates.

# %%
relu_median = np.median(r["reach_relu"], axis=1)
tanh_median = np.median(r["reach_tanh"], axis=1)
for lr, a, b in zip(r["learning_rates"], relu_median, tanh_median):
    say("speed_median", lr=lr, relu=a, tanh=b, rho=b / a)
best_relu, best_tanh = relu_median.min(), tanh_median.min()
say("speed_best", tanh=best_tanh, relu=best_relu, ratio=best_tanh / best_relu)

# %% [markdown]
# So, best rate against best rate, ReLU is about 1.2 times as fast as tanh here, against six times in Krizhevsky et al.'s
# convolutional network, and at η = 0.3 tanh is the faster; [the article](../blog/posts/relu-sparsity-biology.md#training-speed)
# weighs the gap.
#
# The full error curves, 1000 steps long, are recorded at η = 0.03, the rate of
# the article's error-curve figure. Where does the median curve of each activation first reach 25%?

# %%
for key in ("relu", "tanh"):
    curve = np.median(r[f"curve_{key}"], axis=0)
    say("speed_curve", key=words("act_" + key), reach=training_speed.steps_to_target(curve), error=curve[-1])

# %% [markdown]
# ## Beyond the grid: η = 0.3 { #beyond-the-grid }
#
# The runs above, like the article's figure, stop at η = 0.1. The article's table also reports
# η = 0.3, and the next cell runs it. There the order reverses: tanh reaches 25% first in every seed, about twice
# as fast, and ReLU needs four to five times as many steps as at η = 0.1.

# %%
reach = {(key, seed): training_speed.steps_to_target(
             training_speed.error_curve(key, 0.3, seed, stop_at_target=True))
         for key in ("relu", "tanh") for seed in training_speed.SEEDS}
for seed in training_speed.SEEDS:
    relu_t, tanh_t = reach["relu", seed], reach["tanh", seed]
    say("speed_row", lr=0.3, seed=seed, relu=relu_t, tanh=tanh_t, ratio=tanh_t / relu_t)

# %% [markdown]
# At η = 0.3 many of ReLU's units also die; whether that causes the slowdown, these runs do not show. A ReLU unit whose pre-activation is at most zero on every
# training point is *dead*: it outputs 0 and its incoming weights get no gradient
# ([Why ReLU units die, and what keeps them alive](../blog/posts/dead-relu-units.md#dead-relu)).
# Count the dead units of the second hidden layer, the layer that article counts, after the first ten steps:

# %%
shares = {(lr, seed): training_speed.dead_share(lr, seed, 10) for lr in (0.1, 0.3) for seed in training_speed.SEEDS}
for (lr, seed), share in shares.items():
    say("speed_dead", lr=lr, seed=seed, steps=10, share=share)

# %% [markdown]
# At η = 0.1 no unit of that layer has died; at η = 0.3 the first ten steps kill 30% to 45% of them, and in
# seed 0 (see [Try this](#try-this)) 46% are dead at step 100. Tanh units cannot die this way: tanh's
# slope is never exactly zero, though it falls below $10^{-8}$ for $|x| > 10$, so a saturated unit still learns
# almost nothing; ReLU's slope is exactly zero on the whole negative half-line.
#
# The linked article on dead units finds almost none at η = 0.3. Its network differs from this one in
# width (256), depth (two hidden layers), batch size (64) and when it counts (after 600 steps), and it
# trains with plain SGD, without momentum. Momentum is the difference tested here.
#
# ### Momentum { #momentum }
#
# Under a steady gradient, momentum 0.9 makes the tenth update 6.5 times the plain step η × gradient
# ($1 + 0.9 + 0.9^2 + \dots + 0.9^9$, since each update adds nine tenths of the previous one),
# so the same η = 0.3 gives a much larger effective step here than in the dead-units article's plain-SGD runs.
# Run the same ten steps at η = 0.3 again, this time without momentum:

# %%
for seed in training_speed.SEEDS:
    say("speed_dead_plain", lr=0.3, seed=seed, steps=10,
        share=training_speed.dead_share(0.3, seed, 10, momentum=0.0))

# %% [markdown]
# Without momentum, this network too loses no unit of that layer in its first ten steps at η = 0.3, so over those
# steps removing momentum is enough to prevent the deaths; whether plain SGD keeps every unit alive later, this cell
# does not show.
#
# ## Try this { #try-this }
#
# Change the learning rate or the seed, or let the network train longer, and see how many units die.

# %%
lr, seed, steps = 0.3, 0, 100
say("speed_dead", lr=lr, seed=seed, steps=steps, share=training_speed.dead_share(lr, seed, steps))

# %% [markdown]
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
