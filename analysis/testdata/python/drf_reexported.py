# A project that re-exports Django REST framework's views from a module of
# its own (awx.api.generics): the view classes still end in APIView or
# ViewSet, and their finalize_response still sets Allow.
from django.http import HttpResponse
from myproject.api.generics import ListCreateAPIView, ModelViewSet


class Inventories(ListCreateAPIView):
    def post(self, request):
        return HttpResponse(status=405)  # codes: 405/send


class Hosts(ModelViewSet):
    def destroy(self, request, pk=None):
        return HttpResponse(status=405)  # codes: 405/send


# Without rest_framework imported, generics.X is anybody's.
class Other(generics.Thing):
    def get(self, request):
        return HttpResponse(status=405)  # codes: 405/send want "missing-header: Allow"
