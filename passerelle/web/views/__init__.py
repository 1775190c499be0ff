"""Route modules: pages (read), ingest and corrections (write), export, docs."""
