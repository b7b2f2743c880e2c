namespace SupportConsole.Data;

/// <summary>
/// The data seam of case search: finds cases by words in their subject, thread and sender, with filters, sorted and
/// paged. <see cref="SqliteCaseSearchIndex"/> uses SQLite FTS5; another database provider brings its own.
/// </summary>
public interface ICaseSearchIndex
{
    Task<CaseSearchPage> SearchAsync(CaseSearchCriteria criteria, CancellationToken cancellationToken = default);
}
