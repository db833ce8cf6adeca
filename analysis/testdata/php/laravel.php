<?php
// Laravel's helpers: abort, response(), redirect(), back(), to_route(),
// and the Response and Redirect facades. No constant is written here, so
// no prefer-constant.
namespace App\Http\Controllers;

use Illuminate\Support\Facades\Redirect;
use Illuminate\Support\Facades\Response;

class PostController extends Controller
{
    public function show($id)
    {
        $post = Post::find($id) ?? abort(404); // codes: 404/send
        abort_if(!$post->published, 403, 'Forbidden'); // codes: 403/send
        abort_unless($post->visible, 404, 'Unauthorized'); // codes: 404/send want "reason-mismatch: \"Unauthorized\""
        abort(200); // codes: 200/send want "error-status: abort with 200 OK"
        abort(500, 'Not Found'); // codes: 500/send want "reason-mismatch: \"Not Found\""
        abort(419); // codes: 419/send want "nonstandard-status: Laravel"
        return response($post->body, 200); // codes: 200/send
    }

    public function store()
    {
        return response()->json(['id' => 1], 201); // codes: 201/send
    }

    public function destroy()
    {
        return response()->noContent(204); // codes: 204/send
    }

    public function page()
    {
        return response()->view('errors.gone', [], 410); // codes: 410/send
    }

    public function conflict()
    {
        return Response::json(['error' => 'taken'], 409); // codes: 409/send
    }

    public function go()
    {
        if ($this->old) {
            return redirect('/new', 301); // codes: 301/send
        }
        if ($this->gone) {
            return redirect('/new', 200); // codes: 200/send want "redirect-status: redirect with 200 OK"
        }
        if ($this->moved) {
            return redirect()->to('/elsewhere', 308); // codes: 308/send
        }
        if ($this->named) {
            return redirect()->route('home', ['a' => 1], 404); // codes: 404/send want "redirect-status: redirect..->route with 404"
        }
        if ($this->external) {
            return Redirect::away('https://example.com', 307); // codes: 307/send
        }
        if ($this->back) {
            return back(303); // codes: 303/send
        }
        return to_route('posts.index', [], 302); // codes: 302/send
    }

    public function plain()
    {
        // Calls without a status: the defaults.
        return redirect()->route('home');
    }
}
