namespace SupportConsole.Features.Account;

/// <summary>How a sign-in attempt ended, as far as the person at the form may know.</summary>
public enum SignInOutcome
{
    SignedIn,
    Refused,
    TryAgainLater,
}
