"""Stage 1: content files → validated, typed content (pydantic models)."""
