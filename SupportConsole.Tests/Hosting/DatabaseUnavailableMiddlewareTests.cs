using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SupportConsole.Hosting;

namespace SupportConsole.Tests.Hosting;

/// <summary>A request the database cannot answer gets 503 with Retry-After and words, not the error page; anything else goes on.</summary>
public sealed class DatabaseUnavailableMiddlewareTests
{
    private static async Task<(HttpContext Context, string Body)> RunAsync(string path, Exception thrown)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString("?q=<script>");
        context.Response.Body = new MemoryStream();
        var middleware = new DatabaseUnavailableMiddleware(_ => throw thrown, NullLogger<DatabaseUnavailableMiddleware>.Instance);
        await middleware.InvokeAsync(context);
        context.Response.Body.Position = 0;
        return (context, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    public static TheoryData<string, Exception> Outages => new()
    {
        { "PostgreSQL refused the connection, wrapped by the execution strategy", new InvalidOperationException("transient", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111))) },
        { "a timeout", new TimeoutException("pool exhausted") },
        { "SQLite busy", new SqliteException("database is locked", 5) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task A_page_gets_503_with_retry_after_and_a_page_that_says_what_to_do(string outage, Exception thrown)
    {
        var (context, body) = await RunAsync("/queues", thrown);

        Assert.True(context.Response.StatusCode == 503, outage);
        Assert.Equal("30", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("text/html", context.Response.ContentType);
        Assert.Contains("The database is not answering", body);
        Assert.Contains("Try again in 30 seconds", body);
        Assert.Contains("href=\"/queues?q=&lt;script&gt;\"", body); // the way back, encoded
        Assert.DoesNotContain("<script>", body);
    }

    [Fact]
    public async Task The_api_gets_problem_json()
    {
        var (context, body) = await RunAsync("/api/cases", new TimeoutException("pool exhausted"));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("30", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The database is not answering", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Any_other_failure_goes_on_to_the_error_page()
    {
        var bug = new InvalidOperationException("a bug");
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("/queues", bug));
        Assert.Same(bug, thrown);
    }
}
