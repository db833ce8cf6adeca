<!DOCTYPE html>
<html>
<head><title>404 — not found</title><style>.box { width: 404px; z-index: 500 }</style></head>
<body>
<?php
// Plain PHP: http_response_code and header().
if (!$user) {
    http_response_code(404); // codes: 404/send
    header('HTTP/1.1 404 Not Found'); // codes: 404/send
    header("HTTP/1.0 500 Not Found"); // codes: 500/send want "reason-mismatch: \"Not Found\".*404 Not Found"
    header('Status: 503 Service Unavailable'); // codes: 503/send
    header($_SERVER['SERVER_PROTOCOL'] . ' 410 Gone'); // codes: 410/send
    header('X-Retry-After: 120', true, 503); // codes: 503/send
    header('Location: /login', true, 302); // codes: 302/send
    header('Location: /jobs/7', true, 202); // codes: 202/send (Location by hand beside the code chosen: not a redirect)
    header('Location: /login', true, 300); // codes: 300/send want "redirect-status: header with 300 Multiple Choices: clients do not follow"
    header('Location: /home'); # no code: PHP sends 302 itself
    http_response_code(2000); // codes: 2000/send want "invalid-status"
    http_response_code(299); // codes: 299/send want "unknown-status"
    http_response_code(306); // codes: 306/send want "deprecated-status: 306"
    http_response_code(444); // codes: 444/send want "nonstandard-status: nginx"
    exit;
}
if (http_response_code() === 404) { // codes: 404/compare
    $missing = true;
}
$status = http_response_code();
if ($status >= 500 && $status < 600) { // codes: 500/range 600/range
    error_log("server error");
}
?>
<p>Status: <?= $status ?> (was 404 before the ?> tag, and 500 after)</p>
<p>Code 302 in <?php echo "text"; ?> HTML, then 301.</p>
<?php /* block comment: http_response_code(500); ?> is still a comment */ ?>
<?php # a hash comment ends at the tag ?> http_response_code(401) is HTML
<?php // so does this one: ?> http_response_code(500) in HTML <?php http_response_code(201) ?> <!-- codes: 201/send -->
<div>http_response_code(403)</div> <?PHP http_response_code(202) ?> <?xml http_response_code(400) ?> <?= http_response_code(203) ?> <!-- codes: 202/send 203/send -->
<?php
$x = 1; // http_response_code(418); ?> <b>header('HTTP/1.1 404 Not Found')</b>
<?php
http_response_code(201); // codes: 201/send
