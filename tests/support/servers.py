"""What a test needs to start servers in other processes: a free loopback port, and a database of
their own, of the kind the suite runs on: a fresh PostgreSQL database on the suite's server (dropped
afterwards), or a SQLite file. Their committed writes never meet the test database, which each test
rolls back."""

import os
import socket
from contextlib import contextmanager

from django.conf import settings


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def own_database(name, folder):
    """Yields the DATABASE_URL of a new database called `name` (with this process's id)."""
    base = settings.DATABASES["default"]
    if base["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{folder}/{name}.sqlite3"
        return
    import psycopg

    database = f"{name}_{os.getpid()}"
    server = dict(
        host=base["HOST"] or "127.0.0.1",
        port=base["PORT"] or 5432,
        user=base["USER"],
        password=base["PASSWORD"],
    )

    def execute(statement):
        # From the server's maintenance database: the suite's own need not exist.
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
            connection.execute(statement)

    execute(f'DROP DATABASE IF EXISTS "{database}"')
    execute(f'CREATE DATABASE "{database}"')
    password = f":{base['PASSWORD']}" if base["PASSWORD"] else ""
    try:
        yield f"postgres://{base['USER']}{password}@{server['host']}:{server['port']}/{database}"
    finally:
        execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
