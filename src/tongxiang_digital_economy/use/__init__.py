"""use layer."""
