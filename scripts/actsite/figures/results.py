"""Figures drawn from the numpy experiments (results come from the experiment cache)."""
from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from actsite.figures.panels import label_panels
from actsite.maths.biology import firing_rate_hz, max_rate_hz, threshold_current_na
from actsite.experiments import training_speed, zigzag
from actsite.experiments.cache import cached
from actsite.maths.functions import ACTIVATIONS, relu

SOFTPLUS_GAP = np.log(2.0)


def draw_zigzag(fig: Figure, colours: dict) -> dict:
    r = cached("zigzag")
    axes = fig.subplots(1, 2, sharey=True)
    grid = np.linspace(-1.5, 1.5, 241)
    w1, w2 = np.meshgrid(grid, grid)
    for ax, label in zip(axes, ("positive", "centred")):
        X = zigzag.inputs(centred=label == "centred")
        loss = zigzag.loss_surface(X, w1, w2)
        # the loss is quadratic in w, so levels spaced as squares draw evenly spaced ellipses down to the minimum
        levels = loss.min() + (loss.max() - loss.min()) * (np.arange(1, 13) / 12) ** 2
        ax.contour(w1, w2, loss, levels=levels, colors=colours["muted"], linewidths=0.7)
        sgd, gd = r[f"{label}_sgd"], r[f"{label}_gd"]
        ax.plot(sgd[:, 0], sgd[:, 1], "-", color=colours["second"], lw=1.3, label=r"SGD")
        ax.plot(gd[:, 0], gd[:, 1], "o-", color=colours["accent"], ms=2.5, lw=1.3, label=r"GD")
        ax.plot(*zigzag.W_STAR, "*", color=colours["text"], ms=10)
        ax.plot(*zigzag.W_START, "s", color=colours["text"], ms=5)
        ax.set_xlabel(r"$w_1$")
        ax.set_xticks([-1, 0, 1])
        ax.set_aspect("equal")
        kappa = float(r[f"{label}_condition"])
    label_panels(axes, [rf"$\kappa={float(r[f'{label}_condition']):.1f}$" for label in ("positive", "centred")])
    axes[0].set_ylabel(r"$w_2$")
    axes[0].set_yticks([-1, 0, 1])
    axes[0].text(-1.4, -1.35, r"$x_i\in[0.2,1]$", color=colours["text"], fontsize=9)
    axes[1].text(-1.4, -1.35, r"$x_i-\bar{x}_i$", color=colours["text"], fontsize=9)
    axes[1].legend(loc="upper right")
    return dict(r)


def draw_relu_vs_tanh_training(fig: Figure, colours: dict) -> dict:
    r = cached("training_speed")
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.5, 1]})
    every = int(r["every"])
    for key, colour, style in (("relu", colours["accent"], "-"), ("tanh", colours["second"], "--")):
        curves = r[f"curve_{key}"]
        steps = np.arange(curves.shape[1]) * every
        left.fill_between(steps, curves.min(axis=0), curves.max(axis=0), color=colour, alpha=0.2, lw=0)
        left.plot(steps, np.median(curves, axis=0), style, color=colour, label=rf"${ACTIVATIONS[key].symbol}$")
    left.axhline(training_speed.TARGET_ERROR, color=colours["text"], lw=0.9, ls=":")
    left.set_xlabel(r"$t$")
    left.set_ylim(0, 0.95)
    left.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))   # the training error, in percent as the text gives it
    left.set_ylabel(r"$\mathrm{err}$")                                     # the text's symbol for the training error
    left.legend()
    left.set_title(rf"(a) $\eta={training_speed.CURVE_LR}$", loc="left", fontsize=11)
    rates = r["learning_rates"]
    for key, colour, marker in (("relu", colours["accent"], "o"), ("tanh", colours["second"], "s")):
        reach = r[f"reach_{key}"]
        right.errorbar(rates, np.median(reach, axis=1),
                       yerr=[np.median(reach, axis=1) - reach.min(axis=1), reach.max(axis=1) - np.median(reach, axis=1)],
                       fmt=marker + "-", color=colour, capsize=3, label=rf"${ACTIVATIONS[key].symbol}$")
    right.set_xscale("log")
    right.set_xticks(rates, [f"{v:g}" for v in rates])
    right.minorticks_off()
    right.set_xlabel(r"$\eta$")
    right.set_title(r"(b) $t_{25\%}$", loc="left", fontsize=11)
    return dict(r)


