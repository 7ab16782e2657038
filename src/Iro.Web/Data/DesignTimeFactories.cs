using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Iro.Web.Data;

// Used only by the EF tools, to generate each provider's migrations and compiled model (scripts/compile-model passes
// CompiledModel.GenerationArgument). They never use the compiled model: the tools work on the model as configured.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIroDbContext>
{
    public SqliteIroDbContext CreateDbContext(string[] args)
    {
        CompiledModel.NoteGeneration(args);
        return new(new DbContextOptionsBuilder<SqliteIroDbContext>().UseSqlite("Data Source=design.db").Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIroDbContext>
{
    public PostgresIroDbContext CreateDbContext(string[] args)
    {
        CompiledModel.NoteGeneration(args);
        return new(new DbContextOptionsBuilder<PostgresIroDbContext>().UseNpgsql("Host=localhost;Database=iro_design").Options);
    }
}
