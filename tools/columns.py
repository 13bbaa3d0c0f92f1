"""Write docs/table-columns.md, the column reference of iclei_model.tables.

python tools/columns.py          # rewrite the page
python tools/columns.py --check  # exit 1 if the page is out of date
"""

import sys
from pathlib import Path

from iclei_model.tables import TABLES

PAGE = Path(__file__).parent.parent / "docs" / "table-columns.md"


def render() -> str:
    """The page, from TABLES."""
    lines = [
        "# Table columns",
        "",
        "Every table of `iclei_model.tables`, column by column. Generated from",
        "`TABLES` by `tools/columns.py`; a test checks that it is current.",
        "",
        "| type | Arrow | pandas | polars |",
        "|---|---|---|---|",
        "| string | `string` | `string` | `String` |",
        "| category | `dictionary<int32, string>` | `category` (every value of the"
        " vocabulary) | `Enum` |",
        "| date | `date32` | `datetime64[s]` | `Date` |",
        "| timestamp | `timestamp[us, UTC]` | `datetime64[us, UTC]` | `Datetime(us, UTC)` |",
        "| float | `double` | `float64` | `Float64` |",
        "| int | `int32` | `Int32` | `Int32` |",
        "| bool | `bool` | `boolean` | `Boolean` |",
        "| list | `list<string>` | Python lists (`object`) | `List(String)` or `List(Enum)` |",
        "",
    ]
    for name, columns in TABLES.items():
        lines += [f"## {name}", "", "| column | type | meaning |", "|---|---|---|"]
        for column in columns:
            meaning = column.description
            if column.categories:
                values = ", ".join(f"`{c}`" for c in column.categories)
                order = "ordered: " if column.ordered else "one of "
                meaning += f" ({order}{values})"
            lines.append(f"| `{column.name}` | {column.type} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    """Rewrite the page, or with --check say whether it is current."""
    text = render()
    if "--check" in sys.argv:
        if PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date: run python tools/columns.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
