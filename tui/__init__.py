"""Byline: a terminal reader for people who read the news closely."""

__version__ = "0.1.0"
