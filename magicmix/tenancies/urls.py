"""Letting and ending, mounted under the person URLs (`/persons/`): tenancies depend on people."""

from django.urls import path

from . import views

app_name = "tenancies"
urlpatterns = [
    path("<int:pk>/tenancies/new/", views.start, name="start"),
    path("tenancies/<int:pk>/end/", views.end, name="end"),
    path("tenancies/ending/", views.ending, name="ending"),
]
