"""Resolve stage: link what a draft cites to what it points at.

``registry`` maps resolution and decision numbers to their adoption dates
(shipped data in ``checker/data/registry.csv``, extensible by the user).
"""
