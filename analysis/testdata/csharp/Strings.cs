using System;

namespace Example.Strings;

// C#'s string forms, comments and directives: nothing inside them is code,
// except the code of interpolation holes.
public class Strings
{
    private const int Port = 8080;
    private readonly byte[] buffer = new byte[404];
    private readonly TimeSpan timeout = TimeSpan.FromMilliseconds(500);
    private readonly decimal price = 404.5m;
    private readonly ulong big = 404UL;
    private readonly int hex = 0x194;
    private readonly int sep = 4_04;

    public void Literals(HttpContext context)
    {
        var a = "Response.StatusCode = 404;";
        var b = "escaped \" StatusCode(500) \\";
        var c = @"verbatim ""StatusCode(404)"" with \ no escapes
            Response.StatusCode = 500;";
        var d = $"interpolated {context.Request.Path} and {{StatusCode(404)}}";
        var e = $@"verbatim interpolated {Path} ""StatusCode(500)"" {{";
        var f = @$"other order {Path} StatusCode(500)";
        var g = """
            A raw string: Response.StatusCode = 404;
            with "quotes" and ""two"" inside
            """;
        var h = """"four quotes hold """ three: StatusCode(404)"""";
        var i = $"""raw interpolated {context.Request.Path} StatusCode(500)""";
        var j = $$"""json { "status": 404 } with {{context.Response.StatusCode}} hole""";
        var k = $"format {DateTime.Now:yyyy-MM-dd} {value,10:N0} {(ok ? "yes" : "no")} StatusCode(500)";
        var l = $"nested {$"inner {context.Response.StatusCode = 201} x"} y"; // codes: 201/send
        var m = $"hole {Problem(statusCode: 400, title: "Not Found")} text"; // codes: 400/send want "reason-mismatch: 404 Not Found"
        var n = '"';
        var o = '\'';
        var p = '{';
        var css = "width: 404px";
        var empty = "";
        var emptyVerbatim = @"";
        var @class = 404;
        // Response.StatusCode = 404;
        /* StatusCode(500); */
        /// <summary>StatusCode(404)</summary>
#if DEBUG
        Response.StatusCode = 404; // a directive line is skipped, not the code under it: codes: 404/send
#endif
#pragma warning disable CS0168
    }

    public void Numbers()
    {
        Thread.Sleep(404);
        Task.Delay(500);
        var list = new List<int>(200);
        var sum = 200 + 300;
        int status = 404;
        status = 500;
        var statusCode = 404;
        if (count == 404) { }
        if (list.Count > 200) { }
        var arr = new[] { 200, 404, 500 };
        listener.Start(8080);
        var result = new Result { Status = 404 };
    }
}
