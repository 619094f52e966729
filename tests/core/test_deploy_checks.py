"""The production profile passes Django's deployment checklist (``manage.py check --deploy``)."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def test_check_deploy_is_clean_in_the_production_profile(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        ZONEPORTAL_PROFILE="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="www.example.gov.cn",
        ZONEPORTAL_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="zoneportal.settings",
    )
    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no issues" in checked.stdout


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The production profile's environment for a ``manage.py`` in a process of its own."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.pop("ZONEPORTAL_LOOPBACK_HTTP", None)
    env.update(
        ZONEPORTAL_PROFILE="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ZONEPORTAL_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="zoneportal.settings",
        **extra,
    )
    return env


def run_check(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_plain_http_for_make_prod_is_refused_for_a_public_host_name(tmp_path):
    env = production_env(tmp_path, ALLOWED_HOSTS="127.0.0.1,www.example.gov.cn", ZONEPORTAL_LOOPBACK_HTTP="1")
    checked = run_check(env)
    assert checked.returncode != 0
    assert "ZONEPORTAL_LOOPBACK_HTTP=1 只能用于本机回环地址" in checked.stderr
    assert "www.example.gov.cn" in checked.stderr


def test_plain_http_on_loopback_is_what_check_deploy_warns_about(tmp_path):
    # `make prod` (deploy/stack.py) runs this way; the deployment check says exactly what is off.
    env = production_env(tmp_path, ZONEPORTAL_LOOPBACK_HTTP="1")
    env.pop("ALLOWED_HOSTS", None)  # the default: loopback names only
    checked = run_check(env, "--deploy", "--fail-level", "WARNING")
    assert checked.returncode != 0
    warned = set(re.findall(r"\(security\.(W\d+)\)", checked.stdout + checked.stderr))
    # HSTS, SSL redirect, session and CSRF cookies not Secure. The session cookie's is W010, not W012: Django
    # names W012 only for its own SessionMiddleware's dotted path, and core.session_guard subclasses it.
    assert warned == {"W004", "W008", "W010", "W016"}
