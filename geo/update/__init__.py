"""New days from DeepStateMap into data/: fetched, derived, written whole or not at all, and
recorded so that a damaged file is noticed before use."""
