"""How many events were there each month, and on which pathways?

Counts the bundled dataset's events by the month they start in and by pathway
(their own and those of their initiatives), prints the table and saves a stacked
bar chart with every month of the period on its axis, months without events
included. Events known only to the year are left out of the monthly counts.

    python examples/events_per_month.py --output plots/
"""

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from _style import NO_PATHWAY, PATHWAY_COLOURS, quiet  # beside this script
from matplotlib.ticker import MaxNLocator

import iclei_model as im
from iclei_model.formatting import format_pathway
from iclei_model.tables import to_pandas

NONE = "(no pathway)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="east-asia-2019")
    parser.add_argument("--output", type=Path, default=Path("."))
    args = parser.parse_args()

    events = to_pandas(im.load_dataset(args.dataset), "events")
    events = events[events["start_precision"] != "year"]
    events["month"] = events["start_first"].dt.to_period("M")
    by_pathway = events.explode("all_pathways")
    by_pathway["pathway"] = by_pathway["all_pathways"].astype("object").fillna(NONE)
    table = by_pathway.pivot_table(
        index="month", columns="pathway", values="id", aggfunc="count", fill_value=0
    )
    # every month of the period, in time order; the pathways in their own order, then none
    months = pd.period_range(table.index.min(), table.index.max(), freq="M")
    order = [p.value for p in im.Pathway if p.value in table.columns]
    table = table.reindex(index=months, columns=[*order, NONE], fill_value=0)
    totals = events.groupby("month").size()

    print("Events per month (an event on two pathways counts under both):")
    print(table[table.sum(axis="columns") > 0].to_string())
    print()
    for month, count in totals.items():
        print(f"{month}: {count} events")

    fig, ax = plt.subplots(figsize=(11, 4.8))
    bottom = pd.Series(0, index=range(len(table)))
    for column in table.columns:
        colour = NO_PATHWAY if column == NONE else PATHWAY_COLOURS[im.Pathway(column)]
        label = column if column == NONE else format_pathway(im.Pathway(column), locale="en")
        values = table[column].to_numpy()
        ax.bar(range(len(table)), values, bottom=bottom, color=colour, label=label, width=0.8)
        bottom += values
    ax.set_xticks(range(len(table)))
    ax.set_xticklabels(
        [
            f"{m.strftime('%b')}\n{m.year}" if i == 0 or m.month == 1 else m.strftime("%b")
            for i, m in enumerate(table.index)
        ],
        fontsize="small",
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#E6E6E6")
    quiet(ax)
    ax.set_ylabel("Events (by the month they start)")
    ax.set_title("Events per month and pathway", loc="left")
    handles, labels = ax.get_legend_handles_labels()  # top of the stack first, as drawn
    ax.legend(handles[::-1], labels[::-1], frameon=False, fontsize="small", loc="upper right")
    fig.tight_layout()
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "events-per-month.png"
    fig.savefig(path, dpi=100)
    print(f"saved {path}")


if __name__ == "__main__":
    main()
