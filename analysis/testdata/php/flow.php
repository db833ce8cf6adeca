<?php
// The response-flow rules on plain PHP's one global response, and on
// Laravel's and Symfony's response objects.

function moved($url) {
    http_response_code(301); // codes: 301/send want "missing-header: http_response_code.301. sends 301 Moved Permanently without a Location header: .*header.'Location: …'."
}

function movedOk($url) {
    http_response_code(301); // codes: 301/send
    header("Location: $url"); // the order does not matter before the output is flushed
}

function movedHeaderCode($url) {
    header('Location: ' . $url, true, 301); // codes: 301/send
}

function movedByHelper($url) {
    http_response_code(302); // codes: 302/send
    sendRedirectHeaders($url); // may set Location out of sight
}

function notAllowed() {
    header('HTTP/1.1 405 Method Not Allowed'); // codes: 405/send want "missing-header: without an Allow header"
    echo 'no';
}

function allowed() {
    header('Allow: GET, HEAD');
    header('HTTP/1.1 405 Method Not Allowed'); // codes: 405/send
}

function unauthorized() {
    http_response_code(401); // codes: 401/send want "missing-header: WWW-Authenticate.*header.'WWW-Authenticate: …'."
    echo json_encode(['error' => 'login first']);
}

function challenged() {
    header('WWW-Authenticate: Basic realm="admin"');
    http_response_code(401); // codes: 401/send
}

function laravelRedirect() {
    return redirect('/login', 301); // codes: 301/send
}

function streamed($rows) {
    header('Content-Type: text/csv');
    echo "id,name\n";
    flush();
    header('X-Rows: ' . count($rows)); // want "late-header: header.'X-Rows: ' . count..rows.. comes too late: the status line and the headers were sent by flush.. on line 50.*headers already sent"
    setcookie('seen', '1'); // want "late-header: setcookie"
    http_response_code(500); // codes: 500/send want "superfluous-writeheader: http_response_code.500. has no effect: flush.. on line 50 already sent the status line.*PHP warns"
}

function finished() {
    echo 'done';
    fastcgi_finish_request();
    http_response_code(200); // codes: 200/send want "superfluous-writeheader: fastcgi_finish_request"
}

function buffered() {
    echo 'output without a flush is buffered';
    header('X-Late-But-Fine: 1');
    http_response_code(202); // codes: 202/send
    http_response_code(201); // codes: 201/send: the last one set before the flush wins
}

function flushedInBranch($big) {
    if ($big) {
        flush();
        return;
    }
    header('X-After-Branch: 1');
    if ($big) flush();
    header('X-After-Braceless: 1');
    switch ($big) {
        case 1:
            flush();
            break;
        case 2:
            header('X-Other-Case: 1');
            break;
    }
    foreach ([1, 2] as $n) {
        echo $n;
        flush();
    }
    header('X-After-Loop: 1');
}

function flushedThenReturned() {
    flush();
    return;
    header('X-Dead: 1');
}

function closures() {
    flush();
    $f = function () {
        header('X-In-Closure: 1'); // another function: runs later, on its own
    };
}

function bodies($user) {
    $a = response()->json($user, 204); // codes: 204/send want "bodiless-status: response..->json with 204 No Content sends a body"
    $b = new JsonResponse(['id' => 1], 204); // codes: 204/send want "bodiless-status: new JsonResponse with 204"
    $c = response($user->bio, 304); // codes: 304/send want "bodiless-status"
    $d = response()->json(null, 204); // codes: 204/send
    $e = response('', 204); // codes: 204/send
    $f = response()->json([], 204); // codes: 204/send
    $g = response()->noContent(204); // codes: 204/send
    $h = new JsonResponse($user, 200); // codes: 200/send
    return [$a, $b, $c, $d, $e, $f, $g, $h];
}
