"""Gunicorn settings for ZonePortal (read automatically from the project root).

Every value can be overridden from the environment or the command line, e.g.
``WEB_CONCURRENCY=8 gunicorn zoneportal.wsgi`` or ``gunicorn --workers 8 ...``.
See docs/deployment.md for the production setup behind nginx and
docs/benchmarks.md for the numbers these defaults give.
"""

import gc
import multiprocessing
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gunicorn.arbiter import Arbiter
    from gunicorn.workers.base import Worker

wsgi_app = "zoneportal.wsgi:application"

# Loopback by default: in production nginx sits in front and proxies here.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Page rendering is CPU-bound Python, so one process per core plus one to
# cover the moments a worker waits on the database; more processes only add
# memory and context switches. docs/benchmarks.md measures this default.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))

# Threads let one process keep HTTP keep-alive connections open while others
# render; the GIL makes more than a few threads per process pointless.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5

# Load Django once in the master, then fork: workers start in milliseconds and
# share the imported code. Database connections are opened lazily, per worker.
# Code changes then need a restart, not a HUP (docs/deployment.md, "Preloading").
preload_app = True


def when_ready(server: "Arbiter") -> None:
    """Before the first fork: load what every worker needs (zoneportal.preload), then freeze the heap.

    ``gc.freeze()`` moves every object the master holds into a generation the
    collector never visits, so a worker's collections do not write to (and so
    copy) the pages it shares with the master.
    """
    if server.cfg.preload_app:
        from zoneportal.preload import preload

        preload()
    gc.collect()
    gc.freeze()


def pre_fork(server: "Arbiter", worker: "Worker") -> None:
    """Freeze what the master allocated since (it forks again when a worker exits)."""
    gc.freeze()


# Recycling workers guards against slow leaks; off by default because a fresh
# worker starts with an empty local-memory cache.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# The control socket (gunicorn >= 25.1) defaults to one path per user, so two
# instances on one machine would fight over it; ZonePortal does not use it.
control_socket_disable = True

# Access log off by default (nginx keeps one); set GUNICORN_ACCESSLOG=- to log to stdout.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = os.environ.get("GUNICORN_ERRORLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")

# Trust X-Forwarded-* only from the proxy on this host (nginx).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
