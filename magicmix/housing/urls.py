from django.urls import path

app_name = "housing"
urlpatterns: list = []
