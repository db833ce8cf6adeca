<?php
// Symfony HttpFoundation: the file writes Response::HTTP_ constants, so
// numbers are offered them (prefer-constant).
namespace App\Controller;

use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\RedirectResponse;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpKernel\Exception\HttpException;

#[Route('/users/{id}', methods: ['GET'])]
class UserController
{
    public function show(int $id): Response
    {
        if ($id === 0) {
            return new Response('', Response::HTTP_NOT_FOUND); // codes: 404/send
        }
        if ($id < 0) {
            return new Response('Bad Request', 400); // codes: 400/send want "prefer-constant: write Response::HTTP_BAD_REQUEST"
        }
        if ($id > 1000) {
            return new Response('Not Found', 500); // codes: 500/send want "reason-mismatch: \"Not Found\"" "prefer-constant: Response::HTTP_INTERNAL_SERVER_ERROR"
        }
        return new JsonResponse(['id' => $id], JsonResponse::HTTP_OK); // codes: 200/send
    }

    public function created(): JsonResponse
    {
        $response = new JsonResponse(['ok' => true]);
        $response->setStatusCode(201); // codes: 201/send want "prefer-constant: write Response::HTTP_CREATED"
        $response->setStatusCode(Response::HTTP_ACCEPTED, 'Accepted'); // codes: 202/send
        $response->setStatusCode(409, 'Gone'); // codes: 409/send want "reason-mismatch: \"Gone\"" "prefer-constant: Response::HTTP_CONFLICT"
        $response->setStatusCode(\Symfony\Component\HttpFoundation\Response::HTTP_I_AM_A_TEAPOT); // codes: 418/send want "deprecated-status: 418"
        return $response;
    }

    public function moved(): RedirectResponse
    {
        if ($this->legacy) {
            return new RedirectResponse('/new', 301); // codes: 301/send want "prefer-constant: Response::HTTP_MOVED_PERMANENTLY"
        }
        return new RedirectResponse('/new', RedirectResponse::HTTP_OK); // codes: 200/send want "redirect-status: new RedirectResponse with 200 OK"
    }

    public function created(string $url): RedirectResponse
    {
        // Symfony's RedirectResponse takes 201 (isRedirect includes it): a
        // Created with the new resource's Location.
        return new RedirectResponse($url, Response::HTTP_CREATED); // codes: 201/send
    }

    public function fail(): never
    {
        throw new HttpException(503, 'Service Unavailable'); // codes: 503/send want "prefer-constant: Response::HTTP_SERVICE_UNAVAILABLE"
    }

    public function failOk(): never
    {
        throw new HttpException(Response::HTTP_OK, 'broken'); // codes: 200/send want "error-status: new HttpException with 200 OK"
    }

    public function classify(Response $response): string
    {
        switch ($response->getStatusCode()) {
            case Response::HTTP_OK: // codes: 200/compare
                return 'ok';
            case 404: // codes: 404/compare want "prefer-constant: Response::HTTP_NOT_FOUND"
                return 'missing';
        }
        return match ($response->getStatusCode()) {
            410, Response::HTTP_NOT_FOUND => 'gone', // codes: 410/compare 404/compare want "prefer-constant: Response::HTTP_GONE"
            default => 'other',
        };
    }

    public function isError(Response $response): bool
    {
        return $response->getStatusCode() >= Response::HTTP_BAD_REQUEST // codes: 400/range
            || $response->getStatusCode() !== 200; // codes: 200/compare want "prefer-constant: Response::HTTP_OK"
    }

    public function constants(): array
    {
        return [Response::HTTP_CREATED, \Symfony\Component\HttpFoundation\Response::HTTP_GONE]; // codes: 201/ref 410/ref
    }
}

// PHP 8 named arguments.
function named(): Response
{
    $a = new Response(content: 'gone', status: 410); // codes: 410/send want "prefer-constant: Response::HTTP_GONE"
    $b = new JsonResponse(status: Response::HTTP_CREATED, data: []); // codes: 201/send
    $c = new RedirectResponse(url: '/x', status: 200); // codes: 200/send want "redirect-status: new RedirectResponse with 200 OK" "prefer-constant: Response::HTTP_OK"
    throw new HttpException(statusCode: 404, message: 'missing'); // codes: 404/send want "prefer-constant: Response::HTTP_NOT_FOUND"
    $d = new Response(headers: [], content: 404); // a named argument that is no status
}
