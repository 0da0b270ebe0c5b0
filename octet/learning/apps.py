from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "octet.learning"
    label = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from octet.core import personal_data
        from octet.learning import personal_data as learning_data

        personal_data.register("learning", export=learning_data.export, erase=learning_data.erase)
