using Microsoft.AspNetCore.Identity;
using SupportConsole.Data;

namespace SupportConsole.Features.Account;

/// <summary>
/// Checks a sign-in so that an unknown address, a wrong password and a disabled account look alike: the same answer
/// and the same work (a password hash check every time, against a dummy hash when there is no account), so neither
/// the message nor the timing tells which addresses have accounts. Failures never lock the account; see
/// <see cref="SignInSlowDown"/>.
/// </summary>
public sealed class AgentSignIn(SignInManager<AgentUser> signIn, UserManager<AgentUser> users, SignInSlowDown slowDown, ILogger<AgentSignIn> logger)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AgentUser>().HashPassword(new AgentUser(), Guid.NewGuid().ToString("N")));

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, CancellationToken cancellationToken = default)
    {
        using var turn = await slowDown.EnterAsync(email, cancellationToken);
        if (turn is null)
        {
            return SignInOutcome.TryAgainLater;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AgentUser(), DummyHash.Value, password);
        }
        else if (user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            // Identity would refuse a locked (disabled) account before hashing; hash anyway so it takes as long.
            await users.CheckPasswordAsync(user, password);
        }
        else if ((await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: false)).Succeeded)
        {
            logger.LogInformation("{Email} signed in", user.Email);
            slowDown.RecordSuccess(email);
            return SignInOutcome.SignedIn;
        }

        slowDown.RecordFailure(email);
        return SignInOutcome.Refused;
    }
}
