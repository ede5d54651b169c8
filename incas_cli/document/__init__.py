"""What documents say: the document model and the outlines that fill it."""
