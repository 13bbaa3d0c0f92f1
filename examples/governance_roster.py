"""Who sat on which governing body, and when?

Draws each mandate of the bundled dataset as a bar from its start to its end
(taking the term's dates where the mandate gives none), one row per seat holder,
grouped by body; prints the roster in force on a few dates.

    python examples/governance_roster.py --output plots/
"""

import argparse
import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt

import iclei_model as im
from iclei_model.formatting import format_label, format_person
from iclei_model.tables import to_pandas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="east-asia-2019")
    parser.add_argument("--output", type=Path, default=Path("."))
    args = parser.parse_args()

    ds = im.load_dataset(args.dataset)
    mandates = to_pandas(ds, "mandates")
    seats = to_pandas(ds, "seats").rename(columns={"id": "seat"})
    people = to_pandas(ds, "people").rename(columns={"id": "holder"})
    roster = mandates.merge(seats[["seat", "body", "role"]], on="seat").merge(
        people[["holder", "display_name"]], on="holder"
    )
    roster = roster.sort_values(["body", "role", "start_first"]).reset_index(drop=True)

    for day in (dt.date(2019, 6, 1), dt.date(2021, 6, 1)):
        print(f"On {day}:")
        for body in ds.bodies:
            for mandate in ds.roster(body.id, on=day):
                role = format_label(ds.seat(mandate.seat).role, locale="en")
                name = format_person(ds.person(mandate.holder), locale="en")
                print(f"  {body.name}: {role}: {name}")
        print()

    _fig, ax = plt.subplots(figsize=(11, 0.35 * len(roster) + 1.5))
    drawn = [body for body in ds.bodies if body.id in set(roster["body"])]
    colours = {body.id: f"C{i}" for i, body in enumerate(drawn)}
    for row, mandate in roster.iterrows():
        # Periods known only to the year hand over at the start of their end year,
        # as Dataset.holders counts them: draw each from its start to its end's first day.
        start = mdates.date2num(mandate["start_first"])
        end = mdates.date2num(mandate["end_first"])
        ax.barh(row, end - start, left=start, color=colours[mandate["body"]])
    ax.set_yticks(range(len(roster)))
    ax.set_yticklabels(
        [f"{r.display_name} ({r.role.replace('_', ' ')})" for r in roster.itertuples()],
        fontsize="small",
    )
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.set_title("Mandates on the governing bodies")
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colours.values()]
    ax.legend(handles, [str(b.name) for b in drawn], fontsize="small", loc="lower right")
    plt.tight_layout()
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "governance-roster.png"
    plt.savefig(path, dpi=100)
    print(f"{len(roster)} mandates drawn; saved {path}")


if __name__ == "__main__":
    main()