def draw_gradient_depth(fig: Figure, colours: dict) -> dict:
    r = cached("gradient_depth")
    axes = fig.subplots(1, 3, sharey=True)
    layers = np.arange(1, int(r["depth"]) + 1)
    styles = {"small": (colours["third"], ":"), "xavier": (colours["second"], "--"), "he": (colours["accent"], "-")}
    labels = {"small": r"$\sigma_w=0.01$", "xavier": r"$\mathrm{Xavier},\ \sigma_w^2=\frac{2}{n_\mathrm{in}+n_\mathrm{out}}$",
              "he": r"$\mathrm{He},\ \sigma_w^2=\frac{2}{n_\mathrm{in}}$"}          # the rules' names, as the text uses them
    for ax, act in zip(axes, ("sigmoid", "tanh", "relu")):
        for init, (colour, style) in styles.items():
            ax.semilogy(layers, r[f"{act}_{init}_grad"], style, color=colour, label=labels[init])
        ax.set_xlabel(r"$l$")
    label_panels(axes, [r"$\mathrm{sigmoid}$"] + [rf"${ACTIVATIONS[act].symbol}$" for act in ("tanh", "relu")])
    axes[0].set_ylabel(r"$\|\partial L/\partial W_l\|_F$")
    low, high = axes[0].get_ylim()
    decades = np.arange(np.ceil(np.log10(low) / 10) * 10, np.log10(high) + 1e-9, 10)
    axes[0].set_yticks(10.0 ** decades, [rf"$10^{{{int(d)}}}$" for d in decades])   # every tenth decade
    axes[0].minorticks_off()
    axes[0].set_ylim(low, high)
    axes[2].legend(loc="lower left", fontsize=10)
    return dict(r)


# legend names as the text writes them (the registry's short symbol LReLU is not used in prose)
LEGEND_NAMES = {"relu": r"$\mathrm{ReLU}$", "leaky_relu": r"$\mathrm{Leaky\ ReLU}$"}


def draw_dead_relu(fig: Figure, colours: dict) -> dict:
    r = cached("dead_relu")
    ax = fig.add_subplot()
    rates = r["learning_rates"]
    for key, colour, marker in (("relu", colours["accent"], "o"), ("leaky_relu", colours["second"], "s")):
        frac = 100 * r[f"{key}_inactive"][..., 1]           # second hidden layer
        trained = np.isfinite(frac).any(axis=1)                # all seeds diverged: no point
        medians = np.array([np.median(row[np.isfinite(row)]) if ok else np.nan for row, ok in zip(frac, trained)])
        ax.plot(rates, medians, marker + "-", color=colour, label=LEGEND_NAMES[key])
        for i, rate in enumerate(rates):
            ax.plot([rate] * frac.shape[1], frac[i], marker, color=colour, alpha=0.35, ms=4)
    ax.axhline(40, color=colours["muted"], ls=":", lw=0.9)
    ax.set_xscale("log")
    ax.set_xticks(rates, [f"{v:g}" for v in rates])
    ax.minorticks_off()
    ax.set_xlabel(r"$\eta$")
    ax.set_ylabel(r"$\%$")
    ax.legend(loc="upper left")
    return dict(r)


def draw_sparse_activation(fig: Figure, colours: dict) -> dict:
    r = cached("sparsity")
    left, right = fig.subplots(1, 2)
    x = np.linspace(-4, 4, 801)
    softplus = np.logaddexp(0.0, x)
    left.plot(x, relu(x), color=colours["accent"], label=r"$\max(0,x)$")
    left.plot(x, softplus, "--", color=colours["second"], label=r"$\log(1+e^{x})$")
    left.annotate(r"$\log 2$", (0, SOFTPLUS_GAP), (0.6, 1.6), color=colours["text"],
                  arrowprops={"arrowstyle": "-", "color": colours["muted"]})
    left.set_xlabel(r"$x$")
    left.set_ylabel(r"$f(x)$")
    left.legend(loc="upper left")
    relu_h, sigmoid_h = r["init_relu_first_layer"], r["init_sigmoid_first_layer"]
    bins = np.linspace(0, 3, 61)
    # values beyond 3 fall outside the bins and are left out, rather than piled into the last bin
    right.hist(relu_h, bins=bins, color=colours["accent"], alpha=0.7, density=True,
               label=rf"$\mathrm{{ReLU}}:\ P(h=0)={100 * np.mean(relu_h == 0):.0f}\%$")
    right.hist(sigmoid_h, bins=bins, color=colours["second"], alpha=0.7, density=True,
               label=rf"$\sigma:\ P(h=0)={100 * np.mean(sigmoid_h == 0):.0f}\%$")
    right.set_yscale("log")
    right.set_xlabel(r"$h$")
    right.set_ylabel(r"$p(h)$")
    right.legend(loc="upper right", fontsize=10)
    label_panels((left, right))
    return {"x": x, "gap": softplus - relu(x), **r}


