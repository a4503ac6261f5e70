# %% [markdown]
# # 笔记本：一个神经元的梯度与之字形路径 { #notebook-zigzag }
#
# 这个笔记本重跑文章[《一个神经元的梯度：全正输入为何让权重走之字形》](../blog/posts/neuron-gradients-zigzag.md)中的实验，重算其中测得的数字。
#
# ## 一个 sigmoid 单元的梯度 { #notebook-zigzag-gradient }
#
# 取一个 sigmoid 单元，用平方损失 $L = \frac{1}{2}(\sigma(z) - t)^2$（$t$ 为目标值），输入全为正。按链式法则算出的梯度含有激活函数的斜率 $f'(z) = \sigma'(z)$，应与有限差分吻合；漏掉这个斜率，就对不上了。代码中的 `dL_dout` 是损失对单元输出的导数，即 $\sigma(z) - t$。

# %%
import numpy as np

from actsite.maths.functions import sigmoid, sigmoid_prime
from actsite.pages.notebook_text import say, words

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

for label, values in (("finite", finite), ("chain", chain_rule), ("without", without_fprime)):
    say("zigzag_gradient", label=words(f"zigzag_{label}"), values=np.round(values, 6))
say("zigzag_largest", difference=np.max(np.abs(chain_rule - finite)))
say("zigzag_factor", factor=1 / sigmoid_prime(z))
say("zigzag_signs", signs=" ".join("+" if s > 0 else "−" for s in np.sign(-chain_rule)))

# %% [markdown]
# 因为输入全为正，更新量的三个分量符号相同。
#
# ## 全正输入与中心化输入上的 SGD { #notebook-zigzag-descent }
#
# 实验对象是平方损失下的线性单元。输入有两种：在 $[0.2, 1]^2$ 上均匀采样的 2000 个点（全为正，就像 sigmoid 层的输出），以及把它们中心化（每个分量减去它在 2000 个点上的均值）之后的结果。目标值 $t = \mathbf{w}^{*\top}\mathbf{x}$，其中 $\mathbf{w}^* = (1, -1)$；训练从 $(-1, 1)$ 出发。随机梯度下降（SGD）走 60 步，每步随机取一个[训练样本](../glossary.md#training-point)（一个输入连同它的目标），学习率 $\eta = 1$。
#
# 符号为什么要紧：每一步让权重 $i$ 改变 $-\eta\,(\mathbf{w}^{\top}\mathbf{x} - t)\,x_i$，即两个权重共用的一个因子乘以 $x_i$，所以各个 $x_i$ 都为正时，两个权重同向移动。而通往目标的方向 $(1, -1)$ 要求 $w_1$ 增大、$w_2$ 减小，由单个训练样本算出的任何一步更新都做不到。
#
# 对每种情形，下一个单元格打印两个数：让两个权重同向移动的 SGD 步所占的比例；路径比，即 SGD 实际走过的路程除以起点到终点的直线距离，路径笔直时为 1，绕得越厉害越大。可以改一改其中的 `steps=60` 或 `lr=1.0`，再运行一次。

# %%
from actsite.experiments.zigzag import (TOLERANCE, W_START, W_STAR, gd_path, hessian, inputs, path_ratio,
                                        same_sign_fraction, sgd_path)

for label, centred in (("positive", False), ("centred", True)):
    sgd = sgd_path(inputs(centred), steps=60, lr=1.0)
    say("zigzag_sgd", label=words(f"zigzag_{label}"), same=same_sign_fraction(sgd), path=path_ratio(sgd))

# %% [markdown]
# 输入全正时，每一步由单个训练样本算出的更新都让两个权重同向移动；中心化之后，大约只有一半如此，路径也直得多。这其中有一部分要归因于有效步长：中心化缩小了输入，学习率相同时，中心化输入的每一步都更短。下一个单元格让两种输入在两种有效步长（$\eta$ 乘以输入长度平方的均值）下各跑一次：前两次训练都用中心化那次训练的较小有效步长，全正输入为此要把学习率降到 0.13；后两次都用全正输入那次训练的较大有效步长，中心化输入为此要把学习率升到 7.7。它还打印每次训练结束时离 $\mathbf{w}^*$ 有多远：

# %%
square = {label: np.mean(np.sum(inputs(centred) ** 2, axis=1)) for label, centred in (("positive", False), ("centred", True))}
for label, lr in (("positive", square["centred"] / square["positive"]), ("centred", 1.0),
                  ("positive", 1.0), ("centred", square["positive"] / square["centred"])):
    sgd = sgd_path(inputs(label == "centred"), steps=60, lr=lr)
    say("zigzag_matched", label=words(f"zigzag_{label}"), lr=lr, step=lr * square[label], path=path_ratio(sgd),
        distance=np.linalg.norm(sgd[-1] - W_STAR))

