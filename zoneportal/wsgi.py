"""WSGI entry point (gunicorn zoneportal.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoneportal.settings")

application = get_wsgi_application()
