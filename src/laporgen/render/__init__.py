"""Renderers: the document tree drawn as DOCX (and later HTML and PDF)."""
