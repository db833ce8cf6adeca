<?php
// PSR-7 (Slim, Guzzle, Laminas), Yii and WordPress.
use GuzzleHttp\Psr7\Response;
use Laminas\Diactoros\Response\EmptyResponse;

function handler($request, $response) {
    return $response->withStatus(404); // codes: 404/send
}

function teapot($response) {
    return $response->withStatus(500, 'Not Found'); // codes: 500/send want "reason-mismatch: \"Not Found\""
}

function moved($response) {
    return $response->withHeader('Location', '/new')->withStatus(301); // codes: 301/send
}

function notMoved($response) {
    return $response
        ->withHeader('Location', '/new')
        ->withStatus(304); // codes: 304/send want "redirect-status: withStatus with 304 Not Modified"
}

// akaunting's accepted(): 202 with the Location of the queued resource,
// set by hand beside the code chosen, is not a redirect.
function accepted($response, $location) {
    return $response->setStatusCode(202)->header('Location', $location); // codes: 202/send
}

function later($response) {
    // A private code with its own reason phrase (info), and one without.
    $response = $response->withStatus(477, 'Come Back Later'); // codes: 477/send want "unknown-status: withStatus with 477 \"Come Back Later\": a private code"
    return $response->withStatus(478); // codes: 478/send want "unknown-status: withStatus with 478: no registry"
}

function after($response) {
    // 201 Created with the Location of the new resource (RFC 9110, Section 15.3.2): no redirect.
    return $response->withStatus(201)->withHeader('Location', '/items/1'); // codes: 201/send
}

function guzzle() {
    $fake = new Response(503, ['Retry-After' => '10'], 'down'); // codes: 503/send
    $empty = new EmptyResponse(204); // codes: 204/send
    return [$fake, $empty];
}

function yii() {
    Yii::$app->response->statusCode = 422; // codes: 422/send
}

function wordpress() {
    status_header(404); // codes: 404/send
    wp_redirect('/login', 301); // codes: 301/send
    wp_safe_redirect('/login', 500); // codes: 500/send want "redirect-status: wp_safe_redirect with 500"
    wp_send_json(['ok' => true], 201); // codes: 201/send
    wp_send_json_error(['error' => 'no'], 200); // codes: 200/send want "error-status: wp_send_json_error with 200 OK"
    return new WP_REST_Response(['id' => 1], 201); // codes: 201/send
}
