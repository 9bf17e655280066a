"""Build the dashboard map's country outlines (src/newsgraph/web/static/countries.json).

Source: the ``world-atlas`` npm package (ISC licence, Michael Bostock), a TopoJSON
redistribution of Natural Earth's Admin 0 country boundaries (public domain).  Get it
with ``npm pack world-atlas@2.0.2`` and pass its ``countries-50m.json``::

    python scripts/build_countries.py package/countries-50m.json

The arcs are decoded to plain GeoJSON (one Feature per country: its name and ISO
3166 numeric id), coordinates rounded to ``--digits`` decimals and repeated points
dropped, so that the page needs no TopoJSON library and the file stays small.  A ring
that crosses the antimeridian is unwrapped (longitudes past 180) and one around a pole
closed along it, so that no edge runs across the whole map.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

OUT = (
    Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "web" / "static" / "countries.json"
)
ABOUT = (
    "Country outlines for the offline dashboard map: Natural Earth Admin 0 country "
    "boundaries (public domain), from the world-atlas package (ISC licence, Michael "
    "Bostock; see countries.LICENSE.txt), decoded to GeoJSON and rounded by "
    "scripts/build_countries.py."
)


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(
    indexes: list[int], arcs: list[list[tuple[float, float]]], digits: int
) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    out: list[list[float]] = []
    shift = 0.0
    for lon, lat in points:
        if out and abs(lon + shift - out[-1][0]) > 180:  # crossing the antimeridian
            shift += 360.0 if out[-1][0] > lon + shift else -360.0
        p = [round(lon + shift, digits), round(lat, digits)]
        if not out or out[-1] != p:
            out.append(p)
    if out and abs(out[-1][0] - out[0][0]) > 180:
        # a ring around a pole (Antarctica): close it along the pole, not across the map
        pole = 90.0 if sum(q[1] for q in out) > 0 else -90.0
        out += [[out[-1][0], pole], [out[0][0], pole]]
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def features(topo: dict[str, Any], digits: int) -> list[dict[str, Any]]:
    arcs = decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        coords = [[ring(r, arcs, digits) for r in poly] for poly in polys]
        coords = [[r for r in poly if len(r) >= 4] for poly in coords]
        coords = [poly for poly in coords if poly]
        if not coords:
            continue
        out.append(
            {
                "type": "Feature",
                "id": g.get("id"),
                "properties": {"name": g.get("properties", {}).get("name")},
                "geometry": {"type": "MultiPolygon", "coordinates": coords},
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("--digits", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    doc = {"type": "FeatureCollection", "about": ABOUT, "features": features(topo, args.digits)}
    args.out.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    print(f"{len(doc['features'])} countries -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
