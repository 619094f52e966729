"""``/policies/<id>/``: every document's permanent address, answered before Wagtail's pages."""

from django.urls import path

from . import views

app_name = "policies"
urlpatterns = [path("<int:pk>/", views.permanent, name="permanent")]
