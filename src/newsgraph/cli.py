"""The ``newsgraph`` command: parse, call a plain function, render.

Exit codes: 0 all went well; 1 some pages (or input lines) failed, counted on
stderr; 2 a usage or fatal error (bad setting, unreadable store).
"""

from __future__ import annotations

import csv
import json
import sys
import time
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

from .errors import NewsgraphError
from .settings import Settings

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
    except NewsgraphError as exc:
        raise _fail(str(exc)) from None


def _settings(config: Path | None = None, **overrides: Any) -> Settings:
    with _errors():
        return Settings.load(config, **overrides)


def _open(db: str | None, config: Path | None = None) -> Any:
    from .store import Store

    settings = _settings(config, db=db)
    with _errors():
        return Store.open(settings.db, read_only=True)


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


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or archives.")],
    db: DbOpt = None,
    manifest: Annotated[Path | None, typer.Option("--manifest", help="JSONL or CSV manifest.")] = None,
    no_code: Annotated[bool, typer.Option("--no-code", help="Store articles, skip event coding.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Ingest pages into the store; pages stored before are skipped."""
    from .pipeline import estimate_pages
    from .pipeline import ingest as run_ingest

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")
    settings = _settings(config, db=db, code_events=False if no_code else None)
    with _errors(), _progress(estimate_pages(paths)) as on_batch:
        report = run_ingest(paths, settings, manifest=manifest, progress=on_batch)
    err.print(
        f"{report.pages} pages: {report.articles} articles, {report.duplicates} duplicates, "
        f"{report.failed} failed, {report.skipped_already_stored} already stored; "
        f"{report.events} events -> {settings.db}",
        highlight=False,
    )
    if not report.ok:
        err.print(
            f"{report.failed_total} of {report.pages} pages failed; see `newsgraph failures`",
            highlight=False,
        )
        raise typer.Exit(1)


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
    """Show one article (by id, page id or location) with its copies and events."""
    with _open(db) as store:
        found = store.article(ident)
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


@app.command()
def failures(db: DbOpt = None, format: FormatOpt = "table", limit: LimitOpt = None) -> None:
    """List pages that failed, with their reasons."""
    with _open(db) as store:
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


@app.command()
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code, country or org.")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="SOURCE,TARGET codes.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY[-MM[-DD]]")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    format: FormatOpt = "table",
    limit: LimitOpt = None,
) -> None:
    """List coded events."""
    pair: tuple[str, str] | None = None
    if dyad is not None:
        parts = [p.strip() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise _fail(f"--dyad {dyad!r}: expected two codes, SOURCE,TARGET (e.g. RUS,TUR)")
        pair = (parts[0], parts[1])
    with _open(db) as store:
        rows = store.events(actor=actor, dyad=pair, type=type, since=since, until=until,
                            outlet=outlet, limit=limit)
    for row in rows:
        row["date"] = row["date"] or row["published"]
    _render(rows, format, _EVENT_TABLE if format == "table" else _EVENT_CSV, "events")


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
    from .pipeline import LineError, code_records

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


if __name__ == "__main__":  # pragma: no cover
    main()
