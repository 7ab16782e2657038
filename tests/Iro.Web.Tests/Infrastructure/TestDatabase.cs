using Iro.Web.Data;
using Npgsql;

namespace Iro.Web.Tests.Infrastructure;

/// <summary>A real, empty database for one test fixture: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Admin connection to the test PostgreSQL server; the test script starts it and sets this.</summary>
    public const string PostgresVariable = "IRO_TEST_POSTGRES";

    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=iro_test;Password=iro_test;Database=postgres";

    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Iro"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"iro-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null);
        }

        return await CreatePostgresAsync(template: null);
    }

    /// <summary>A new database holding a copy of this one's schema and data; nothing may be connected to this one.</summary>
    public async Task<TestDatabase> CopyAsync()
    {
        if (_sqliteFile is null) return await CreatePostgresAsync(_postgresName);

        var file = Path.Combine(Path.GetTempPath(), $"iro-test-{Guid.NewGuid():N}.db");
        File.Copy(_sqliteFile, file);
        if (File.Exists(_sqliteFile + "-wal")) File.Copy(_sqliteFile + "-wal", file + "-wal");
        return new TestDatabase(Provider, $"Data Source={file};Pooling=False", file, null);
    }

    /// <summary>Closes this database's idle pooled connections (SQLite test databases are not pooled).</summary>
    public Task CloseConnectionsAsync()
    {
        if (_postgresName is not null)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }

        return Task.CompletedTask;
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string? template)
    {
        var admin = AdminConnectionString;
        var name = $"iro_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            try
            {
                await connection.OpenAsync();
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL integration tests need a server: set {PostgresVariable} or run the README's test command, which starts one. ({e.Message})", e);
            }

            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            // A template's last connections may take a moment to close after its app stops.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new NpgsqlCommand(sql, connection);
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (template is not null && e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
                {
                    await Task.Delay(100);
                }
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, name);
    }

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } configured ? configured : DefaultPostgres;

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(_sqliteFile + suffix)) File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
