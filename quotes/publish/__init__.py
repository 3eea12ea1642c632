"""Stage 6 — publish: Chinese full-text search and the Datasette plugin.

The ``datasette`` entry point names this package, so Datasette finds the
hooks below and the ``templates/`` folder beside them.
"""

from .plugin import prepare_connection, register_facet_classes, register_routes, render_cell

__all__ = ["prepare_connection", "register_facet_classes", "register_routes", "render_cell"]
