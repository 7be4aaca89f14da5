from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("<path:token>/", views.open_link, name="open"),  # any junk says "no such link"
]
