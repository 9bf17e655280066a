"""Build a synthetic corpus of N pages from the project's own fixtures, with variation.

    python -m bench.make_corpus N OUT_DIR [--formats html,text,warc] [--seed 7]

Each page starts from a fixture page (tests/data/html, tests/data/text, examples/seeds),
then its paragraphs are shuffled, country and person names swapped, years moved and a
serial number woven into a sentence.  No two pages are the same, but two pages made from
the same fixture can be near-duplicates (ingest links about 25 of 300 at similarity
0.80-0.92, as a crawl links an outlet's reprints): the corpus exercises deduplication
too.  WARC output packs 500 pages per ``.warc.gz`` file.
"""

from __future__ import annotations

import argparse
import io
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {
    "html": [ROOT / "tests" / "data" / "html"],
    "text": [ROOT / "tests" / "data" / "text", ROOT / "examples" / "seeds"],
}
SWAPS = [
    ("Turkey", ["Greece", "Egypt", "Jordan", "Iraq", "Lebanon", "Armenia", "Georgia"]),
    ("Russia", ["China", "Brazil", "India", "Japan", "Canada", "Mexico", "Nigeria"]),
    ("Syria", ["Libya", "Yemen", "Sudan", "Mali", "Somalia", "Chad", "Niger"]),
    ("Erdogan", ["Mitsotakis", "Sisi", "Abdullah", "Sudani", "Mikati", "Pashinyan"]),
    ("Lavrov", ["Wang", "Vieira", "Jaishankar", "Hayashi", "Joly", "Ebrard"]),
]
PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)
YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")
WORDS = [
    "officials",
    "reporters",
    "analysts",
    "observers",
    "diplomats",
    "residents",
    "engineers",
    "farmers",
    "traders",
    "teachers",
    "nurses",
    "drivers",
    "students",
    "pilots",
    "sailors",
    "lawyers",
]


def templates(kind: str) -> list[str]:
    pages: list[str] = []
    for folder in SOURCES[kind]:
        pattern = "*.html" if kind == "html" else "*.txt"
        for path in sorted(folder.glob(pattern)):
            raw = path.read_bytes()
            try:
                pages.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                continue  # the windows-1251 fixture: keep the generator simple
    if not pages:
        raise SystemExit(f"no {kind} fixtures found under {SOURCES[kind]}")
    return pages


def vary(page: str, kind: str, serial: int, rng: random.Random) -> str:
    for name, options in SWAPS:
        if rng.random() < 0.7:
            page = page.replace(name, rng.choice(options))
    shift = rng.randint(-6, 3)
    page = YEAR.sub(lambda m: str(int(m.group(1)) + shift), page)
    marker = (
        f"Some {rng.choice(WORDS)} counted {serial} {rng.choice(WORDS)} and "
        f"{rng.randint(2, 999)} {rng.choice(WORDS)} at the scene on day {serial % 28 + 1}."
    )
    if kind == "html":
        paragraphs = PARAGRAPH.findall(page)
        bodies = [p[1] for p in paragraphs]
        rng.shuffle(bodies)
        it = iter(bodies)
        page = PARAGRAPH.sub(lambda m: m.group(1) + next(it) + m.group(3), page)
        return page.replace("</p>", f" {marker}</p>", 1)
    blocks = page.split("\n\n")
    if len(blocks) > 4:
        middle = blocks[2:-2]
        rng.shuffle(middle)
        blocks = blocks[:2] + middle + blocks[-2:]
    blocks.insert(min(3, len(blocks)), marker)
    return "\n\n".join(blocks)


def generate(n: int, kinds: list[str], seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """Yield (kind, name, content) for n pages, cycling through the kinds."""
    rng = random.Random(seed)
    pools = {k: templates("html" if k == "warc" else k) for k in kinds}
    for i in range(n):
        kind = kinds[i % len(kinds)]
        base = "html" if kind == "warc" else kind
        page = vary(rng.choice(pools[kind]), base, i, rng)
        yield kind, f"page{i:07d}", page


def write_corpus(n: int, out: Path, kinds: list[str], seed: int = 7) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    warc_batch: list[tuple[str, str]] = []
    for kind, name, page in generate(n, kinds, seed):
        if kind == "warc":
            warc_batch.append((name, page))
            if len(warc_batch) == 500:
                _write_warc(out, warc_batch)
                warc_batch = []
        else:
            ext = ".html" if kind == "html" else ".txt"
            sub = out / name[-3:]
            sub.mkdir(exist_ok=True)
            (sub / f"{name}{ext}").write_text(page, encoding="utf-8")
    if warc_batch:
        _write_warc(out, warc_batch)
    return out


def _write_warc(out: Path, batch: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = out / f"{batch[0][0]}.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name, page in batch:
            payload = page.encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example.org/{name}",
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
            )
            writer.write_record(record)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.make_corpus",
        description="Write a synthetic corpus of N pages varied from the project's fixtures.",
    )
    parser.add_argument("n", type=int, metavar="N", help="how many pages to write")
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="folder to write them to")
    parser.add_argument(
        "--formats",
        default="html,text,warc",
        help="comma-separated kinds, taken in turn: html (.html pages), text (.txt pages), "
        "warc (HTML pages packed 500 to a .warc.gz) (default: %(default)s)",
    )
    parser.add_argument(
        "--seed", type=int, default=7, help="random seed: the same seed writes the same pages"
    )
    args = parser.parse_args(argv)
    write_corpus(args.n, args.out, args.formats.split(","), args.seed)
    print(f"wrote {args.n} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
