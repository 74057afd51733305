from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "magicmix.accounts"
    verbose_name = _("Organisations and users")
