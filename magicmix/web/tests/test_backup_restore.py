"""docs/operations.md: a backup restores into a fresh database with the data in it. SQLite
through its online backup API; PostgreSQL with pg_dump and pg_restore where they are
installed (skipped otherwise)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from magicmix.testing import factories

pytestmark = pytest.mark.django_db(transaction=True)


def _people(org_name: str) -> None:
    org = factories.organisation(name=org_name)
    factories.person(org, first_name="Yusuf", last_name="Demir")


def test_a_sqlite_backup_restores_into_a_fresh_file(tmp_path: Path) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup runs on SQLite")
    _people("Woonstichting Terug")
    connection.ensure_connection()
    backup = tmp_path / "backup.sqlite3"
    with sqlite3.connect(backup) as target:
        connection.connection.backup(target)  # what `sqlite3 db.sqlite3 ".backup …"` does
    target.close()
    restored = tmp_path / "restored.sqlite3"
    shutil.copy(backup, restored)
    with sqlite3.connect(restored) as fresh:
        names = fresh.execute(
            "SELECT p.last_name, o.name FROM people_person p"
            " JOIN accounts_organisation o ON o.id = p.organisation_id"
        ).fetchall()
    assert names == [("Demir", "Woonstichting Terug")]


def test_a_postgresql_dump_restores_into_a_fresh_database(tmp_path: Path) -> None:
    if connection.vendor != "postgresql" or not shutil.which("pg_dump"):
        pytest.skip("needs PostgreSQL and pg_dump/pg_restore")
    import psycopg

    _people("Woonstichting Terug")
    settings = connection.settings_dict
    dsn = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": str(settings["PORT"] or 5432),
        "user": settings["USER"],
    }
    env = {"PGPASSWORD": settings["PASSWORD"] or "", "PATH": "/usr/bin:/bin"}
    args = ["-h", dsn["host"], "-p", dsn["port"], "-U", dsn["user"]]
    dump = tmp_path / "magicmix.dump"
    subprocess.run(
        ["pg_dump", *args, "-Fc", "-f", str(dump), settings["NAME"]], check=True, env=env
    )
    fresh = settings["NAME"] + "_restore"
    with psycopg.connect(**dsn, dbname="postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        subprocess.run(
            ["pg_restore", *args, "--no-owner", "-d", fresh, str(dump)], check=True, env=env
        )
        with psycopg.connect(**dsn, dbname=fresh) as restored:
            names = restored.execute(
                "SELECT p.last_name, o.name FROM people_person p"
                " JOIN accounts_organisation o ON o.id = p.organisation_id"
            ).fetchall()
        assert names == [("Demir", "Woonstichting Terug")]
    finally:
        with psycopg.connect(**dsn, dbname="postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{fresh}"')
