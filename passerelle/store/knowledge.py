"""Placeholder: writes what one document says into the knowledge base (owned by the KB work)."""

from __future__ import annotations

from typing import Any

from passerelle.records import Document


def integrate_document(conn: Any, doc_id: str, doc: Document) -> None:
    """Merge ``doc``'s facts into the knowledge base, inside the caller's transaction.

    Args:
        conn: an open SQLAlchemy Connection in a transaction.
        doc_id: the stored document's id.
        doc: the extracted document.
    """
