"""URLs for bench/cases.py's web server: the project's, plus two bench-only views.

- `bench/insert-one/`: the baseline for logging a case through the API: a plain Django view, behind the same
  middleware, that inserts one row with raw SQL.
- `bench/drf-floor/`: what any REST API v1 endpoint costs before it does any work: Django REST framework with
  the project's settings (token authentication, JSON parsing and rendering), answering 201 with no other
  database work.
"""

from __future__ import annotations

import json

from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.urls import urlpatterns as project_urls


@csrf_exempt
def insert_one(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    body = json.loads(request.body)
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_row (at, body) VALUES (now(), %s) RETURNING id", [json.dumps(body)])
        (row_id,) = cursor.fetchone()
    return JsonResponse({"id": row_id}, status=201)


class DrfFloor(APIView):
    def post(self, request: Request) -> Response:
        return Response({"fields": len(request.data)}, status=201)


urlpatterns = [
    path("bench/insert-one/", insert_one),
    path("bench/drf-floor/", DrfFloor.as_view()),
    *project_urls,
]
