"""An index for looking entities up by the start of a name (``entities(q=...)``).

``kb_names (kind, norm, entity_id)`` answers "which entities have a name form starting
with these words" from the index alone, without reading one row per article mention.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

NAME = "m0008_name_prefix_index"


def up(conn: Any) -> None:
    """Create the index.

    Args:
        conn: an SQLAlchemy Connection inside the migration's transaction.
    """
    conn.execute(text("CREATE INDEX ix_kb_names_prefix ON kb_names (kind, norm, entity_id)"))
