# %% [markdown]
# ---
# description: "A notebook that checks one unit's gradient against finite differences and recomputes the measurements of the zig-zag experiment."
# ---
# # Notebook: one unit's gradient and the zig-zag { #notebook-zigzag }
#
# This notebook reruns the experiment of the article
# [One unit, its gradient, and why all-positive inputs make weights zig-zag](../blog/posts/neuron-gradients-zigzag.md)
# and recomputes its measurements.
#
# ## The gradient of one sigmoid unit { #notebook-zigzag-gradient }
#
# Take one sigmoid unit with squared loss $L = \frac{1}{2}(\sigma(z) - t)^2$ for a target $t$, and all-positive inputs.
# The gradient from the chain rule, which includes the activation's derivative $f'(z) = \sigma'(z)$, should
# match finite differences; the formula that drops it should not. In the code, `dL_dout` is the loss's
# derivative with respect to the unit's output, $\sigma(z) - t$.

# %%
import numpy as np

# actsite is the site's own code, so run this notebook inside the site's repository
from actsite.maths.functions import sigmoid, sigmoid_prime

x = np.array([0.3, 0.8, 0.6])
w = np.array([0.5, -1.0, 0.7])
b, t = 0.1, 1.0


def loss(weights):
    return 0.5 * (sigmoid(weights @ x + b) - t) ** 2


z = w @ x + b
dL_dout = sigmoid(z) - t
chain_rule = dL_dout * sigmoid_prime(z) * x
without_fprime = dL_dout * x
h = 1e-6
finite = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])

for values, label in ((finite, "finite differences"), (chain_rule, "chain rule with f′"),
                      (without_fprime, "without f′")):
    print("  ".join(f"{v:+.6f}" for v in values), "  ", label)
print("largest difference, chain rule against finite differences: "
      f"{np.max(np.abs(chain_rule - finite)):.1e}")
print(f"without f′ the computed gradient is 1/f′(z) = {1 / sigmoid_prime(z):.2f} "
      "times the correct one")
print("signs of the update −η × gradient: "
      + " ".join("+" if s > 0 else "−" for s in np.sign(-chain_rule)))

# %% [markdown]
# All three components of the update have the same sign, because the inputs are all positive.
#
# ## SGD on positive and centred inputs { #notebook-zigzag-descent }
#
# The experiment: a linear unit with squared loss, 2000 inputs drawn uniformly from
# $[0.2, 1]^2$ (all positive, like the outputs of a sigmoid layer) or the same inputs centred (each coordinate minus its mean over the
# 2000 points), and targets $t = \mathbf{w}^{*\top}\mathbf{x}$ with $\mathbf{w}^* = (1, -1)$; training
# starts from $(-1, 1)$. Stochastic gradient descent (SGD) takes 60 steps, each on one random [training point](../glossary.md#training-point) (one input of the training data, together with its target), at
# learning rate $\eta = 1$.
#
# Why the signs matter: each step changes weight $i$ by $-\eta\,(\mathbf{w}^{\top}\mathbf{x} - t)\,x_i$, one
# factor shared by both weights times $x_i$, so when every $x_i$ is positive both weights move the same way.
# The way to the target, $(1, -1)$, needs $w_1$ to grow while $w_2$ shrinks, which no such step can do.
#
# The next cell sets up this experiment and runs it. For each kind of input it prints the share of SGD steps that
# move both weights the same way, and the path ratio: the length of the path SGD walked divided by the straight
# distance from its start to its end (1 for a straight path, larger the more it winds). To try other runs, change
# `steps=60` or `lr=1.0` and rerun the cell.

# %%
w_star = np.array([1.0, -1.0])
w_start = np.array([-1.0, 1.0])


def inputs(centred):
    X = np.random.default_rng(0).uniform(0.2, 1.0, size=(2000, 2))
    return X - X.mean(axis=0) if centred else X


def sgd_path(X, steps, lr):
    """The weights before and after each SGD step; each step uses one training point
    drawn at random."""
    w, path = w_start, [w_start]
    for i in np.random.default_rng(1).integers(len(X), size=steps):
        x = X[i]
        w = w - lr * (w @ x - w_star @ x) * x          # the target is t = w∗·x
        path.append(w)
    return np.array(path)


