"""A web service on iclei-model: the model classes as FastAPI's request and response types.

    pip install fastapi uvicorn        # beside iclei-model
    uvicorn web_service:app --app-dir examples

Then open http://127.0.0.1:8000/docs: the OpenAPI page shows the library's own
schema of an Event. A body that does not fit the model is refused with a 422 that
lists every problem the library found, each at its path. FastAPI reads a parameter
of a class it does not know from the query string, so a body says `Body()`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Body, FastAPI, HTTPException

import iclei_model as im

app = FastAPI(title="ICLEI East Asia events")
DATASET = im.load_dataset("east-asia-2019")
SUBMITTED: dict[str, im.Event] = {}


@app.get("/events/{event_id}")
def get_event(event_id: str) -> im.Event:
    """One event, written as `im.dumps` writes it."""
    try:
        return DATASET.event(event_id)
    except im.UnknownRecordError:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}") from None


@app.get("/events")
def events_in(year: int) -> list[im.Event]:
    """The events that start in *year*."""
    return [e for e in DATASET.events if e.start.year == year]


@app.get("/seats/{seat_id}/holders")
def holders(seat_id: str, on: dt.date) -> list[im.Mandate]:
    """Who held a seat on a day, by the dataset's hand-over rule."""
    return DATASET.holders(seat_id, on=on)


@app.post("/events", status_code=201)
def submit_event(event: Annotated[im.Event, Body()]) -> im.Event:
    """An event read by the library: checked as `im.loads` checks it, or a 422."""
    SUBMITTED[event.id] = event
    return event
