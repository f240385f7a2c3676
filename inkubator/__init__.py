"""inkubator: BLK Komunitas registry, readiness assessment and incubator selection."""

__version__ = "0.1.0"
