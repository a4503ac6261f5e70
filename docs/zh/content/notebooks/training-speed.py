# %% [markdown]
# # 笔记本：ReLU 与 tanh，达到 25% 误差所需的迭代次数 { #notebook-training-speed }
#
# 这个笔记本打印文章[《ReLU、稀疏编码与大脑：三种说法各站得住几分？》](../blog/posts/relu-sparsity-biology.md)中“训练更快”一节用到的数字。一个 10-128-128-128-10 的网络在人工构造的十分类任务上用带动量 0.9 的 SGD 训练，每个学习率跑三个种子；每 25 次迭代检查一次训练误差，记下误差首次不超过 25% 的那次检查。

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
# 文章用三个种子的中位数之比来概括每个学习率，并仿照 Krizhevsky 等人的图 1，取试过的三个学习率中各自最好的那个再比较一次。

# %%
relu_median = np.median(r["reach_relu"], axis=1)
tanh_median = np.median(r["reach_tanh"], axis=1)
for lr, a, b in zip(r["learning_rates"], relu_median, tanh_median):
    print(f"lr = {lr:<5g} median ReLU {a:5.0f}   median tanh {b:5.0f}   rho = {b / a:.2f}")
best_relu, best_tanh = relu_median.min(), tanh_median.min()
print(f"best against best: tanh {best_tanh:.0f} / ReLU {best_relu:.0f} = {best_tanh / best_relu:.2f}")

# %% [markdown]
# 学习率 0.03 下的完整误差曲线也记录了下来。两种激活的中位数曲线各在何时首次降到 25%？

# %%
for key in ("relu", "tanh"):
    curve = np.median(r[f"curve_{key}"], axis=0)
    print(f"{key:4s}: median curve reaches 25% after {training_speed.iterations_to_target(curve):.0f} iterations;"
          f" error after 1000 iterations {curve[-1]:.3f}")
