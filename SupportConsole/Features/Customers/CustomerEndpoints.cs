using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Plans;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Customers;

/// <summary><c>GET/POST /api/customers</c> and <c>GET/PUT /api/customers/{id}</c> as API.md describes them.</summary>
public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapGet("/customers", async (string? search, CustomerBook book) =>
        {
            var today = book.Today();
            var customers = await book.ListAsync(search);
            return Results.Ok(customers.Select(c => CustomerDto.Of(c, today)));
        });

        api.MapGet("/customers/{id}", async (string id, CustomerBook book) =>
        {
            if (!long.TryParse(id, out var customerId))
            {
                return NotFound(id);
            }
            var customer = await book.GetAsync(customerId);
            return customer is null ? NotFound(id) : Results.Ok(CustomerDto.Of(customer, book.Today()));
        });

        api.MapPost("/customers", async (CustomerInputDto? body, CustomerBook book) =>
        {
            if (!TryDraft(body, book.FreeMail, out var draft, out var problem))
            {
                return problem;
            }
            var result = await book.CreateAsync(draft, ApiActor);
            return result.Succeeded
                ? Results.Created($"/api/customers/{result.Customer!.Id}", CustomerDto.Of(result.Customer, book.Today()))
                : Failure(result, "0");
        });

        api.MapPut("/customers/{id}", async (string id, CustomerInputDto? body, CustomerBook book) =>
        {
            if (!long.TryParse(id, out var customerId) || customerId <= 0)
            {
                return NotFound(id);
            }
            if (!TryDraft(body, book.FreeMail, out var draft, out var problem))
            {
                return problem;
            }
            var result = await book.UpdateAsync(customerId, draft, ApiActor);
            return result.Succeeded ? Results.Ok(CustomerDto.Of(result.Customer!, book.Today())) : Failure(result, id);
        });

    }

    /// <summary>The audit trail's actor for changes made through the API.</summary>
    public const string ApiActor = "api";

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: 404, title: "No such customer", detail: $"There is no customer {id}.");

    private static IResult Failure(CustomerSaveResult result, string id) => result.Status switch
    {
        CustomerSaveStatus.NotFound => NotFound(id),
        CustomerSaveStatus.Conflict => Results.Problem(
            statusCode: 409,
            title: "An origination entry belongs to another customer.",
            detail: string.Join(" ", result.Conflicts.Values.SelectMany(m => m).Select(m => m + ".")) +
                    " Remove the entry here, or take it off the other customer's list first.",
            extensions: new Dictionary<string, object?> { ["errors"] = ConflictErrors(result.Conflicts) }),
        _ => Results.ValidationProblem(ApiErrors(result.Errors), title: "The customer is not valid."),
    };

    /// <summary>Conflicts keyed by the array the entry came from: addresses under originAddresses, domains under originDomains.</summary>
    private static Dictionary<string, string[]> ConflictErrors(IReadOnlyDictionary<string, string[]> conflicts) =>
        conflicts.GroupBy(c => c.Key.Contains('@') ? "originAddresses" : c.Key == "origination" ? "origination" : "originDomains")
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Value).ToArray());

    private static Dictionary<string, string[]> ApiErrors(IReadOnlyDictionary<string, string[]> errors) => errors.ToDictionary(e => e.Key, e => e.Value);

    private static bool TryDraft(CustomerInputDto? body, FreeMailDomains freeMail, out CustomerDraft draft, out IResult problem)
    {
        draft = new CustomerDraft();
        problem = Results.Empty;
        if (body is null)
        {
            problem = Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = ["Send the customer as JSON: { name, plan, termStart, termEnd, primaryContact: {name, email, phone}, originAddresses, originDomains }."],
            });
            return false;
        }

        var errors = new Dictionary<string, string[]>();
        if (!SupportPlanNames.TryParseApiName(body.Plan, out var plan))
        {
            errors["plan"] = [body.Plan is null ? "The plan is required: pro-plus or free." : $"Unknown plan '{body.Plan}': use pro-plus or free."];
        }
        var termStart = Date(body.TermStart, "termStart", errors);
        var termEnd = Date(body.TermEnd, "termEnd", errors);

        var entries = new List<string>();
        var addressErrors = new List<string>();
        foreach (var (text, i) in (body.OriginAddresses ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(text) || !text.Contains('@'))
            {
                addressErrors.Add($"originAddresses[{i}]: \"{text}\" is not an email address; put domains in originDomains.");
            }
            else if (!OriginationEntry.TryParse(text, out _, out var error))
            {
                addressErrors.Add($"originAddresses[{i}]: {error}");
            }
            else
            {
                entries.Add(text);
            }
        }
        var domainErrors = new List<string>();
        foreach (var (text, i) in (body.OriginDomains ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(text) || text.Trim().TrimStart('@').Contains('@'))
            {
                domainErrors.Add($"originDomains[{i}]: \"{text}\" is not a domain like example.com or *.example.com; put addresses in originAddresses.");
            }
            else if (!OriginationEntry.TryParse(text, out var entry, out var error))
            {
                domainErrors.Add($"originDomains[{i}]: {error}");
            }
            else if (freeMail.Refusal(entry) is { } refusal)
            {
                domainErrors.Add($"originDomains[{i}]: {refusal}");
            }
            else
            {
                entries.Add(text);
            }
        }
        if (addressErrors.Count > 0)
        {
            errors["originAddresses"] = [.. addressErrors];
        }
        if (domainErrors.Count > 0)
        {
            errors["originDomains"] = [.. domainErrors];
        }

        draft = new CustomerDraft
        {
            Name = body.Name ?? "",
            Plan = plan,
            TermStart = termStart ?? default,
            TermEnd = termEnd ?? default,
            ContactName = body.PrimaryContact?.Name ?? "",
            ContactEmail = body.PrimaryContact?.Email ?? "",
            ContactPhone = body.PrimaryContact?.Phone ?? "",
            HelpdeskPhone = body.HelpdeskPhone ?? "",
            Origination = entries,
        };

        // The book's own checks (name, contact, term order and range) complete the per-field messages.
        foreach (var (field, messages) in CustomerBook.Validate(draft, freeMail, out _))
        {
            if (field == "plan" && errors.ContainsKey("plan"))
            {
                continue;
            }
            if ((field == "termStart" && termStart is null) || (field == "termEnd" && (termEnd is null || termStart is null)))
            {
                continue;
            }
            if (field == "primaryContact.email" && errors.ContainsKey("plan") && string.IsNullOrWhiteSpace(draft.ContactEmail))
            {
                continue;
            }
            errors.TryAdd(field, messages);
        }
        if (errors.Count > 0)
        {
            problem = Results.ValidationProblem(errors, title: "The customer is not valid.");
            return false;
        }
        return true;
    }

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"{field} is required, a date like 2026-01-01."];
            return null;
        }
        if (!ApiFormat.TryParseDate(text, out var date, out var error))
        {
            errors[field] = [error!];
            return null;
        }
        return date;
    }
}
