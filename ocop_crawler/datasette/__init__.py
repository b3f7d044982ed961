"""Datasette configuration of the project: metadata, plugins, templates (see docs/datasette.md)."""
