"""kbio: Korean news about the Boston biotech cluster, as a PostgreSQL database."""

__version__ = "0.1.0"

# Bumped whenever a change to cleaning or extraction can change the facts of an
# article; stored on every fact so `kbio reprocess` knows what is stale.
EXTRACTOR_VERSION = "2026.12.05.6"
