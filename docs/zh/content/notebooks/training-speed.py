# %% [markdown]
# ---
# description: "在一个合成任务上训练 ReLU 与 tanh 网络，比较两者达到 25% 训练误差各需多少步的笔记本。"
# ---
# # 笔记本：ReLU 与 tanh，达到 25% 误差所需的步数 { #notebook-training-speed }
#
# ReLU 降到 25% 的训练误差所需的步数比 tanh 少吗？在每个学习率下都是这样吗？
#
# 文章《ReLU、稀疏编码与大脑：三种说法各站得住几分？》的[“训练更快”一节](../blog/posts/relu-sparsity-biology.md#training-speed)拿一个小网络来回答这个问题，问题本身和 25% 这个目标都取自 [Krizhevsky、Sutskever 和 Hinton（2012）](https://papers.nips.cc/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html)，结果汇总在一张表里。这个笔记本先演示其中一次训练是怎样跑出来的，再把表背后每个种子的结果打印出来，最后看看[学习率](../glossary.md#learning-rate)为 $\eta = 0.3$ 时有什么变化：这时 ReLU 反而落后。
#
# 任务与[死亡 ReLU 单元的实验](../blog/posts/dead-relu-units.md#dead-relu-experiment)属于同一类人工构造的十分类任务，种子另取：共 4000 个训练样本，每个样本的类别取离它最近的那个随机中心（共 100 个）的类别。一个 10-128-128-128-10 的网络（ReLU 用 [He 初始化](../blog/posts/initialisation.md#he)，tanh 用 [LeCun 初始化](../blog/posts/initialisation.md#lecun)）在这个任务上用随机梯度下降（SGD）训练。训练时[小批量](../glossary.md#mini-batch)大小为 128，并带[动量](../glossary.md#momentum) 0.9（每次更新都保留上一次更新的大部分）。每 25 步（一步即在一个小批量上做一次 SGD 更新）在整个训练集上检查一次误差；每次训练的 $t_{25\%}$（降到 25% 所需的步数，文章里也用这个记号），就是误差首次不超过 25% 的那次检查所在的步数。
#
# 下面的代码把这些写了出来。`voronoi` 抽取这个任务的训练样本，名字来自 Voronoi 区域（离某个中心最近的点的集合）：每个类别都是若干个这样的区域的并集。`MLP` 是一个用 NumPy 写的小网络：`MLP.create` 按给定的尺度抽取初始权重，`sgd_step` 在一个小批量上做一次带动量的 SGD 更新，`error_rate` 是分错的训练样本所占的比例；`minibatches` 每一轮都把训练样本重新随机排序，再逐批发出。

# %%
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

import numpy as np

sizes = (10, 128, 128, 128, 10)
activations = ("relu", "tanh")
init = {"relu": "he", "tanh": "lecun"}
name = {"relu": "ReLU", "tanh": "tanh"}          # 输出里的写法
seeds, every, target = (0, 1, 2), 25, 0.25


