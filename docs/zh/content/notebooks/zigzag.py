# %% [markdown]
# ---
# description: "用有限差分核对一个单元的梯度，并重算之字形实验中各项测量结果的笔记本。"
# ---
# # 笔记本：一个单元的梯度与之字形路径 { #notebook-zigzag }
#
# 这个笔记本重跑文章[《一个单元的梯度：全正输入为何让权重走之字形》](../blog/posts/neuron-gradients-zigzag.md)中的实验，重算其中测得的数字。
#
# ## 一个 sigmoid 单元的梯度 { #notebook-zigzag-gradient }
#
# 取一个 sigmoid 单元，用平方损失 $L = \frac{1}{2}(\sigma(z) - t)^2$（$t$ 为目标值），输入全为正。按链式法则算出的梯度含有激活函数的导数 $f'(z) = \sigma'(z)$，应与有限差分吻合；漏掉这个导数，就对不上了。代码中的 `dL_dout` 是损失对单元输出的导数，即 $\sigma(z) - t$。

# %%
import numpy as np

# actsite 是本站自己的代码，这个笔记本须在本站的代码仓库里运行
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

for values, label in ((finite, "有限差分"), (chain_rule, "带 f′ 的链式法则"),
                      (without_fprime, "不带 f′")):
    print("  ".join(f"{v:+.6f}" for v in values), "  ", label)
print(f"链式法则与有限差分的最大差：{np.max(np.abs(chain_rule - finite)):.1e}")
print(f"漏掉 f′ 时，算出的梯度是正确值的 1/f′(z) = {1 / sigmoid_prime(z):.2f} 倍")
print("更新量（−η × 梯度）的符号："
      + " ".join("+" if s > 0 else "−" for s in np.sign(-chain_rule)))

# %% [markdown]
# 因为输入全为正，更新量的三个分量符号相同。
#
# ## 全正输入与中心化输入上的 SGD { #notebook-zigzag-descent }
#
# 实验对象是平方损失下的线性单元。输入有两种：在 $[0.2, 1]^2$ 上均匀采样的 2000 个点（全为正，就像 sigmoid 层的输出），以及把它们中心化（每个分量减去它在这 2000 个输入上的均值）之后的结果。目标值 $t = \mathbf{w}^{*\top}\mathbf{x}$，其中 $\mathbf{w}^* = (1, -1)$；训练从 $(-1, 1)$ 出发。随机梯度下降（SGD）走 60 步，每步随机取一个[训练样本](../glossary.md#training-point)（训练数据中的一个输入，连同它的目标），学习率 $\eta = 1$。
#
# 符号为什么要紧：每一步让权重 $i$ 改变 $-\eta\,(\mathbf{w}^{\top}\mathbf{x} - t)\,x_i$，即两个权重共用的一个因子乘以 $x_i$，所以各个 $x_i$ 都为正时，两个权重同向移动。而通往目标的方向 $(1, -1)$ 要求 $w_1$ 增大、$w_2$ 减小，由单个训练样本算出的任何一步更新都做不到。
#
# 下一个单元格搭好这个实验并运行它。对每种输入，它打印两个数：让两个权重同向移动的 SGD 步所占的比例；路径比，即 SGD 实际走过的路程除以起点到终点的直线距离，路径笔直时为 1，绕得越厉害越大。可以改一改其中的 `steps=60` 或 `lr=1.0`，再运行一次。

# %%
w_star = np.array([1.0, -1.0])
w_start = np.array([-1.0, 1.0])


def inputs(centred):
    X = np.random.default_rng(0).uniform(0.2, 1.0, size=(2000, 2))
    return X - X.mean(axis=0) if centred else X


def sgd_path(X, steps, lr):
    """SGD 每一步前后的权重；每一步用随机抽取的一个训练样本。"""
    w, path = w_start, [w_start]
    for i in np.random.default_rng(1).integers(len(X), size=steps):
        x = X[i]
        w = w - lr * (w @ x - w_star @ x) * x          # 目标值 t = w∗·x
        path.append(w)
    return np.array(path)


def same_sign_share(path):
    steps = np.diff(path, axis=0)
    return np.mean(np.sign(steps[:, 0]) == np.sign(steps[:, 1]))


