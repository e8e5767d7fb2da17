"""Settings for bench/cases.py's web server: the project's own, plus the bare baseline view's URL."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"
