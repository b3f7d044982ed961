"""ocop-harvester: follow Vietnam's OCOP programme through the provincial press."""

__version__ = "0.1.0"