def same_sign_share(path):
    steps = np.diff(path, axis=0)
    return np.mean(np.sign(steps[:, 0]) == np.sign(steps[:, 1]))


def path_ratio(path):
    walked = np.linalg.norm(np.diff(path, axis=0), axis=1).sum()
    return walked / np.linalg.norm(path[-1] - path[0])


for label, centred in (("positive", False), ("centred", True)):
    sgd = sgd_path(inputs(centred), steps=60, lr=1.0)
    print(f"{label:8}  same-sign SGD steps {same_sign_share(sgd):6.1%}   "
          f"path ratio {path_ratio(sgd):.2f}")

# %% [markdown]
# With positive inputs every step from a single training point moves both weights the same way; after centring,
# about half of them do, and the path is far straighter. Part of the difference comes from the effective step size, $\eta$ times the
# mean squared length of the inputs: centring shrinks the inputs, so at the same learning rate the centred steps are
# shorter. The next cell runs both kinds of input at both effective step sizes. The first two runs share the smaller
# effective step size, 0.106 ($\eta = 0.13$ on the positive inputs, $\eta = 1$ on the centred ones); the last two share
# the larger, 0.820 ($\eta = 1$ on the positive inputs, $\eta = 7.7$ on the centred ones). It also prints how far each
# run ends from $\mathbf{w}^*$:

# %%
square = {label: np.mean(np.sum(inputs(centred) ** 2, axis=1))
          for label, centred in (("positive", False), ("centred", True))}
for label, lr in (("positive", square["centred"] / square["positive"]), ("centred", 1.0),
                  ("positive", 1.0), ("centred", square["positive"] / square["centred"])):
    sgd = sgd_path(inputs(label == "centred"), steps=60, lr=lr)
    print(f"{label:8}  η {lr:4.2f}   effective step size {lr * square[label]:.3f}   "
          f"path ratio {path_ratio(sgd):.2f}   "
          f"distance from w∗ {np.linalg.norm(sgd[-1] - w_star):.3g}")

# %% [markdown]
# At either matched effective step size the positive path still winds more than the centred one, and at the
# smaller one it ends far from $\mathbf{w}^*$.
#
# ## Full-batch gradient descent and the condition number { #notebook-zigzag-full-batch }
#
# Full-batch gradient descent averages the gradient over all 2000 training points, so its
# components can have both signs. With positive inputs it is still slow, because the curvature
# differs a lot between directions. The condition number $\kappa = \lambda_{\max}/\lambda_{\min}$, the
# ratio of the largest to the smallest eigenvalue of the Hessian (the matrix of the loss's second
# derivatives), measures that difference. For this loss the Hessian is $H = \frac{1}{N}\sum_n \mathbf{x}_n\mathbf{x}_n^{\top}$,
# and the averaged gradient is $H(\mathbf{w} - \mathbf{w}^*)$. Full-batch gradient descent runs here at the learning rate
# $\eta = 1/\lambda_{\max}$ (to try another rate, replace `1 / eigenvalues.max()` in the next cell by a number; the
# prediction after it assumes $\eta = 1/\lambda_{\max}$)
# until it is within 0.05 of $\mathbf{w}^*$, for at most 500 steps. Beside the eigenvalues the cell prints how much of
# the starting error $\mathbf{w}^{(0)} - \mathbf{w}^*$ lies along the eigenvector of each:

# %%
tolerance = 0.05


def hessian(X):
    return X.T @ X / len(X)


def full_batch_steps(X, lr, max_steps=500):
    """Full-batch steps from w_start until within `tolerance` of w∗, at most max_steps."""
    H, w = hessian(X), w_start
    for step in range(max_steps):
        if np.linalg.norm(w - w_star) < tolerance:
            return step
        w = w - lr * H @ (w - w_star)
    return max_steps


condition, gd_steps = {}, {}
for label, centred in (("positive", False), ("centred", True)):
    X = inputs(centred)
    eigenvalues, eigenvectors = np.linalg.eigh(hessian(X))
    eta = 1 / eigenvalues.max()
    condition[label] = eigenvalues.max() / eigenvalues.min()
    gd_steps[label] = full_batch_steps(X, lr=eta)
    error_along = np.abs(eigenvectors.T @ (w_start - w_star))
    print(f"{label:8}  steps {gd_steps[label]:3d}   κ {condition[label]:5.2f}   "
          f"eigenvalues {np.round(eigenvalues, 4)}   "
          f"error along each eigenvector {np.round(error_along, 4)}")

