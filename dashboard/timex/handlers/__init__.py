"""The tagger's rule handlers: each turns a pattern match into a TIMEX3 type and value in
context (absolute dates, relative references, durations and sets, quarters)."""
