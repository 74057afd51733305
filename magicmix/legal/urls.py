from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("", views.current, name="current"),
    path("manage/", views.manage, name="manage"),
    path("manage/add/", views.add, name="add"),
    path("manage/<int:pk>/", views.change, name="change"),
]
