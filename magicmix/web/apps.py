from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "magicmix.web"
    verbose_name = "Web"
