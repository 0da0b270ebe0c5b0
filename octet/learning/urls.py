from django.urls import path, register_converter

from octet.core.converters import ContentIdConverter
from octet.learning import views

register_converter(ContentIdConverter, "id")

app_name = "learning"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("competences/<id:competence_id>/start", views.start, name="start"),
    path("competences/<id:competence_id>/reset", views.reset, name="reset"),
    path("assessments/<int:assessment_id>/", views.assessment, name="assessment"),
    path("assessments/<int:assessment_id>/answer", views.answer, name="answer"),
    path("assessments/<int:assessment_id>/checkpoint", views.checkpoint, name="checkpoint"),
    path("assessments/<int:assessment_id>/continue", views.continue_test, name="continue"),
    path("assessments/<int:assessment_id>/results", views.results, name="results"),
    path("assessments/<int:assessment_id>/report", views.report, name="report"),
    path("assessments/<int:assessment_id>/back", views.back_to_question, name="back-to-question"),
    path("tutorials/", views.tutorials, name="tutorials"),
    path("tutorials/<id:tutorial_id>/save", views.save_tutorial, name="save-tutorial"),
    path("tutorials/<id:tutorial_id>/rate", views.rate_tutorial, name="rate-tutorial"),
    path("lessons/<id:lesson_id>", views.lesson, name="lesson"),
    path("files/<id:name>", views.attachment, name="attachment"),
    path("illustrations/<id:name>", views.illustration, name="illustration"),
    path("simulators/<id:challenge_id>/<id:locale>", views.simulator, name="simulator"),
    path("preview/", views.preview_list, name="preview-list"),
    path("preview/<id:challenge_id>", views.preview, name="preview"),
]
