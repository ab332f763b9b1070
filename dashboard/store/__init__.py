"""The store: the only layer that writes. Builds a story folder's tables from its manifest
(incrementally, through a cache), keeps curation, reads the built tables back, and exports
them."""
