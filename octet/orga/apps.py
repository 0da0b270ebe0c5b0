from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgaConfig(AppConfig):
    name = "octet.orga"
    label = "orga"
    verbose_name = _("Organisations")
