"""Stage 3: computed results → one format-neutral document tree (`nodes.py`)."""
