using Iro.Web.Audit;
using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Iro.Web.Tests.Features.Governance;

/// <summary>
/// On PostgreSQL the audit is append-only: after <c>iro db migrate</c> run by the owner with
/// <c>Database:AppRole</c>, the app signed in as that role adds audit entries but cannot update or delete them
/// (not even by declaring retention), and the owner is refused too unless its transaction declares retention.
/// </summary>
public sealed class AppendOnlyAuditTests : IAsyncLifetime
{
    private const string AppPassword = "app-role-password";
    private readonly string _role = $"iro_app_{Guid.NewGuid():N}"[..20];
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await OwnerAsync($"CREATE ROLE \"{_role}\" LOGIN PASSWORD '{AppPassword}'");
        var settings = new Dictionary<string, string?>(_database.Settings) { [AppendOnlyAudit.AppRoleSetting] = _role };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(["db", "migrate"], output, error, settings);
        Assert.True(exit == 0, error.ToString());
    }

    [Fact]
    public async Task The_apps_role_adds_audit_entries_but_cannot_update_or_delete_them()
    {
        var app = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role, Password = AppPassword, Pooling = false };
        var settings = new Dictionary<string, string?>(_database.Settings) { ["ConnectionStrings:Iro"] = app.ConnectionString };

        await CommandHost.RunAsync(settings, async (services, ct) =>
        {
            var db = services.GetRequiredService<IroDbContext>();
            await services.GetRequiredService<AuditLog>().RecordAsync("someone", AuditLog.ReadAction, AuditLog.ChildEntity, "A1", null, ct);
            Assert.Equal(1, await db.AuditEntries.CountAsync(ct));

            var update = await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, "someone else"), ct));
            var delete = await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.ExecuteDeleteAsync(ct));
            await using var retention = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SET LOCAL {AppendOnlyAudit.RetentionSetting} = 'on'", ct);
            var deleteDuringRetention = await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.ExecuteDeleteAsync(ct));

            Assert.All([update, delete, deleteDuringRetention], e => Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState));
            Assert.All([update, delete, deleteDuringRetention], e => Assert.Contains("permission denied", e.MessageText, StringComparison.Ordinal));
            return 0;
        }, CancellationToken.None);

        Assert.Equal(1L, await OwnerScalarAsync("SELECT count(*) FROM \"AuditEntries\" WHERE \"UserId\" = 'someone'"));
    }

    [Fact]
    public async Task The_owner_is_refused_by_the_trigger_except_within_declared_retention()
    {
        await OwnerAsync("INSERT INTO \"AuditEntries\" (\"At\", \"UserId\", \"Action\", \"EntityType\", \"EntityKey\") VALUES (now(), 'owner-test', 'Read', 'Child', 'A1')");

        var update = await Assert.ThrowsAsync<PostgresException>(() => OwnerAsync("UPDATE \"AuditEntries\" SET \"UserId\" = 'x' WHERE \"UserId\" = 'owner-test'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => OwnerAsync("DELETE FROM \"AuditEntries\" WHERE \"UserId\" = 'owner-test'"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => OwnerAsync("TRUNCATE \"AuditEntries\""));
        Assert.All([update, delete, truncate], e => Assert.Contains("append-only", e.MessageText, StringComparison.Ordinal));
        Assert.Equal(1L, await OwnerScalarAsync("SELECT count(*) FROM \"AuditEntries\" WHERE \"UserId\" = 'owner-test'"));

        await OwnerAsync($"BEGIN; SET LOCAL {AppendOnlyAudit.RetentionSetting} = 'on'; DELETE FROM \"AuditEntries\" WHERE \"UserId\" = 'owner-test'; COMMIT;");

        Assert.Equal(0L, await OwnerScalarAsync("SELECT count(*) FROM \"AuditEntries\" WHERE \"UserId\" = 'owner-test'"));
    }

    public async Task DisposeAsync()
    {
        await OwnerAsync($"DROP OWNED BY \"{_role}\"");
        await _database.DisposeAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{_role}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task OwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> OwnerScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
