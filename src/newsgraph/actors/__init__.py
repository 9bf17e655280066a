"""Actors: a dictionary the project writes (data/actors) and a resolver over it.

``ActorResolver.lookup(text, when)`` reads one phrase; ``ActorResolver.mentions(doc,
published)`` finds every actor mention in a parsed spaCy doc, with coreference.
Codes: country + sector (``TURMIL``), country alone (``TUR``), an organisation's code
(``NATO``, ``UNSC``), or a sector alone for groups with no country (``REB``).
"""

from __future__ import annotations

from .dictionary import DATA_DIR, Dictionary, load_dictionary
from .resolver import ActorResolver

__all__ = ["DATA_DIR", "ActorResolver", "Dictionary", "load_dictionary"]
