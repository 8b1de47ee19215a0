"""Django's SQLite backend, with one writing transaction per process at a time."""
