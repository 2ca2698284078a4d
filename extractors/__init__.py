"""Pure fact extractors: a spaCy Doc in, typed mention records out. No file or network I/O."""
