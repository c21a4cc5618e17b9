"""What is known, dated: Ukraine's units, the shipped occupied-area snapshots and the daily
series, towns, published figures and how fresh they are. Reads data/ and nothing above it."""
