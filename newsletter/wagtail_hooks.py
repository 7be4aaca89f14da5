from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Signup


class SignupViewSet(ModelViewSet):
    model = Signup
    icon = "mail"
    menu_label = _("Signups")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["email", "consent", "source_page", "created_at"]
    list_filter = ["consent"]
    search_fields = ["email"]
    list_export = ["email", "consent", "source_page", "created_at"]
    form_fields = ["email", "consent"]
    inspect_view_enabled = True

    def get_index_view_kwargs(self, **kwargs):
        # One query for the listing, not one per row for the page each signup came from.
        return super().get_index_view_kwargs(
            queryset=Signup.objects.select_related("source_page"), **kwargs
        )


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    return SignupViewSet("signups")