# %% [markdown]
# At the learning rate $1/\lambda_{\max}$ each step clears the error along the steepest direction and keeps
# the fraction $1 - 1/\kappa$ of it along the flattest. The last column shows where the error lies. After centring,
# almost all of its length 2.83 lies along the eigenvector of the larger eigenvalue, the steepest direction, which is
# why one step sufficed. With positive inputs almost all of it lies along the flattest, so the distance shrinks
# geometrically ([the article](../blog/posts/neuron-gradients-zigzag.md#ill-conditioning) explains both):
#
# $$
# \|\mathbf{w}^{(t)} - \mathbf{w}^*\| \approx \Bigl(1 - \frac{1}{\kappa}\Bigr)^{t}\,\|\mathbf{w}^{(0)} - \mathbf{w}^*\|
# $$
#
# The next cell solves for the $t$ at which this reaches the tolerance 0.05 and rounds it up:

# %%
kappa = condition["positive"]
predicted = np.log(tolerance / np.linalg.norm(w_start - w_star)) / np.log(1 - 1 / kappa)
print(f"κ = {kappa:.2f}: predicted {predicted:.1f}, so {int(np.ceil(predicted))} steps; "
      f"measured {gd_steps['positive']}")

# %% [markdown]
# ## Try this { #try-this }
#
# The cell below runs six input ranges of 2000 points each. For each it prints the sample's condition number, the
# value of $\kappa = 1 + n\mu^2/v$, which predicts it for independent inputs
# ([the article](../blog/posts/neuron-gradients-zigzag.md#mean-cost)), and the number of full-batch steps (the count
# stops at 500).
#
# In the formula, $n = 2$ is the number of inputs, and $\mu$ and $v$ are each input's mean and variance; for inputs
# uniform on a range, $\mu$ is its midpoint and $v$ its width squared over 12. The experiment's $[0.2, 1]^2$ has mean
# 0.6 and width 0.8. The first three ranges start from the experiment's and raise the lower
# end, which raises the mean and narrows the range at once; the last three change one thing at a time:
#
# - $[0.35, 0.85]^2$ keeps the experiment's mean and takes the width 0.5 of $[0.5, 1]^2$;
# - $[0.35, 1.15]^2$ keeps the experiment's width and takes the mean 0.75 of $[0.5, 1]^2$;
# - $[0.5, 1.3]^2$ has the width 0.8 and the lower end of $[0.5, 1]^2$.
#
# Which of the last three would you expect to come closest to $[0.5, 1]^2$? Work out the formula for each first, then
# read the output below.
# To see more, add ranges to the tuple.

# %%
for low, high in ((0.2, 1.0), (0.35, 1.0), (0.5, 1.0), (0.35, 0.85), (0.35, 1.15), (0.5, 1.3)):
    X = np.random.default_rng(0).uniform(low, high, size=(2000, 2))
    eigenvalues = np.linalg.eigvalsh(hessian(X))
    mu, v = (low + high) / 2, (high - low) ** 2 / 12
    print(f"[{low:.2f}, {high:.2f}]²   κ {eigenvalues.max() / eigenvalues.min():5.1f}   "
          f"formula {1 + 2 * mu**2 / v:5.1f}   "
          f"steps {full_batch_steps(X, lr=1 / eigenvalues.max()):3d}")

# %% [markdown]
# As the lower end rises, the condition number and the number of full-batch steps grow. Of the last three ranges, the
# closest to $[0.5, 1]^2$ is $[0.35, 0.85]^2$, though none comes near its 52.4. So at a fixed mean, narrowing the
# range from 0.8 to 0.5 costs more than raising the mean from 0.6 to 0.75 at a fixed width, and sharing the lower end
# does not make two ranges alike: $[0.5, 1.3]^2$ gives 29.8, not 52.4.
#
# ## Rerun this { #rerun-this }
#
# To change this notebook and run it again on your own machine, see [How this site is built](../how-this-site-is-built.md#run-it).
