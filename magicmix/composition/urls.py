from django.urls import path

from . import views

app_name = "composition"
urlpatterns = [
    path("<int:pk>/mix/", views.complex_mix, name="complex"),
]
