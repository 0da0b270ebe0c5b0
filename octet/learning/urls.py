from django.urls import path

from octet.learning import views

app_name = "learning"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("competences/<str:competence_id>/start", views.start, name="start"),
    path("competences/<str:competence_id>/reset", views.reset, name="reset"),
    path("assessments/<int:assessment_id>/", views.assessment, name="assessment"),
    path("assessments/<int:assessment_id>/answer", views.answer, name="answer"),
    path("assessments/<int:assessment_id>/checkpoint", views.checkpoint, name="checkpoint"),
    path("assessments/<int:assessment_id>/continue", views.continue_test, name="continue"),
    path("assessments/<int:assessment_id>/results", views.results, name="results"),
    path("assessments/<int:assessment_id>/report", views.report, name="report"),
    path("assessments/<int:assessment_id>/back", views.back_to_question, name="back-to-question"),
    path("tutorials/", views.tutorials, name="tutorials"),
    path("tutorials/<str:tutorial_id>/save", views.save_tutorial, name="save-tutorial"),
    path("tutorials/<str:tutorial_id>/rate", views.rate_tutorial, name="rate-tutorial"),
    path("lessons/<str:lesson_id>", views.lesson, name="lesson"),
    path("files/<str:name>", views.attachment, name="attachment"),
    path("illustrations/<str:name>", views.illustration, name="illustration"),
    path("simulators/<str:challenge_id>/<str:locale>", views.simulator, name="simulator"),
    path("preview/", views.preview_list, name="preview-list"),
    path("preview/<str:challenge_id>", views.preview, name="preview"),
]
