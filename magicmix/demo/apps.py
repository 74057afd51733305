from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "magicmix.demo"
    verbose_name = _("Demo and load-test data")
