# %% [markdown]
# ---
# description: "重跑死亡 ReLU 实验中一次训练的笔记本：打印各个学习率下死亡单元所占的比例，再手工构造一个死亡单元。"
# ---
# # 笔记本：死亡 ReLU 单元，实测与手工构造 { #notebook-dead-relu }
#
# 这是文章[《ReLU 单元为何会死，如何让它们活下来》](../blog/posts/dead-relu-units.md)的配套笔记本。它先重跑[文中实验](../blog/posts/dead-relu-units.md#dead-relu-experiment)里的一次训练，打印全部训练测得的死亡单元比例；再手工构造一个死亡单元；最后统计第 2 层里在训练中死亡、到最后又活过来的单元。
#
# 实验训练的是一个 10-256-256-10 的网络，采用 [He 初始化](../glossary.md#he-initialisation)和普通 [SGD](../glossary.md#sgd)（不带动量），每步取 64 个训练样本组成小批量，共 600 步，每个学习率 η 各跑三个种子。如果一个隐藏单元在每个训练样本上的[预激活值](../glossary.md#pre-activation)（送入 ReLU 的值）都不大于零，即记为死亡；对 Leaky ReLU（负半轴保留 0.01 的斜率，[定义见文章](../blog/posts/dead-relu-units.md#relu-variants)），同样的判据标出的是**始终关闭的单元**。
#
# 下一段代码把一次训练完整地写了出来。`start` 为一次训练做准备：用 `voronoi` 生成文中那个十分类任务的 4000 个训练样本（每个点取自标准正态分布，类别由 100 个随机中心里离它最近的那个决定），并生成网络。`train` 在每个小批量上做一次 SGD 更新，`dead_units` 对每个隐藏层套用上面的判据。这段代码以学习率 1.0、种子 0 训练 ReLU 网络，然后统计其中的死亡单元。

# %%
import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

sizes, steps, seeds = (10, 256, 256, 10), 600, (0, 1, 2)
widths = sizes[1:-1]                                    # 两个隐藏层，各 256 个单元


def dead_units(net, X):
    """逐个隐藏层给出：哪些单元在 X 的每一行上预激活值都不大于零。"""
    return [np.all(z <= 0, axis=0) for z in net.hidden_preactivations(X)]


def start(activation, seed):
    """一次训练的起点：训练样本 X 和标签 y、初始网络，以及取之不尽的小批量。"""
    X, y = voronoi(seed=200 + seed)                     # 每个种子有自己的训练样本、
    net = MLP.create(sizes, activation, "he", seed=seed)              # 自己的初始权重（He 初始化）
    batches = minibatches(len(X), 64, np.random.default_rng(seed))    # 和自己的小批量顺序
    return X, y, net, batches


def train(activation, lr, seed):
    """一次训练：返回训练好的网络、它的训练样本 X 和标签 y。"""
    X, y, net, batches = start(activation, seed)
    with np.errstate(over="ignore", invalid="ignore"):  # 发散的训练会溢出，见 diverged()
        for _ in range(steps):
            batch = next(batches)
            net.sgd_step(X[batch], y[batch], lr)
    return net, X, y


def diverged(net):
    return not all(np.all(np.isfinite(W)) for W in net.weights)


names = {"relu": "ReLU", "leaky_relu": "Leaky ReLU"}
state = {"relu": "死亡单元", "leaky_relu": "始终关闭的单元"}
activation, lr, seed = "relu", 1.0, 0
run_net, run_X, run_y = train(activation, lr, seed)
run_first, run_second = dead_units(run_net, run_X)
print(f"{names[activation]}，学习率 {lr}，种子 {seed}，训练 {steps} 步后")
print(f"死亡单元（每层 {widths[0]} 个）："
      f"第 1 层 {run_first.sum()} 个，第 2 层 {run_second.sum()} 个")
print(f"训练误差：{run_net.error_rate(run_X, run_y):.1%}")

# %% [markdown]
# 文章中那张死亡比例随学习率变化的图基于三十次训练（两种激活函数、五个学习率、三个种子），每一次都按上面的方法进行。其中学习率 2.0 的三次 Leaky ReLU 训练发散了，没有留下结果，下面的表格会在那一行注明。下一段代码读取那张图所用的训练结果，并先核对其中种子 0、学习率 1.0 的结果正是上面这一次训练。要重跑其中任何一次，用它的激活函数、学习率和种子调用 `train` 即可，例如学习率 0.3、种子 2 的 Leaky ReLU 网络就是 `train("leaky_relu", 0.3, seed=2)`。
#
# 表中每个学习率占一行，每一栏里的三个数依次对应种子 0、1、2（见第二行表头）。

# %%
from actsite.experiments.cache import cached

