"""Writers: lay out the blocks of the document model (docx, text, rich for the terminal)."""
