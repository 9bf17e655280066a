"""The ``newsgraph`` command: parse, call a plain function, render.

Exit codes: 0 all went well; 1 some pages (or input lines) failed, counted on
stderr, or the inputs hold no page at all ("no pages found in DIR"); 2 a usage or
fatal error (bad setting, unreadable store); 3 (``ingest``, ``run``) no page failed
but some were stored and not coded (a language that is not coded, or a coder
error), counted by reason on stderr.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .errors import NewsgraphError, NoPagesError
from .records import PageTally
from .settings import Settings

NOT_CODED_EXIT = 3  # no page failed, some stored and not coded

app = typer.Typer(
    name="newsgraph",
    help="Scraped news pages in, political event data with evidence out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)

DbOpt = Annotated[str | None, typer.Option("--db", help="DuckDB store (default: settings.db).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML settings file.")]
FormatOpt = Annotated[str, typer.Option("--format", help="table, jsonl or csv.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", min=0, help="At most this many rows.")]


def main() -> None:
    """Console-script entry point."""
    app()


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except NoPagesError as exc:  # the input is at fault, as with failed pages
        raise _fail(str(exc), 1) from None
    except NewsgraphError as exc:
        raise _fail(str(exc)) from None


def _settings(config: Path | None = None, **overrides: Any) -> Settings:
    with _errors():
        return Settings.load(config, **overrides)


def _open(db: str | None, config: Path | None = None) -> Any:
    from .store import Store

    settings = _settings(config, db=db)
    try:
        return Store.open(settings.db, read_only=True, memory_mb=settings.store_memory_mb)
    except NewsgraphError as exc:
        raise _fail(_held_by_server(settings.db) or str(exc)) from None


def _held_by_server(db: str) -> str | None:
    """Why the store cannot be opened when a running ``newsgraph serve`` holds it."""
    from .store.remote import read_announcement

    info = read_announcement(db)
    if not info or "port" not in info:
        return None
    url = f"http://{info.get('host', '127.0.0.1')}:{info['port']}"
    return (
        f"the store {db} is held by a running newsgraph server (pid {info.get('pid')}); "
        f"read it at {url} (REST API under {url}/api/) or stop the server first"
    )


# -- ingest --------------------------------------------------------------------------


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f} pages/s", style="cyan")


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[Any], None]]:
    """A progress callback: a Rich bar on a terminal, a line per batch otherwise."""
    if err.is_terminal:
        bar = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        task = bar.add_task("ingest", total=total)
        with bar:
            yield lambda report: bar.update(
                task, completed=report.pages, total=max(total or 0, report.pages) or None
            )
        return
    last = [0.0]

    def line(report: Any) -> None:
        now = time.monotonic()
        if now - last[0] >= 1.0 or last[0] == 0.0:
            last[0] = now
            print(
                f"ingest: {report.pages} pages done, stored {report.articles} articles, "
                f"{report.duplicates} duplicates, {report.failed} failures; "
                f"{report.skipped_already_stored} already stored",
                file=sys.stderr,
                flush=True,
            )

    yield line


def _require_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or archives.")],
    db: DbOpt = None,
    manifest: Annotated[Path | None, typer.Option("--manifest", help="JSONL or CSV manifest.")] = None,
    no_code: Annotated[bool, typer.Option("--no-code", help="Store articles, skip event coding.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Ingest pages into the store; pages stored before are skipped."""
    from .ingest import ingest as run_ingest
    from .ingest.pipeline import estimate_pages

    _require_paths(paths)
    settings = _settings(config, db=db, code_events=False if no_code else None)
    with _errors(), _progress(estimate_pages(paths)) as on_batch:
        report = run_ingest(paths, settings, manifest=manifest, progress=on_batch)
    err.print(
        f"{report.pages} pages: {report.articles} articles, {report.duplicates} duplicates, "
        f"{report.failed} failed, {report.skipped_already_stored} already stored; "
        f"{report.events} events -> {settings.db}",
        highlight=False,
    )
    _exit_on_failures(report)