def error_curve(activation, lr, seed, steps, stop_at_target=False):
    """训练开始前以及每训练 25 步之后的训练误差。"""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(sizes, activation, init[activation], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    errors = [net.error_rate(X, y)]
    for step in range(1, steps + 1):
        batch = next(batches)
        net.sgd_step(X[batch], y[batch], lr, momentum=0.9)
        if step % every == 0:
            errors.append(net.error_rate(X, y))
            if stop_at_target and errors[-1] <= target:
                break
    return np.array(errors)


def steps_to_target(curve):
    """误差第一次不超过 25% 的那次检查时已训练的步数（始终没有降到就是无穷大）。"""
    hits = np.flatnonzero(curve <= target)
    return every * hits[0] if hits.size else np.inf


# %% [markdown]
# 两种激活函数各训练一次，都用种子 0、$\eta = 0.03$，训练 1000 步。下面每隔 100 步打印一次训练误差，再打印每次训练第一次降到 25% 时的步数：

# %%
curve = {activation: error_curve(activation=activation, lr=0.03, seed=0, steps=1000)
         for activation in activations}
print("步数", *(f"{name[activation]:>6}" for activation in activations), sep="  ")
for k in range(0, 41, 4):
    print(f"{every * k:4d}", *(f"{curve[activation][k]:6.3f}" for activation in activations), sep="  ")
for activation in activations:
    print(f"{name[activation]:4}  第 {steps_to_target(curve[activation])} 步首次降到 25% 或以下")

# %% [markdown]
# 文章里那幅图背后的训练，用的代码与上面的 `error_curve` 相同。这些训练构成一个网格：两种激活函数，$\eta$ 取 0.01、0.03、0.1 三档，每档用种子 0、1、2 各训练一次；每次训练最多 2000 步。每个种子各自抽取数据集、初始权重和小批量的顺序。下一个单元格把这十八次训练重跑一遍，每次在第一次检查到误差降到 25% 时就停下：要数降到 25% 所需的步数，跑到这里就够了。
#
# 对每个学习率，单元格先打印每个种子降到 25% 所需的步数及二者之比（tanh 的步数除以 ReLU 的），再打印三个种子的中位数；中位数之比就是 $\rho$，也就是文章表格里列的那个数（$\rho > 1$ 表示 ReLU 先到）。最后一行让两种激活函数各取三个学习率中自己最好的一个来比较。

# %%
learning_rates = (0.01, 0.03, 0.1)
grid = {activation: np.array([[steps_to_target(error_curve(activation=activation, lr=lr, seed=seed, steps=2000,
                                                           stop_at_target=True))
                               for seed in seeds] for lr in learning_rates])
        for activation in activations}          # 降到 25% 所需的步数：每行一个学习率，每列一个种子


def show(label, steps):
    """打印一行：行标签、两种激活函数各自降到 25% 所需的步数，以及二者之比（tanh 的步数除以 ReLU 的）。"""
    ratio = steps["tanh"] / steps["relu"]
    print(label, *(f"{name[activation]} {steps[activation]:5.0f}" for activation in activations),
          f"比值 {ratio:.2f}", sep="   ")


median = {activation: np.median(grid[activation], axis=1) for activation in activations}
for i, lr in enumerate(learning_rates):
    for j, seed in enumerate(seeds):
        show(f"η = {lr:<4g}  种子 {seed}", {activation: grid[activation][i, j] for activation in activations})
    show(f"η = {lr:<4g}  中位数", {activation: median[activation][i] for activation in activations})
show("各取最好的学习率", {activation: median[activation].min() for activation in activations})

# %% [markdown]
# 网格里的每次训练都是 ReLU 先降到 25%，只有 $\eta = 0.1$ 时有一个种子两者打平。学习率越大，ReLU 的领先越小：$\rho$ 从 $\eta = 0.01$ 时的 2.15 降到 $\eta = 0.1$ 时的 1.20；$\eta = 0.1$ 是两种激活函数在这三个学习率中各自最快的一个。所以各取最好的学习率相比，这里 ReLU 的速度约为 tanh 的 1.2 倍，而 Krizhevsky 等人在 CIFAR-10 上的四层卷积网络是六倍（模型和数据都与这里不同）。在[下面再跑的 $\eta = 0.3$](#beyond-the-grid) 下，两者都更慢，所以四个学习率里最好的仍是 $\eta = 0.1$。如何看待这个差距，见[文章](../blog/posts/relu-sparsity-biology.md#training-speed)中的讨论。
#
# ## 再大一档：η = 0.3 { #beyond-the-grid }
#
# [文章的表格](../blog/posts/relu-sparsity-biology.md#training-speed)还列出了 $\eta = 0.3$ 这一档，这时先后顺序颠倒了：每个种子都是 tanh 先降到 25%，$\rho$ 小于 1。下面的代码就跑这一档；再下一个单元格把每个初始权重或每个输入的最后一位二进制数改一下，再跑一遍。这些训练无一例外都是 tanh 先降到 25%，两种激活函数也都比 $\eta = 0.1$ 时慢，而 ReLU 慢得更多。不过在这个学习率下，确切的步数取决于运算结果的最后几位：只改最后一位二进制数，其中一些步数就会变动一百步甚至更多。

# %%
def run_at_0_3(activation, seed, nudged=None, with_peak=False):
    """η = 0.3 时降到 25% 所需的步数（2000 步内没有降到就是无穷大），以及（with_peak=True 时）在此之前各个小批量上
    隐藏单元预激活值绝对值的最大值（否则为 0）；nudged="weights" 或 "inputs" 表示先把每个初始权重或每个输入的最后一位二进制数改一下。"""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(sizes, activation, init[activation], seed=seed)
    if nudged == "weights":
        for W in net.weights:
            W[...] = np.nextafter(W, np.inf)     # float64 中比它大的下一个数
    elif nudged == "inputs":
        X = np.nextafter(X, np.inf)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    peak = 0.0
    for step in range(1, 2001):
        batch = next(batches)
        if with_peak:                            # 需要再做一次前向传播，所以只在要求时才算
            peak = max(peak, *(np.abs(z).max() for z in net.hidden_preactivations(X[batch])))
        net.sgd_step(X[batch], y[batch], 0.3, momentum=0.9)
        if step % every == 0 and net.error_rate(X, y) <= target:
            return step, peak
    return np.inf, peak


runs = {(activation, seed): run_at_0_3(activation, seed, with_peak=activation == "tanh")
        for activation in activations for seed in seeds}
reach = {run: steps for run, (steps, _) in runs.items()}
for seed in seeds:
    show(f"η = 0.3   种子 {seed}", {activation: reach[activation, seed] for activation in activations})
at_0_1 = learning_rates.index(0.1)
for activation in activations:
    slowdown = [reach[activation, seed] / grid[activation][at_0_1, j] for j, seed in enumerate(seeds)]
    print(f"{name[activation]:4}  η = 0.3 与 η = 0.1 下的步数之比（种子 0、1、2）："
          + "  ".join(f"{s:.1f}" for s in slowdown))
activation = "tanh"
print(f"{name[activation]:4}  降到 25% 之前预激活值绝对值的最大值（种子 0、1、2）："
      + "  ".join(f"{runs[activation, seed][1]:.1f}" for seed in seeds))

# %% [markdown]
# 下一个单元格把上面说的两种改动各做一次：先把每个初始权重、再把每个输入换成 [float64](../glossary.md#float64) 中比它大的下一个数，也就是最后一位二进制数改了一下。每做一种改动，都以 $\eta = 0.3$ 把三个种子重跑一遍，打印各次的步数；最后打印与上面的步数相比最大变动了多少。

# %%
nudged = {(what, activation, seed): run_at_0_3(activation, seed, what)[0]
          for what in ("weights", "inputs") for activation in activations for seed in seeds}
for what, title in (("weights", "每个初始权重"), ("inputs", "每个输入")):
    print(f"{title}的最后一位二进制数改动之后：")
    for seed in seeds:
        show(f"η = 0.3   种子 {seed}", {activation: nudged[what, activation, seed] for activation in activations})
largest = max(abs(nudged[what, activation, seed] - reach[activation, seed]) for what, activation, seed in nudged)
print(f"与上面的步数相比，最大变动 {largest} 步")

# %% [markdown]
# 就上面打印的这些训练而言，tanh 所需步数是 ReLU 的 0.41 到 0.59 倍；ReLU 所需的步数是网格里 $\eta = 0.1$ 时的 4.0 到 5.6 倍，tanh 则是那时的两倍左右。
#
# ## 题外话：死亡的 ReLU 单元 { #dead-units }
#
# $\eta = 0.3$ 时，还有不少 ReLU 单元死亡；这是不是变慢的原因，这几次训练无法判断。如果一个 ReLU 单元在每个训练样本上的预激活值都不大于 0，它就成了**死亡单元**：输出恒为 0，输入权重得不到任何梯度（见[《ReLU 单元为何会死，如何让它们活下来》](../blog/posts/dead-relu-units.md#dead-relu)）。`dead_share` 先把一次 ReLU 训练跑上若干步，再返回第 2 个隐藏层（那篇文章统计的也是这一层）中死亡单元所占的比例。下面数一数前十步之后的死亡单元：

# %%
def dead_share(lr, seed, steps, momentum=0.9):
    """一次 ReLU 训练的前 steps 步之后，第 2 个隐藏层中死亡单元所占的比例。"""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(sizes, "relu", init["relu"], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    for _ in range(steps):
        batch = next(batches)
        net.sgd_step(X[batch], y[batch], lr, momentum=momentum)
    z = net.hidden_preactivations(X)[1]          # 每行一个训练样本，每列一个单元
    return np.mean(np.all(z <= 0, axis=0))


for lr in (0.1, 0.3):
    for seed in seeds:
        share = dead_share(lr=lr, seed=seed, steps=10)
        print(f"η = {lr:<4g}  种子 {seed}   10 步后死亡单元占 {share:4.0%}")

# %% [markdown]
# $\eta = 0.1$ 时，这一层没有一个单元死亡；$\eta = 0.3$ 时，前十步就让其中 30% 到 45% 的单元死亡。
#
# tanh 单元不会这样死亡。tanh 的斜率 $1 - \tanh^2 x$ 在任何 $x$ 处都大于零，不过 $|x| > 10$ 时已不到 $10^{-8}$，饱和的单元照样几乎学不动；ReLU 的斜率则在整条负半轴上都恰好为零。舍入也不会让 tanh 的斜率在这里变成零。这些训练把斜率写成 $4e^{-2|x|}/(1 + e^{-2|x|})^2$ 来计算，它在 [float64](../glossary.md#float64) 中要到 $|x|$ 约 373 才变成零；而 $\eta = 0.3$ 时，tanh 网络在误差降到 25% 之前的最大预激活值远小于 373，各个种子的这个值见 [$\eta = 0.3$ 的第一个单元格](#beyond-the-grid)打印的最后一行。
#
# 上面链接的那篇讲死亡单元的文章发现，$\eta = 0.3$ 时几乎没有单元死亡。它的网络与这里的有几处不同：宽度（256）、深度（两个隐藏层）、小批量大小（64）、统计的时间（600 步之后），而且用的是不带动量的普通 SGD。下一个单元格检验其中的动量。
#
# ### 动量 { #momentum }
#
# 梯度保持不变时，带动量 0.9 的每次更新都加上上一次更新量的十分之九，所以第十步的更新量是普通 SGD 一步（$\eta$ 乘以梯度）的 $1 + 0.9 + 0.9^2 + \dots + 0.9^9 \approx 6.5$ 倍。几处不同里，单是动量一项，就让同样的 $\eta = 0.3$ 在这里的实际更新幅度比那篇文章里不带动量的训练大得多。去掉动量，以 $\eta = 0.3$ 把同样的前十步再跑一遍：

# %%
for seed in seeds:
    share = dead_share(lr=0.3, seed=seed, steps=10, momentum=0.0)
    print(f"η = 0.3   种子 {seed}   不带动量，10 步后死亡单元占 {share:4.0%}")

# %% [markdown]
# 不带动量时，三个种子在 $\eta = 0.3$ 的前十步里，这一层都没有单元死亡。
#
# ## 回答开头的问题 { #answer }
#
# 在这个任务上，学习率不超过 0.1 时，按各种子的中位数计，每一档学习率下 ReLU 降到 25% 所需的步数都比 tanh 少，各取最好的学习率相比，速度约为 tanh 的 1.2 倍；到了 $\eta = 0.3$，每个种子都是 tanh 先到。
#
# ## 动手试试 { #try-this }
#
# 想换一个学习率或种子数一数降到 25% 所需的步数，可以打印 `steps_to_target(error_curve(activation="relu", lr=0.2, seed=3, steps=2000, stop_at_target=True))` 这样的结果。想看看会有多少单元死亡，就改一改下面单元格里的学习率、种子或步数。

# %%
lr, seed, steps = 0.3, 0, 100
share = dead_share(lr=lr, seed=seed, steps=steps)
print(f"η = {lr:g}，种子 {seed}：{steps} 步后，第 2 个隐藏层中有 {share:.0%} 的单元已死亡")

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
