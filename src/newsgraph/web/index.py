"""An in-memory read model of the events, for the hot API paths.

DuckDB answers a filtered, sorted page of 100k events in tens of milliseconds, too
slow for many clients at once.  The server therefore keeps, per committed version of
the store, every event's API form already encoded as JSON (about 0.75 KB an event),
its actors as dictionary-coded columns, and numpy arrays for filtering, sorting and
aggregating, and answers ``/api/events``, ``/api/timeline`` and ``/api/map`` from
them in a fraction of a millisecond:

* filters on an actor or a dyad start from the sorted positions of that actor's
  events and filter those few; other filters compare whole columns;
* every sort order is computed once (a permutation and its inverse, the rank of each
  event): a page of many matches is a slice of the order, a page of few matches
  sorts their ranks;
* a page of events is the JSON of its events joined; timeline buckets (day, week,
  month, year) are computed once per event.

Which events is an ``EventQuery`` (``newsgraph.store.query``), the object the SQL
reads take too: ``match`` is its second evaluator.  The answers are the same as the
SQL's in ``newsgraph.store.events`` and ``timelines`` (a test compares them on random
queries): the same filters (an actor matches its code, country or organisation; dates
match when their period overlaps ``since``/``until``), the same sort orders (NULLs
last, event id as the tie-break), the same timeline buckets.

An index is built from one consistent snapshot and knows the store version it
reflects; ``StoreHost`` rebuilds it in the background after writes and uses SQL while
it is stale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..store.events import shape_event
from ..store.query import EventQuery, period_end, period_start
from ..store.rows import ACTOR_COLUMNS
from ..store.timelines import answer
from .columns import (
    DAY,
    EMPTY,
    Bools,
    Ints,
    Objects,
    bucket,
    codes,
    intersect,
    inverse,
    marks,
    objects,
    repeated,
    string_ranks,
)
from .encoding import dumps

try:
    from orjson import loads
except ImportError:  # pragma: no cover
    loads = json.loads  # type: ignore[assignment]

_TOP = chr(0x10FFFF)  # sorts after any period start: a NULL date never matches `until`
_NEVER = 10**9  # the same, as a YYYYMMDD integer
_QUADS = (1, 2, 3, 4)
_ROLE = {"source": 0, "target": 1, "any": 2}  # the key arrays of each role
_FEW = 16  # a selection of at most n / _FEW events is handled as positions, not a mask
_CHUNK = 1024  # events encoded at a time while building


@dataclass
class EventIndex:
    version: int
    n: int
    blob: bytes  # the JSON of every event in its API form, one after the other
    offsets: Ints  # event i is blob[offsets[i] : offsets[i + 1]]
    when: Objects  # each event's date for sorting and periods (str or None)
    actor_start: Ints  # actor rows of event i: actor_start[i] .. actor_start[i + 1]
    actor_columns: list[tuple[str, Ints, list[Any]]]  # (name, code per actor row, values)
    roles: Bools  # True: source, False: target
    keys: dict[str, tuple[Ints, Ints, Ints, Ints]]  # code/country/org -> (events as source,
    # as target, in any role; the actor rows that match)
    actor_pos: Ints  # the event of each actor row
    negated: Bools
    columns: dict[str, tuple[Ints, dict[str, int]]]  # type, outlet, article_id codes
    starts: np.ndarray[Any, Any]  # period start of each event's date (for `until`)
    ends: np.ndarray[Any, Any]  # period end (for `since`)
    orders: dict[tuple[str, str], Ints]  # (sort, order) -> event positions in that order
    ranks: dict[tuple[str, str], Ints]  # (sort, order) -> rank of each event in it
    quad: Ints
    quad_code: Ints  # the quad class if 1-4, else 0
    intensity: np.ndarray[Any, np.dtype[np.float64]]
    signed: np.ndarray[Any, np.dtype[np.float64]]  # |intensity|: + quads 1-2, - quads 3-4
    located: Bools
    periods: dict[str, tuple[Ints, list[str]]]  # by -> (bucket code per event or -1, labels)
    places: tuple[Ints, list[dict[str, Any]]]  # place code per event (-1 if none), places

    # -- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, events: pa.Table, actors: pa.Table, version: int) -> EventIndex:
        n = events.num_rows
        event_ids = np.array(events.column("event_id").to_pylist(), dtype=str)
        actor_ids = np.array(actors.column("event_id").to_pylist(), dtype=str)
        pos = (
            np.searchsorted(event_ids, actor_ids) if n else np.zeros(len(actor_ids), dtype=np.int64)
        )
        ok = pos < n
        ok[ok] = event_ids[pos[ok]] == actor_ids[ok]
        actors = actors.filter(pa.array(ok))
        pos = pos[ok].astype(np.int64)
        actor_start = np.searchsorted(pos, np.arange(n + 1)).astype(np.int64)

        roles = np.array(actors.column("role").to_pylist(), dtype=object)
        keys: dict[str, tuple[Ints, Ints, Ints, Ints]] = {}
        row_ids = np.arange(len(pos))
        key_rows = np.concatenate([row_ids, row_ids, row_ids])
        key_pos = np.concatenate([pos, pos, pos])
        key_role = np.concatenate([roles, roles, roles])
        key_val = (
            pa.concat_arrays(
                [actors.column(c).combine_chunks() for c in ("code", "country", "org")]
            )
            if len(pos)
            else pa.array([], pa.string())
        )
        key_codes, names = codes(key_val)
        order = np.argsort(key_codes, kind="stable")
        bounds = np.searchsorted(key_codes[order], np.arange(len(names) + 1))
        for name, code in names.items():
            chunk = order[bounds[code] : bounds[code + 1]]
            where, role = key_pos[chunk], key_role[chunk]
            keys[name] = (
                np.unique(where[role == "source"]),
                np.unique(where[role == "target"]),
                np.unique(where),
                np.unique(key_rows[chunk]),
            )

        when = events.column("when_date").to_pylist()
        starts: np.ndarray[Any, Any] = np.array(
            [_TOP if d is None else period_start(d) for d in when], dtype=str
        )
        ends: np.ndarray[Any, Any] = np.array(
            ["" if d is None else period_end(d) for d in when], dtype=str
        )
        if all(DAY.fullmatch(d) for d in (*starts[starts != _TOP], *ends[ends != ""])):
            # all well-formed: compare YYYYMMDD integers, the same order, ten times faster
            starts = np.array(
                [_NEVER if d == _TOP else int(d.replace("-", "")) for d in starts.tolist()]
            )
            ends = np.array([-1 if d == "" else int(d.replace("-", "")) for d in ends.tolist()])
        when_rank, when_null = string_ranks(when)
        type_rank, _ = string_ranks(events.column("type").to_pylist())
        intensity = events.column("intensity").to_numpy(zero_copy_only=False).astype(np.float64)
        tie = np.arange(n)
        orders = {
            ("date", "asc"): np.lexsort((tie, when_rank, when_null)),
            ("date", "desc"): np.lexsort((tie, -when_rank, when_null)),
            ("intensity", "asc"): np.lexsort((tie, intensity)),
            ("intensity", "desc"): np.lexsort((tie, -intensity)),
            ("type", "asc"): np.lexsort((tie, type_rank)),
            ("type", "desc"): np.lexsort((tie, -type_rank)),
        }
        periods: dict[str, tuple[Ints, list[str]]] = {}
        distinct = sorted({d for d in when if d is not None})
        for by in ("day", "week", "month", "year"):
            label_of = {d: bucket(by, d) for d in distinct}
            labels = sorted({x for x in label_of.values() if x is not None})
            code_of: dict[str | None, int] = {label: i for i, label in enumerate(labels)}
            code_of[None] = -1
            in_bucket = np.array(
                [-1 if d is None else code_of[label_of[d]] for d in when], dtype=np.int64
            )
            periods[by] = (in_bucket, labels)

        located = (
            pc.is_valid(events.column("location_lat")).to_numpy(zero_copy_only=False)
            & pc.is_valid(events.column("location_lon")).to_numpy(zero_copy_only=False)
        ).astype(bool)
        place_of: dict[tuple[Any, ...], int] = {}
        place_code = np.full(n, -1, dtype=np.int64)
        cols = [
            events.column(c).to_pylist()
            for c in ("location_name", "location_country", "location_lat", "location_lon")
        ]
        for i in np.flatnonzero(located):
            key = (cols[0][i], cols[1][i], cols[2][i], cols[3][i])
            place_code[i] = place_of.setdefault(key, len(place_of))
        places = [{"name": k[0], "country": k[1], "lat": k[2], "lon": k[3]} for k in place_of]

        orders = {k: v.astype(np.int64) for k, v in orders.items()}
        when_values = objects(events.column("when_date"))
        quad = events.column("quad_class").to_numpy(zero_copy_only=False).astype(np.int64)
        coop, conflict = (quad == 1) | (quad == 2), (quad == 3) | (quad == 4)
        index = cls(
            version=version,
            n=n,
            blob=b"",
            offsets=np.zeros(n + 1, dtype=np.int64),
            when=when_values,
            actor_start=actor_start,
            roles=roles == "source",
            actor_columns=[
                (c, codes_, [*lookup_, None])
                for c in ACTOR_COLUMNS
                for codes_, lookup_ in [codes(actors.column(c))]
            ],
            keys=keys,
            actor_pos=pos,
            negated=events.column("negated").to_numpy(zero_copy_only=False).astype(bool),
            columns={c: codes(events.column(c)) for c in ("type", "outlet", "article_id")},
            starts=starts,
            ends=ends,
            orders=orders,
            ranks={k: inverse(v) for k, v in orders.items()},
            quad=quad,
            quad_code=np.where(coop | conflict, quad, 0),
            intensity=intensity,
            signed=np.where(coop, np.abs(intensity), np.where(conflict, -np.abs(intensity), 0.0)),
            located=located,
            periods=periods,
            places=(place_code, places),
        )
        index._encode(events.drop_columns(["when_date"]))
        return index

    def _encode(self, events: pa.Table) -> None:
        """Fill ``blob`` and ``offsets``: each event's row in its API form (as
        ``store.events.events_page`` gives it, less ``when_date``), as JSON.  One buffer, not
        a bytes object per event: orjson's results keep their over-allocated room."""
        names = list(events.column_names)
        parts: list[bytes] = []
        lengths = np.zeros(self.n, dtype=np.int64)
        for start in range(0, self.n, _CHUNK):
            positions = np.arange(start, min(self.n, start + _CHUNK), dtype=np.int64)
            chunk = events.slice(start, len(positions))  # Python values a chunk at a time
            rows = [
                dict(zip(names, row, strict=True))
                for row in zip(*(chunk.column(c).to_pylist() for c in names), strict=True)
            ]
            self._attach_actors(rows, positions)
            encoded = [dumps(row) for row in rows]
            lengths[positions] = [len(e) for e in encoded]
            parts.append(b"".join(encoded))
        self.blob = b"".join(parts)
        self.offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)

    def encoded(self, positions: Ints) -> list[bytes]:
        """The JSON of these events (as ``_encode`` wrote them)."""
        blob = self.blob
        starts = self.offsets[positions].tolist()
        ends = self.offsets[positions + 1].tolist()
        return [blob[s:e] for s, e in zip(starts, ends, strict=True)]

    def _attach_actors(self, rows: list[dict[str, Any]], positions: Ints) -> None:
        starts = self.actor_start[positions]
        lengths = self.actor_start[positions + 1] - starts
        before = np.cumsum(lengths) - lengths
        wanted = np.repeat(starts - before, lengths) + np.arange(int(lengths.sum()))
        # values through their codes (index -1 is None): much cheaper than arrow -> Python
        columns = [
            (name, codes_[wanted].tolist(), values) for name, codes_, values in self.actor_columns
        ]
        roles = self.roles[wanted].tolist()
        at = 0
        for row, length in zip(rows, lengths.tolist(), strict=True):
            source: list[dict[str, Any]] = []
            target: list[dict[str, Any]] = []
            for k in range(at, at + length):
                actor = {name: values[codes_[k]] for name, codes_, values in columns}
                (source if roles[k] else target).append(actor)
            at += length
            shape_event(row, source, target)

    # -- filtering ------------------------------------------------------------------------

    def _events_of(self, key: str, which: int) -> Ints:
        """Sorted positions of the events with actor ``key`` as source (0), target (1) or
        in any role (2)."""
        found = self.keys.get(key)
        return found[which] if found is not None else EMPTY

    def _pair(self, a: str, b: str) -> Ints:
        """Events where A and B are two different actor rows, in any roles (positions).

        That is: an A row that is not a B row and any B row, or the other way round, or
        two rows that are both A and B.
        """
        rows_a = self.keys[a][3] if a in self.keys else EMPTY
        rows_b = self.keys[b][3] if b in self.keys else EMPTY
        if not len(rows_a) or not len(rows_b):
            return EMPTY
        n, n_rows = self.n, len(self.actor_pos)
        a_is_b = marks(n_rows, rows_b)[rows_a]
        if not a_is_b.any():  # no row is both: the events with an A row and a B row
            return intersect(n, self.keys[a][2], self.keys[b][2])
        b_is_a = marks(n_rows, rows_a)[rows_b]
        pos_a, pos_b = self.actor_pos[rows_a], self.actor_pos[rows_b]  # sorted, as rows are
        found: Ints = np.flatnonzero(
            (marks(n, pos_a[~a_is_b]) & marks(n, pos_b))
            | (marks(n, pos_b[~b_is_a]) & marks(n, pos_a))
            | marks(n, repeated(pos_a[a_is_b]))
        )
        return found

    def _by_actor(
        self, actor: str | None, which: int, dyad: tuple[str, str] | None, directed: bool
    ) -> Ints | None:
        """Positions of the events of ``actor`` and of the dyad, or None: no such filter."""
        found: Ints | None = None
        if actor:
            found = self._events_of(actor, which)
        if dyad:
            a, b = dyad
            pair = (
                intersect(self.n, self._events_of(a, 0), self._events_of(b, 1))
                if directed
                else self._pair(a, b)
            )
            found = pair if found is None else intersect(self.n, found, pair)
        return found

    def match(self, query: EventQuery) -> tuple[Ints | None, Bools | None]:
        """The events of the query: (sorted positions, None) when they are few, else
        (None, a mask of all events)."""
        q = query
        tests: list[tuple[Ints, int]] = []  # (column codes, the code it must have)
        for name, value in (("type", q.type), ("outlet", q.outlet), ("article_id", q.article_id)):
            if value:
                column, lookup = self.columns[name]
                tests.append((column, lookup.get(value, -2)))  # -2: matches nothing
        low = self._bound(period_start(q.since)) if q.since else None
        high = self._bound(period_end(q.until)) if q.until else None
        found = self._by_actor(q.actor, _ROLE[q.actor_role], q.dyad, q.directed)
        if found is not None and len(found) * _FEW <= self.n:
            p = found
            for column, code in tests:
                p = p[column[p] == code]
            if low is not None:
                p = p[self.ends[p] >= low]
            if high is not None:
                p = p[self.starts[p] <= high]
            if q.located:
                p = p[self.located[p]]
            if not q.include_negated:
                p = p[~self.negated[p]]
            return p, None
        m = marks(self.n, found) if found is not None else np.ones(self.n, dtype=bool)
        for column, code in tests:
            m &= column == code
        if low is not None:
            m &= self.ends >= low
        if high is not None:
            m &= self.starts <= high
        if q.located:
            m &= self.located
        if not q.include_negated:
            m &= ~self.negated
        return None, m

    def select(self, query: EventQuery) -> Ints:
        """Sorted positions of the events of the query (see ``match``)."""
        p, m = self.match(query)
        if p is not None:
            return p
        assert m is not None
        found: Ints = np.flatnonzero(m)
        return found

    def _bound(self, value: str) -> Any:
        """A since/until bound in the form of the date arrays (int or string)."""
        if self.ends.dtype.kind == "i":
            if not DAY.fullmatch(value):
                raise ValueError(f"date bound {value!r}: expected YYYY-MM-DD")
            return int(value.replace("-", ""))
        return value

    # -- answers ----------------------------------------------------------------------------

    def page_positions(
        self,
        query: EventQuery | None = None,
        sort: str = "date",
        order: str = "desc",
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[Ints, int]:
        """The positions of one page of matching events in the sort order, and the total."""
        key = (sort, order)
        if key not in self.orders:
            raise ValueError(f"sort {sort!r} {order!r}: expected date|intensity|type, asc|desc")
        p, m = self.match(query or EventQuery())
        end = offset + limit
        if p is not None:  # few: sort their ranks
            total = len(p)
            if offset >= total:
                return EMPTY, total
            ranks = self.ranks[key][p]
            if end < total:
                part = np.argpartition(ranks, end - 1)[:end]
                chosen: Ints = p[part[np.argsort(ranks[part])]]
            else:
                chosen = p[np.argsort(ranks)]
            return chosen[offset:end], total
        assert m is not None
        total = int(np.count_nonzero(m))
        if offset >= total:
            return EMPTY, total
        ranked = self.orders[key]
        # walk the order only as far as the page: as far as the density of matches says,
        # twice over, and further if that was not enough
        size = min(self.n, max(_CHUNK, 2 * end * self.n // total))
        while True:
            hits = np.flatnonzero(m[ranked[:size]])
            if len(hits) >= end or size >= self.n:
                break
            size = min(self.n, 4 * size)
        return ranked[hits[offset:end]], total

    def rows(self, positions: Ints) -> list[dict[str, Any]]:
        """Event rows as ``store.events.events_page`` gives them (with ``when_date``)."""
        rows = [loads(data) for data in self.encoded(positions)]
        for row, when in zip(rows, self.when[positions].tolist(), strict=True):
            row["when_date"] = when
        return rows

    def events_page(
        self,
        query: EventQuery | None = None,
        sort: str = "date",
        order: str = "desc",
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """Same as ``store.events.events_page``."""
        page, total = self.page_positions(query, sort, order, limit, offset)
        return self.rows(page), total

    def events_json(
        self,
        query: EventQuery | None = None,
        sort: str = "date",
        order: str = "desc",
        limit: int = 50,
        offset: int = 0,
    ) -> bytes:
        """The ``/api/events`` answer, ``{"total", "limit", "offset", "items"}``, as JSON
        (the rows of ``events_page`` less ``when_date``)."""
        page, total = self.page_positions(query, sort, order, limit, offset)
        head = b'{"total":%d,"limit":%d,"offset":%d,"items":[' % (total, limit, offset)
        return head + b",".join(self.encoded(page)) + b"]}"

    def timeline(
        self,
        a: str | None = None,
        b: str | None = None,
        by: str = "month",
        directed: bool = False,
        since: str | None = None,
        until: str | None = None,
        include_negated: bool = False,
    ) -> dict[str, Any]:
        """Same as ``store.timelines.timeline``."""
        if by not in self.periods:
            raise ValueError(f"by {by!r}: expected one of {sorted(self.periods)}")
        query = EventQuery.of_dyad(a, b, directed, since, until, include_negated)
        p = self.select(query)
        in_bucket, labels = self.periods[by]
        period = in_bucket[p]
        keep = period >= 0
        dated = p[keep]
        at, slot = np.unique(period[keep], return_inverse=True)  # the periods with events
        size = len(at)
        # events per (period, quad class) in one count; class 0: none of 1-4
        per_class = np.bincount(slot * 5 + self.quad_code[dated], minlength=size * 5)
        per_class = per_class.reshape(size, 5)
        count = per_class.sum(axis=1)
        total_intensity = np.bincount(slot, weights=self.intensity[dated], minlength=size)
        net_intensity = np.bincount(slot, weights=self.signed[dated], minlength=size)
        per_quad = [per_class[:, q] for q in _QUADS]
        periods = [
            {
                "period": labels[i],
                "n": k,
                "quad1": q1,
                "quad2": q2,
                "quad3": q3,
                "quad4": q4,
                "intensity_mean": mean,
                "intensity_sum": total,
                "net_coop_intensity": net,
                "net_coop_count": q1 + q2 - q3 - q4,
            }
            for i, k, q1, q2, q3, q4, mean, total, net in zip(
                at.tolist(),
                count.tolist(),
                *(q.tolist() for q in per_quad),
                np.round(total_intensity / np.maximum(count, 1), 3).tolist(),
                np.round(total_intensity, 3).tolist(),
                np.round(net_intensity, 3).tolist(),
                strict=True,
            )
        ]
        return answer(query, a, b, by, periods, len(p) - len(dated))

    def timeline_json(self, *args: Any, **kwargs: Any) -> bytes:
        """The ``/api/timeline`` answer as JSON (arguments as ``timeline``)."""
        return dumps(self.timeline(*args, **kwargs))

    def map_points(
        self, query: EventQuery | None = None, limit: int = 2000
    ) -> tuple[list[dict[str, Any]], int]:
        """Same as ``store.events.map_points``."""
        p = self.select(replace(query or EventQuery(), located=True))
        place_code, places = self.places
        in_place, quad = place_code[p], self.quad[p]
        size = len(places)
        n = np.bincount(in_place, minlength=size)
        coop = np.bincount(in_place[(quad == 1) | (quad == 2)], minlength=size)
        conflict = np.bincount(in_place[(quad == 3) | (quad == 4)], minlength=size)
        present = [int(i) for i in np.flatnonzero(n)]
        present.sort(key=lambda i: (-int(n[i]), places[i]["name"] is None, places[i]["name"] or ""))
        rows = [
            {
                **places[i],
                "events": int(n[i]),
                "cooperation": int(coop[i]),
                "conflict": int(conflict[i]),
            }
            for i in present[:limit]
        ]
        return rows, len(p)
