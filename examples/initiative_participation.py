"""Which governments take part in which initiatives?

Builds the government-by-initiative matrix of the bundled dataset from the
initiatives' participants, prints the governments in the most initiatives and
saves the matrix as a chart: one row an initiative (its name read across), one
column a government, a dot where it takes part, coloured by the initiative's
first pathway.

    python examples/initiative_participation.py --output plots/
"""

import argparse
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from _style import NO_PATHWAY, PATHWAY_COLOURS, quiet  # beside this script
from matplotlib.lines import Line2D

import iclei_model as im
from iclei_model.formatting import format_pathway
from iclei_model.tables import to_pandas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="east-asia-2019")
    parser.add_argument("--output", type=Path, default=Path("."))
    args = parser.parse_args()

    ds = im.load_dataset(args.dataset)
    initiatives = to_pandas(ds, "initiatives")
    organisations = to_pandas(ds, "organisations")
    taking_part = (
        initiatives[["id", "name", "participants"]]
        .explode("participants")
        .dropna(subset=["participants"])
        .merge(
            organisations[["id", "name", "country"]],
            left_on="participants",
            right_on="id",
            suffixes=("_initiative", "_government"),
        )
    )
    matrix = pd.crosstab(taking_part["name_government"], taking_part["name_initiative"])
    counts = matrix.sum(axis="columns").sort_values(ascending=False, kind="stable")

    print(f"{len(matrix)} governments take part in {matrix.shape[1]} initiatives.")
    print("Governments in the most initiatives:")
    for name, count in counts.head(10).items():
        joined = ", ".join(matrix.columns[matrix.loc[name] > 0])
        print(f"  {name}: {count} ({joined})")

    # initiatives down the side (long names read across), governments along the top
    by_size = matrix.sum(axis="index").sort_values(ascending=False, kind="stable")
    grid = matrix.loc[counts.index, by_size.index].T
    first_pathway = {str(i.name): (i.pathways[0] if i.pathways else None) for i in ds.initiatives}
    fig, ax = plt.subplots(figsize=(0.36 * grid.shape[1] + 5.5, 0.36 * len(grid) + 2.2))
    for y, initiative in enumerate(grid.index):
        pathway = first_pathway.get(initiative)
        colour = PATHWAY_COLOURS[pathway] if pathway else NO_PATHWAY
        xs = [x for x, taking in enumerate(grid.loc[initiative]) if taking]
        ax.scatter(xs, [y] * len(xs), s=70, color=colour, zorder=3)
    ax.set_yticks(range(len(grid)))
    ax.set_yticklabels(
        [textwrap.shorten(n, 58, placeholder="…") for n in grid.index], fontsize="small"
    )
    ax.set_xticks(range(grid.shape[1]))
    ax.set_xticklabels(grid.columns, rotation=45, ha="left", fontsize="small")
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, grid.shape[1] - 0.4)
    ax.set_ylim(len(grid) - 0.5, -0.5)
    ax.grid(color="#EEEEEE")
    quiet(ax)
    ax.spines["bottom"].set_visible(False)
    drawn = {first_pathway.get(name) for name in grid.index}
    shown = sorted({p for p in drawn if p}, key=list(im.Pathway).index)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            color=PATHWAY_COLOURS[p],
            label=format_pathway(p, locale="en"),
        )
        for p in shown
    ]
    if None in drawn:
        handles.append(
            Line2D([], [], marker="o", linestyle="", color=NO_PATHWAY, label="(no pathway)")
        )
    fig.legend(handles=handles, frameon=False, fontsize="small", loc="lower center", ncol=3)
    fig.suptitle(
        "Governments taking part in initiatives, by the initiative's pathway", x=0.02, ha="left"
    )
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "initiative-participation.png"
    fig.savefig(path, dpi=100)
    print(f"saved {path}")


if __name__ == "__main__":
    main()