def path_ratio(path):
    walked = np.linalg.norm(np.diff(path, axis=0), axis=1).sum()
    return walked / np.linalg.norm(path[-1] - path[0])


for label, centred in (("全正输入", False), ("中心化输入", True)):
    sgd = sgd_path(inputs(centred), steps=60, lr=1.0)
    print(f"{label:　<5}  SGD 同号步占比 {same_sign_share(sgd):6.1%}   "
          f"路径比 {path_ratio(sgd):.2f}")

# %% [markdown]
# 输入全正时，每一步由单个训练样本算出的更新都让两个权重同向移动；中心化之后，大约只有一半如此，路径也直得多。这其中有一部分要归因于有效步长，即 $\eta$ 乘以输入长度平方的均值：中心化缩小了输入，学习率相同时，中心化输入的每一步都更短。下一个单元格让两种输入各跑两次：前两次的有效步长都是较小的 0.106（全正输入取 $\eta = 0.13$，中心化输入取 $\eta = 1$），后两次都是较大的 0.820（全正输入取 $\eta = 1$，中心化输入取 $\eta = 7.7$）。它还打印每次运行结束时离 $\mathbf{w}^*$ 的距离：

# %%
square = {label: np.mean(np.sum(inputs(centred) ** 2, axis=1))
          for label, centred in (("全正输入", False), ("中心化输入", True))}
for label, lr in (("全正输入", square["中心化输入"] / square["全正输入"]), ("中心化输入", 1.0),
                  ("全正输入", 1.0), ("中心化输入", square["全正输入"] / square["中心化输入"])):
    sgd = sgd_path(inputs(label == "中心化输入"), steps=60, lr=lr)
    print(f"{label:　<5}  η {lr:4.2f}   有效步长 {lr * square[label]:.3f}   "
          f"路径比 {path_ratio(sgd):.2f}   离 w∗ {np.linalg.norm(sgd[-1] - w_star):.3g}")

# %% [markdown]
# 无论在哪一种有效步长下，全正输入的路径都比中心化后的更绕；按较小的有效步长，它最后离 $\mathbf{w}^*$ 也远得多。
#
# ## 全批量梯度下降与条件数 { #notebook-zigzag-full-batch }
#
# 全批量梯度下降对 2000 个训练样本的梯度取平均，各分量因而可以有正有负，但输入全正时它仍然很慢，因为不同方向上的曲率相差很大。衡量这种差别的是条件数 $\kappa = \lambda_{\max}/\lambda_{\min}$，即海森矩阵（损失的二阶导数矩阵）最大与最小特征值之比。对这个损失，海森矩阵是 $H = \frac{1}{N}\sum_n \mathbf{x}_n\mathbf{x}_n^{\top}$，平均梯度是 $H(\mathbf{w} - \mathbf{w}^*)$。这里全批量梯度下降的学习率取 $\eta = 1/\lambda_{\max}$（把下一个单元格里的 `1 / eigenvalues.max()` 换成一个具体的数，就能试试别的学习率，但其后的预测只在 $\eta = 1/\lambda_{\max}$ 时成立），一直走到离 $\mathbf{w}^*$ 不到 0.05，至多 500 步。除了特征值，这个单元格还打印起点误差 $\mathbf{w}^{(0)} - \mathbf{w}^*$ 在对应特征向量方向上的分量大小：

# %%
tolerance = 0.05


def hessian(X):
    return X.T @ X / len(X)


def full_batch_steps(X, lr, max_steps=500):
    """全批量梯度下降从 w_start 走到离 w∗ 不到 tolerance 所需的步数，至多 max_steps。"""
    H, w = hessian(X), w_start
    for step in range(max_steps):
        if np.linalg.norm(w - w_star) < tolerance:
            return step
        w = w - lr * H @ (w - w_star)
    return max_steps


condition, gd_steps = {}, {}
for label, centred in (("全正输入", False), ("中心化输入", True)):
    X = inputs(centred)
    eigenvalues, eigenvectors = np.linalg.eigh(hessian(X))
    eta = 1 / eigenvalues.max()
    condition[label] = eigenvalues.max() / eigenvalues.min()
    gd_steps[label] = full_batch_steps(X, lr=eta)
    error_along = np.abs(eigenvectors.T @ (w_start - w_star))
    print(f"{label:　<5}  步数 {gd_steps[label]:3d}   κ {condition[label]:5.2f}   "
          f"特征值 {np.round(eigenvalues, 4)}   "
          f"沿各特征向量的误差 {np.round(error_along, 4)}")

