<?php
// Laravel and PHPUnit tests: assertions compare statuses.
namespace Tests\Feature;

use Illuminate\Http\Response;
use Tests\TestCase;

class PostTest extends TestCase
{
    public function test_show(): void
    {
        $response = $this->get('/posts/1');
        $response->assertStatus(200); // codes: 200/compare want "prefer-constant: write Response::HTTP_OK"
        $response->assertStatus(Response::HTTP_NOT_FOUND); // codes: 404/compare
        $this->assertEquals(404, $response->getStatusCode()); // codes: 404/compare want "prefer-constant: Response::HTTP_NOT_FOUND"
        $this->assertSame($response->status(), 201); // codes: 201/compare want "prefer-constant: Response::HTTP_CREATED"
        self::assertEquals(Response::HTTP_GONE, $response->getStatusCode()); // codes: 410/compare
        $this->assertResponseStatusCodeSame(422); // codes: 422/compare want "prefer-constant: Response::HTTP_UNPROCESSABLE_ENTITY"
        $this->assertTrue($response->getStatusCode() == 302); // codes: 302/compare want "prefer-constant: Response::HTTP_FOUND"
        $this->assertTrue(404 === $response?->getStatusCode()); // codes: 404/compare want "prefer-constant: Response::HTTP_NOT_FOUND"
        // Counts and sizes are no statuses.
        $this->assertEquals(200, count($response->json('data')));
        $this->assertSame(404, $post->views);
        $this->assertCount(500, $items);
    }
}
