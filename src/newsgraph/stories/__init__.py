"""Stories: near-duplicate articles, story clusters, dyad timelines, outlet framing.

Submodules are imported on their own (``newsgraph.stories.cluster``); this package
imports nothing heavy.
"""
