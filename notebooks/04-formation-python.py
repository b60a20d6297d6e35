# %% [markdown]
# # Formal and informal relationships, in Python
#
# The same run files the TypeScript notebooks read, analysed with pandas and matplotlib (Debian's
# `python3-pandas` and `python3-matplotlib`; the kernel is Debian's `/usr/bin/python3`): how many
# formal and informal relationships form each month, by origin, and the paired difference
# between two scenarios, whose sign is that of `lesim compare` (scenario minus baseline).
#
# **Which runs.** The environment variables `LESIM_BASELINE` and `LESIM_COMPARE` name two run directories made with the same
# `--seed`, `--reps` and `--months` (default `out/runs/gde-baseline` and `out/runs/no-programme`,
# relative to this folder, which `notebooks/run.sh` writes); `LESIM_COMPARISON` a directory of
# `lesim compare` of the same two scenarios with the same seed (default `out/runs/compare`), to
# check the signs against. By hand, from the repository root:
#
# ```sh
# npm run build
# node dist/cli/main.js run gde-baseline --reps 10 --out notebooks/out/runs/gde-baseline
# node dist/cli/main.js run no-programme --reps 10 --out notebooks/out/runs/no-programme
# node dist/cli/main.js compare gde-baseline no-programme --reps 10 --out notebooks/out/runs/compare
# ```

# %%
import io
import json
import os
from pathlib import Path

import matplotlib