# %% [markdown]
# 无论让哪一种有效步长相等，全正输入的路径都比中心化后的绕；按较小的有效步长，它最后离 $\mathbf{w}^*$ 也远得多。
#
# ## 全批量梯度下降与条件数 { #notebook-zigzag-full-batch }
#
# 全批量梯度下降对 2000 个训练样本的梯度取平均，各分量因而可以有正有负，但输入全正时它仍然很慢，因为不同方向上的曲率相差很大。衡量这种差别的是条件数 $\kappa = \lambda_{\max}/\lambda_{\min}$，即海森矩阵（损失的二阶导数矩阵）最大与最小特征值之比。这里全批量梯度下降的学习率取 $\eta = 1/\lambda_{\max}$（即下一个单元格里的 `eta`；把 `1 / eigenvalues.max()` 换成一个具体的数，就能试试别的学习率）：

# %%
condition, gd_steps = {}, {}
for label, centred in (("positive", False), ("centred", True)):
    X = inputs(centred)
    eigenvalues = np.linalg.eigvalsh(hessian(X))
    eta = 1 / eigenvalues.max()
    condition[label] = eigenvalues.max() / eigenvalues.min()
    gd_steps[label] = len(gd_path(X, lr=eta, max_steps=500)) - 1
    say("zigzag_gd", label=words(f"zigzag_{label}"), eigenvalues=np.round(eigenvalues, 4),
        condition=condition[label], tolerance=TOLERANCE, steps=gd_steps[label])

# %% [markdown]
# 学习率取 $1/\lambda_{\max}$ 时，每一步都把最陡方向上的误差一次消掉，而最平坦方向上的误差每一步只缩小为原来的 $1 - 1/\kappa$。中心化之后，从起点到 $\mathbf{w}^*$ 的连线几乎正好沿着最陡的方向，所以一步就够了。输入全正时，这条连线几乎正好沿着最平坦的方向，到目标的距离于是按几何级数缩小（这两点的解释见[那篇文章](../blog/posts/neuron-gradients-zigzag.md#ill-conditioning)）：
#
# $$
# \|\mathbf{w}^{(t)} - \mathbf{w}^*\| \approx \Bigl(1 - \frac{1}{\kappa}\Bigr)^{t}\,\|\mathbf{w}^{(0)} - \mathbf{w}^*\|
# $$
#
# 下一个单元格求出它降到容差 0.05 时的 $t$，再向上取整：

# %%
kappa = condition["positive"]
distance = np.linalg.norm(W_START - W_STAR)
predicted = np.log(TOLERANCE / distance) / np.log(1 - 1 / kappa)
say("zigzag_predicted", kappa=kappa, predicted=predicted, ceiling=int(np.ceil(predicted)),
    measured=gd_steps["positive"])

# %% [markdown]
# ## 动手试试 { #try-this }
#
# 下面的单元格跑六个输入区间。两个输入相互独立时，[那篇文章](../blog/posts/neuron-gradients-zigzag.md#mean-cost)里的 $\kappa = 1 + n\mu^2/v$（这里 $n = 2$）能预测每个区间的条件数。实验用的 $[0.2, 1]^2$ 均值为 0.6，宽度为 0.8。
#
# - $[0.2, 1]^2$、$[0.35, 1]^2$、$[0.5, 1]^2$：下端抬高，均值变大，区间也变窄，条件数和全批量梯度下降所需的步数随之增长（步数以 500 为上限）。
# - $[0.35, 0.85]^2$ 保持实验的均值，宽度取 $[0.5, 1]^2$ 的 0.5：公式给出 35.6，样本为 33.8。
# - $[0.35, 1.15]^2$ 保持实验的宽度，均值取 $[0.5, 1]^2$ 的 0.75：公式给出 22.1，样本为 21.0。
# - $[0.5, 1.3]^2$ 宽度也是 0.8，下端与 $[0.5, 1]^2$ 相同：公式给出 31.4，样本为 29.8。
#
# 可见均值不变时把宽度从 0.8 缩到 0.5，比宽度不变时把均值从 0.6 抬到 0.75 代价更大；下端只通过它决定的均值和宽度起作用。单元格把公式给出的值和样本的值并排打印；往元组里添几个区间，还能看到更多。

# %%
for low, high in ((0.2, 1.0), (0.35, 1.0), (0.5, 1.0), (0.35, 0.85), (0.35, 1.15), (0.5, 1.3)):
    X = np.random.default_rng(0).uniform(low, high, size=(2000, 2))
    eigenvalues = np.linalg.eigvalsh(hessian(X))
    eta = 1 / eigenvalues.max()
    mu, v = (low + high) / 2, (high - low) ** 2 / 12
    say("zigzag_try", low=low, high=high, kappa=eigenvalues.max() / eigenvalues.min(), formula=1 + 2 * mu**2 / v,
        tolerance=TOLERANCE, steps=len(gd_path(X, lr=eta, max_steps=500)) - 1)

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
