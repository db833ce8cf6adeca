<?php
// Numbers that are no status codes, and status-looking text in comments
// and every kind of string. Only the http_response_code lines, which check that the
// lexer is still in step after each tricky form, are occurrences.
# http_response_code(404);
/* abort(500); Response::HTTP_NOT_FOUND */
/** @return Response 404 when missing: abort(404) */

$a = 'http_response_code(404); it\'s abort(500)';
$b = "abort(500) with {$user["name"]} and {$map['x']} then http_response_code(404)";
$c = "nested {$a["{$b['k']}"]} abort(403)";
http_response_code(200); // codes: 200/send
$d = <<<EOT
    http_response_code(404);
    abort(500, "Not Found");
    EOTX is not the end
    EOT;
http_response_code(201); // codes: 201/send
$e = <<<'NOW'
abort(404)
NOW;
http_response_code(202); // codes: 202/send
$f = <<<"QUOTED"
  header('HTTP/1.1 500 Internal Server Error');
  QUOTED . 'abort(401)';
$g = `echo abort(404)`;
http_response_code(203); // codes: 203/send

#[Cache(maxage: 3600, smaxage: 404)]
class Numbers
{
    private int $port = 8080;
    private array $buf = [404, 500];

    public function numbers(): void
    {
        sleep(500);
        usleep(200 * 1000);
        $sum = 200 + 300;
        $items = array_fill(0, 404, null);
        $x = $code == 404;
        $y = $count === 200;
        $z = $this->limit(500);
        $w = $status === 'active';
        header('Content-Type: text/html');
        header('X-Count: 404');
        header('HTTP/1.1 20 Short');
        header('HTTP/1.1 4040 Long');
        $r = response();
        $q = redirect();
        $m = match ($kind) { 404 => 'a', default => 'b' };
        switch ($code) { case 404: break; }
    }

    public function abort($code) {}
    public function header() { return $this->header(1, 2, 500); }
}
http_response_code(204); // codes: 204/send: the lexer is in step at the end
