"""privaudit — audit a downloaded social-media archive for disclosures that put you at risk."""

__version__ = "0.1.0"
