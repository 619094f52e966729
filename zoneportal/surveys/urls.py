"""Public survey URLs, mounted at ``/hudong/diaocha/`` (below the 互动交流 column)."""

from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="list"),
    path("<slug:slug>/", views.survey_detail, name="detail"),
    path("<slug:slug>/xiexie/", views.survey_thanks, name="thanks"),
    path("<slug:slug>/jieguo/", views.survey_results, name="results"),
]
