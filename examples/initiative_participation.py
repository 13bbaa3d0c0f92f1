"""Which governments take part in which initiatives?

Builds the government-by-initiative matrix of the bundled dataset from the
initiatives' participants, prints the governments in the most initiatives and
saves the matrix as a chart.

    python examples/initiative_participation.py --output plots/
"""

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

import iclei_model as im
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

    matrix = matrix.loc[counts.index]
    _fig, ax = plt.subplots(figsize=(0.4 * matrix.shape[1] + 4, 0.3 * len(matrix) + 3))
    ax.imshow(matrix.to_numpy(), cmap="Greens", aspect="auto", vmin=0, vmax=1)
    ax.set_xticks(range(matrix.shape[1]))
    ax.set_xticklabels(matrix.columns, rotation=60, ha="right", fontsize="x-small")
    ax.set_yticks(range(len(matrix)))
    ax.set_yticklabels(matrix.index, fontsize="x-small")
    ax.set_title("Governments (rows) taking part in initiatives (columns)")
    plt.tight_layout()
    args.output.mkdir(parents=True, exist_ok=True)
    path = args.output / "initiative-participation.png"
    plt.savefig(path, dpi=100)
    print(f"saved {path}")


if __name__ == "__main__":
    main()
