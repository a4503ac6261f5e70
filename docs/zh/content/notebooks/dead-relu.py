# %% [markdown]
# # 笔记本：死亡 ReLU 单元，实测与手工构造 { #notebook-dead-relu }
#
# 这是文章[《ReLU 单元为何会死，如何让它们活下来》](../blog/posts/dead-relu-units.md)的配套笔记本。它先打印[文中实验](../blog/posts/dead-relu-units.md#dead-relu-experiment)测得的死亡单元比例。实验在一个人工构造的十分类任务上训练 10-256-256-10 的网络，采用 [He 初始化](../glossary.md#he-initialisation)和普通 [SGD](../glossary.md#sgd)，每步取 64 个训练样本组成小批量，共 600 步，每个学习率 η 各跑三个种子。如果一个隐藏单元在全部 4000 个训练样本上的[预激活值](../glossary.md#pre-activation)（送入 ReLU 的值）都不大于零，即记为死亡；对 Leaky ReLU（负半轴保留 0.01 的斜率，[定义见文章](../blog/posts/dead-relu-units.md#relu-variants)），同样的判据标出的是**不活跃**单元。随后手工构造一个死亡单元，检验它的梯度确实恰好为零。

# %%
import numpy as np

from actsite.experiments import dead_relu
from actsite.experiments.cache import cached
from actsite.pages.notebook_text import say, words, yes_no

r = cached("dead_relu")
widths = dead_relu.SIZES[1:-1]


def values(percentages) -> str:
    return "  ".join(f"{v:4.1f}" for v in percentages)


say("dead_setup", sizes="-".join(map(str, dead_relu.SIZES)), steps=dead_relu.STEPS,
    seeds=words("list_sep").join(map(str, r["seeds"])))
for key in ("relu", "leaky_relu"):
    say(f"dead_header_{key}")
    for i, lr in enumerate(r["learning_rates"]):
        first, second = 100 * r[f"{key}_inactive"][i, :, 0], 100 * r[f"{key}_inactive"][i, :, 1]
        error = 100 * r[f"{key}_error"][i]
        if np.all(np.isnan(error)):
            say("dead_diverged", lr=str(float(lr)))
            continue
        say("dead_row", lr=str(float(lr)), first=values(first), second=values(second), error=values(error))

# %% [markdown]
# 学习率不超过 0.3 时，每层死亡或不活跃的单元至多 2.3%。到了学习率 1.0，ReLU 网络第二层有 40.6–44.5% 的单元死亡，Leaky ReLU 网络第二层不活跃的单元则是 23.8–27.0%；到了学习率 2.0，ReLU 网络第二层有 43.0–52.0% 的单元死亡，Leaky ReLU 网络则发散了。[文章](../blog/posts/dead-relu-units.md#when-they-die)逐步追踪了这些单元是何时死亡的。
#
# 训练开始之前，几乎没有单元是死的。下面几行给出每层 256 个单元中死亡的个数（各个学习率的初始网络完全相同）。

# %%
at_init = np.round(np.array(widths) * r["relu_at_init"][0]).astype(int)
say("dead_header_at_init", units=widths[0])
for seed, (first, second) in zip(r["seeds"], at_init):
    say("dead_at_init", seed=seed, first=first, second=second)

# %% [markdown]
# ## 手工构造一个死亡单元 { #notebook-dead-relu-by-hand }
#
# 取种子 0 的初始网络，以及实验中种子 0 所用的 4000 个训练样本（代码里由 `voronoi(seed=200)` 生成），把第一隐藏层 7 号单元的偏置减去它在全部数据上的最大预激活值，再减去 1。这样，它在 4000 个点上的预激活值都不超过 −1，在原先取到最大值的那个点上恰好等于 −1。用实验本身的判据来数，第一层 256 个单元里恰好死了一个。

# %%
from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

X, y = voronoi(seed=200)
net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
unit = 7
z = net.hidden_preactivations(X)[0][:, unit]
net.biases[0][unit] -= z.max() + 1.0
z = net.hidden_preactivations(X)[0][:, unit]
say("dead_largest_z", unit=unit, z=z.max())
dead_counts = np.round(np.array(widths) * dead_relu.inactive_fraction(net, X)).astype(int)
say("dead_fraction", first=dead_counts[0], second=dead_counts[1], units_1=widths[0], units_2=widths[1])

