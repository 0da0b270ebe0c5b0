from django.urls import path

from octet.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("language", views.set_language, name="set-language"),
    path("terms", views.terms, name="terms"),
    path("privacy", views.privacy, name="privacy"),
]
