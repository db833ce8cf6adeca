// A file of a .Tests project is test code: warnings and errors are quiet.
using System.Net;
using Xunit;

public class Quiet
{
    [Fact]
    public void OddCode()
    {
        Assert.Equal(299, (int)response.StatusCode); // codes: 299/compare
    }
}
