"""Datasette plugins loaded with --plugins-dir (each module is self-contained)."""
