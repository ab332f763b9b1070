"""A fact-tracking timeline dashboard for developing news stories."""
