"""URL conf of the answer benchmark: all of Octet, plus the floor view.

The floor is the least a Django request touching this database can cost: two SELECTs and one
INSERT (committed) through the same middleware, the same gunicorn workers, the same PostgreSQL.
The table `bench_floor` is created by bench_answer.py before the server starts.
"""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt
@require_POST
def floor(request: HttpRequest, learner: int) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, username FROM accounts_user WHERE id = %s", [learner])
        user = cursor.fetchone()
        cursor.execute("SELECT id FROM bench_floor ORDER BY id DESC LIMIT 1")
        last = cursor.fetchone()
        cursor.execute(
            "INSERT INTO bench_floor (learner, created_at) VALUES (%s, now()) RETURNING id",
            [learner],
        )
        new = cursor.fetchone()
    body = f"{user[1] if user else '-'} {last[0] if last else 0} {new[0]}\n"
    return HttpResponse(body, content_type="text/plain")


urlpatterns = [
    path("bench/floor/<int:learner>", floor, name="bench-floor"),
    path("", include("octet.urls")),
]
