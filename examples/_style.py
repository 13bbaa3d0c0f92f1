"""What the example plots share: one colour for each pathway, and a quiet frame.

The colours are the Okabe–Ito palette, told apart also by readers with colour
vision deficiencies; "no pathway" is a light grey, so that it recedes.
"""

from __future__ import annotations

from typing import Any

import iclei_model as im

PATHWAY_COLOURS = {
    im.Pathway.LOW_EMISSION: "#0072B2",  # blue
    im.Pathway.NATURE_BASED: "#009E73",  # green
    im.Pathway.EQUITABLE: "#CC79A7",  # reddish purple
    im.Pathway.RESILIENT: "#E69F00",  # orange
    im.Pathway.CIRCULAR: "#D55E00",  # vermilion
}
NO_PATHWAY = "#C8C8C8"
# Governing bodies are not pathways: muted colours that none of the pathways use.
BODY_COLOURS = ("#355C7D", "#6C5B7B", "#4F6F52", "#8C6D4F")


def quiet(ax: Any) -> None:
    """No top and right frame, a little air inside the axes, light grid lines."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.margins(x=0.02, y=0.02)
    ax.set_axisbelow(True)
