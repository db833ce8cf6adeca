// httpcodes-test: tests=check (these expectations are those of test code checked like any other)
using System.Net;
using FluentAssertions;
using Xunit;

namespace Example.Tests;

// Tests against HttpClient: the file writes .NET's HttpStatusCode enum, so
// numbers are offered (int)HttpStatusCode.X.
public class UsersApiTests
{
    [Fact]
    public async Task Statuses()
    {
        var response = await client.GetAsync("/api/users/1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // codes: 404/compare
        Assert.Equal(404, (int)response.StatusCode); // codes: 404/compare want "prefer-constant: write \\(int\\)HttpStatusCode.NotFound$"
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode); // codes: 200/compare
        Assert.Equal(3, items.Count);
        Assert.Equal(200, items.Count);
        Assert.AreEqual(201, (int)response.StatusCode); // codes: 201/compare want "prefer-constant: \\(int\\)HttpStatusCode.Created"
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted)); // codes: 202/compare
        Assert.That((int)response.StatusCode, Is.Not.EqualTo(500)); // codes: 500/compare want "prefer-constant: \\(int\\)HttpStatusCode.InternalServerError"
        response.StatusCode.Should().Be(HttpStatusCode.NoContent); // codes: 204/compare
        ((int)response.StatusCode).Should().Be(430); // codes: 430/compare want "unknown-status: 430"
        items.Count.Should().Be(200);
        response.Should().HaveStatusCode(HttpStatusCode.Conflict); // codes: 409/compare
        Assert.True(response.StatusCode == HttpStatusCode.OK); // codes: 200/compare
        Assert.True((int)response.StatusCode != 302); // codes: 302/compare want "prefer-constant: \\(int\\)HttpStatusCode.Found"
        Assert.True(HttpStatusCode.Gone == response.StatusCode); // codes: 410/compare
        Assert.True((int)response.StatusCode < 400); // codes: 400/range
        Assert.True((int)response.StatusCode % 100 == 4);
        var ok = response.IsSuccessStatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound: // codes: 404/compare
            case HttpStatusCode.Gone: // codes: 410/compare
                break;
            case (HttpStatusCode)418: // codes: 418/compare
                break;
            case HttpStatusCode.TooManyRequests when retries < 3: // codes: 429/compare
                break;
        }
        var text = (int)response.StatusCode switch
        {
            200 => "ok", // codes: 200/compare want "prefer-constant: \\(int\\)HttpStatusCode.OK"
            404 or 410 => "missing", // codes: 404/compare 410/compare want "prefer-constant: NotFound" "prefer-constant: Gone"
            >= 500 => "server", // codes: 500/range
            _ => "other",
        };
        var size = items.Count switch
        {
            200 => 300,
            _ => 0,
        };
    }

    private static HttpResponseMessage Stub() => new HttpResponseMessage(HttpStatusCode.BadGateway); // codes: 502/send

    private static HttpResponseMessage Stub2() => new HttpResponseMessage { StatusCode = HttpStatusCode.ServiceUnavailable }; // codes: 503/send
}
