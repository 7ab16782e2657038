using System.Collections.Concurrent;
using Iro.Web.Data;

namespace Iro.Web.Tests.Infrastructure;

/// <summary>
/// One database per provider, migrated and seeded with the access scenario once per test run; fixtures get
/// their own copy of it (a file copy, or a PostgreSQL database created from it as a template), so each still
/// starts from the same data and none sees another's changes.
/// </summary>
public static class SeededTemplate
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> Templates = new();

    public static async Task<TestDatabase> CopyAsync(DatabaseProvider provider)
    {
        var template = await Templates.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => BuildAsync(p))).Value;
        return await template.CopyAsync();
    }

    private static async Task<TestDatabase> BuildAsync(DatabaseProvider provider)
    {
        var builder = new Builder(provider);
        await builder.InitializeAsync();
        // Stops the app (and its background services) but keeps the database: a PostgreSQL template must have
        // no connections while it is copied.
        await builder.DisposeAsync();
        var template = builder.Database;
        await template.CloseConnectionsAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAtExit(template);
        return template;
    }

    /// <summary>Bounded, so a server that has gone cannot hold up the end of the run.</summary>
    private static void DropAtExit(TestDatabase template)
    {
        try
        {
            template.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Best effort: a template left behind is only disk space, like the database of a fixture that crashed.
        }
    }

    /// <summary>Migrates and seeds exactly as a fixture that does not start from the template.</summary>
    private sealed class Builder(DatabaseProvider provider) : IroAppFactory(provider);
}
