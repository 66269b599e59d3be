"""What a test needs to start servers in other processes: a free loopback port, and a database of
their own, of the kind the suite runs on: a fresh PostgreSQL database on the suite's server (dropped
afterwards), or a SQLite file. Their committed writes never meet the test database, which each test
rolls back."""

import os
import socket
import sqlite3
from contextlib import closing, contextmanager

from django.conf import settings


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def own_database(name, folder, template=None):
    """Yields the DATABASE_URL of a new database called `name` (with this process's id); a copy
    of `template`, the URL of another database of this kind, when given (no process may be
    connected to it)."""
    base = settings.DATABASES["default"]
    if base["ENGINE"] != "django.db.backends.postgresql":
        path = f"{folder}/{name}.sqlite3"
        if template:
            # SQLite's backup API, not a file copy: it takes the pages still in a -wal file too.
            source = template.removeprefix("sqlite:///")
            with closing(sqlite3.connect(source)) as old, closing(sqlite3.connect(path)) as new:
                old.backup(new)
        yield f"sqlite:///{path}"
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
    if template:
        execute(f'CREATE DATABASE "{database}" TEMPLATE "{template.rsplit("/", 1)[-1]}"')
    else:
        execute(f'CREATE DATABASE "{database}"')
    password = f":{base['PASSWORD']}" if base["PASSWORD"] else ""
    try:
        yield f"postgres://{base['USER']}{password}@{server['host']}:{server['port']}/{database}"
    finally:
        execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
