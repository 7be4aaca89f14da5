from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from .forms import SignupForm


@require_http_methods(["GET", "POST"])
def signup(request):
    """The Join us form: shown on its own on GET, and the target of every page's form."""
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            form.save()
            return redirect("newsletter:thanks")
        return TemplateResponse(request, "newsletter/signup.html", {"form": form}, status=400)
    return TemplateResponse(request, "newsletter/signup.html", {"form": SignupForm()})


def thanks(request):
    return TemplateResponse(request, "newsletter/thanks.html")
