using System.Text.RegularExpressions;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Audit;

/// <summary>
/// Makes the audit table append-only on PostgreSQL, at two levels. A trigger refuses every UPDATE, DELETE and
/// TRUNCATE of the table, whoever runs it (the owner included), unless the transaction has declared retention
/// work with <c>SET LOCAL iro.audit_retention = 'on'</c>. And when <c>Database:AppRole</c> names the role the app
/// signs in as (distinct from the owner that migrates), that role is granted what the app needs on every table
/// but only SELECT and INSERT on the audit table, so it cannot change the audit even by declaring retention.
/// Applied by <c>iro db migrate</c> after the migrations when it runs as the table's owner; safe to run again.
/// </summary>
public static partial class AppendOnlyAudit
{
    public const string AppRoleSetting = "Database:AppRole";

    /// <summary>The setting a retention job sets, in its own transaction, before removing audit entries.</summary>
    public const string RetentionSetting = "iro.audit_retention";

    public const string TriggerSql = """
        CREATE OR REPLACE FUNCTION iro_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF coalesce(current_setting('iro.audit_retention', true), '') <> 'on' THEN
                RAISE EXCEPTION 'The audit is append-only: % on "AuditEntries" is refused outside retention', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END $$;
        DROP TRIGGER IF EXISTS iro_audit_append_only ON "AuditEntries";
        CREATE TRIGGER iro_audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION iro_audit_append_only();
        DROP TRIGGER IF EXISTS iro_audit_no_truncate ON "AuditEntries";
        CREATE TRIGGER iro_audit_no_truncate BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION iro_audit_append_only();
        """;

    /// <summary>The grants for the app's role (a quoted identifier): everything the app does, but no changing the audit.</summary>
    public static string GrantsSql(string appRole)
    {
        if (!RoleName().IsMatch(appRole)) throw new ArgumentException($"'{appRole}' is not a plain role name (letters, digits and underscores).", nameof(appRole));
        return $"""
            GRANT USAGE ON SCHEMA public TO "{appRole}";
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{appRole}";
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{appRole}";
            REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEntries" FROM "{appRole}";
            """;
    }

    /// <summary>The trigger, and the app role's grants when one is configured. Nothing on SQLite.</summary>
    public static async Task ApplyAsync(IroDbContext db, IConfiguration configuration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!db.Database.IsNpgsql()) return;
        // Only the owner may (re)create the trigger and grant; the app's own role running a verb leaves them alone.
        var owner = await db.Database.SqlQueryRaw<bool>(
            "SELECT tableowner = current_user AS \"Value\" FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'AuditEntries'").ToListAsync(ct);
        if (owner is not [true]) return;
        await db.Database.ExecuteSqlRawAsync(TriggerSql, ct);
        if (configuration[AppRoleSetting] is { Length: > 0 } role) await db.Database.ExecuteSqlRawAsync(GrantsSql(role), ct);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
