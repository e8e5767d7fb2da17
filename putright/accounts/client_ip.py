"""The address a request really came from, for lockouts and rate limits.

Behind a reverse proxy every request arrives from the proxy, so REMOTE_ADDR would lock out everyone at once.
X-Forwarded-For cannot simply be believed either: a client can send its own. So the deployment says how many
proxies it runs (TRUSTED_PROXY_COUNT), and the client is the address the outermost of them recorded: the
count-th entry from the right. Entries to its left were written by the client and are ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    chain = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    chain = [part for part in chain if part]
    if len(chain) < count:
        return remote  # not through the expected proxies: trust only the connection itself
    candidate = chain[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
