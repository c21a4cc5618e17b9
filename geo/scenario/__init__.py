"""Ceasefire and withdrawal proposals: the registry of proposals and their parameters, the
ground a scenario works on, its zones and lines, what it costs and how long taking it would
take, and how a scenario travels in links and decks."""
