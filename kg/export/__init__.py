"""Exporters: each a pure `generate_*` (graph -> text) plus a `write_*` (atomic file write)."""
