using System.ComponentModel.DataAnnotations;

namespace SupportConsole.Features.Intake.WebForm;

/// <summary>What a person types into the public case form.</summary>
public sealed class WebCaseForm
{
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "A name has at most 200 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address: our replies go there.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Give your request a short subject.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Describe the problem: what you did, what happened and what you expected.")]
    public string Description { get; set; } = "";

    [Required(ErrorMessage = "Choose how badly this affects you.")]
    [Range(1, 4, ErrorMessage = "Choose how badly this affects you.")]
    public int? Severity { get; set; }

    /// <summary>"problem" (the default) or <c>origination-list</c>: a primary contact asking to change their list.</summary>
    public string Category { get; set; } = "problem";

    /// <summary>A random id minted when the form was shown: sending the same form twice opens one case.</summary>
    public string? Token { get; set; }
}
