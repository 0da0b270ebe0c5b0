from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("octet.core.urls")),
    path("account/", include("octet.accounts.urls")),
    path("", include("octet.learning.urls")),
    path("admin/", admin.site.urls),
]
