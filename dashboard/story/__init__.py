"""The story: many articles' rows in, the story out. The same happening told by several
sources linked into one story event, one canonical name per actor, the story-events table and
an analyst's review of an event. Pure functions over extracted rows."""
