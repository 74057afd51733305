from django.urls import path

app_name = "composition"
urlpatterns: list = []
