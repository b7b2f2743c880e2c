namespace SupportConsole.Hosting;

/// <summary>
/// The small self-contained page the app answers with when it cannot show the page asked for (a rate limit, a
/// database that does not answer): a card with a title, what happened, what to do next and a way back. It needs
/// nothing but the stylesheet, so it can be written when the app's own pages cannot. The HTML texts are the caller's,
/// already HTML-safe.
/// </summary>
public static class NoticePage
{
    public static Task WriteAsync(HttpResponse response, string title, string id, string explanationHtml, string noticeHtml,
        string backHref, string backText, CancellationToken cancellationToken)
    {
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{{title}} · SupportConsole</title>
            <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
            <div class="auth-shell">
            <main class="auth-card" id="{{id}}">
            <div class="auth-brand"><h1>{{title}}</h1></div>
            <p class="auth-sub">{{explanationHtml}}</p>
            <div class="notice info" role="alert">{{noticeHtml}}</div>
            <p><a href="{{backHref}}">{{backText}}</a></p>
            </main>
            </div>
            </body>
            </html>
            """, cancellationToken);
    }
}
