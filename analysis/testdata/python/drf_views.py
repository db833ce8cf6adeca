# Django REST framework's APIView.finalize_response sets Allow (the view's
# methods) on every response an APIView, a generic view, a ViewSet or an
# @api_view function returns: a 405 from one is not missing Allow. A plain
# Django view in the same file keeps the finding.
from django.http import HttpResponse
from rest_framework import generics, status, viewsets
from rest_framework.decorators import api_view
from rest_framework.views import APIView

from myproject.api import Response


class GetNotAllowedMixin(object):
    # A mixin of the project's own: DRF's Response renders only when a DRF
    # view returns it.
    def get(self, request, format=None):
        return Response(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send


class NotificationDetail(generics.RetrieveUpdateDestroyAPIView):
    def delete(self, request, *args, **kwargs):
        if self.get_object().pending:
            return HttpResponse("pending", status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send
        return super().delete(request, *args, **kwargs)


class InventoryDetail(RelatedMixin, RetrieveUpdateDestroyAPIView):
    def update(self, request, *args, **kwargs):
        return HttpResponse(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send


class Things(viewsets.ModelViewSet):
    def destroy(self, request, pk=None):
        return HttpResponse(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send


class Root(APIView):
    def post(self, request):
        return HttpResponse(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send


@api_view(["GET"])
def ping(request):
    return HttpResponse(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send


def plain_django_view(request):
    return HttpResponse(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send want "missing-header: Allow"


class PlainView(View):
    def put(self, request):
        return HttpResponse(status=status.HTTP_405_METHOD_NOT_ALLOWED)  # codes: 405/send want "missing-header: Allow"
