"""Who sat on which governing body, and when?

Draws each mandate of the bundled dataset as a bar from its start to its end
(taking the term's dates where the mandate gives none), grouped by body and term,
in the order of the seats' roles; prints the roster in force on a few dates.
Where a date is known only to its year, the bar is solid up to the hand-over the
dataset counts (the first day of the end year) and pale across the rest of that
year, where the real end may lie.

    python examples/governance_roster.py --output plots/
"""

import argparse
import datetime as dt
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from _style import BODY_COLOURS, quiet  # beside this script
from matplotlib.patches import Patch

import iclei_model as im
from iclei_model.formatting import format_date_range, format_label, format_person
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
    body_order = {body.id: index for index, body in enumerate(ds.bodies)}
    roster["body_rank"] = roster["body"].map(body_order)
    roster = roster.sort_values(["body_rank", "start_first", "role"]).reset_index(drop=True)

    for day in (dt.date(2019, 6, 1), dt.date(2021, 6, 1)):
        print(f"On {day}:")
        for body in ds.bodies:
            for mandate in ds.roster(body.id, on=day):
                role = format_label(ds.seat(mandate.seat).role, locale="en")
                name = format_person(ds.person(mandate.holder), locale="en")
                print(f"  {body.name}: {role}: {name}")
        print()

    # one row a mandate, a heading row before each body's term
    rows: list[tuple[str, object]] = []
    for (body_id, term_id), group in roster.groupby(["body", "term"], sort=False):
        term = ds.term(term_id)
        period = format_date_range(term.start, term.end, locale="en")
        rows.append(("heading", f"{ds.body(body_id).name}, {period}"))
        rows.extend(("mandate", mandate) for mandate in group.itertuples())

    fig, ax = plt.subplots(figsize=(11, 0.32 * len(rows) + 1.6))
    colours = {body.id: BODY_COLOURS[i % len(BODY_COLOURS)] for i, body in enumerate(ds.bodies)}
    labels = []
    for y, (kind, item) in enumerate(rows):
        if kind == "heading":
            labels.append(str(item))
            continue
        m = item
        colour = colours[m.body]
        start, handover = mdates.date2num(m.start_first), mdates.date2num(m.end_first)
        ax.barh(y, handover - start, left=start, color=colour, height=0.7)
        if m.end_precision != "day":  # the rest of the end's year or month: unsure
            last = mdates.date2num(m.end_last)
            ax.barh(y, last - handover, left=handover, color=colour, alpha=0.25, height=0.7)
        labels.append(f"{m.display_name} ({m.role.replace('_', ' ')})")
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels, fontsize="small")
    for tick, (kind, _) in zip(ax.get_yticklabels(), rows, strict=True):
        if kind == "heading":
            tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -0.5)  # top to bottom, the first heading included
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#E6E6E6")
    quiet(ax)
    ax.set_title("Mandates on the governing bodies, by term", loc="left")
    drawn = [b for b in ds.bodies if b.id in set(roster["body"])]
    handles = [Patch(color=colours[b.id], label=str(b.name)) for b in drawn]
    handles.append(Patch(color="#888888", alpha=0.25, label="end known only to the year"))
    fig.legend(handles=handles, frameon=False, fontsize="small", loc="lower center", ncol=3)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "governance-roster.png"
    fig.savefig(path, dpi=100)
    print(f"{len(roster)} mandates drawn; saved {path}")


if __name__ == "__main__":
    main()
