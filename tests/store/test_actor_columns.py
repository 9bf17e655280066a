"""An actor's columns are declared once (``store.rows.ACTOR_COLUMNS``): the fields of an
Actor, the actor columns of ``mentions`` and ``event_actors``, and what the dashboard's
index reads."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from newsgraph.records import Actor
from newsgraph.store import Store
from newsgraph.store.rows import ACTOR_COLUMNS


def test_actor_columns_are_an_actors_fields_in_both_tables(tmp_path: Path) -> None:
    assert tuple(f.name for f in fields(Actor)) == ACTOR_COLUMNS
    with Store.open(tmp_path / "s.duckdb") as store:
        for table in ("mentions", "event_actors"):
            columns = [
                r[0]
                for r in store.connection.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]
            assert columns[-len(ACTOR_COLUMNS) :] == list(ACTOR_COLUMNS), table
