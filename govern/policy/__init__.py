"""Loading, validating and compiling policy packs."""
