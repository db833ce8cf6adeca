<?php
// A file that writes Symfony's constants only through a subclass (and a
// fully qualified name): numbers are offered the constant as the file
// writes its qualifier, which it has imported.
use Symfony\Component\HttpFoundation\JsonResponse;

function show(?array $user): JsonResponse
{
    if ($user === null) {
        return new JsonResponse(['error' => 'missing'], 404); // codes: 404/send want "prefer-constant: write JsonResponse::HTTP_NOT_FOUND$"
    }
    return new JsonResponse($user, JsonResponse::HTTP_OK); // codes: 200/send
}

function moved(): \Symfony\Component\HttpFoundation\RedirectResponse
{
    return new \Symfony\Component\HttpFoundation\RedirectResponse('/new', \Symfony\Component\HttpFoundation\Response::HTTP_MOVED_PERMANENTLY); // codes: 301/send
}