saved = cached("dead_relu")      # 三十次训练：死亡或始终关闭的单元所占比例，以及训练误差
i, j = list(saved["learning_rates"]).index(lr), list(saved["seeds"]).index(seed)
assert np.array_equal(saved[f"{activation}_inactive"][i, j], [run_first.mean(), run_second.mean()])
assert saved[f"{activation}_error"][i, j] == run_net.error_rate(run_X, run_y)

for activation in names:
    if activation != "relu":
        print()
    print(f"{names[activation]}：各隐藏层中{state[activation]}所占的比例"
          f"与训练误差（%）")
    print("    η          第 1 层          第 2 层         训练误差")
    print(" 种子      0    1    2      0    1    2      0    1    2")
    for lr, shares, errors in zip(saved["learning_rates"], saved[f"{activation}_inactive"],
                                  saved[f"{activation}_error"]):
        if np.all(np.isnan(errors)):
            print(f"{lr:5}   所有种子都发散了：权重溢出")
            continue
        first, second, error = (" ".join(f"{100 * v:4.1f}" for v in column)
                                for column in (shares[:, 0], shares[:, 1], errors))
        print(f"{lr:5}   {first:>14}   {second:>14}   {error:>14}")

# %% [markdown]
# 学习率不超过 0.3 时，每层死亡或始终关闭的单元至多 2.3%。到了学习率 1.0，ReLU 网络第 2 层约有四成单元死亡，Leaky ReLU 网络第 2 层则约有四分之一的单元始终关闭；到了学习率 2.0，ReLU 网络第 2 层约有一半单元死亡，Leaky ReLU 网络则发散了。[文章](../blog/posts/dead-relu-units.md#when-they-die)逐步追踪了这些单元是何时死亡的。
#
# 训练开始之前，几乎没有单元是死的。下一段代码构造三个种子的初始网络（初始网络与学习率无关），数出每层 256 个单元中死亡的个数。

# %%
print("初始化时的死亡单元（每层 256 个）")
print("种子  第 1 层  第 2 层")
for seed in seeds:
    X_seed, _ = voronoi(seed=200 + seed)
    at_init = dead_units(MLP.create(sizes, "relu", "he", seed=seed), X_seed)
    print(f"{seed:4d} {at_init[0].sum():8d} {at_init[1].sum():8d}")

# %% [markdown]
# ## 手工构造一个死亡单元 { #notebook-dead-relu-by-hand }
#
# 取种子 0 的初始网络，以及实验中种子 0 所用的 4000 个训练样本（代码里由 `voronoi(seed=200)` 生成），把第 1 个隐藏层 7 号单元的偏置减去它在全部数据上的最大预激活值，再减去 1。这样，它在这 4000 个训练样本上的预激活值都不超过 −1，在原先取到最大值的那个训练样本上恰好等于 −1。用实验本身的判据来数，第 1 层 256 个单元里恰好死了一个。

# %%
def signed(x, spec):
    """按 spec 格式化 x，负号写成真正的减号（−），而不是连字符。"""
    return format(x, spec).replace("-", "−")


X, y = voronoi(seed=200)
net = MLP.create(sizes, "relu", "he", seed=0)
unit = 7
z = net.hidden_preactivations(X)[0][:, unit]
net.biases[0][unit] -= z.max() + 1.0
z = net.hidden_preactivations(X)[0][:, unit]
print(f"{unit} 号单元在全部数据上的最大预激活值：{signed(z.max(), '.3f')}")
first, second = dead_units(net, X)
print(f"死亡单元（每层 {widths[0]} 个）："
      f"第 1 层 {first.sum()} 个，第 2 层 {second.sum()} 个")

# %% [markdown]
# 7 号单元就是[文中](../blog/posts/dead-relu-units.md#dead-relu) $\partial L/\partial \mathbf{w}_j$ 和 $\partial L/\partial b_j$ 求和式里 $j = 7$ 的单元。现在它在每个训练样本上的预激活值都不大于零，ReLU 在那里的斜率 $\mathrm{ReLU}'(z_7^{(n)})$ 因而都是零；求和式的每一项都乘着这个因子，所以两个梯度应当恰好为零，而不只是很小。这个单元在每个训练样本上的输出都是零，因此从它连到下一层的输出权重，梯度也是零。作为对照，旁边一个没有死亡的单元是能拿到梯度的。

# %%
loss, grads_W, grads_b = net.loss_and_grads(X, y)
incoming, bias, outgoing = grads_W[0][:, unit], grads_b[0][unit], grads_W[1][unit]
live_in, live_bias, live_out = grads_W[0][:, unit - 1], grads_b[0][unit - 1], grads_W[1][unit - 1]
rows = {"输入权重梯度的最大绝对值": (np.abs(incoming).max(), np.abs(live_in).max()),
        "偏置梯度": (bias, live_bias),
        "输出权重梯度的最大绝对值": (np.abs(outgoing).max(), np.abs(live_out).max())}
