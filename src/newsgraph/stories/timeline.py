"""Dyad timelines: what two actors did to each other, period by period.

For a pair of actors A and B (a country ``RUS``, or a country and sector ``TURMIL``,
or an organisation ``NATO``) and a period (day, week, month, year), each period has:

* ``n`` and ``quad`` = (quad1, quad2, quad3, quad4): events by quad class
  (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict);
* ``intensity_mean`` and ``intensity_sum`` of the Goldstein-like intensity (-10 .. +10);
* ``net_coop_count`` = (quad1 + quad2) - (quad3 + quad4);
* ``net_coop_intensity`` = sum of |intensity| over quad 1-2 events minus the sum of
  |intensity| over quad 3-4 events (the dashboard's definition: a REQUEST at 0 weighs
  nothing, a verbal REQUEST at -1 still counts as conflict).

Undirected (the default): events where A and B are two different actors of the event,
in any roles (a meeting lists both as actors).  Directed: A among the sources and B
among the targets.  Negated events are left out unless asked for.  An event falls in a
period only when its date (event date, else the article's) is at least that precise;
the others are counted in ``imprecise``.  Periods with no event between the first and
the last are filled with zeros (``fill``).
"""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..store.query import EventQuery
from ..store.timelines import periods as read_periods

__all__ = ["PERIODS", "Period", "Timeline", "dyad_timeline", "plot", "sparkline"]

PERIODS = ("day", "week", "month", "year")
BLOCKS = " ▁▂▃▄▅▆▇█"
QUAD_COLOURS = ("#8fd19e", "#2e9d4f", "#f4a259", "#c8102e")
QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


@dataclass(frozen=True, slots=True)
class Period:
    period: str
    n: int
    quad: tuple[int, int, int, int]
    intensity_mean: float | None
    intensity_sum: float
    net_coop_count: int
    net_coop_intensity: float


@dataclass(frozen=True, slots=True)
class Timeline:
    a: str
    b: str | None
    by: str
    directed: bool
    include_negated: bool
    periods: tuple[Period, ...]
    imprecise: int

    @property
    def total(self) -> int:
        return sum(p.n for p in self.periods)

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows, one per period (quad classes as quad1 .. quad4)."""
        out = []
        for p in self.periods:
            row = asdict(p)
            quads = row.pop("quad")
            row.update({f"quad{i + 1}": q for i, q in enumerate(quads)})
            out.append(row)
        return out

    @property
    def label(self) -> str:
        arrow = " -> " if self.directed else " - "
        return self.a + (arrow + self.b if self.b else "")


def dyad_timeline(
    conn: Any,
    a: str,
    b: str | None = None,
    by: str = "month",
    directed: bool = False,
    include_negated: bool = False,
    since: str | None = None,
    until: str | None = None,
    fill: bool = True,
) -> Timeline:
    """The timeline of a dyad (or of one actor when ``b`` is None) from a store connection."""
    if by not in PERIODS:
        raise ConfigError(f"period {by!r} is not known; use one of {', '.join(PERIODS)}")
    query = EventQuery.of_dyad(a, b, directed, since, until, include_negated)
    rows, imprecise = read_periods(conn, query, by)
    periods = [
        Period(
            period=str(r["period"]),
            n=int(r["n"]),
            quad=(int(r["quad1"]), int(r["quad2"]), int(r["quad3"]), int(r["quad4"])),
            intensity_mean=r["intensity_mean"],
            intensity_sum=r["intensity_sum"],
            net_coop_count=int(r["net_coop_count"]),
            net_coop_intensity=r["net_coop_intensity"],
        )
        for r in rows
    ]
    if fill:
        periods = _fill(periods, by)
    return Timeline(a, b, by, directed, include_negated, tuple(periods), imprecise)


def _next(period: str, by: str) -> str:
    if by == "year":
        return str(int(period) + 1)
    if by == "month":
        y, m = int(period[:4]), int(period[5:7])
        return f"{y + m // 12}-{m % 12 + 1:02d}"
    step = 7 if by == "week" else 1
    return (date.fromisoformat(period) + timedelta(days=step)).isoformat()


def _fill(periods: list[Period], by: str, cap: int = 20_000) -> list[Period]:
    if len(periods) < 2:
        return periods
    have = {p.period: p for p in periods}
    out: list[Period] = []
    current, last = periods[0].period, periods[-1].period
    while current <= last and len(out) < cap:
        out.append(have.get(current) or Period(current, 0, (0, 0, 0, 0), None, 0.0, 0, 0.0))
        current = _next(current, by)
    return out


def sparkline(values: list[float], width: int = 80) -> str:
    """Unicode block sparkline (a space for zero); long series are summed into ``width`` cells."""
    if not values:
        return ""
    if len(values) > width:
        size = -(-len(values) // width)
        values = [sum(values[i : i + size]) for i in range(0, len(values), size)]
    top = max(values)
    if top <= 0:
        return " " * len(values)
    return "".join(
        " " if v <= 0 else BLOCKS[max(1, round(v / top * (len(BLOCKS) - 1)))] for v in values
    )


def sparklines(tl: Timeline, width: int = 80) -> list[tuple[str, str]]:
    """(label, sparkline) for events, cooperation (quad 1-2) and conflict (quad 3-4)."""
    ps = tl.periods
    return [
        ("events", sparkline([p.n for p in ps], width)),
        ("cooperation", sparkline([p.quad[0] + p.quad[1] for p in ps], width)),
        ("conflict", sparkline([p.quad[2] + p.quad[3] for p in ps], width)),
    ]


# -- plots ---------------------------------------------------------------------------------


def plot(tl: Timeline, path: str | Path) -> Path:
    """Draw the timeline: ``.html`` (a self-contained SVG page) or ``.png`` (matplotlib)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix in (".html", ".htm"):
        target.write_text(html_page(tl), encoding="utf-8")
    elif suffix == ".png":
        _png(tl, target)
    else:
        raise ConfigError(f"cannot plot to {target.name!r}; give a .html or .png file name")
    return target


