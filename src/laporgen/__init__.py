"""laporgen: Renstra and LKjIP documents from structured data."""