# 全角空格补齐，使各列对齐
print(f"{'梯度':　<12}  已死亡的 {unit} 号单元   未死亡的 {unit - 1} 号单元")
for label, (dead, live) in rows.items():
    print(f"{label:　<12}  {dead:17g} {signed(live, '19.4f')}")
assert np.all(incoming == 0.0) and bias == 0.0 and np.all(outgoing == 0.0)

# %% [markdown]
# 这个单元在第 1 层，输入就是固定不变的数据，普通 SGD 无法让它复活。以学习率 1.0 走 100 步 SGD，网络的其余部分都在变，它的权重和偏置却与原来一位不差。

# %%
w_before, b_before = net.weights[0][:, unit].copy(), net.biases[0][unit]
other_before = net.weights[0][:, unit - 1].copy()
batches = minibatches(len(X), 64, np.random.default_rng(0))
for _ in range(100):
    batch = next(batches)
    net.sgd_step(X[batch], y[batch], 1.0)
same = np.array_equal(net.weights[0][:, unit], w_before) and net.biases[0][unit] == b_before
moved = np.linalg.norm(net.weights[0][:, unit - 1] - other_before)
still_dead = bool(np.all(net.hidden_preactivations(X)[0][:, unit] <= 0))
print("以学习率 1.0 走 100 步 SGD 之后：")
print(f"  {unit} 号单元的权重和偏置是否与原来一位不差：{'是' if same else '否'}")
print(f"  未死亡的 {unit - 1} 号单元：输入权重移动的欧氏距离为 {moved:.3f}")
print(f"  {unit} 号单元是否仍然死亡（在每个训练样本上预激活值都 ≤ 0）："
      f"{'是' if still_dead else '否'}")

# %% [markdown]
# 第 2 层的单元就不同了：它的输入是第 1 层的输出，而第 1 层一直在变。[文中逐步统计的那几次训练](../blog/posts/dead-relu-units.md#when-they-die)把训练重放一遍，前 20 步每步都检查哪些单元是死的，之后到第 100 步每 5 步检查一次，再往后每 10 步一次。下一段代码按同样的检查点，把学习率 1.0 的三次训练重新跑一遍，统计第 2 层里曾在某次更新之后死亡、到最后又活过来的单元：这样的单元不少。

# %%
checked = sorted({*range(21), *range(25, 101, 5), *range(110, steps + 1, 10)})
print("学习率 1.0 时的第 2 层单元")
print(f"种子   曾在某次更新后死亡   其中到第 {steps} 步已复活")
for seed in seeds:
    X, y, net, batches = start("relu", seed)
    dead_then = []
    for step in range(steps + 1):
        if step in checked:
            dead_then.append(dead_units(net, X)[1])
        if step < steps:
            batch = next(batches)
            net.sgd_step(X[batch], y[batch], 1.0)
    ever = np.any(dead_then[1:], axis=0)                # 第 0 步还没有任何更新
    revived = ever & ~dead_then[-1]
    print(f"{seed:4d} {ever.sum():20d} {revived.sum():23d}")

# %% [markdown]
# ## 动手试试 { #try-this }
#
# ReLU 那张表里没有学习率 0.5。表中种子 0 的第 2 层在学习率 0.3 时有 2.3% 的单元死亡，在 1.0 时有 40.6%。先别运行，猜一猜学习率 0.5 时它会死掉多大比例，再把下面代码里的学习率改成 0.5，重新运行这段代码（运行方法见[亲手重跑](#rerun-this)）。这段代码会把文中的网络训练一遍（种子 0，600 步），并统计第 2 层的死亡单元。然后把 `activation` 改成 `"leaky_relu"`：学习率 1.0 时，代码统计的是始终关闭的单元，它们仍能得到梯度；学习率 2.0 时，这次训练会发散，输出里也会如实报告。

# %%
lr, seed, activation = 1.0, 0, "relu"
try_net, try_X, _ = train(activation, lr, seed)
if diverged(try_net):
    print(f"{names[activation]}，学习率 {lr}，种子 {seed}：发散了，权重溢出")
else:
    count = dead_units(try_net, try_X)[1].sum()
    print(f"{names[activation]}，学习率 {lr}，种子 {seed}：第 2 层 {widths[1]} 个单元中，"
          f"{count} 个是{state[activation]}（{count / widths[1]:.1%}）")

# %% [markdown]
# ??? note "答案"
#
#     对照一下你的猜测：学习率为 0.5 时，种子 0 的第 2 层 256 个单元中有 52 个死亡（20.3%），介于这两个比例之间。可见对这个种子，到 0.5 时死亡比例已经升了一截；它在 0.3 与 1.0 之间具体从哪里升起、升得多快，要多测几个学习率才知道。

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
