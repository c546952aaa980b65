"""Word lists and phrase patterns of the meaning-based detectors, kept apart from their code.

Each module here is data only: tuples of words and regular-expression fragments, grouped by
language, that a detector of the same name compiles once at import. Adding a language or
a phrase means editing a list, not a detector.
"""