def svg(tl: Timeline, width: int = 960, height: int = 360) -> str:
    """Stacked bars of events by quad class, with the net cooperation count as a line."""
    left, right, top, bottom = 48, 16, 16, 56
    ps = tl.periods or (Period("-", 0, (0, 0, 0, 0), None, 0.0, 0, 0.0),)
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([p.n for p in ps] + [abs(p.net_coop_count) for p in ps] + [1])
    step = plot_w / len(ps)
    bar = max(1.0, step * 0.8)
    zero = top + plot_h / 2
    scale = (plot_h / 2) / peak
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<line x1="{left}" y1="{zero:.1f}" x2="{width - right}" y2="{zero:.1f}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>',
        f'<text x="{left - 6}" y="{zero + 4:.1f}" text-anchor="end">0</text>',
        f'<text x="{left - 6}" y="{top + plot_h:.1f}" text-anchor="end">-{peak}</text>',
    ]
    label_every = max(1, len(ps) // 12)
    line: list[str] = []
    for i, p in enumerate(ps):
        x = left + i * step + (step - bar) / 2
        # cooperation stacks up from the zero line, conflict down from it
        y_up, y_down = zero, zero
        for q, count in enumerate(p.quad):
            if not count:
                continue
            h = count * scale
            y = y_up - h if q < 2 else y_down
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{QUAD_COLOURS[q]}"><title>{html.escape(p.period)}: {count} '
                f"{QUAD_NAMES[q]}</title></rect>"
            )
            if q < 2:
                y_up -= h
            else:
                y_down += h
        line.append(f"{x + bar / 2:.1f},{zero - p.net_coop_count * scale:.1f}")
        if i % label_every == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" text-anchor="end" '
                f'transform="rotate(-45 {x + bar / 2:.1f} {height - bottom + 14})">'
                f"{html.escape(p.period)}</text>"
            )
    parts.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="#1f4e9c" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "\n".join(parts)


def html_page(tl: Timeline) -> str:
    legend = "".join(
        f'<span><i style="background:{c}"></i>{n}</span>' for c, n in zip(QUAD_COLOURS, QUAD_NAMES, strict=True)
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
            p.period, p.n, *p.quad, p.net_coop_count, p.net_coop_intensity,
            "" if p.intensity_mean is None else p.intensity_mean,
        )) + "</tr>"
        for p in tl.periods if p.n
    )
    head = "".join(f"<th>{h}</th>" for h in (
        tl.by, "events", "quad 1", "quad 2", "quad 3", "quad 4", "net coop", "net coop (intensity)",
        "mean intensity",
    ))
    title = html.escape(f"{tl.label} by {tl.by}")
    note = (
        f"{tl.total} events{'' if tl.include_negated else ' (negated events left out)'}; "
        f"{tl.imprecise} dated too imprecisely for a {tl.by}."
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #222; }}
.legend span {{ margin-right: 1.2em; }} .legend i {{ display: inline-block; width: 12px;
height: 12px; margin-right: 4px; vertical-align: middle; }}
table {{ border-collapse: collapse; margin-top: 1em; }} td, th {{ padding: 2px 8px;
border-bottom: 1px solid #ddd; text-align: right; }}
</style></head><body>
<h1>{title}</h1>
<p>{html.escape(note)} Bars: cooperation above the line, conflict below; blue line: net
cooperation count, (quad 1 + 2) - (quad 3 + 4).</p>
<p class="legend">{legend}</p>
{svg(tl)}
<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
</body></html>
"""


def _png(tl: Timeline, target: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise ConfigError(
            "PNG plots need matplotlib: `pip install matplotlib` (or plot to a .html file)"
        ) from None
    ps = tl.periods
    xs = list(range(len(ps)))
    fig, ax = plt.subplots(figsize=(10, 4))
    up = [0.0] * len(ps)
    down = [0.0] * len(ps)
    for q in range(4):
        vals = [float(p.quad[q]) for p in ps]
        if q < 2:
            ax.bar(xs, vals, bottom=up, color=QUAD_COLOURS[q], label=QUAD_NAMES[q])
            up = [u + v for u, v in zip(up, vals, strict=True)]
        else:
            ax.bar(xs, [-v for v in vals], bottom=down, color=QUAD_COLOURS[q], label=QUAD_NAMES[q])
            down = [d - v for d, v in zip(down, vals, strict=True)]
    ax.plot(xs, [p.net_coop_count for p in ps], color="#1f4e9c", label="net cooperation")
    ax.axhline(0, color="#888", linewidth=0.8)
    every = max(1, len(ps) // 12)
    ax.set_xticks(xs[::every], [p.period for p in ps][::every], rotation=45, ha="right")
    ax.set_title(f"{tl.label} by {tl.by}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(target, dpi=100)
    plt.close(fig)
