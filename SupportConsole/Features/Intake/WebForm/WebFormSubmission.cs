using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Intake.WebForm;

/// <summary>
/// Turns a post of the public form into a case through <see cref="CaseIntake"/> (channel web), then stores its
/// attachments under <c>attachments/SC-nnnnnn/</c> on the case's first customer message.
/// </summary>
public sealed class WebFormSubmission(
    CaseIntake intake,
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    AttachmentStore attachments,
    WebFormOptions options,
    TimeProvider clock,
    ILogger<WebFormSubmission> logger)
{
    private const string KeyPrefix = "web-form:";

    /// <summary>Field names of <see cref="CaseIntake.Check"/> mapped onto the form's fields.</summary>
    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["from"] = nameof(WebCaseForm.Email),
        ["subject"] = nameof(WebCaseForm.Subject),
        ["body"] = nameof(WebCaseForm.Description),
        ["severity"] = nameof(WebCaseForm.Severity),
    };

    public const string AttachmentsField = "Attachments";

    /// <summary>Files actually chosen (a file input with nothing chosen still posts an empty part).</summary>
    public static IReadOnlyList<IFormFile> Chosen(IFormFileCollection? files) =>
        files?.Where(f => !string.IsNullOrEmpty(f.FileName) && f.Length > 0).ToList() ?? [];

    public async Task<WebFormOutcome> SubmitAsync(WebCaseForm form, IReadOnlyList<IFormFile> files, string? honeypot, string? clientAddress, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(honeypot))
        {
            logger.LogWarning("Web form post from {Client} filled the hidden honeypot field; it looks automated, so no case was created", clientAddress ?? "an unknown address");
            return new WebFormOutcome(null, new Dictionary<string, string[]>(), Trapped: true);
        }

        var request = ToRequest(form);
        var errors = Check(request, files);
        if (errors.Count > 0)
        {
            return new WebFormOutcome(null, errors, Trapped: false);
        }

        IntakeResult result;
        try
        {
            result = await intake.AcceptAsync(request, cancellationToken);
        }
        catch (IntakeValidationException e)
        {
            return new WebFormOutcome(null, MapErrors(e.Errors), Trapped: false);
        }
        if (result.Created && files.Count > 0)
        {
            await SaveAttachmentsAsync(result.Case, files, cancellationToken);
        }
        logger.LogInformation("Web form opened {Case} for {Sender}", CaseNumber.Format(result.Case.Number), result.Case.FromAddress);
        return new WebFormOutcome(result.Case, new Dictionary<string, string[]>(), Trapped: false);
    }

    /// <summary>Every problem at once, keyed by the form's field names (intake's own checks included).</summary>
    public Dictionary<string, string[]> Check(IntakeRequest request, IReadOnlyList<IFormFile> files)
    {
        var errors = MapErrors(CaseIntake.Check(request, clock.GetUtcNow(), out _, out _));
        var fileErrors = new List<string>();
        if (files.Count > options.MaxAttachments)
        {
            fileErrors.Add($"Attach at most {options.MaxAttachments} files; you chose {files.Count}.");
        }
        fileErrors.AddRange(files
            .Where(f => f.Length > options.MaxAttachmentBytes)
            .Select(f => $"\"{AttachmentStore.DisplayName(f.FileName)}\" is {WebFormOptions.Describe(f.Length)}; each file can be at most {WebFormOptions.Describe(options.MaxAttachmentBytes)}."));
        if (fileErrors.Count > 0)
        {
            errors[AttachmentsField] = [.. fileErrors];
        }
        return errors;
    }

    public static IntakeRequest ToRequest(WebCaseForm form)
    {
        var severity = form.Severity is { } n && CaseSeverityNames.TryFromNumber(n, out var s) ? s : (CaseSeverity)(form.Severity ?? 0);
        var key = Guid.TryParseExact(form.Token, "N", out var token) ? KeyPrefix + token.ToString("N") : null;
        return new IntakeRequest(CaseChannel.Web, form.Email.Trim(), form.Name.Trim(), form.Subject, form.Description, severity, IdempotencyKey: key,
            Category: form.Category == OriginationListChangeRequest.Category ? OriginationListChangeRequest.Category : null);
    }

    private static Dictionary<string, string[]> MapErrors(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => FieldOf.GetValueOrDefault(e.Key, e.Key), e => e.Value);

    private async Task SaveAttachmentsAsync(SupportCase supportCase, IReadOnlyList<IFormFile> files, CancellationToken cancellationToken)
    {
        var number = CaseNumber.Format(supportCase.Number);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entryId = await db.CaseEntries
            .Where(e => e.CaseId == supportCase.Id && e.Kind == CaseEntryKind.CustomerMessage)
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .FirstAsync(cancellationToken);
        foreach (var file in files)
        {
            var name = AttachmentStore.DisplayName(file.FileName);
            try
            {
                db.CaseAttachments.Add(await attachments.SaveAsync(supportCase.Number, entryId, file.FileName, file.ContentType,
                    (target, ct) => file.CopyToAsync(target, ct), cancellationToken));
            }
            catch (IOException e)
            {
                // The case already exists (its arrival counts): keep it, and say in its thread what was lost.
                logger.LogError(e, "Could not store attachment {File} of {Case}", name, number);
                db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, clock.GetUtcNow(), $"The attachment \"{name}\" could not be stored: {e.Message}"));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
