using Iro.Web.Data;

// The generated models' own hook, called before each is finalised (kept outside Data/CompiledModels, which
// scripts/compile-model replaces).
namespace Iro.Web.Data.CompiledModels.Sqlite
{
    public partial class SqliteIroDbContextModel
    {
        partial void Customize() => CompiledModel.AddQueryFilters(this);
    }
}

namespace Iro.Web.Data.CompiledModels.Postgres
{
    public partial class PostgresIroDbContextModel
    {
        partial void Customize() => CompiledModel.AddQueryFilters(this);
    }
}
