using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Admin;

public sealed record AgentAccount(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset? LockedOutUntil);
