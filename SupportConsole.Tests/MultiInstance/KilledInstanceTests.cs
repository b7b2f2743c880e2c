using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.MultiInstance;

/// <summary>Its own pair of instances: this test kills one.</summary>
public sealed class KilledPair : TwoInstances;

/// <summary>
/// One instance is killed with SIGKILL while cases stream into both; clients retry what failed on the survivor with
/// the same Idempotency-Key, as a load balancer's retry or a mail server's redelivery would.
/// </summary>
public sealed class KilledInstanceTests(KilledPair fixture, ITestOutputHelper output) : IClassFixture<KilledPair>
{
    [Fact]
    public async Task Killing_one_instance_mid_load_loses_nothing_duplicates_nothing_and_it_comes_back()
    {
        const int total = 80;
        var run = Guid.NewGuid().ToString("N")[..8];
        using var a = fixture.A.Api();
        using var b = fixture.B.Api();
        var numbers = new ConcurrentDictionary<int, string>();
        var retried = 0;
        var next = -1;
        var committed = 0;
        var killed = new TaskCompletionSource();

        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var first = i % 2 == 0 && !killed.Task.IsCompleted ? a : b;
                var response = await TrySend(first, i);
                if (response is null || (int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref retried);
                    response = await TrySend(b, i) ?? throw new InvalidOperationException("The surviving instance failed too.");
                }
                Assert.True(response.IsSuccessStatusCode, $"case {i}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                numbers[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
                if (Interlocked.Increment(ref committed) == total / 3)
                {
                    fixture.A.Kill();
                    killed.TrySetResult();
                }
            }
        }

        async Task<HttpResponseMessage?> TrySend(HttpClient client, int i)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = JsonContent.Create(new { from = "joe@hooli.example", subject = $"Kill run {run} #{i}", body = "Streamed while an instance dies." }),
            };
            request.Headers.Add("Idempotency-Key", $"kill-{run}-{i}");
            try
            {
                return await client.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return null; // the connection died with the instance
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(Worker)));
        Assert.True(killed.Task.IsCompleted);
        Assert.False(fixture.A.IsRunning);
        output.WriteLine($"{total} cases, {retried} retried on B after A was killed");

        // Every case once: as many rows as keys, one number per key, and the numbers the clients were given are those rows.
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringForAsync(fixture.Folder));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT COUNT(*), COUNT(DISTINCT "IdempotencyKey"), COUNT(DISTINCT "Number"), COUNT(DISTINCT "ArrivalSequence")
            FROM "Cases" WHERE "Subject" LIKE @prefix
            """, connection);
        command.Parameters.AddWithValue("prefix", $"Kill run {run} #%");
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(total, reader.GetInt64(0));
            Assert.Equal(total, reader.GetInt64(1));
            Assert.Equal(total, reader.GetInt64(2));
            Assert.Equal(total, reader.GetInt64(3));
        }
        Assert.Equal(total, numbers.Values.Distinct().Count());

        // Numbers come from the database's counter: no gap and no repeat across both instances, even through the kill.
        await using var gaps = new NpgsqlCommand("""SELECT COUNT(*), MAX("Number") - MIN("Number") + 1 FROM "Cases" """, connection);
        await using (var reader = await gaps.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
        }

        // B went on throughout, and A comes back on the same database.
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/health")).StatusCode);
        await fixture.A.StartAsync();
        using var again = fixture.A.Api();
        var listed = await again.GetFromJsonAsync<JsonElement>($"/api/cases?q={run}&pageSize=100");
        Assert.Equal(total, listed.GetProperty("total").GetInt32());
    }
}