# %% [markdown]
# 学习率取 $1/\lambda_{\max}$ 时，每一步都把最陡方向上的误差一次消掉，而最平坦方向上的误差每一步只缩小为原来的 $1 - 1/\kappa$。误差落在哪个方向，看最后一列就知道：中心化之后，长度 2.83 的误差几乎全在较大特征值的特征向量上，也就是最陡的方向，所以一步就够了；输入全正时，它几乎全在最平坦的方向上，到目标的距离于是按几何级数缩小（这两点的解释见[那篇文章](../blog/posts/neuron-gradients-zigzag.md#ill-conditioning)）：
#
# $$
# \|\mathbf{w}^{(t)} - \mathbf{w}^*\| \approx \Bigl(1 - \frac{1}{\kappa}\Bigr)^{t}\,\|\mathbf{w}^{(0)} - \mathbf{w}^*\|
# $$
#
# 下一个单元格求出它降到容差 0.05 时的 $t$，再向上取整：

# %%
kappa = condition["全正输入"]
predicted = np.log(tolerance / np.linalg.norm(w_start - w_star)) / np.log(1 - 1 / kappa)
print(f"κ = {kappa:.2f}：预测 {predicted:.1f}，即 {int(np.ceil(predicted))} 步；"
      f"实测 {gd_steps['全正输入']} 步")

# %% [markdown]
# ## 动手试试 { #try-this }
#
# 下面的单元格跑六个输入区间，每个区间取 2000 个点，逐一打印实测的条件数、公式 $\kappa = 1 + n\mu^2/v$ 给出的值，以及全批量梯度下降所需的步数（以 500 为上限）。两个输入相互独立时，[那篇文章](../blog/posts/neuron-gradients-zigzag.md#mean-cost)里的这个公式能预测条件数。
#
# 公式里的 $n = 2$ 是输入的个数，$\mu$ 和 $v$ 是每个输入的均值和方差；输入在区间上均匀分布时，$\mu$ 是区间的中点，$v$ 是区间宽度的平方除以 12。实验用的 $[0.2, 1]^2$ 均值为 0.6，宽度为 0.8。前三个区间从实验用的区间起依次抬高下端，均值变大的同时区间也变窄；后三个区间每次只改一处：
#
# - $[0.35, 0.85]^2$ 保持实验的均值，宽度取 $[0.5, 1]^2$ 的 0.5；
# - $[0.35, 1.15]^2$ 保持实验的宽度，均值取 $[0.5, 1]^2$ 的 0.75；
# - $[0.5, 1.3]^2$ 宽度也是 0.8，下端与 $[0.5, 1]^2$ 相同。
#
# 后三个区间里，你猜哪一个最接近 $[0.5, 1]^2$？先用公式把每个区间算一遍，再看下面的输出。往元组里添几个区间，还能看到更多。

# %%
for low, high in ((0.2, 1.0), (0.35, 1.0), (0.5, 1.0), (0.35, 0.85), (0.35, 1.15), (0.5, 1.3)):
    X = np.random.default_rng(0).uniform(low, high, size=(2000, 2))
    eigenvalues = np.linalg.eigvalsh(hessian(X))
    mu, v = (low + high) / 2, (high - low) ** 2 / 12
    print(f"[{low:.2f}, {high:.2f}]²   κ {eigenvalues.max() / eigenvalues.min():5.1f}   "
          f"公式 {1 + 2 * mu**2 / v:5.1f}   "
          f"步数 {full_batch_steps(X, lr=1 / eigenvalues.max()):3d}")

# %% [markdown]
# 下端抬高时，条件数和全批量梯度下降所需的步数随之增长。后三个区间里最接近 $[0.5, 1]^2$ 的是 $[0.35, 0.85]^2$，不过哪一个都离 52.4 很远。可见均值不变时把宽度从 0.8 缩到 0.5，比宽度不变时把均值从 0.6 抬到 0.75 代价更大；下端相同也不会让两个区间相似：$[0.5, 1.3]^2$ 给出 29.8，而不是 52.4。
#
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
