using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Hosting;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Cases;

/// <summary>Whether the case's sender is on its customer's origination list, and which entry matched.</summary>
public sealed record SenderListing(bool OnList, string? MatchedEntry);
