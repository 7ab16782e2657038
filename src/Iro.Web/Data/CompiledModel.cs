using Microsoft.EntityFrameworkCore.Metadata;
#pragma warning disable EF1001 // The query filter annotation's types are EF Core's internal API; CompiledModelTests pin their use.
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Iro.Web.Data;

/// <summary>
/// Each provider's EF Core model, generated ahead of time into <c>Data/CompiledModels</c> by
/// <c>scripts/compile-model</c> and found by EF Core through the assembly attribute generated with it, so that a
/// process does not build the model from the configurations when it first uses the database (about 0.8 s of every
/// command-line verb, and of the server's first request). The EF tools (migrations) still build the model from the
/// configurations. EF Core cannot generate a compiled model with query filters in it, so the model is generated
/// without them and <see cref="QueryFilters"/> are added to it here, from the same list the configured model uses.
/// </summary>
internal static class CompiledModel
{
    public const string GenerationArgument = "--compiled-model";

    /// <summary>True only inside the EF tools while they generate the compiled model.</summary>
    public static bool BeingGenerated { get; private set; }

    public static void NoteGeneration(string[] designTimeArgs)
    {
        if (designTimeArgs.Contains(GenerationArgument))
            BeingGenerated = true;
    }

    /// <summary>What EF Core's own runtime model convention stores for a configured filter.</summary>
    public static void AddQueryFilters(RuntimeModel model)
    {
        foreach (var (entity, filter) in QueryFilters.All)
        {
            var entityType = (RuntimeEntityType)(((IModel)model).FindEntityType(entity)
                ?? throw new InvalidOperationException($"The compiled model has no entity type {entity.Name}: run scripts/compile-model."));
            entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null, filter)]));
        }
    }
}
#pragma warning restore EF1001
