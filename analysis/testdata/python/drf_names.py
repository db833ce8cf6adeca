from rest_framework import status
from rest_framework.response import Response

# Django REST framework has not renamed its constants: nothing to report.
def create(request):
    if not request.data:
        return Response(status=status.HTTP_422_UNPROCESSABLE_ENTITY)  # codes: 422/send
    return Response(request.data, status=status.HTTP_201_CREATED)  # codes: 201/send
