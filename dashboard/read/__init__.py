"""Reading: a document in. Bytes to text, a saved page to its article text and metadata, the
manifest of a story's articles, and the blocks and sentences every offset points into."""