def _exit_on_failures(report: PageTally) -> None:
    """Exit 1 when any page failed (this run or before), pointing at ``failures``;
    else 3 when some articles of this run were stored but not coded, by reason."""
    if report.not_coded:
        err.print(
            f"{len(report.not_coded)} stored, not coded: {_by_reason(report.not_coded)}; "
            "see `newsgraph failures --not-coded`",
            highlight=False,
        )
    if not report.ok:
        err.print(
            f"{report.failed_total} of {report.pages} pages failed; see `newsgraph failures`",
            highlight=False,
        )
        raise typer.Exit(1)
    if report.not_coded:
        raise typer.Exit(NOT_CODED_EXIT)


def _by_reason(items: list[tuple[str, str]]) -> str:
    """Counts by reason, most first: "language fr 2, language ru 1, coder error 1"."""
    counts = Counter(reason for _, reason in items)
    return ", ".join(f"{reason} {n}" for reason, n in counts.most_common())


# -- run (sharded batch runs) -----------------------------------------------------


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or archives.")],
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=0, help="Local worker processes (0 or 1: inline; default: cores)."),
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Run on the Dask cluster at tcp://HOST:PORT.")
    ] = None,
    db: DbOpt = None,
    manifest: Annotated[Path | None, typer.Option("--manifest", help="JSONL or CSV manifest.")] = None,
    no_code: Annotated[bool, typer.Option("--no-code", help="Store articles, skip event coding.")] = False,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Folder for the Parquet partitions (default: DB.parts).")
    ] = None,
    shard_size: Annotated[
        int | None, typer.Option("--shard-size", min=1, help="Single-page files per shard (default 250).")
    ] = None,
    no_stories: Annotated[
        bool, typer.Option("--no-stories", help="Skip story clustering after the load (a later run catches up).")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Run the whole chain in shards on local workers or a Dask cluster; resumable."""
    from contextlib import closing

    from .ingest import run_batch
    from .runners import executor_for

    _require_paths(paths)
    settings = _settings(config, db=db, code_events=False if no_code else None)

    def line(report: Any) -> None:
        done = report.shards_run + report.shards_reused + report.shards_skipped
        print(
            f"run: shard {done}/{report.shards} loaded; {report.pages} pages, "
            f"{report.articles} articles, {report.duplicates} duplicates, {report.failed} failed "
            f"({report.pages / max(report.seconds, 1e-9):,.1f} pages/s)",
            file=sys.stderr,
            flush=True,
        )

    with _errors(), closing(executor_for(workers, scheduler, settings)) as executor:
        report = run_batch(
            paths, settings, manifest=manifest, executor=executor, out=out_dir,
            shard_size=shard_size, progress=line, stories=False if no_stories else None,
        )  # fmt: skip
    err.print(
        f"{report.pages} pages in {report.shards} shards ({report.shards_run} run, "
        f"{report.shards_reused} reused from disk, {report.shards_skipped} skipped as loaded before; "
        f"{report.executor}): {report.articles} articles, {report.duplicates} duplicates, "
        f"{report.failed} failed, {report.skipped_already_stored} already stored; "
        f"{report.events} events -> {settings.db}",
        highlight=False,
    )
    _exit_on_failures(report)


# -- reading the store -------------------------------------------------------------


def _render(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.file.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out.file, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(_cell(row.get(c)) for c in columns)
    elif fmt == "table":
        table = Table(title=title, show_lines=False)
        for column in columns:  # one line per row: long cells end in an ellipsis
            whole = column in _WHOLE
            table.add_column(column, overflow="fold" if whole else "ellipsis",
                             max_width=None if whole else 60, no_wrap=True)
        for row in rows:
            table.add_row(*(escape(_cell(row.get(c))) for c in columns))
        # a terminal gets its own width; a pipe or file gets room for whole rows
        (out if out.is_terminal else Console(width=200, soft_wrap=False)).print(table)
    else:
        raise _fail(f"unknown format {fmt!r}; use table, jsonl or csv")


_WHOLE = {"article_id", "location", "event_id", "page_id", "outlet", "published", "date"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("code") or value.get("name") or value.get("text") or "")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@app.command()
def articles(
    db: DbOpt = None,
    format: FormatOpt = "table",
    limit: LimitOpt = None,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
) -> None:
    """List stored articles."""
    with _open(db) as store:
        rows = store.articles(outlet=outlet, limit=limit)
    columns = ["article_id", "outlet", "published", "title", "language", "events", "copies"]
    if format != "table":
        columns += ["url", "location", "coded"]
    _render(rows, format, columns, "articles")


@app.command()
def show(ident: Annotated[str, typer.Argument(metavar="ID")], db: DbOpt = None) -> None:
    """Show one article (by id, page id or location) with its copies, events and places."""
    from .store.places import article_places

    with _open(db) as store:
        found = store.article(ident)
        named = article_places(store.connection, found["article_id"]) if found else []
    if found is None:
        raise _fail(f"no article {ident!r} in the store; `newsgraph articles` lists them", 1)
    fields = ("article_id", "title", "outlet", "author", "published", "published_source",
              "published_not_before", "language", "url", "location", "note")
    for name in fields:
        if found.get(name) is not None:
            out.file.write(f"{name}: {found[name]}\n")
    out.file.write(f"\n{found['body']}\n")
    if found["copies"]:
        out.print()
        _render(found["copies"], "table", ["outlet", "published", "kind", "similarity", "url", "location"], "copies")
    if found["events"]:
        out.print()
        _render(found["events"], "table", _EVENT_TABLE, "events")
    if named:
        out.print()
        _render(named, "table", ["text", "role", "name", "country", "feature", "confidence"], "places")


@app.command()
def failures(
    db: DbOpt = None,
    format: FormatOpt = "table",
    limit: LimitOpt = None,
    not_coded: Annotated[
        bool, typer.Option("--not-coded", help="List articles stored but not coded instead.")
    ] = False,
) -> None:
    """List pages that failed, with their reasons (or articles stored but not coded)."""
    with _open(db) as store:
        if not_coded:
            rows = store.not_coded()[:limit]
            _render(rows, format, ["location", "reason", "note"], "stored, not coded")
            return
        rows = store.failures(limit)
    _render(rows, format, ["location", "reason"], "failures")


@app.command()
def stats(db: DbOpt = None) -> None:
    """Rows per table."""
    with _open(db) as store:
        counts = store.counts()
    _render([{"table": k, "rows": v} for k, v in counts.items()], "table", ["table", "rows"], "store")


_EVENT_TABLE = ["date", "type", "source", "target", "outlet", "evidence"]
_EVENT_CSV = [
    "event_id", "article_id", "date", "date_precision", "type", "mode", "context", "cameo",
    "quad_class", "intensity", "source", "target", "location", "negated", "hypothetical",
    "reported", "speaker", "confidence", "outlet", "published", "url", "evidence",
]


def _filter(name: str) -> Any:
    """The option of an event filter, with its declared help (``store.query.FILTERS``)."""
    from .store.query import FILTERS

    return typer.Option(f"--{name.replace('_', '-')}", help=FILTERS[name].help)


@app.command()
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, _filter("actor")] = None,
    dyad: Annotated[str | None, _filter("dyad")] = None,
    type: Annotated[str | None, _filter("type")] = None,
    since: Annotated[str | None, _filter("since")] = None,
    until: Annotated[str | None, _filter("until")] = None,
    outlet: Annotated[str | None, _filter("outlet")] = None,
    format: FormatOpt = "table",
    limit: LimitOpt = None,
) -> None:
    """List coded events."""
    from .store.query import EventQuery

    with _errors():
        query = EventQuery.parse(
            actor=actor, dyad=dyad, type=type, since=since, until=until, outlet=outlet
        )
    with _open(db) as store:
        rows = store.events(query, limit=limit)
    for row in rows:
        row["date"] = row["date"] or row["published"]
    _render(rows, format, _EVENT_TABLE if format == "table" else _EVENT_CSV, "events")


_PLACE_TABLE = ["name", "country", "feature", "mentions", "articles", "lat", "lon"]
_PLACE_CSV = [
    "name", "country", "admin1", "feature", "fcode", "geonameid", "lat", "lon", "mentions",
    "articles", "confidence",
]  # fmt: skip


@app.command()
def places(
    db: DbOpt = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO 3166 alpha-3 code, e.g. SYR.")] = None,
    near: Annotated[str | None, typer.Option("--near", help="LAT,LON,KM: within KM of a point.")] = None,
    role: Annotated[str, typer.Option("--role", help="place, modifier, demonym or all.")] = "place",
    format: FormatOpt = "table",
    limit: LimitOpt = None,
) -> None:
    """List the places the stored articles name, most mentioned first."""
    from .store.places import PlaceQuery
    from .store.places import places as read_places

    with _errors():
        query = PlaceQuery.parse(country=country, near=near, role=role)
    with _open(db) as store:
        rows, _ = read_places(store.connection, query, limit=limit if limit is not None else 2**62)
    _render(rows, format, _PLACE_TABLE if format == "table" else _PLACE_CSV, "places")


# -- the analyst's view: stories, timelines, outlets, disagreements, exports ---------

SinceOpt = Annotated[str | None, typer.Option("--since", help="YYYY[-MM[-DD]]")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="YYYY[-MM[-DD]]")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor code, country or org.")]


@app.command()
def stories(
    db: DbOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    format: FormatOpt = "table",
    limit: LimitOpt = None,
    update: Annotated[bool, typer.Option("--update", help="First cluster stored articles "
                                         "that have no story yet.")] = False,
    explain: Annotated[str | None, typer.Option("--explain", metavar="STORY", help="Why each "
                       "article is in this story: the member it is most like, and what they share.")] = None,
    config: ConfigOpt = None,
) -> None:
    """List stories: articles about the same event, across outlets."""
    from .store.stories import stories as read_stories

    if update:
        from .ingest.after import update_stories

        with _errors():
            done = update_stories(_settings(config, db=db))
        err.print(f"{done['clustered']} articles clustered, {done['toned']} tone-scored", highlight=False)
    if explain is not None:
        _explain_story(db, config, explain, format)
        return
    with _open(db, config) as store:
        rows = read_stories(store.connection, since=since, until=until, actor=actor,
                            outlet=outlet, limit=limit)
    if format == "jsonl":
        _render(rows, format, [], "stories")
        return
    flat = [r | {"articles": len(r["articles"]), "outlets": r["outlets"]} for r in rows]
    _render(flat, format, ["story_id", "first_date", "last_date", "articles", "outlets", "title"],
            "stories")


def _why(shared: dict[str, list[str]]) -> str:
    """``people: reid; places: PER, arequipa; dates: 2024-03-12 / 2024-03-13``"""
    parts = [f"{k}: {(' / ' if k == 'dates' else ', ').join(v)}" for k, v in shared.items() if v]
    return "; ".join(parts) or "nothing but the wording"


def _explain_story(db: str | None, config: Path | None, story_id: str, format: str) -> None:
    from .store.stories import story_links

    with _open(db, config) as store:
        rows = story_links(store.connection, story_id)
    if not rows:
        raise _fail(f"no story {story_id!r} (or it was clustered before stories were explained: "
                    "`newsgraph stories --update` after deleting the state file rebuilds them)")
    for row in rows:
        date = row["event_date"] or ""
        row["date"] = f"{date} ({row['date_precision']}, {row['date_source']})" if date else "undated"
        row["linked"] = row["linked_id"] or ""
        row["why"] = _why(row["shared"]) if row["linked_id"] and row["score"] is not None else (
            "a near-duplicate of the linked article" if row["linked_id"] else "alone")
    if format != "table":
        _render(rows, format, ["article_id", "outlet", "date", "linked", "score", "similarity",
                               "why", "title"], story_id)
        return
    out.print(f"[bold]{escape(story_id)}[/bold]: {len(rows)} articles", highlight=False)
    titles = {r["article_id"]: r["title"] or "" for r in rows}
    for r in rows:
        out.print(f"\n{escape(r['article_id'])}  {escape(r['outlet'] or '')}  {escape(r['title'] or '')}",
                  highlight=False)
        out.print(f"  date: {escape(r['date'])}", highlight=False)
        if not r["linked_id"]:
            out.print("  alone in its story", highlight=False)
            continue
        linked = f"{r['linked_id']} ({titles.get(r['linked_id']) or r['linked_title'] or ''})"
        if r["score"] is None:
            out.print(f"  a near-duplicate of {escape(linked)}", highlight=False)
            continue
        out.print(f"  most like: {escape(linked)}", highlight=False)
        out.print(f"  score {r['score']:.3f} (similarity {r['similarity']:.3f})", highlight=False)
        out.print(f"  shares: {escape(r['why'])}", highlight=False)


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(metavar="A", help="Actor code, e.g. RUS or TURMIL.")],
    b: Annotated[str | None, typer.Argument(metavar="[B]", help="The other actor.")] = None,
    db: DbOpt = None,
    by: Annotated[str, typer.Option("--by", help="day, week, month or year.")] = "month",
    directed: Annotated[bool, typer.Option("--directed", help="Only A -> B events.")] = False,
    include_negated: Annotated[bool, typer.Option("--include-negated")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Draw to FILE.html or FILE.png.")] = None,
    format: FormatOpt = "table",
) -> None:
    """Events of a dyad per period: quad classes, intensity, net cooperation."""
    from .stories.timeline import dyad_timeline, sparklines
    from .stories.timeline import plot as draw

    with _open(db) as store, _errors():
        tl = dyad_timeline(store.connection, a, b, by, directed, include_negated, since, until)
    columns = ["period", "n", "quad1", "quad2", "quad3", "quad4", "intensity_mean",
               "intensity_sum", "net_coop_count", "net_coop_intensity"]
    rows = [r for r in tl.rows() if r["n"]]
    _render(rows, format, columns, f"{tl.label} by {by}")
    if format == "table":
        span = f"{tl.periods[0].period} .. {tl.periods[-1].period}" if tl.periods else "no events"
        for label, line in sparklines(tl):
            out.file.write(f"{label:<12}{line}\n")
        out.file.write(f"{'':<12}{span}; {tl.total} events"
                       f"{'' if include_negated else ' (negated left out)'}, "
                       f"{tl.imprecise} dated too imprecisely for a {by}\n")
    if plot is not None:
        with _errors():
            err.print(f"plot written: {draw(tl, plot)}", highlight=False)


@app.command()
def outlets(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option("--actor", help="How outlets name and quote this "
                                              "actor (default: armed groups, opposition).")] = None,
    format: FormatOpt = "table",
) -> None:
    """Per outlet: the words it uses for the same actors, its tone, whom it quotes."""
    from .stories.outlets import outlet_reports

    with _open(db) as store, _errors():
        reports = outlet_reports(store.connection, actor)
    rows = [r.to_dict() for r in reports]
    if format != "jsonl":
        for r in rows:
            r["terms"] = "; ".join(
                f"{t['term']} {t['own'] + t['quoted']}" + (f" ({t['quoted']} quoted)" if t["quoted"] else "")
                for t in r["terms"]
            )
            r["speakers"] = "; ".join(f"{s['speaker']} {s['quotes']}" for s in r["speakers"])
    _render(rows, format, ["outlet", "articles", "events", "tone", "event_tone", "top_term", "terms",
                           "quotes", "speakers"], "outlets")


@app.command()
def disagreements(
    story: Annotated[str | None, typer.Argument(metavar="[STORY]", help="A story id.")] = None,
    db: DbOpt = None,
    format: Annotated[str, typer.Option("--format", help="text or jsonl.")] = "text",
) -> None:
    """Claims that differ between outlets inside a story (figures, actors, dates)."""
    from .stories.disagree import disagreements as find

    with _open(db) as store, _errors():
        found = find(store.connection, story)
    if format == "jsonl":
        _render([d.to_dict() for d in found], format, [], "disagreements")
        return
    if format != "text":
        raise _fail(f"unknown format {format!r}; use text or jsonl")
    if not found:
        out.file.write("no disagreements found\n")
    for d in found:
        out.file.write(f"{d.story_id}  {d.kind}: {d.subject}\n")
        for claim in (d.a, d.b):
            out.file.write(f"  {claim.outlet or '(unknown outlet)'}: {claim.value}\n")
            out.file.write(f"    \"{claim.evidence}\" [{claim.article_id}]\n")


@app.command("export")
def export_command(
    format: Annotated[str, typer.Option("--format", help="parquet, csv, jsonl or gdelt.")],
    out_path: Annotated[Path, typer.Option("--out", help="A folder (a file for gdelt).")],
    db: DbOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    ng_columns: Annotated[bool, typer.Option(
        "--ng-columns", help="gdelt: newsgraph's own NG_* columns after GDELT's 61.")] = False,
) -> None:
    """Export the store: Parquet/CSV/JSONL (one file per table) or GDELT 2.0 events."""
    from .export import ExportFilters
    from .export import export as run_export

    with _open(db) as store, _errors():
        report = run_export(store, format, out_path, ExportFilters(since, until, actor, outlet),
                            ng_columns=ng_columns)
    note = f"; {report.skipped_undated} undated events left out" if report.skipped_undated else ""
    err.print(f"{sum(report.rows.values())} rows in {len(report.rows)} files -> {out_path}{note}",
              highlight=False)


# -- no store --------------------------------------------------------------------------


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A .txt or .html page.")],
    format: Annotated[str, typer.Option("--format", help="json or text.")] = "json",
) -> None:
    """Extract one page and print its metadata and body (stores nothing)."""
    from .extract import extract as extract_article

    if format not in ("json", "text"):
        raise _fail(f"unknown format {format!r}; use json or text")
    if not file.is_file():
        raise _fail(f"no such file: {file}")
    try:
        article = extract_article(file)
    except NewsgraphError as exc:
        raise _fail(getattr(exc, "reason", str(exc)), 1) from None
    fields = ("title", "outlet", "author", "published", "published_source",
              "published_not_before", "language")
    if format == "json":
        data = {name: getattr(article, name) for name in fields} | {"body": article.body}
        out.file.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for name in fields:
        out.file.write(f"{name}: {getattr(article, name) or ''}\n")
    out.file.write("\n" + article.body + "\n")


@app.command()
def code(
    input: Annotated[str, typer.Option("--input", help="JSONL file, or - for stdin.")] = "-",
    output: Annotated[str, typer.Option("--output", help="JSONL file, or - for stdout.")] = "-",
    config: ConfigOpt = None,
) -> None:
    """Code JSONL records {"id", "text", "published"?} into one JSON line per event."""
    from .ingest.pipeline import LineError, code_records

    settings = _settings(config)
    try:
        source: TextIO = sys.stdin if input == "-" else open(input, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise _fail(f"cannot read {input}: {exc.strerror or exc}") from None
    bad = 0
    try:
        sink: TextIO = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        with _errors():
            for item in code_records(source, settings):
                if isinstance(item, LineError):
                    bad += 1
                    print(f"line {item.line}: {item.message}", file=sys.stderr, flush=True)
                else:
                    sink.write(json.dumps(item, ensure_ascii=False) + "\n")
                    sink.flush()
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    if bad:
        err.print(f"{bad} input lines could not be coded", highlight=False)
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to bind (default: loopback only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port; 0 = any.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Refuse ingest batches.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Answer every request afresh (no response cache).")
    ] = False,
    config: ConfigOpt = None,
) -> None:
    """Serve the dashboard and REST API; `newsgraph ingest` meanwhile writes through it."""
    from .web import serve as run_server

    settings = _settings(config, db=db)
    with _errors():
        run_server(settings.db, host=host, port=port, read_only=read_only, cache=not no_cache,
                   allowed_hosts=settings.allowed_hosts)


# -- watching the news: sources in rounds, watchlists, alerts -----------------------


@app.command()
def watch(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Feeds, sitemaps, OPML files or URL lists (URLs or files); "
                       "none: every source watched before."),
    ] = None,
    every: Annotated[str | None, typer.Option("--every", help="Fetch each source this often "
                                              "(15m, 1h, 900; default: settings.watch_every).")] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then stop.")] = False,
    db: DbOpt = None,
    no_code: Annotated[bool, typer.Option("--no-code", help="Store articles, skip event coding.")] = False,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert (JSON) here.")] = None,
    jsonl: Annotated[str | None, typer.Option("--jsonl", help="Append each alert to this JSONL file.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Fetch feeds in rounds, ingest new articles, alert on watchlists and spikes."""
    from .ingest.watch import Watcher, parse_every

    settings = _settings(config, db=db, code_events=False if no_code else None,
                         watch_webhook=webhook, watch_jsonl=jsonl)
    try:
        seconds = parse_every(every) if every else None
    except ValueError as exc:
        raise _fail(str(exc)) from None

    def batch(report: Any) -> None:
        print(f"watch: round {report.round}: {report.articles + report.duplicates + report.failed} "
              f"pages stored, {report.fetched} fetched", file=sys.stderr, flush=True)

    def line(report: Any) -> None:
        print(report.line(), file=sys.stderr, flush=True)
        for url, reason in report.errors:
            print(f"  {url}: {reason}", file=sys.stderr, flush=True)

    with _errors(), Watcher(settings, sources or [], seconds, progress=batch) as watcher:
        try:
            while True:
                report = watcher.run(once=True)[0]
                line(report)
                if once:
                    break
                now = watcher.clock.now()
                due = report.next_due if report.next_due is not None else now + watcher.every
                watcher.clock.sleep(min(max(due - now, 1.0), watcher.every))
        except KeyboardInterrupt:
            err.print("watch: stopped", highlight=False)


@app.command("sources")
def sources_command(db: DbOpt = None, format: FormatOpt = "table") -> None:
    """Watched sources: last fetch, answer, failures, next due, links found."""
    from .store.watch import sources as read_sources

    with _open(db) as store:
        rows = read_sources(store.connection)
    columns = ["url", "kind", "last_status", "last_fetch", "failures", "next_due", "links",
               "pending", "last_error"]
    _render(rows, format, columns if format == "table" else [*columns, "root", "parent", "etag",
                                                             "last_modified", "fetches"], "sources")


watchlist_app = typer.Typer(help="Watchlists: event filters whose new events become alerts.",
                            no_args_is_help=True)
app.add_typer(watchlist_app, name="watchlist")


@contextmanager
def _watch_state(db: str | None, config: Path | None = None) -> Iterator[Any]:
    """The watch operations on the store, or through the server that holds it."""
    from .ingest.watchstate import state_for
    from .store import Store
    from .store.remote import remote_writer

    settings = _settings(config, db=db)
    with _errors():
        remote = remote_writer(settings.db)
        with remote or Store.open(settings.db, memory_mb=settings.store_memory_mb) as sink:
            yield state_for(sink)


@watchlist_app.command("add")
def watchlist_add(
    name: Annotated[str, typer.Argument(help="A name: letters, digits, _.-")],
    actor: Annotated[str | None, _filter("actor")] = None,
    dyad: Annotated[str | None, _filter("dyad")] = None,
    type: Annotated[str | None, _filter("type")] = None,
    outlet: Annotated[str | None, _filter("outlet")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Event place name or country code.")] = None,
    keyword: Annotated[str | None, typer.Option("--keyword", help="A word in the evidence or title.")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="The dyad as SOURCE -> TARGET only.")] = False,
    db: DbOpt = None,
) -> None:
    """Watch events of an actor, dyad, type, outlet, place or keyword (any combination)."""
    filters = {"actor": actor, "dyad": dyad, "type": type, "outlet": outlet, "place": place,
               "keyword": keyword, "directed": directed}
    with _watch_state(db) as state:
        found = state.call("add_watchlist", name=name, filters=filters, now=time.time())
    err.print(f"watchlist {found['name']}: {json.dumps(found['filters'])}", highlight=False)


@watchlist_app.command("list")
def watchlist_list(db: DbOpt = None, format: FormatOpt = "table") -> None:
    """List watchlists with their filters and alert counts."""
    from .store.alerts import watchlists

    with _open(db) as store:
        rows = watchlists(store.connection)
    for row in rows:
        row["filters"] = " ".join(f"{k}={v}" for k, v in row["filters"].items())
    _render(rows, format, ["name", "filters", "alerts", "created_at"], "watchlists")


@watchlist_app.command("remove")
def watchlist_remove(name: Annotated[str, typer.Argument()], db: DbOpt = None) -> None:
    """Remove a watchlist (its alerts stay)."""
    with _watch_state(db) as state:
        if not state.call("remove_watchlist", name=name):
            raise _fail(f"no watchlist {name!r}; `newsgraph watchlist list` lists them", 1)


@app.command()
def alerts(
    db: DbOpt = None,
    watchlist: Annotated[str | None, typer.Option("--watchlist", help="Only this watchlist.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="match or spike.")] = None,
    format: FormatOpt = "table",
    limit: LimitOpt = 50,
) -> None:
    """Alerts of `newsgraph watch`, newest first."""
    from .store.alerts import alerts_page

    with _open(db) as store:
        rows, _ = alerts_page(store.connection, watchlist, kind, limit if limit is not None else 2**62)
    if format == "jsonl":
        _render([r["payload"] for r in rows], format, [], "alerts")
        return
    for row in rows:
        row["link"] = row["payload"].get("link")
    _render(rows, format, ["created_at", "watchlist", "kind", "day", "summary", "link"], "alerts")


if __name__ == "__main__":  # pragma: no cover
    main()
