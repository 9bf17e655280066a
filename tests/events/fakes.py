"""A small stand-in for ``newsgraph.actors.ActorResolver`` (used only by unit tests
that must not depend on the real dictionary): countries, demonyms, capitals and a
few organisations, no coreference."""

from __future__ import annotations

from typing import Any

from newsgraph.records import Actor, Mention

NAMES: dict[str, str] = {
    "Turkey": "TUR", "Turkish": "TUR", "Ankara": "TUR",
    "Syria": "SYR", "Syrian": "SYR", "Damascus": "SYR",
    "Russia": "RUS", "Russian": "RUS", "Moscow": "RUS", "Kremlin": "RUS",
    "France": "FRA", "French": "FRA", "Paris": "FRA",
    "Iran": "IRN", "Iranian": "IRN", "Tehran": "IRN",
    "Germany": "DEU", "German": "DEU", "Ukraine": "UKR", "Ukrainian": "UKR",
    "China": "CHN", "Chinese": "CHN", "Japan": "JPN", "Japanese": "JPN",
    "Israel": "ISR", "Israeli": "ISR", "Egypt": "EGY", "Egyptian": "EGY",
    "US": "USA", "United States": "USA", "American": "USA", "Washington": "USA",
    "Saudi Arabia": "SAU", "Saudi": "SAU", "Poland": "POL", "Polish": "POL",
    "India": "IND", "Indian": "IND", "Pakistan": "PAK", "Qatar": "QAT",
}  # fmt: skip
ORGS = {"NATO": "NATO", "United Nations": "UN", "European Union": "EU"}
GROUP_NOUNS = {"troops", "forces", "army", "government", "side", "authorities", "officials", "jets"}


class FakeResolver:
    def mentions(self, doc: Any, published: str | None = None) -> list[Mention]:
        out: list[Mention] = []
        i = 0
        table = {**NAMES, **ORGS}
        while i < len(doc):
            hit = None
            for n in (2, 1):
                text = doc[i : i + n].text
                if i + n <= len(doc) and text in table:
                    hit = (n, table[text])
                    break
            if hit is None:
                i += 1
                continue
            n, code = hit
            end = i + n
            if end < len(doc) and doc[end].lower_ in GROUP_NOUNS:
                end += 1
            span = doc[i:end]
            country = None if code in ORGS.values() else code
            actor = Actor(text=span.text, code=code, country=country, org=None if country else code)
            out.append(Mention(span.start_char, span.end_char, actor, kind="name"))
            i = end
        return out
