"""magicmix refuses to run in production mode with the development key."""

import os
import subprocess
import sys

from django.conf import settings

_LOAD = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def _load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "-c", _LOAD],
        env={**clean, "DJANGO_SETTINGS_MODULE": "magicmix.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_debug_and_without_a_key_it_refuses_to_start_and_says_why() -> None:
    loaded = _load_settings()
    assert loaded.returncode != 0
    assert "SECRET_KEY is not set" in loaded.stderr


def test_with_its_own_key_it_starts_in_production_mode() -> None:
    loaded = _load_settings(SECRET_KEY="a-long-random-production-key-" + "x" * 30)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "False"


def test_with_debug_it_starts_without_a_key() -> None:
    loaded = _load_settings(DEBUG="1")
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "True"
