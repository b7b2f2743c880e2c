using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportConsole.Data.Migrations
{
    /// <summary>
    /// Case search: the FTS5 table CaseSearch (one row per case, rowid = Cases.Id) over the subject, the sender (address
    /// and name) and the thread (every entry's text but the desk's own system events), triggers that keep it in step
    /// with Cases and CaseEntries, and a backfill of the cases already stored.
    /// </summary>
    public partial class CaseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE CaseSearch USING fts5(Subject, Sender, Thread, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO CaseSearch (rowid, Subject, Sender, Thread)
                SELECT c.Id, c.Subject, c.FromAddress || ' ' || c.FromName,
                       COALESCE((SELECT group_concat(t.Body, ' ') FROM (SELECT e.Body FROM CaseEntries e WHERE e.CaseId = c.Id AND e.Kind <> 4 ORDER BY e.Id) t), '')
                FROM Cases c;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_CaseInserted AFTER INSERT ON Cases BEGIN
                    INSERT INTO CaseSearch (rowid, Subject, Sender, Thread) VALUES (new.Id, new.Subject, new.FromAddress || ' ' || new.FromName, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_CaseUpdated AFTER UPDATE OF Subject, FromAddress, FromName ON Cases BEGIN
                    UPDATE CaseSearch SET Subject = new.Subject, Sender = new.FromAddress || ' ' || new.FromName WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_CaseDeleted AFTER DELETE ON Cases BEGIN
                    DELETE FROM CaseSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_EntryInserted AFTER INSERT ON CaseEntries WHEN new.Kind <> 4 BEGIN
                    UPDATE CaseSearch SET Thread = Thread || ' ' || new.Body WHERE rowid = new.CaseId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_EntryUpdated AFTER UPDATE OF Body, Kind, CaseId ON CaseEntries BEGIN
                    UPDATE CaseSearch SET Thread = COALESCE((SELECT group_concat(t.Body, ' ') FROM (SELECT e.Body FROM CaseEntries e WHERE e.CaseId = CaseSearch.rowid AND e.Kind <> 4 ORDER BY e.Id) t), '')
                    WHERE rowid IN (old.CaseId, new.CaseId);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER CaseSearch_EntryDeleted AFTER DELETE ON CaseEntries WHEN old.Kind <> 4 BEGIN
                    UPDATE CaseSearch SET Thread = COALESCE((SELECT group_concat(t.Body, ' ') FROM (SELECT e.Body FROM CaseEntries e WHERE e.CaseId = old.CaseId AND e.Kind <> 4 ORDER BY e.Id) t), '')
                    WHERE rowid = old.CaseId;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_EntryDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_EntryUpdated;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_EntryInserted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_CaseDeleted;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_CaseUpdated;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS CaseSearch_CaseInserted;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CaseSearch;");
        }
    }
}