def draw_firing_rate(fig: Figure, colours: dict) -> dict:
    left, right = fig.subplots(1, 2)
    current = np.linspace(0, 10, 1001)
    rate = firing_rate_hz(current)
    threshold = threshold_current_na()
    left.axvspan(0, threshold, color=colours["second"], alpha=0.15, lw=0)
    left.plot(current, rate, color=colours["accent"])
    left.axhline(max_rate_hz(), color=colours["muted"], ls=":", lw=0.9)
    left.text(9.8, max_rate_hz() * 1.015, r"$1/t_{\mathrm{ref}}$", color=colours["text"], va="bottom", ha="right")
    left.set_xlabel(r"$I\ (\mathrm{nA})$")
    left.set_ylabel(r"$r\ (\mathrm{Hz})$")
    left.set_ylim(0, 580)
    x = np.linspace(-6, 6, 601)
    right.plot(x, ACTIVATIONS["sigmoid"].f(x), color=colours["accent"], label=r"$\sigma(x)$")
    right.plot(x, ACTIVATIONS["tanh"].f(x), "--", color=colours["second"], label=r"$\tanh(x)$")
    right.plot(x, relu(x) / 6, ":", color=colours["third"], label=r"$\max(0,x)/6$")
    right.set_xlabel(r"$x$")
    right.set_ylabel(r"$f(x)$")
    right.legend(loc="upper left", fontsize=10)
    label_panels((left, right))
    return {"current": current, "rate": rate, "threshold": threshold}


def draw_stalled_layers(fig: Figure, colours: dict) -> dict:
    r = cached("stalled_layers")
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.3, 1]})
    every = int(r["every"])
    runs = (("sigmoid", colours["second"], "-"), ("sigmoid_frozen", colours["fourth"], ":"),
            ("relu", colours["accent"], "-"))
    labels = {"sigmoid": r"$\mathrm{sigmoid}$",
              "sigmoid_frozen": rf"$\mathrm{{sigmoid}},\ \Delta W_l=\Delta b_l=0,\ l\leq {int(r['frozen'])}$",
              "relu": r"$\mathrm{ReLU}$"}
    for name, colour, style in runs:
        errors = r[f"{name}_error"]
        frozen = name == "sigmoid_frozen"            # drawn on top, with open markers: it lies on the sigmoid run
        left.plot(np.arange(len(errors)) * every, errors, style, color=colour, label=labels[name], lw=2,
                  marker="o" if frozen else None, markevery=3, mfc="none", ms=5, zorder=3 if frozen else 2)
    left.set_xlabel(r"$t$")
    left.set_ylim(0, 1)
    left.legend(loc="center right", fontsize=10)
    layers = np.arange(1, len(r["sigmoid_change"]) + 1)
    width = 0.4
    right.bar(layers - width / 2, r["sigmoid_change"], width, color=colours["second"], label=r"$\mathrm{sigmoid}$")
    right.bar(layers + width / 2, r["relu_change"], width, color=colours["accent"], label=r"$\mathrm{ReLU}$")
    right.set_yscale("log")
    right.set_xticks(layers)
    right.set_xlabel(r"$l$")
    right.set_ylabel(r"$\|W_l-W_l^{(0)}\|_F\,/\,\|W_l^{(0)}\|_F$")
    right.set_ylim(top=right.get_ylim()[1] * 30)         # headroom: the legend sits above the bars
    right.legend(loc="upper left", fontsize=10, ncols=2)
    label_panels((left, right))
    return dict(r)
