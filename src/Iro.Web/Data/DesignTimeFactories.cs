using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Iro.Web.Data;

// Used only by the EF tools to generate each provider's migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIroDbContext>
{
    public SqliteIroDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteIroDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIroDbContext>
{
    public PostgresIroDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIroDbContext>().UseNpgsql("Host=localhost;Database=iro_design").Options);
}
