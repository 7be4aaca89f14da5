"""The response headers Django has no setting for: Permissions-Policy and
Cross-Origin-Resource-Policy (settings ``PERMISSIONS_POLICY`` and
``CROSS_ORIGIN_RESOURCE_POLICY``). A header a view set itself is kept."""

from django.conf import settings
from django.utils.csp import build_policy


def permissions_policy(features):
    """``{"camera": [], "fullscreen": ["self"]}`` as ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": permissions_policy(settings.PERMISSIONS_POLICY),
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for header, value in self.headers.items():
            if value:
                response.headers.setdefault(header, value)
        return response


def public_policy():
    """The public pages' Content Security Policy, as the header says it."""
    return build_policy(settings.SECURE_CSP)
