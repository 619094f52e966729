"""Addresses of 公文流转 under /admin/circulation/ (namespace ``circulation``)."""

from django.urls import path

from . import views

app_name = "circulation"

urlpatterns = [
    path("", views.DocumentListView.as_view(tab="pending"), name="pending"),
    path("mine/", views.DocumentListView.as_view(tab="mine"), name="mine"),
    path("all/", views.DocumentListView.as_view(tab="all"), name="all"),
    path("new/", views.DocumentFormView.as_view(), name="new"),
    path("<int:pk>/", views.DocumentView.as_view(), name="document"),
    path("<int:pk>/edit/", views.DocumentFormView.as_view(), name="edit"),
    path("<int:pk>/submit/", views.SubmitView.as_view(), name="submit"),
    path("<int:pk>/approve/", views.ApproveView.as_view(), name="approve"),
    path("<int:pk>/return/", views.ReturnView.as_view(), name="return"),
    path("<int:pk>/sign/", views.SignView.as_view(), name="sign"),
    path("<int:pk>/distribute/", views.DistributeView.as_view(), name="distribute"),
    path("<int:pk>/archive/", views.ArchiveView.as_view(), name="archive"),
    path("copy/<int:pk>/receive/", views.CopyStepView.as_view(), name="receive"),
    path("copy/<int:pk>/complete/", views.CopyStepView.as_view(complete=True), name="complete"),
    path("attachment/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
]
