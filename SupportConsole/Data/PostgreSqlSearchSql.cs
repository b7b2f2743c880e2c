namespace SupportConsole.Data;

/// <summary>
/// The PostgreSQL search table and the triggers that keep it in step, applied by the PostgreSQL migrations: one
/// <c>tsvector</c> per case over its subject (A), sender (B) and thread (C, every entry but the desk's own system
/// events, the first 500,000 characters). A refresh first locks the case's search row, so two replies committed at once
/// each see the other's entry when they rebuild it.
/// </summary>
public static class PostgreSqlSearchSql
{
    public const string Create = """
        CREATE EXTENSION IF NOT EXISTS unaccent;

        CREATE FUNCTION case_search_words(t text) RETURNS text LANGUAGE sql STABLE AS
        $$ SELECT regexp_replace(lower(unaccent(coalesce(t, ''))), '[^[:alnum:]]+', ' ', 'g') $$;

        CREATE TABLE "CaseSearch" (
            "CaseId" bigint PRIMARY KEY REFERENCES "Cases" ("Id") ON DELETE CASCADE,
            "Document" tsvector NOT NULL
        );
        CREATE INDEX "IX_CaseSearch_Document" ON "CaseSearch" USING GIN ("Document");

        CREATE FUNCTION case_search_refresh(case_id bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM 1 FROM "CaseSearch" WHERE "CaseId" = case_id FOR UPDATE;
            INSERT INTO "CaseSearch" ("CaseId", "Document")
            SELECT c."Id",
                   setweight(to_tsvector('simple', case_search_words(c."Subject")), 'A') ||
                   setweight(to_tsvector('simple', case_search_words(coalesce(c."FromAddress", '') || ' ' || coalesce(c."FromName", ''))), 'B') ||
                   setweight(to_tsvector('simple', case_search_words(left(coalesce(
                       (SELECT string_agg(e."Body", ' ' ORDER BY e."Id") FROM "CaseEntries" e WHERE e."CaseId" = c."Id" AND e."Kind" <> 4), ''), 500000))), 'C')
            FROM "Cases" c WHERE c."Id" = case_id
            ON CONFLICT ("CaseId") DO UPDATE SET "Document" = EXCLUDED."Document";
        END $$;

        CREATE FUNCTION case_search_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM case_search_refresh(NEW."Id");
            RETURN NULL;
        END $$;

        CREATE TRIGGER case_search_case AFTER INSERT OR UPDATE OF "Subject", "FromAddress", "FromName" ON "Cases"
            FOR EACH ROW EXECUTE FUNCTION case_search_case_changed();

        CREATE FUNCTION case_search_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                PERFORM case_search_refresh(NEW."CaseId");
            END IF;
            IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."CaseId" <> NEW."CaseId") THEN
                PERFORM case_search_refresh(OLD."CaseId");
            END IF;
            RETURN NULL;
        END $$;

        CREATE TRIGGER case_search_entry AFTER INSERT OR UPDATE OF "Body", "Kind", "CaseId" OR DELETE ON "CaseEntries"
            FOR EACH ROW EXECUTE FUNCTION case_search_entry_changed();

        INSERT INTO "CaseSearch" ("CaseId", "Document") SELECT "Id", ''::tsvector FROM "Cases";
        SELECT case_search_refresh("Id") FROM "Cases";
        """;

    public const string Drop = """
        DROP TRIGGER IF EXISTS case_search_entry ON "CaseEntries";
        DROP TRIGGER IF EXISTS case_search_case ON "Cases";
        DROP FUNCTION IF EXISTS case_search_entry_changed();
        DROP FUNCTION IF EXISTS case_search_case_changed();
        DROP FUNCTION IF EXISTS case_search_refresh(bigint);
        DROP TABLE IF EXISTS "CaseSearch";
        DROP FUNCTION IF EXISTS case_search_words(text);
        """;
}
