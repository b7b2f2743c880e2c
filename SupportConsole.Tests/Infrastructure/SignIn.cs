using System.Net;
using System.Text.RegularExpressions;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token included), as a browser would.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return response;
    }

    public static async Task AsAsync(HttpClient client, string email, string password)
    {
        var response = await PostAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}: {ErrorNotice().Match(body).Value}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<div class=\"notice error\"[^<]*</div>")]
    private static partial Regex ErrorNotice();
}
