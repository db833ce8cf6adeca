<?php
// *Test.php is PHPUnit's test code: warnings and errors are quiet.
class QuietTest extends TestCase
{
    public function testOddCode(): void
    {
        $this->get('/brew')->assertStatus(299); // codes: 299/compare
    }
}
