<?php
// Trust: calls whose number is no status, and error APIs that send no
// error message.
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpKernel\Exception\HttpException;

function count_endpoint(): JsonResponse
{
    return new JsonResponse(0); // the body is the JSON number 0, sent with 200
}

function zeroes()
{
    $a = new JsonResponse(42);
    $b = new HtmlResponse(500);
    $c = new StreamedJsonResponse(7);
}

function precognitive($request)
{
    if ($request->headers->has('Precognition-Validate-Only')) {
        abort(204, headers: ['Precognition-Success' => 'true']); // codes: 204/send
    }
    abort_if($request->isNotModified(), 304); // codes: 304/send
    throw new HttpException(304); // codes: 304/send
}

function withMessage()
{
    abort(204, 'Nothing to see'); // codes: 204/send want "error-status: abort with 204 No Content"
    throw new HttpException(304, message: 'stale'); // codes: 304/send want "error-status"
}

function gates($gate)
{
    $gate->defaultDenialResponse(Response::denyWithStatus(999, 'my_message', 'abc')); // codes: 999/send want "unknown-status"
    $r = Response::denyWithStatus(404); // codes: 404/send
    return $this->denyWithStatus(200, 'no'); // codes: 200/send want "error-status: denyWithStatus with 200 OK"
}
