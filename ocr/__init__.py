"""Read Indonesian identity documents (KTP, KK, SKTM) from scans and photos."""
