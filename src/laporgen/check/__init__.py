"""Findings: printed vs computed, across tables, in prose, plausibility."""