matplotlib.use("agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

# Text stays text in the SVG, so the chart's title can be found in it (and read by a screen reader).
plt.rcParams.update({"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 10})

# Okabe-Ito colours of the five origins, as in lesim's charts (colour-blind safe).
ORIGIN_COLOURS = {"policy": "#0072B2", "supplier": "#E69F00", "intermediary": "#009E73", "provider": "#CC79A7", "individual": "#D55E00"}


def run_dir(variable: str, default: str) -> Path:
    path = Path(os.environ.get(variable, default))
    if not (path / "manifest.json").is_file():
        raise FileNotFoundError(f"{path}: not a lesim run directory (no manifest.json); set {variable} or run notebooks/run.sh")
    return path


def show_chart(fig, title: str) -> None:
    """Displays a figure as SVG (its title as the text/plain copy) and closes it."""
    # Above the axes (bbox_inches="tight" makes room), so it never overlaps a panel's title.
    fig.suptitle(title, x=0.01, y=1.0, ha="left", va="bottom", fontsize=13, fontweight="bold")
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.3)
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    # nbconvert's HTML export drops image/svg+xml; the text/html copy keeps the chart visible there.
    display({"image/svg+xml": svg, "text/html": svg, "text/plain": title}, raw=True)


# t quantiles (0.975) for the 95% interval of a mean of n values, df = n - 1, as lesim's t975.
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def mean_ci(values: pd.Series) -> tuple[float, float, float]:
    n = len(values)
    mean = float(values.mean())
    if n < 2:
        return mean, float("nan"), float("nan")
    half = (T975[n - 2] if n - 1 <= len(T975) else 1.96) * float(values.std(ddof=1)) / n**0.5
    return mean, mean - half, mean + half


base_dir = run_dir("LESIM_BASELINE", "out/runs/gde-baseline")
other_dir = run_dir("LESIM_COMPARE", "out/runs/no-programme")
manifest = {d: json.loads((d / "manifest.json").read_text()) for d in (base_dir, other_dir)}
name = {d: manifest[d]["scenario"]["name"] for d in (base_dir, other_dir)}
pd.DataFrame(
    {
        "baseline": [name[base_dir], manifest[base_dir]["replications"], manifest[base_dir]["months"], manifest[base_dir]["base_seed"], str(base_dir)],
        "compared with": [name[other_dir], manifest[other_dir]["replications"], manifest[other_dir]["months"], manifest[other_dir]["base_seed"], str(other_dir)],
    },
    index=["scenario", "replications", "months", "base seed", "directory"],
)

# %% [markdown]
# ## Formation by origin
#
# `spectrum.csv` holds, for every month and cell of the spectrum (formality x origin), the
# relationships **formed** that month (`measure = formations`): the mean over replications and its
# 95% interval. Formal relationships come from the programme's instruments (pairings, networks,
# contracts); informal ones from people meeting. Monthly counts are noisy and follow the
# programme's cycles (two-monthly network meetings, quarterly events), so each line is a
# six-month rolling mean of the monthly means, a window that holds whole cycles of both and so
# does not alias them into a sawtooth, and the band the same rolling mean of the interval's ends.

# %%
spectrum = pd.read_csv(base_dir / "spectrum.csv")
formed = spectrum[(spectrum["measure"] == "formations") & spectrum["formality"].isin(["formal", "informal"])].copy()
formed["date"] = pd.to_datetime(formed["date"] + "-01")
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8), sharex=True)
for ax, formality in zip(axes, ["formal", "informal"]):
    for origin, colour in ORIGIN_COLOURS.items():
        cell = formed[(formed["formality"] == formality) & (formed["origin"] == origin)].sort_values("month")
        if cell.empty or cell["mean"].sum() == 0:
            continue
        smooth = cell[["mean", "ci_low", "ci_high"]].rolling(6, min_periods=1, center=True).mean()
        ax.plot(cell["date"], smooth["mean"], color=colour, label=origin, linewidth=1.6)
        ax.fill_between(cell["date"], smooth["ci_low"], smooth["ci_high"], color=colour, alpha=0.18, linewidth=0)
    ax.set_title(f"{formality.capitalize()} relationships formed per month", loc="left", fontsize=11)
    ax.set_ylabel("relationships per month")
    ax.grid(color="#e6e6e6")
    ax.set_ylim(bottom=0)
    ax.xaxis.set_major_locator(mdates.YearLocator(2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
axes[1].legend(title="origin", frameon=False, loc="upper right")
show_chart(fig, f"Formation by origin, {name[base_dir]} ({manifest[base_dir]['replications']} replications, 6-month rolling mean, 95% band)")

# %% [markdown]
# The same formations summed over the whole run, for both scenarios: how many of each kind,
# from each origin, a replication forms on average.

# %%
def totals(run: Path) -> pd.DataFrame:
    s = pd.read_csv(run / "spectrum.csv")
    s = s[(s["measure"] == "formations") & s["formality"].isin(["formal", "informal"])]
    return s.groupby(["formality", "origin"])["mean"].sum().unstack("origin").reindex(columns=list(ORIGIN_COLOURS)).fillna(0)


table = pd.concat({name[base_dir]: totals(base_dir), name[other_dir]: totals(other_dir)}, names=["scenario"])
fig, ax = plt.subplots(figsize=(9, 3.4))
left = pd.Series(0.0, index=table.index)
labels = [f"{s}\n{f}" for s, f in table.index]
for origin, colour in ORIGIN_COLOURS.items():
    ax.barh(labels, table[origin], left=left, color=colour, label=origin)
    left = left + table[origin]
ax.invert_yaxis()
ax.set_xlabel("relationships formed over the run (mean per replication)")
ax.grid(axis="x", color="#e6e6e6")
ax.legend(title="origin", frameon=False, ncol=5, loc="upper center", bbox_to_anchor=(0.5, -0.22))
show_chart(fig, "Formal and informal relationships formed over the run, by origin")
table.round(0)

# %% [markdown]
# ## Paired differences, scenario minus baseline
#
# Replicate k of the two runs has the same seed (`replications.csv`), so the difference of the
# two replicate k's is the scenario's effect on that replicate; the mean of those differences and
# its 95% t interval are what `lesim compare` reports, with the same sign: **scenario minus
# baseline** (here `no-programme` minus `gde-baseline`).

# %%
OUTCOMES = {
    "formal_formations_programme": "formal relationships formed while funded",
    "informal_formations_programme": "informal relationships formed while funded",
    "informal_active_funding_end": "informal relationships active when funding ends",
    "maturity_end_outside": "digital maturity outside the programme at the end (0-1)",
}
if manifest[base_dir]["months"] != manifest[other_dir]["months"]:
    raise ValueError(f"the runs have different horizons ({manifest[base_dir]['months']} and {manifest[other_dir]['months']} months): run both with the same --months")
base_reps = pd.read_csv(base_dir / "replications.csv").set_index("replicate")
other_reps = pd.read_csv(other_dir / "replications.csv").set_index("replicate")
common = base_reps.index.intersection(other_reps.index)
unpaired = [k for k in common if base_reps.at[k, "seed"] != other_reps.at[k, "seed"]]
if unpaired or len(common) < 2:
    raise ValueError(f"the runs are not paired (replicates with different seeds: {unpaired}, in common: {len(common)}): run both with the same --seed and --reps 2 or more")
rows = []
for outcome, label in OUTCOMES.items():
    diff = other_reps.loc[common, outcome] - base_reps.loc[common, outcome]
    mean, low, high = mean_ci(diff)
    rows.append({"outcome": outcome, "label": label, "baseline": base_reps.loc[common, outcome].mean(), "scenario": other_reps.loc[common, outcome].mean(), "difference": mean, "ci_low": low, "ci_high": high, "n": len(diff)})
paired = pd.DataFrame(rows).set_index("outcome")

fig, axes = plt.subplots(len(OUTCOMES), 1, figsize=(9, 1.1 * len(OUTCOMES) + 0.6))
for ax, (outcome, r) in zip(axes, paired.iterrows()):
    ax.axvline(0, color="#555", linestyle=(0, (4, 3)), linewidth=1)
    ax.errorbar([r["difference"]], [0], xerr=[[r["difference"] - r["ci_low"]], [r["ci_high"] - r["difference"]]], fmt="o", color="#0072B2", capsize=4)
    ax.set_yticks([])
    ax.set_title(f"{r['label']}: {r['difference']:+.4g} ({r['ci_low']:+.4g} to {r['ci_high']:+.4g})", loc="left", fontsize=10)
    span = max(abs(r["ci_low"]), abs(r["ci_high"]), 1e-12) * 1.15
    ax.set_xlim(-span, span)
    ax.grid(axis="x", color="#e6e6e6")
fig.tight_layout()
show_chart(fig, f"{name[other_dir]} minus {name[base_dir]}: paired differences with 95% intervals ({len(common)} pairs)")
paired[["label", "baseline", "scenario", "difference", "ci_low", "ci_high", "n"]]

# %% [markdown]
# ## The same signs as `lesim compare`
#
# `lesim compare` of the same two scenarios with the same base seed pairs the same replicates, so
# its differences (`comparison.csv`, scenario minus baseline) must have the signs computed
# here. This cell stops with an error if any does not.

# %%
comparison_dir = Path(os.environ.get("LESIM_COMPARISON", "out/runs/compare"))
if not (comparison_dir / "comparison.csv").is_file():
    raise FileNotFoundError(f"{comparison_dir}/comparison.csv: missing; run lesim compare {name[base_dir]} {name[other_dir]} with the runs' --seed, or set LESIM_COMPARISON")
comparison = pd.read_csv(comparison_dir / "comparison.csv")
comparison = comparison[(comparison["baseline"] == name[base_dir]) & (comparison["scenario"] == name[other_dir])].set_index("outcome")
check = paired[["difference"]].join(comparison[["difference_mean"]].rename(columns={"difference_mean": "lesim compare"}), how="inner")
if len(check) != len(OUTCOMES):
    raise ValueError(f"{comparison_dir}/comparison.csv lacks some of {list(OUTCOMES)} for {name[other_dir]} against {name[base_dir]}")
sign = lambda x: (x > 0) - (x < 0)
check["same sign"] = [sign(a) == sign(b) for a, b in zip(check["difference"], check["lesim compare"])]
if not check["same sign"].all():
    raise AssertionError(f"the paired differences and lesim compare disagree in sign:\n{check}")
print(f"All {len(check)} differences have the sign lesim compare gives ({comparison_dir}).")
check
