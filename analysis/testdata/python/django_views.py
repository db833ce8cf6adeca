from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView


class Locked(APIException):
    status_code = 423  # codes: 423/send want "prefer-constant: 423 is 423 Locked; write status.HTTP_423_LOCKED"
    default_detail = "Locked"


class Gone(APIException):
    status_code = status.HTTP_410_GONE  # codes: 410/send


class ItemView(APIView):
    def get(self, request, pk):
        if pk == 404:
            return Response({"detail": "missing"}, status=status.HTTP_404_NOT_FOUND)  # codes: 404/send
        if pk == 0:
            return Response(None, status.HTTP_204_NO_CONTENT)  # codes: 204/send
        return Response({"id": pk}, status=200)  # codes: 200/send want "prefer-constant: write status.HTTP_200_OK"

    def delete(self, request, pk):
        return Response(status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)  # codes: 413/send


def legacy(request):
    # Django's redirect: the second argument goes to reverse(); the
    # redirect class fixes its own code.
    if request.GET:
        return redirect("item-detail", 302)
    return HttpResponseRedirect("/new")


def plain(request):
    # HttpResponse's second positional argument is the content type.
    if request.POST:
        return HttpResponse("ok", "text/plain")
    return HttpResponse("Service Unavailable", status=503)  # codes: 503/send want "prefer-constant"


def page(request):
    if request.GET:
        return render(request, "404.html", {"path": request.path}, status=404)  # codes: 404/send want "prefer-constant"
    return JsonResponse({"error": "nope"}, status=400)  # codes: 400/send want "prefer-constant"
