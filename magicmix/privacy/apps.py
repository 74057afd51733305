from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "magicmix.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        # Each app registers what it keeps about people in its own `retention.py`
        # (privacy.registry); privacy names none of them.
        autodiscover_modules("retention")
