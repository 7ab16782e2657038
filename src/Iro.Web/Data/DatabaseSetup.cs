using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/iro.db";

    private static readonly DataVersionInterceptor VersionInterceptor = new();
    private static readonly SqliteBusyTimeout BusyTimeout = new();

    /// <summary>
    /// Registers <see cref="IroDbContext"/> for the configured provider:
    /// <c>Database:Provider</c> (Sqlite by default) and <c>ConnectionStrings:Iro</c>.
    /// </summary>
    public static IServiceCollection AddIroDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        services.AddScoped<Audit.AuditSwitch>();
        services.AddScoped<Audit.ChangeReason>();
        services.AddScoped<Audit.WriteAuditInterceptor>();
        services.AddScoped<Features.Timetable.Store.TimetableQueueInterceptor>();
        var connectionString = configuration.GetConnectionString("Iro");
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Iro is not set.");
                services.AddDbContext<PostgresIroDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetRequiredService<Audit.WriteAuditInterceptor>(), VersionInterceptor, sp.GetRequiredService<Features.Timetable.Store.TimetableQueueInterceptor>()));
                services.AddScoped<IroDbContext>(sp => sp.GetRequiredService<PostgresIroDbContext>());
                break;
            default:
                connectionString = SqliteConnectionString(configuration);
                EnsureSqliteDirectory(connectionString);
                services.AddDbContext<SqliteIroDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetRequiredService<Audit.WriteAuditInterceptor>(), VersionInterceptor, sp.GetRequiredService<Features.Timetable.Store.TimetableQueueInterceptor>(), BusyTimeout));
                services.AddScoped<IroDbContext>(sp => sp.GetRequiredService<SqliteIroDbContext>());
                break;
        }

        return services;
    }

    /// <summary>
    /// A new connection to the configured database outside EF Core, for work that must not pay for building the EF Core
    /// model (any use of the context builds it first).
    /// </summary>
    public static System.Data.Common.DbConnection CreateConnection(IConfiguration configuration) => ProviderFrom(configuration) switch
    {
        DatabaseProvider.Postgres => new Npgsql.NpgsqlConnection(configuration.GetConnectionString("Iro")),
        _ => new Microsoft.Data.Sqlite.SqliteConnection(SqliteConnectionString(configuration)),
    };

    private static string SqliteConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Iro") is { } configured && !string.IsNullOrWhiteSpace(configured) ? configured : DefaultSqliteConnection;

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not known; use Sqlite or Postgres.");
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:") Directory.CreateDirectory(directory);
    }
}