# %% [markdown]
# 7 号单元就是[文中](../blog/posts/dead-relu-units.md#dead-relu) $\partial L/\partial \mathbf{w}_j$ 和 $\partial L/\partial b_j$ 求和式里 $j = 7$ 的单元。现在它在每个训练样本上的预激活值都不大于零，ReLU 在那里的斜率 $g'(z_7^{(n)})$ 因而都是零；求和式的每一项都乘着这个因子，所以两个梯度应当恰好为零，而不只是很小。这个单元在每个训练样本上的输出都是零，因此从它连到下一层的输出权重，梯度也是零。作为对照，旁边一个没有死亡的单元是能拿到梯度的。

# %%
loss, grads_W, grads_b = net.loss_and_grads(X, y)
incoming, bias, outgoing = grads_W[0][:, unit], grads_b[0][unit], grads_W[1][unit]
say("dead_grads", unit=unit, w=np.abs(incoming).max(), b=bias, out=np.abs(outgoing).max())
assert np.all(incoming == 0.0) and bias == 0.0 and np.all(outgoing == 0.0)
say("dead_live_grads", unit=unit - 1, w=np.abs(grads_W[0][:, unit - 1]).max(), b=grads_b[0][unit - 1])

# %% [markdown]
# 这个单元在第一层，输入就是固定不变的数据，普通 SGD 无法让它复活。以学习率 1.0 走 100 步 SGD，网络的其余部分都在变，它的权重和偏置却与原来逐位相同。

# %%
w_before, b_before = net.weights[0][:, unit].copy(), net.biases[0][unit]
other_before = net.weights[0][:, unit - 1].copy()
batches = minibatches(len(X), 64, np.random.default_rng(0))
steps = 100
for _ in range(steps):
    idx = next(batches)
    net.sgd_step(X[idx], y[idx], 1.0)
say("dead_unchanged", unit=unit, steps=steps, same=yes_no(np.array_equal(net.weights[0][:, unit], w_before) and net.biases[0][unit] == b_before))
say("dead_live_moved", unit=unit - 1, distance=np.linalg.norm(net.weights[0][:, unit - 1] - other_before))
say("dead_still", unit=unit, dead=yes_no(bool(np.all(net.hidden_preactivations(X)[0][:, unit] <= 0))))

# %% [markdown]
# 第二层的单元就不同了：它的输入是第一层的输出，而第一层一直在变。在[文中逐步统计的那几次训练](../blog/posts/dead-relu-units.md#when-they-die)里，学习率 1.0 时，有不少曾在某个检查点死亡的第二层单元，到最后又活了过来：

# %%
history = cached("dead_relu_steps")
for seed, revived, ever in zip(history["seeds"], history["revived"][0], history["ever_dead"][0]):
    say("dead_revived", lr=str(float(history["rates"][0])), seed=seed, revived=revived, ever=ever,
        last=int(history["steps"][-1]))

# %% [markdown]
# ## 动手试试 { #try-this }
#
# 第一张表里没有学习率 0.5。把下面代码里的学习率改成 0.5，再运行这段代码（运行方法见[亲手重跑](#rerun-this)）；运行之前先猜一猜第二层会死掉多大比例：表中种子 0 的第二层在学习率 0.3 时有 2.3% 的单元死亡，在 1.0 时有 40.6%。这段代码会把文中的网络训练一遍（种子 0，600 步），并统计第二层的死亡单元。然后把 `activation` 改成 `"leaky_relu"`：学习率 1.0 时，代码统计的是仍能得到梯度的不活跃单元；学习率 2.0 时，这次训练会发散，输出里也会如实报告。

# %%
lr, seed, activation = 1.0, 0, "relu"
trained_net, X_seed, _, _ = dead_relu.trained(activation, lr, seed)
if not all(np.all(np.isfinite(W)) for W in trained_net.weights):
    say("dead_try_diverged", lr=str(float(lr)), seed=seed, steps=dead_relu.STEPS)
else:
    dead_now = int(round(widths[1] * dead_relu.inactive_fraction(trained_net, X_seed)[1]))
    say("dead_try" if activation == "relu" else "dead_try_inactive", lr=str(float(lr)), seed=seed,
        dead=dead_now, units=widths[1], steps=dead_relu.STEPS, share=100 * dead_now / widths[1])

# %% [markdown]
# 对照一下你的猜测：学习率为 0.5 时，训练结果是：种子 0 的第二层 256 个单元中有 52 个死亡（20.3%），介于这两个比例之间：对这个种子，死亡单元在 0.3 到 1.0 这一段里随学习率逐步增多，而不是到某个学习率才突然出现。

# %% [markdown]
# ## 亲手重跑 { #rerun-this }
#
# 怎样在自己的电脑上改动并重跑这个笔记本，见[《本站是怎样构建的》](../how-this-site-is-built.md#run-it)。
