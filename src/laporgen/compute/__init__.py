"""Stage 2: pure arithmetic on validated content. Decimal in, Decimal | None out; no I/O, no
formatting. `None` means "no number" (the document prints "-")."""
