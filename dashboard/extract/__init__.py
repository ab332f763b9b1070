"""Extraction: one article's text in, its dated events, figures, actors and attribution out.
Pure functions of the text, its metadata and the story's settings; no I/O beyond loading
vocabularies."""
