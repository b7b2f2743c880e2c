using SupportConsole.Domain.Cases;
using SupportConsole.Hosting;
using SupportConsole.Tests.Features.Escalations;

namespace SupportConsole.Tests.Features.Calls;

/// <summary>
/// The desk for <see cref="CallBookTests"/>: one Tier 2 engineer of the tests' own, Cora, with no staff profile yet
/// (the whole Tier 2-3 window; her first booking creates the profile row that serializes her bookings).
/// </summary>
public sealed class CallBookFixture : EngineeringDeskHost
{
    public const string CoraEmail = "cora@supportconsole.local";

    public Actor Cora { get; private set; } = null!;

    protected override async Task SeedAsync() => Cora = await CreateUserAsync(CoraEmail, "Cora Caller", Roles.Tier2);
}
