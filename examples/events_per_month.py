"""How many events were there each month, and on which pathways?

Counts the bundled dataset's events by the month they start in and by pathway
(their own and those of their initiatives), prints the table and saves a stacked
bar chart. Events known only to the year are left out of the monthly counts.

    python examples/events_per_month.py --output plots/
"""

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import iclei_model as im
from iclei_model.formatting import format_pathway
from iclei_model.tables import to_pandas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="east-asia-2019")
    parser.add_argument("--output", type=Path, default=Path("."))
    args = parser.parse_args()

    events = to_pandas(im.load_dataset(args.dataset), "events")
    events = events[events["start_precision"] != "year"]
    events["month"] = events["start_first"].dt.to_period("M")
    by_pathway = events.explode("all_pathways")
    by_pathway["pathway"] = by_pathway["all_pathways"].fillna("(no pathway)")
    table = by_pathway.pivot_table(
        index="month", columns="pathway", values="id", aggfunc="count", fill_value=0
    )
    labels = {p.value: format_pathway(p, locale="en") for p in im.Pathway}
    table = table.rename(columns=labels)
    totals = events.groupby("month").size()

    print("Events per month (an event on two pathways counts under both):")
    print(table.to_string())
    print()
    for month, count in totals.items():
        print(f"{month}: {count} events")

    ax = table.plot.bar(stacked=True, figsize=(10, 5), colormap="tab10")
    ax.set_xlabel("Month the event starts")
    ax.set_ylabel("Events")
    ax.set_title("Events per month and pathway")
    ax.legend(fontsize="small")
    plt.tight_layout()
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "events-per-month.png"
    plt.savefig(path, dpi=100)
    print(f"saved {path}")


if __name__ == "__main__":
    main()
