"""Settings for bench/cases.py's web server: the project's own, plus the bare baseline view's URL, and static
files named as they are (the bench does not run collectstatic, so the manifest does not exist; a page names
its stylesheets and scripts just as cheaply either way)."""

from config.settings import *  # noqa: F403
from config.settings import STORAGES

ROOT_URLCONF = "bench.bench_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
