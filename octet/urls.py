from django.contrib import admin
from django.urls import include, path

from octet.accounts.views import admin_sign_in

urlpatterns = [
    path("", include("octet.core.urls")),
    path("account/", include("octet.accounts.urls")),
    path("", include("octet.learning.urls")),
    # Before the admin's own: the admin is signed in to with Octet's throttled form.
    path("admin/login/", admin_sign_in, name="admin-sign-in"),
    path("admin/", admin.site.urls),
]

# 400, 403 and 404 use Django's handlers, which render 400.html, 403.html and 404.html (in
# octet/core/templates) with the request; the 500 page must not depend on it.
handler500 = "octet.core.views.server_error"
